#pragma once
// The headless commands that write one named file: --screenshot and --export-table.

#include "app/command_line.h"

#include <QCoreApplication>

#include <cstdio>

namespace ax::app {

// Checks the file's name, folder and options before anything is written, then writes it.
class FileCommands {
    Q_DECLARE_TR_FUNCTIONS(FileCommands)

public:
    // Each needs a QApplication. Prints the written path on output, errors as one line on stderr;
    // returns 0, kBadInputExitCode for bad input, or 1 when writing failed (the old file stays).
    [[nodiscard]] static int screenshot(const Invocation& invocation, std::FILE* output);
    [[nodiscard]] static int exportTable(const Invocation& invocation, std::FILE* output);
};

// Creates the application (on the offscreen platform when there is no display) and runs the
// invocation's Screenshot or ExportTable command.
[[nodiscard]] int runFileCommand(char** argv, const Invocation& invocation);

}  // namespace ax::app
