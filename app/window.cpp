#include "app/window.h"

#include "app/commands/command_line.h"
#include "app/commands/platform.h"

#include "ui/model/lesson_file.h"
#include "ui/render/chart_painter.h"
#include "ui/widgets/file_menu_actions.h"
#include "ui/widgets/lesson_actions.h"
#include "ui/widgets/main_window.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QtGlobal>

#include <cstdlib>

namespace ax::app {

int runWindow(int& argc, char** argv, const QString& sessionPath)
{
    // Without this check Qt aborts with a message about platform plugins that does not say what to do.
    if (!hasDisplay() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        reportError(
            QApplication::translate("ax::app::Window",
                                    "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the "
                                    "window cannot open; --eval, --list and --saturation need none (see "
                                    "--help)."));
        return EXIT_FAILURE;
    }
    ui::ChartPainter::cacheLargeGlyphs();
    QApplication app(argc, argv);
    QGuiApplication::setDesktopFileName(QStringLiteral("org.activationexplorer.ActivationExplorer"));
    QApplication::setWindowIcon(
        QIcon(QStringLiteral(":/icons/org.activationexplorer.ActivationExplorer.svg")));
    ui::MainWindow window;
    window.show();
    // Through the File actions, so the session becomes the window's file and joins the recent ones.
    // One that cannot be opened (e.g. double-clicked in a file manager) must not keep the window
    // from starting: say why and keep the state as it was.
    // Its custom activations are built off the GUI thread, so the window paints and responds meanwhile.
    // A lesson file (the file manager offers lessons to the program too) opens as a lesson.
    if (sessionPath.endsWith(QString::fromLatin1(ui::kLessonSuffix), Qt::CaseInsensitive)) {
        if (auto error = window.lessonActions()->openLessonFile(sessionPath)) {
            reportError(*error);
            QMessageBox::warning(
                &window, QApplication::translate("ax::app::Window", "Cannot open the lesson"), *error);
        }
    } else if (!sessionPath.isEmpty()) {
        window.fileActions()->openSessionFileInBackground(
            sessionPath, [&window](const std::optional<QString>& error) {
                if (!error) return;
                reportError(*error);
                QMessageBox::warning(
                    &window, QApplication::translate("ax::app::Window", "Cannot open the session"), *error);
            });
    }
    return QApplication::exec();
}

}  // namespace ax::app
