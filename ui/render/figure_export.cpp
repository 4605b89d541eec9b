#include "ui/render/figure_export.h"

#include "ui/render/chart_painter.h"
#include "ui/render/theme_palette.h"

#include <QBuffer>
#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImageReader>
#include <QImageWriter>
#include <QMimeData>
#include <QPageLayout>
#include <QPageSize>
#include <QPaintEngine>
#include <QPainter>
#include <QPalette>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace ax::ui {

namespace {

constexpr double kExportCurveWidth = 1.5;
constexpr double kVectorTolerance = 0.1;

// This unit's strings, in one translation context of their own.
struct FigureExportText {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::FigureExport)
};

// The SVG generator of Qt 6.4 copies title and description into the XML unescaped.
QString xmlEscaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString documentTitle(const ExplorerState& state, const FigureOptions& options)
{
    return QStringLiteral("%1: %2").arg(figureChartTitle(options.chart),
                                        options.caption.isEmpty() ? figureCaption(state) : options.caption);
}

// Fonts are sized in layout pixels, so the figure looks the same at every scale and on every device.
QFont figureFont(double pixelSize, bool bold = false)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(pixelSize))));
    font.setBold(bold);
    return font;
}

// The presentation style sizes text and lines by the picture's height, as the window does.
double styledUnit(const QRectF& target, const FigureOptions& options)
{
    const double unit = figureUnit(target);
    return options.style == ChartStyle::Presentation
               ? std::max(unit, ChartPainter::presentationUnit(target.height()))
               : unit;
}

QFont titleFont(double unit, bool print)
{
    return figureFont((print ? 20.0 : 17.0) * unit, true);
}

// Where the title goes: a single chart carries its own title above its plot, so only the
// combined figure gets one over all; empty when there is none.
QRectF titleRect(const QRectF& target, const FigureOptions& options, double unit)
{
    if (options.chart != Chart::Combined) return {};
    const double margin = 8.0 * unit;
    const QFontMetricsF metrics(titleFont(unit, options.style == ChartStyle::Print));
    return metrics.boundingRect(target.adjusted(margin, margin, -margin, 0),
                                Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                                figureChartTitle(options.chart));
}

QRectF chartsRect(const QRectF& target, const FigureOptions& options, double unit)
{
    const QRectF title = titleRect(target, options, unit);
    return title.isNull() ? target : target.adjusted(0, title.bottom() - target.top(), 0, 0);
}

ChartRenderOptions chartOptions(const ExplorerState& state, const FigureOptions& options, double unit,
                                bool vector)
{
    ChartRenderOptions chart = ChartRenderOptions::fromState(state, figurePalette(options));
    chart.style = options.style;
    chart.unit = unit;
    chart.caption = options.caption.isEmpty() ? figureCaption(state) : options.caption;
    // Slides and papers are read from afar: curves thicker than the window's hairlines.
    chart.curveWidth = kExportCurveWidth;
    // A tenth of a pixel is invisible; dropping what lies within it keeps SVG and PDF small.
    if (vector) chart.simplifyTolerance = kVectorTolerance;
    // The background (or its absence) is already painted under the title.
    chart.fillBackground = false;
    // A hover highlight is a moment of the window, not part of the figure: every curve at full strength.
    chart.highlightedId.clear();
    const bool combined = options.chart == Chart::Combined;
    chart.showFunction = combined || options.chart == Chart::Function;
    chart.showDerivative = combined || options.chart == Chart::Derivative;
    chart.showSecond = options.chart == Chart::Second || (combined && state.showSecondDerivative());
    chart.showSaturation = combined || options.chart == Chart::Saturation;
    chart.heldLimits = options.heldLimits;
    return chart;
}

QByteArray encodePng(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    writer.write(image);
    return bytes;
}

QImage paintedImage(const FigurePaint& paint, const QString& title, const FigureOptions& options)
{
    if (validateFigureOptions(options)) return {};
    QImage image(options.pixelSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    image.setDevicePixelRatio(options.scale);
    const int dotsPerMeter = static_cast<int>(std::lround(kLayoutDpi * options.scale / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    {
        QPainter painter(&image);
        paint(painter, QRectF(QPointF(0, 0), options.size));
    }
    image.setText(QStringLiteral("Software"), exportMarkerText());
    image.setText(QStringLiteral("Title"), title);
    return image;
}

QByteArray renderSvg(const FigurePaint& paint, const QString& title, const FigureOptions& options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setResolution(static_cast<int>(kLayoutDpi));
    generator.setSize(options.size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), options.size));
    generator.setTitle(xmlEscaped(title));
    generator.setDescription(xmlEscaped(QStringLiteral("%1 figure").arg(exportMarkerText())));
    QPainter painter(&generator);
    paint(painter, QRectF(QPointF(0, 0), options.size));
    painter.end();
    return bytes;
}

QByteArray renderPdf(const FigurePaint& paint, const QString& title, const FigureOptions& options)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setCreator(exportMarkerText());
    writer.setTitle(title);
    // One layout pixel is 1/96 inch, so a 1920×1080 figure fills a 20 × 11.25 inch page and the
    // A4 preset fills an A4 page exactly.
    writer.setResolution(static_cast<int>(kLayoutDpi));
    const QPageSize page(QSizeF(options.size.width() / kLayoutDpi, options.size.height() / kLayoutDpi),
                         QPageSize::Inch, QString(), QPageSize::ExactMatch);
    writer.setPageLayout(QPageLayout(page, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter painter(&writer);
    const QRectF target = painter.viewport();
    painter.setWindow(QRect(QPoint(0, 0), options.size.toSize()));
    painter.setViewport(target.toRect());
    paint(painter, QRectF(QPointF(0, 0), options.size));
    painter.end();
    return bytes;
}

FigurePaint statePaint(const ExplorerState& state, const FigureOptions& options)
{
    return [&state, &options](QPainter& painter, const QRectF& target) {
        paintFigure(painter, target, state, options);
    };
}

bool hasPngMarker(const QString& path)
{
    QImageReader reader(path, "png");
    return reader.canRead() &&
           reader.text(QStringLiteral("Software")).startsWith(QLatin1String(kExportMarker));
}

QByteArray head(const QString& path, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.read(length);
}

bool hasSvgMarker(const QString& path)
{
    const QByteArray bytes = head(path, 4096);
    return bytes.contains("<svg") && bytes.contains(QByteArray("<desc>") + kExportMarker);
}

bool hasPdfMarker(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.read(5).startsWith("%PDF-")) return false;
    // Qt writes the document information as UTF-16 with a byte-order mark near the file's end.
    QByteArray needle("/Creator (\xfe\xff");
    for (const char c : QByteArray(kExportMarker)) {
        needle.append('\0');
        needle.append(c);
    }
    const qint64 tail = std::min<qint64>(file.size(), qint64{64} * 1024);
    file.seek(file.size() - tail);
    return file.read(tail).contains(needle);
}

bool hasGifMarker(const QString& path)
{
    // The comment extension (0x21 0xFE, then the block length) sits before the first frame.
    const QByteArray bytes = head(path, 1024);
    const QByteArray marker(kExportMarker);
    return bytes.startsWith("GIF89a") &&
           bytes.contains(QByteArray("\x21\xfe") + char(exportMarkerText().toUtf8().size()) + marker);
}

}  // namespace

QString figureChartTitle(Chart chart)
{
    switch (chart) {
        case Chart::Function:
            return FigureExportText::tr("Function f(z)");
        case Chart::Derivative:
            return FigureExportText::tr("Derivative f′(z)");
        case Chart::Second:
            return FigureExportText::tr("Second derivative f″(z)");
        case Chart::Saturation:
            return FigureExportText::tr("Saturation regions");
        default:  // the combined figure
            break;
    }
    return FigureExportText::tr("Activation functions");
}

QString figureFormatName(FigureFormat format)
{
    switch (format) {
        case FigureFormat::Png:
            return QStringLiteral("png");
        case FigureFormat::Svg:
            return QStringLiteral("svg");
        case FigureFormat::Pdf:
            break;
    }
    return QStringLiteral("pdf");
}

std::optional<FigureFormat> figureFormatFromName(const QString& name)
{
    for (const FigureFormat format : kFigureFormats)
        if (figureFormatName(format) == name) return format;
    return std::nullopt;
}

QSize FigureOptions::pixelSize() const
{
    return QSize(static_cast<int>(std::lround(size.width() * scale)),
                 static_cast<int>(std::lround(size.height() * scale)));
}

std::optional<QString> validateFigureOptions(const FigureOptions& options)
{
    if (!std::isfinite(options.scale) || options.scale < kMinPixelScale || options.scale > kMaxPixelScale)
        return FigureExportText::tr("The scale must be a number from %1 to %2.")
            .arg(kMinScale)
            .arg(kMaxScale);
    const double w = options.size.width();
    const double h = options.size.height();
    if (!std::isfinite(w) || !std::isfinite(h) || w < 1.0 || h < 1.0)
        return FigureExportText::tr("The figure size must be at least 1×1 pixels.");
    // Below this the axes, labels and legend no longer fit and the figure would be unreadable.
    if (w < 160.0 || h < 120.0)
        return FigureExportText::tr("A figure must be at least 160×120 pixels to hold its axes and labels.");
    const QSize pixels = options.pixelSize();
    if (w * options.scale > kMaxRasterSide || h * options.scale > kMaxRasterSide)
        return FigureExportText::tr(
                   "The figure would be %1×%2 pixels; each side can be at most %3 (lower the size or the "
                   "scale).")
            .arg(std::lround(w * options.scale))
            .arg(std::lround(h * options.scale))
            .arg(kMaxRasterSide);
    if (pixels.width() < 1 || pixels.height() < 1)
        return FigureExportText::tr("The figure would have no pixels.");
    return std::nullopt;
}

QString figureCaption(const ExplorerState& state, const QString& leadingId)
{
    QStringList parts;
    if (!leadingId.isEmpty() && state.isEnabled(leadingId)) parts << state.caption(leadingId);
    for (const QString& id : state.enabledIds())
        if (id != leadingId) parts << state.caption(id);
    const QString range =
        FigureExportText::tr("z from %1 to %2").arg(formatNumber(state.zMin()), formatNumber(state.zMax()));
    if (parts.isEmpty()) return FigureExportText::tr("No activation shown · %1").arg(range);
    return QStringLiteral("%1 · %2").arg(parts.join(QStringLiteral(" · ")), range);
}

void paintFigure(QPainter& painter, const QRectF& target, const ExplorerState& state,
                 const FigureOptions& options)
{
    painter.save();
    const QPalette palette = figurePalette(options);
    const bool print = options.style == ChartStyle::Print;
    if (!options.transparent)
        painter.fillRect(target, print ? QColor(Qt::white) : palette.color(QPalette::Base));
    const double unit = styledUnit(target, options);
    if (const QRectF title = titleRect(target, options, unit); !title.isNull()) {
        painter.setPen(print ? QColor(Qt::black) : palette.color(QPalette::Text));
        painter.setFont(titleFont(unit, print));
        painter.drawText(title, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                         figureChartTitle(options.chart));
    }
    const QPaintEngine* engine = painter.paintEngine();
    const bool vector =
        engine && (engine->type() == QPaintEngine::SVG || engine->type() == QPaintEngine::Pdf);
    ChartPainter::render(painter, chartsRect(target, options, unit), state,
                         chartOptions(state, options, unit, vector));
    painter.restore();
}

ChartLayout figureLayout(const ExplorerState& state, const FigureOptions& options)
{
    const QRectF target(QPointF(0, 0), options.size);
    const double unit = styledUnit(target, options);
    CurveCache curves;
    curves.refresh(state);
    return ChartPainter(state, curves, chartOptions(state, options, unit, false))
        .layout(chartsRect(target, options, unit));
}

QString exportMarkerText()
{
    return QStringLiteral("%1 %2").arg(QLatin1String(kExportMarker), QStringLiteral(AX_VERSION));
}

QImage renderFigureImage(const ExplorerState& state, const FigureOptions& options)
{
    return paintedImage(statePaint(state, options), documentTitle(state, options), options);
}

QByteArray renderFigureBytes(const ExplorerState& state, const FigureOptions& options, FigureFormat format)
{
    return renderPaintedFigureBytes(statePaint(state, options), documentTitle(state, options), options,
                                    format);
}

QByteArray renderPaintedFigureBytes(const FigurePaint& paint, const QString& title,
                                    const FigureOptions& options, FigureFormat format)
{
    if (validateFigureOptions(options)) return {};
    switch (format) {
        case FigureFormat::Png:
            return encodePng(paintedImage(paint, title, options));
        case FigureFormat::Svg:
            return renderSvg(paint, title, options);
        case FigureFormat::Pdf:
            break;
    }
    return renderPdf(paint, title, options);
}

QPalette figurePalette(const FigureOptions& options)
{
    if (options.style == ChartStyle::Print) return lightPalette();
    switch (options.theme) {
        case Theme::Light:
            return lightPalette();
        case Theme::Dark:
            return darkPalette();
        case Theme::System:
            break;
    }
    return systemPalette();
}

// Text and lines grow with the figure beyond the window's size, so a poster is as legible as a slide.
double figureUnit(const QRectF& target)
{
    return std::clamp(std::min(target.width() / 1280.0, target.height() / 720.0), 0.75, 2.5);
}

std::optional<QString> exportFigure(const ExplorerState& state, const FigureOptions& options,
                                    FigureFormat format, const QString& path)
{
    if (auto error = validateFigureOptions(options)) return error;
    const QByteArray bytes = renderFigureBytes(state, options, format);
    if (bytes.isEmpty()) return FigureExportText::tr("The figure could not be rendered.");
    return writeFileAtomically(path, bytes);
}

namespace {

// Whether the file at path is one an export wrote as the format named by suffix.
bool hasExportMarker(const QString& path, const QString& suffix)
{
    if (suffix == QLatin1String("png")) return hasPngMarker(path);
    if (suffix == QLatin1String("svg")) return hasSvgMarker(path);
    if (suffix == QLatin1String("pdf")) return hasPdfMarker(path);
    if (suffix == QLatin1String("gif")) return hasGifMarker(path);
    return false;
}

}  // namespace

bool isExportedFile(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile()) return false;
    return hasExportMarker(path, info.suffix().toLower());
}

QStringList exportLeftovers(const QString& path)
{
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    QStringList found;
    // QSaveFile writes into "NAME.XXXXXX" beside the file and renames it when done.
    const QFileInfoList candidates = info.dir().entryInfoList({info.fileName() + QStringLiteral(".??????")},
                                                              QDir::Files | QDir::Hidden | QDir::System);
    for (const QFileInfo& candidate : candidates) {
        if (candidate.isSymLink() || !candidate.isFile()) continue;
        if (hasExportMarker(candidate.filePath(), suffix)) found << candidate.filePath();
    }
    return found;
}

QMimeData* figureMimeData(const ExplorerState& state, const FigureOptions& options)
{
    auto* data = new QMimeData;
    const QImage image = renderFigureImage(state, options);
    data->setImageData(image);
    data->setData(QStringLiteral("image/png"), encodePng(image));
    data->setData(QStringLiteral("image/svg+xml"),
                  renderSvg(statePaint(state, options), documentTitle(state, options), options));
    return data;
}

void copyFigureToClipboard(const ExplorerState& state, const FigureOptions& options)
{
    if (validateFigureOptions(options)) return;
    QGuiApplication::clipboard()->setMimeData(figureMimeData(state, options));
}

}  // namespace ax::ui
