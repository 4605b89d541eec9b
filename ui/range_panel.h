#pragma once
// The input range, sample count, saturation threshold ε and chart options; refuses an inverted
// range with a visible hint and keeps the last valid one.

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QSpinBox;

namespace ax::ui {

class ExplorerState;
struct StateChange;

class RangePanel : public QWidget {
    Q_OBJECT

public:
    static constexpr int kEpsilonSteps = 1000;

    explicit RangePanel(ExplorerState& state, QWidget* parent = nullptr);

    [[nodiscard]] QLineEdit* zMinEdit() const noexcept { return m_zMin; }
    [[nodiscard]] QLineEdit* zMaxEdit() const noexcept { return m_zMax; }
    [[nodiscard]] QLabel* rangeHint() const noexcept { return m_rangeHint; }
    [[nodiscard]] QSpinBox* samplesBox() const noexcept { return m_samples; }
    [[nodiscard]] QSlider* epsilonSlider() const noexcept { return m_epsilonSlider; }
    [[nodiscard]] QDoubleSpinBox* epsilonBox() const noexcept { return m_epsilonBox; }
    [[nodiscard]] QComboBox* yAxisModeBox() const noexcept { return m_yMode; }
    [[nodiscard]] QCheckBox* secondDerivativeBox() const noexcept { return m_second; }
    [[nodiscard]] QPushButton* resetViewButton() const noexcept { return m_resetView; }

    // ε of a slider position on the log scale from 1e-4 to 0.5, and back.
    [[nodiscard]] static double epsilonAt(int position) noexcept;
    [[nodiscard]] static int epsilonPosition(double epsilon) noexcept;
    // A number as typed by a person: decimal or scientific notation, with either minus sign.
    [[nodiscard]] static std::optional<double> parseNumber(const QString& text);

signals:
    void statusMessage(const QString& message);
    void resetViewRequested();

private:
    // from the UI
    void applyRange();
    void applyLimits();
    // from the state
    void onStateChanged(const StateChange& change);
    void syncRange();
    void syncEpsilon();
    void syncChartOptions();
    void showRangeError(const QString& message);

    [[nodiscard]] QDoubleSpinBox* createLimitBox(const QString& name, const QString& description);

    ExplorerState& m_state;
    QLineEdit* m_zMin = nullptr;
    QLineEdit* m_zMax = nullptr;
    QLabel* m_rangeHint = nullptr;
    QSpinBox* m_samples = nullptr;
    QSlider* m_epsilonSlider = nullptr;
    QDoubleSpinBox* m_epsilonBox = nullptr;
    QComboBox* m_yMode = nullptr;
    QDoubleSpinBox* m_fLo = nullptr;
    QDoubleSpinBox* m_fHi = nullptr;
    QDoubleSpinBox* m_dLo = nullptr;
    QDoubleSpinBox* m_dHi = nullptr;
    QWidget* m_limits = nullptr;
    QCheckBox* m_second = nullptr;
    QPushButton* m_resetView = nullptr;
};

}  // namespace ax::ui
