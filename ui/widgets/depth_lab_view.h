#pragma once
// The depth lab: what each enabled activation does to signals and gradients through a deep random
// network, the wide-network theory as lines and a simulated network as dots, with the controls of
// the initialisation and a background simulation that can be cancelled.

#include "ui/model/depth_lab_model.h"
#include "ui/model/explorer_state.h"
#include "ui/render/depth_chart_painter.h"

#include <QString>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace ax::ui {

class DepthLabChart;

class DepthLabView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kDefaultDepth = DepthLabNetwork{}.depth;
    static constexpr int kDefaultWidth = DepthLabNetwork{}.width;
    static constexpr int kBatch = DepthLabModel::kBatch;

    explicit DepthLabView(ExplorerState& state, QWidget* parent = nullptr);
    ~DepthLabView() override;

    // What the view shows: the theory, the simulation and the readings.
    [[nodiscard]] const DepthLabModel& model() const noexcept { return *m_model; }

    // One chart on any device, exactly as the view shows it.
    void paintChart(Chart chart, QPainter& painter, const QRectF& target) const;
    [[nodiscard]] const DepthChartContent& chartContent(Chart chart) const;
    // The line under a chart: each activation's reading, or a summary of them when there are many.
    [[nodiscard]] QString reading(Chart chart) const;
    // Each activation's reading, one per line (the line's tooltip).
    [[nodiscard]] QString readingDetails(Chart chart) const;

    // The network the theory describes and the simulation builds.
    [[nodiscard]] core::DepthNetwork settings() const;
    // Each edits the state's network, as the controls do; a refused value goes to statusMessage.
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
    // from the controls
    void onControlsChanged();
    // The one way every control and setter edits the network: through the state, so sessions and
    // settings carry it and the model hears of it.
    void edit(const DepthLabNetwork& lab);
    // the controls showing the state's setup
    void showSetup();
    // from the model
    void showResults();
    void onSimulationFinished(bool cancelled);
    void showEvent(QShowEvent* event) override;
    void showReadings();

    ExplorerState& m_state;
    DepthLabModel* m_model = nullptr;

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

    DepthLabChart* m_charts[4] = {};
    QLabel* m_readings[4] = {};
    QTimer* m_readingTimer = nullptr;
};

}  // namespace ax::ui
