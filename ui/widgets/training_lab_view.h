#pragma once
// The training lab: the shown activations race through real training on one problem from one
// start, with the controls of the data, the network and the optimiser, play, pause, steps and
// reset, four live charts and a decision-region thumbnail per activation.

#include "ui/model/charts.h"
#include "ui/model/explorer_state.h"
#include "ui/model/training_lab_model.h"
#include "ui/render/depth_chart_painter.h"

#include <QString>
#include <QWidget>

#include <array>
#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ax::ui {

class DecisionRegionGrid;
class DepthLabChart;

class TrainingLabView : public QWidget {
    Q_OBJECT

public:
    explicit TrainingLabView(ExplorerState& state, QWidget* parent = nullptr);
    ~TrainingLabView() override;

    // The race the view shows.
    [[nodiscard]] TrainingLabModel& model() noexcept { return *m_model; }
    [[nodiscard]] const TrainingLabModel& model() const noexcept { return *m_model; }

    // Steps the Step button trains: up to the next measurement, so every chart gains a point.
    [[nodiscard]] int stepsPerClick() const noexcept;
    [[nodiscard]] const DepthChartContent& chartContent(Chart chart) const;
    [[nodiscard]] DecisionRegionGrid* regions() const noexcept { return m_regions; }
    // The line under the buttons: the step, the speed, or why no race runs.
    [[nodiscard]] QString statusText() const;

    // The one way every control edits the race: through the state, so sessions carry it and the
    // model hears of it; a refused value goes to statusMessage and the controls show the state.
    void edit(const core::RaceSettings& settings);

signals:
    // A refused value, for the status bar.
    void statusMessage(const QString& message);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    // from the controls: one field of the state's settings changed, then edit().
    void editWith(const std::function<void(core::RaceSettings&)>& change);
    // from the state
    void onStateChanged(const StateChange& change);
    // the controls showing the state's settings
    void showSettings();
    // from the model
    void showRace();
    void showStatus();
    void fillLayerChoices(int depth);

    ExplorerState& m_state;
    TrainingLabModel* m_model = nullptr;

    QComboBox* m_dataset = nullptr;
    QSpinBox* m_classes = nullptr;
    QDoubleSpinBox* m_noise = nullptr;
    QSpinBox* m_samples = nullptr;
    QSpinBox* m_dataSeed = nullptr;
    QSpinBox* m_depth = nullptr;
    QSpinBox* m_width = nullptr;
    QComboBox* m_init = nullptr;
    QComboBox* m_optimiser = nullptr;
    QDoubleSpinBox* m_learningRate = nullptr;
    QSpinBox* m_batch = nullptr;
    QDoubleSpinBox* m_l2 = nullptr;
    QSpinBox* m_seed = nullptr;
    QPushButton* m_play = nullptr;
    QPushButton* m_step = nullptr;
    QPushButton* m_reset = nullptr;
    QLabel* m_status = nullptr;

    std::array<DepthLabChart*, 4> m_charts{};
    QComboBox* m_deadLayer = nullptr;
    QLabel* m_regionsTitle = nullptr;
    DecisionRegionGrid* m_regions = nullptr;
};

}  // namespace ax::ui
