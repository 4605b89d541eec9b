#pragma once
// Renders the charts of a state as PNG, SVG or PDF through the same paint routine the window uses,
// and writes them so that a half-written or foreign file is never left behind or overwritten.

#include "ui/model/atomic_file.h"
#include "ui/model/explorer_state.h"
#include "ui/render/chart_painter.h"

#include <QByteArray>
#include <QImage>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <optional>

class QMimeData;
class QPainter;
class QPalette;
class QRectF;

namespace ax::ui {

enum class FigureFormat { Png, Svg, Pdf };

inline constexpr std::array kFigureFormats{FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf};

// The layout size is in CSS pixels (1/96 inch), the unit fonts and line widths are chosen in.
inline constexpr double kLayoutDpi = 96.0;
// A4 landscape, in layout pixels: 297 mm × 210 mm.
inline constexpr double kA4WidthPx = 297.0 / 25.4 * kLayoutDpi;
inline constexpr double kA4HeightPx = 210.0 / 25.4 * kLayoutDpi;
// The largest raster side an export produces, so a typo in a size cannot exhaust memory.
inline constexpr int kMaxRasterSide = 16384;
inline constexpr double kMinScale = 0.25;
inline constexpr double kMaxScale = 8.0;
// The A4 preset's pixels per layout pixel (300 dpi over 96): it multiplies the user's scale.
inline constexpr double kPrintDensity = 300.0 / kLayoutDpi;
// The user's scale times the densest preset; beyond the scale's own limits only the pixel size
// (kMaxRasterSide) decides whether a figure can be made.
inline constexpr double kMinPixelScale = kMinScale;
inline constexpr double kMaxPixelScale = kMaxScale * kPrintDensity;

// The text every exported file carries, so a later export knows which files it may replace.
inline constexpr const char* kExportMarker = "Activation Explorer";
// The marker with the version, as written into PNG text, SVG description, PDF creator and GIF comment.
[[nodiscard]] QString exportMarkerText();

// Stable names used on the command line and in file names: "png", "svg", "pdf" (the charts' own
// are in ui/model/charts.h).
[[nodiscard]] QString figureChartTitle(Chart chart);  // translated, for dialogs
[[nodiscard]] QString figureFormatName(FigureFormat format);
[[nodiscard]] std::optional<FigureFormat> figureFormatFromName(const QString& name);

// What one exported figure shows and how large it is.
struct FigureOptions {
    Chart chart = Chart::Combined;
    QSizeF size{1920.0, 1080.0};  // layout pixels; also the SVG's size and (at 96 dpi) the PDF page
    double scale = 1.0;           // raster pixels per layout pixel (PNG and clipboard image only)
    bool transparent = false;     // PNG and SVG: no background fill
    ChartStyle style = ChartStyle::Screen;
    Theme theme = Theme::Light;  // System follows the application's palette
    QString caption;             // replaces the automatic caption when not empty
    // y limits of f, f′ and f″ (by Chart) kept whatever the state shows: an animation's frames
    // share their axes.
    std::array<std::optional<YLimits>, 3> heldLimits{};

    // Pixel size of the raster output: size × scale, rounded.
    [[nodiscard]] QSize pixelSize() const;
};

// Checks the size and scale: returns the message when the figure cannot be produced.
[[nodiscard]] std::optional<QString> validateFigureOptions(const FigureOptions& options);

// The caption under the title: every enabled activation with its parameters, e.g.
// "ELU (α = 0.5) · ReLU", and the input range; leadingId (when enabled) comes first.
[[nodiscard]] QString figureCaption(const ExplorerState& state, const QString& leadingId = {});

// Paints the whole figure (background, title, caption, charts, legend) into target.
void paintFigure(QPainter& painter, const QRectF& target, const ExplorerState& state,
                 const FigureOptions& options);
// Where the charts of the figure lie (plots, axis limits, legend), in layout pixels: tells where a
// value of a curve appears in the exported picture.
[[nodiscard]] ChartLayout figureLayout(const ExplorerState& state, const FigureOptions& options);

[[nodiscard]] QImage renderFigureImage(const ExplorerState& state, const FigureOptions& options);
// The encoded file content; empty when the options are invalid.
[[nodiscard]] QByteArray renderFigureBytes(const ExplorerState& state, const FigureOptions& options,
                                           FigureFormat format);

// Paints a whole figure of any kind into target, given in layout pixels.
using FigurePaint = std::function<void(QPainter&, const QRectF&)>;

// As renderFigureBytes for a figure painted by paint (e.g. a depth-lab chart): the same sizes,
// resolution and export marker, with title in the file's metadata. Empty when the options are invalid.
[[nodiscard]] QByteArray renderPaintedFigureBytes(const FigurePaint& paint, const QString& title,
                                                  const FigureOptions& options, FigureFormat format);

// The colours a figure is drawn in: the options' theme, or light for print.
[[nodiscard]] QPalette figurePalette(const FigureOptions& options);
// Text and lines grow with the figure beyond the window's size, so a poster is as legible as a slide.
[[nodiscard]] double figureUnit(const QRectF& target);

// Renders and writes one figure; returns the error message on failure.
[[nodiscard]] std::optional<QString> exportFigure(const ExplorerState& state, const FigureOptions& options,
                                                  FigureFormat format, const QString& path);

// True when path is a PNG, SVG, PDF or GIF that an export of this program wrote (it carries the
// marker in its metadata): only those are replaced without asking.
[[nodiscard]] bool isExportedFile(const QString& path);

// The temporary files beside path that an export writing path left behind when it was killed
// before renaming them ("function.png.anauiO"), and that carry the export's marker.
[[nodiscard]] QStringList exportLeftovers(const QString& path);

// The figure as clipboard data: a PNG image and the SVG.
[[nodiscard]] QMimeData* figureMimeData(const ExplorerState& state, const FigureOptions& options);
void copyFigureToClipboard(const ExplorerState& state, const FigureOptions& options);

}  // namespace ax::ui
