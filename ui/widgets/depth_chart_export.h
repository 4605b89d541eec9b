#pragma once
// The depth lab's charts as exported figures (PNG, SVG, PDF), painted by the routine the view uses.

#include "ui/widgets/depth_lab_view.h"
#include "ui/render/figure_export.h"

#include <QByteArray>

#include <array>

namespace ax::ui {

inline constexpr std::array kDepthCharts{DepthChart::Variance, DepthChart::Gradient, DepthChart::Dead,
                                         DepthChart::Phase};

// One chart of view in format at the size, scale and theme of options (its chart and caption are not
// used). The view's theory must be current: it is computed when the view is constructed, so a view
// built on a state that is already set up is ready. Empty when the options are invalid.
[[nodiscard]] QByteArray renderDepthChartBytes(const DepthLabView& view, DepthChart chart,
                                               const FigureOptions& options, FigureFormat format);

}  // namespace ax::ui
