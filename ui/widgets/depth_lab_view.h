#pragma once
// The depth lab: what each enabled activation does to signals and gradients through a deep random
// network, the wide-network theory as lines and a simulated network as dots, with the controls of
// the initialisation and a background simulation that can be cancelled.

#include "core/depth_simulation.h"
#include "core/depth_theory.h"
#include "ui/widgets/depth_lab_chart.h"
#include "ui/model/explorer_state.h"

#include <QHash>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace ax::ui {

class DepthLabRunner;

// The four charts, by the names the command line and exports use.
enum class DepthChart { Variance, Gradient, Dead, Phase };

class DepthLabView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kDefaultDepth = DepthLabSettings{}.depth;
    static constexpr int kDefaultWidth = DepthLabSettings{}.width;
    static constexpr int kBatch = 64;

    explicit DepthLabView(ExplorerState& state, QWidget* parent = nullptr);
    ~DepthLabView() override;

    // "depth-variance", "depth-gradient", "depth-dead", "selu-phase".
    [[nodiscard]] static QString chartName(DepthChart chart);
    [[nodiscard]] static std::optional<DepthChart> chartFromName(const QString& name);

    // One chart on any device, exactly as the view shows it.
    void paintChart(DepthChart chart, QPainter& painter, const QRectF& target) const;
    [[nodiscard]] const DepthChartContent& chartContent(DepthChart chart) const;
    // The line under a chart: each activation's reading, or a summary of them when there are many.
    [[nodiscard]] QString reading(DepthChart chart) const;
    // Each activation's reading, one per line (the line's tooltip).
    [[nodiscard]] QString readingDetails(DepthChart chart) const;

    // The network the theory describes and the simulation builds.
    [[nodiscard]] core::SimulationSettings settings() const;
    void setDepth(int depth);
    void setWidth(int width);
    void setWeightInit(WeightInit init, double customVariance = 1.0);
    void setBiasVariance(double variance);
    void setInput(double mean, double variance);

    // Finishes at once what the view would otherwise compute over the next turns of the event loop
    // (the theory after a change, then the dead-unit lines), e.g. before an export.
    void completeTheory();

    // Simulates every enabled activation in the background; results arrive as dots.
    void simulate();
    void cancelSimulation();
    [[nodiscard]] bool isSimulating() const noexcept;

signals:
    void simulationFinished(bool cancelled);
    // A refused value, for the status bar.
    void statusMessage(const QString& message);

private:
    // from the state
    void onStateChanged(const StateChange& change);
    // from the controls: the state keeps the setup, so sessions and settings carry it
    void onSetupEdited();
    // the controls showing the state's setup
    void showSetup();
    // a new setup: the theory is redone and the simulated dots belong to another network
    void redoForNewSetup();
    // from the worker
    void onSimulated(const QString& id, const core::SimulationResult& result);
    void onFinished(bool cancelled);

    void scheduleRefresh();
    void showEvent(QShowEvent* event) override;
    void refresh();
    // Adds the dead-unit theory of pending activations for up to budgetMs (all of them when
    // negative), so that a setup change with many activations never blocks input for long.
    void addBatchTheory(int budgetMs);
    // Forgets the dead-unit theory still to be added, when what it was for has changed.
    void dropPendingBatchTheory();
    void rebuildCharts();
    void showReadings();
    [[nodiscard]] core::DepthSetup setup() const;

    ExplorerState& m_state;
    DepthLabRunner* m_runner = nullptr;
    QTimer* m_refreshTimer = nullptr;

    QSpinBox* m_depth = nullptr;
    QComboBox* m_width = nullptr;
    QComboBox* m_init = nullptr;
    QDoubleSpinBox* m_customVariance = nullptr;
    QDoubleSpinBox* m_biasVariance = nullptr;
    QDoubleSpinBox* m_inputMean = nullptr;
    QDoubleSpinBox* m_inputVariance = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_simulate = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;

    // SELU's phase plane depends only on its parameters and σ_w²: kept between rebuilds.
    struct PhasePlane {
        core::ParameterValues parameters{};
        double weightVariance = 0.0;
        std::vector<QLineF> arrows;
        std::vector<std::vector<QPointF>> trajectories;
        std::optional<core::MeanVarianceFixedPoint> fixedPoint;
        bool valid = false;
    };
    PhasePlane m_phase;
    // SELU's phase plane for parameters p and weights of variance tau (any thread).
    [[nodiscard]] static PhasePlane computePhasePlane(const core::Activation& selu,
                                                      const core::ParameterValues& p, double tau);
    // Whether m_phase was drawn for other parameters or weights than the state's.
    [[nodiscard]] bool phaseIsStale() const;

    DepthLabChart* m_charts[4] = {};
    QLabel* m_readings[4] = {};
    QString m_readingText[4];     // what the labels show, or will once m_readingTimer fires
    QString m_readingDetails[4];  // their tooltips: each activation's own sentence
    QTimer* m_readingTimer = nullptr;

    QHash<QString, std::vector<core::TheoryLayer>> m_theory;  // per id, for the current setup
    QHash<QString, core::SimulationResult> m_simulated;       // per id, for the current setup
    QStringList m_staleTheory;                                // ids whose theory must be redone
    QStringList m_batchPending;  // ids whose theory still lacks the dead-unit line
    QTimer* m_batchTimer = nullptr;
    bool m_allStale = true;
    bool m_refreshWhenShown = false;
};

}  // namespace ax::ui
