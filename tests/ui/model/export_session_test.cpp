// Sessions from the File menu: saved and reopened exactly, refused with a message (and nothing
// changed) when damaged or newer, remembered in the recent files; and the command line exports a
// session exactly as the window would.

#include "ui/model/explorer_state.h"
#include "ui/model/recent_files.h"
#include "ui/model/session_file.h"
#include "ui/render/figure_export.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/file_menu_actions.h"
#include "ui/widgets/main_window.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QMenu>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using ax::ui::ExplorerState;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

// A state a teacher might set up: not the defaults anywhere.
void customise(ExplorerState& state)
{
    state.setEnabledIds({QStringLiteral("elu"), QStringLiteral("selu"), QStringLiteral("swish")});
    ASSERT_FALSE(state.setParameter(QStringLiteral("elu"), QStringLiteral("alpha"), 0.5));
    ASSERT_FALSE(state.setParameter(QStringLiteral("swish"), QStringLiteral("beta"), 2.25));
    ASSERT_FALSE(state.setRange(-3.5, 4.0));
    ASSERT_FALSE(state.setEpsilon(0.02));
    ASSERT_FALSE(state.setSamples(1500));
    state.setShowSecondDerivative(true);
    state.setChartStyle(ax::ui::ChartStyle::Print);
}

class ExportSession : public ::testing::Test {
protected:
    void SetUp() override
    {
        // Keeps the recent-files list of these tests out of the user's settings.
        QStandardPaths::setTestModeEnabled(true);
        ax::ui::RecentFiles::clear();
    }
    void TearDown() override { ax::ui::RecentFiles::clear(); }

    QTemporaryDir m_dir;
};

TEST_F(ExportSession, SaveOpenSaveGivesTheSameFile)
{
    ExplorerState state;
    customise(state);
    const QString first = m_dir.filePath(QStringLiteral("lesson.actx.json"));
    const QString second = m_dir.filePath(QStringLiteral("again.actx.json"));
    ASSERT_FALSE(ax::ui::saveSession(state, first));
    ExplorerState reopened;
    ASSERT_FALSE(ax::ui::openSession(reopened, first));
    EXPECT_EQ(reopened.toJson(), state.toJson());
    ASSERT_FALSE(ax::ui::saveSession(reopened, second));
    EXPECT_EQ(readAll(first), readAll(second));
}

TEST_F(ExportSession, NewerOrDamagedSessionIsRefusedAndChangesNothing)
{
    ExplorerState state;
    customise(state);
    const QJsonObject before = state.toJson();

    QJsonObject newer = before;
    newer.insert(QStringLiteral("version"), ExplorerState::kFormatVersion + 1);
    const QString newerPath = m_dir.filePath(QStringLiteral("newer.actx.json"));
    writeAll(newerPath, QJsonDocument(newer).toJson());
    const auto newerError = ax::ui::openSession(state, newerPath);
    ASSERT_TRUE(newerError);
    EXPECT_TRUE(newerError->contains(QStringLiteral("newer"))) << newerError->toStdString();
    EXPECT_EQ(state.toJson(), before);

    const QString damagedPath = m_dir.filePath(QStringLiteral("damaged.actx.json"));
    writeAll(damagedPath, QJsonDocument(before).toJson().left(60));
    EXPECT_TRUE(ax::ui::openSession(state, damagedPath));
    EXPECT_EQ(state.toJson(), before);
}

TEST_F(ExportSession, FileMenuSavesOpensAndRemembersSessions)
{
    QMainWindow window;
    ExplorerState& state = *new ExplorerState(&window);
    ax::ui::FileMenuActions actions(window, state, nullptr);
    QMenu menu;
    actions.addTo(&menu);
    EXPECT_EQ(actions.openAction()->shortcut(), QKeySequence(QKeySequence::Open));
    EXPECT_EQ(actions.saveAction()->shortcut(), QKeySequence(QKeySequence::Save));
    EXPECT_EQ(actions.copyFigureAction()->shortcut(), QKeySequence(QKeySequence::Copy));
    EXPECT_TRUE(menu.actions().contains(actions.exportAction()));
    EXPECT_TRUE(menu.actions().contains(actions.exportAnimationAction()));

    customise(state);
    const QJsonObject saved = state.toJson();
    const QString path = m_dir.filePath(QStringLiteral("class.actx.json"));
    ASSERT_FALSE(actions.saveSessionFile(path));
    EXPECT_EQ(actions.currentSession(), path);
    state.restoreDefaults();
    ASSERT_NE(state.toJson(), saved);

    ASSERT_FALSE(actions.openSessionFile(path));
    EXPECT_EQ(state.toJson(), saved);
    EXPECT_EQ(ax::ui::RecentFiles::list().value(0), path);

    // The recent menu offers the file and opening it from there restores it.
    state.restoreDefaults();
    emit actions.recentMenu()->aboutToShow();
    QAction* entry = nullptr;
    for (QAction* action : actions.recentMenu()->actions())
        if (action->text() == QStringLiteral("class.actx.json")) entry = action;
    ASSERT_NE(entry, nullptr);
    entry->trigger();
    EXPECT_EQ(state.toJson(), saved);

    // A damaged file is refused by the menu too, and the state stays as it was.
    const QString damaged = m_dir.filePath(QStringLiteral("broken.actx.json"));
    writeAll(damaged, "{\"format\": \"activation-explorer-session\", \"version\": 1, \"range\": [5, 1]}");
    EXPECT_TRUE(actions.openSessionFile(damaged));
    EXPECT_EQ(state.toJson(), saved);
    EXPECT_EQ(actions.currentSession(), path);
}

TEST_F(ExportSession, CommandLineExportOfASessionEqualsTheWindowsExport)
{
    ExplorerState state;
    customise(state);
    state.setChartStyle(ax::ui::ChartStyle::Screen);
    const QString session = m_dir.filePath(QStringLiteral("figure.actx.json"));
    ASSERT_FALSE(ax::ui::saveSession(state, session));

    const QString out = m_dir.filePath(QStringLiteral("out"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(AX_APP_PATH),
                  {QStringLiteral("--export"), out, QStringLiteral("--session"), session,
                   QStringLiteral("--charts"), QStringLiteral("combined"), QStringLiteral("--format"),
                   QStringLiteral("png,svg"), QStringLiteral("--size"), QStringLiteral("800x500")});
    ASSERT_TRUE(process.waitForFinished(60000));
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();

    ax::ui::FigureOptions options;
    options.chart = ax::ui::Chart::Combined;
    options.size = QSizeF(800, 500);
    options.theme = ax::ui::Theme::Light;
    const QImage window =
        QImage::fromData(ax::ui::renderFigureBytes(state, options, ax::ui::FigureFormat::Png));
    const QImage command(out + QStringLiteral("/combined.png"));
    ASSERT_EQ(command.size(), window.size());
    EXPECT_EQ(command.convertToFormat(QImage::Format_ARGB32), window.convertToFormat(QImage::Format_ARGB32));
    EXPECT_EQ(readAll(out + QStringLiteral("/combined.svg")),
              ax::ui::renderFigureBytes(state, options, ax::ui::FigureFormat::Svg));
}

TEST_F(ExportSession, WindowFileMenuOffersSessionsExportAndCopy)
{
    ax::ui::MainWindow window(ax::ui::Persistence::None);
    window.resize(1200, 800);
    window.show();
    ax::ui::FileMenuActions* actions = window.fileActions();
    ASSERT_NE(actions, nullptr);
    const QList<QAction*> menu = window.fileMenu()->actions();
    for (QAction* action :
         {actions->openAction(), actions->saveAction(), actions->saveAsAction(), actions->exportAction(),
          actions->exportAnimationAction(), actions->copyFigureAction()})
        EXPECT_TRUE(menu.contains(action)) << action->text().toStdString();
    EXPECT_TRUE(menu.contains(actions->recentMenu()->menuAction()));
    // Quit stays last.
    EXPECT_EQ(menu.last(), window.actions().quit);

    // Copy Figure puts the combined figure, at the charts' size, on the clipboard.
    QGuiApplication::clipboard()->clear();
    actions->copyFigureAction()->trigger();
    const QImage copied = QGuiApplication::clipboard()->image();
    ASSERT_FALSE(copied.isNull());
    EXPECT_EQ(copied.size(), window.chartArea()->size() * window.chartArea()->devicePixelRatio());
}

}  // namespace
