#include "core/training/training_race.h"

#include "core/cpu_vector_registers.h"
#include "core/training/random_stream.h"
#include "core/training/worker_pool.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace ax::core {

namespace {

constexpr std::uint64_t kBatchStream = 0xba7c4;

}  // namespace

std::optional<std::string> validateRace(const RaceSettings& settings, std::span<const Contestant> contestants)
{
    if (auto message = validateDataset(settings.data)) return message;
    if (auto message = validateNetwork(settings.network)) return message;
    if (auto message = validateOptimiser(settings.optimiser)) return message;
    if (settings.measureEvery < 1 || settings.measureEvery > kMaxMeasureEvery)
        return "measurements must come every 1 to " + std::to_string(kMaxMeasureEvery) + " steps";
    if (contestants.empty()) return "the race needs at least one activation";
    if (contestants.size() > static_cast<std::size_t>(kMaxContestants))
        return "the race takes at most " + std::to_string(kMaxContestants) + " activations";
    for (const Contestant& c : contestants) {
        if (!c.activation.evaluate && !c.activation.evaluateMany)
            return c.activation.id + " cannot be evaluated";
        for (std::size_t i = 0; i < c.activation.parameters.size() && i < kMaxParameters; ++i) {
            const Parameter& p = c.activation.parameters[i];
            if (!p.accepts(c.parameters[i]))
                return c.activation.id + ": " + p.name + " must be in " + p.domainText();
        }
    }
    return std::nullopt;
}

TrainingRace::TrainingRace(const RaceSettings& settings, const std::vector<Contestant>& contestants,
                           int threads, ThreadPriority priority)
    : m_settings(settings),
      m_data(generateDataset(settings.data)),
      m_pool(std::make_unique<WorkerPool>(threads, priority))
{
    for (const Contestant& c : contestants) {
        m_networks.emplace_back(c.activation, c.parameters, settings.network, m_data.inputCount,
                                m_data.classCount, settings.seed);
        ContestantHistory history;
        history.id = c.activation.id;
        history.initialisation = m_networks.back().initialisation();
        m_histories.push_back(std::move(history));
    }
    m_order.resize(m_data.train.size());
    m_slowestFirst.resize(m_networks.size());
    std::iota(m_slowestFirst.begin(), m_slowestFirst.end(), std::size_t{0});
    m_seconds.assign(m_networks.size(), 0.0);
}

TrainingRace::~TrainingRace() = default;

std::vector<DataPoint> TrainingRace::drawBatch()
{
    const std::size_t n = m_data.train.size();
    const std::size_t size =
        std::min<std::size_t>(static_cast<std::size_t>(m_settings.optimiser.batchSize), n);
    if (m_orderAt == 0 || m_orderAt + size > n) {
        // A new epoch: a fresh shuffle of every training example, from the epoch's own stream.
        std::iota(m_order.begin(), m_order.end(), std::size_t{0});
        RandomStream random(mixSeed(m_settings.seed, kBatchStream + m_epoch++));
        for (std::size_t i = n - 1; i > 0; --i)
            std::swap(m_order[i], m_order[random.below(i + 1)]);
        m_orderAt = 0;
    }
    std::vector<DataPoint> batch;
    batch.reserve(size);
    for (std::size_t k = 0; k < size; ++k)
        batch.push_back(m_data.train[m_order[m_orderAt + k]]);
    m_orderAt += size;
    return batch;
}

void TrainingRace::start()
{
    // Step 0: the untrained networks, with the gradient norms of the first batch, which the first
    // step then trains on.
    m_ahead = drawBatch();
    const std::span<const DataPoint> train(m_data.train);
    const std::span<const DataPoint> test(m_data.test);
    std::vector<Measurement> initial(m_networks.size());
    m_pool->run(m_networks.size(), [&](std::size_t i) {
        clearUpperVectorRegisters();
        m_networks[i].computeGradientNorms(*m_ahead);
        initial[i] = m_networks[i].measure(train, test);
    });
    m_started = true;
    const std::lock_guard lock(m_mutex);
    for (std::size_t i = 0; i < m_networks.size(); ++i)
        m_histories[i].measurements.push_back(std::move(initial[i]));
}

std::vector<DataPoint> TrainingRace::nextBatch()
{
    if (m_ahead) {
        std::vector<DataPoint> batch = std::move(*m_ahead);
        m_ahead.reset();
        return batch;
    }
    return drawBatch();
}

void TrainingRace::advance(int steps, const std::stop_token& stop)
{
    if (!m_started) start();
    const std::span<const DataPoint> train(m_data.train);
    const std::span<const DataPoint> test(m_data.test);
    const int every = m_settings.measureEvery;
    int done = 0;
    while (done < steps) {
        if (stop.stop_requested()) return;
        const int now = m_step.load();
        // Up to the next measurement, so that a chunk ends where every network is measured.
        const int chunk = std::min(steps - done, every - now % every);
        std::vector<std::vector<DataPoint>> batches;
        batches.reserve(static_cast<std::size_t>(chunk));
        for (int s = 0; s < chunk; ++s)
            batches.push_back(nextBatch());
        const bool measureAtEnd = (now + chunk) % every == 0;

        std::vector<std::optional<Measurement>> last(m_networks.size());
        m_pool->run(m_networks.size(), [&](std::size_t k) {
            clearUpperVectorRegisters();
            const std::size_t i = m_slowestFirst[k];
            const auto begin = std::chrono::steady_clock::now();
            TrainingNetwork& network = m_networks[i];
            for (const auto& batch : batches)
                network.trainStep(batch, m_settings.optimiser);
            if (measureAtEnd) last[i] = network.measure(train, test);
            m_seconds[i] =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count() / chunk;
        });
        // The slowest networks are handed out first, so that the threads finish close together.
        // Only the order of work changes, never a result.
        std::stable_sort(m_slowestFirst.begin(), m_slowestFirst.end(),
                         [this](std::size_t a, std::size_t b) { return m_seconds[a] > m_seconds[b]; });
        m_step.fetch_add(chunk);
        done += chunk;

        const std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < m_networks.size(); ++i) {
            ContestantHistory& h = m_histories[i];
            if (last[i]) h.measurements.push_back(std::move(*last[i]));
            h.diverged = m_networks[i].diverged();
        }
    }
}

void TrainingRace::buildGrid(int resolution)
{
    if (m_gridFrame.resolution == resolution) return;
    DecisionRegions& frame = m_gridFrame;
    frame = DecisionRegions{};
    frame.resolution = resolution;
    frame.classCount = m_data.classCount;
    double lo[2] = {INFINITY, INFINITY};
    double hi[2] = {-INFINITY, -INFINITY};
    for (const auto* part : {&m_data.train, &m_data.test})
        for (const DataPoint& p : *part) {
            const double second = m_data.isRegression() ? p.target : p.input[1];
            lo[0] = std::min(lo[0], p.input[0]);
            hi[0] = std::max(hi[0], p.input[0]);
            lo[1] = std::min(lo[1], second);
            hi[1] = std::max(hi[1], second);
        }
    for (int c = 0; c < 2; ++c) {
        const double margin = 0.1 * std::max(hi[c] - lo[c], 1e-9);
        lo[c] -= margin;
        hi[c] += margin;
    }
    frame.xMin = lo[0];
    frame.xMax = hi[0];
    frame.yMin = lo[1];
    frame.yMax = hi[1];

    m_grid.clear();
    if (m_data.isRegression()) {
        for (int j = 0; j < resolution; ++j) {
            DataPoint p;
            p.input = {lo[0] + (hi[0] - lo[0]) * j / (resolution - 1), 0.0};
            m_grid.push_back(p);
        }
        return;
    }
    // Cell centres.
    const double dx = (hi[0] - lo[0]) / resolution;
    const double dy = (hi[1] - lo[1]) / resolution;
    for (int row = 0; row < resolution; ++row)
        for (int column = 0; column < resolution; ++column) {
            DataPoint p;
            p.input = {lo[0] + (column + 0.5) * dx, lo[1] + (row + 0.5) * dy};
            m_grid.push_back(p);
        }
}

void TrainingRace::refreshDecisionRegions(int resolution)
{
    resolution = std::clamp(resolution, kMinRegionResolution, kMaxRegionResolution);
    buildGrid(resolution);
    std::vector<std::vector<double>> values(m_networks.size());
    m_pool->run(m_networks.size(), [&](std::size_t i) {
        clearUpperVectorRegisters();
        m_networks[i].predict(m_grid, values[i]);
    });
    const int now = m_step.load();
    const std::lock_guard lock(m_mutex);
    for (std::size_t i = 0; i < m_networks.size(); ++i) {
        DecisionRegions regions = m_gridFrame;
        regions.step = now;
        regions.values = std::move(values[i]);
        m_histories[i].regions = std::move(regions);
    }
}

RaceSnapshot TrainingRace::snapshot(std::size_t firstMeasurement) const
{
    RaceSnapshot result;
    const std::lock_guard lock(m_mutex);
    result.step = m_step.load();
    result.contestants.reserve(m_histories.size());
    for (const ContestantHistory& h : m_histories) {
        ContestantHistory copy;
        copy.id = h.id;
        copy.initialisation = h.initialisation;
        copy.diverged = h.diverged;
        if (firstMeasurement < h.measurements.size())
            copy.measurements.assign(h.measurements.begin() + static_cast<std::ptrdiff_t>(firstMeasurement),
                                     h.measurements.end());
        copy.regions = h.regions;
        result.contestants.push_back(std::move(copy));
    }
    return result;
}

std::vector<double> TrainingRace::predict(std::size_t contestant, std::span<const DataPoint> points)
{
    std::vector<double> out;
    m_networks.at(contestant).predict(points, out);
    return out;
}

}  // namespace ax::core
