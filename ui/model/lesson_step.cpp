#include "ui/model/lesson_step.h"

namespace ax::ui {

QString lessonViewKey(LessonView view)
{
    switch (view) {
        case LessonView::DepthLab:
            return QStringLiteral("depthLab");
        case LessonView::Comparison:
            return QStringLiteral("comparison");
        case LessonView::TrainingLab:
            return QStringLiteral("trainingLab");
        case LessonView::Charts:
            break;
    }
    return QStringLiteral("charts");
}

std::optional<LessonView> lessonViewFromKey(const QString& key)
{
    for (const LessonView view : kLessonViews)
        if (lessonViewKey(view) == key) return view;
    return std::nullopt;
}

}  // namespace ax::ui
