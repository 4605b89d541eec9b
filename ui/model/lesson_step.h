#pragma once
// One step of a lesson: a whole view (a session and the tab it is seen on) with a title and a caption.

#include "ui/model/session.h"

#include <QString>

#include <array>
#include <optional>

namespace ax::ui {

// The tab a step is shown on.
enum class LessonView { Charts, DepthLab, Comparison, TrainingLab };

inline constexpr std::array kLessonViews{LessonView::Charts, LessonView::DepthLab, LessonView::Comparison,
                                         LessonView::TrainingLab};

// "charts", "depthLab", "comparison", "trainingLab": the names lesson files use.
[[nodiscard]] QString lessonViewKey(LessonView view);
[[nodiscard]] std::optional<LessonView> lessonViewFromKey(const QString& key);

struct LessonStep {
    QString title;    // plain text
    QString caption;  // rich text in the subset LessonCaption accepts
    Session session;
    LessonView view = LessonView::Charts;
    // The activation the step brings in, emphasised while the earlier ones fade back; empty when the
    // step brings in none.
    QString introduces;

    friend bool operator==(const LessonStep&, const LessonStep&) = default;
};

}  // namespace ax::ui
