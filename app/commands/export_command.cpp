#include "app/commands/export_command.h"

#include "app/commands/option_values.h"

#include "app/commands/command_line.h"
#include "app/commands/local_path.h"
#include "app/commands/platform.h"

#include "core/command_line_syntax.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"
#include "ui/model/session_file.h"
#include "ui/render/depth_chart_export.h"
#include "ui/render/figure_export.h"
#include "ui/render/sweep_export.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace ax::app {

namespace {

using ui::Chart;
using ui::FigureFormat;
using ui::quoted;

constexpr int kDefaultSweepFrames = 60;
constexpr double kDefaultSweepFps = 15.0;
const QSizeF kDefaultSize(1920.0, 1080.0);
const QSizeF kDefaultSweepSize(960.0, 540.0);

QString fromCore(const std::string& message)
{
    return QString::fromStdString(message);
}

std::string toCore(const QString& text)
{
    return text.toStdString();
}

// A comma-separated list of names, each known, each once.
template <typename T, typename Lookup>
QList<T> parseNameList(const QString& option, const QString& text, const QStringList& valid, Lookup lookup)
{
    QList<T> result;
    QStringList seen;
    for (const QString& raw : text.split(QLatin1Char(','))) {
        const QString name = raw.trimmed();
        const std::optional<T> value = lookup(name);
        if (!value)
            throw BadInput{ExportCommand::tr("--%1: unknown name %2; valid names are %3.")
                               .arg(option, quoted(name), valid.join(QStringLiteral(", ")))};
        if (seen.contains(name))
            throw BadInput{ExportCommand::tr("--%1: %2 is listed twice.").arg(option, quoted(name))};
        seen << name;
        result << *value;
    }
    return result;
}

enum class SweepFormat { Gif, PngSequence };

// Everything the run will write, decided before anything is written.
struct ExportPlan {
    QString directory;
    ui::FigureOptions options;
    QList<Chart> charts;
    QList<FigureFormat> formats;
    std::optional<ui::SweepAnimation> sweep;
    QList<SweepFormat> sweepFormats;
};

void applyStateOptions(const ExportArguments& arguments, ui::ExplorerState& state)
{
    if (arguments.session) {
        if (auto error = openSessionArgument(state, *arguments.session))
            throw BadInput{ExportCommand::tr("--session: %1").arg(*error)};
    }
    if (arguments.activations) {
        QStringList ids;
        for (const QString& raw : arguments.activations->split(QLatin1Char(','))) {
            const QString id = raw.trimmed();
            if (!state.activation(id))
                throw BadInput{ExportCommand::tr("--activations: unknown activation %1; valid ids are %2.")
                                   .arg(quoted(id), state.activationIds().join(QStringLiteral(", ")))};
            if (ids.contains(id))
                throw BadInput{ExportCommand::tr("--activations: %1 is listed twice.").arg(quoted(id))};
            ids << id;
        }
        state.setEnabledIds(ids);
    }
    // All assignments first, then each activation's values checked together: RReLU's lower ≤ upper
    // may hold only once both of "--param rrelu.lower=0.5 --param rrelu.upper=0.9" are applied.
    QStringList assignedIds;
    QHash<QString, core::ParameterValues> assigned;
    for (const QString& text : arguments.parameters) {
        const auto assignment = core::parseParamAssignment(toCore(text));
        if (!assignment) throw BadInput{ExportCommand::tr("--param: %1").arg(fromCore(assignment.error()))};
        const QString id = QString::fromStdString(assignment->activation->id);
        if (!assigned.contains(id)) {
            assigned.insert(id, state.parameters(id));
            assignedIds << id;
        }
        assigned[id][static_cast<std::size_t>(assignment->index)] = assignment->value;
    }
    for (const QString& id : assignedIds)
        if (auto error = state.setParameters(id, assigned.value(id)))
            throw BadInput{ExportCommand::tr("--param: %1").arg(*error)};
    if (arguments.range) {
        const auto range = core::parseRange(toCore(*arguments.range));
        if (!range) throw BadInput{ExportCommand::tr("--range: %1").arg(fromCore(range.error()))};
        if (auto error = state.setRange(range->lo, range->hi))
            throw BadInput{ExportCommand::tr("--range: %1").arg(*error)};
    }
    if (arguments.epsilon) {
        const auto epsilon = core::parseEpsilon(toCore(*arguments.epsilon));
        if (!epsilon) throw BadInput{ExportCommand::tr("--epsilon: %1").arg(fromCore(epsilon.error()))};
        if (auto error = state.setEpsilon(*epsilon))
            throw BadInput{ExportCommand::tr("--epsilon: %1").arg(*error)};
    }
    if (arguments.samples) {
        const int samples =
            OptionValues::wholeNumber(QStringLiteral("samples"), *arguments.samples,
                                      ui::ExplorerState::kMinSamples, ui::ExplorerState::kMaxSamples);
        if (auto error = state.setSamples(samples))
            throw BadInput{ExportCommand::tr("--samples: %1").arg(*error)};
    }
    if (arguments.style) {
        const auto style = ui::chartStyleFromName(*arguments.style);
        if (!style)
            throw BadInput{ExportCommand::tr("--style must be screen, print or presentation, not %1.")
                               .arg(quoted(*arguments.style))};
        state.setChartStyle(*style);
    }
}

ExportPlan makePlan(const ExportArguments& arguments, const ui::ExplorerState& state)
{
    ExportPlan plan;
    if (arguments.directory.isEmpty()) throw BadInput{ExportCommand::tr("--export needs a directory.")};
    plan.directory = QDir::cleanPath(arguments.directory);

    if (arguments.sweep) {
        const auto sweep = core::parseSweep(toCore(*arguments.sweep));
        if (!sweep) throw BadInput{ExportCommand::tr("--sweep: %1").arg(fromCore(sweep.error()))};
        ui::SweepAnimation animation;
        animation.id = QString::fromStdString(sweep->activation->id);
        animation.parameterIndex = sweep->index;
        animation.from = sweep->from;
        animation.to = sweep->to;
        animation.frames =
            arguments.frames
                ? OptionValues::wholeNumber(QStringLiteral("frames"), *arguments.frames,
                                            ui::SweepAnimation::kMinFrames, ui::SweepAnimation::kMaxFrames)
                : kDefaultSweepFrames;
        animation.fps =
            arguments.fps ? OptionValues::number(QStringLiteral("fps"), *arguments.fps) : kDefaultSweepFps;
        if (auto error = ui::validateSweep(state, animation))
            throw BadInput{ExportCommand::tr("--sweep: %1").arg(*error)};
        plan.sweep = animation;
    }

    QStringList chartNames;
    for (const Chart chart : ui::kFigureCharts)
        chartNames << ui::chartName(chart);
    for (const Chart chart : ui::kDepthCharts)
        chartNames << ui::chartName(chart);
    if (arguments.charts)
        plan.charts = parseNameList<Chart>(QStringLiteral("charts"), *arguments.charts, chartNames,
                                           [](const QString& name) -> std::optional<Chart> {
                                               // The training lab's charts come from --train, which trains.
                                               if (const auto figure = ui::figureChartFromName(name))
                                                   return figure;
                                               return ui::depthChartFromName(name);
                                           });
    else if (plan.sweep)
        plan.charts = {Chart::Combined};
    else
        // The depth charts only when asked for: they cost a network's theory per activation.
        plan.charts = QList<Chart>(ui::kFigureCharts.begin(), ui::kFigureCharts.end());
    if (plan.sweep) {
        for (const Chart chart : plan.charts)
            if (ui::isDepthChart(chart))
                throw BadInput{ExportCommand::tr("--charts: %1 cannot be animated by --sweep; choose from "
                                                 "the function charts.")
                                   .arg(chartName(chart))};
    }

    if (plan.sweep) {
        const auto lookup = [](const QString& name) -> std::optional<SweepFormat> {
            if (name == QLatin1String("gif")) return SweepFormat::Gif;
            if (name == QLatin1String("png")) return SweepFormat::PngSequence;
            return std::nullopt;
        };
        plan.sweepFormats = arguments.formats ? parseNameList<SweepFormat>(
                                                    QStringLiteral("format"), *arguments.formats,
                                                    {QStringLiteral("gif"), QStringLiteral("png")}, lookup)
                                              : QList<SweepFormat>{SweepFormat::Gif};
    } else {
        QStringList formatNames;
        for (const FigureFormat format : ui::kFigureFormats)
            formatNames << ui::figureFormatName(format);
        plan.formats = arguments.formats
                           ? parseNameList<FigureFormat>(QStringLiteral("format"), *arguments.formats,
                                                         formatNames, ui::figureFormatFromName)
                           : QList<FigureFormat>{FigureFormat::Png};
    }

    plan.options.style = state.chartStyle();
    OptionValues::readFigureOptions(arguments.size, arguments.scale, arguments.theme,
                                    plan.sweep ? kDefaultSweepSize : kDefaultSize, plan.options);
    return plan;
}

// Every path the plan writes, in the order they are written.
QStringList plannedPaths(const ExportPlan& plan, const ui::ExplorerState& state)
{
    const QDir directory(plan.directory);
    QStringList paths;
    for (const Chart chart : plan.charts) {
        for (const FigureFormat format : plan.formats)
            paths << directory.filePath(chartName(chart) + QLatin1Char('.') + ui::figureFormatName(format));
        if (!plan.sweep) continue;
        const QString base = ui::sweepBaseName(state, *plan.sweep, chart);
        for (const SweepFormat format : plan.sweepFormats) {
            if (format == SweepFormat::Gif) {
                paths << directory.filePath(base + QStringLiteral(".gif"));
            } else {
                for (int frame = 0; frame < plan.sweep->frames; ++frame)
                    paths << ui::sweepFramePath(plan.directory, base, frame);
            }
        }
    }
    return paths;
}

void checkDirectory(const QString& path)
{
    const QFileInfo info(path);
    if (info.exists()) {
        if (!info.isDir())
            throw BadInput{
                ExportCommand::tr("--export: %1 exists and is not a directory.").arg(quoted(path))};
        if (!info.isWritable())
            throw BadInput{
                ExportCommand::tr("--export: the directory %1 is not writable.").arg(quoted(path))};
        return;
    }
    const QFileInfo parent(info.absolutePath());
    if (!parent.isDir())
        throw BadInput{
            ExportCommand::tr("--export: cannot create %1 because %2 is not an existing directory.")
                .arg(quoted(path), quoted(QDir::toNativeSeparators(parent.filePath())))};
    if (!parent.isWritable())
        throw BadInput{ExportCommand::tr("--export: cannot create %1 because %2 is not writable.")
                           .arg(quoted(path), quoted(QDir::toNativeSeparators(parent.filePath())))};
}

void checkExistingFiles(const QStringList& paths)
{
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists() && !info.isSymLink()) continue;
        if (info.isSymLink() || !ui::isExportedFile(path))
            throw BadInput{
                ExportCommand::tr("--export: %1 already exists and was not written by an export of "
                                  "this program; it is left alone (move it or choose another "
                                  "directory).")
                    .arg(path)};
    }
}

// The list of paths is the command's answer: when it cannot be written, the run has failed.
std::optional<QString> print(std::FILE* output, const QByteArray& directory, const QStringList& names)
{
    QByteArray bytes;
    for (const QString& name : names)
        bytes += directory + '/' + QFile::encodeName(name) + '\n';
    return writeOutput(output, bytes);
}

// checkDirectory for a directory whose name is not UTF-8 and that could not be opened: by its
// bytes. True when it is missing and can be created.
bool checkDirectoryByBytes(const QString& path, const QByteArray& bytes)
{
    struct stat info {};
    if (::stat(bytes.constData(), &info) == 0) {
        if (!S_ISDIR(info.st_mode))
            throw BadInput{
                ExportCommand::tr("--export: %1 exists and is not a directory.").arg(quoted(path))};
        throw BadInput{ExportCommand::tr("--export: the directory %1 cannot be opened.").arg(quoted(path))};
    }
    const qsizetype slash = bytes.lastIndexOf('/');
    const QByteArray parent = slash < 0 ? QByteArray(".") : slash == 0 ? QByteArray("/") : bytes.left(slash);
    if (::stat(parent.constData(), &info) != 0 || !S_ISDIR(info.st_mode))
        throw BadInput{ExportCommand::tr("--export: cannot create %1 because its parent is not an existing "
                                         "directory.")
                           .arg(quoted(path))};
    if (::access(parent.constData(), W_OK) != 0)
        throw BadInput{ExportCommand::tr("--export: cannot create %1 because its parent is not writable.")
                           .arg(quoted(path))};
    return true;
}

}  // namespace

std::optional<QString> openSessionArgument(ui::ExplorerState& state, const QString& path)
{
    if (!hasUndecodableBytes(path)) return ui::openSession(state, path);
    const int fd = ::open(localBytes(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ExportCommand::tr("Cannot open %1: %2")
            .arg(quoted(path), QString::fromLocal8Bit(std::strerror(errno)));
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return ExportCommand::tr("Cannot open %1: %2").arg(quoted(path), file.errorString());
    }
    const QByteArray bytes = file.read(ui::kMaxSessionFileBytes + 1);
    if (auto error = ui::applySessionBytes(state, bytes))
        return ExportCommand::tr("%1: %2").arg(quoted(path), *error);
    return std::nullopt;
}

int ExportCommand::run(const ExportArguments& arguments, std::FILE* output)
{
    ui::ExplorerState state;
    ExportPlan plan;
    QStringList paths;
    // The directory as given, for the list of paths; and, when its name is not UTF-8, held open so
    // that Qt can write into it (once it exists).
    QByteArray shownDirectory;
    std::unique_ptr<LocalDirectory> localDirectory;
    bool createByBytes = false;
    try {
        applyStateOptions(arguments, state);
        plan = makePlan(arguments, state);
        shownDirectory = localBytes(plan.directory);
        if (hasUndecodableBytes(plan.directory)) {
            localDirectory = std::make_unique<LocalDirectory>(shownDirectory);
            if (localDirectory->isOpen())
                plan.directory = localDirectory->qtPath();
            else
                createByBytes = checkDirectoryByBytes(plan.directory, shownDirectory);
        }
        paths = plannedPaths(plan, state);
        if (!createByBytes) {
            checkDirectory(plan.directory);
            checkExistingFiles(paths);
        }
    } catch (const BadInput& bad) {
        reportError(bad.message);
        return kBadInputExitCode;
    }

    // Still nothing written: render the still figures in memory first, so a rendering failure
    // leaves the directory untouched.
    struct Rendered {
        QString name;
        QByteArray bytes;
    };
    std::vector<Rendered> figures;
    // Built only for depth charts; its constructor computes the theory for the state as it is now.
    std::unique_ptr<ui::DepthLabModel> depthLab;
    for (const Chart chart : plan.charts) {
        if (ui::isDepthChart(chart) && !depthLab) {
            depthLab = std::make_unique<ui::DepthLabModel>(state);
            depthLab->completeTheory();
        }
        for (const FigureFormat format : plan.formats) {
            ui::FigureOptions options = plan.options;
            QByteArray bytes;
            if (ui::isDepthChart(chart)) {
                bytes = ui::renderDepthChartBytes(*depthLab, chart, options, format);
            } else {
                options.chart = chart;
                bytes = ui::renderFigureBytes(state, options, format);
            }
            if (bytes.isEmpty()) {
                reportError(tr("The %1 chart could not be rendered as %2.")
                                .arg(chartName(chart), ui::figureFormatName(format)));
                return EXIT_FAILURE;
            }
            figures.push_back(
                {chartName(chart) + QLatin1Char('.') + ui::figureFormatName(format), std::move(bytes)});
        }
    }

    // On a write error, the files this run created are removed again; replaced ones were ours.
    QSet<QString> existedBefore;
    for (const QString& path : paths)
        if (QFileInfo::exists(path)) existedBefore.insert(path);
    const bool createdDirectory = createByBytes || !QFileInfo::exists(plan.directory);
    QStringList written;
    const auto fail = [&](const QString& message) {
        for (const QString& path : written)
            if (!existedBefore.contains(path)) QFile::remove(path);
        if (createdDirectory) {
            if (createByBytes)
                ::rmdir(shownDirectory.constData());
            else
                QDir().rmdir(plan.directory);
        }
        reportError(message);
        return EXIT_FAILURE;
    };
    if (createByBytes) {
        if (::mkdir(shownDirectory.constData(), 0777) != 0) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            reportError(tr("Cannot create the directory %1: %2").arg(quoted(plan.directory), reason));
            return EXIT_FAILURE;
        }
        localDirectory = std::make_unique<LocalDirectory>(shownDirectory);
        if (!localDirectory->isOpen())
            return fail(tr("Cannot open the directory %1.").arg(quoted(plan.directory)));
        plan.directory = localDirectory->qtPath();
        paths = plannedPaths(plan, state);
    } else if (createdDirectory && !QDir().mkdir(plan.directory)) {
        return fail(tr("Cannot create the directory %1.").arg(plan.directory));
    }
    const QDir directory(plan.directory);
    // What an earlier run of this export left when it was killed mid-way; anything else stays.
    for (const QString& path : paths)
        for (const QString& leftover : ui::exportLeftovers(path))
            QFile::remove(leftover);

    for (const Rendered& figure : figures) {
        const QString path = directory.filePath(figure.name);
        if (auto error = ui::writeFileAtomically(path, figure.bytes)) return fail(*error);
        written << path;
    }
    if (plan.sweep) {
        for (const Chart chart : plan.charts) {
            ui::FigureOptions options = plan.options;
            options.chart = chart;
            const QString base = ui::sweepBaseName(state, *plan.sweep, chart);
            for (const SweepFormat format : plan.sweepFormats) {
                if (format == SweepFormat::Gif) {
                    const QString path = directory.filePath(base + QStringLiteral(".gif"));
                    if (auto error = ui::exportSweepGif(state, *plan.sweep, options, path))
                        return fail(*error);
                    written << path;
                } else {
                    QStringList frames;
                    if (auto error = ui::exportSweepPngSequence(state, *plan.sweep, options, plan.directory,
                                                                base, &frames))
                        return fail(*error);
                    written << frames;
                }
            }
        }
    }
    // Named as the directory was given, whatever path Qt used to reach it.
    QStringList shown;
    for (const QString& path : written)
        shown << QFileInfo(path).fileName();
    if (auto error = print(output, shownDirectory, shown)) {
        reportError(tr("The files were written, but their list was not: %1").arg(*error));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

}  // namespace ax::app
