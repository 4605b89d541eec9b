#include "ui/model/lesson_draft.h"

#include "core/activation.h"
#include "ui/model/lesson_caption.h"

namespace ax::ui {

namespace {

// What a lesson file refuses in a title, or nullopt.
std::optional<QString> titleProblem(const QString& title)
{
    if (title.trimmed().isEmpty()) return LessonDraft::tr("the title is empty");
    if (title.size() > Lesson::kMaxTitleLength)
        return LessonDraft::tr("the title is %1 characters long; at most %2 are allowed")
            .arg(title.size())
            .arg(Lesson::kMaxTitleLength);
    for (const QChar c : title)
        if (c.unicode() < 0x20 || c.unicode() == 0x7F) return LessonDraft::tr("the title must be one line");
    return std::nullopt;
}

}  // namespace

QString LessonDraft::introduces(const Session& session, const QString& highlighted,
                                const LessonStep* previous)
{
    const QStringList shown = session.enabledIds();
    if (!highlighted.isEmpty() && shown.contains(highlighted)) return highlighted;
    for (const QString& id : shown)
        if (!previous || !previous->session.enabled.contains(id)) return id;
    return {};
}

LessonStep LessonDraft::stepFrom(const ShownView& shown, const LessonStep* previous, qsizetype number)
{
    LessonStep step;
    if (const core::Activation* activation =
            shown.highlighted.isEmpty() ? nullptr : shown.session.activation(shown.highlighted))
        step.title = QString::fromStdString(activation->name).left(Lesson::kMaxTitleLength);
    if (step.title.trimmed().isEmpty()) step.title = tr("Step %1").arg(number);
    retake(step, shown, previous);
    return step;
}

void LessonDraft::retake(LessonStep& step, const ShownView& shown, const LessonStep* previous)
{
    step.session = shown.session;
    step.view = shown.view;
    step.introduces = introduces(shown.session, shown.highlighted, previous);
}

std::optional<QString> LessonDraft::problem(const Lesson& lesson)
{
    if (auto error = titleProblem(lesson.title)) return tr("The lesson: %1.").arg(*error);
    for (qsizetype i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep& step = lesson.steps.at(i);
        if (auto error = titleProblem(step.title)) return tr("Step %1: %2.").arg(i + 1).arg(*error);
        if (step.caption.size() > Lesson::kMaxCaptionLength)
            return tr("Step %1: the caption is %2 characters long; at most %3 are allowed.")
                .arg(i + 1)
                .arg(step.caption.size())
                .arg(Lesson::kMaxCaptionLength);
        if (auto error = LessonCaption::validate(step.caption))
            return tr("Step %1: %2").arg(i + 1).arg(*error);
    }
    return std::nullopt;
}

}  // namespace ax::ui
