#include "ui/widgets/depth_lab_view.h"

#include "ui/widgets/depth_lab_chart.h"
#include "ui/widgets/number_box.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <array>

namespace ax::ui {
namespace {

constexpr std::array<int, 5> kWidths = {64, 128, 256, 512, 1024};
constexpr int kProgressSteps = 1000;
// The readings under the charts are rewritten this long after the last change.
constexpr int kReadingDelayMs = 120;

int index(Chart chart)
{
    return static_cast<int>(depthChartIndex(chart));
}

}  // namespace

DepthLabView::DepthLabView(ExplorerState& state, QWidget* parent)
    : QWidget(parent),
      m_state(state),
      m_model(new DepthLabModel(state, this)),
      m_readingTimer(new QTimer(this))
{
    m_readingTimer->setSingleShot(true);
    m_readingTimer->setInterval(kReadingDelayMs);
    // Behind another tab of a shown window the theory waits: a slider drag in the charts must not
    // pay for curves nobody sees.
    m_model->deferRefreshWhile([this] { return window()->isVisible() && !isVisible(); });

    auto* network = new QGroupBox(tr("Network"), this);
    auto* form = new QFormLayout(network);
    m_depth = new QSpinBox(network);
    m_depth->setRange(1, core::kMaxSimulationDepth);
    m_depth->setValue(kDefaultDepth);
    m_depth->setToolTip(tr("Number of weight layers between the inputs and the top"));
    form->addRow(tr("&Depth:"), m_depth);

    m_width = new QComboBox(network);
    for (const int w : kWidths)
        m_width->addItem(QString::number(w), w);
    m_width->setCurrentIndex(m_width->findData(kDefaultWidth));
    m_width->setToolTip(tr("Units per layer of the simulated network; the theory assumes infinitely many"));
    form->addRow(tr("&Width:"), m_width);

    m_init = new QComboBox(network);
    m_init->addItem(tr("LeCun (σ_w² = 1)"), static_cast<int>(WeightInit::LeCun));
    m_init->addItem(tr("He (σ_w² = 2)"), static_cast<int>(WeightInit::He));
    m_init->addItem(tr("Xavier (σ_w² = 1 for square layers)"), static_cast<int>(WeightInit::Xavier));
    m_init->addItem(tr("Custom"), static_cast<int>(WeightInit::Custom));
    m_init->setToolTip(tr("Weights are drawn from N(0, σ_w²/width)"));
    form->addRow(tr("&Initialisation:"), m_init);

    {
        auto* box = new NumberBox(network);
        box->setValueName(tr("σ_w²"));
        connect(box, &NumberBox::refused, this, &DepthLabView::statusMessage);
        m_customVariance = box;
    }
    m_customVariance->setRange(0.05, 4.0);
    m_customVariance->setSingleStep(0.05);
    m_customVariance->setDecimals(3);
    m_customVariance->setValue(1.0);
    m_customVariance->setEnabled(false);
    form->addRow(tr("σ_w²:"), m_customVariance);

    {
        auto* box = new NumberBox(network);
        box->setValueName(tr("σ_b²"));
        connect(box, &NumberBox::refused, this, &DepthLabView::statusMessage);
        m_biasVariance = box;
    }
    m_biasVariance->setRange(0.0, 2.0);
    m_biasVariance->setSingleStep(0.01);
    m_biasVariance->setDecimals(3);
    m_biasVariance->setToolTip(tr("Biases are drawn from N(0, σ_b²)"));
    form->addRow(tr("σ_&b²:"), m_biasVariance);

    {
        auto* box = new NumberBox(network);
        box->setValueName(tr("the input mean"));
        connect(box, &NumberBox::refused, this, &DepthLabView::statusMessage);
        m_inputMean = box;
    }
    m_inputMean->setRange(-3.0, 3.0);
    m_inputMean->setSingleStep(0.1);
    form->addRow(tr("Input &mean:"), m_inputMean);

    {
        auto* box = new NumberBox(network);
        box->setValueName(tr("the input variance"));
        connect(box, &NumberBox::refused, this, &DepthLabView::statusMessage);
        m_inputVariance = box;
    }
    m_inputVariance->setRange(0.01, 10.0);
    m_inputVariance->setSingleStep(0.1);
    m_inputVariance->setValue(1.0);
    form->addRow(tr("Input &variance:"), m_inputVariance);

    m_seed = new QSpinBox(network);
    m_seed->setRange(1, 1'000'000'000);
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same seed draws the same network and inputs again"));
    form->addRow(tr("S&eed:"), m_seed);

    m_simulate = new QPushButton(tr("&Simulate"), network);
    m_simulate->setToolTip(tr("Run a random network of this size for every activation shown"));
    m_cancel = new QPushButton(tr("Cancel"), network);
    m_cancel->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_simulate);
    buttons->addWidget(m_cancel);
    form->addRow(buttons);
    m_progress = new QProgressBar(network);
    m_progress->setRange(0, kProgressSteps);
    m_progress->setValue(0);
    form->addRow(m_progress);
    m_status = new QLabel(tr("Lines: wide-network theory. Dots: a simulated network."), network);
    m_status->setWordWrap(true);
    form->addRow(m_status);
    network->setMaximumWidth(network->sizeHint().width() + 40);

    auto* grid = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        m_charts[i] = new DepthLabChart(this);
        m_readings[i] = new QLabel(this);
        m_readings[i]->setWordWrap(true);
        m_readings[i]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto* cell = new QVBoxLayout;
        cell->addWidget(m_charts[i], 1);
        cell->addWidget(m_readings[i]);
        grid->addLayout(cell, i / 2, i % 2);
    }
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(network, 0, Qt::AlignTop);
    layout->addLayout(grid, 1);

    // from the UI
    connect(m_depth, &QSpinBox::valueChanged, this, &DepthLabView::onControlsChanged);
    connect(m_width, &QComboBox::currentIndexChanged, this, &DepthLabView::onControlsChanged);
    connect(m_init, &QComboBox::currentIndexChanged, this, &DepthLabView::onControlsChanged);
    connect(m_customVariance, &QDoubleSpinBox::valueChanged, this, &DepthLabView::onControlsChanged);
    connect(m_biasVariance, &QDoubleSpinBox::valueChanged, this, &DepthLabView::onControlsChanged);
    connect(m_inputMean, &QDoubleSpinBox::valueChanged, this, &DepthLabView::onControlsChanged);
    connect(m_inputVariance, &QDoubleSpinBox::valueChanged, this, &DepthLabView::onControlsChanged);
    connect(m_seed, &QSpinBox::valueChanged, this, &DepthLabView::onControlsChanged);
    connect(m_simulate, &QPushButton::clicked, this, &DepthLabView::simulate);
    connect(m_cancel, &QPushButton::clicked, this, &DepthLabView::cancelSimulation);
    // from the state
    connect(&m_state, &ExplorerState::changed, this, &DepthLabView::onStateChanged);
    // from the model
    connect(m_model, &DepthLabModel::resultsChanged, this, &DepthLabView::showResults);
    connect(m_model, &DepthLabModel::simulationFinished, this, &DepthLabView::onSimulationFinished);
    connect(m_model, &DepthLabModel::simulationProgressed, this, [this](int done, int total) {
        m_progress->setValue(total > 0 ? static_cast<int>(static_cast<qint64>(done) * kProgressSteps / total)
                                       : 0);
    });
    connect(m_readingTimer, &QTimer::timeout, this, &DepthLabView::showReadings);
    showSetup();
    showResults();
}

DepthLabView::~DepthLabView() = default;

void DepthLabView::paintChart(Chart chart, QPainter& painter, const QRectF& target) const
{
    paintDepthChart(painter, target, chartContent(chart), palette());
}

const DepthChartContent& DepthLabView::chartContent(Chart chart) const
{
    return m_charts[index(chart)]->content();
}

QString DepthLabView::reading(Chart chart) const
{
    return m_model->reading(chart);
}

QString DepthLabView::readingDetails(Chart chart) const
{
    return m_model->readingDetails(chart);
}

core::DepthNetwork DepthLabView::settings() const
{
    return m_model->settings();
}

void DepthLabView::edit(const DepthLabNetwork& lab)
{
    if (const auto error = m_state.setDepthLab(lab)) emit statusMessage(*error);
    // Refused or unchanged, the controls go back to what the state holds.
    showSetup();
}

void DepthLabView::setDepth(int depth)
{
    DepthLabNetwork lab = m_state.depthLab();
    lab.depth = depth;
    edit(lab);
}

void DepthLabView::setWidth(int width)
{
    DepthLabNetwork lab = m_state.depthLab();
    lab.width = width;
    edit(lab);
}

void DepthLabView::setWeightInit(WeightInit init, double customVariance)
{
    DepthLabNetwork lab = m_state.depthLab();
    lab.init = init;
    if (init == WeightInit::Custom) lab.customWeightVariance = customVariance;
    edit(lab);
}

void DepthLabView::setBiasVariance(double variance)
{
    DepthLabNetwork lab = m_state.depthLab();
    lab.biasVariance = variance;
    edit(lab);
}

void DepthLabView::setInput(double mean, double variance)
{
    DepthLabNetwork lab = m_state.depthLab();
    lab.inputMean = mean;
    lab.inputVariance = variance;
    edit(lab);
}

bool DepthLabView::isSimulating() const noexcept
{
    return m_model->isSimulating();
}

void DepthLabView::simulate()
{
    const int networks = m_model->simulate();
    if (networks == 0) {
        m_status->setText(tr("Enable an activation to simulate it."));
        return;
    }
    m_progress->setValue(0);
    m_simulate->setEnabled(false);
    m_cancel->setEnabled(true);
    const core::DepthNetwork s = settings();
    m_status->setText(tr("Simulating %n network(s) of width %1 and depth %2…", nullptr, networks)
                          .arg(s.width)
                          .arg(s.depth));
}

void DepthLabView::cancelSimulation()
{
    m_model->cancelSimulation();
}

void DepthLabView::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::Theme)) update();
    if (change.touches(StateChange::DepthLab)) showSetup();
}

void DepthLabView::onControlsChanged()
{
    DepthLabNetwork lab = m_state.depthLab();
    lab.depth = m_depth->value();
    lab.width = m_width->currentData().toInt();
    lab.init = static_cast<WeightInit>(m_init->currentData().toInt());
    if (lab.init == WeightInit::Custom) lab.customWeightVariance = m_customVariance->value();
    lab.biasVariance = m_biasVariance->value();
    lab.inputMean = m_inputMean->value();
    lab.inputVariance = m_inputVariance->value();
    lab.seed = m_seed->value();
    edit(lab);
}

void DepthLabView::showSetup()
{
    const DepthLabNetwork& lab = m_state.depthLab();
    const bool custom = lab.init == WeightInit::Custom;
    const QSignalBlocker b1(m_depth);
    const QSignalBlocker b2(m_width);
    const QSignalBlocker b3(m_init);
    const QSignalBlocker b4(m_customVariance);
    const QSignalBlocker b5(m_biasVariance);
    const QSignalBlocker b6(m_inputMean);
    const QSignalBlocker b7(m_inputVariance);
    const QSignalBlocker b8(m_seed);
    m_depth->setValue(lab.depth);
    m_width->setCurrentIndex(m_width->findData(lab.width));
    m_init->setCurrentIndex(m_init->findData(static_cast<int>(lab.init)));
    // The box shows what a preset means, and a switch to Custom starts from the chosen value.
    m_customVariance->setValue(custom ? lab.customWeightVariance : lab.weightVariance());
    m_customVariance->setEnabled(custom);
    m_biasVariance->setValue(lab.biasVariance);
    m_inputMean->setValue(lab.inputMean);
    m_inputVariance->setValue(lab.inputVariance);
    m_seed->setValue(lab.seed);
}

void DepthLabView::onSimulationFinished(bool cancelled)
{
    m_simulate->setEnabled(true);
    m_cancel->setEnabled(false);
    if (cancelled) {
        m_progress->setValue(0);
        m_status->setText(tr("Simulation cancelled."));
    } else {
        m_progress->setValue(kProgressSteps);
        m_status->setText(
            tr("Dots: one random network of width %1 and %2 inputs.").arg(settings().width).arg(kBatch));
    }
    emit simulationFinished(cancelled);
}

void DepthLabView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_model->resumeDeferredRefresh();
}

void DepthLabView::showResults()
{
    for (const Chart chart : kDepthCharts)
        m_charts[index(chart)]->setContent(depthChartContent(*m_model, chart));
    // Laying out four paragraphs again costs more than the charts: while a slider moves they follow
    // once the hand pauses.
    m_readingTimer->start();
}

void DepthLabView::showReadings()
{
    m_readingTimer->stop();
    for (const Chart chart : kDepthCharts) {
        QLabel* label = m_readings[index(chart)];
        const QString text = m_model->reading(chart);
        const QString details = m_model->readingDetails(chart);
        if (label->text() != text) label->setText(text);
        if (label->toolTip() != details) label->setToolTip(details);
    }
}

void DepthLabView::completeTheory()
{
    m_model->completeTheory();
    showReadings();
}

}  // namespace ax::ui
