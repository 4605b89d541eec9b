#include "ui/widgets/training_lab_view.h"

#include "ui/model/activation_palette.h"
#include "ui/render/training_chart_content.h"
#include "ui/widgets/decision_region_grid.h"
#include "ui/widgets/depth_lab_chart.h"
#include "ui/widgets/number_box.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace ax::ui {

namespace {

// The seeds the boxes can show; a session may hold larger ones, which stay until a box is edited.
constexpr int kMaxSeedShown = std::numeric_limits<int>::max();

std::size_t chartIndex(Chart chart)
{
    return std::min(trainingChartIndex(chart), kTrainingCharts.size() - 1);
}

int seedShown(std::uint64_t seed)
{
    return static_cast<int>(std::min<std::uint64_t>(seed, kMaxSeedShown));
}

QLabel* boldLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

}  // namespace

TrainingLabView::TrainingLabView(ExplorerState& state, QWidget* parent)
    : QWidget(parent), m_state(state), m_model(new TrainingLabModel(state, this))
{
    auto* data = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(data);
    m_dataset = new QComboBox(data);
    m_dataset->setObjectName(QStringLiteral("trainingDataset"));
    m_dataset->addItem(tr("Two spirals"), static_cast<int>(core::DatasetKind::Spirals));
    m_dataset->addItem(tr("Two moons"), static_cast<int>(core::DatasetKind::Moons));
    m_dataset->addItem(tr("Circles"), static_cast<int>(core::DatasetKind::Circles));
    m_dataset->addItem(tr("XOR"), static_cast<int>(core::DatasetKind::Xor));
    m_dataset->addItem(tr("Gaussian blobs"), static_cast<int>(core::DatasetKind::Blobs));
    m_dataset->addItem(tr("sin x (regression)"), static_cast<int>(core::DatasetKind::Sine));
    m_dataset->addItem(tr("|x| (regression)"), static_cast<int>(core::DatasetKind::Abs));
    m_dataset->addItem(tr("Step (regression)"), static_cast<int>(core::DatasetKind::Step));
    m_dataset->setToolTip(
        tr("The problem every network learns: a classification of the plane, or a "
           "curve to fit"));
    dataForm->addRow(tr("Data &set:"), m_dataset);

    m_classes = new QSpinBox(data);
    m_classes->setObjectName(QStringLiteral("trainingClasses"));
    m_classes->setRange(core::kMinBlobClasses, core::kMaxBlobClasses);
    m_classes->setToolTip(tr("How many Gaussian blobs, one class each"));
    dataForm->addRow(tr("C&lasses:"), m_classes);

    {
        auto* box = new NumberBox(data);
        box->setValueName(tr("the noise"));
        connect(box, &NumberBox::refused, this, &TrainingLabView::statusMessage);
        m_noise = box;
    }
    m_noise->setObjectName(QStringLiteral("trainingNoise"));
    m_noise->setRange(0.0, core::kMaxNoise);
    m_noise->setDecimals(3);
    m_noise->setSingleStep(0.05);
    m_noise->setToolTip(
        tr("Standard deviation of the noise added to every point, where the shapes span "
           "about −1 to 1"));
    dataForm->addRow(tr("&Noise:"), m_noise);

    m_samples = new QSpinBox(data);
    m_samples->setObjectName(QStringLiteral("trainingSamples"));
    m_samples->setRange(core::kMinSamples, core::kMaxSamples);
    m_samples->setSingleStep(50);
    m_samples->setToolTip(tr("Points in the training and the test part together"));
    dataForm->addRow(tr("Sa&mples:"), m_samples);

    m_dataSeed = new QSpinBox(data);
    m_dataSeed->setObjectName(QStringLiteral("trainingDataSeed"));
    m_dataSeed->setRange(0, kMaxSeedShown);
    m_dataSeed->setToolTip(tr("The same seed draws the same points again"));
    dataForm->addRow(tr("D&ata seed:"), m_dataSeed);

    auto* network = new QGroupBox(tr("Network"), this);
    auto* networkForm = new QFormLayout(network);
    m_depth = new QSpinBox(network);
    m_depth->setObjectName(QStringLiteral("trainingDepth"));
    m_depth->setRange(core::kMinTrainingDepth, core::kMaxTrainingDepth);
    m_depth->setToolTip(tr("Hidden layers, each followed by the activation"));
    networkForm->addRow(tr("&Depth:"), m_depth);

    m_width = new QSpinBox(network);
    m_width->setObjectName(QStringLiteral("trainingWidth"));
    m_width->setRange(core::kMinTrainingWidth, core::kMaxTrainingWidth);
    m_width->setToolTip(tr("Units per hidden layer"));
    networkForm->addRow(tr("&Width:"), m_width);

    m_init = new QComboBox(network);
    m_init->setObjectName(QStringLiteral("trainingInit"));
    m_init->addItem(tr("Recommended for each"), static_cast<int>(core::Initialisation::Recommended));
    m_init->addItem(tr("LeCun (1/fan-in)"), static_cast<int>(core::Initialisation::LeCun));
    m_init->addItem(tr("He (2/fan-in)"), static_cast<int>(core::Initialisation::He));
    m_init->addItem(tr("Glorot (2/(fan-in + fan-out))"), static_cast<int>(core::Initialisation::Glorot));
    m_init->setToolTip(
        tr("The variance of the first weights. Recommended: He for the rectifiers, LeCun "
           "for SELU, Glorot for the saturating ones"));
    networkForm->addRow(tr("&Initialisation:"), m_init);

    auto* optimiser = new QGroupBox(tr("Optimiser"), this);
    auto* optimiserForm = new QFormLayout(optimiser);
    m_optimiser = new QComboBox(optimiser);
    m_optimiser->setObjectName(QStringLiteral("trainingOptimiser"));
    m_optimiser->addItem(tr("Adam"), static_cast<int>(core::OptimiserKind::Adam));
    m_optimiser->addItem(tr("SGD with momentum"), static_cast<int>(core::OptimiserKind::SgdMomentum));
    optimiserForm->addRow(tr("&Optimiser:"), m_optimiser);

    {
        auto* box = new NumberBox(optimiser);
        box->setValueName(tr("the learning rate"));
        connect(box, &NumberBox::refused, this, &TrainingLabView::statusMessage);
        m_learningRate = box;
    }
    m_learningRate->setObjectName(QStringLiteral("trainingLearningRate"));
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 10.0);
    m_learningRate->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_learningRate->setToolTip(
        tr("The size of each step; too large and some networks diverge or their "
           "units die"));
    optimiserForm->addRow(tr("Learning &rate:"), m_learningRate);

    m_batch = new QSpinBox(optimiser);
    m_batch->setObjectName(QStringLiteral("trainingBatch"));
    m_batch->setRange(1, core::kMaxBatchSize);
    m_batch->setToolTip(tr("Training examples per step, the same for every network"));
    optimiserForm->addRow(tr("&Batch size:"), m_batch);

    {
        auto* box = new NumberBox(optimiser);
        box->setValueName(tr("L2"));
        connect(box, &NumberBox::refused, this, &TrainingLabView::statusMessage);
        m_l2 = box;
    }
    m_l2->setObjectName(QStringLiteral("trainingL2"));
    m_l2->setDecimals(5);
    m_l2->setRange(0.0, 1.0);
    m_l2->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_l2->setToolTip(tr("Weight decay: l2/2 · Σw² is added to the loss"));
    optimiserForm->addRow(tr("&L2:"), m_l2);

    m_seed = new QSpinBox(optimiser);
    m_seed->setObjectName(QStringLiteral("trainingSeed"));
    m_seed->setRange(0, kMaxSeedShown);
    m_seed->setToolTip(tr("The first weights and the order of the batches: every network gets the same"));
    optimiserForm->addRow(tr("S&eed:"), m_seed);

    auto* race = new QGroupBox(tr("Race"), this);
    auto* raceLayout = new QVBoxLayout(race);
    m_play = new QPushButton(tr("&Play"), race);
    m_play->setObjectName(QStringLiteral("trainingPlay"));
    m_play->setToolTip(tr("Train every network until paused"));
    m_step = new QPushButton(race);
    m_step->setObjectName(QStringLiteral("trainingStep"));
    m_reset = new QPushButton(tr("R&eset"), race);
    m_reset->setObjectName(QStringLiteral("trainingReset"));
    m_reset->setToolTip(tr("Start the same race again: the same first weights and the same batches"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_play);
    buttons->addWidget(m_step);
    buttons->addWidget(m_reset);
    raceLayout->addLayout(buttons);
    m_status = new QLabel(race);
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true);
    raceLayout->addWidget(m_status);

    auto* controls = new QVBoxLayout;
    controls->addWidget(race);
    controls->addWidget(data);
    controls->addWidget(network);
    controls->addWidget(optimiser);
    controls->addStretch(1);
    auto* controlColumn = new QWidget(this);
    controlColumn->setLayout(controls);
    controls->setContentsMargins(0, 0, 0, 0);
    // As narrow as the controls allow: the charts and the thumbnails need the width more.
    controlColumn->setMaximumWidth(controlColumn->minimumSizeHint().width() + 30);

    auto* charts = new QGridLayout;
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        m_charts[i] = new DepthLabChart(this);
        m_charts[i]->setAccessibleName(chartName(kTrainingCharts[i]));
    }
    m_deadLayer = new QComboBox(this);
    m_deadLayer->setObjectName(QStringLiteral("trainingDeadLayer"));
    m_deadLayer->setToolTip(tr("Which hidden layer's dead units the chart counts"));
    m_deadLayer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* deadCell = new QVBoxLayout;
    auto* deadChoice = new QHBoxLayout;
    auto* deadLabel = new QLabel(tr("Dead units &in:"), this);
    deadLabel->setBuddy(m_deadLayer);
    deadChoice->addStretch(1);
    deadChoice->addWidget(deadLabel);
    deadChoice->addWidget(m_deadLayer);
    deadCell->addLayout(deadChoice);
    deadCell->addWidget(m_charts[chartIndex(Chart::TrainingDeadUnits)], 1);
    charts->addWidget(m_charts[chartIndex(Chart::TrainingLoss)], 0, 0);
    charts->addWidget(m_charts[chartIndex(Chart::TrainingAccuracy)], 0, 1);
    charts->addLayout(deadCell, 1, 0);
    charts->addWidget(m_charts[chartIndex(Chart::TrainingGradient)], 1, 1);
    charts->setRowStretch(0, 1);
    charts->setRowStretch(1, 1);

    m_regionsTitle = boldLabel(QString(), this);
    m_regions = new DecisionRegionGrid(this);
    m_regions->setObjectName(QStringLiteral("trainingRegions"));
    m_regions->setToolTip(QString());

    auto* results = new QVBoxLayout;
    results->addLayout(charts, 1);
    results->addWidget(m_regionsTitle);
    results->addWidget(m_regions);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(controlColumn, 0, Qt::AlignTop);
    layout->addLayout(results, 1);

    // from the UI
    connect(m_dataset, &QComboBox::currentIndexChanged, this, [this] {
        editWith([this](core::RaceSettings& s) {
            s.data.kind = static_cast<core::DatasetKind>(m_dataset->currentData().toInt());
        });
    });
    connect(m_classes, &QSpinBox::valueChanged, this,
            [this](int v) { editWith([v](core::RaceSettings& s) { s.data.blobClasses = v; }); });
    connect(m_noise, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { editWith([v](core::RaceSettings& s) { s.data.noise = v; }); });
    connect(m_samples, &QSpinBox::valueChanged, this,
            [this](int v) { editWith([v](core::RaceSettings& s) { s.data.samples = v; }); });
    connect(m_dataSeed, &QSpinBox::valueChanged, this, [this](int v) {
        editWith([v](core::RaceSettings& s) { s.data.seed = static_cast<std::uint64_t>(v); });
    });
    connect(m_depth, &QSpinBox::valueChanged, this,
            [this](int v) { editWith([v](core::RaceSettings& s) { s.network.depth = v; }); });
    connect(m_width, &QSpinBox::valueChanged, this,
            [this](int v) { editWith([v](core::RaceSettings& s) { s.network.width = v; }); });
    connect(m_init, &QComboBox::currentIndexChanged, this, [this] {
        editWith([this](core::RaceSettings& s) {
            s.network.initialisation = static_cast<core::Initialisation>(m_init->currentData().toInt());
        });
    });
    connect(m_optimiser, &QComboBox::currentIndexChanged, this, [this] {
        editWith([this](core::RaceSettings& s) {
            s.optimiser.kind = static_cast<core::OptimiserKind>(m_optimiser->currentData().toInt());
        });
    });
    connect(m_learningRate, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { editWith([v](core::RaceSettings& s) { s.optimiser.learningRate = v; }); });
    connect(m_batch, &QSpinBox::valueChanged, this,
            [this](int v) { editWith([v](core::RaceSettings& s) { s.optimiser.batchSize = v; }); });
    connect(m_l2, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { editWith([v](core::RaceSettings& s) { s.optimiser.l2 = v; }); });
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) {
        editWith([v](core::RaceSettings& s) { s.seed = static_cast<std::uint64_t>(v); });
    });
    connect(m_play, &QPushButton::clicked, this, [this] {
        if (m_model->isPlaying())
            m_model->pause();
        else
            m_model->play();
    });
    connect(m_step, &QPushButton::clicked, this, [this] { m_model->advanceBy(stepsPerClick()); });
    connect(m_reset, &QPushButton::clicked, m_model, &TrainingLabModel::reset);
    connect(m_deadLayer, &QComboBox::currentIndexChanged, this, &TrainingLabView::showRace);
    // from the state
    connect(&m_state, &ExplorerState::changed, this, &TrainingLabView::onStateChanged);
    // from the model
    connect(m_model, &TrainingLabModel::updated, this, &TrainingLabView::showRace);
    connect(m_model, &TrainingLabModel::playingChanged, this, &TrainingLabView::showStatus);

    showSettings();
    showRace();
}

TrainingLabView::~TrainingLabView() = default;

int TrainingLabView::stepsPerClick() const noexcept
{
    return m_state.trainingLab().measureEvery;
}

const DepthChartContent& TrainingLabView::chartContent(Chart chart) const
{
    return m_charts[chartIndex(chart)]->content();
}

QString TrainingLabView::statusText() const
{
    return m_status->text();
}

void TrainingLabView::edit(const core::RaceSettings& settings)
{
    if (const auto error = m_state.setTrainingLab(settings)) emit statusMessage(*error);
    // Refused or unchanged, the controls go back to what the state holds.
    showSettings();
}

void TrainingLabView::editWith(const std::function<void(core::RaceSettings&)>& change)
{
    core::RaceSettings settings = m_state.trainingLab();
    change(settings);
    edit(settings);
}

void TrainingLabView::onStateChanged(const StateChange& change)
{
    if (change.touches(StateChange::TrainingLab)) showSettings();
}

void TrainingLabView::showSettings()
{
    const core::RaceSettings& s = m_state.trainingLab();
    const QSignalBlocker b1(m_dataset);
    const QSignalBlocker b2(m_classes);
    const QSignalBlocker b3(m_noise);
    const QSignalBlocker b4(m_samples);
    const QSignalBlocker b5(m_dataSeed);
    const QSignalBlocker b6(m_depth);
    const QSignalBlocker b7(m_width);
    const QSignalBlocker b8(m_init);
    const QSignalBlocker b9(m_optimiser);
    const QSignalBlocker b10(m_learningRate);
    const QSignalBlocker b11(m_batch);
    const QSignalBlocker b12(m_l2);
    const QSignalBlocker b13(m_seed);
    m_dataset->setCurrentIndex(m_dataset->findData(static_cast<int>(s.data.kind)));
    m_classes->setValue(s.data.blobClasses);
    // Only blobs come in more than two classes.
    m_classes->setEnabled(s.data.kind == core::DatasetKind::Blobs);
    m_noise->setValue(s.data.noise);
    m_samples->setValue(s.data.samples);
    m_dataSeed->setValue(seedShown(s.data.seed));
    m_depth->setValue(s.network.depth);
    m_width->setValue(s.network.width);
    m_init->setCurrentIndex(m_init->findData(static_cast<int>(s.network.initialisation)));
    m_optimiser->setCurrentIndex(m_optimiser->findData(static_cast<int>(s.optimiser.kind)));
    m_learningRate->setValue(s.optimiser.learningRate);
    m_batch->setValue(s.optimiser.batchSize);
    m_l2->setValue(s.optimiser.l2);
    m_seed->setValue(seedShown(s.seed));
    m_step->setText(stepsPerClick() == 1 ? tr("+1 step") : tr("+%1 steps").arg(stepsPerClick()));
    m_step->setToolTip(
        tr("Train every network %1 more steps: one more point on each chart").arg(stepsPerClick()));
    fillLayerChoices(s.network.depth);
}

void TrainingLabView::fillLayerChoices(int depth)
{
    if (m_deadLayer->count() == depth + 1) return;
    const int chosen = m_deadLayer->currentData().isValid() ? m_deadLayer->currentData().toInt() : -1;
    {
        const QSignalBlocker blocker(m_deadLayer);
        m_deadLayer->clear();
        m_deadLayer->addItem(tr("all hidden layers"), -1);
        for (int k = 0; k < depth; ++k)
            m_deadLayer->addItem(tr("hidden layer %1").arg(k + 1), k);
        const int at = m_deadLayer->findData(chosen);
        m_deadLayer->setCurrentIndex(at < 0 ? 0 : at);
    }
    showRace();
}

void TrainingLabView::showRace()
{
    const core::RaceSnapshot& snapshot = m_model->snapshot();
    const QStringList ids = m_model->contestantIds();
    std::vector<TrainingSeriesStyle> styles;
    std::vector<DecisionRegionGrid::Runner> runners;
    for (const QString& id : ids) {
        const core::Activation* activation = m_state.activation(id);
        const QString name = activation != nullptr ? QString::fromStdString(activation->name) : id;
        const QColor colour = activationColour(m_state.session(), id);
        styles.push_back({name, colour});
        runners.push_back({name, m_state.caption(id), colour});
    }
    const int layer = m_deadLayer->currentData().isValid() ? m_deadLayer->currentData().toInt() : -1;
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        const Chart chart = kTrainingCharts[i];
        m_charts[i]->setContent(
            trainingChartContent(snapshot, chart, styles, chart == Chart::TrainingDeadUnits ? layer : -1));
    }
    m_regions->show(snapshot, runners, &m_model->dataset());
    const int regionStep = snapshot.contestants.empty() ? -1 : snapshot.contestants.front().regions.step;
    QString title;
    if (regionStep >= 0)
        title = m_model->dataset().isRegression()
                    ? tr("What each network predicts at step %1 (dots: the training data)").arg(regionStep)
                    : tr("Each network's classes at step %1 (dots: training data, rings: test data)")
                          .arg(regionStep);
    m_regionsTitle->setText(title);
    m_regionsTitle->setVisible(!title.isEmpty());
    showStatus();
}

void TrainingLabView::showStatus()
{
    const bool playing = m_model->isPlaying();
    const bool racing = m_model->problem().isEmpty() && !m_model->contestantIds().isEmpty();
    m_play->setText(playing ? tr("&Pause") : tr("&Play"));
    m_play->setToolTip(playing ? tr("Stop training where it is") : tr("Train every network until paused"));
    m_play->setEnabled(racing && (playing || !m_model->reachedTheEnd()));
    m_step->setEnabled(racing && !m_model->reachedTheEnd());
    m_reset->setEnabled(racing);
    QString text;
    if (!m_model->problem().isEmpty())
        text = m_model->problem();
    else if (!racing)
        text = tr("The race starts when the lab is shown.");
    else if (m_model->reachedTheEnd())
        text = tr("Step %1: the race ends here. Reset to run it again.").arg(m_model->step());
    else if (playing && m_model->stepsPerSecond() > 0.0)
        text = tr("Step %1 · %2 steps per second")
                   .arg(m_model->step())
                   .arg(static_cast<int>(std::lround(m_model->stepsPerSecond())));
    else
        text = tr("Step %1").arg(m_model->step());
    if (m_status->text() != text) m_status->setText(text);
}

void TrainingLabView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // The race runs only while someone can see it; off screen it rests where it is.
    m_model->setOnScreen(true);
    showStatus();
}

void TrainingLabView::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_model->setOnScreen(false);
}

}  // namespace ax::ui
