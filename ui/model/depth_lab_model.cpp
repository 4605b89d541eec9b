#include "ui/model/depth_lab_model.h"

#include "core/catalog.h"
#include "ui/model/depth_lab_readings.h"
#include "ui/model/depth_lab_runner.h"

#include <QElapsedTimer>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrentMap>

#include <algorithm>
#include <cmath>

namespace ax::ui {
namespace {

// One activation's theory, to be worked out on whichever core is free.
struct TheoryJob {
    QString id;
    const core::Activation* activation = nullptr;
    core::ParameterValues parameters{};
    std::vector<core::TheoryLayer> layers;
};

// Where the phase plot's trajectories start: spread over the plane so they arrive from all sides.
constexpr std::array<core::MeanVariance, 5> kPhaseStarts = {
    {{-0.8, 2.6}, {0.8, 0.25}, {0.9, 2.2}, {-0.7, 0.4}, {0.0, 2.9}}};
constexpr int kPhaseSteps = 30;
constexpr double kArrowShare = 0.3;  // an arrow covers this part of the way to the point's image
// The dead-unit theory runs in slices of about this many milliseconds between input events.
constexpr int kBatchBudgetMs = 8;

std::size_t index(Chart chart)
{
    return depthChartIndex(chart);
}

// SELU's phase plane for parameters p and weights of variance tau (any thread).
DepthPhasePlane computePhasePlane(const core::Activation& selu, const core::ParameterValues& p, double tau)
{
    DepthPhasePlane plane{p, tau, {}, {}, std::nullopt, true};
    for (int i = 0; i <= 8; ++i) {
        for (int j = 0; j <= 6; ++j) {
            const core::MeanVariance at{-0.9 + 0.225 * i, 0.2 + 0.43 * j};
            const core::MeanVariance to = core::meanVarianceMap(selu, p, at, 0.0, tau).next;
            if (!std::isfinite(to.mean) || !std::isfinite(to.variance)) continue;
            plane.arrows.emplace_back(at.mean, at.variance, at.mean + kArrowShare * (to.mean - at.mean),
                                      at.variance + kArrowShare * (to.variance - at.variance));
        }
    }
    for (const core::MeanVariance& start : kPhaseStarts) {
        std::vector<QPointF> path;
        for (const core::MeanVariance& point :
             core::meanVarianceTrajectory(selu, p, start, kPhaseSteps, 0.0, tau))
            path.emplace_back(point.mean, point.variance);
        plane.trajectories.push_back(std::move(path));
    }
    plane.fixedPoint = core::meanVarianceFixedPoint(selu, p, {0.3, 1.5}, 0.0, tau);
    return plane;
}

}  // namespace

DepthLabModel::DepthLabModel(ExplorerState& state, QObject* parent)
    : QObject(parent),
      m_state(state),
      m_runner(new DepthLabRunner(this)),
      m_refreshTimer(new QTimer(this)),
      m_batchTimer(new QTimer(this))
{
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(0);
    connect(&m_state, &ExplorerState::changed, this, &DepthLabModel::onStateChanged);
    connect(m_runner, &DepthLabRunner::simulated, this, &DepthLabModel::onSimulated);
    connect(m_runner, &DepthLabRunner::finished, this, &DepthLabModel::simulationFinished);
    connect(m_runner, &DepthLabRunner::progressed, this, &DepthLabModel::simulationProgressed);
    connect(m_refreshTimer, &QTimer::timeout, this, &DepthLabModel::refresh);
    connect(m_batchTimer, &QTimer::timeout, this, [this] { addBatchTheory(kBatchBudgetMs); });
    refresh();
}

DepthLabModel::~DepthLabModel() = default;

core::DepthNetwork DepthLabModel::network() const
{
    const DepthLabNetwork& lab = m_state.depthLab();
    return {.depth = lab.depth,
            .batch = 0,
            .weightVariance = lab.weightVariance(),
            .biasVariance = lab.biasVariance,
            .inputMean = lab.inputMean,
            .inputVariance = lab.inputVariance};
}

core::DepthNetwork DepthLabModel::settings() const
{
    const DepthLabNetwork& lab = m_state.depthLab();
    core::DepthNetwork s;
    s.width = lab.width;
    s.depth = lab.depth;
    s.batch = kBatch;
    s.weightVariance = lab.weightVariance();
    s.biasVariance = lab.biasVariance;
    s.inputMean = lab.inputMean;
    s.inputVariance = lab.inputVariance;
    s.seed = static_cast<std::uint64_t>(lab.seed);
    return s;
}

const std::vector<core::TheoryLayer>* DepthLabModel::theory(const QString& id) const
{
    const auto found = m_theory.constFind(id);
    return found == m_theory.constEnd() ? nullptr : &*found;
}

const core::SimulationResult* DepthLabModel::simulated(const QString& id) const
{
    const auto found = m_simulated.constFind(id);
    return found == m_simulated.constEnd() ? nullptr : &*found;
}

QString DepthLabModel::reading(Chart chart) const
{
    return m_readingText[index(chart)];
}

QString DepthLabModel::readingDetails(Chart chart) const
{
    return m_readingDetails[index(chart)];
}

bool DepthLabModel::isSimulating() const noexcept
{
    return m_runner->isRunning();
}

int DepthLabModel::simulate()
{
    std::vector<DepthSimulationJob> jobs;
    for (const QString& id : m_state.enabledIds()) {
        const core::Activation* a = m_state.activation(id);
        if (a != nullptr) jobs.push_back({id, *a, m_state.parameters(id)});
    }
    if (jobs.empty()) return 0;
    const int networks = static_cast<int>(jobs.size());
    m_simulated.clear();
    m_runner->start(std::move(jobs), settings());
    rebuild();
    return networks;
}

void DepthLabModel::cancelSimulation()
{
    m_runner->cancel();
}

void DepthLabModel::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::Definitions)) {
        m_allStale = true;
        m_simulated.clear();
        dropPendingBatchTheory();
    }
    if (change.touches(StateChange::Parameters)) {
        for (const QString& id : change.ids) {
            m_staleTheory.append(id);
            m_simulated.remove(id);
            // Its dead-unit line would be worked out for parameters already gone.
            m_batchPending.removeAll(id);
        }
    }
    if (change.touches(StateChange::Shown) || change.touches(StateChange::Parameters) ||
        change.touches(StateChange::Definitions))
        scheduleRefresh();
    if (change.touches(StateChange::DepthLab)) startNewNetwork();
}

void DepthLabModel::dropPendingBatchTheory()
{
    m_batchPending.clear();
    m_batchTimer->stop();
}

void DepthLabModel::startNewNetwork()
{
    if (m_runner->isRunning()) m_runner->cancel();
    m_simulated.clear();
    m_allStale = true;
    // The next refresh starts it again, for the new network; a slice for the old one would only
    // hold up the repaint.
    dropPendingBatchTheory();
    scheduleRefresh();
}

void DepthLabModel::onSimulated(const QString& id, const core::SimulationResult& result)
{
    m_simulated.insert(id, result);
    rebuild();
}

void DepthLabModel::deferRefreshWhile(std::function<bool()> hidden)
{
    m_hidden = std::move(hidden);
}

void DepthLabModel::resumeDeferredRefresh()
{
    if (m_refreshWhenShown) {
        m_refreshWhenShown = false;
        m_refreshTimer->start();
    }
}

void DepthLabModel::scheduleRefresh()
{
    if (m_hidden && m_hidden()) {
        m_refreshWhenShown = true;
        return;
    }
    m_refreshTimer->start();
}

bool DepthLabModel::phaseIsStale() const
{
    return !m_phase.valid || m_phase.parameters != m_state.parameters(QStringLiteral("selu")) ||
           m_phase.weightVariance != m_state.depthLab().weightVariance();
}

void DepthLabModel::refresh()
{
    const core::DepthNetwork s = network();
    const QStringList enabled = m_state.enabledIds();
    if (m_allStale) {
        m_theory.clear();
        m_batchPending.clear();
    }
    std::vector<TheoryJob> jobs;
    for (const QString& id : enabled) {
        if (!m_theory.contains(id) || m_staleTheory.contains(id)) {
            const core::Activation* a = m_state.activation(id);
            if (a == nullptr) continue;
            jobs.push_back({id, a, m_state.parameters(id), {}});
            if (!m_batchPending.contains(id)) m_batchPending.append(id);
        }
    }
    // Over every core: after a change to the network all the curves are due within one frame. SELU's
    // phase plane, the longest task when the weights change, goes first.
    std::vector<std::function<void()>> tasks;
    std::optional<DepthPhasePlane> phase;
    const core::Activation* selu = core::findActivation("selu");
    if (selu != nullptr && phaseIsStale()) {
        tasks.emplace_back(
            [&phase, selu, p = m_state.parameters(QStringLiteral("selu")),
             tau = m_state.depthLab().weightVariance()] { phase = computePhasePlane(*selu, p, tau); });
    }
    for (TheoryJob& job : jobs)
        tasks.emplace_back(
            [&job, &s] { job.layers = core::depthProfile(*job.activation, job.parameters, s); });
    QtConcurrent::blockingMap(tasks, [](const std::function<void()>& task) { task(); });
    if (phase) m_phase = std::move(*phase);
    for (TheoryJob& job : jobs)
        m_theory[job.id] = std::move(job.layers);
    m_allStale = false;
    m_staleTheory.clear();
    rebuild();
    if (!m_batchPending.isEmpty()) m_batchTimer->start();
}

void DepthLabModel::addBatchTheory(int budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    core::DepthNetwork s = network();
    s.batch = kBatch;
    bool added = false;
    // As many activations at a time as there are cores, until the slice's time is spent.
    const int perRound = std::max(1, QThreadPool::globalInstance()->maxThreadCount());
    while (!m_batchPending.isEmpty() && (budgetMs < 0 || clock.elapsed() < budgetMs)) {
        std::vector<TheoryJob> jobs;
        while (!m_batchPending.isEmpty() && std::ssize(jobs) < perRound) {
            const QString id = m_batchPending.takeFirst();
            const auto theory = m_theory.find(id);
            const core::Activation* a = m_state.activation(id);
            if (theory == m_theory.end() || a == nullptr) continue;
            jobs.push_back({id, a, m_state.parameters(id), std::move(*theory)});
        }
        QtConcurrent::blockingMap(jobs, [&s](TheoryJob& job) {
            core::addBatchStatistics(*job.activation, job.parameters, s, job.layers);
        });
        for (TheoryJob& job : jobs)
            m_theory[job.id] = std::move(job.layers);
        added = added || !jobs.empty();
    }
    if (!m_batchPending.isEmpty()) {
        m_batchTimer->start();
        return;
    }
    if (added) rebuild();
}

void DepthLabModel::completeTheory()
{
    if (m_refreshTimer->isActive() || m_refreshWhenShown) {
        m_refreshTimer->stop();
        m_refreshWhenShown = false;
        refresh();
    }
    m_batchTimer->stop();
    addBatchTheory(-1);
}

void DepthLabModel::rebuild()
{
    const int depth = m_state.depthLab().depth;
    std::vector<ActivationReading> varianceText;
    std::vector<ActivationReading> gradientText;
    std::vector<ActivationReading> deadText;
    for (const QString& id : m_state.enabledIds()) {
        const auto theory = m_theory.constFind(id);
        const core::Activation* a = m_state.activation(id);
        if (theory == m_theory.constEnd() || a == nullptr) continue;
        const QString name = QString::fromStdString(a->name);
        std::span<const core::SimulatedLayer> simulated;
        const auto sim = m_simulated.constFind(id);
        if (sim != m_simulated.constEnd()) simulated = sim->layers;
        varianceText.push_back(varianceReading(name, *theory));
        gradientText.push_back(gradientReading(name, *theory));
        deadText.push_back(
            deadReading(name, *theory, simulated, core::zeroDerivativeIsDead(*a, m_state.parameters(id))));
    }
    QString phaseText;
    const core::Activation* selu = core::findActivation("selu");
    if (selu != nullptr) {
        if (phaseIsStale())
            m_phase = computePhasePlane(*selu, m_state.parameters(QString::fromStdString(selu->id)),
                                        m_state.depthLab().weightVariance());
        phaseText =
            phaseReading(QString::fromStdString(selu->name), m_phase.fixedPoint, m_phase.trajectories);
    }
    m_readingText[index(Chart::DepthVariance)] = varianceSummary(varianceText, depth);
    m_readingText[index(Chart::DepthGradient)] = gradientSummary(gradientText, depth);
    m_readingText[index(Chart::DepthDead)] = deadSummary(deadText);
    m_readingText[index(Chart::SeluPhase)] = phaseText;
    // The summary's sentence for every activation, a hover away.
    m_readingDetails[index(Chart::DepthVariance)] = readingLines(varianceText);
    m_readingDetails[index(Chart::DepthGradient)] = readingLines(gradientText);
    m_readingDetails[index(Chart::DepthDead)] = readingLines(deadText);
    m_readingDetails[index(Chart::SeluPhase)] = phaseText;
    emit resultsChanged();
}

}  // namespace ax::ui
