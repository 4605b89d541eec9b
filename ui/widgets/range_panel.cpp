#include "ui/widgets/range_panel.h"

#include "core/command_line_syntax.h"

#include "ui/model/explorer_state.h"
#include "ui/widgets/theme.h"
#include "ui/widgets/wheel_focus_filter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <utility>

namespace ax::ui {

namespace {

constexpr int kRangeDigits = 12;
constexpr double kLimitMagnitude = 1e9;

}  // namespace

RangePanel::RangePanel(ExplorerState& state, QWidget* parent) : QWidget(parent), m_state(state)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    // --- range ---
    m_zMin = new QLineEdit(this);
    m_zMax = new QLineEdit(this);
    for (QLineEdit* edit : {m_zMin, m_zMax}) {
        edit->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("−0.000000")));
        edit->setToolTip(tr("Decimal or scientific notation, e.g. -6 or -1e300; Enter applies"));
    }
    m_zMin->setAccessibleName(tr("z minimum"));
    m_zMin->setAccessibleDescription(tr("Left end of the input range shown in every chart; Enter applies"));
    m_zMax->setAccessibleName(tr("z maximum"));
    m_zMax->setAccessibleDescription(tr("Right end of the input range shown in every chart; Enter applies"));
    auto* rangeRow = new QHBoxLayout;
    rangeRow->addWidget(m_zMin, 1);
    auto* to = new QLabel(tr("to"), this);
    to->setBuddy(m_zMax);
    rangeRow->addWidget(to);
    rangeRow->addWidget(m_zMax, 1);
    auto* rangeLabel = new QLabel(tr("&z from"), this);
    rangeLabel->setBuddy(m_zMin);
    form->addRow(rangeLabel, rangeRow);

    m_rangeHint = new QLabel(this);
    m_rangeHint->setWordWrap(true);
    m_rangeHint->setAccessibleName(tr("Range problem"));
    m_rangeHint->hide();
    form->addRow(m_rangeHint);

    // --- samples ---
    m_samples = new QSpinBox(this);
    m_samples->setRange(ExplorerState::kMinSamples, ExplorerState::kMaxSamples);
    m_samples->setGroupSeparatorShown(true);
    m_samples->setSingleStep(100);
    // Typing "20000" should not compute 2, 20, 200 and 2000 samples on the way.
    m_samples->setKeyboardTracking(false);
    m_samples->setAccessibleName(tr("Sample count"));
    m_samples->setAccessibleDescription(tr("Points computed across the range for every curve"));
    m_samples->setToolTip(tr("Points computed across the range, from %1 to %2")
                              .arg(ExplorerState::kMinSamples)
                              .arg(QLocale().toString(ExplorerState::kMaxSamples)));
    auto* samplesLabel = new QLabel(tr("&Samples"), this);
    samplesLabel->setBuddy(m_samples);
    form->addRow(samplesLabel, m_samples);

    // --- ε ---
    m_epsilonSlider = new QSlider(Qt::Horizontal, this);
    m_epsilonSlider->setRange(0, kEpsilonSteps);
    m_epsilonSlider->setSingleStep(kEpsilonSteps / 100);
    m_epsilonSlider->setPageStep(kEpsilonSteps / 10);
    m_epsilonSlider->setMinimumWidth(80);
    m_epsilonSlider->setAccessibleName(tr("Saturation threshold ε"));
    m_epsilonSlider->setAccessibleDescription(
        tr("Log-scale slider from 0.0001 to 0.5: z counts as saturated where |f′(z)| is below ε"));
    m_epsilonSlider->setToolTip(tr("z is saturated where |f′(z)| < ε (log scale)"));
    m_epsilonBox = new NumberBox(this);
    m_epsilonBox->setDecimals(5);
    m_epsilonBox->setRange(ExplorerState::kMinEpsilon, ExplorerState::kMaxEpsilon);
    m_epsilonBox->setSingleStep(0.005);
    m_epsilonBox->setAccessibleName(tr("Saturation threshold ε, exact value"));
    m_epsilonBox->setAccessibleDescription(tr("ε between 0.0001 and 0.5"));
    m_epsilonBox->setToolTip(tr("ε %1, also as 1e-3").arg(m_epsilonBox->rangeText()));
    connect(m_epsilonBox, &NumberBox::refused, this, &RangePanel::statusMessage);
    auto* epsilonRow = new QHBoxLayout;
    epsilonRow->addWidget(m_epsilonSlider, 1);
    epsilonRow->addWidget(m_epsilonBox);
    auto* epsilonLabel = new QLabel(tr("Saturation &ε"), this);
    epsilonLabel->setBuddy(m_epsilonSlider);
    form->addRow(epsilonLabel, epsilonRow);

    // --- y axes ---
    m_yMode = new QComboBox(this);
    m_yMode->addItem(tr("Fit to the curves"), static_cast<int>(YAxisMode::Auto));
    m_yMode->addItem(tr("Fixed limits"), static_cast<int>(YAxisMode::Fixed));
    m_yMode->setAccessibleName(tr("y-axis mode"));
    m_yMode->setAccessibleDescription(tr("Whether the y axes fit the visible curves or use fixed limits"));
    auto* yLabel = new QLabel(tr("&y axes"), this);
    yLabel->setBuddy(m_yMode);
    form->addRow(yLabel, m_yMode);

    m_limits = new QWidget(this);
    auto* grid = new QGridLayout(m_limits);
    grid->setContentsMargins(0, 0, 0, 0);
    m_fLo = createLimitBox(tr("f(z) lower limit"), tr("Bottom of the function chart when limits are fixed"));
    m_fHi = createLimitBox(tr("f(z) upper limit"), tr("Top of the function chart when limits are fixed"));
    m_dLo =
        createLimitBox(tr("f′(z) lower limit"), tr("Bottom of the derivative chart when limits are fixed"));
    m_dHi = createLimitBox(tr("f′(z) upper limit"), tr("Top of the derivative chart when limits are fixed"));
    auto* fLabel = new QLabel(tr("f(z)"), m_limits);
    fLabel->setBuddy(m_fLo);
    auto* dLabel = new QLabel(tr("f′(z)"), m_limits);
    dLabel->setBuddy(m_dLo);
    grid->addWidget(fLabel, 0, 0);
    grid->addWidget(m_fLo, 0, 1);
    grid->addWidget(new QLabel(tr("to"), m_limits), 0, 2);
    grid->addWidget(m_fHi, 0, 3);
    grid->addWidget(dLabel, 1, 0);
    grid->addWidget(m_dLo, 1, 1);
    grid->addWidget(new QLabel(tr("to"), m_limits), 1, 2);
    grid->addWidget(m_dHi, 1, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    form->addRow(m_limits);

    m_second = new QCheckBox(tr("Show the f″(z) &chart"), this);
    m_second->setAccessibleName(tr("Show the second derivative chart"));
    m_second->setAccessibleDescription(tr("Adds a chart of f″(z) below the derivative chart"));
    form->addRow(m_second);

    m_resetView = new QPushButton(tr("&Reset view"), this);
    m_resetView->setAccessibleName(tr("Reset view"));
    m_resetView->setAccessibleDescription(tr("Back to the default z range and y axes that fit the curves"));
    m_resetView->setToolTip(tr("Back to z from −6 to 6 with y axes that fit the curves"));
    form->addRow(m_resetView);

    setTabOrder(m_zMin, m_zMax);
    setTabOrder(m_zMax, m_samples);
    setTabOrder(m_samples, m_epsilonSlider);
    setTabOrder(m_epsilonSlider, m_epsilonBox);
    setTabOrder(m_epsilonBox, m_yMode);
    setTabOrder(m_yMode, m_fLo);
    setTabOrder(m_fLo, m_fHi);
    setTabOrder(m_fHi, m_dLo);
    setTabOrder(m_dLo, m_dHi);
    setTabOrder(m_dHi, m_second);
    setTabOrder(m_second, m_resetView);

    syncRange();
    syncEpsilon();
    syncChartOptions();
    WheelFocusFilter::apply(this);

    for (QLineEdit* edit : {m_zMin, m_zMax})
        connect(edit, &QLineEdit::editingFinished, this, &RangePanel::applyRange);
    connect(m_samples, &QSpinBox::valueChanged, this, [this](int samples) {
        if (auto error = m_state.setSamples(samples)) emit statusMessage(*error);
    });
    connect(m_epsilonSlider, &QSlider::valueChanged, this, [this](int position) {
        if (auto error = m_state.setEpsilon(epsilonAt(position))) emit statusMessage(*error);
    });
    connect(m_epsilonBox, &QDoubleSpinBox::valueChanged, this, [this](double epsilon) {
        if (auto error = m_state.setEpsilon(epsilon)) emit statusMessage(*error);
    });
    connect(m_yMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_state.setYAxisMode(static_cast<YAxisMode>(m_yMode->itemData(index).toInt()));
    });
    for (NumberBox* box : {m_fLo, m_fHi, m_dLo, m_dHi})
        connect(box, &QDoubleSpinBox::valueChanged, this, &RangePanel::applyLimits);
    connect(m_second, &QCheckBox::toggled, &m_state, &ExplorerState::setShowSecondDerivative);
    connect(m_resetView, &QPushButton::clicked, this, &RangePanel::resetViewRequested);
    connect(&m_state, &ExplorerState::changed, this, &RangePanel::onStateChanged);
}

NumberBox* RangePanel::createLimitBox(const QString& name, const QString& description)
{
    auto* box = new NumberBox(this);
    box->setRange(-kLimitMagnitude, kLimitMagnitude);
    box->setDecimals(3);
    box->setSingleStep(0.5);
    box->setAccessibleName(name);
    box->setAccessibleDescription(description);
    box->setToolTip(tr("%1; %2").arg(description, box->rangeText()));
    connect(box, &NumberBox::refused, this, &RangePanel::statusMessage);
    return box;
}

double RangePanel::epsilonAt(int position) noexcept
{
    if (position <= 0) return ExplorerState::kMinEpsilon;
    if (position >= kEpsilonSteps) return ExplorerState::kMaxEpsilon;
    const double lo = std::log10(ExplorerState::kMinEpsilon);
    const double hi = std::log10(ExplorerState::kMaxEpsilon);
    return std::pow(10.0, lo + (hi - lo) * position / kEpsilonSteps);
}

int RangePanel::epsilonPosition(double epsilon) noexcept
{
    if (!(epsilon > ExplorerState::kMinEpsilon)) return 0;
    if (epsilon >= ExplorerState::kMaxEpsilon) return kEpsilonSteps;
    const double lo = std::log10(ExplorerState::kMinEpsilon);
    const double hi = std::log10(ExplorerState::kMaxEpsilon);
    return static_cast<int>(std::lround((std::log10(epsilon) - lo) / (hi - lo) * kEpsilonSteps));
}

std::optional<double> RangePanel::parseNumber(const QString& text)
{
    QString cleaned = text.trimmed();
    cleaned.replace(QChar(0x2212), QLatin1Char('-'));
    cleaned.remove(QLatin1Char(' '));
    // The command line's rules first (QLocale refuses 1e-400 instead of rounding it towards zero).
    if (const auto strict = core::parseNumber(cleaned.toStdString())) return *strict;
    // Also accept the user's own decimal separator.
    bool ok = false;
    const double local = QLocale().toDouble(cleaned, &ok);
    if (!ok) return std::nullopt;
    return local;
}

void RangePanel::applyRange()
{
    if (!m_zMin->isModified() && !m_zMax->isModified()) return;
    // A field nobody touched stands for the state's exact value, not its rounded text.
    const auto zMin = m_zMin->isModified() ? parseNumber(m_zMin->text()) : std::optional(m_state.zMin());
    const auto zMax = m_zMax->isModified() ? parseNumber(m_zMax->text()) : std::optional(m_state.zMax());
    if (!zMin || !zMax) {
        showRangeError(tr("“%1” is not a number; the range stays as it was.")
                           .arg(!zMin ? m_zMin->text() : m_zMax->text()));
        return;
    }
    if (auto error = m_state.setRange(*zMin, *zMax)) {
        showRangeError(tr("%1 The charts keep the last valid range.").arg(*error));
        return;
    }
    syncRange();
}

void RangePanel::showRangeError(const QString& message)
{
    QPalette palette = m_rangeHint->palette();
    palette.setColor(QPalette::WindowText,
                     isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e));
    m_rangeHint->setPalette(palette);
    m_rangeHint->setText(message);
    m_rangeHint->show();
    m_zMin->setAccessibleDescription(message);
    reportProblem(message);
}

void RangePanel::reportProblem(const QString& message)
{
    m_problem = message;
    emit statusMessage(message);
}

void RangePanel::solveProblem()
{
    if (m_problem.isEmpty()) return;
    emit problemSolved(std::exchange(m_problem, QString()));
}

void RangePanel::applyLimits()
{
    auto error = m_state.setFunctionLimits({m_fLo->value(), m_fHi->value()});
    if (auto derivativeError = m_state.setDerivativeLimits({m_dLo->value(), m_dHi->value()}))
        error = derivativeError;
    if (error)
        reportProblem(*error);
    else
        solveProblem();
}

void RangePanel::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::Range)) syncRange();
    if (change.touches(StateChange::Epsilon)) syncEpsilon();
    if (change.touches(StateChange::ChartOptions)) syncChartOptions();
}

void RangePanel::syncRange()
{
    m_zMin->setText(formatNumber(m_state.zMin(), kRangeDigits));
    m_zMax->setText(formatNumber(m_state.zMax(), kRangeDigits));
    m_zMin->setCursorPosition(0);
    m_zMax->setCursorPosition(0);
    m_rangeHint->hide();
    m_rangeHint->clear();
    m_zMin->setAccessibleDescription(tr("Left end of the input range shown in every chart; Enter applies"));
    solveProblem();
    const QSignalBlocker blocker(m_samples);
    m_samples->setValue(m_state.samples());
}

void RangePanel::syncEpsilon()
{
    const QSignalBlocker sliderBlocker(m_epsilonSlider);
    const QSignalBlocker boxBlocker(m_epsilonBox);
    const double epsilon = m_state.epsilon();
    if (m_epsilonSlider->value() != epsilonPosition(epsilon))
        m_epsilonSlider->setValue(epsilonPosition(epsilon));
    const double scale = std::pow(10.0, m_epsilonBox->decimals());
    if (m_epsilonBox->value() != std::round(epsilon * scale) / scale) m_epsilonBox->setValue(epsilon);
}

void RangePanel::syncChartOptions()
{
    const QSignalBlocker modeBlocker(m_yMode);
    m_yMode->setCurrentIndex(m_yMode->findData(static_cast<int>(m_state.yAxisMode())));
    m_limits->setEnabled(m_state.yAxisMode() == YAxisMode::Fixed);
    const YLimits f = m_state.functionLimits();
    const YLimits d = m_state.derivativeLimits();
    const std::pair<NumberBox*, double> values[] = {
        {m_fLo, f.lo}, {m_fHi, f.hi}, {m_dLo, d.lo}, {m_dHi, d.hi}};
    for (const auto& [box, value] : values) {
        const QSignalBlocker blocker(box);
        box->setValue(value);
    }
    const QSignalBlocker secondBlocker(m_second);
    m_second->setChecked(m_state.showSecondDerivative());
}

}  // namespace ax::ui
