// The Edit Steps dialog: moving, deleting, retitling and captioning steps change the lesson as the
// list shows them; a caption outside the subset is named under the field and keeps OK disabled;
// "Replace with Current View" takes the view and what it brings in.

#include "ui/widgets/lesson_editor_dialog.h"

#include "ui/model/lesson_file.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

Lesson shippedLesson()
{
    auto shipped = LessonFile::shipped();
    EXPECT_TRUE(std::holds_alternative<Lesson>(shipped));
    return std::get<Lesson>(shipped);
}

QString rowText(const LessonEditorDialog& dialog, int row)
{
    const QListWidgetItem* item = dialog.stepList()->item(row);
    return item ? item->text() : QString();
}

class LessonEditorDialogTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        original = shippedLesson();
        ASSERT_GE(original.steps.size(), 3);
        dialog = std::make_unique<LessonEditorDialog>(original, [this] { return shown; });
        dialog->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog.get()));
    }

    // Puts text in the caption field as typing would, replacing what was there.
    void typeCaption(const QString& text) const
    {
        dialog->captionEdit()->selectAll();
        QTest::keyClick(dialog->captionEdit(), Qt::Key_Delete);
        QTest::keyClicks(dialog->captionEdit(), text);
    }

    Lesson original;
    ShownView shown;
    std::unique_ptr<LessonEditorDialog> dialog;
};

TEST_F(LessonEditorDialogTest, ListsTheStepsAndShowsTheFirst)
{
    EXPECT_EQ(dialog->lessonTitleEdit()->text(), original.title);
    ASSERT_EQ(dialog->stepList()->count(), original.steps.size());
    EXPECT_EQ(rowText(*dialog, 0), QStringLiteral("1. ") + original.steps.at(0).title);
    EXPECT_EQ(dialog->selectedStep(), 0);
    EXPECT_EQ(dialog->stepTitleEdit()->text(), original.steps.at(0).title);
    EXPECT_EQ(dialog->captionEdit()->toPlainText(), original.steps.at(0).caption);
    EXPECT_FALSE(dialog->moveUpButton()->isEnabled());
    EXPECT_TRUE(dialog->moveDownButton()->isEnabled());
    EXPECT_TRUE(dialog->okButton()->isEnabled());
    EXPECT_TRUE(dialog->lesson() == original);
}

TEST_F(LessonEditorDialogTest, MovingAStepDownAndUpReordersTheLesson)
{
    QTest::mouseClick(dialog->moveDownButton(), Qt::LeftButton);
    ASSERT_EQ(dialog->lesson().steps.size(), original.steps.size());
    EXPECT_TRUE(dialog->lesson().steps.at(0) == original.steps.at(1));
    EXPECT_TRUE(dialog->lesson().steps.at(1) == original.steps.at(0));
    EXPECT_EQ(dialog->selectedStep(), 1) << "the moved step stays selected";
    EXPECT_EQ(rowText(*dialog, 0), QStringLiteral("1. ") + original.steps.at(1).title);
    EXPECT_EQ(rowText(*dialog, 1), QStringLiteral("2. ") + original.steps.at(0).title);
    EXPECT_TRUE(dialog->moveUpButton()->isEnabled());

    QTest::mouseClick(dialog->moveUpButton(), Qt::LeftButton);
    EXPECT_TRUE(dialog->lesson() == original);
    EXPECT_EQ(dialog->selectedStep(), 0);
}

TEST_F(LessonEditorDialogTest, TheLastStepCannotMoveDown)
{
    const int last = static_cast<int>(original.steps.size()) - 1;
    dialog->selectStep(last);
    EXPECT_FALSE(dialog->moveDownButton()->isEnabled());
    EXPECT_TRUE(dialog->moveUpButton()->isEnabled());
}

TEST_F(LessonEditorDialogTest, DeletingAStepRemovesItAndSelectsTheNext)
{
    dialog->selectStep(1);
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    ASSERT_EQ(dialog->lesson().steps.size(), original.steps.size() - 1);
    EXPECT_TRUE(dialog->lesson().steps.at(0) == original.steps.at(0));
    EXPECT_TRUE(dialog->lesson().steps.at(1) == original.steps.at(2));
    EXPECT_EQ(dialog->stepList()->count(), original.steps.size() - 1);
    EXPECT_EQ(dialog->selectedStep(), 1);
    EXPECT_EQ(dialog->stepTitleEdit()->text(), original.steps.at(2).title);
    EXPECT_EQ(rowText(*dialog, 1), QStringLiteral("2. ") + original.steps.at(2).title);
}

TEST_F(LessonEditorDialogTest, TheOnlyStepLeftCannotBeDeleted)
{
    while (dialog->lesson().steps.size() > 1)
        QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    EXPECT_FALSE(dialog->deleteButton()->isEnabled());
    QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
    EXPECT_EQ(dialog->lesson().steps.size(), 1);
}

TEST_F(LessonEditorDialogTest, TypedTitlesAndCaptionsGoIntoTheLesson)
{
    dialog->selectStep(2);
    dialog->stepTitleEdit()->selectAll();
    QTest::keyClicks(dialog->stepTitleEdit(), QStringLiteral("The dead lane"));
    typeCaption(QStringLiteral("For z &lt; 0 the gradient is <b>zero</b>."));
    dialog->lessonTitleEdit()->selectAll();
    QTest::keyClicks(dialog->lessonTitleEdit(), QStringLiteral("Rectifiers"));

    const Lesson& edited = dialog->lesson();
    EXPECT_EQ(edited.title, QStringLiteral("Rectifiers"));
    EXPECT_EQ(edited.steps.at(2).title, QStringLiteral("The dead lane"));
    EXPECT_EQ(edited.steps.at(2).caption, QStringLiteral("For z &lt; 0 the gradient is <b>zero</b>."));
    EXPECT_EQ(rowText(*dialog, 2), QStringLiteral("3. The dead lane"));
    EXPECT_TRUE(edited.steps.at(2).session == original.steps.at(2).session) << "the view stays";
    EXPECT_TRUE(dialog->okButton()->isEnabled());

    // Away and back: the fields show what was typed.
    dialog->selectStep(0);
    EXPECT_EQ(dialog->captionEdit()->toPlainText(), original.steps.at(0).caption);
    dialog->selectStep(2);
    EXPECT_EQ(dialog->captionEdit()->toPlainText(),
              QStringLiteral("For z &lt; 0 the gradient is <b>zero</b>."));
}

TEST_F(LessonEditorDialogTest, AnInvalidCaptionIsNamedAndDisablesOk)
{
    typeCaption(QStringLiteral("Saturates <script>"));
    EXPECT_FALSE(dialog->okButton()->isEnabled());
    const QString problem = dialog->problemLabel()->text();
    EXPECT_FALSE(problem.isEmpty());
    EXPECT_FALSE(problem.contains(QLatin1Char('\n'))) << problem.toStdString();

    // Another step selected: the fault is still named, with its step, and OK stays off.
    dialog->selectStep(1);
    EXPECT_FALSE(dialog->okButton()->isEnabled());
    EXPECT_TRUE(dialog->problemLabel()->text().startsWith(QStringLiteral("Step 1")))
        << dialog->problemLabel()->text().toStdString();

    dialog->selectStep(0);
    typeCaption(QStringLiteral("Saturates <b>early</b>"));
    EXPECT_TRUE(dialog->okButton()->isEnabled());
    EXPECT_TRUE(dialog->problemLabel()->text().isEmpty());
}

TEST_F(LessonEditorDialogTest, AnEmptyTitleDisablesOk)
{
    dialog->stepTitleEdit()->selectAll();
    QTest::keyClick(dialog->stepTitleEdit(), Qt::Key_Delete);
    EXPECT_FALSE(dialog->okButton()->isEnabled());
    EXPECT_FALSE(dialog->problemLabel()->text().isEmpty());
    QTest::keyClicks(dialog->stepTitleEdit(), QStringLiteral("Sigmoid"));
    EXPECT_TRUE(dialog->okButton()->isEnabled());
}

TEST_F(LessonEditorDialogTest, ReplacingWithTheCurrentViewKeepsTitleAndCaption)
{
    shown.session = original.steps.at(0).session;
    ASSERT_FALSE(shown.session.enabled.contains(QStringLiteral("mish")));
    shown.session.enabled << QStringLiteral("mish");
    shown.view = LessonView::DepthLab;
    dialog->selectStep(1);
    QTest::mouseClick(dialog->replaceButton(), Qt::LeftButton);
    const LessonStep& step = dialog->lesson().steps.at(1);
    EXPECT_TRUE(step.session == shown.session);
    EXPECT_EQ(step.view, LessonView::DepthLab);
    EXPECT_EQ(step.title, original.steps.at(1).title);
    EXPECT_EQ(step.caption, original.steps.at(1).caption);
    EXPECT_EQ(step.introduces, QStringLiteral("mish")) << "shown now, not by the step before";
}

}  // namespace
}  // namespace ax::ui
