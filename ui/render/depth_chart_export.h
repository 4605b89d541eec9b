#pragma once
// The depth lab's charts as exported figures (PNG, SVG, PDF), painted by the routine the view uses.

#include "ui/model/depth_lab_model.h"
#include "ui/render/figure_export.h"

#include <QByteArray>

namespace ax::ui {

// One chart of model in format at the size, scale and theme of options (its chart and caption are not
// used). The model's theory must be current (completeTheory()). Empty when the options are invalid.
[[nodiscard]] QByteArray renderDepthChartBytes(const DepthLabModel& model, Chart chart,
                                               const FigureOptions& options, FigureFormat format);

}  // namespace ax::ui
