#pragma once
// The headless --export command: checks every option, then writes the charts as files.

#include "app/commands/export_options.h"

#include <QCoreApplication>

#include <cstdio>
#include <optional>

namespace ax::ui {
class ExplorerState;
}

namespace ax::app {

// Renders figures without a window; refuses bad input before the first file is written.
class ExportCommand {
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    // Needs a QGuiApplication. Prints the written paths on output, errors as one line on stderr;
    // returns 0, kBadInputExitCode for bad input, or 1 when writing failed (nothing is left behind).
    [[nodiscard]] static int run(const ExportArguments& arguments, std::FILE* output);
};

// Opens a session named on the command line into state (a name that is not UTF-8 by its bytes);
// the message when it cannot be read.
[[nodiscard]] std::optional<QString> openSessionArgument(ui::ExplorerState& state, const QString& path);

}  // namespace ax::app
