#include "ui/widgets/depth_lab_view.h"

#include "ui/render/activation_palette.h"
#include "ui/model/depth_lab_readings.h"
#include "ui/model/depth_lab_runner.h"
#include "ui/model/explorer_state.h"
#include "ui/widgets/number_box.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QThreadPool>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrentMap>

#include <array>
#include <cmath>
#include <functional>

namespace ax::ui {
namespace {

// One activation's theory, to be worked out on whichever core is free.
struct TheoryJob {
    QString id;
    const core::Activation* activation = nullptr;
    core::ParameterValues parameters{};
    std::vector<core::TheoryLayer> layers;
};

constexpr std::array<int, 5> kWidths = {64, 128, 256, 512, 1024};
constexpr int kProgressSteps = 1000;
// Where the phase plot's trajectories start: spread over the plane so they arrive from all sides.
constexpr std::array<core::MeanVariance, 5> kPhaseStarts = {
    {{-0.8, 2.6}, {0.8, 0.25}, {0.9, 2.2}, {-0.7, 0.4}, {0.0, 2.9}}};
constexpr int kPhaseSteps = 30;
constexpr double kArrowShare = 0.3;  // an arrow covers this part of the way to the point's image
// The dead-unit theory runs in slices of about this many milliseconds between input events.
constexpr int kBatchBudgetMs = 8;
// The readings under the charts are rewritten this long after the last change.
constexpr int kReadingDelayMs = 120;

int index(DepthChart chart)
{
    return static_cast<int>(chart);
}

}  // namespace

DepthLabView::DepthLabView(ExplorerState& state, QWidget* parent)
    : QWidget(parent), m_state(state), m_runner(new DepthLabRunner(this)), m_refreshTimer(new QTimer(this))
{
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    m_readingTimer = new QTimer(this);
    m_readingTimer->setSingleShot(true);
    m_readingTimer->setInterval(kReadingDelayMs);
    m_batchTimer = new QTimer(this);
    m_batchTimer->setSingleShot(true);
    m_batchTimer->setInterval(0);

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
    connect(m_depth, &QSpinBox::valueChanged, this, &DepthLabView::onSetupEdited);
    connect(m_width, &QComboBox::currentIndexChanged, this, &DepthLabView::onSetupEdited);
    connect(m_init, &QComboBox::currentIndexChanged, this, &DepthLabView::onSetupEdited);
    connect(m_customVariance, &QDoubleSpinBox::valueChanged, this, &DepthLabView::onSetupEdited);
    connect(m_biasVariance, &QDoubleSpinBox::valueChanged, this, &DepthLabView::onSetupEdited);
    connect(m_inputMean, &QDoubleSpinBox::valueChanged, this, &DepthLabView::onSetupEdited);
    connect(m_inputVariance, &QDoubleSpinBox::valueChanged, this, &DepthLabView::onSetupEdited);
    connect(m_seed, &QSpinBox::valueChanged, this, &DepthLabView::onSetupEdited);
    connect(m_simulate, &QPushButton::clicked, this, &DepthLabView::simulate);
    connect(m_cancel, &QPushButton::clicked, this, &DepthLabView::cancelSimulation);
    // from the state
    connect(&m_state, &ExplorerState::changed, this, &DepthLabView::onStateChanged);
    // from the worker
    connect(m_runner, &DepthLabRunner::simulated, this, &DepthLabView::onSimulated);
    connect(m_runner, &DepthLabRunner::finished, this, &DepthLabView::onFinished);
    connect(m_runner, &DepthLabRunner::progressed, this, [this](int done, int total) {
        m_progress->setValue(total > 0 ? static_cast<int>(static_cast<qint64>(done) * kProgressSteps / total)
                                       : 0);
    });
    connect(m_refreshTimer, &QTimer::timeout, this, &DepthLabView::refresh);
    showSetup();
    connect(m_batchTimer, &QTimer::timeout, this, [this] { addBatchTheory(kBatchBudgetMs); });
    connect(m_readingTimer, &QTimer::timeout, this, &DepthLabView::showReadings);

    refresh();
}

DepthLabView::~DepthLabView() = default;

QString DepthLabView::chartName(DepthChart chart)
{
    switch (chart) {
        case DepthChart::Variance:
            return QStringLiteral("depth-variance");
        case DepthChart::Gradient:
            return QStringLiteral("depth-gradient");
        case DepthChart::Dead:
            return QStringLiteral("depth-dead");
        case DepthChart::Phase:
            return QStringLiteral("selu-phase");
    }
    return {};
}

std::optional<DepthChart> DepthLabView::chartFromName(const QString& name)
{
    for (const DepthChart c :
         {DepthChart::Variance, DepthChart::Gradient, DepthChart::Dead, DepthChart::Phase})
        if (chartName(c) == name) return c;
    return std::nullopt;
}

void DepthLabView::paintChart(DepthChart chart, QPainter& painter, const QRectF& target) const
{
    DepthLabChart::paint(painter, target, chartContent(chart), palette());
}

const DepthChartContent& DepthLabView::chartContent(DepthChart chart) const
{
    return m_charts[index(chart)]->content();
}

QString DepthLabView::reading(DepthChart chart) const
{
    return m_readingText[index(chart)];
}

QString DepthLabView::readingDetails(DepthChart chart) const
{
    return m_readingDetails[index(chart)];
}

core::DepthSetup DepthLabView::setup() const
{
    const DepthLabSettings& lab = m_state.depthLab();
    return {lab.weightVariance(), lab.biasVariance, lab.inputMean, lab.inputVariance, lab.depth};
}

core::SimulationSettings DepthLabView::settings() const
{
    const DepthLabSettings& lab = m_state.depthLab();
    core::SimulationSettings s;
    s.width = lab.width;
    s.depth = lab.depth;
    s.batch = kBatch;
    s.weightVariance = lab.weightVariance();
    s.biasVariance = lab.biasVariance;
    s.inputMean = lab.inputMean;
    s.inputVariance = lab.inputVariance;
    s.seed = static_cast<std::uint64_t>(lab.seed);
    return s;
}

void DepthLabView::setDepth(int depth)
{
    m_depth->setValue(depth);
}

void DepthLabView::setWidth(int width)
{
    const int i = m_width->findData(width);
    if (i >= 0) m_width->setCurrentIndex(i);
}

void DepthLabView::setWeightInit(WeightInit init, double customVariance)
{
    DepthLabSettings lab = m_state.depthLab();
    lab.init = init;
    if (init == WeightInit::Custom) lab.customWeightVariance = customVariance;
    (void)m_state.setDepthLab(lab);  // out of range: the controls keep showing the state
    showSetup();
}

void DepthLabView::setBiasVariance(double variance)
{
    m_biasVariance->setValue(variance);
}

void DepthLabView::setInput(double mean, double variance)
{
    m_inputMean->setValue(mean);
    m_inputVariance->setValue(variance);
}

bool DepthLabView::isSimulating() const noexcept
{
    return m_runner->isRunning();
}

void DepthLabView::simulate()
{
    std::vector<DepthSimulationJob> jobs;
    for (const QString& id : m_state.enabledIds()) {
        const core::Activation* a = m_state.activation(id);
        if (a != nullptr) jobs.push_back({id, *a, m_state.parameters(id)});
    }
    if (jobs.empty()) {
        m_status->setText(tr("Enable an activation to simulate it."));
        return;
    }
    m_simulated.clear();
    m_progress->setValue(0);
    m_simulate->setEnabled(false);
    m_cancel->setEnabled(true);
    const core::SimulationSettings s = settings();
    m_status->setText(
        tr("Simulating %n network(s) of width %1 and depth %2…", nullptr, static_cast<int>(jobs.size()))
            .arg(s.width)
            .arg(s.depth));
    m_runner->start(std::move(jobs), s);
    rebuildCharts();
}

void DepthLabView::cancelSimulation()
{
    m_runner->cancel();
}

void DepthLabView::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::Definitions)) {
        m_allStale = true;
        m_simulated.clear();
        dropPendingBatchTheory();
    }
    if (change.touches(StateChange::Parameters)) {
        for (const QString& id : change.ids) {
            m_staleTheory.append(id);
            m_simulated.remove(id);
            // Its dead-unit line would be worked out for parameters already gone.
            m_batchPending.removeAll(id);
        }
    }
    if (change.touches(StateChange::Shown) || change.touches(StateChange::Parameters) ||
        change.touches(StateChange::Definitions))
        scheduleRefresh();
    if (change.touches(StateChange::Theme)) update();
    if (change.touches(StateChange::DepthLab)) redoForNewSetup();
}

void DepthLabView::onSetupEdited()
{
    DepthLabSettings lab = m_state.depthLab();
    lab.depth = m_depth->value();
    lab.width = m_width->currentData().toInt();
    lab.init = static_cast<WeightInit>(m_init->currentData().toInt());
    if (lab.init == WeightInit::Custom) lab.customWeightVariance = m_customVariance->value();
    lab.biasVariance = m_biasVariance->value();
    lab.inputMean = m_inputMean->value();
    lab.inputVariance = m_inputVariance->value();
    lab.seed = m_seed->value();
    // The controls' ranges are the state's, so this is accepted; the state's signal does the rest.
    (void)m_state.setDepthLab(lab);
    showSetup();
}

void DepthLabView::showSetup()
{
    const DepthLabSettings& lab = m_state.depthLab();
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

void DepthLabView::dropPendingBatchTheory()
{
    m_batchPending.clear();
    m_batchTimer->stop();
}

void DepthLabView::redoForNewSetup()
{
    showSetup();
    if (m_runner->isRunning()) m_runner->cancel();
    m_simulated.clear();
    m_allStale = true;
    // The next refresh starts it again, for the new network; a slice for the old one would only
    // hold up the repaint.
    dropPendingBatchTheory();
    scheduleRefresh();
}

void DepthLabView::onSimulated(const QString& id, const core::SimulationResult& result)
{
    m_simulated.insert(id, result);
    rebuildCharts();
}

void DepthLabView::onFinished(bool cancelled)
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

void DepthLabView::scheduleRefresh()
{
    // Behind another tab of a shown window the theory waits: a slider drag in the charts must not
    // pay for curves nobody sees.
    if (window()->isVisible() && !isVisible()) {
        m_refreshWhenShown = true;
        return;
    }
    m_refreshTimer->start();
}

void DepthLabView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_refreshWhenShown) {
        m_refreshWhenShown = false;
        m_refreshTimer->start();
    }
}

DepthLabView::PhasePlane DepthLabView::computePhasePlane(const core::Activation& selu,
                                                         const core::ParameterValues& p, double tau)
{
    PhasePlane plane{p, tau, {}, {}, std::nullopt, true};
    for (int i = 0; i <= 8; ++i) {
        for (int j = 0; j <= 6; ++j) {
            const core::MeanVariance at{-0.9 + 0.225 * i, 0.2 + 0.43 * j};
            const core::MeanVariance to = core::meanVarianceMap(selu, p, at, 0.0, tau).next;
            if (!std::isfinite(to.mean) || !std::isfinite(to.variance)) continue;
            plane.arrows.emplace_back(at.mean, at.variance, at.mean + kArrowShare * (to.mean - at.mean),
                                      at.variance + kArrowShare * (to.variance - at.variance));
        }
    }
    for (const core::MeanVariance& start : kPhaseStarts) {
        std::vector<QPointF> path;
        for (const core::MeanVariance& point :
             core::meanVarianceTrajectory(selu, p, start, kPhaseSteps, 0.0, tau))
            path.emplace_back(point.mean, point.variance);
        plane.trajectories.push_back(std::move(path));
    }
    plane.fixedPoint = core::meanVarianceFixedPoint(selu, p, {0.3, 1.5}, 0.0, tau);
    return plane;
}

bool DepthLabView::phaseIsStale() const
{
    return !m_phase.valid || m_phase.parameters != m_state.parameters(QStringLiteral("selu")) ||
           m_phase.weightVariance != m_state.depthLab().weightVariance();
}

void DepthLabView::refresh()
{
    const core::DepthSetup s = setup();
    const QStringList enabled = m_state.enabledIds();
    if (m_allStale) {
        m_theory.clear();
        m_batchPending.clear();
    }
    std::vector<TheoryJob> jobs;
    for (const QString& id : enabled) {
        if (!m_theory.contains(id) || m_staleTheory.contains(id)) {
            const core::Activation* a = m_state.activation(id);
            if (a == nullptr) continue;
            jobs.push_back({id, a, m_state.parameters(id), {}});
            if (!m_batchPending.contains(id)) m_batchPending.append(id);
        }
    }
    // Over every core: after a change to the network all the curves are due within one frame. SELU's
    // phase plane, the longest task when the weights change, goes first.
    std::vector<std::function<void()>> tasks;
    std::optional<PhasePlane> phase;
    const core::Activation* selu = core::findActivation("selu");
    if (selu != nullptr && phaseIsStale()) {
        tasks.emplace_back(
            [&phase, selu, p = m_state.parameters(QStringLiteral("selu")),
             tau = m_state.depthLab().weightVariance()] { phase = computePhasePlane(*selu, p, tau); });
    }
    for (TheoryJob& job : jobs)
        tasks.emplace_back(
            [&job, &s] { job.layers = core::depthProfile(*job.activation, job.parameters, s); });
    QtConcurrent::blockingMap(tasks, [](const std::function<void()>& task) { task(); });
    if (phase) m_phase = std::move(*phase);
    for (TheoryJob& job : jobs)
        m_theory.insert(job.id, std::move(job.layers));
    m_allStale = false;
    m_staleTheory.clear();
    rebuildCharts();
    if (!m_batchPending.isEmpty()) m_batchTimer->start();
}

void DepthLabView::addBatchTheory(int budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    core::DepthSetup s = setup();
    s.batch = kBatch;
    bool added = false;
    // As many activations at a time as there are cores, until the slice's time is spent.
    const int perRound = std::max(1, QThreadPool::globalInstance()->maxThreadCount());
    while (!m_batchPending.isEmpty() && (budgetMs < 0 || clock.elapsed() < budgetMs)) {
        std::vector<TheoryJob> jobs;
        while (!m_batchPending.isEmpty() && std::ssize(jobs) < perRound) {
            const QString id = m_batchPending.takeFirst();
            const auto theory = m_theory.find(id);
            const core::Activation* a = m_state.activation(id);
            if (theory == m_theory.end() || a == nullptr) continue;
            jobs.push_back({id, a, m_state.parameters(id), std::move(*theory)});
        }
        QtConcurrent::blockingMap(jobs, [&s](TheoryJob& job) {
            core::addBatchStatistics(*job.activation, job.parameters, s, job.layers);
        });
        for (TheoryJob& job : jobs)
            m_theory.insert(job.id, std::move(job.layers));
        added = added || !jobs.empty();
    }
    if (!m_batchPending.isEmpty()) {
        m_batchTimer->start();
        return;
    }
    if (added) rebuildCharts();
}

void DepthLabView::showReadings()
{
    m_readingTimer->stop();
    for (int i = 0; i < 4; ++i) {
        if (m_readings[i]->text() != m_readingText[i]) m_readings[i]->setText(m_readingText[i]);
        if (m_readings[i]->toolTip() != m_readingDetails[i]) m_readings[i]->setToolTip(m_readingDetails[i]);
    }
}

void DepthLabView::completeTheory()
{
    if (m_refreshTimer->isActive() || m_refreshWhenShown) {
        m_refreshTimer->stop();
        m_refreshWhenShown = false;
        refresh();
    }
    m_batchTimer->stop();
    addBatchTheory(-1);
    showReadings();
}

void DepthLabView::rebuildCharts()
{
    const int depth = m_state.depthLab().depth;
    DepthChartContent variance;
    variance.title = tr("Variance of pre-activations");
    variance.xTitle = tr("layer");
    variance.yTitle = tr("q = Var h");
    variance.yScale = DepthScale::Auto;
    variance.xMin = 0.0;
    variance.xMax = depth;
    variance.emptyText = tr("Enable an activation to see its variance through the layers.");
    DepthChartContent gradient;
    gradient.title = tr("Gradient norm (relative to the top)");
    gradient.xTitle = tr("layer");
    gradient.yTitle = tr("‖∂L/∂h‖");
    gradient.yScale = DepthScale::Log;
    gradient.xMin = 0.0;
    gradient.xMax = depth;
    gradient.showLegend = false;
    gradient.emptyText = tr("Enable an activation to see its gradient through the layers.");
    DepthChartContent dead;
    dead.title = tr("Fraction of dead units");
    dead.xTitle = tr("layer");
    dead.yTitle = tr("dead for all %1 inputs").arg(kBatch);
    dead.yMin = 0.0;
    dead.yMax = 1.0;
    dead.xMin = 0.0;
    dead.xMax = depth;
    dead.showLegend = false;
    dead.emptyText = tr("Enable an activation to see which of its units die through the layers.");

    std::vector<ActivationReading> varianceText;
    std::vector<ActivationReading> gradientText;
    std::vector<ActivationReading> deadText;
    bool anyDead = false;
    for (const QString& id : m_state.enabledIds()) {
        const auto theory = m_theory.constFind(id);
        const core::Activation* a = m_state.activation(id);
        if (theory == m_theory.constEnd() || a == nullptr) continue;
        const QColor colour = activationColour(m_state.catalogIndex(id));
        const QString name = QString::fromStdString(a->name);
        DepthSeries v{name, colour, {}, {}};
        DepthSeries g{name, colour, {}, {}};
        DepthSeries d{name, colour, {}, {}};
        for (std::size_t l = 0; l < theory->size(); ++l) {
            const core::TheoryLayer& layer = (*theory)[l];
            v.line.emplace_back(static_cast<double>(l), layer.variance);
            g.line.emplace_back(static_cast<double>(l), std::pow(10.0, layer.log10GradientNorm));
            if (std::isfinite(layer.deadFraction)) {
                d.line.emplace_back(static_cast<double>(l), layer.deadFraction);
                anyDead = true;
            }
        }
        std::span<const core::SimulatedLayer> simulated;
        const auto sim = m_simulated.constFind(id);
        if (sim != m_simulated.constEnd()) {
            simulated = sim->layers;
            for (std::size_t l = 0; l < sim->layers.size(); ++l) {
                const core::SimulatedLayer& layer = sim->layers[l];
                v.dots.emplace_back(static_cast<double>(l), layer.variance);
                g.dots.emplace_back(static_cast<double>(l), layer.gradientNorm);
                d.dots.emplace_back(static_cast<double>(l), layer.deadFraction);
            }
            anyDead = true;
        }
        variance.series.push_back(std::move(v));
        gradient.series.push_back(std::move(g));
        dead.series.push_back(std::move(d));
        varianceText.push_back(varianceReading(name, *theory));
        gradientText.push_back(gradientReading(name, *theory));
        deadText.push_back(
            deadReading(name, *theory, simulated, core::zeroDerivativeIsDead(*a, m_state.parameters(id))));
    }
    if (!anyDead) {
        dead.series.clear();
        // The lines come in slices after the rest, and wait while the network keeps changing.
        if (!m_batchPending.isEmpty()) dead.emptyText = tr("Working out which units die…");
    }

    DepthChartContent phase;
    QString phaseText;
    const core::Activation* selu = core::findActivation("selu");
    phase.title = tr("SELU's mean/variance map");
    phase.xTitle = tr("mean μ of a layer's outputs");
    phase.yTitle = tr("variance ν");
    phase.xIsLayer = false;
    phase.xMin = -1.0;
    phase.xMax = 1.0;
    phase.yMin = 0.0;
    phase.yMax = 3.0;
    if (selu != nullptr) {
        const QString seluId = QString::fromStdString(selu->id);
        const core::ParameterValues p = m_state.parameters(seluId);
        const double tau = m_state.depthLab().weightVariance();
        const QColor colour = activationColour(m_state.catalogIndex(seluId));
        if (phaseIsStale()) m_phase = computePhasePlane(*selu, p, tau);
        phase.arrows = m_phase.arrows;
        bool first = true;
        for (const std::vector<QPointF>& path : m_phase.trajectories) {
            DepthSeries series{first ? tr("SELU, theory") : QString(), colour, path, {path.front()}};
            phase.series.push_back(std::move(series));
            first = false;
        }
        const auto sim = m_simulated.constFind(seluId);
        if (sim != m_simulated.constEnd()) {
            DepthSeries measured{tr("SELU, simulated layers"), colour.darker(160), {}, {}};
            for (const core::SimulatedLayer& layer : sim->layers)
                measured.dots.emplace_back(layer.activationMean, layer.activationVariance);
            phase.series.push_back(std::move(measured));
        }
        if (m_phase.fixedPoint)
            phase.markers.emplace_back(m_phase.fixedPoint->point.mean, m_phase.fixedPoint->point.variance);
        phaseText =
            phaseReading(QString::fromStdString(selu->name), m_phase.fixedPoint, m_phase.trajectories);
    }

    m_charts[index(DepthChart::Variance)]->setContent(std::move(variance));
    m_charts[index(DepthChart::Gradient)]->setContent(std::move(gradient));
    m_charts[index(DepthChart::Dead)]->setContent(std::move(dead));
    m_charts[index(DepthChart::Phase)]->setContent(std::move(phase));
    m_readingText[index(DepthChart::Variance)] = varianceSummary(varianceText, depth);
    m_readingText[index(DepthChart::Gradient)] = gradientSummary(gradientText, depth);
    m_readingText[index(DepthChart::Dead)] = deadSummary(deadText);
    m_readingText[index(DepthChart::Phase)] = phaseText;
    // The summary's sentence for every activation, a hover away.
    m_readingDetails[index(DepthChart::Variance)] = readingLines(varianceText);
    m_readingDetails[index(DepthChart::Gradient)] = readingLines(gradientText);
    m_readingDetails[index(DepthChart::Dead)] = readingLines(deadText);
    m_readingDetails[index(DepthChart::Phase)] = phaseText;
    // Laying out four paragraphs again costs more than the charts: while a slider moves they follow
    // once the hand pauses.
    m_readingTimer->start();
}

}  // namespace ax::ui
