#pragma once
// The input range, sample count, saturation threshold ε and chart options; refuses an inverted
// range with a visible hint and keeps the last valid one.

#include "ui/widgets/number_box.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
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
    [[nodiscard]] NumberBox* epsilonBox() const noexcept { return m_epsilonBox; }
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
    // A problem this panel reported is gone (the range or the limits were put right).
    void problemSolved(const QString& message);

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
    void reportProblem(const QString& message);
    void solveProblem();

    [[nodiscard]] NumberBox* createLimitBox(const QString& name, const QString& description);

    ExplorerState& m_state;
    QLineEdit* m_zMin = nullptr;
    QLineEdit* m_zMax = nullptr;
    QLabel* m_rangeHint = nullptr;
    QSpinBox* m_samples = nullptr;
    QSlider* m_epsilonSlider = nullptr;
    NumberBox* m_epsilonBox = nullptr;
    QComboBox* m_yMode = nullptr;
    NumberBox* m_fLo = nullptr;
    NumberBox* m_fHi = nullptr;
    NumberBox* m_dLo = nullptr;
    NumberBox* m_dHi = nullptr;
    QWidget* m_limits = nullptr;
    QCheckBox* m_second = nullptr;
    QPushButton* m_resetView = nullptr;
    QString m_problem;  // the last message this panel put in the status bar, until it is put right
};

}  // namespace ax::ui
