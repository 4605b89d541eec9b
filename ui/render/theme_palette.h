#pragma once
// The colours of the light and dark themes, for the window and for every exported figure.

#include <QColor>
#include <QPalette>

namespace ax::ui {

// A light palette with dark text on near-white surfaces.
[[nodiscard]] QPalette lightPalette();
// A dark palette with light text on charcoal surfaces; contrast kept above WCAG AA for text.
[[nodiscard]] QPalette darkPalette();
// The palette the platform offered before a theme replaced it, so "follow system" can go back to it.
[[nodiscard]] const QPalette& platformPalette();
// The palette the platform would use, or the light one when the platform does not say.
[[nodiscard]] QPalette systemPalette();
// True when the palette reads as dark (its window colour is darker than its text).
[[nodiscard]] bool isDark(const QPalette& palette);

// The ring a control wears while it has the keyboard focus: the highlight colour, lightened on a
// dark palette so it stands out from the charcoal as much as the blue does from the light grey.
[[nodiscard]] QColor focusRingColour(const QPalette& palette);

}  // namespace ax::ui
