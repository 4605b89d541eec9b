#include "ui/widgets/parameter_panel.h"

#include "ui/model/explorer_state.h"
#include "ui/widgets/parameter_editor.h"
#include "ui/widgets/wheel_focus_filter.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

namespace ax::ui {

namespace {

bool isUserInput(QEvent::Type type)
{
    switch (type) {
        case QEvent::MouseButtonPress:
        case QEvent::MouseButtonDblClick:
        case QEvent::KeyPress:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
            return true;
        default:
            return false;
    }
}

// True when the object is (inside) a control that steers the sweep itself.
bool isSweepControl(QObject* object)
{
    for (QObject* o = object; o; o = o->parent())
        if (o->property("axSweepControl").toBool()) return true;
    return false;
}

}  // namespace

ParameterPanel::ParameterPanel(ExplorerState& state, QWidget* parent) : QWidget(parent), m_state(state)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* speedRow = new QHBoxLayout;
    auto* speedLabel = new QLabel(tr("Sweep &time"), this);
    m_sweepSeconds = new NumberBox(this);
    m_sweepSeconds->setRange(0.5, 60.0);
    m_sweepSeconds->setDecimals(1);
    m_sweepSeconds->setSingleStep(0.5);
    m_sweepSeconds->setValue(4.0);
    m_sweepSeconds->setSuffix(tr(" s"));
    m_sweepSeconds->setToolTip(
        tr("Seconds a play button takes to move a parameter from one end to the other, %1")
            .arg(m_sweepSeconds->rangeText()));
    connect(m_sweepSeconds, &NumberBox::refused, this, &ParameterPanel::statusMessage);
    m_sweepSeconds->setAccessibleName(tr("Sweep time"));
    m_sweepSeconds->setAccessibleDescription(
        tr("Seconds for one pass of a parameter sweep from one end of its slider to the other"));
    m_sweepSeconds->setProperty("axSweepControl", true);
    speedLabel->setBuddy(m_sweepSeconds);
    speedRow->addWidget(speedLabel);
    speedRow->addWidget(m_sweepSeconds);
    speedRow->addStretch(1);
    layout->addLayout(speedRow);

    auto* hint = new QLabel(tr("None of the activations shown has parameters."), this);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    m_emptyHint = hint;
    layout->addWidget(hint);

    addGroups();

    connect(m_sweepSeconds, &QDoubleSpinBox::valueChanged, this, [this](double seconds) {
        for (ParameterEditor* editor : std::as_const(m_editors))
            editor->setSweepSeconds(seconds);
    });
    connect(&m_state, &ExplorerState::changed, this, &ParameterPanel::onStateChanged);
    updateVisibility();
}

ParameterPanel::~ParameterPanel()
{
    if (m_filtering) qApp->removeEventFilter(this);
}

QGroupBox* ParameterPanel::group(const QString& id) const
{
    return m_groups.value(id);
}

QPushButton* ParameterPanel::resetButton(const QString& id) const
{
    return m_resets.value(id);
}

ParameterEditor* ParameterPanel::editor(const QString& id, int index) const
{
    for (ParameterEditor* e : m_editors)
        if (e->activationId() == id && e->parameterIndex() == index) return e;
    return nullptr;
}

QList<ParameterEditor*> ParameterPanel::editors() const
{
    return m_editors;
}

void ParameterPanel::pauseSweeps()
{
    for (ParameterEditor* editor : std::as_const(m_editors))
        editor->setSweeping(false);
}

bool ParameterPanel::anySweeping() const
{
    return std::any_of(m_editors.begin(), m_editors.end(),
                       [](const ParameterEditor* e) { return e->isSweeping(); });
}

bool ParameterPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (isUserInput(event->type()) && !isSweepControl(watched)) pauseSweeps();
    return QWidget::eventFilter(watched, event);
}

void ParameterPanel::onSweepingChanged()
{
    // The application-wide filter costs a call per event, so it is only there while something plays.
    const bool sweeping = anySweeping();
    if (sweeping && !m_filtering)
        qApp->installEventFilter(this);
    else if (!sweeping && m_filtering)
        qApp->removeEventFilter(this);
    m_filtering = sweeping;
    emit sweepsChanged();
}

std::vector<SweepAnimation> ParameterPanel::sweeps() const
{
    // Frames of the slider range whose limits are united: a sample of the sweep, so a curve's
    // extreme between two of them may reach a little past the held limits (into their margin).
    constexpr int kLimitFrames = 33;
    std::vector<SweepAnimation> out;
    for (const ParameterEditor* editor : m_editors) {
        if (!editor->isSweeping()) continue;
        SweepAnimation sweep;
        sweep.id = editor->activationId();
        sweep.parameterIndex = editor->parameterIndex();
        sweep.from = editor->sliderValue(0);
        sweep.to = editor->sliderValue(ParameterEditor::kSliderSteps);
        sweep.frames = kLimitFrames;
        out.push_back(sweep);
    }
    return out;
}

void ParameterPanel::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::Definitions) && groupsSignature() != m_groupsSignature) {
        rebuildGroups();
        return;
    }
    if (change.touches(StateChange::Shown)) updateVisibility();
    if (change.touches(StateChange::Parameters))
        for (ParameterEditor* editor : std::as_const(m_editors))
            if (change.ids.contains(editor->activationId())) editor->syncFromState();
}

QString ParameterPanel::groupsSignature() const
{
    QStringList parts;
    for (const QString& id : m_state.activationIds()) {
        const auto* activation = m_state.activation(id);
        if (!activation) continue;
        parts << id << QString::fromStdString(activation->name);
        for (const core::Parameter& p : activation->parameters)
            parts << QString::fromStdString(p.name) << QString::number(p.sliderMin, 'g', 17)
                  << QString::number(p.sliderMax, 'g', 17) << QString::number(p.defaultValue, 'g', 17);
    }
    return parts.join(QLatin1Char('\n'));
}

void ParameterPanel::addGroups()
{
    m_groupsSignature = groupsSignature();
    for (const QString& id : m_state.activationIds()) {
        const auto* activation = m_state.activation(id);
        if (!activation || activation->parameters.empty()) continue;
        const QString name = QString::fromStdString(activation->name);
        auto* group = new QGroupBox(name, this);
        group->setAccessibleName(tr("Parameters of %1").arg(name));
        auto* groupLayout = new QVBoxLayout(group);
        groupLayout->setSpacing(2);
        for (int i = 0; i < static_cast<int>(activation->parameters.size()); ++i) {
            auto* editor = new ParameterEditor(m_state, id, i, group);
            editor->setSweepSeconds(m_sweepSeconds->value());
            groupLayout->addWidget(editor);
            m_editors << editor;
            connect(editor, &ParameterEditor::sweepingChanged, this, &ParameterPanel::onSweepingChanged);
            connect(editor, &ParameterEditor::statusMessage, this, &ParameterPanel::statusMessage);
            connect(editor, &ParameterEditor::problemSolved, this, &ParameterPanel::problemSolved);
        }
        auto* reset = new QPushButton(tr("Reset %1").arg(name), group);
        reset->setToolTip(tr("Back to the default parameters of %1").arg(name));
        reset->setAccessibleName(tr("Reset the parameters of %1").arg(name));
        reset->setAccessibleDescription(tr("Restores the catalog's default values exactly"));
        auto* resetRow = new QHBoxLayout;
        resetRow->addStretch(1);
        resetRow->addWidget(reset);
        groupLayout->addLayout(resetRow);
        connect(reset, &QPushButton::clicked, this, [this, id] { m_state.resetParameters(id); });
        static_cast<QVBoxLayout*>(layout())->addWidget(group);
        m_groups.insert(id, group);
        m_resets.insert(id, reset);
    }
    // Groups made after the rest of the window would otherwise come last in the Tab order; put
    // every row's slider, box and ▶, then each Reset, right after the sweep time, as they are seen.
    QWidget* previous = m_sweepSeconds;
    for (const QString& id : m_state.activationIds()) {
        if (!m_groups.contains(id)) continue;
        for (ParameterEditor* editor : std::as_const(m_editors)) {
            if (editor->activationId() != id) continue;
            for (QWidget* control :
                 {static_cast<QWidget*>(editor->slider()), static_cast<QWidget*>(editor->spinBox()),
                  static_cast<QWidget*>(editor->playButton())}) {
                setTabOrder(previous, control);
                previous = control;
            }
        }
        setTabOrder(previous, m_resets.value(id));
        previous = m_resets.value(id);
    }
    WheelFocusFilter::apply(this);
}

void ParameterPanel::rebuildGroups()
{
    // The list of activations or their definitions changed (custom ones, a framework convention):
    // editors hold a parameter's slider range and index, so they are made anew.
    pauseSweeps();
    for (QGroupBox* group : std::as_const(m_groups))
        delete group;
    m_groups.clear();
    m_resets.clear();
    m_editors.clear();
    addGroups();
    updateVisibility();
}

void ParameterPanel::updateVisibility()
{
    bool any = false;
    for (auto it = m_groups.cbegin(); it != m_groups.cend(); ++it) {
        const bool enabled = m_state.isEnabled(it.key());
        it.value()->setVisible(enabled);
        any = any || enabled;
        // A hidden activation's sweep would change curves nobody sees.
        if (!enabled)
            for (ParameterEditor* editor : std::as_const(m_editors))
                if (editor->activationId() == it.key()) editor->setSweeping(false);
    }
    m_emptyHint->setVisible(!any);
}

}  // namespace ax::ui
