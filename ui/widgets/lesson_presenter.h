#pragma once
// Presents a lesson in the window: full screen with the step's view and caption only, stepping with
// the keys a presentation clicker sends, and back to the window as it was on Esc.

#include "ui/model/lesson.h"
#include "ui/model/session.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QRect>
#include <QWidget>

#include <array>
#include <optional>

class QVariantAnimation;

namespace ax::ui {

class MainWindow;

class LessonPresenter : public QObject {
    Q_OBJECT

public:
    // Parameters and range move into the next step in this time; the y axes are held meanwhile.
    static constexpr int kTransitionMs = 250;

    explicit LessonPresenter(MainWindow& window);
    ~LessonPresenter() override;

    // The lesson to present; a new one starts again at its first step.
    void setLesson(const Lesson& lesson);
    // The lesson as edited, on step (clamped): nothing is shown, since what the window shows is what
    // was edited, and going on from there goes on from step.
    void editLesson(const Lesson& lesson, int step);
    [[nodiscard]] const Lesson& lesson() const noexcept { return m_lesson; }
    [[nodiscard]] bool hasLesson() const noexcept { return !m_lesson.steps.isEmpty(); }
    [[nodiscard]] bool isPresenting() const noexcept { return m_presenting; }
    [[nodiscard]] int currentStep() const noexcept { return m_step; }
    [[nodiscard]] bool isMoving() const noexcept;

    // What a step puts into the state: its session with the user's theme, which presenting keeps.
    [[nodiscard]] Session sessionFor(int step) const;

    void present();
    // Back to the window and the session as they were before presenting.
    void leave();
    void nextStep();
    void previousStep();
    void showStep(int step);

signals:
    void presentingChanged(bool presenting);
    // A step's session is fully in the state (its transition, if any, has ended).
    void stepShown(int step);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyStep(bool animate);
    void finishTransition();
    void onTransition(double t);
    // The y limits the charts would take for session at the chart area's size.
    [[nodiscard]] std::array<std::optional<YLimits>, 3> limitsOf(const Session& session) const;
    [[nodiscard]] std::array<std::optional<YLimits>, 3> shownLimits() const;

    MainWindow& m_window;
    Lesson m_lesson;
    int m_step = 0;
    bool m_presenting = false;
    bool m_playedRace = false;  // a training step started the race, which leaving pauses

    // What Esc brings back.
    Session m_savedSession;
    QString m_savedHighlight;
    QRect m_savedGeometry;
    QByteArray m_savedLayout;
    Qt::WindowStates m_savedWindowState;
    int m_savedTab = 0;
    bool m_savedModified = false;
    bool m_savedMenuBar = true;
    bool m_savedStatusBar = true;
    QPointer<QWidget> m_savedFocus;

    QVariantAnimation* m_animation = nullptr;
    Session m_from;
    Session m_to;
    std::array<std::optional<YLimits>, 3> m_fromLimits{};
    std::array<std::optional<YLimits>, 3> m_toLimits{};
};

}  // namespace ax::ui
