#pragma once
// The --screenshot command: the window in its default state as a PNG, drawn without showing it.

#include "app/commands/command_line.h"

#include <QCoreApplication>

#include <cstdio>

namespace ax::app {

// Checks the file's name, folder, size and theme before anything is written, then writes it.
class ScreenshotCommand {
    Q_DECLARE_TR_FUNCTIONS(ScreenshotCommand)

public:
    // Needs a QApplication. Prints the written path on output, errors as one line on stderr;
    // returns 0, kBadInputExitCode for bad input, or 1 when writing failed (the old file stays).
    [[nodiscard]] static int run(const Invocation& invocation, std::FILE* output);
};

// Creates the application (on the offscreen platform when there is no display) and runs the
// invocation's Screenshot command.
[[nodiscard]] int runScreenshotCommand(char** argv, const Invocation& invocation);

}  // namespace ax::app
