#pragma once
// The depth lab's model: what each enabled activation does to signals and gradients through a deep
// random network, the wide-network theory worked out over every core and a simulated network run in
// the background, with the readings that put both into words.

#include "core/depth/depth_simulation.h"
#include "core/depth/depth_theory.h"
#include "ui/model/charts.h"
#include "ui/model/explorer_state.h"

#include <QHash>
#include <QLineF>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>
#include <vector>

class QTimer;

namespace ax::ui {

class DepthLabRunner;

// SELU's mean/variance map for one choice of its parameters and of the weights' variance.
struct DepthPhasePlane {
    core::ParameterValues parameters{};
    double weightVariance = 0.0;
    std::vector<QLineF> arrows;                      // a direction field over the plane
    std::vector<std::vector<QPointF>> trajectories;  // (μ, ν) layer by layer from spread-out starts
    std::optional<core::MeanVarianceFixedPoint> fixedPoint;
    bool valid = false;
};

class DepthLabModel : public QObject {
    Q_OBJECT

public:
    static constexpr int kBatch = 64;

    explicit DepthLabModel(ExplorerState& state, QObject* parent = nullptr);
    ~DepthLabModel() override;

    [[nodiscard]] const ExplorerState& state() const noexcept { return m_state; }
    // The network the theory describes and the simulation builds.
    [[nodiscard]] core::DepthNetwork settings() const;

    // The theory of an enabled activation for the current network, or null while it is being
    // worked out; its dead-unit line (deadFraction) may still be NaN, see isWorkingOutDeadUnits().
    [[nodiscard]] const std::vector<core::TheoryLayer>* theory(const QString& id) const;
    // The simulated network of an activation, or null when it was not simulated with this setup.
    [[nodiscard]] const core::SimulationResult* simulated(const QString& id) const;
    // SELU's phase plane for the state's SELU parameters and weights.
    [[nodiscard]] const DepthPhasePlane& phasePlane() const noexcept { return m_phase; }
    // Whether some activations' dead-unit lines are still to come.
    [[nodiscard]] bool isWorkingOutDeadUnits() const noexcept { return !m_batchPending.isEmpty(); }

    // The line under a chart: each activation's reading, or a summary of them when there are many.
    [[nodiscard]] QString reading(Chart chart) const;
    // Each activation's reading, one per line.
    [[nodiscard]] QString readingDetails(Chart chart) const;

    // Finishes at once what would otherwise be computed over the next turns of the event loop (the
    // theory after a change, then the dead-unit lines), e.g. before an export.
    void completeTheory();
    // While hidden() holds, a change waits to be worked out until resumeDeferredRefresh(): curves
    // nobody sees must not slow down a drag elsewhere.
    void deferRefreshWhile(std::function<bool()> hidden);
    void resumeDeferredRefresh();

    // Simulates every enabled activation in the background; returns how many networks, 0 when no
    // activation is enabled.
    int simulate();
    void cancelSimulation();
    [[nodiscard]] bool isSimulating() const noexcept;

signals:
    // The theory, the simulation or the readings changed.
    void resultsChanged();
    void simulationProgressed(int done, int total);  // layers done over all networks
    void simulationFinished(bool cancelled);

private:
    void onStateChanged(const StateChange& change);
    // a new network: the theory is redone and the simulated dots belong to another network
    void startNewNetwork();
    void onSimulated(const QString& id, const core::SimulationResult& result);
    void scheduleRefresh();
    void refresh();
    // Adds the dead-unit theory of pending activations for up to budgetMs (all of them when
    // negative), so that a setup change with many activations never blocks input for long.
    void addBatchTheory(int budgetMs);
    // Forgets the dead-unit theory still to be added, when what it was for has changed.
    void dropPendingBatchTheory();
    // The readings for what is known now; then resultsChanged.
    void rebuild();
    [[nodiscard]] core::DepthNetwork network() const;
    // Whether m_phase was drawn for other parameters or weights than the state's.
    [[nodiscard]] bool phaseIsStale() const;

    ExplorerState& m_state;
    DepthLabRunner* m_runner = nullptr;
    QTimer* m_refreshTimer = nullptr;
    QTimer* m_batchTimer = nullptr;
    std::function<bool()> m_hidden;
    bool m_refreshWhenShown = false;

    DepthPhasePlane m_phase;  // depends only on SELU's parameters and σ_w²: kept between rebuilds
    QHash<QString, std::vector<core::TheoryLayer>> m_theory;  // per id, for the current network
    QHash<QString, core::SimulationResult> m_simulated;       // per id, for the current network
    QStringList m_staleTheory;                                // ids whose theory must be redone
    QStringList m_batchPending;  // ids whose theory still lacks the dead-unit line
    bool m_allStale = true;
    std::array<QString, kDepthCharts.size()> m_readingText;
    std::array<QString, kDepthCharts.size()> m_readingDetails;
};

}  // namespace ax::ui
