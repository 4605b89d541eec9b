#pragma once
// Lesson steps taken from what the window shows: a lesson is written by showing each view once.

#include "ui/model/lesson.h"
#include "ui/model/lesson_step.h"
#include "ui/model/session.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ax::ui {

// What the window shows when a step is taken from it.
struct ShownView {
    Session session;
    LessonView view = LessonView::Charts;
    QString highlighted;  // the highlighted activation's id; empty when none is
};

class LessonDraft {
    Q_DECLARE_TR_FUNCTIONS(LessonDraft)

public:
    // The activation a step showing session brings in: the highlighted one if it is shown, else the
    // first shown one that previous (nullptr for the first step) did not show, else none. Never one
    // that session does not show: a lesson file naming such an activation is refused.
    [[nodiscard]] static QString introduces(const Session& session, const QString& highlighted,
                                            const LessonStep* previous);
    // Step number (counted from 1) of what shown holds, titled by the highlighted activation's name
    // or "Step N", with an empty caption.
    [[nodiscard]] static LessonStep stepFrom(const ShownView& shown, const LessonStep* previous,
                                             qsizetype number);
    // The step seen on what shown holds, keeping its title and caption.
    static void retake(LessonStep& step, const ShownView& shown, const LessonStep* previous);
    // Why a lesson cannot be saved as it stands (an empty title, a caption out of the subset), naming
    // the step; nullopt when a lesson file would take it.
    [[nodiscard]] static std::optional<QString> problem(const Lesson& lesson);
};

}  // namespace ax::ui
