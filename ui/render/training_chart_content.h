#pragma once
// The training lab's charts (loss, accuracy, dead units over the steps, and the gradient through
// the layers) built from a race's results, for the routine that paints the depth lab's charts.

#include "core/training/training_race.h"
#include "ui/model/charts.h"
#include "ui/render/depth_chart_painter.h"

#include <QColor>
#include <QString>

#include <vector>

namespace ax::ui {

// How one contestant is named and coloured, in the order of the snapshot's contestants.
struct TrainingSeriesStyle {
    QString label;
    QColor colour;
    friend bool operator==(const TrainingSeriesStyle&, const TrainingSeriesStyle&) = default;
};

// Builds the chart from a race's snapshot, for paintDepthChart. chart is one of kTrainingCharts.
// layer: for TrainingDeadUnits, -1 = share over all hidden units, k = hidden layer k (0-based).
// A contestant without a style is named by its id, in grey. A diverged contestant's lines end at
// its last finite measurement and its label says "(diverged)".
[[nodiscard]] DepthChartContent trainingChartContent(const core::RaceSnapshot& snapshot, Chart chart,
                                                     const std::vector<TrainingSeriesStyle>& styles,
                                                     int layer = -1);

}  // namespace ax::ui
