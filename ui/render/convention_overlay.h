#pragma once
// Compare-conventions mode on the charts: the framework variants of one activation drawn over
// the function and derivative charts, with the stretches where they differ visibly shaded.

#include "core/framework_conventions.h"

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
    [[nodiscard]] static QColor frameworkColour(core::Framework framework);
    [[nodiscard]] static Qt::PenStyle frameworkDash(core::Framework framework);

    // Draws the overlay for state.comparedConventionId() (nothing when it is empty); unit scales
    // pens and text like the rest of the chart.
    static void paint(QPainter& painter, const ChartLayout& layout, const ExplorerState& state, double unit,
                      const QColor& foreground, const QColor& background);
};

}  // namespace ax::ui
