#pragma once
// The headless --export-table command: the comparison table as CSV, Markdown, LaTeX or HTML.

#include "app/commands/command_line.h"

#include <QCoreApplication>

#include <cstdio>

namespace ax::app {

// Checks the file's name and folder before anything is written, then writes it.
class TableCommand {
    Q_DECLARE_TR_FUNCTIONS(TableCommand)

public:
    // Needs a QGuiApplication. Prints the written path on output, errors as one line on stderr;
    // returns 0, kBadInputExitCode for bad input, or 1 when writing failed (the old file stays).
    [[nodiscard]] static int run(const Invocation& invocation, std::FILE* output);
};

// Creates the application (on the offscreen platform when there is no display) and runs the
// invocation's ExportTable command.
[[nodiscard]] int runTableCommand(char** argv, const Invocation& invocation);

}  // namespace ax::app
