#include "app/commands/train_command.h"

#include "app/commands/option_values.h"

#include "app/commands/command_line.h"
#include "app/commands/export_command.h"

#include "core/catalog.h"
#include "core/command_line_syntax.h"
#include "core/training/training_race.h"
#include "ui/model/activation_palette.h"
#include "ui/model/atomic_file.h"
#include "ui/model/charts.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"
#include "ui/render/figure_export.h"
#include "ui/render/training_chart_export.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringList>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace ax::app {

namespace {

using ui::Chart;
using ui::FigureFormat;
using ui::quoted;

constexpr int kDefaultSteps = 500;
constexpr int kMaxSteps = 1000000;
constexpr int kMaxSeed = 2147483647;
const QSizeF kDefaultChartSize(1920.0, 1080.0);
// The article's story, from the rectifiers to the saturating classics.
const QStringList kDefaultActivations{
    QStringLiteral("relu"),    QStringLiteral("leaky_relu"), QStringLiteral("prelu"), QStringLiteral("elu"),
    QStringLiteral("selu"),    QStringLiteral("gelu"),       QStringLiteral("swish"), QStringLiteral("mish"),
    QStringLiteral("sigmoid"), QStringLiteral("tanh")};

// Everything the run needs, decided before it trains.
struct TrainPlan {
    // The session the race comes from, kept while its activations (custom ones too) race.
    std::unique_ptr<ui::ExplorerState> session;
    QString directory;
    core::RaceSettings settings;
    std::vector<core::Contestant> contestants;
    std::vector<ui::TrainingSeriesStyle> styles;
    int steps = kDefaultSteps;
    QList<FigureFormat> formats{FigureFormat::Png};
    ui::FigureOptions options;
};

void readActivations(const TrainArguments& arguments, TrainPlan& plan)
{
    const ui::ExplorerState* session = plan.session.get();
    // A session races what it shows, at its parameters; --activations overrides which.
    QStringList ids = kDefaultActivations;
    if (arguments.activations)
        ids = arguments.activations->split(QLatin1Char(','));
    else if (session != nullptr)
        ids = session->enabledIds();
    if (ids.isEmpty())
        throw BadInput{TrainCommand::tr("--session: the session shows no activation to race.")};
    QStringList seen;
    const auto all = core::catalog();
    for (const QString& raw : ids) {
        const QString id = raw.trimmed();
        const core::Activation* activation =
            session != nullptr ? session->activation(id) : core::findActivation(id.toStdString());
        if (activation == nullptr) {
            QStringList valid;
            if (session != nullptr)
                valid = session->activationIds();
            else
                for (const core::Activation& a : all)
                    valid << QString::fromStdString(a.id);
            throw BadInput{TrainCommand::tr("--activations: unknown activation %1; valid ids are %2.")
                               .arg(quoted(id), valid.join(QStringLiteral(", ")))};
        }
        if (seen.contains(id))
            throw BadInput{TrainCommand::tr("--activations: %1 is listed twice.").arg(quoted(id))};
        seen << id;
        if (session != nullptr) {
            plan.contestants.push_back({*activation, session->parameters(id)});
            plan.styles.push_back(
                {QString::fromStdString(activation->name), ui::activationColour(session->session(), id)});
            continue;
        }
        plan.contestants.push_back({*activation, activation->defaults()});
        const auto index = static_cast<int>(activation - all.data());
        plan.styles.push_back({QString::fromStdString(activation->name), ui::activationColour(index)});
    }
}

void readSettings(const TrainArguments& arguments, TrainPlan& plan)
{
    core::RaceSettings& settings = plan.settings;
    if (arguments.session) {
        plan.session = std::make_unique<ui::ExplorerState>();
        if (auto error = openSessionArgument(*plan.session, *arguments.session))
            throw BadInput{TrainCommand::tr("--session: %1").arg(*error)};
        settings = plan.session->trainingLab();
    }
    if (arguments.dataset) {
        const auto kind = core::datasetFromName(arguments.dataset->toStdString());
        if (!kind)
            throw BadInput{
                TrainCommand::tr("--dataset must be spirals, moons, circles, xor, blobs, sin, abs or "
                                 "step, not %1.")
                    .arg(quoted(*arguments.dataset))};
        settings.data.kind = *kind;
    }
    if (arguments.depth)
        settings.network.depth = OptionValues::wholeNumber(QStringLiteral("depth"), *arguments.depth,
                                                           core::kMinTrainingDepth, core::kMaxTrainingDepth);
    if (arguments.width)
        settings.network.width = OptionValues::wholeNumber(QStringLiteral("width"), *arguments.width,
                                                           core::kMinTrainingWidth, core::kMaxTrainingWidth);
    if (arguments.steps)
        plan.steps = OptionValues::wholeNumber(QStringLiteral("steps"), *arguments.steps, 1, kMaxSteps);
    if (arguments.seed) {
        const int seed = OptionValues::wholeNumber(QStringLiteral("seed"), *arguments.seed, 0, kMaxSeed);
        settings.seed = static_cast<std::uint64_t>(seed);
        settings.data.seed = static_cast<std::uint64_t>(seed);
    }
    if (arguments.optimiser) {
        if (*arguments.optimiser == QLatin1String("adam"))
            settings.optimiser.kind = core::OptimiserKind::Adam;
        else if (*arguments.optimiser == QLatin1String("sgd"))
            settings.optimiser.kind = core::OptimiserKind::SgdMomentum;
        else
            throw BadInput{TrainCommand::tr("--optimiser must be adam or sgd, not %1.")
                               .arg(quoted(*arguments.optimiser))};
    }
    if (arguments.learningRate) {
        settings.optimiser.learningRate =
            OptionValues::number(QStringLiteral("learning-rate"), *arguments.learningRate);
        if (auto error = core::validateOptimiser(settings.optimiser))
            throw BadInput{TrainCommand::tr("--learning-rate: %1, not %2.")
                               .arg(QString::fromStdString(*error), quoted(*arguments.learningRate))};
    }
    if (arguments.batch)
        settings.optimiser.batchSize =
            OptionValues::wholeNumber(QStringLiteral("batch"), *arguments.batch, 1, core::kMaxBatchSize);
    if (arguments.l2) {
        settings.optimiser.l2 = OptionValues::number(QStringLiteral("l2"), *arguments.l2);
        if (auto error = core::validateOptimiser(settings.optimiser))
            throw BadInput{TrainCommand::tr("--l2: %1, not %2.")
                               .arg(QString::fromStdString(*error), quoted(*arguments.l2))};
    }
    if (arguments.initialisation) {
        const auto scheme = core::initialisationFromName(arguments.initialisation->toStdString());
        if (!scheme)
            throw BadInput{TrainCommand::tr("--init must be lecun, he, glorot or recommended, not %1.")
                               .arg(quoted(*arguments.initialisation))};
        settings.network.initialisation = *scheme;
    }
    readActivations(arguments, plan);
    if (auto error = core::validateRace(settings, plan.contestants))
        throw BadInput{TrainCommand::tr("--train: %1.").arg(QString::fromStdString(*error))};
}

void readFigureOptions(const TrainArguments& arguments, TrainPlan& plan)
{
    if (arguments.formats) {
        plan.formats.clear();
        QStringList valid;
        for (const FigureFormat format : ui::kFigureFormats)
            valid << ui::figureFormatName(format);
        for (const QString& raw : arguments.formats->split(QLatin1Char(','))) {
            const QString name = raw.trimmed();
            const auto format = ui::figureFormatFromName(name);
            if (!format)
                throw BadInput{TrainCommand::tr("--format: unknown name %1; valid names are %2.")
                                   .arg(quoted(name), valid.join(QStringLiteral(", ")))};
            if (plan.formats.contains(*format))
                throw BadInput{TrainCommand::tr("--format: %1 is listed twice.").arg(quoted(name))};
            plan.formats << *format;
        }
    }
    OptionValues::readFigureOptions(arguments.size, arguments.scale, arguments.theme, kDefaultChartSize,
                                    plan.options);
}

void checkTrainingDirectory(const QString& path)
{
    if (path.isEmpty()) throw BadInput{TrainCommand::tr("--train needs a directory.")};
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isDir())
            throw BadInput{TrainCommand::tr("--train: %1 exists and is not a directory.").arg(quoted(path))};
        if (!info.isWritable())
            throw BadInput{TrainCommand::tr("--train: the directory %1 is not writable.").arg(quoted(path))};
        return;
    }
    const QFileInfo parent(info.absolutePath());
    if (!parent.isDir())
        throw BadInput{TrainCommand::tr("--train: cannot create %1 because %2 is not an existing directory.")
                           .arg(quoted(path), quoted(QDir::toNativeSeparators(parent.filePath())))};
    if (!parent.isWritable())
        throw BadInput{TrainCommand::tr("--train: cannot create %1 because %2 is not writable.")
                           .arg(quoted(path), quoted(QDir::toNativeSeparators(parent.filePath())))};
}

QString csvNumber(double value)
{
    if (std::isnan(value)) return QStringLiteral("nan");
    return QString::number(value, 'g', 10);
}

// One row per measured step and activation, in step order; the hidden layers' dead shares, then
// their gradient norms.
QByteArray csv(const core::RaceSnapshot& snapshot, int depth)
{
    QStringList header{QStringLiteral("step"),           QStringLiteral("activation"),
                       QStringLiteral("train_loss"),     QStringLiteral("test_loss"),
                       QStringLiteral("train_accuracy"), QStringLiteral("test_accuracy")};
    for (int k = 1; k <= depth; ++k)
        header << QStringLiteral("dead_layer_%1").arg(k);
    for (int k = 1; k <= depth; ++k)
        header << QStringLiteral("gradient_layer_%1").arg(k);
    QByteArray bytes = header.join(QLatin1Char(',')).toUtf8() + '\n';
    std::size_t rows = 0;
    for (const core::ContestantHistory& history : snapshot.contestants)
        rows = std::max(rows, history.measurements.size());
    for (std::size_t r = 0; r < rows; ++r) {
        for (const core::ContestantHistory& history : snapshot.contestants) {
            if (r >= history.measurements.size()) continue;
            const core::Measurement& m = history.measurements[r];
            QStringList row{QString::number(m.step),    QString::fromStdString(history.id),
                            csvNumber(m.trainLoss),     csvNumber(m.testLoss),
                            csvNumber(m.trainAccuracy), csvNumber(m.testAccuracy)};
            for (int k = 0; k < depth; ++k)
                row << (static_cast<std::size_t>(k) < m.layers.size()
                            ? csvNumber(m.layers[static_cast<std::size_t>(k)].deadShare)
                            : QString());
            for (int k = 0; k < depth; ++k)
                row << (static_cast<std::size_t>(k) < m.layers.size()
                            ? csvNumber(m.layers[static_cast<std::size_t>(k)].gradientNorm)
                            : QString());
            bytes += row.join(QLatin1Char(',')).toUtf8() + '\n';
        }
    }
    return bytes;
}

}  // namespace

TrainOptions::TrainOptions()
    : m_train(
          QStringLiteral("train"),
          tr("Trains one network per activation on the same data from the same start and writes "
             "training.csv (loss, accuracy, dead units and gradient norm per layer at every tenth "
             "step) and the charts training-loss, training-accuracy, training-dead and "
             "training-gradient into <dir>; needs no display. Its last line gives the race's steps "
             "per second. <dir> is created when missing (its parent must exist); files of those names in it "
             "are replaced. With --session the race's settings, activations and their parameters come "
             "from the session's training lab and shown activations, and the options given override them. "
             "Takes --activations (default: relu, leaky_relu, prelu, elu, selu, gelu, "
             "swish, mish, sigmoid, tanh, at their default parameters), --format, --size, --scale "
             "and --theme, and the options below."),
          tr("dir")),
      m_dataset(QStringLiteral("dataset"),
                tr("With --train: spirals, moons, circles, xor, blobs (three classes), or the regression "
                   "targets sin, abs and step (default: spirals)."),
                tr("name")),
      m_depth(QStringLiteral("depth"),
              tr("With --train: hidden layers, %1 to %2 (default: 4).")
                  .arg(core::kMinTrainingDepth)
                  .arg(core::kMaxTrainingDepth),
              tr("n")),
      m_width(QStringLiteral("width"),
              tr("With --train: units per hidden layer, %1 to %2 (default: 32).")
                  .arg(core::kMinTrainingWidth)
                  .arg(core::kMaxTrainingWidth),
              tr("n")),
      m_steps(QStringLiteral("steps"), tr("With --train: training steps (default: %1).").arg(kDefaultSteps),
              tr("n")),
      m_seed(QStringLiteral("seed"),
             tr("With --train: the seed of the data, the weights and the batches "
                "(default: 1)."),
             tr("n")),
      m_optimiser(QStringLiteral("optimiser"),
                  tr("With --train: adam or sgd (with momentum 0.9; default: adam)."), tr("name")),
      m_learningRate(QStringLiteral("learning-rate"), tr("With --train: the step size (default: 0.01)."),
                     tr("x")),
      m_batch(QStringLiteral("batch"),
              tr("With --train: examples per step, 1 to %1 (default: 32).").arg(core::kMaxBatchSize),
              tr("n")),
      m_l2(QStringLiteral("l2"), tr("With --train: the L2 weight penalty, 0 to 1 (default: 0)."), tr("x")),
      m_init(QStringLiteral("init"),
             tr("With --train: the weights' initialisation, lecun, he, glorot, or recommended for each "
                "activation's usual one (default: recommended)."),
             tr("name"))
{
}

void TrainOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_train, m_dataset, m_depth, m_width, m_steps, m_seed, m_optimiser, m_learningRate,
                       m_batch, m_l2, m_init});
}

bool TrainOptions::isRequested(const QCommandLineParser& parser) const
{
    return parser.isSet(m_train);
}

QString TrainOptions::misuse(const QCommandLineParser& parser) const
{
    const QStringList given = parser.optionNames();
    const std::initializer_list<const QCommandLineOption*> options{
        &m_train,     &m_dataset,      &m_depth, &m_width, &m_steps, &m_seed,
        &m_optimiser, &m_learningRate, &m_batch, &m_l2,    &m_init};
    for (const QCommandLineOption* option : options) {
        const QString name = option->names().constFirst();
        if (given.count(name) > 1) return tr("--%1 is given more than once.").arg(name);
    }
    if (isRequested(parser)) return {};
    for (const QCommandLineOption* option : options)
        if (parser.isSet(*option))
            return tr("--%1 is used only with --train.").arg(option->names().constFirst());
    return {};
}

TrainArguments TrainOptions::read(const QCommandLineParser& parser) const
{
    TrainArguments arguments;
    arguments.directory = parser.value(m_train);
    arguments.dataset = OptionValues::valueIfSet(parser, m_dataset);
    arguments.depth = OptionValues::valueIfSet(parser, m_depth);
    arguments.width = OptionValues::valueIfSet(parser, m_width);
    arguments.steps = OptionValues::valueIfSet(parser, m_steps);
    arguments.seed = OptionValues::valueIfSet(parser, m_seed);
    arguments.optimiser = OptionValues::valueIfSet(parser, m_optimiser);
    arguments.learningRate = OptionValues::valueIfSet(parser, m_learningRate);
    arguments.batch = OptionValues::valueIfSet(parser, m_batch);
    arguments.l2 = OptionValues::valueIfSet(parser, m_l2);
    arguments.initialisation = OptionValues::valueIfSet(parser, m_init);
    return arguments;
}

int TrainCommand::run(const TrainArguments& arguments, std::FILE* output)
{
    TrainPlan plan;
    try {
        readSettings(arguments, plan);
        readFigureOptions(arguments, plan);
        plan.directory = QDir::cleanPath(arguments.directory);
        checkTrainingDirectory(arguments.directory.isEmpty() ? QString() : plan.directory);
    } catch (const BadInput& bad) {
        reportError(bad.message);
        return kBadInputExitCode;
    }

    core::TrainingRace race(plan.settings, plan.contestants);
    QElapsedTimer timer;
    timer.start();
    race.advance(plan.steps);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    const core::RaceSnapshot snapshot = race.snapshot();

    // Everything in memory first, so a rendering failure leaves the directory untouched.
    struct Rendered {
        QString name;
        QByteArray bytes;
    };
    std::vector<Rendered> files;
    files.push_back({QStringLiteral("training.csv"), csv(snapshot, plan.settings.network.depth)});
    for (const Chart chart : ui::kTrainingCharts) {
        for (const FigureFormat format : plan.formats) {
            QByteArray bytes =
                ui::renderTrainingChartBytes(snapshot, plan.styles, chart, plan.options, format);
            if (bytes.isEmpty()) {
                reportError(tr("The %1 chart could not be rendered as %2.")
                                .arg(ui::chartName(chart), ui::figureFormatName(format)));
                return EXIT_FAILURE;
            }
            files.push_back(
                {ui::chartName(chart) + QLatin1Char('.') + ui::figureFormatName(format), std::move(bytes)});
        }
    }

    const QDir directory(plan.directory);
    QSet<QString> existedBefore;
    for (const Rendered& file : files)
        if (QFileInfo::exists(directory.filePath(file.name))) existedBefore.insert(file.name);
    const bool createdDirectory = !QFileInfo::exists(plan.directory);
    QStringList written;
    const auto fail = [&](const QString& message) {
        for (const QString& name : written)
            if (!existedBefore.contains(name)) QFile::remove(directory.filePath(name));
        if (createdDirectory) QDir().rmdir(plan.directory);
        reportError(message);
        return EXIT_FAILURE;
    };
    if (createdDirectory && !QDir().mkdir(plan.directory))
        return fail(tr("Cannot create the directory %1.").arg(quoted(plan.directory)));
    for (const Rendered& file : files) {
        if (auto error = ui::writeFileAtomically(directory.filePath(file.name), file.bytes))
            return fail(*error);
        written << file.name;
    }

    QByteArray text;
    for (const QString& name : written)
        text += QFile::encodeName(QDir(arguments.directory).filePath(name)) + '\n';
    const int count = static_cast<int>(plan.contestants.size());
    const double rate = seconds > 0.0 ? plan.steps / seconds : 0.0;
    text +=
        (count == 1 ? tr("Trained 1 activation for %1 steps in %2 s: %3 race steps per second")
                    : tr("Trained %1 activations for %2 steps in %3 s: %4 race steps per second").arg(count))
            .arg(plan.steps)
            .arg(seconds, 0, 'f', 2)
            .arg(std::llround(rate))
            .toUtf8() +
        '\n';
    if (auto error = writeOutput(output, text)) {
        reportError(tr("The files were written, but their list was not: %1").arg(*error));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

}  // namespace ax::app
