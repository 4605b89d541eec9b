#include "ui/widgets/main_window.h"

#include "ui/widgets/convention_actions.h"
#include "ui/widgets/custom_activation_actions.h"

#include "ui/model/settings_store.h"
#include "ui/model/state_loader.h"
#include "ui/render/sweep_export.h"
#include "ui/widgets/about_dialog.h"
#include "ui/widgets/activation_list_panel.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/depth_lab_view.h"
#include "ui/widgets/file_menu_actions.h"
#include "ui/widgets/getting_started_dialog.h"
#include "ui/widgets/lesson_actions.h"
#include "ui/widgets/parameter_panel.h"
#include "ui/widgets/range_panel.h"
#include "ui/widgets/step_caption.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/training_lab_view.h"
#include "ui/widgets/wheel_focus_filter.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QFrame>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QShowEvent>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ax::ui {

namespace {

constexpr int kStatusTimeoutMs = 8000;
constexpr int kSidePanelWidth = 350;
constexpr int kComparisonWidth = 440;
constexpr int kMinWidthForTable = 1600;
constexpr QSize kDefaultSize(1400, 880);

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    label->setFont(font);
    label->setContentsMargins(0, 6, 0, 2);
    return label;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(Persistence::UserSettings, parent) {}

MainWindow::MainWindow(Persistence persistence, QWidget* parent)
    : QMainWindow(parent), m_persistence(persistence)
{
    setObjectName(QStringLiteral("mainWindow"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_loader = new StateLoader(m_state, this);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Views"));
    m_charts = new ChartArea(m_state, m_tabs);
    m_charts->setAccessibleName(tr("Charts"));
    m_charts->setAccessibleDescription(
        tr("f(z), f′(z) and the saturation lanes of the activations shown, over one shared z axis"));
    m_tabs->addTab(m_charts, tr("Charts"));
    m_depthLab = new DepthLabView(m_state);
    m_depthLab->setAccessibleName(tr("Depth lab"));
    m_depthLab->setAccessibleDescription(
        tr("What each shown activation does to signals and gradients through many layers: theory and "
           "simulation"));
    // In a scroll area so the lab's many controls never set a minimum size for the whole window.
    auto* depthScroll = new QScrollArea(m_tabs);
    depthScroll->setWidgetResizable(true);
    depthScroll->setFrameShape(QFrame::NoFrame);
    depthScroll->setWidget(m_depthLab);
    m_tabs->addTab(depthScroll, tr("Depth lab"));
    m_trainingLab = new TrainingLabView(m_state);
    m_trainingLab->setAccessibleName(tr("Training lab"));
    m_trainingLab->setAccessibleDescription(
        tr("The shown activations race through real training on one problem from one start"));
    auto* trainingScroll = new QScrollArea(m_tabs);
    trainingScroll->setWidgetResizable(true);
    trainingScroll->setFrameShape(QFrame::NoFrame);
    trainingScroll->setWidget(m_trainingLab);
    m_tabs->addTab(trainingScroll, tr("Training lab"));
    // The step's caption sits above the view only while a lesson is presented.
    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    m_stepCaption = new StepCaption(centre);
    m_stepCaption->hide();
    centreLayout->addWidget(m_stepCaption);
    centreLayout->addWidget(m_tabs, 1);
    setCentralWidget(centre);

    createDocks();
    createActions();
    createMenus();
    // Custom activations and framework conventions add their menus and context-menu entries.
    new CustomActivationActions(*this, new ConventionActions(*this));
    m_lessonActions = new LessonActions(*this);
    statusBar()->setSizeGripEnabled(true);

    connect(&m_state, &ExplorerState::changed, this, &MainWindow::onStateChanged);
    connect(m_charts, &ChartArea::statusMessage, this, &MainWindow::showStatus);
    connect(m_parameters, &ParameterPanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_range, &RangePanel::statusMessage, this, &MainWindow::showStatus);
    connect(m_range, &RangePanel::problemSolved, this, &MainWindow::clearStatus);
    connect(m_depthLab, &DepthLabView::statusMessage, this, &MainWindow::showStatus);
    connect(m_trainingLab, &TrainingLabView::statusMessage, this, &MainWindow::showStatus);
    connect(m_parameters, &ParameterPanel::problemSolved, this, &MainWindow::clearStatus);
    connect(m_parameters, &ParameterPanel::sweepsChanged, this, &MainWindow::holdAxesForSweeps);
    connect(m_fileActions, &FileMenuActions::sessionFileChanged, this, [this] {
        setWindowModified(false);
        updateTitle();
    });
    connect(m_range, &RangePanel::resetViewRequested, m_actions.resetView, &QAction::trigger);

    WheelFocusFilter::apply(m_depthLab);
    WheelFocusFilter::apply(m_trainingLab);
    resize(firstSize(screen() ? screen()->availableGeometry().size() : kDefaultSize));
    m_defaultLayout = saveState();

    if (m_persistence == Persistence::UserSettings) {
        m_settings = std::make_unique<SettingsStore>();
        restoreSettings();
    }
    applyTheme(m_state.theme());
    syncActions();
    // What the settings brought back is where this window starts, not a change to save.
    setWindowModified(false);
    updateTitle();
}

QSize MainWindow::firstSize(const QSize& available)
{
    return kDefaultSize.boundedTo(available);
}

bool MainWindow::restoreWindowGeometry(const QByteArray& geometry)
{
    const bool restored = restoreGeometry(geometry);
    // A size saved on a larger screen must not run off this one.
    fitToScreen();
    return restored;
}

void MainWindow::fitToScreen()
{
    const QScreen* where = screen();
    if (!where) return;
    const QRect available = where->availableGeometry();
    // The frame (title bar, borders) is outside the widget's own geometry.
    const QSize frame = frameGeometry().size() - geometry().size();
    const QSize room = available.size() - frame.expandedTo(QSize(0, 0));
    if (width() > room.width() || height() > room.height()) resize(size().boundedTo(room));
    QRect placed = frameGeometry();
    if (!available.contains(placed)) {
        placed.moveLeft(std::clamp(placed.left(), available.left(),
                                   std::max(available.left(), available.right() - placed.width() + 1)));
        placed.moveTop(std::clamp(placed.top(), available.top(),
                                  std::max(available.top(), available.bottom() - placed.height() + 1)));
        move(placed.topLeft());
    }
}

void MainWindow::updateTitle()
{
    const QString file = m_fileActions->currentSession();
    setWindowFilePath(file);
    setWindowTitle(file.isEmpty() ? tr("Activation Explorer[*]")
                                  : tr("%1[*] — Activation Explorer").arg(QFileInfo(file).fileName()));
}

bool MainWindow::confirmUnsavedChanges()
{
    // Without a session file the state lives in the settings and comes back at the next start.
    const QString file = m_fileActions->currentSession();
    if (!isWindowModified() || file.isEmpty()) return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                    tr("Save the changes to %1 before quitting?").arg(QFileInfo(file).fileName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedChangesBox"));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
        case QMessageBox::Save:
            if (auto error = m_fileActions->saveSessionFile(file)) {
                QMessageBox::warning(this, tr("Cannot save the session"), *error);
                return false;
            }
            return true;
        case QMessageBox::Discard:
            return true;
        default:
            return false;
    }
}

MainWindow::~MainWindow()
{
    // The panels hold references to m_state, a member that dies before QWidget deletes children.
    const auto children = findChildren<QWidget*>(Qt::FindDirectChildrenOnly);
    for (QWidget* child : children)
        delete child;
}

void MainWindow::createDocks()
{
    auto* side = new QWidget;
    side->setObjectName(QStringLiteral("sidePanel"));
    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(10, 4, 10, 10);
    layout->setSpacing(6);

    layout->addWidget(sectionTitle(tr("Activations"), side));
    m_activations = new ActivationListPanel(m_state, side);
    layout->addWidget(m_activations);

    layout->addWidget(sectionTitle(tr("Parameters"), side));
    m_parameters = new ParameterPanel(m_state, side);
    layout->addWidget(m_parameters);

    layout->addWidget(sectionTitle(tr("Range and sampling"), side));
    m_range = new RangePanel(m_state, side);
    layout->addWidget(m_range);
    layout->addStretch(1);

    m_sideScroll = new QScrollArea;
    m_sideScroll->setWidget(side);
    m_sideScroll->setWidgetResizable(true);
    m_sideScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sideScroll->setFrameShape(QFrame::NoFrame);
    m_sideScroll->setMinimumWidth(side->minimumSizeHint().width() +
                                  m_sideScroll->verticalScrollBar()->sizeHint().width());
    m_sideScroll->setAccessibleName(tr("Controls"));

    m_controlsDock = new QDockWidget(tr("Controls"), this);
    m_controlsDock->setObjectName(QStringLiteral("controlsDock"));
    m_controlsDock->setWidget(m_sideScroll);
    m_controlsDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_controlsDock);

    // The table is read in a tab of its own, as wide as the window; docked, it sits beside the
    // charts. One panel moves between the two, so its model, sort and selection stay one.
    m_comparison = new ComparisonPanel(m_state);
    m_comparison->setAccessibleName(tr("Comparison"));
    m_tabs->addTab(m_comparison, tr("Comparison"));
    m_comparisonDock = new QDockWidget(tr("Comparison"), this);
    m_comparisonDock->setObjectName(QStringLiteral("comparisonDock"));
    m_comparisonDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                                  QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::RightDockWidgetArea, m_comparisonDock);
    m_comparisonDock->hide();
    connect(m_comparisonDock->toggleViewAction(), &QAction::toggled, this, &MainWindow::placeComparison);

    // Down the side panel, then into the charts, then the table.
    setTabOrder(m_range->resetViewButton(), m_charts);
    setTabOrder(m_charts, m_comparison);
}

void MainWindow::createActions()
{
    auto make = [this](const QString& text, const QString& statusTip, const QString& iconName = {}) {
        auto* action = new QAction(text, this);
        action->setStatusTip(statusTip);
        if (!iconName.isEmpty()) action->setIcon(QIcon::fromTheme(iconName));
        addAction(action);
        return action;
    };

    m_actions.quit = make(tr("&Quit"), tr("Close the window and quit"), QStringLiteral("application-exit"));
    m_actions.quit->setShortcut(QKeySequence::Quit);
    m_actions.quit->setMenuRole(QAction::QuitRole);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);

    m_actions.restoreDefaults = make(
        tr("Restore &Defaults"), tr("Reset every activation, parameter, range and panel to how it first was"),
        QStringLiteral("edit-reset"));
    connect(m_actions.restoreDefaults, &QAction::triggered, this, &MainWindow::restoreDefaults);

    m_themeGroup = new QActionGroup(this);
    m_themeGroup->setExclusive(true);
    const std::pair<QAction**, std::pair<QString, Theme>> themes[] = {
        {&m_actions.themeSystem, {tr("Follow &System"), Theme::System}},
        {&m_actions.themeLight, {tr("&Light"), Theme::Light}},
        {&m_actions.themeDark, {tr("&Dark"), Theme::Dark}},
    };
    for (const auto& [slot, entry] : themes) {
        const auto& [text, theme] = entry;
        QAction* action = make(text, tr("Choose the colours of the window"));
        action->setCheckable(true);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, chosen = theme] { m_state.setTheme(chosen); });
        *slot = action;
    }

    m_actions.showSecondDerivative =
        make(tr("Second &Derivative Chart"), tr("Show or hide the chart of f″(z)"));
    m_actions.showSecondDerivative->setCheckable(true);
    connect(m_actions.showSecondDerivative, &QAction::toggled, &m_state,
            &ExplorerState::setShowSecondDerivative);

    m_actions.presentationStyle =
        make(tr("&Presentation Style"),
             tr("Text and lines sized to be read from the back of a lecture hall, at full contrast"));
    m_actions.presentationStyle->setCheckable(true);
    m_actions.presentationStyle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_actions.presentationStyle, &QAction::toggled, this,
            [this](bool on) { m_state.setChartStyle(on ? ChartStyle::Presentation : ChartStyle::Screen); });

    m_actions.showControls = m_controlsDock->toggleViewAction();
    m_actions.showControls->setText(tr("&Controls Panel"));
    m_actions.showControls->setStatusTip(tr("Show or hide the activations, parameters and range"));
    m_actions.showComparison = m_comparisonDock->toggleViewAction();
    m_actions.showComparison->setText(tr("&Comparison Table Beside the Charts"));
    m_actions.showComparison->setStatusTip(
        tr("Dock the table that compares every activation beside the charts, or put it back in its tab"));

    m_actions.sidePanels = make(
        tr("Side &Panels"), tr("Hide every side panel so the charts fill the window, or bring them back"));
    m_actions.sidePanels->setCheckable(true);
    m_actions.sidePanels->setShortcut(QKeySequence(Qt::Key_F9));
    connect(m_actions.sidePanels, &QAction::triggered, this, &MainWindow::toggleSidePanels);

    m_actions.resetView =
        make(tr("&Reset View"), tr("Back to the default z range and y axes that fit the curves"),
             QStringLiteral("zoom-original"));
    m_actions.resetView->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_actions.resetView, &QAction::triggered, this, [this] { m_charts->resetView(); });

    m_actions.zoomIn =
        make(tr("Zoom &In"), tr("Narrow the z range around its centre"), QStringLiteral("zoom-in"));
    m_actions.zoomIn->setShortcut(QKeySequence::ZoomIn);
    connect(m_actions.zoomIn, &QAction::triggered, this, [this] { zoomRange(1.0 / kZoomFactor); });
    m_actions.zoomOut =
        make(tr("Zoom &Out"), tr("Widen the z range around its centre"), QStringLiteral("zoom-out"));
    m_actions.zoomOut->setShortcut(QKeySequence::ZoomOut);
    connect(m_actions.zoomOut, &QAction::triggered, this, [this] { zoomRange(kZoomFactor); });

    m_actions.fullScreen =
        make(tr("&Full Screen"), tr("Fill the screen with the window"), QStringLiteral("view-fullscreen"));
    m_actions.fullScreen->setShortcut(QKeySequence::FullScreen);
    m_actions.fullScreen->setCheckable(true);
    connect(m_actions.fullScreen, &QAction::toggled, this, [this](bool on) {
        if (on)
            showFullScreen();
        else
            showNormal();
    });

    m_actions.gettingStarted = make(tr("&Getting Started"), tr("What the window shows and its shortcuts"),
                                    QStringLiteral("help-contents"));
    m_actions.gettingStarted->setShortcut(QKeySequence::HelpContents);
    connect(m_actions.gettingStarted, &QAction::triggered, this, [this] {
        auto* dialog = findChild<GettingStartedDialog*>();
        if (!dialog) {
            dialog = new GettingStartedDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        dialog->show();
        dialog->raise();
        dialog->activateWindow();
    });

    m_actions.about =
        make(tr("&About Activation Explorer"), tr("Version, licence and the papers behind the catalog"),
             QStringLiteral("help-about"));
    m_actions.about->setMenuRole(QAction::AboutRole);
    connect(m_actions.about, &QAction::triggered, this, [this] {
        auto* dialog = new AboutDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    m_actions.aboutQt = make(tr("About &Qt"), tr("The version of Qt this build uses"));
    m_actions.aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_actions.aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::holdAxesForSweeps()
{
    // The y axes cover every value the running sweeps pass through, so they stay still while the
    // curves move; when the last sweep stops they fit the curves again.
    std::array<std::optional<YLimits>, 3> held{};
    for (const SweepAnimation& sweep : m_parameters->sweeps()) {
        const auto limits = sweepHeldLimits(m_state, sweep);
        for (std::size_t i = 0; i < held.size(); ++i) {
            if (!limits[i]) continue;
            held[i] =
                held[i] ? YLimits{std::min(held[i]->lo, limits[i]->lo), std::max(held[i]->hi, limits[i]->hi)}
                        : limits[i];
        }
    }
    m_charts->setHeldLimits(held);
}

void MainWindow::toggleSidePanels()
{
    QList<QPointer<QDockWidget>> shown;
    for (QDockWidget* dock : findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly))
        if (dock->isVisible()) shown << dock;
    if (!shown.isEmpty()) {
        m_hiddenPanels = shown;
        for (QDockWidget* dock : std::as_const(shown))
            dock->hide();
    } else {
        // Nothing was hidden by this key (the panels were closed one by one): the controls come back.
        if (m_hiddenPanels.isEmpty()) m_hiddenPanels << QPointer<QDockWidget>(m_controlsDock);
        for (QDockWidget* dock : std::as_const(m_hiddenPanels))
            if (dock) dock->show();
        m_hiddenPanels.clear();
    }
    syncSidePanelsAction();
}

void MainWindow::syncSidePanelsAction()
{
    bool any = false;
    for (QDockWidget* dock : findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly))
        any = any || !dock->isHidden();
    const QSignalBlocker blocker(m_actions.sidePanels);
    m_actions.sidePanels->setChecked(any);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileActions = new FileMenuActions(*this, m_state, m_charts);
    m_fileActions->setDepthLab(m_depthLab);
    m_fileActions->setStateLoader(m_loader);
    m_fileActions->addTo(m_fileMenu);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions.quit);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_actions.zoomIn);
    m_viewMenu->addAction(m_actions.zoomOut);
    m_viewMenu->addAction(m_actions.resetView);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_actions.showSecondDerivative);
    m_viewMenu->addAction(m_actions.presentationStyle);
    m_viewMenu->addAction(m_actions.showControls);
    m_viewMenu->addAction(m_actions.showComparison);
    m_viewMenu->addAction(m_actions.sidePanels);
    // The tick shows whether any panel is out, however it got there.
    connect(m_viewMenu, &QMenu::aboutToShow, this, &MainWindow::syncSidePanelsAction);
    m_viewMenu->addSeparator();
    QMenu* themeMenu = m_viewMenu->addMenu(tr("&Theme"));
    themeMenu->addActions(m_themeGroup->actions());
    m_viewMenu->addAction(m_actions.fullScreen);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_actions.restoreDefaults);

    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->addAction(m_actions.gettingStarted);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_actions.about);
    m_helpMenu->addAction(m_actions.aboutQt);
}

void MainWindow::showStatus(const QString& message)
{
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

void MainWindow::clearStatus(const QString& message)
{
    if (statusBar()->currentMessage() == message) statusBar()->clearMessage();
}

void MainWindow::zoomRange(double factor)
{
    const double centre = 0.5 * m_state.zMin() + 0.5 * m_state.zMax();
    const double halfWidth = 0.5 * (m_state.zMax() - m_state.zMin()) * factor;
    if (auto error = m_state.setRange(centre - halfWidth, centre + halfWidth))
        showStatus(tr("Cannot zoom further: %1").arg(*error));
}

void MainWindow::restoreDefaults()
{
    m_parameters->pauseSweeps();
    m_state.restoreDefaults();
    restoreState(m_defaultLayout);
    m_controlsDock->show();
    applyDefaultDockSizes();
    showStatus(tr("Everything is back to its defaults."));
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_laidOut) return;
    m_laidOut = true;
    if (!m_layoutRestored) applyDefaultDockSizes();
}

void MainWindow::applyDefaultDockSizes()
{
    // Dock sizes only take effect once the window has its real size. The table starts in its tab,
    // where its paragraphs have room; the View menu docks it beside the charts.
    m_comparisonDock->setVisible(false);
    resizeDocks({m_controlsDock}, {kSidePanelWidth}, Qt::Horizontal);
}

void MainWindow::placeComparison(bool docked)
{
    const int tab = m_tabs->indexOf(m_comparison);
    if (docked && tab >= 0) {
        m_tabs->removeTab(tab);
        m_comparisonDock->setWidget(m_comparison);
        m_comparison->show();
        if (width() >= kMinWidthForTable) resizeDocks({m_comparisonDock}, {kComparisonWidth}, Qt::Horizontal);
    } else if (!docked && tab < 0) {
        m_comparisonDock->setWidget(nullptr);
        m_tabs->addTab(m_comparison, tr("Comparison"));
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    // The window manager can leave full screen on its own (Escape, a gesture); keep the menu honest.
    if (event->type() == QEvent::WindowStateChange && m_actions.fullScreen) {
        const QSignalBlocker blocker(m_actions.fullScreen);
        m_actions.fullScreen->setChecked(isFullScreen());
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_parameters->pauseSweeps();
    if (!confirmUnsavedChanges() || !m_lessonActions->confirmUnsavedLesson()) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    // The saved state may list custom activations, each a symbolic build: off the GUI thread, so
    // the window is up and responsive at once. A separate store reads the same file there.
    const QString file = m_settings->fileName();
    m_loader->load([file](ExplorerState& scratch) { return SettingsStore(file).loadState(scratch); },
                   [this](const std::optional<QString>& error) {
                       if (error) showStatus(*error);
                   },
                   StateLoader::Apply::UnlessEditedMeanwhile);
    const QByteArray geometry = m_settings->windowGeometry();
    if (!geometry.isEmpty() && !restoreWindowGeometry(geometry))
        showStatus(tr("The saved window size was ignored; the default is used."));
    const QByteArray layout = m_settings->windowState();
    m_layoutRestored = !layout.isEmpty() && restoreState(layout);
    if (!m_layoutRestored) restoreState(m_defaultLayout);
}

void MainWindow::saveSettings()
{
    if (!m_settings) return;
    m_settings->saveWindow(saveGeometry(), saveState());
    // Closed before the saved state arrived: unless the user changed something meanwhile, what is
    // shown is not theirs; keep the saved one. Their own edits are saved whatever the loader does.
    if (m_loader->isLoading() && !m_loader->editedWhileLoading()) return;
    if (auto error = m_settings->saveState(m_state)) showStatus(*error);
}

void MainWindow::onStateChanged(const StateChange& change)
{
    // Changes are unsaved only against a session file: without one the settings keep the state for
    // the next start. What is highlighted is a glance, not part of the session.
    if (!m_fileActions->currentSession().isEmpty() &&
        (change.parts & ~StateChange::Parts(StateChange::Highlight)).toInt() != 0)
        setWindowModified(true);
    if (change.touches(StateChange::Theme)) applyTheme(m_state.theme());
    if (change.touches(StateChange::Theme) || change.touches(StateChange::ChartOptions)) syncActions();
}

void MainWindow::syncActions()
{
    const QSignalBlocker blocker(m_actions.showSecondDerivative);
    m_actions.showSecondDerivative->setChecked(m_state.showSecondDerivative());
    const QSignalBlocker styleBlocker(m_actions.presentationStyle);
    m_actions.presentationStyle->setChecked(m_state.chartStyle() == ChartStyle::Presentation);
    switch (m_state.theme()) {
        case Theme::System:
            m_actions.themeSystem->setChecked(true);
            break;
        case Theme::Light:
            m_actions.themeLight->setChecked(true);
            break;
        case Theme::Dark:
            m_actions.themeDark->setChecked(true);
            break;
    }
}

}  // namespace ax::ui
