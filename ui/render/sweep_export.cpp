#include "ui/render/sweep_export.h"

#include "ui/model/curve_cache.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"
#include "ui/render/chart_painter.h"
#include "ui/render/gif_writer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QPalette>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace ax::ui {

namespace {

// This unit's strings, in one translation context of their own.
struct SweepExportText {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::SweepExport)
};

// A file-name-safe form of an id or parameter name.
QString slug(const QString& text)
{
    QString out;
    for (const QChar c : text)
        out += c.isLetterOrNumber() ? c.toLower() : QLatin1Char('_');
    return out;
}

QString cancelledMessage()
{
    return SweepExportText::tr("The animation export was cancelled.");
}

void prepareFrameState(const ExplorerState& state, const SweepAnimation& sweep, int frame, ExplorerState& out)
{
    // The sweep was validated against the same session, so the frame's cannot be refused.
    [[maybe_unused]] const auto copied = out.setSession(sweepFrameSession(state, sweep, frame));
}

// The swept activation leads the caption, so its changing value is easy to follow.
FigureOptions frameOptions(const ExplorerState& frameState, const SweepAnimation& sweep,
                           const FigureOptions& options)
{
    FigureOptions result = options;
    if (result.caption.isEmpty()) result.caption = figureCaption(frameState, sweep.id);
    return result;
}

FigureOptions heldAxes(const ExplorerState& state, const SweepAnimation& sweep, const FigureOptions& options)
{
    FigureOptions held = options;
    held.heldLimits = sweepHeldLimits(state, sweep);
    return held;
}

}  // namespace

std::array<std::optional<YLimits>, 3> sweepHeldLimits(const ExplorerState& state, const SweepAnimation& sweep)
{
    std::array<std::optional<YLimits>, 3> limits{};
    ExplorerState frameState;
    for (int frame = 0; frame < sweep.frames; ++frame) {
        prepareFrameState(state, sweep, frame, frameState);
        CurveCache curves;
        curves.refresh(frameState);
        const ChartPainter painter(frameState, curves, ChartRenderOptions::fromState(frameState, QPalette()));
        for (const Chart kind : {Chart::Function, Chart::Derivative, Chart::Second}) {
            // Fixed limits of the state already hold still.
            if (frameState.yAxisMode() == YAxisMode::Fixed && kind != Chart::Second) continue;
            const YLimits frameLimits = painter.autoLimits(kind);
            auto& slot = limits[panelIndex(kind)];
            slot = slot ? YLimits{std::min(slot->lo, frameLimits.lo), std::max(slot->hi, frameLimits.hi)}
                        : frameLimits;
        }
    }
    return limits;
}

double SweepAnimation::value(int frame) const noexcept
{
    if (frames <= 1 || frame <= 0) return from;
    if (frame >= frames - 1) return to;
    const double t = static_cast<double>(frame) / static_cast<double>(frames - 1);
    return from + (to - from) * t;
}

std::optional<QString> validateSweep(const ExplorerState& state, const SweepAnimation& sweep)
{
    const core::Activation* activation = state.activation(sweep.id);
    if (!activation) return SweepExportText::tr("Unknown activation %1 for the sweep.").arg(quoted(sweep.id));
    if (activation->parameters.empty())
        return SweepExportText::tr("%1 has no parameter to sweep.")
            .arg(QString::fromStdString(activation->name));
    if (sweep.parameterIndex < 0 || sweep.parameterIndex >= static_cast<int>(activation->parameters.size()))
        return SweepExportText::tr("%1 has no parameter number %2.")
            .arg(QString::fromStdString(activation->name))
            .arg(sweep.parameterIndex + 1);
    const core::Parameter& parameter = activation->parameters[static_cast<std::size_t>(sweep.parameterIndex)];
    const QString name = QString::fromStdString(parameter.name);
    for (const double end : {sweep.from, sweep.to}) {
        if (!parameter.accepts(end))
            return SweepExportText::tr("The sweep's end %1 is outside the domain %2 of %3.%4.")
                .arg(formatNumber(end), QString::fromStdString(parameter.domainText()), sweep.id, name);
    }
    // A rule tying the parameters together (RReLU's lower ≤ upper) holds over the whole sweep when
    // it holds at both ends, the other parameters staying put.
    for (const double end : {sweep.from, sweep.to}) {
        core::ParameterValues values = state.parameters(sweep.id);
        values[static_cast<std::size_t>(sweep.parameterIndex)] = end;
        if (const std::string conflict = core::parameterConflict(*activation, values); !conflict.empty())
            return SweepExportText::tr("At the sweep's end %1, %2.")
                .arg(formatNumber(end), QString::fromStdString(conflict));
    }
    if (sweep.from == sweep.to)
        return SweepExportText::tr("The sweep's two ends must differ (both are %1).")
            .arg(formatNumber(sweep.from));
    if (sweep.frames < SweepAnimation::kMinFrames || sweep.frames > SweepAnimation::kMaxFrames)
        return SweepExportText::tr("The frame count must be a whole number from %1 to %2.")
            .arg(SweepAnimation::kMinFrames)
            .arg(SweepAnimation::kMaxFrames);
    if (!std::isfinite(sweep.fps) || sweep.fps < SweepAnimation::kMinFps ||
        sweep.fps > SweepAnimation::kMaxFps)
        return SweepExportText::tr("The frame rate must be a number from %1 to %2 frames per second.")
            .arg(SweepAnimation::kMinFps)
            .arg(SweepAnimation::kMaxFps);
    return std::nullopt;
}

Session sweepFrameSession(const ExplorerState& state, const SweepAnimation& sweep, int frame)
{
    Session session = state.session();
    if (!session.enabled.contains(sweep.id)) session.enabled << sweep.id;
    core::ParameterValues values = session.parameters(sweep.id);
    values[static_cast<std::size_t>(sweep.parameterIndex)] = sweep.value(frame);
    session.parameterValues.insert(sweep.id, values);
    return session;
}

QString sweepBaseName(const ExplorerState& state, const SweepAnimation& sweep, Chart chart)
{
    QString parameter = QString::number(sweep.parameterIndex);
    if (const core::Activation* activation = state.activation(sweep.id);
        activation && sweep.parameterIndex >= 0 &&
        sweep.parameterIndex < static_cast<int>(activation->parameters.size()))
        parameter = QString::fromStdString(
            activation->parameters[static_cast<std::size_t>(sweep.parameterIndex)].name);
    QString base = QStringLiteral("sweep-%1-%2").arg(slug(sweep.id), slug(parameter));
    if (chart != Chart::Combined) base += QLatin1Char('-') + chartName(chart);
    return base;
}

QString sweepFramePath(const QString& directory, const QString& baseName, int frame)
{
    return QDir(directory).filePath(
        QStringLiteral("%1-%2.png").arg(baseName).arg(frame + 1, 4, 10, QLatin1Char('0')));
}

QImage renderSweepFrame(const ExplorerState& state, const SweepAnimation& sweep, const FigureOptions& options,
                        int frame)
{
    ExplorerState frameState;
    prepareFrameState(state, sweep, frame, frameState);
    return renderFigureImage(frameState, frameOptions(frameState, sweep, heldAxes(state, sweep, options)));
}

ChartLayout sweepFrameLayout(const ExplorerState& state, const SweepAnimation& sweep,
                             const FigureOptions& options, int frame)
{
    ExplorerState frameState;
    prepareFrameState(state, sweep, frame, frameState);
    return figureLayout(frameState, frameOptions(frameState, sweep, heldAxes(state, sweep, options)));
}

std::optional<QString> exportSweepGif(const ExplorerState& state, const SweepAnimation& sweep,
                                      const FigureOptions& options, const QString& path,
                                      const SweepProgress& progress)
{
    if (auto error = validateSweep(state, sweep)) return error;
    if (auto error = validateFigureOptions(options)) return error;
    const FigureOptions held = heldAxes(state, sweep, options);
    ExplorerState frameState;
    const auto frameImage = [&](int frame) {
        prepareFrameState(state, sweep, frame, frameState);
        // GIF has no partial transparency: frames are always drawn on their background.
        FigureOptions opaque = frameOptions(frameState, sweep, held);
        opaque.transparent = false;
        return renderFigureImage(frameState, opaque);
    };
    // One palette for all frames, so the background, hatching and curves keep their exact colours
    // and do not flicker from frame to frame: the frames are drawn once to count their colours.
    // Progress runs over both passes.
    QHash<QRgb, qint64> histogram;
    for (int frame = 0; frame < sweep.frames; ++frame) {
        countColours(frameImage(frame), histogram);
        if (progress && !progress(frame + 1, 2 * sweep.frames)) return cancelledMessage();
    }
    GifWriter writer(path, options.pixelSize(), sweep.fps);
    writer.setComment(exportMarkerText());
    writer.setPalette(gifPalette(histogram));
    for (int frame = 0; frame < sweep.frames; ++frame) {
        if (auto error = writer.addFrame(frameImage(frame))) return error;
        if (progress && !progress(sweep.frames + frame + 1, 2 * sweep.frames)) return cancelledMessage();
    }
    return writer.finish();
}

std::optional<QString> exportSweepPngSequence(const ExplorerState& state, const SweepAnimation& sweep,
                                              const FigureOptions& options, const QString& directory,
                                              const QString& baseName, QStringList* written,
                                              const SweepProgress& progress)
{
    if (auto error = validateSweep(state, sweep)) return error;
    if (auto error = validateFigureOptions(options)) return error;
    QStringList created;
    const auto undo = [&created](const QString& message) -> std::optional<QString> {
        for (const QString& file : created)
            QFile::remove(file);
        return message;
    };
    const FigureOptions held = heldAxes(state, sweep, options);
    ExplorerState frameState;
    for (int frame = 0; frame < sweep.frames; ++frame) {
        prepareFrameState(state, sweep, frame, frameState);
        const QString path = sweepFramePath(directory, baseName, frame);
        const bool existed = QFile::exists(path);
        const QImage image = renderFigureImage(frameState, frameOptions(frameState, sweep, held));
        QByteArray bytes;
        {
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "png");
        }
        if (auto error = writeFileAtomically(path, bytes)) return undo(*error);
        if (!existed) created << path;
        if (written) *written << path;
        if (progress && !progress(frame + 1, sweep.frames)) return undo(cancelledMessage());
    }
    return std::nullopt;
}

}  // namespace ax::ui
