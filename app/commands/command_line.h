#pragma once
// The program's options, read with QCommandLineParser's conventions, and what they ask for.

#include "app/commands/export_options.h"
#include "app/commands/lesson_command.h"
#include "app/commands/train_command.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <QByteArrayView>
#include <cstdio>
#include <optional>

namespace ax::app {

// Exit status of a run refused for bad input (unknown id, malformed number, unknown option, …).
inline constexpr int kBadInputExitCode = 2;

enum class Command {
    Window,
    Help,
    Version,
    Eval,
    List,
    Saturation,
    Export,
    Screenshot,
    ExportTable,
    Train,
    ExportLesson
};

// What one run of the program is asked to do, before any of its values are checked.
struct Invocation {
    Command command = Command::Window;
    QString activationSpec;        // for Eval and Saturation
    std::optional<QString> range;  // "MIN,MAX"
    std::optional<QString> epsilon;
    QString sessionPath;              // the positional argument; empty when none
    QString outputPath;               // the file of Screenshot and ExportTable
    std::optional<QString> size;      // for Screenshot: "WxH"
    std::optional<QString> theme;     // for Screenshot
    std::optional<QString> columns;   // for ExportTable: "name,formula,…"
    QString error;                    // not empty: the arguments are wrong and this says why
    ExportArguments exportArguments;  // for Export
    TrainArguments trainArguments;    // for Train
    LessonArguments lessonArguments;  // for ExportLesson
};

// Declares the options and reads the arguments; also prints help and version text.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    CommandLine();

    // arguments as in argv, the program first. Needs no QCoreApplication, so the caller can pick
    // the application class (with or without a display) from the result.
    [[nodiscard]] Invocation read(const QStringList& arguments);

    // Both need the QCoreApplication and end the process with exit code 0.
    [[noreturn]] void showHelp();
    [[noreturn]] void showVersion();

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_helpOption;
    QCommandLineOption m_versionOption;
    QCommandLineOption m_eval;
    QCommandLineOption m_list;
    QCommandLineOption m_saturation;
    QCommandLineOption m_range;
    QCommandLineOption m_epsilon;
    QCommandLineOption m_screenshot;
    QCommandLineOption m_exportTable;
    QCommandLineOption m_columns;
    ExportOptions m_exportOptions;
    TrainOptions m_trainOptions;
    LessonOptions m_lessonOptions;
};

// Prints "activation-explorer: error: MESSAGE" as one line on stderr: control characters escaped,
// at most about a thousand bytes.
void reportError(const QString& message);

// Call first in main: puts /dev/null on any standard stream the program was started without, so
// that no file it opens takes that number, and remembers that standard output was closed.
void guardStandardStreams();

// Writes text to output and flushes it; returns the message when that fails (standard output
// closed, a full disk, a closed pipe), so a command never reports success it did not have.
[[nodiscard]] std::optional<QString> writeOutput(std::FILE* output, QByteArrayView text);

}  // namespace ax::app
