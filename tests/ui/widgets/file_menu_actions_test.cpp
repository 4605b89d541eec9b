// The File menu's Export dialog opens in the folder and with the figure format (and the animation
// output) used last time, also after a restart (they are kept in the settings).

#include "ui/widgets/file_menu_actions.h"
#include "ui/widgets/export_dialog.h"
#include "ui/widgets/main_window.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>

namespace ax::ui {
namespace {

// Runs act on the Export dialog once it is open, then lets exec() return.
void whenExportOpens(const std::function<void(ExportDialog&)>& act)
{
    QTimer::singleShot(0, [act] {
        auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        act(*dialog);
    });
}

TEST(FileMenuActionsTest, ExportRemembersItsFolderAndFormat)
{
    QTemporaryDir settingsDir;
    QTemporaryDir first;
    QTemporaryDir second;
    ASSERT_TRUE(settingsDir.isValid() && first.isValid() && second.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings().clear();

    for (const auto& [folder, format] :
         {std::pair{first.path(), FigureFormat::Svg}, std::pair{second.path(), FigureFormat::Pdf}}) {
        MainWindow window(Persistence::None);
        whenExportOpens([folder = folder, format = format](ExportDialog& dialog) {
            dialog.setFigureFormat(format);
            dialog.setFolder(folder);
            dialog.accept();
        });
        window.fileActions()->exportAction()->trigger();
        ASSERT_FALSE(QDir(folder).entryList(QDir::Files).isEmpty()) << "the figure was written";

        // A new window, as after a restart: the dialog starts where the last export went.
        MainWindow again(Persistence::None);
        bool checked = false;
        whenExportOpens([&checked, folder = folder, format = format](ExportDialog& dialog) {
            EXPECT_EQ(dialog.figureFormat(), format);
            EXPECT_EQ(QFileInfo(dialog.path()).absolutePath(), QFileInfo(folder).absoluteFilePath());
            EXPECT_TRUE(dialog.path().endsWith(QLatin1Char('.') + figureFormatName(format)))
                << dialog.path().toStdString();
            checked = true;
            dialog.reject();
        });
        again.fileActions()->exportAction()->trigger();
        EXPECT_TRUE(checked);
    }

    // The animation's output is remembered on its own, beside the figure's format.
    for (const QString& output : {QStringLiteral("png"), QStringLiteral("gif")}) {
        MainWindow window(Persistence::None);
        whenExportOpens([&output, &first](ExportDialog& dialog) {
            dialog.setAnimationFormatName(output);
            dialog.findChild<QSpinBox*>(QStringLiteral("sweepFrames"))->setValue(2);
            dialog.findChild<QComboBox*>(QStringLiteral("exportSizePreset"))->setCurrentIndex(4);  // custom
            dialog.findChild<QSpinBox*>(QStringLiteral("exportWidth"))->setValue(320);
            dialog.findChild<QSpinBox*>(QStringLiteral("exportHeight"))->setValue(200);
            dialog.setFolder(first.path());
            dialog.accept();
        });
        window.fileActions()->exportAnimationAction()->trigger();
        MainWindow again(Persistence::None);
        bool checked = false;
        whenExportOpens([&checked, &output](ExportDialog& dialog) {
            EXPECT_EQ(dialog.animationFormatName(), output);
            EXPECT_TRUE(dialog.path().endsWith(QLatin1Char('.') + output)) << dialog.path().toStdString();
            checked = true;
            dialog.reject();
        });
        again.fileActions()->exportAnimationAction()->trigger();
        EXPECT_TRUE(checked);
        MainWindow figure(Persistence::None);
        whenExportOpens([](ExportDialog& dialog) {
            EXPECT_EQ(dialog.figureFormat(), FigureFormat::Pdf) << "the figure's format is its own";
            dialog.reject();
        });
        figure.fileActions()->exportAction()->trigger();
    }

    // A folder that is gone is not offered.
    const QString gone = QDir(second.path()).filePath(QStringLiteral("unplugged"));
    QSettings().setValue(QStringLiteral("export/folder"), gone);
    MainWindow window(Persistence::None);
    whenExportOpens([&gone](ExportDialog& dialog) {
        EXPECT_NE(QFileInfo(dialog.path()).absolutePath(), gone);
        dialog.reject();
    });
    window.fileActions()->exportAction()->trigger();
    QSettings().clear();
}

}  // namespace
}  // namespace ax::ui
