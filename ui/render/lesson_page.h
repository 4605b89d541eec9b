#pragma once
// One step of a lesson as a handout page: its title, its charts (drawn by the painters the window and
// the exports use), its caption and its comparison-table rows.

#include "core/training/training_race.h"
#include "ui/model/lesson.h"
#include "ui/render/training_chart_content.h"

#include <QCoreApplication>
#include <QRectF>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace ax::ui {

class DepthLabModel;
class ExplorerState;
class ExplanationLibrary;

class LessonPage {
    Q_DECLARE_TR_FUNCTIONS(LessonPage)

public:
    // A training step is raced for this many steps before its charts are drawn: long enough for the
    // claims the shipped lesson makes (they were established at 100 and 300 steps), short enough for
    // a handout to be written in seconds.
    static constexpr int kTrainingSteps = 300;
    static constexpr int kTrainingMeasureEvery = 10;

    // Prepares what the page draws: the step's state, its depth theory or its training race.
    LessonPage(const Lesson& lesson, qsizetype stepIndex, const ExplanationLibrary& explanations);
    ~LessonPage();
    LessonPage(const LessonPage&) = delete;
    LessonPage& operator=(const LessonPage&) = delete;

    // Paints the whole page into target (any size; text and lines follow its width), on white.
    void paint(QPainter& painter, const QRectF& target) const;

    // The page's rows of the comparison table: the activation the step brings in, or every shown
    // one for a step on the comparison tab.
    [[nodiscard]] QStringList tableIds() const;
    // "Step 3 of 14 · From sigmoid to Mish".
    [[nodiscard]] QString heading() const;
    [[nodiscard]] const LessonStep& step() const noexcept { return m_step; }

private:
    void paintCharts(QPainter& painter, const QRectF& area) const;
    [[nodiscard]] QString tableHtml() const;

    LessonStep m_step;
    QString m_lessonTitle;
    qsizetype m_index = 0;
    qsizetype m_count = 0;
    const ExplanationLibrary& m_explanations;
    std::unique_ptr<ExplorerState> m_state;
    std::unique_ptr<DepthLabModel> m_depthLab;
    std::optional<core::RaceSnapshot> m_race;
    std::vector<TrainingSeriesStyle> m_styles;
};

}  // namespace ax::ui
