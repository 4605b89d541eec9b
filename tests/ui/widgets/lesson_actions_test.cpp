// The Lesson menu: the shipped lesson opens at its first step; a bad lesson file is refused with its
// one-line message in a dialog and changes nothing.

#include "ui/widgets/lesson_actions.h"

#include "main_window_fixture.h"
#include "ui/widgets/lesson_presenter.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

class LessonActionsTest : public MainWindowFixture {};

TEST_F(LessonActionsTest, TheShippedLessonOpensAtItsFirstStep)
{
    LessonActions& actions = *window->lessonActions();
    EXPECT_FALSE(actions.nextAction()->isEnabled());
    actions.shippedAction()->trigger();
    ASSERT_TRUE(actions.presenter()->hasLesson());
    EXPECT_EQ(actions.presenter()->currentStep(), 0);
    EXPECT_TRUE(state().session() == actions.presenter()->sessionFor(0));
    EXPECT_TRUE(actions.nextAction()->isEnabled());
    EXPECT_FALSE(actions.previousAction()->isEnabled());
    actions.nextAction()->trigger();
    EXPECT_EQ(actions.presenter()->currentStep(), 1);
    EXPECT_TRUE(state().session() == actions.presenter()->sessionFor(1));
    EXPECT_TRUE(actions.previousAction()->isEnabled());
}

TEST_F(LessonActionsTest, ABadLessonFileIsRefusedWithItsMessage)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.actx-lesson.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"format": "activation-explorer-lesson", "version": 1, "title": 5})");
    file.close();
    ASSERT_FALSE(state().setRange(-2.0, 5.0));
    const Session before = state().session();

    QString shown;
    QTimer::singleShot(0, [&shown] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        shown = box->text();
        box->accept();
    });
    window->lessonActions()->openLessonFileOrSay(path);
    EXPECT_TRUE(shown.contains(QStringLiteral("broken.actx-lesson.json"))) << shown.toStdString();
    EXPECT_FALSE(shown.contains(QLatin1Char('\n')));
    EXPECT_TRUE(state().session() == before);
    EXPECT_FALSE(window->lessonActions()->presenter()->hasLesson());
}

}  // namespace
}  // namespace ax::ui
