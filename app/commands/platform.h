#pragma once
// Which Qt platform a run needs: headless commands must work on a machine with no X or Wayland.

namespace ax::app {

// True when an X or Wayland display is announced in the environment.
[[nodiscard]] bool hasDisplay() noexcept;

// For commands that draw without a window (screenshots, exports): selects Qt's offscreen platform
// when there is no display and the user has not chosen a platform. Call before the
// QGuiApplication exists.
void useOffscreenPlatformWithoutDisplay();

// For headless commands, whose only stderr output is their own one-line error: drops Qt's notes
// about the environment (such as a missing XDG_RUNTIME_DIR on a server) and keeps its critical
// messages.
void keepOnlyCriticalQtMessages();

}  // namespace ax::app
