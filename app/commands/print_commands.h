#pragma once
// The commands that print to the terminal and need no display: --eval, --list, --saturation.

#include "app/commands/command_line.h"

#include <QCoreApplication>
#include <QString>

#include <cstdio>

namespace ax::app {

// Runs one headless command; errors go to stderr as one line and return kBadInputExitCode.
// Needs a QCoreApplication.
class PrintCommands {
    Q_DECLARE_TR_FUNCTIONS(PrintCommands)

public:
    // invocation.command is Eval, List or Saturation; input is read only by Eval.
    [[nodiscard]] static int run(const Invocation& invocation, std::FILE* input, std::FILE* output);

private:
    static int eval(const QString& spec, std::FILE* input, std::FILE* output);
    static int list(std::FILE* output);
    static int saturation(const Invocation& invocation, std::FILE* output);
};

}  // namespace ax::app
