#include "ui/widgets/lesson_presenter.h"

#include "ui/model/curve_cache.h"
#include "ui/model/explorer_state.h"
#include "ui/model/training_lab_model.h"
#include "ui/render/chart_painter.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/depth_lab_view.h"
#include "ui/widgets/main_window.h"
#include "ui/widgets/parameter_panel.h"
#include "ui/widgets/step_caption.h"
#include "ui/widgets/training_lab_view.h"

#include <QApplication>
#include <QDockWidget>
#include <QKeyEvent>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QVariantAnimation>

#include <algorithm>

namespace ax::ui {

namespace {

// Text and lines 1.9 times the window's at 1080p: curves of 3 px, the new one's 4.75 px.
constexpr double kUnitPerScreenPixel = 1.9 / 1080.0;
constexpr double kCurveWidth = 1.6;
// Back, but still followed on a projector's washed-out dark background (0.3 all but vanished there).
constexpr double kFadedAlpha = 0.45;

double lerp(double a, double b, double t) noexcept
{
    return a + (b - a) * t;
}

enum class StepKey { None, Next, Previous, Leave };

StepKey stepKey(int key) noexcept
{
    switch (key) {
        case Qt::Key_PageDown:
        case Qt::Key_Right:
        case Qt::Key_Space:
            return StepKey::Next;
        case Qt::Key_PageUp:
        case Qt::Key_Left:
            return StepKey::Previous;
        case Qt::Key_Escape:
            return StepKey::Leave;
        default:
            return StepKey::None;
    }
}

}  // namespace

LessonPresenter::LessonPresenter(MainWindow& window) : QObject(&window), m_window(window)
{
    m_animation = new QVariantAnimation(this);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(kTransitionMs);
    connect(m_animation, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& value) { onTransition(value.toDouble()); });
    connect(m_animation, &QVariantAnimation::finished, this, &LessonPresenter::finishTransition);
}

LessonPresenter::~LessonPresenter()
{
    if (m_presenting) qApp->removeEventFilter(this);
}

void LessonPresenter::setLesson(const Lesson& lesson)
{
    if (m_presenting) leave();
    m_lesson = lesson;
    m_step = 0;
}

void LessonPresenter::editLesson(const Lesson& lesson, int step)
{
    if (m_presenting) leave();
    m_lesson = lesson;
    m_step = std::clamp(step, 0, std::max(0, static_cast<int>(m_lesson.steps.size()) - 1));
}

bool LessonPresenter::isMoving() const noexcept
{
    return m_animation->state() == QAbstractAnimation::Running;
}

Session LessonPresenter::sessionFor(int step) const
{
    Session session = m_lesson.steps.at(step).session;
    // The presenter chose light or dark for the room; a step does not overrule that.
    session.theme = m_presenting ? m_savedSession.theme : m_window.state().theme();
    return session;
}

void LessonPresenter::present()
{
    if (m_presenting || !hasLesson()) return;
    ExplorerState& state = m_window.state();
    m_window.parameterPanel()->pauseSweeps();
    m_savedSession = state.session();
    m_savedHighlight = state.highlightedId();
    m_savedGeometry = m_window.geometry();
    m_savedLayout = m_window.saveState();
    m_savedWindowState = m_window.windowState();
    m_savedTab = m_window.tabs()->currentIndex();
    m_savedModified = m_window.isWindowModified();
    m_savedMenuBar = m_window.menuBar()->isVisible();
    m_savedStatusBar = m_window.statusBar()->isVisible();
    m_presenting = true;

    // The view and its caption only: no panels, menus or status bar in front of the class.
    m_window.controlsDock()->hide();
    m_window.comparisonDock()->hide();
    m_window.menuBar()->hide();
    m_window.statusBar()->hide();
    m_window.tabs()->tabBar()->hide();
    m_window.stepCaption()->show();
    m_window.showFullScreen();
    // Without a window manager that honours full screen (a bare X server, some kiosks) the request
    // alone leaves the window at its size.
    if (const QScreen* screen = m_window.screen()) m_window.setGeometry(screen->geometry());
    // The charts' focus frame is no part of a slide; the caption takes the focus meanwhile.
    m_savedFocus = QApplication::focusWidget();
    m_window.stepCaption()->setFocus(Qt::OtherFocusReason);
    // The window's charts are drawn for a desk; a room needs them larger in proportion to the screen.
    const int screenHeight = m_window.screen() ? m_window.screen()->geometry().height() : 720;
    m_window.chartArea()->setScale(std::max(1.0, screenHeight * kUnitPerScreenPixel), kCurveWidth);
    m_window.chartArea()->setStyleOverride(ChartStyle::Presentation);
    // Every key goes through here first, so the charts' and the labs' own uses of the arrows wait.
    qApp->installEventFilter(this);
    m_step = std::clamp(m_step, 0, static_cast<int>(m_lesson.steps.size()) - 1);
    applyStep(false);
    emit presentingChanged(true);
}

void LessonPresenter::leave()
{
    if (!m_presenting) return;
    qApp->removeEventFilter(this);
    m_animation->stop();
    m_presenting = false;
    ExplorerState& state = m_window.state();
    m_window.chartArea()->setHeldLimits({});
    m_window.chartArea()->setFadedIds({});
    m_window.chartArea()->setScale(1.0, 0.0);
    m_window.chartArea()->setStyleOverride(std::nullopt);
    // A race the lesson started rests again; the user's view comes back as it was.
    if (m_playedRace) m_window.trainingLab()->model().pause();
    m_playedRace = false;
    m_window.stepCaption()->hide();
    m_window.tabs()->tabBar()->show();
    m_window.menuBar()->setVisible(m_savedMenuBar);
    m_window.statusBar()->setVisible(m_savedStatusBar);
    if (m_savedWindowState & Qt::WindowFullScreen)
        m_window.showFullScreen();
    else if (m_savedWindowState & Qt::WindowMaximized)
        m_window.showMaximized();
    else
        m_window.showNormal();
    // The widget's own rectangle rather than saveGeometry(): that one counts the frame, which a
    // full-screen window has none of, and would come back shifted.
    if (!(m_savedWindowState & (Qt::WindowFullScreen | Qt::WindowMaximized)))
        m_window.setGeometry(m_savedGeometry);
    m_window.restoreState(m_savedLayout);
    // The session was valid when it was taken from the state.
    (void)state.setSession(m_savedSession);
    state.setHighlightedId(m_savedHighlight);
    m_window.tabs()->setCurrentIndex(m_savedTab);
    m_window.setWindowModified(m_savedModified);
    if (m_savedFocus) m_savedFocus->setFocus(Qt::OtherFocusReason);
    emit presentingChanged(false);
}

void LessonPresenter::nextStep()
{
    if (m_step + 1 < m_lesson.steps.size()) showStep(m_step + 1);
}

void LessonPresenter::previousStep()
{
    if (m_step > 0) showStep(m_step - 1);
}

void LessonPresenter::showStep(int step)
{
    if (step < 0 || step >= m_lesson.steps.size()) return;
    // A step asked for mid-transition starts from where the charts are now.
    m_animation->stop();
    m_step = step;
    applyStep(m_presenting);
}

void LessonPresenter::applyStep(bool animate)
{
    ExplorerState& state = m_window.state();
    const LessonStep& step = m_lesson.steps.at(m_step);
    m_to = sessionFor(m_step);
    m_window.stepCaption()->setStep(step.title, step.caption);

    // The view the step is seen on.
    QWidget* view = m_window.chartArea();
    if (step.view == LessonView::DepthLab) view = m_window.depthLab();
    if (step.view == LessonView::TrainingLab) view = m_window.trainingLab();
    if (step.view == LessonView::Comparison) view = m_window.comparisonPanel();
    for (int i = 0; i < m_window.tabs()->count(); ++i) {
        QWidget* tab = m_window.tabs()->widget(i);
        if (tab == view || tab->isAncestorOf(view)) m_window.tabs()->setCurrentIndex(i);
    }

    // Earlier steps' activations fade back; the ones this step shows beside the new one stay.
    QStringList faded;
    for (int i = 0; i < m_step; ++i)
        if (const QString& id = m_lesson.steps.at(i).introduces; !id.isEmpty() && id != step.introduces)
            faded << id;
    if (step.introduces.isEmpty() || !m_presenting) faded.clear();
    m_window.chartArea()->setFadedIds(faded, kFadedAlpha);

    const bool charts = step.view == LessonView::Charts;
    if (!animate || !charts) {
        m_window.chartArea()->setHeldLimits({});
        (void)state.setSession(m_to);
        state.setHighlightedId(step.introduces);
        // A training step's claim shows while the networks learn, not at their first step.
        if (step.view == LessonView::TrainingLab) {
            TrainingLabModel& race = m_window.trainingLab()->model();
            if (!race.isPlaying() && !race.reachedTheEnd()) {
                race.play();
                m_playedRace = true;
            }
        }
        emit stepShown(m_step);
        return;
    }

    // The target's activations and settings at once, their parameters and the range where they are
    // now; then the numbers move. The y axes go from what is shown to what the step will show.
    m_fromLimits = shownLimits();
    m_toLimits = limitsOf(m_to);
    m_from = m_to;
    const Session& now = state.session();
    m_from.zMin = now.zMin;
    m_from.zMax = now.zMax;
    for (auto it = m_from.parameterValues.begin(); it != m_from.parameterValues.end(); ++it)
        if (const auto current = now.parameterValues.constFind(it.key());
            current != now.parameterValues.constEnd() && current->size() == it->size())
            *it = *current;
    m_window.chartArea()->setHeldLimits(m_fromLimits);
    if (state.setSession(m_from)) {
        (void)state.setSession(m_to);
        finishTransition();
        return;
    }
    state.setHighlightedId(step.introduces);
    m_animation->start();
}

void LessonPresenter::onTransition(double t)
{
    if (!m_presenting) return;
    ExplorerState& state = m_window.state();
    std::array<std::optional<YLimits>, 3> held{};
    for (std::size_t i = 0; i < held.size(); ++i)
        if (m_fromLimits[i] && m_toLimits[i])
            held[i] = YLimits{lerp(m_fromLimits[i]->lo, m_toLimits[i]->lo, t),
                              lerp(m_fromLimits[i]->hi, m_toLimits[i]->hi, t)};
    m_window.chartArea()->setHeldLimits(held);
    (void)state.setRange(lerp(m_from.zMin, m_to.zMin, t), lerp(m_from.zMax, m_to.zMax, t));
    for (auto it = m_to.parameterValues.constBegin(); it != m_to.parameterValues.constEnd(); ++it) {
        const core::ParameterValues& from = m_from.parameterValues.value(it.key());
        if (from == *it || from.size() != it->size()) continue;
        core::ParameterValues values = *it;
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = lerp(from[i], (*it)[i], t);
        (void)state.setParameters(it.key(), values);
    }
}

void LessonPresenter::finishTransition()
{
    ExplorerState& state = m_window.state();
    // Exactly the step's numbers, whatever the last frame left.
    if (state.session() != m_to) {
        (void)state.setSession(m_to);
        state.setHighlightedId(m_lesson.steps.at(m_step).introduces);
    }
    m_window.chartArea()->setHeldLimits({});
    emit stepShown(m_step);
}

std::array<std::optional<YLimits>, 3> LessonPresenter::limitsOf(const Session& session) const
{
    ExplorerState scratch;
    if (scratch.setSession(session)) return {};
    CurveCache curves;
    curves.refresh(scratch);
    const ChartPainter painter(scratch, curves, ChartRenderOptions::fromState(scratch, QPalette()));
    const ChartLayout layout = painter.layout(QRectF(m_window.chartArea()->rect()));
    std::array<std::optional<YLimits>, 3> limits{};
    for (const Chart kind : {Chart::Function, Chart::Derivative, Chart::Second})
        if (const ChartPanel* panel = layout.panel(kind))
            limits[panelIndex(kind)] = YLimits{panel->yMin, panel->yMax};
    return limits;
}

std::array<std::optional<YLimits>, 3> LessonPresenter::shownLimits() const
{
    const ChartLayout layout = m_window.chartArea()->currentLayout();
    std::array<std::optional<YLimits>, 3> limits{};
    for (const Chart kind : {Chart::Function, Chart::Derivative, Chart::Second})
        if (const ChartPanel* panel = layout.panel(kind))
            limits[panelIndex(kind)] = YLimits{panel->yMin, panel->yMax};
    return limits;
}

bool LessonPresenter::eventFilter(QObject* watched, QEvent* event)
{
    const bool key = event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!m_presenting || !key || !widget || widget->window() != &m_window)
        return QObject::eventFilter(watched, event);
    const auto* keyEvent = static_cast<QKeyEvent*>(event);
    // With Ctrl or Alt the keys keep their usual meaning; the keypad's own keys count as plain.
    const bool plain = (keyEvent->modifiers() | Qt::KeypadModifier) == Qt::KeypadModifier;
    const StepKey what = plain ? stepKey(keyEvent->key()) : StepKey::None;
    if (what == StepKey::None) return QObject::eventFilter(watched, event);
    // Claimed before any shortcut or widget sees it; acted on once, at the press itself.
    if (event->type() == QEvent::ShortcutOverride) {
        event->accept();
        return false;
    }
    if (what == StepKey::Next) nextStep();
    if (what == StepKey::Previous) previousStep();
    if (what == StepKey::Leave) leave();
    return true;
}

}  // namespace ax::ui
