#pragma once
// A lesson: a titled list of steps that walks a class through an argument, view by view.

#include "ui/model/lesson_step.h"

#include <QList>
#include <QString>

namespace ax::ui {

struct Lesson {
    // A lesson is a lecture, not a data set: these bounds keep a damaged or hostile file small.
    static constexpr int kMaxSteps = 64;
    static constexpr int kMaxTitleLength = 200;     // characters, of the lesson's and each step's title
    static constexpr int kMaxCaptionLength = 4000;  // characters of a caption's markup

    QString title;
    QList<LessonStep> steps;

    friend bool operator==(const Lesson&, const Lesson&) = default;
};

}  // namespace ax::ui
