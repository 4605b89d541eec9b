#include "export_command.h"

#include "command_line.h"
#include "platform.h"

#include "core/spec_parser.h"
#include "ui/depth_chart_export.h"
#include "ui/explorer_state.h"
#include "ui/figure_export.h"
#include "ui/session_file.h"
#include "ui/sweep_export.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace ax::app {

namespace {

using ui::DepthChart;
using ui::FigureChart;
using ui::FigureFormat;

// A chart of the explorer or of the depth lab, as --charts names it.
using ExportChart = std::variant<FigureChart, DepthChart>;

QString exportChartName(const ExportChart& chart)
{
    if (const auto* figure = std::get_if<FigureChart>(&chart)) return ui::figureChartName(*figure);
    return ui::DepthLabView::chartName(std::get<DepthChart>(chart));
}

std::optional<ExportChart> exportChartFromName(const QString& name)
{
    if (const auto figure = ui::figureChartFromName(name)) return *figure;
    if (const auto depth = ui::DepthLabView::chartFromName(name)) return *depth;
    return std::nullopt;
}

constexpr int kDefaultSweepFrames = 60;
constexpr double kDefaultSweepFps = 15.0;
const QSizeF kDefaultSize(1920.0, 1080.0);
const QSizeF kDefaultSweepSize(960.0, 540.0);
// The A4 preset: laid out at 96 pixels per inch, rendered at 300.
constexpr double kA4Scale = 300.0 / ui::kLayoutDpi;

// Thrown only inside this file, to leave the checks at the first bad option with its message.
struct BadInput {
    QString message;
};

QString fromCore(const std::string& message)
{
    return QString::fromStdString(message);
}

std::string toCore(const QString& text)
{
    return text.toStdString();
}

double parseNumberOption(const QString& option, const QString& text)
{
    const auto number = core::parseNumber(toCore(text));
    if (!number) throw BadInput{ExportCommand::tr("--%1: %2").arg(option, fromCore(number.error()))};
    if (!std::isfinite(*number))
        throw BadInput{ExportCommand::tr("--%1 must be a finite number, not \"%2\".").arg(option, text)};
    return *number;
}

int parseWholeNumberOption(const QString& option, const QString& text)
{
    const double value = parseNumberOption(option, text);
    if (value != std::floor(value) || std::abs(value) > 1e9)
        throw BadInput{ExportCommand::tr("--%1 must be a whole number, not \"%2\".").arg(option, text)};
    return static_cast<int>(value);
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
            throw BadInput{ExportCommand::tr("--%1: unknown name \"%2\"; valid names are %3.")
                               .arg(option, name, valid.join(QStringLiteral(", ")))};
        if (seen.contains(name))
            throw BadInput{ExportCommand::tr("--%1: \"%2\" is listed twice.").arg(option, name)};
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
    QList<ExportChart> charts;
    QList<FigureFormat> formats;
    std::optional<ui::SweepAnimation> sweep;
    QList<SweepFormat> sweepFormats;
};

void applyStateOptions(const ExportArguments& arguments, ui::ExplorerState& state)
{
    if (arguments.session) {
        if (auto error = ui::openSession(state, *arguments.session))
            throw BadInput{ExportCommand::tr("--session: %1").arg(*error)};
    }
    if (arguments.activations) {
        QStringList ids;
        for (const QString& raw : arguments.activations->split(QLatin1Char(','))) {
            const QString id = raw.trimmed();
            if (!state.activation(id))
                throw BadInput{
                    ExportCommand::tr("--activations: unknown activation \"%1\"; valid ids are %2.")
                        .arg(id, state.activationIds().join(QStringLiteral(", ")))};
            if (ids.contains(id))
                throw BadInput{ExportCommand::tr("--activations: \"%1\" is listed twice.").arg(id)};
            ids << id;
        }
        state.setEnabledIds(ids);
    }
    for (const QString& text : arguments.parameters) {
        const auto assignment = core::parseParamAssignment(toCore(text));
        if (!assignment) throw BadInput{ExportCommand::tr("--param: %1").arg(fromCore(assignment.error()))};
        const QString id = QString::fromStdString(assignment->activation->id);
        if (auto error = state.setParameter(id, assignment->index, assignment->value))
            throw BadInput{ExportCommand::tr("--param: %1").arg(*error)};
    }
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
        const int samples = parseWholeNumberOption(QStringLiteral("samples"), *arguments.samples);
        if (auto error = state.setSamples(samples))
            throw BadInput{ExportCommand::tr("--samples: %1").arg(*error)};
    }
    if (arguments.style) {
        if (*arguments.style == QLatin1String("screen"))
            state.setChartStyle(ui::ChartStyle::Screen);
        else if (*arguments.style == QLatin1String("print"))
            state.setChartStyle(ui::ChartStyle::Print);
        else
            throw BadInput{
                ExportCommand::tr("--style must be screen or print, not \"%1\".").arg(*arguments.style)};
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
        animation.frames = arguments.frames
                               ? parseWholeNumberOption(QStringLiteral("frames"), *arguments.frames)
                               : kDefaultSweepFrames;
        animation.fps =
            arguments.fps ? parseNumberOption(QStringLiteral("fps"), *arguments.fps) : kDefaultSweepFps;
        if (auto error = ui::validateSweep(state, animation))
            throw BadInput{ExportCommand::tr("--sweep: %1").arg(*error)};
        plan.sweep = animation;
    }

    QStringList chartNames;
    for (const FigureChart chart : ui::kFigureCharts)
        chartNames << ui::figureChartName(chart);
    for (const DepthChart chart : ui::kDepthCharts)
        chartNames << ui::DepthLabView::chartName(chart);
    if (arguments.charts)
        plan.charts = parseNameList<ExportChart>(QStringLiteral("charts"), *arguments.charts, chartNames,
                                                 exportChartFromName);
    else if (plan.sweep)
        plan.charts = {FigureChart::Combined};
    else
        // The depth charts only when asked for: they cost a network's theory per activation.
        plan.charts = QList<ExportChart>(ui::kFigureCharts.begin(), ui::kFigureCharts.end());
    if (plan.sweep) {
        for (const ExportChart& chart : plan.charts)
            if (std::holds_alternative<DepthChart>(chart))
                throw BadInput{ExportCommand::tr("--charts: %1 cannot be animated by --sweep; choose from "
                                                 "the function charts.")
                                   .arg(exportChartName(chart))};
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
    plan.options.size = plan.sweep ? kDefaultSweepSize : kDefaultSize;
    double presetScale = 1.0;
    if (arguments.size) {
        if (arguments.size->compare(QLatin1String("a4"), Qt::CaseInsensitive) == 0) {
            plan.options.size = QSizeF(ui::kA4WidthPx, ui::kA4HeightPx);
            presetScale = kA4Scale;
        } else {
            const auto size = core::parseSize(toCore(*arguments.size));
            if (!size) throw BadInput{ExportCommand::tr("--size: %1").arg(fromCore(size.error()))};
            plan.options.size = QSizeF(size->width, size->height);
        }
    }
    const double scale = arguments.scale ? parseNumberOption(QStringLiteral("scale"), *arguments.scale) : 1.0;
    if (!(scale >= ui::kMinScale && scale <= ui::kMaxScale))
        throw BadInput{ExportCommand::tr("--scale must be a number from %1 to %2, not \"%3\".")
                           .arg(ui::kMinScale)
                           .arg(ui::kMaxScale)
                           .arg(*arguments.scale)};
    plan.options.scale = scale * presetScale;
    if (arguments.theme) {
        if (*arguments.theme == QLatin1String("light"))
            plan.options.theme = ui::Theme::Light;
        else if (*arguments.theme == QLatin1String("dark"))
            plan.options.theme = ui::Theme::Dark;
        else
            throw BadInput{
                ExportCommand::tr("--theme must be light or dark, not \"%1\".").arg(*arguments.theme)};
    }
    if (auto error = ui::validateFigureOptions(plan.options)) throw BadInput{*error};
    return plan;
}

// Every path the plan writes, in the order they are written.
QStringList plannedPaths(const ExportPlan& plan, const ui::ExplorerState& state)
{
    const QDir directory(plan.directory);
    QStringList paths;
    for (const ExportChart& chart : plan.charts) {
        for (const FigureFormat format : plan.formats)
            paths << directory.filePath(exportChartName(chart) + QLatin1Char('.') + ui::figureFormatName(format));
        if (!plan.sweep) continue;
        const QString base = ui::sweepBaseName(state, *plan.sweep, std::get<FigureChart>(chart));
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
            throw BadInput{ExportCommand::tr("--export: %1 exists and is not a directory.").arg(path)};
        if (!info.isWritable())
            throw BadInput{ExportCommand::tr("--export: the directory %1 is not writable.").arg(path)};
        return;
    }
    const QFileInfo parent(info.absolutePath());
    if (!parent.isDir())
        throw BadInput{
            ExportCommand::tr("--export: cannot create %1 because %2 is not an existing directory.")
                .arg(path, QDir::toNativeSeparators(parent.filePath()))};
    if (!parent.isWritable())
        throw BadInput{ExportCommand::tr("--export: cannot create %1 because %2 is not writable.")
                           .arg(path, QDir::toNativeSeparators(parent.filePath()))};
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

void print(std::FILE* output, const QStringList& lines)
{
    for (const QString& line : lines) {
        const QByteArray bytes = (line + QLatin1Char('\n')).toLocal8Bit();
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), output);
    }
    std::fflush(output);
}

}  // namespace

int ExportCommand::run(const ExportArguments& arguments, std::FILE* output)
{
    ui::ExplorerState state;
    ExportPlan plan;
    QStringList paths;
    try {
        applyStateOptions(arguments, state);
        plan = makePlan(arguments, state);
        paths = plannedPaths(plan, state);
        checkDirectory(plan.directory);
        checkExistingFiles(paths);
    } catch (const BadInput& bad) {
        reportError(bad.message);
        return kBadInputExitCode;
    }

    // Still nothing written: render the still figures in memory first, so a rendering failure
    // leaves the directory untouched.
    struct Rendered {
        QString path;
        QByteArray bytes;
    };
    std::vector<Rendered> figures;
    const QDir directory(plan.directory);
    // Built only for depth charts; its constructor computes the theory for the state as it is now.
    std::unique_ptr<ui::DepthLabView> depthLab;
    for (const ExportChart& chart : plan.charts) {
        if (std::holds_alternative<DepthChart>(chart) && !depthLab)
        {
            depthLab = std::make_unique<ui::DepthLabView>(state);
            depthLab->completeTheory();
        }
        for (const FigureFormat format : plan.formats) {
            ui::FigureOptions options = plan.options;
            QByteArray bytes;
            if (const auto* figure = std::get_if<FigureChart>(&chart)) {
                options.chart = *figure;
                bytes = ui::renderFigureBytes(state, options, format);
            } else {
                bytes = ui::renderDepthChartBytes(*depthLab, std::get<DepthChart>(chart), options, format);
            }
            if (bytes.isEmpty()) {
                reportError(tr("The %1 chart could not be rendered as %2.")
                                .arg(exportChartName(chart), ui::figureFormatName(format)));
                return EXIT_FAILURE;
            }
            figures.push_back(
                {directory.filePath(exportChartName(chart) + QLatin1Char('.') + ui::figureFormatName(format)),
                 std::move(bytes)});
        }
    }

    // On a write error, the files this run created are removed again; replaced ones were ours.
    QSet<QString> existedBefore;
    for (const QString& path : paths)
        if (QFileInfo::exists(path)) existedBefore.insert(path);
    const bool createdDirectory = !QFileInfo::exists(plan.directory);
    QStringList written;
    const auto fail = [&](const QString& message) {
        for (const QString& path : written)
            if (!existedBefore.contains(path)) QFile::remove(path);
        if (createdDirectory) QDir().rmdir(plan.directory);
        reportError(message);
        return EXIT_FAILURE;
    };
    if (createdDirectory && !QDir().mkdir(plan.directory))
        return fail(tr("Cannot create the directory %1.").arg(plan.directory));

    for (const Rendered& figure : figures) {
        if (auto error = ui::writeFileAtomically(figure.path, figure.bytes)) return fail(*error);
        written << figure.path;
    }
    if (plan.sweep) {
        for (const ExportChart& planned : plan.charts) {
            const FigureChart chart = std::get<FigureChart>(planned);
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
    print(output, written);
    return EXIT_SUCCESS;
}

int runExport(int& /*argc*/, char** argv, const ExportArguments& arguments)
{
    useOffscreenPlatformWithoutDisplay();
    keepOnlyCriticalQtMessages();
    // Only the program name: the options were read already, and Qt would take --style for itself.
    int qtArgc = 1;
    // QApplication rather than QGuiApplication: the figure uses the widget style's fonts and palette.
    const QApplication app(qtArgc, argv);
    return ExportCommand::run(arguments, stdout);
}

}  // namespace ax::app
