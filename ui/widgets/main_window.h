#pragma once
// The explorer window: the side panel of controls, the charts in the centre, the comparison table
// docked beside them, the menus and the status bar; it owns the one ExplorerState.

#include "ui/model/explorer_state.h"

#include <QByteArray>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QActionGroup;
class QDockWidget;
class QMenu;
class QScrollArea;
class QTabWidget;

namespace ax::ui {

class ActivationListPanel;
class ChartArea;
class ComparisonPanel;
class DepthLabView;
class TrainingLabView;
class FileMenuActions;
class LessonActions;
class ParameterPanel;
class RangePanel;
class SettingsStore;
class StateLoader;
class StepCaption;

// Whether a window reads the user's settings at start and writes them on close.
enum class Persistence { UserSettings, None };

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Every action of the window, created in one place; other features add theirs to the menus.
    struct Actions {
        QAction* quit = nullptr;
        QAction* restoreDefaults = nullptr;
        QAction* themeSystem = nullptr;
        QAction* themeLight = nullptr;
        QAction* themeDark = nullptr;
        QAction* showSecondDerivative = nullptr;
        QAction* presentationStyle = nullptr;
        QAction* showControls = nullptr;
        QAction* showComparison = nullptr;
        QAction* sidePanels = nullptr;
        QAction* resetView = nullptr;
        QAction* zoomIn = nullptr;
        QAction* zoomOut = nullptr;
        QAction* fullScreen = nullptr;
        QAction* gettingStarted = nullptr;
        QAction* about = nullptr;
        QAction* aboutQt = nullptr;
    };

    static constexpr double kZoomFactor = 1.25;

    // Reads the user's settings; a damaged store falls back to the defaults with a status message.
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(Persistence persistence, QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] ExplorerState& state() noexcept { return m_state; }
    [[nodiscard]] const Actions& actions() const noexcept { return m_actions; }
    [[nodiscard]] QMenu* fileMenu() const noexcept { return m_fileMenu; }
    // Open, Save, recent sessions, Export, Export Animation and Copy Figure of the File menu.
    [[nodiscard]] FileMenuActions* fileActions() const noexcept { return m_fileActions; }
    // Opens sessions and the saved settings off the GUI thread (their custom activations are built there).
    [[nodiscard]] StateLoader* stateLoader() const noexcept { return m_loader; }
    [[nodiscard]] QMenu* viewMenu() const noexcept { return m_viewMenu; }
    // The Lesson menu: open, present and step through lessons.
    [[nodiscard]] LessonActions* lessonActions() const noexcept { return m_lessonActions; }
    // The title and caption above the view while a lesson is presented; hidden otherwise.
    [[nodiscard]] StepCaption* stepCaption() const noexcept { return m_stepCaption; }
    [[nodiscard]] QMenu* helpMenu() const noexcept { return m_helpMenu; }
    // The centre: "Charts" first; further views become tabs beside it.
    [[nodiscard]] QTabWidget* tabs() const noexcept { return m_tabs; }
    [[nodiscard]] DepthLabView* depthLab() const noexcept { return m_depthLab; }
    [[nodiscard]] TrainingLabView* trainingLab() const noexcept { return m_trainingLab; }
    [[nodiscard]] ChartArea* chartArea() const noexcept { return m_charts; }
    [[nodiscard]] ActivationListPanel* activationList() const noexcept { return m_activations; }
    [[nodiscard]] ParameterPanel* parameterPanel() const noexcept { return m_parameters; }
    [[nodiscard]] RangePanel* rangePanel() const noexcept { return m_range; }
    [[nodiscard]] ComparisonPanel* comparisonPanel() const noexcept { return m_comparison; }
    [[nodiscard]] QDockWidget* controlsDock() const noexcept { return m_controlsDock; }
    [[nodiscard]] QDockWidget* comparisonDock() const noexcept { return m_comparisonDock; }

    // Shows a message in the status bar for a while.
    void showStatus(const QString& message);
    // Takes message off the status bar if it is still there (the problem it named was put right).
    void clearStatus(const QString& message);

    // The first size of a window: the default, but never larger than the screen's available area.
    [[nodiscard]] static QSize firstSize(const QSize& available);
    // restoreGeometry, then shrunk and moved onto the screen's available area where it runs off.
    bool restoreWindowGeometry(const QByteArray& geometry);

    // Narrows (factor < 1) or widens the z range around its centre.
    void zoomRange(double factor);
    // Resets the state to its defaults and the docks to their first layout.
    void restoreDefaults();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void applyDefaultDockSizes();
    void holdAxesForSweeps();
    // One key for the charts' whole window: hides every shown panel, or brings back those it hid.
    void toggleSidePanels();
    void syncSidePanelsAction();
    // Moves the comparison panel into the dock (docked) or back into its tab.
    void placeComparison(bool docked);
    void createActions();
    void createMenus();
    void createDocks();
    void restoreSettings();
    void saveSettings();
    // Keeps the window on the screen it opens on, whatever size it was given or restored to.
    void fitToScreen();
    // The session file's name and [*] for unsaved changes.
    void updateTitle();
    // Asks before unsaved changes to a session file are lost; false: stay open.
    [[nodiscard]] bool confirmUnsavedChanges();
    // from the state
    void onStateChanged(const StateChange& change);
    void syncActions();

    ExplorerState m_state;
    Persistence m_persistence = Persistence::None;
    std::unique_ptr<SettingsStore> m_settings;
    Actions m_actions;
    QActionGroup* m_themeGroup = nullptr;
    QMenu* m_fileMenu = nullptr;
    FileMenuActions* m_fileActions = nullptr;
    StateLoader* m_loader = nullptr;
    QMenu* m_viewMenu = nullptr;
    LessonActions* m_lessonActions = nullptr;
    StepCaption* m_stepCaption = nullptr;
    QMenu* m_helpMenu = nullptr;
    QTabWidget* m_tabs = nullptr;
    DepthLabView* m_depthLab = nullptr;
    TrainingLabView* m_trainingLab = nullptr;
    ChartArea* m_charts = nullptr;
    QScrollArea* m_sideScroll = nullptr;
    ActivationListPanel* m_activations = nullptr;
    ParameterPanel* m_parameters = nullptr;
    RangePanel* m_range = nullptr;
    ComparisonPanel* m_comparison = nullptr;
    QDockWidget* m_controlsDock = nullptr;
    QDockWidget* m_comparisonDock = nullptr;
    QList<QPointer<QDockWidget>> m_hiddenPanels;  // what the side-panels key hid, to bring back
    QByteArray m_defaultLayout;
    bool m_layoutRestored = false;
    bool m_laidOut = false;
};

}  // namespace ax::ui
