#pragma once
// The light and dark looks of the application, applied app-wide when the state's theme changes.

#include "ui/model/explorer_state.h"
#include "ui/render/theme_palette.h"

namespace ax::ui {

// Sets the Fusion style and the palette for theme on the whole application.
void applyTheme(Theme theme);

}  // namespace ax::ui
