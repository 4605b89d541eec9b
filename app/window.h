#pragma once
// The path of a run that opens the explorer window.

#include <QString>

namespace ax::app {

// Creates the QApplication and the window and runs the event loop; sessionPath (may be empty) is
// the session file named on the command line. Returns the exit status.
[[nodiscard]] int runWindow(int& argc, char** argv, const QString& sessionPath);

}  // namespace ax::app
