#pragma once
// Renders the main window in its default state to a PNG without showing it on screen, for the
// command line and the README.

#include "ui/model/explorer_state.h"

#include <QSize>
#include <QString>

#include <optional>

namespace ax::ui {

inline constexpr QSize kDefaultScreenshotSize{1600, 900};

// The message when a window of size cannot be rendered (too small to lay out, or too large).
[[nodiscard]] std::optional<QString> checkScreenshotSize(QSize size);

// Builds a window with the default state (the user's settings are not read), lays it out at size,
// grabs it and writes the PNG through QSaveFile. Returns an error message on failure; sizeRefused,
// when given, tells whether the size itself was the problem (the window cannot be laid out so small),
// which the command line counts as bad input. Needs a QApplication (the offscreen platform is enough).
[[nodiscard]] std::optional<QString> renderWindowScreenshot(const QString& path,
                                                            QSize size = kDefaultScreenshotSize,
                                                            Theme theme = Theme::System,
                                                            bool* sizeRefused = nullptr);

}  // namespace ax::ui
