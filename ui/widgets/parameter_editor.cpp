#include "ui/widgets/parameter_editor.h"

#include "ui/model/explorer_state.h"
#include "ui/widgets/number_box.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <utility>

namespace ax::ui {

namespace {

// Spin boxes accept any value of the parameter's domain, but an unbounded domain still needs an
// end a person can type.
constexpr double kSaneLimit = 1e6;
constexpr int kDecimals = 4;

}  // namespace

ParameterEditor::ParameterEditor(ExplorerState& state, const QString& id, int index, QWidget* parent)
    : QWidget(parent), m_state(state), m_id(id), m_index(index)
{
    const core::Parameter& p = parameter();
    const QString activationName = QString::fromStdString(m_state.activation(m_id)->name);
    const QString symbol = QString::fromStdString(p.symbol);
    const QString meaning = QString::fromStdString(p.meaning);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_label = new QLabel(symbol, this);
    m_label->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("MM")));
    m_label->setToolTip(meaning);
    layout->addWidget(m_label);

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setSingleStep(kSliderSteps / 100);
    m_slider->setPageStep(kSliderSteps / 10);
    m_slider->setToolTip(meaning);
    m_slider->setAccessibleName(tr("%1 of %2").arg(symbol, activationName));
    m_slider->setAccessibleDescription(
        tr("%1. Slider from %2 to %3; arrow keys step by a hundredth, Page Up and Page Down by a tenth")
            .arg(meaning, formatNumber(p.sliderMin), formatNumber(p.sliderMax)));
    m_slider->setMinimumWidth(80);
    layout->addWidget(m_slider, 1);

    m_spin = new NumberBox(this);
    m_spin->setDecimals(kDecimals);
    const double step = std::pow(10.0, -kDecimals);
    const double low = std::max(p.domainMin, -kSaneLimit) + (p.domainMinOpen ? step : 0.0);
    const double high = std::min(p.domainMax, kSaneLimit) - (p.domainMaxOpen ? step : 0.0);
    m_spin->setRange(low, high);
    m_spin->setSingleStep((p.sliderMax - p.sliderMin) / 100.0);
    m_spin->setAccelerated(true);
    // The same width in every row keeps the sliders of all groups aligned.
    m_spin->setFixedWidth(m_spin->fontMetrics().horizontalAdvance(QStringLiteral("0000000.0000")) +
                          m_spin->style()->pixelMetric(QStyle::PM_SpinBoxSliderHeight) + 28);
    m_spin->setValueName(tr("%1 of %2").arg(symbol, activationName));
    // The box reaches past the slider's ends, so both ranges are named where the pointer rests.
    m_spin->setToolTip(
        tr("%1\nSlider from %2 to %3; type any value %4, also as 2.5e-3")
            .arg(meaning, formatNumber(p.sliderMin), formatNumber(p.sliderMax), m_spin->rangeText()));
    m_spin->setAccessibleName(tr("%1 of %2, exact value").arg(symbol, activationName));
    m_spin->setAccessibleDescription(tr("%1. Any value %2 can be typed, in decimal or scientific notation")
                                         .arg(meaning, m_spin->rangeText()));
    layout->addWidget(m_spin);
    m_label->setBuddy(m_slider);

    m_play = new QToolButton(this);
    m_play->setCheckable(true);
    m_play->setAutoRaise(true);
    updatePlayIcon();
    m_play->setToolTip(tr("Sweep %1 back and forth between %2 and %3; any input pauses it")
                           .arg(symbol, formatNumber(p.sliderMin), formatNumber(p.sliderMax)));
    m_play->setAccessibleName(tr("Sweep %1 of %2").arg(symbol, activationName));
    m_play->setAccessibleDescription(tr("Animates the parameter between the ends of its slider"));
    // Marks the control so the pause-on-input filter lets its own clicks through.
    m_play->setProperty("axSweepControl", true);
    layout->addWidget(m_play);

    m_timer = new QTimer(this);
    m_timer->setInterval(1000 / kSweepFramesPerSecond);
    m_timer->setTimerType(Qt::PreciseTimer);

    connect(m_slider, &QSlider::valueChanged, this, &ParameterEditor::onSliderMoved);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, &ParameterEditor::onSpinChanged);
    connect(m_spin, &NumberBox::refused, this, &ParameterEditor::reportProblem);
    connect(m_play, &QToolButton::toggled, this, &ParameterEditor::setSweeping);
    connect(m_timer, &QTimer::timeout, this, &ParameterEditor::advanceSweep);

    syncFromState();
}

void ParameterEditor::updatePlayIcon()
{
    // Drawn in the text colour, so the symbol stays visible in the dark theme, where the style's
    // stock media icons are dark on dark.
    const qreal ratio = devicePixelRatioF();
    const int side = fontMetrics().height();
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::ButtonText));
    const qreal m = side * 0.18;
    if (m_timer && m_timer->isActive()) {
        const qreal bar = side * 0.22;
        painter.drawRect(QRectF(m, m, bar, side - 2 * m));
        painter.drawRect(QRectF(side - m - bar, m, bar, side - 2 * m));
    } else {
        const QPointF triangle[] = {{m, m}, {side - m, side / 2.0}, {m, side - m}};
        painter.drawPolygon(triangle, 3);
    }
    painter.end();
    m_play->setIcon(QIcon(pixmap));
}

void ParameterEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange && m_play) updatePlayIcon();
    QWidget::changeEvent(event);
}

const core::Parameter& ParameterEditor::parameter() const
{
    return m_state.activation(m_id)->parameters[static_cast<std::size_t>(m_index)];
}

int ParameterEditor::sliderPosition(double value) const noexcept
{
    const core::Parameter& p = parameter();
    const double t = (value - p.sliderMin) / (p.sliderMax - p.sliderMin);
    if (!(t > 0.0)) return 0;
    if (t >= 1.0) return kSliderSteps;
    return static_cast<int>(std::lround(t * kSliderSteps));
}

double ParameterEditor::sliderValue(int position) const noexcept
{
    const core::Parameter& p = parameter();
    if (position <= 0) return p.sliderMin;
    if (position >= kSliderSteps) return p.sliderMax;
    return p.sliderMin + (p.sliderMax - p.sliderMin) * position / kSliderSteps;
}

void ParameterEditor::syncFromState()
{
    const double value = m_state.parameters(m_id)[static_cast<std::size_t>(m_index)];
    const QSignalBlocker sliderBlocker(m_slider);
    const QSignalBlocker spinBlocker(m_spin);
    if (m_slider->value() != sliderPosition(value)) m_slider->setValue(sliderPosition(value));
    // Rewriting an unchanged value would reformat the text under the cursor of someone typing.
    const double scale = std::pow(10.0, m_spin->decimals());
    if (m_spin->value() != std::round(value * scale) / scale) m_spin->setValue(value);
}

void ParameterEditor::onSliderMoved(int position)
{
    write(sliderValue(position));
}

void ParameterEditor::onSpinChanged(double value)
{
    write(value);
}

void ParameterEditor::write(double value)
{
    const core::Parameter& p = parameter();
    // An open domain end shares its value with a slider end (e.g. β > 0 and a slider from 0): step inside.
    if (!p.accepts(value))
        value = std::clamp(value, std::nextafter(p.domainMin, p.domainMax),
                           std::nextafter(p.domainMax, p.domainMin));
    if (auto error = m_state.setParameter(m_id, m_index, value)) {
        reportProblem(*error);
        syncFromState();
    } else if (!m_problem.isEmpty()) {
        emit problemSolved(std::exchange(m_problem, QString()));
    }
}

void ParameterEditor::reportProblem(const QString& message)
{
    m_problem = message;
    emit statusMessage(message);
}

bool ParameterEditor::isSweeping() const noexcept
{
    return m_timer->isActive();
}

void ParameterEditor::setSweeping(bool sweeping)
{
    if (sweeping == isSweeping()) return;
    {
        const QSignalBlocker blocker(m_play);
        m_play->setChecked(sweeping);
    }
    if (sweeping) {
        const core::Parameter& p = parameter();
        const double value = m_state.parameters(m_id)[static_cast<std::size_t>(m_index)];
        // Start towards the far end, so the first frames visibly move.
        m_direction = value >= 0.5 * (p.sliderMin + p.sliderMax) ? -1.0 : 1.0;
        m_timer->start();
    } else {
        m_timer->stop();
    }
    updatePlayIcon();
    emit sweepingChanged(sweeping);
}

void ParameterEditor::setSweepSeconds(double seconds)
{
    m_sweepSeconds = std::max(seconds, 0.1);
}

void ParameterEditor::advanceSweep()
{
    const core::Parameter& p = parameter();
    const double span = p.sliderMax - p.sliderMin;
    const double step = span / (m_sweepSeconds * kSweepFramesPerSecond);
    double value =
        std::clamp(m_state.parameters(m_id)[static_cast<std::size_t>(m_index)], p.sliderMin, p.sliderMax) +
        m_direction * step;
    if (value >= p.sliderMax) {
        value = p.sliderMax;
        m_direction = -1.0;
    } else if (value <= p.sliderMin) {
        value = p.sliderMin;
        m_direction = 1.0;
    }
    write(value);
    syncFromState();
}

}  // namespace ax::ui
