#include "ui/widgets/file_menu_actions.h"

#include "ui/model/explorer_state.h"
#include "ui/model/recent_files.h"
#include "ui/model/session_file.h"
#include "ui/model/state_loader.h"
#include "ui/render/figure_export.h"
#include "ui/widgets/export_dialog.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QWidget>

#include <algorithm>

namespace ax::ui {

namespace {

constexpr int kExportStatusTimeoutMs = 5000;

// The Export dialog's last folder and figure format, kept beside the other window settings.
const QString kExportFolderKey = QStringLiteral("export/folder");
const QString kExportFormatKey = QStringLiteral("export/format");
const QString kExportAnimationFormatKey = QStringLiteral("export/animationFormat");

QString withSessionSuffix(const QString& path)
{
    return path.endsWith(QLatin1String(kSessionSuffix)) ? path : path + QLatin1String(kSessionSuffix);
}

}  // namespace

FileMenuActions::FileMenuActions(QMainWindow& window, ExplorerState& state, QWidget* chartView)
    : QObject(&window), m_window(window), m_state(state), m_chartView(chartView)
{
    m_open = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Session…"), this);
    m_open->setShortcut(QKeySequence::Open);
    m_open->setStatusTip(tr("Opens a saved session: activations, parameters, range, ε and chart options."));
    m_recent = new QMenu(tr("Open &Recent"), &window);
    m_save = new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("&Save Session"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setStatusTip(tr("Saves the whole state as a small, readable session file."));
    m_saveAs =
        new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save Session &As…"), this);
    m_saveAs->setShortcut(QKeySequence::SaveAs);
    m_saveAs->setStatusTip(tr("Saves the session under a new name."));
    m_export = new QAction(QIcon::fromTheme(QStringLiteral("document-export")), tr("&Export Figure…"), this);
    m_export->setStatusTip(tr("Writes a chart or the combined figure as PNG, SVG or PDF."));
    m_exportAnimation = new QAction(tr("Export &Animation…"), this);
    m_exportAnimation->setStatusTip(
        tr("Writes a parameter sweep as an animated GIF or a numbered PNG sequence."));
    m_copyFigure = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy Figure"), this);
    m_copyFigure->setShortcut(QKeySequence::Copy);
    m_copyFigure->setStatusTip(tr("Copies the combined figure to the clipboard as an image and as SVG."));
    if (m_chartView) {
        // Only while the charts have the focus: elsewhere Copy copies text or table rows.
        m_copyFigure->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_chartView->addAction(m_copyFigure);
    }

    connect(m_open, &QAction::triggered, this, &FileMenuActions::open);
    connect(m_save, &QAction::triggered, this, &FileMenuActions::save);
    connect(m_saveAs, &QAction::triggered, this, &FileMenuActions::saveAs);
    connect(m_export, &QAction::triggered, this, [this] { showExportDialog(false); });
    connect(m_exportAnimation, &QAction::triggered, this, [this] { showExportDialog(true); });
    connect(m_copyFigure, &QAction::triggered, this, &FileMenuActions::copyFigure);
    connect(m_recent, &QMenu::aboutToShow, this, &FileMenuActions::rebuildRecentMenu);
    rebuildRecentMenu();
}

void FileMenuActions::addTo(QMenu* menu, QAction* before)
{
    menu->insertAction(before, m_open);
    menu->insertMenu(before, m_recent);
    menu->insertAction(before, m_save);
    menu->insertAction(before, m_saveAs);
    menu->insertSeparator(before);
    menu->insertAction(before, m_export);
    menu->insertAction(before, m_exportAnimation);
    menu->insertAction(before, m_copyFigure);
    if (before) menu->insertSeparator(before);
}

std::optional<QString> FileMenuActions::openSessionFile(const QString& path)
{
    if (auto error = openSession(m_state, path)) return error;
    m_currentSession = path;
    RecentFiles::add(path);
    m_window.setWindowFilePath(path);
    emit sessionFileChanged(path);
    report(tr("Opened %1.").arg(QFileInfo(path).fileName()));
    return std::nullopt;
}

void FileMenuActions::openSessionFileInBackground(const QString& path,
                                                  std::function<void(const std::optional<QString>&)> done)
{
    if (!done)
        done = [this](const std::optional<QString>& error) {
            if (error) warn(tr("Cannot open the session"), *error);
        };
    if (!m_loader) {
        done(openSessionFile(path));
        return;
    }
    report(tr("Opening %1 (checking its formulas)…").arg(QFileInfo(path).fileName()));
    m_loader->load([path](ExplorerState& scratch) { return openSession(scratch, path); },
                   [this, path, done = std::move(done)](const std::optional<QString>& error) {
                       if (!error) {
                           m_currentSession = path;
                           RecentFiles::add(path);
                           m_window.setWindowFilePath(path);
                           report(tr("Opened %1.").arg(QFileInfo(path).fileName()));
                       }
                       done(error);
                   });
}

std::optional<QString> FileMenuActions::saveSessionFile(const QString& path)
{
    if (auto error = saveSession(m_state, path)) return error;
    m_currentSession = path;
    RecentFiles::add(path);
    m_window.setWindowFilePath(path);
    emit sessionFileChanged(path);
    report(tr("Saved %1.").arg(QFileInfo(path).fileName()));
    return std::nullopt;
}

void FileMenuActions::open()
{
    const QString directory =
        m_currentSession.isEmpty() ? QDir::homePath() : QFileInfo(m_currentSession).path();
    const QString path = QFileDialog::getOpenFileName(&m_window, tr("Open Session"), directory,
                                                      tr("Sessions (*.actx.json);;All files (*)"));
    if (path.isEmpty()) return;
    openSessionFileInBackground(path);
}

void FileMenuActions::save()
{
    if (m_currentSession.isEmpty()) {
        saveAs();
        return;
    }
    if (auto error = saveSessionFile(m_currentSession)) warn(tr("Cannot save the session"), *error);
}

void FileMenuActions::saveAs()
{
    const QString suggestion = m_currentSession.isEmpty()
                                   ? QDir::home().filePath(tr("session") + QLatin1String(kSessionSuffix))
                                   : m_currentSession;
    const QString path = QFileDialog::getSaveFileName(&m_window, tr("Save Session As"), suggestion,
                                                      tr("Sessions (*.actx.json)"));
    if (path.isEmpty()) return;
    if (auto error = saveSessionFile(withSessionSuffix(path))) warn(tr("Cannot save the session"), *error);
}

void FileMenuActions::showExportDialog(bool animation)
{
    ExportDialog dialog(m_state, &m_window);
    dialog.setDepthLab(m_depthLab);
    dialog.showPage(animation ? ExportDialog::Page::Animation : ExportDialog::Page::Figure);
    QSettings settings;
    if (const auto format = figureFormatFromName(settings.value(kExportFormatKey).toString()))
        dialog.setFigureFormat(*format);
    dialog.setAnimationFormatName(settings.value(kExportAnimationFormatKey).toString());
    // A folder that has gone since (an unplugged stick) falls back to the dialog's own choice.
    if (const QString folder = settings.value(kExportFolderKey).toString();
        !folder.isEmpty() && QFileInfo(folder).isDir())
        dialog.setFolder(folder);
    if (dialog.exec() != QDialog::Accepted) return;
    settings.setValue(kExportFolderKey, QFileInfo(dialog.path()).absolutePath());
    if (dialog.currentPage() == ExportDialog::Page::Figure)
        settings.setValue(kExportFormatKey, figureFormatName(dialog.figureFormat()));
    else
        settings.setValue(kExportAnimationFormatKey, dialog.animationFormatName());
    report(tr("Exported %1.").arg(QDir::toNativeSeparators(dialog.path())));
}

void FileMenuActions::copyFigure()
{
    FigureOptions options;
    options.chart = Chart::Combined;
    options.style = m_state.chartStyle();
    options.theme = m_state.theme();
    if (m_chartView && m_chartView->width() >= 160 && m_chartView->height() >= 120) {
        options.size = QSizeF(m_chartView->size());
        options.scale = std::max(1.0, m_chartView->devicePixelRatioF());
    }
    copyFigureToClipboard(m_state, options);
    report(tr("Copied the figure to the clipboard."));
}

void FileMenuActions::rebuildRecentMenu()
{
    m_recent->clear();
    const QStringList files = RecentFiles::list();
    for (const QString& path : files) {
        QAction* action = m_recent->addAction(QFileInfo(path).fileName());
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { openSessionFileInBackground(path); });
    }
    if (files.isEmpty()) {
        m_recent->addAction(tr("No recent sessions"))->setEnabled(false);
        return;
    }
    m_recent->addSeparator();
    connect(m_recent->addAction(tr("&Clear List")), &QAction::triggered, this, [] { RecentFiles::clear(); });
}

void FileMenuActions::report(const QString& message)
{
    m_window.statusBar()->showMessage(message, kExportStatusTimeoutMs);
}

void FileMenuActions::warn(const QString& title, const QString& message)
{
    QMessageBox::warning(&m_window, title, message);
}

}  // namespace ax::ui
