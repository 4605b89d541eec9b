#pragma once
// Compare-conventions mode on the charts: the framework variants of one activation drawn over
// the function and derivative charts, with the stretches where they differ visibly shaded.

#include "core/framework_conventions.h"
#include "core/measurements.h"

#include <QColor>
#include <QString>
#include <Qt>

#include <vector>

class QPainter;

namespace ax::ui {

class ExplorerState;
struct ChartLayout;

class ConventionOverlay {
public:
    static constexpr double kThreshold = 1e-3;

    // Where two variants disagree, in f (order 0) or f′ (order 1).
    struct Difference {
        core::Framework first = core::Framework::PyTorch;
        core::Framework second = core::Framework::PyTorch;
        int order = 0;
        std::vector<core::Interval> intervals;
    };

    // Every pair of frameworks whose variants of id differ by more than kThreshold over the state's
    // z range, for order 0 and 1.
    [[nodiscard]] static std::vector<Difference> differences(const QString& id, double zMin, double zMax);
    // The union of the intervals of one order, merged and sorted: what the charts shade.
    [[nodiscard]] static std::vector<core::Interval> shadedIntervals(const QString& id, double zMin,
                                                                     double zMax, int order);

    [[nodiscard]] static QColor frameworkColour(core::Framework framework);
    [[nodiscard]] static Qt::PenStyle frameworkDash(core::Framework framework);

    // Draws the overlay for state.comparedConventionId() (nothing when it is empty); unit scales
    // pens and text like the rest of the chart.
    static void paint(QPainter& painter, const ChartLayout& layout, const ExplorerState& state, double unit,
                      const QColor& foreground, const QColor& background);
};

}  // namespace ax::ui
