// Steps taken from the window: what a step brings in is always an activation it shows, so the
// lesson file it is saved to opens again; an unusable title or caption is named before saving.

#include "ui/model/lesson_draft.h"

#include "ui/model/lesson_file.h"

#include <QStringList>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

Session showing(const QStringList& ids)
{
    Session session;
    session.enabled = ids;
    return session;
}

LessonStep stepShowing(const QStringList& ids)
{
    LessonStep step;
    step.title = QStringLiteral("Before");
    step.session = showing(ids);
    return step;
}

TEST(LessonDraft, TheHighlightedActivationIsIntroducedWhenItIsShown)
{
    const LessonStep previous = stepShowing({QStringLiteral("relu")});
    EXPECT_EQ(LessonDraft::introduces(showing({QStringLiteral("relu"), QStringLiteral("elu")}),
                                      QStringLiteral("relu"), &previous),
              QStringLiteral("relu"));
}

TEST(LessonDraft, OtherwiseTheFirstActivationThePreviousStepDidNotShow)
{
    const LessonStep previous = stepShowing({QStringLiteral("relu")});
    const Session session = showing({QStringLiteral("relu"), QStringLiteral("elu")});
    EXPECT_EQ(LessonDraft::introduces(session, QString(), &previous), QStringLiteral("elu"));
    // A highlighted activation the step hides is never named: the file would be refused.
    EXPECT_EQ(LessonDraft::introduces(session, QStringLiteral("mish"), &previous), QStringLiteral("elu"));
    EXPECT_EQ(LessonDraft::introduces(showing({QStringLiteral("relu")}), QStringLiteral("mish"), &previous),
              QString());
    EXPECT_EQ(LessonDraft::introduces(showing({}), QString(), nullptr), QString());
}

TEST(LessonDraft, AStepTakenFromTheWindowSavesAndOpensAgain)
{
    ShownView shown;
    shown.session = showing({QStringLiteral("relu"), QStringLiteral("gelu")});
    shown.view = LessonView::Comparison;
    shown.highlighted = QStringLiteral("swish");  // highlighted, but not shown

    Lesson lesson{QStringLiteral("Drafted"), {}};
    lesson.steps << LessonDraft::stepFrom(shown, nullptr, 1);
    EXPECT_EQ(lesson.steps.at(0).view, LessonView::Comparison);
    EXPECT_TRUE(lesson.steps.at(0).session == shown.session);
    EXPECT_TRUE(shown.session.enabled.contains(lesson.steps.at(0).introduces));
    EXPECT_FALSE(LessonDraft::problem(lesson).has_value());

    auto opened = LessonFile::fromBytes(LessonFile::toBytes(lesson));
    ASSERT_TRUE(std::holds_alternative<Lesson>(opened)) << std::get<QString>(opened).toStdString();
    EXPECT_TRUE(std::get<Lesson>(opened) == lesson);
}

TEST(LessonDraft, ProblemsNameTheStep)
{
    Lesson lesson{QStringLiteral("Lesson"), {stepShowing({QStringLiteral("relu")}), stepShowing({})}};
    EXPECT_FALSE(LessonDraft::problem(lesson).has_value());
    lesson.steps[1].caption = QStringLiteral("<script>");
    ASSERT_TRUE(LessonDraft::problem(lesson).has_value());
    EXPECT_TRUE(LessonDraft::problem(lesson)->startsWith(QStringLiteral("Step 2")))
        << LessonDraft::problem(lesson)->toStdString();
    lesson.steps[1].caption = QString(Lesson::kMaxCaptionLength + 1, QLatin1Char('a'));
    EXPECT_TRUE(LessonDraft::problem(lesson).has_value());
    lesson.steps[1].caption.clear();
    lesson.steps[0].title = QStringLiteral("  ");
    EXPECT_TRUE(LessonDraft::problem(lesson)->startsWith(QStringLiteral("Step 1")));
    lesson.steps[0].title = QStringLiteral("One");
    lesson.title.clear();
    EXPECT_TRUE(LessonDraft::problem(lesson).has_value());
}

}  // namespace
}  // namespace ax::ui
