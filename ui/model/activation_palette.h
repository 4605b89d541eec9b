#pragma once
// The one colour-blind-safe palette: an activation keeps its colour everywhere (charts, legend,
// table swatch, exports), assigned by catalog order.

#include <QColor>
#include <QPen>

namespace ax::ui {

// Colour of the activation at catalogIndex; custom ones (index 43 and up) reuse the palette without the grey.
[[nodiscard]] QColor activationColour(int catalogIndex);

// Dash pattern for print style, so a greyscale print still tells curves apart.
[[nodiscard]] Qt::PenStyle activationDash(int catalogIndex);

}  // namespace ax::ui
