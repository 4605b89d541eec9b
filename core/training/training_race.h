#pragma once
// A race: one network per activation, trained side by side on the same problem from the same
// start. Every network starts from the same standard-normal weight matrices (scaled by its own
// initialisation) and sees the same batches in the same order, so the activation is the only
// difference. The networks train in parallel, one thread each at a time, and the results depend
// only on the settings and the seed (for a given build and maths library), never on the number
// of threads.
//
// Meant to run off a window's thread: one thread calls advance() and refreshDecisionRegions() in
// slices; any thread may call snapshot() meanwhile to read what has been measured so far.

#include "core/activation.h"
#include "core/training/training_data.h"
#include "core/training/training_network.h"
#include "core/training/worker_pool.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

namespace ax::core {

// One runner: an activation (from the catalog or custom) with its parameter values.
struct Contestant {
    Activation activation;
    ParameterValues parameters{};
};

inline constexpr int kMaxContestants = 64;
inline constexpr int kMaxMeasureEvery = 10000;
inline constexpr int kMinRegionResolution = 2;
inline constexpr int kMaxRegionResolution = 512;

struct RaceSettings {
    DatasetSpec data;
    NetworkShape network;
    OptimiserSettings optimiser;
    std::uint64_t seed = 1;  // the weights' draws and the batch order (the data has its own seed)
    // A measurement over the whole training and test parts every this many steps (and at step 0):
    // it costs about as much as a few training steps.
    int measureEvery = 10;

    friend bool operator==(const RaceSettings&, const RaceSettings&) = default;
};

// A message naming the first thing out of range (settings, then each contestant's parameters);
// nullopt when the race can run.
[[nodiscard]] std::optional<std::string> validateRace(const RaceSettings& settings,
                                                      std::span<const Contestant> contestants);

// What each network predicts over a grid spanning the data with a margin. Classification: cells
// row after row from yMin upwards, each row from xMin rightwards, classCount probabilities per
// cell. Regression: resolution outputs at x from xMin to xMax (yMin, yMax are the targets' range).
struct DecisionRegions {
    int resolution = 0;
    int classCount = 0;
    double xMin = 0.0;
    double xMax = 0.0;
    double yMin = 0.0;
    double yMax = 0.0;
    int step = -1;  // the training step they show; −1 before the first refresh
    std::vector<double> values;
};

struct ContestantHistory {
    std::string id;
    Initialisation initialisation = Initialisation::LeCun;  // as resolved for this activation
    bool diverged = false;                  // its loss or gradient stopped being finite; it trains no further
    std::vector<Measurement> measurements;  // from the index asked for in snapshot()
    DecisionRegions regions;
};

struct RaceSnapshot {
    int step = 0;  // steps every network has taken
    std::vector<ContestantHistory> contestants;
};

class TrainingRace {
public:
    // settings and contestants must pass validateRace. threads ≤ 0: one per core.
    // The race's own threads run at priority (see WorkerPool).
    TrainingRace(const RaceSettings& settings, const std::vector<Contestant>& contestants, int threads = 0,
                 ThreadPriority priority = ThreadPriority::Normal);
    ~TrainingRace();
    TrainingRace(const TrainingRace&) = delete;
    TrainingRace& operator=(const TrainingRace&) = delete;

    [[nodiscard]] const RaceSettings& settings() const noexcept { return m_settings; }
    [[nodiscard]] const Dataset& dataset() const noexcept { return m_data; }
    [[nodiscard]] std::size_t contestantCount() const noexcept { return m_networks.size(); }
    [[nodiscard]] int step() const noexcept { return m_step.load(); }

    // Trains every network `steps` more steps; the first call (advance(0) too) measures step 0 first.
    // A stop request is honoured at the next measurement boundary, where every network has taken
    // the same steps.
    void advance(int steps, const std::stop_token& stop = {});

    // Evaluates every network over a resolution × resolution grid (resolution points for regression).
    void refreshDecisionRegions(int resolution);

    // Copy of the results, with the measurements from index firstMeasurement on (0: all of them),
    // so a reader can fetch only what is new. Safe from any thread.
    [[nodiscard]] RaceSnapshot snapshot(std::size_t firstMeasurement = 0) const;

    // What network `contestant` predicts now (see TrainingNetwork::predict). Not while advancing.
    [[nodiscard]] std::vector<double> predict(std::size_t contestant, std::span<const DataPoint> points);

private:
    void start();
    [[nodiscard]] std::vector<DataPoint> drawBatch();
    [[nodiscard]] std::vector<DataPoint> nextBatch();
    void buildGrid(int resolution);

    RaceSettings m_settings;
    Dataset m_data;
    std::vector<TrainingNetwork> m_networks;
    std::unique_ptr<WorkerPool> m_pool;
    std::vector<std::size_t> m_order;  // the training part's indices, shuffled each epoch
    std::size_t m_orderAt = 0;
    std::uint64_t m_epoch = 0;
    std::atomic<int> m_step{0};
    bool m_started = false;
    std::optional<std::vector<DataPoint>> m_ahead;  // a batch drawn early, for step 0's gradients
    std::vector<std::size_t> m_slowestFirst;        // the order networks are handed to threads
    std::vector<double> m_seconds;                  // each network's last time per step
    std::vector<DataPoint> m_grid;
    DecisionRegions m_gridFrame;

    mutable std::mutex m_mutex;  // guards m_histories
    std::vector<ContestantHistory> m_histories;
};

}  // namespace ax::core
