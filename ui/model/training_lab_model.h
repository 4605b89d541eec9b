#pragma once
// The training lab's model: a race of the shown activations through real training, run on a
// thread of its own (whose worker pool uses every core), with play, pause, single steps and reset.
// The window reads what has been measured so far from snapshot(), refreshed a few times a second;
// nothing here waits for training on the GUI thread.

#include "core/training/training_race.h"
#include "ui/model/explorer_state.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

class QTimer;

namespace ax::ui {

class TrainingLabModel : public QObject {
    Q_OBJECT

public:
    // Cells per side of the decision-region thumbnails (points for a regression curve).
    static constexpr int kRegionResolution = 40;
    // A race stops by itself here: its story has been told long before, and its history stays small.
    static constexpr int kMaxSteps = 20000;
    // How often the window hears of progress, and how often the regions are redrawn while playing.
    static constexpr std::chrono::milliseconds kPublishInterval{120};
    static constexpr std::chrono::milliseconds kRegionInterval{250};

    explicit TrainingLabModel(ExplorerState& state, QObject* parent = nullptr);
    ~TrainingLabModel() override;
    TrainingLabModel(const TrainingLabModel&) = delete;
    TrainingLabModel& operator=(const TrainingLabModel&) = delete;

    [[nodiscard]] const ExplorerState& state() const noexcept { return m_state; }
    // The runners, in the order of snapshot().contestants: the shown activations.
    [[nodiscard]] QStringList contestantIds() const { return m_ids; }
    // Why no race runs (no activation shown, more than the race takes); empty when one does.
    [[nodiscard]] QString problem() const { return m_problem; }
    // The data the networks learn from (empty when no race runs).
    [[nodiscard]] const core::Dataset& dataset() const noexcept { return m_dataset; }
    // What was measured up to the last refresh.
    [[nodiscard]] const core::RaceSnapshot& snapshot() const noexcept { return m_snapshot; }
    [[nodiscard]] int step() const noexcept { return m_snapshot.step; }
    // Race steps (every network one step) per second over the last stretch of playing; 0 at rest.
    [[nodiscard]] double stepsPerSecond() const noexcept { return m_stepsPerSecond; }
    [[nodiscard]] bool isPlaying() const;
    [[nodiscard]] bool reachedTheEnd() const noexcept { return m_snapshot.step >= kMaxSteps; }

    void play();
    void pause();
    // Trains every network `steps` more steps, then rests.
    void advanceBy(int steps);
    // The same race from its start: the same draws, the same batches.
    void reset();
    // While the lab is not on screen its race rests, so that it never slows a drag elsewhere; it
    // goes on where it was when the lab is shown again.
    void setOnScreen(bool onScreen);
    // Waits until the race has done everything asked of it so far and the snapshot shows it
    // (for tests and exports); false if that takes longer than timeout.
    bool waitUntilIdle(std::chrono::milliseconds timeout);

signals:
    // A new snapshot: more steps, new regions, or a new race.
    void updated();
    void playingChanged(bool playing);

private:
    void onStateChanged(const StateChange& change);
    void restart();
    void stopWorker();
    void run(const std::stop_token& stop);
    void publish();

    ExplorerState& m_state;
    QStringList m_ids;
    QString m_problem;
    core::Dataset m_dataset;
    core::RaceSnapshot m_snapshot;
    double m_stepsPerSecond = 0.0;
    QTimer* m_publishTimer = nullptr;
    QTimer* m_restartTimer = nullptr;
    bool m_restartPending = false;  // a change came while the lab was off screen
    int m_rateStep = 0;             // where the speed shown was last taken
    std::chrono::steady_clock::time_point m_rateTime;

    std::unique_ptr<core::TrainingRace> m_race;
    std::jthread m_worker;
    mutable std::mutex m_mutex;  // guards what the worker is asked to do
    std::condition_variable_any m_wake;
    bool m_playing = false;  // asked to play
    bool m_onScreen = true;  // rests when false
    int m_stepsAsked = 0;    // single steps still to take
    bool m_busy = false;     // the worker is training or drawing regions
    bool m_regionsStale = false;
};

}  // namespace ax::ui
