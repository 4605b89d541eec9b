// The Lesson menu: the shipped lesson opens at its first step; a bad lesson file is refused with its
// one-line message in a dialog and changes nothing. Writing a lesson: each view added is a step that
// shows it; Edit Steps applies on OK only; a saved lesson opens as it was; a failed save says why
// and loses nothing; unsaved edits are asked about; an export has a page or an image per step.

#include "ui/widgets/lesson_actions.h"

#include "main_window_fixture.h"
#include "tests/full_filesystem.h"
#include "ui/model/lesson_file.h"
#include "ui/render/lesson_export.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/depth_lab_view.h"
#include "ui/widgets/lesson_editor_dialog.h"
#include "ui/widgets/lesson_presenter.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

#include <functional>

namespace ax::ui {
namespace {

// Runs act on the next modal widget of type T once it is up. Whatever else is modal meanwhile is
// closed, so a test that meets the wrong dialog fails instead of hanging.
template <typename T>
void whenModal(std::function<void(T*)> act, int triesLeft = 200)
{
    QTimer::singleShot(10, [act = std::move(act), triesLeft] {
        QWidget* modal = QApplication::activeModalWidget();
        if (auto* wanted = qobject_cast<T*>(modal)) {
            act(wanted);
            return;
        }
        if (modal) modal->close();
        if (triesLeft > 0) whenModal<T>(act, triesLeft - 1);
    });
}

// Clicks button on the unsaved-lesson question, if it comes; asked (when given) says whether it did.
void answerUnsavedLesson(QMessageBox::StandardButton button, bool* asked = nullptr)
{
    QTimer::singleShot(0, [button, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QStringLiteral("unsavedLessonBox")) return;
        if (asked) *asked = true;
        box->button(button)->click();
    });
}

// The text of the warning the next call shows, answered with OK.
void captureWarning(QString* text)
{
    whenModal<QMessageBox>([text](QMessageBox* box) {
        *text = box->text();
        box->accept();
    });
}

// QFileDialog::selectFile leaves the name box alone while it has the keyboard focus, which it gets
// as soon as the dialog's window is active: on a busy machine, before the test chooses. The focus
// is taken away first, so the choice always reaches the box.
void chooseFile(QFileDialog* dialog, const QString& path)
{
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    ASSERT_NE(name, nullptr) << "the dialog has no file name box";
    name->setFocus();  // as a busy machine may leave it: the choice must arrive all the same
    name->clearFocus();
    dialog->selectFile(path);
}

QByteArray contentsOf(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

class LessonActionsTest : public MainWindowFixture {
protected:
    void TearDown() override
    {
        // The window closes with a question when a test left lesson edits unsaved.
        if (window->lessonActions()->isLessonModified()) answerUnsavedLesson(QMessageBox::Discard);
        MainWindowFixture::TearDown();
    }

    [[nodiscard]] LessonActions& actions() const { return *window->lessonActions(); }
    [[nodiscard]] const Lesson& lesson() const { return actions().presenter()->lesson(); }

    // An activation the window does not show now.
    [[nodiscard]] QString hiddenActivation() const
    {
        for (const QString& id : state().session().activationIds())
            if (!state().session().enabled.contains(id)) return id;
        return {};
    }

    void showTab(LessonView view) const
    {
        QWidget* widget = view == LessonView::DepthLab ? static_cast<QWidget*>(window->depthLab())
                                                       : static_cast<QWidget*>(window->chartArea());
        for (int i = 0; i < window->tabs()->count(); ++i)
            if (window->tabs()->widget(i) == widget || window->tabs()->widget(i)->isAncestorOf(widget))
                window->tabs()->setCurrentIndex(i);
    }
};

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

TEST_F(LessonActionsTest, AddingTheCurrentViewTwiceGivesATwoStepLessonOfThoseViews)
{
    EXPECT_EQ(actions().addStepAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+A")));
    EXPECT_TRUE(actions().menu()->actions().contains(actions().addStepAction()));
    EXPECT_FALSE(actions().saveAction()->isEnabled()) << "nothing to save yet";

    showTab(LessonView::Charts);
    ASSERT_FALSE(state().setRange(-3.0, 4.0).has_value());
    const Session first = state().session();
    actions().addStepAction()->trigger();
    ASSERT_EQ(lesson().steps.size(), 1);
    EXPECT_EQ(lesson().title, QStringLiteral("Untitled lesson"));
    EXPECT_TRUE(lesson().steps.at(0).session == first);
    EXPECT_EQ(lesson().steps.at(0).view, LessonView::Charts);
    EXPECT_EQ(lesson().steps.at(0).title, QStringLiteral("Step 1"));
    EXPECT_TRUE(lesson().steps.at(0).caption.isEmpty());
    EXPECT_TRUE(first.enabled.contains(lesson().steps.at(0).introduces));
    EXPECT_TRUE(actions().isLessonModified());
    EXPECT_TRUE(actions().saveAction()->isEnabled());

    const QString added = hiddenActivation();
    ASSERT_FALSE(added.isEmpty());
    state().setEnabled(added, true);
    showTab(LessonView::DepthLab);
    const Session second = state().session();
    actions().addStepAction()->trigger();
    ASSERT_EQ(lesson().steps.size(), 2);
    EXPECT_TRUE(lesson().steps.at(0).session == first);
    EXPECT_TRUE(lesson().steps.at(1).session == second);
    EXPECT_EQ(lesson().steps.at(1).view, LessonView::DepthLab);
    EXPECT_EQ(lesson().steps.at(1).title, QStringLiteral("Step 2"));
    EXPECT_EQ(lesson().steps.at(1).introduces, added) << "the one the first step did not show";

    // The window stays where it is, on the new step.
    EXPECT_EQ(actions().presenter()->currentStep(), 1);
    EXPECT_TRUE(state().session() == second);
    EXPECT_FALSE(actions().nextAction()->isEnabled());
    EXPECT_TRUE(actions().previousAction()->isEnabled());
}

TEST_F(LessonActionsTest, TheHighlightedActivationTitlesTheStepItAdds)
{
    const QString shown = state().session().enabledIds().value(1);
    ASSERT_FALSE(shown.isEmpty());
    state().setHighlightedId(shown);
    actions().addStepAction()->trigger();
    ASSERT_EQ(lesson().steps.size(), 1);
    EXPECT_EQ(lesson().steps.at(0).introduces, shown);
    EXPECT_EQ(lesson().steps.at(0).title, QString::fromStdString(state().session().activation(shown)->name));
}

TEST_F(LessonActionsTest, AddingToTheShippedLessonAppendsWithoutLeavingTheView)
{
    actions().shippedAction()->trigger();
    const Lesson shipped = lesson();
    ASSERT_FALSE(state().setRange(-1.0, 1.0).has_value());
    const Session view = state().session();
    actions().addStepAction()->trigger();
    ASSERT_EQ(lesson().steps.size(), shipped.steps.size() + 1);
    EXPECT_EQ(lesson().title, shipped.title);
    EXPECT_TRUE(lesson().steps.last().session == view);
    EXPECT_EQ(actions().presenter()->currentStep(), shipped.steps.size());
    EXPECT_TRUE(state().session() == view);
}

TEST_F(LessonActionsTest, AFullLessonSaysWhyAndAddsNothing)
{
    for (int i = 0; i < Lesson::kMaxSteps; ++i)
        actions().addStepAction()->trigger();
    ASSERT_EQ(lesson().steps.size(), Lesson::kMaxSteps);
    actions().addStepAction()->trigger();
    EXPECT_EQ(lesson().steps.size(), Lesson::kMaxSteps);
    const QString message = window->statusBar()->currentMessage();
    EXPECT_TRUE(message.contains(QString::number(Lesson::kMaxSteps))) << message.toStdString();
}

TEST_F(LessonActionsTest, EditStepsAppliesOnOkOnly)
{
    actions().shippedAction()->trigger();
    const Lesson shipped = lesson();

    whenModal<LessonEditorDialog>([](LessonEditorDialog* dialog) {
        QTest::mouseClick(dialog->deleteButton(), Qt::LeftButton);
        dialog->reject();
    });
    actions().editStepsAction()->trigger();
    EXPECT_TRUE(lesson() == shipped) << "Cancel changes nothing";
    EXPECT_FALSE(actions().isLessonModified());

    whenModal<LessonEditorDialog>([](LessonEditorDialog* dialog) {
        QTest::mouseClick(dialog->moveDownButton(), Qt::LeftButton);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    });
    actions().editStepsAction()->trigger();
    ASSERT_EQ(lesson().steps.size(), shipped.steps.size());
    EXPECT_TRUE(lesson().steps.at(0) == shipped.steps.at(1));
    EXPECT_TRUE(lesson().steps.at(1) == shipped.steps.at(0));
    EXPECT_TRUE(actions().isLessonModified());
}

TEST_F(LessonActionsTest, SaveAsOfTheShippedLessonOpensAsTheSameLesson)
{
    actions().shippedAction()->trigger();
    const Lesson shipped = lesson();
    EXPECT_TRUE(actions().lessonFile().isEmpty()) << "a resource is not saved to";
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("mine") + QLatin1String(kLessonSuffix));
    ASSERT_TRUE(actions().saveLessonFileOrSay(path));
    EXPECT_EQ(actions().lessonFile(), path);

    actions().setLesson(Lesson{QStringLiteral("Other"), {LessonStep{QStringLiteral("One"), {}, {}, {}, {}}}});
    ASSERT_FALSE(actions().openLessonFile(path).has_value());
    EXPECT_TRUE(lesson() == shipped);
    EXPECT_EQ(actions().lessonFile(), path);
}

TEST_F(LessonActionsTest, SavingANewLessonAsksForAFileAndAddsTheSuffix)
{
    EXPECT_EQ(actions().saveAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Alt+S")));
    actions().addStepAction()->trigger();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString chosen = dir.filePath(QStringLiteral("lecture"));
    whenModal<QFileDialog>([chosen](QFileDialog* dialog) {
        chooseFile(dialog, chosen);
        // QFileDialog's own accept, which takes the chosen name, reached through the public one.
        static_cast<QDialog*>(dialog)->accept();
    });
    actions().saveAction()->trigger();
    const QString path = chosen + QLatin1String(kLessonSuffix);
    EXPECT_EQ(actions().lessonFile(), path);
    EXPECT_FALSE(actions().isLessonModified());
    auto opened = LessonFile::open(path);
    ASSERT_TRUE(std::holds_alternative<Lesson>(opened)) << std::get<QString>(opened).toStdString();
    EXPECT_TRUE(std::get<Lesson>(opened) == lesson());

    // Its file known, Save asks nothing more.
    actions().addStepAction()->trigger();
    actions().saveAction()->trigger();
    EXPECT_FALSE(actions().isLessonModified());
    EXPECT_EQ(LessonFile::toBytes(lesson()), contentsOf(path));
}

TEST_F(LessonActionsTest, SavingToAnUnwritablePlaceSaysWhyAndWritesNothing)
{
    actions().addStepAction()->trigger();
    const Lesson edited = lesson();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    // Not even root writes into a regular file as if it were a folder.
    const QString notAFolder = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(notAFolder);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("notes");
    }
    const QString path = notAFolder + QStringLiteral("/lesson") + QLatin1String(kLessonSuffix);
    QString shown;
    captureWarning(&shown);
    EXPECT_FALSE(actions().saveLessonFileOrSay(path));
    EXPECT_TRUE(shown.contains(QStringLiteral("lesson.actx-lesson.json"))) << shown.toStdString();
    EXPECT_FALSE(shown.contains(QLatin1Char('\n'))) << shown.toStdString();
    EXPECT_FALSE(QFileInfo::exists(path));
    EXPECT_EQ(contentsOf(notAFolder), QByteArray("notes"));
    EXPECT_TRUE(lesson() == edited);
    EXPECT_TRUE(actions().isLessonModified()) << "the edits are still to save";
    EXPECT_TRUE(actions().lessonFile().isEmpty());
}

TEST_F(LessonActionsTest, SavingToAFullDiskSaysWhyAndLeavesTheOldFile)
{
    ax::test::FullFilesystem disk;
    if (!disk.mounted()) GTEST_SKIP() << disk.reason();
    actions().addStepAction()->trigger();
    const QString path = disk.filePath(QStringLiteral("lesson") + QLatin1String(kLessonSuffix));
    ASSERT_TRUE(actions().saveLessonFileOrSay(path));
    const QByteArray saved = contentsOf(path);
    disk.fill();

    for (int i = 0; i < 3; ++i)
        actions().addStepAction()->trigger();
    QString shown;
    captureWarning(&shown);
    EXPECT_FALSE(actions().saveLessonFileOrSay(path));
    EXPECT_FALSE(shown.isEmpty());
    EXPECT_FALSE(shown.contains(QLatin1Char('\n'))) << shown.toStdString();
    EXPECT_EQ(contentsOf(path), saved);
    EXPECT_EQ(lesson().steps.size(), 4);
    EXPECT_TRUE(actions().isLessonModified());
    EXPECT_EQ(QDir(disk.path()).entryList(QDir::Files).size(), 2) << "no half-written file is left";
}

TEST_F(LessonActionsTest, ClosingWithUnsavedLessonEditsAsks)
{
    actions().addStepAction()->trigger();
    bool asked = false;
    answerUnsavedLesson(QMessageBox::Cancel, &asked);
    window->close();
    EXPECT_TRUE(asked);
    EXPECT_TRUE(window->isVisible()) << "Cancel keeps the window open";
    EXPECT_EQ(lesson().steps.size(), 1);

    asked = false;
    answerUnsavedLesson(QMessageBox::Discard, &asked);
    window->close();
    EXPECT_TRUE(asked);
    EXPECT_FALSE(window->isVisible());
    window->show();
}

TEST_F(LessonActionsTest, OpeningAnotherLessonOverUnsavedEditsAsks)
{
    actions().addStepAction()->trigger();
    const Lesson edited = lesson();
    bool asked = false;
    answerUnsavedLesson(QMessageBox::Cancel, &asked);
    actions().shippedAction()->trigger();
    EXPECT_TRUE(asked);
    EXPECT_TRUE(lesson() == edited) << "Cancel keeps the edits";

    asked = false;
    answerUnsavedLesson(QMessageBox::Discard, &asked);
    actions().shippedAction()->trigger();
    EXPECT_TRUE(asked);
    EXPECT_EQ(lesson().title, QStringLiteral("From sigmoid to Mish"));
    EXPECT_FALSE(actions().isLessonModified());
}

TEST_F(LessonActionsTest, ExportWritesAPdfPagePerStepAndAFolderOfSlides)
{
    actions().shippedAction()->trigger();
    // Three of the shipped lesson's chart steps: each page costs a whole figure to draw.
    Lesson shipped = lesson();
    shipped.steps = {shipped.steps.at(0), shipped.steps.at(2), shipped.steps.at(3)};
    actions().setLesson(shipped);
    ASSERT_EQ(lesson().steps.size(), 3);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());

    const QString pdf = dir.filePath(QStringLiteral("handout.pdf"));
    ASSERT_FALSE(actions().exportLesson(pdf, FigureFormat::Pdf).has_value());
    const QByteArray bytes = contentsOf(pdf);
    ASSERT_TRUE(bytes.startsWith("%PDF"));
    // The page tree's root counts every page.
    const QRegularExpression pages(QStringLiteral(R"(/Type\s*/Pages\b[^>]*/Count\s+(\d+))"));
    const QRegularExpressionMatch match = pages.match(QString::fromLatin1(bytes));
    ASSERT_TRUE(match.hasMatch());
    EXPECT_EQ(match.captured(1).toInt(), shipped.steps.size());

    const QString slides = dir.filePath(QStringLiteral("slides"));
    ASSERT_FALSE(actions().exportLesson(slides, FigureFormat::Png).has_value());
    QStringList expected;
    for (qsizetype i = 0; i < shipped.steps.size(); ++i)
        expected << LessonExport::stepFileName(shipped, i, FigureFormat::Png);
    expected.sort();
    EXPECT_EQ(QDir(slides).entryList(QDir::Files, QDir::Name), expected);
    for (const QString& name : expected)
        EXPECT_TRUE(contentsOf(QDir(slides).filePath(name)).startsWith("\x89PNG")) << name.toStdString();
}

TEST_F(LessonActionsTest, AFailedExportSaysWhy)
{
    actions().shippedAction()->trigger();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString notAFolder = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(notAFolder);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    const auto error = actions().exportLesson(notAFolder + QStringLiteral("/slides"), FigureFormat::Svg);
    ASSERT_TRUE(error.has_value());
    EXPECT_FALSE(error->contains(QLatin1Char('\n')));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
              QStringList{QStringLiteral("notes.txt")});
}

TEST_F(LessonActionsTest, ExportLessonAsksForAPlaceAndSaysWhenItCannotWrite)
{
    actions().shippedAction()->trigger();
    Lesson shipped = lesson();
    shipped.steps = {shipped.steps.at(0), shipped.steps.at(2)};  // two pages are enough here
    actions().setLesson(shipped);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());

    // A PDF named without its suffix gets it.
    const QString handout = dir.filePath(QStringLiteral("handout"));
    whenModal<QFileDialog>([handout](QFileDialog* dialog) {
        dialog->selectNameFilter(dialog->nameFilters().value(0));
        chooseFile(dialog, handout);
        static_cast<QDialog*>(dialog)->accept();
    });
    actions().exportAction()->trigger();
    EXPECT_TRUE(contentsOf(handout + QStringLiteral(".pdf")).startsWith("%PDF"));

    // Slides go into a folder, which cannot be made inside a file: the dialog says why.
    const QString notAFolder = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile file(notAFolder);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }
    QString shown;
    whenModal<QFileDialog>([notAFolder, &shown](QFileDialog* dialog) {
        const QString svg = dialog->nameFilters().value(2);
        EXPECT_TRUE(svg.contains(QStringLiteral("*.svg"))) << svg.toStdString();
        dialog->selectNameFilter(svg);
        chooseFile(dialog, notAFolder + QStringLiteral("/slides"));
        captureWarning(&shown);
        static_cast<QDialog*>(dialog)->accept();
    });
    actions().exportAction()->trigger();
    EXPECT_TRUE(shown.contains(QStringLiteral("slides"))) << shown.toStdString();
    EXPECT_FALSE(shown.contains(QLatin1Char('\n'))) << shown.toStdString();
    EXPECT_FALSE(QFileInfo::exists(notAFolder + QStringLiteral("/slides")));
}

}  // namespace
}  // namespace ax::ui
