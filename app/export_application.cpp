#include "app/export_application.h"

#include "app/commands/export_command.h"
#include "app/commands/platform.h"
#include "app/commands/train_command.h"

#include <QApplication>

#include <cstdio>

namespace ax::app {

int runExport(char** argv, const ExportArguments& arguments)
{
    useOffscreenPlatformWithoutDisplay();
    keepOnlyCriticalQtMessages();
    // Only the program name: the options were read already, and Qt would take --style for itself.
    int qtArgc = 1;
    // QApplication rather than QGuiApplication: the figure uses the widget style's fonts and palette.
    // The export itself builds no widget.
    const QApplication app(qtArgc, argv);
    return ExportCommand::run(arguments, stdout);
}

int runTrain(char** argv, const TrainArguments& arguments)
{
    useOffscreenPlatformWithoutDisplay();
    keepOnlyCriticalQtMessages();
    int qtArgc = 1;
    const QApplication app(qtArgc, argv);
    return TrainCommand::run(arguments, stdout);
}

}  // namespace ax::app
