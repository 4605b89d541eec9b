// Presenting a lesson: the clicker's keys step through it, each step's session ends up in the state
// (with the user's theme, which presenting keeps), the y axes move only between the two steps'
// limits while a step moves in, and Esc brings the window back as it was.

#include "ui/widgets/lesson_presenter.h"

#include "main_window_fixture.h"
#include "ui/model/lesson_file.h"
#include "ui/model/training_lab_model.h"
#include "ui/render/chart_painter.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/lesson_actions.h"
#include "ui/widgets/main_window.h"
#include "ui/widgets/step_caption.h"
#include "ui/widgets/training_lab_view.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEventLoop>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace ax::ui {
namespace {

class LessonPresenterTest : public MainWindowFixture {
protected:
    [[nodiscard]] LessonPresenter& presenter() const { return *window->lessonActions()->presenter(); }

    // Until the step's transition has ended; the animation is timer driven, so this needs no clock.
    void settle() const
    {
        while (presenter().isMoving())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        QCoreApplication::processEvents();
    }

    void expectStepShown(int step) const
    {
        ASSERT_EQ(presenter().currentStep(), step);
        Session expected = presenter().lesson().steps.at(step).session;
        expected.theme = state().theme();  // presenting keeps the user's theme
        EXPECT_TRUE(state().session() == expected) << "step " << step;
        EXPECT_EQ(window->stepCaption()->titleLabel()->text(), presenter().lesson().steps.at(step).title);
    }

    void press(Qt::Key key) const
    {
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(), key);
        settle();
    }
};

TEST_F(LessonPresenterTest, PresentIsF5InTheLessonMenu)
{
    QAction* present = window->lessonActions()->presentAction();
    ASSERT_NE(present, nullptr);
    EXPECT_EQ(present->shortcut(), QKeySequence(Qt::Key_F5));
    EXPECT_TRUE(window->lessonActions()->menu()->actions().contains(present));
    EXPECT_TRUE(window->menuBar()->actions().contains(window->lessonActions()->menu()->menuAction()));
}

TEST_F(LessonPresenterTest, TheKeysStepThroughTheShippedLesson)
{
    state().setTheme(Theme::Dark);
    window->lessonActions()->shippedAction()->trigger();
    ASSERT_TRUE(presenter().hasLesson());
    QTest::keyClick(window.get(), Qt::Key_F5);
    ASSERT_TRUE(presenter().isPresenting());
    settle();
    EXPECT_TRUE(window->isFullScreen());
    EXPECT_FALSE(window->menuBar()->isVisible());
    EXPECT_FALSE(window->statusBar()->isVisible());
    EXPECT_FALSE(window->controlsDock()->isVisible());
    EXPECT_TRUE(window->stepCaption()->isVisible());
    expectStepShown(0);

    const int steps = static_cast<int>(presenter().lesson().steps.size());
    const Qt::Key forward[] = {Qt::Key_Right, Qt::Key_Space, Qt::Key_PageDown};
    for (int step = 1; step < steps; ++step) {
        press(forward[step % 3]);
        expectStepShown(step);
        EXPECT_EQ(state().theme(), Theme::Dark);
    }
    press(Qt::Key_Right);  // past the last step: stays
    expectStepShown(steps - 1);
    press(Qt::Key_Left);
    expectStepShown(steps - 2);
    press(Qt::Key_PageUp);
    expectStepShown(steps - 3);
}

// A training step's claim (sigmoid learns slowly, ReLU units die) shows only while the networks
// learn: presenting it starts the race, and leaving rests it again.
TEST_F(LessonPresenterTest, ATrainingStepRacesWhileItIsPresented)
{
    window->lessonActions()->shippedAction()->trigger();
    int training = -1;
    for (int i = 0; i < presenter().lesson().steps.size(); ++i)
        if (presenter().lesson().steps.at(i).view == LessonView::TrainingLab) {
            training = i;
            break;
        }
    ASSERT_GE(training, 0) << "the shipped lesson has a training step";
    TrainingLabModel& race = window->trainingLab()->model();
    ASSERT_FALSE(race.isPlaying());
    QTest::keyClick(window.get(), Qt::Key_F5);
    settle();
    presenter().showStep(training);
    settle();
    EXPECT_TRUE(race.isPlaying()) << "the race runs on its own";
    const int start = race.step();
    for (int i = 0; i < 100 && race.step() <= start + 10; ++i)
        QTest::qWait(50);
    EXPECT_GT(race.step(), start + 10) << "the networks learn while the class watches";
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : window.get(), Qt::Key_Escape);
    settle();
    EXPECT_FALSE(presenter().isPresenting());
    EXPECT_FALSE(race.isPlaying()) << "leaving rests the race the lesson started";
}

TEST_F(LessonPresenterTest, EscapeRestoresTheWindowAsItWas)
{
    ASSERT_FALSE(state().setRange(-3.0, 4.0));
    state().setEnabledIds({QStringLiteral("tanh"), QStringLiteral("gelu")});
    const Session before = state().session();
    const QRect geometry = window->geometry();
    window->tabs()->setCurrentIndex(0);

    window->lessonActions()->presentAction()->trigger();  // no lesson open: the shipped one
    ASSERT_TRUE(presenter().isPresenting());
    settle();
    press(Qt::Key_Right);
    press(Qt::Key_Right);
    EXPECT_FALSE(state().session() == before);
    press(Qt::Key_Escape);

    EXPECT_FALSE(presenter().isPresenting());
    EXPECT_TRUE(state().session() == before);
    EXPECT_FALSE(window->isFullScreen());
    EXPECT_EQ(window->geometry(), geometry);
    EXPECT_TRUE(window->menuBar()->isVisible());
    EXPECT_TRUE(window->statusBar()->isVisible());
    EXPECT_TRUE(window->controlsDock()->isVisible());
    EXPECT_FALSE(window->stepCaption()->isVisible());
    EXPECT_EQ(window->tabs()->currentIndex(), 0);
    EXPECT_TRUE(window->chartArea()->heldLimits()[0] == std::nullopt);
}

// Presenting uses the presentation style whatever the steps were saved in, and leaving gives the
// window its own back.
TEST_F(LessonPresenterTest, PresentingUsesThePresentationStyle)
{
    window->lessonActions()->shippedAction()->trigger();
    const double windowTitle = window->chartArea()->currentLayout().panels.front().titleRect.height();
    QTest::keyClick(window.get(), Qt::Key_F5);
    settle();
    const ChartLayout presented = window->chartArea()->currentLayout();
    ASSERT_FALSE(presented.panels.empty());
    EXPECT_GE(presented.panels.front().titleRect.height(), 0.03 * window->chartArea()->height());
    EXPECT_GT(presented.panels.front().titleRect.height(), windowTitle);
    EXPECT_EQ(state().chartStyle(), presenter().lesson().steps.at(0).session.style) << "the step is as saved";
    EXPECT_FALSE(window->chartArea()->currentLayout().labelWidth <= 0.0) << "the curves are named";
    press(Qt::Key_Escape);
    EXPECT_DOUBLE_EQ(window->chartArea()->currentLayout().panels.front().titleRect.height(), windowTitle);
}

TEST_F(LessonPresenterTest, TheYAxesMoveOnlyBetweenTheTwoStepsLimits)
{
    window->lessonActions()->shippedAction()->trigger();
    window->lessonActions()->presentAction()->trigger();
    settle();
    const Lesson& lesson = presenter().lesson();
    int moved = 0;
    for (int step = 1; step < lesson.steps.size(); ++step) {
        const bool charts = lesson.steps.at(step).view == LessonView::Charts &&
                            lesson.steps.at(step - 1).view == LessonView::Charts;
        const ChartLayout startLayout = window->chartArea()->currentLayout();
        QTest::keyClick(window.get(), Qt::Key_Right);
        std::vector<std::pair<double, double>> during;
        while (presenter().isMoving()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            if (!presenter().isMoving()) break;
            ASSERT_TRUE(window->chartArea()->heldLimits()[0].has_value());
            const ChartLayout now = window->chartArea()->currentLayout();
            during.emplace_back(now.panel(Chart::Function)->yMin, now.panel(Chart::Function)->yMax);
        }
        settle();
        if (!charts) continue;
        const ChartLayout endLayout = window->chartArea()->currentLayout();
        const ChartPanel* start = startLayout.panel(Chart::Function);
        const ChartPanel* end = endLayout.panel(Chart::Function);
        ASSERT_TRUE(start && end);
        const double lo = std::min(start->yMin, end->yMin) - 1e-9;
        const double hi = std::max(start->yMax, end->yMax) + 1e-9;
        for (const auto& [yMin, yMax] : during) {
            EXPECT_GE(yMin, lo) << "step " << step;
            EXPECT_LE(yMax, hi) << "step " << step;
        }
        moved += !during.empty();
    }
    EXPECT_GT(moved, 0);  // some transition was seen mid-way
}

TEST_F(LessonPresenterTest, TheIntroducedActivationIsHighlightedAndEarlierOnesFade)
{
    window->lessonActions()->shippedAction()->trigger();
    window->lessonActions()->presentAction()->trigger();
    settle();
    press(Qt::Key_Right);
    press(Qt::Key_Right);  // ReLU and the dead lane
    const LessonStep& step = presenter().lesson().steps.at(2);
    EXPECT_EQ(state().highlightedId(), step.introduces);
}

}  // namespace
}  // namespace ax::ui
