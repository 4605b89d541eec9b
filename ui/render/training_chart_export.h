#pragma once
// The training lab's charts as exported figures (PNG, SVG, PDF), painted by the depth charts' routine.

#include "core/training/training_race.h"
#include "ui/model/charts.h"
#include "ui/render/figure_export.h"
#include "ui/render/training_chart_content.h"

#include <QByteArray>

#include <vector>

namespace ax::ui {

// One training chart of snapshot in format at the size, scale and theme of options (its chart and
// caption are not used). Empty when the options are invalid.
[[nodiscard]] QByteArray renderTrainingChartBytes(const core::RaceSnapshot& snapshot,
                                                  const std::vector<TrainingSeriesStyle>& styles, Chart chart,
                                                  const FigureOptions& options, FigureFormat format);

}  // namespace ax::ui
