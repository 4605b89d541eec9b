#include "app/commands/command_line.h"
#include "app/commands/lesson_command.h"
#include "app/commands/local_path.h"
#include "app/commands/print_commands.h"
#include "app/commands/table_command.h"
#include "app/export_application.h"
#include "app/screenshot_command.h"
#include "app/window.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char* argv[])
{
    ax::app::guardStandardStreams();
    QCoreApplication::setApplicationName(QStringLiteral("activation-explorer"));
    // Without an organisation QSettings can neither read nor write: settings and recent files need it.
    QCoreApplication::setOrganizationName(QStringLiteral("Activation Explorer"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("activationexplorer.org"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AX_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << ax::app::argumentFromLocal8Bit(argv[i]);

    // The command decides the application class: only the window needs a display.
    ax::app::CommandLine commandLine;
    const ax::app::Invocation invocation = commandLine.read(arguments);
    if (invocation.error.isEmpty() && invocation.command == ax::app::Command::Window)
        return ax::app::runWindow(argc, argv, invocation.sessionPath);
    if (invocation.error.isEmpty() && invocation.command == ax::app::Command::Export)
        return ax::app::runExport(argv, invocation.exportArguments);
    if (invocation.error.isEmpty() && invocation.command == ax::app::Command::Train)
        return ax::app::runTrain(argv, invocation.trainArguments);
    if (invocation.error.isEmpty() && invocation.command == ax::app::Command::Screenshot)
        return ax::app::runScreenshotCommand(argv, invocation);
    if (invocation.error.isEmpty() && invocation.command == ax::app::Command::ExportLesson)
        return ax::app::runLessonCommand(argv, invocation.lessonArguments);
    if (invocation.error.isEmpty() && invocation.command == ax::app::Command::ExportTable)
        return ax::app::runTableCommand(argv, invocation);

    const QCoreApplication app(argc, argv);
    if (!invocation.error.isEmpty()) {
        ax::app::reportError(invocation.error);
        return ax::app::kBadInputExitCode;
    }
    if (invocation.command == ax::app::Command::Help) commandLine.showHelp();
    if (invocation.command == ax::app::Command::Version) commandLine.showVersion();
    return ax::app::PrintCommands::run(invocation, stdin, stdout);
}
