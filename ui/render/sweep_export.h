#pragma once
// A parameter moving between two values (the play button's motion), exported as an animated GIF
// or a numbered PNG sequence; each frame's caption shows the parameter's value.

#include "ui/model/session.h"
#include "ui/render/figure_export.h"

#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

namespace ax::ui {

class ExplorerState;

// One parameter of one activation swept from one value to another in a number of frames.
struct SweepAnimation {
    static constexpr int kMinFrames = 2;  // the first and the last frame show the sweep's ends
    static constexpr int kMaxFrames = 1000;
    static constexpr double kMinFps = 1.0;
    static constexpr double kMaxFps = 50.0;  // GIF delays are whole hundredths of a second, at least 2

    QString id;
    int parameterIndex = 0;
    double from = 0.0;
    double to = 1.0;
    int frames = 60;
    double fps = 15.0;

    // The parameter's value in frame (0-based): evenly spaced, exactly from and to at the ends.
    [[nodiscard]] double value(int frame) const noexcept;
};

// Reports progress after each frame; returning false cancels the export.
using SweepProgress = std::function<bool(int framesDone, int framesTotal)>;

// Checks the activation, parameter, both ends (inside the parameter's domain, different), frame
// count and frame rate; returns the message when the sweep cannot be exported.
[[nodiscard]] std::optional<QString> validateSweep(const ExplorerState& state, const SweepAnimation& sweep);

// The y limits of f, f′ and f″ that hold every frame of the sweep: each chart's auto-fit limits
// over all frames united (none where the state fixes them), computed before the first frame so the
// axes stay still while the curve moves, in an export and in the window.
[[nodiscard]] std::array<std::optional<YLimits>, 3> sweepHeldLimits(const ExplorerState& state,
                                                                    const SweepAnimation& sweep);

// "sweep-elu-alpha" for the combined figure, "sweep-elu-alpha-function" for one chart.
[[nodiscard]] QString sweepBaseName(const ExplorerState& state, const SweepAnimation& sweep, Chart chart);
// directory/base-0001.png: frames are numbered from 1 with at least four digits.
[[nodiscard]] QString sweepFramePath(const QString& directory, const QString& baseName, int frame);

// The figure of one frame: the state with the swept parameter at its value for that frame, and
// that activation enabled, on the axes held for the whole sweep (each chart's y limits cover every
// frame, so the axes do not jump while the curve moves).
// The session of one frame: a copy of the state's with the swept parameter set and its activation
// shown; custom activations are shared with the state's, not rebuilt. The sweep must be valid.
[[nodiscard]] Session sweepFrameSession(const ExplorerState& state, const SweepAnimation& sweep, int frame);
[[nodiscard]] QImage renderSweepFrame(const ExplorerState& state, const SweepAnimation& sweep,
                                      const FigureOptions& options, int frame);

// Where the charts of that frame lie and the y limits they show (see figureLayout).
[[nodiscard]] ChartLayout sweepFrameLayout(const ExplorerState& state, const SweepAnimation& sweep,
                                           const FigureOptions& options, int frame);

// Writes the animated GIF atomically; returns the error message (nothing is written on error or
// cancel).
[[nodiscard]] std::optional<QString> exportSweepGif(const ExplorerState& state, const SweepAnimation& sweep,
                                                    const FigureOptions& options, const QString& path,
                                                    const SweepProgress& progress = {});

// Writes every frame as directory/base-NNNN.png, each through QSaveFile, and appends the paths to
// written. On error or cancel the frames this call created are removed again.
[[nodiscard]] std::optional<QString> exportSweepPngSequence(const ExplorerState& state,
                                                            const SweepAnimation& sweep,
                                                            const FigureOptions& options,
                                                            const QString& directory, const QString& baseName,
                                                            QStringList* written = nullptr,
                                                            const SweepProgress& progress = {});

}  // namespace ax::ui
