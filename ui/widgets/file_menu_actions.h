#pragma once
// The File menu's session and export actions: Open, Open Recent, Save, Save As, Export, Export
// Animation and Copy Figure, acting on the window's state.

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

namespace ax::ui {

class DepthLabView;
class ExplorerState;
class StateLoader;

class FileMenuActions : public QObject {
    Q_OBJECT

public:
    // chartView: the widget whose size a copied figure takes, and where Copy's shortcut acts (so
    // Copy in a table or text field keeps its usual meaning).
    FileMenuActions(QMainWindow& window, ExplorerState& state, QWidget* chartView);

    // Inserts the actions into menu before the action before (at the end when null).
    void addTo(QMenu* menu, QAction* before = nullptr);
    // The Export dialog then offers the depth lab's charts too.
    void setDepthLab(DepthLabView* view) { m_depthLab = view; }
    // Where sessions opened from the menu are read and their custom activations built.
    void setStateLoader(StateLoader* loader) { m_loader = loader; }

    [[nodiscard]] QAction* openAction() const noexcept { return m_open; }
    [[nodiscard]] QAction* saveAction() const noexcept { return m_save; }
    [[nodiscard]] QAction* saveAsAction() const noexcept { return m_saveAs; }
    [[nodiscard]] QAction* exportAction() const noexcept { return m_export; }
    [[nodiscard]] QAction* exportAnimationAction() const noexcept { return m_exportAnimation; }
    [[nodiscard]] QAction* copyFigureAction() const noexcept { return m_copyFigure; }
    [[nodiscard]] QMenu* recentMenu() const noexcept { return m_recent; }

    // The session file the state was last opened from or saved to; empty when none.
    [[nodiscard]] QString currentSession() const { return m_currentSession; }

    // Each returns the error message (the state is unchanged when opening fails).
    std::optional<QString> openSessionFile(const QString& path);
    // The same through the state loader, off the GUI thread; done hears how it ended (by default a
    // refusal is shown in a message box).
    void openSessionFileInBackground(const QString& path,
                                     std::function<void(const std::optional<QString>&)> done = {});
    std::optional<QString> saveSessionFile(const QString& path);

    // Copies the combined figure at the chart view's size to the clipboard.
    void copyFigure();

signals:
    // The state now matches the session file at path: just opened or saved.
    void sessionFileChanged(const QString& path);

private:
    void open();
    void save();
    void saveAs();
    void showExportDialog(bool animation);
    void rebuildRecentMenu();
    void report(const QString& message);
    void warn(const QString& title, const QString& message);

    QMainWindow& m_window;
    ExplorerState& m_state;
    QWidget* m_chartView = nullptr;
    DepthLabView* m_depthLab = nullptr;
    StateLoader* m_loader = nullptr;
    QAction* m_open = nullptr;
    QAction* m_save = nullptr;
    QAction* m_saveAs = nullptr;
    QAction* m_export = nullptr;
    QAction* m_exportAnimation = nullptr;
    QAction* m_copyFigure = nullptr;
    QMenu* m_recent = nullptr;
    QString m_currentSession;
};

}  // namespace ax::ui
