#pragma once
// One parameter's row: a slider over the catalog's slider range, a spin box for exact values and a
// play button that sweeps the value back and forth between the slider's ends.

#include "ui/widgets/number_box.h"

#include <QWidget>

class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace ax::core {
struct Parameter;
}

namespace ax::ui {

class ExplorerState;

class ParameterEditor : public QWidget {
    Q_OBJECT

public:
    static constexpr int kSliderSteps = 1000;
    static constexpr int kSweepFramesPerSecond = 30;

    ParameterEditor(ExplorerState& state, const QString& id, int index, QWidget* parent = nullptr);

    [[nodiscard]] QString activationId() const { return m_id; }
    [[nodiscard]] int parameterIndex() const noexcept { return m_index; }
    [[nodiscard]] QLabel* label() const noexcept { return m_label; }
    [[nodiscard]] QSlider* slider() const noexcept { return m_slider; }
    [[nodiscard]] NumberBox* spinBox() const noexcept { return m_spin; }
    [[nodiscard]] QToolButton* playButton() const noexcept { return m_play; }

    [[nodiscard]] bool isSweeping() const noexcept;
    void setSweeping(bool sweeping);
    // Seconds for one pass from one end of the slider to the other.
    void setSweepSeconds(double seconds);

    // Slider position of a parameter value, clamped to the slider's ends.
    [[nodiscard]] int sliderPosition(double value) const noexcept;
    // Parameter value of a slider position.
    [[nodiscard]] double sliderValue(int position) const noexcept;

    // Reads the value from the state into the controls without writing back.
    void syncFromState();

signals:
    void sweepingChanged(bool sweeping);
    // A refused value, for the status bar.
    void statusMessage(const QString& message);
    // The refusal this editor reported last is gone: a later value was taken.
    void problemSolved(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void updatePlayIcon();
    // from the UI
    void onSliderMoved(int position);
    void onSpinChanged(double value);
    void advanceSweep();
    void write(double value);
    void reportProblem(const QString& message);

    [[nodiscard]] const core::Parameter& parameter() const;

    ExplorerState& m_state;
    QString m_id;
    int m_index = 0;
    QLabel* m_label = nullptr;
    QSlider* m_slider = nullptr;
    NumberBox* m_spin = nullptr;
    QToolButton* m_play = nullptr;
    QTimer* m_timer = nullptr;
    double m_sweepSeconds = 4.0;
    double m_direction = 1.0;
    QString m_problem;
};

}  // namespace ax::ui
