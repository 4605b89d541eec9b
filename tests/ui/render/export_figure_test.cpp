// Exported figures: what a teacher pastes into slides and papers must have the right size, the
// curves' colours, real vector content and a caption that names the parameters.

#include "ui/model/activation_palette.h"
#include "ui/model/explorer_state.h"
#include "ui/render/chart_painter.h"
#include "ui/render/figure_export.h"

#include <QBuffer>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QMimeData>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

namespace {

using ax::ui::Chart;
using ax::ui::ExplorerState;
using ax::ui::FigureFormat;
using ax::ui::FigureOptions;

QImage decodePng(const QByteArray& bytes)
{
    QImage image;
    image.loadFromData(bytes, "png");
    return image;
}

// Pixels within a small distance of colour: antialiasing blends only the edges of a line.
int pixelsNear(const QImage& image, const QColor& colour, int tolerance = 12)
{
    const QImage rgb = image.convertToFormat(QImage::Format_ARGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            const QRgb p = line[x];
            if (qAlpha(p) > 200 && std::abs(qRed(p) - colour.red()) <= tolerance &&
                std::abs(qGreen(p) - colour.green()) <= tolerance &&
                std::abs(qBlue(p) - colour.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

FigureOptions smallOptions(Chart chart = Chart::Combined)
{
    FigureOptions options;
    options.chart = chart;
    options.size = QSizeF(960, 540);
    options.theme = ax::ui::Theme::Light;
    return options;
}

TEST(ExportFigure, PngHasTheRequestedSizeTimesScale)
{
    ExplorerState state;
    for (const double scale : {1.0, 2.0, 3.0}) {
        FigureOptions options = smallOptions();
        options.size = QSizeF(640, 360);
        options.scale = scale;
        const QImage image = decodePng(ax::ui::renderFigureBytes(state, options, FigureFormat::Png));
        ASSERT_FALSE(image.isNull());
        EXPECT_EQ(image.width(), static_cast<int>(640 * scale));
        EXPECT_EQ(image.height(), static_cast<int>(360 * scale));
    }
}

TEST(ExportFigure, PngShowsEveryEnabledActivationInItsColour)
{
    ExplorerState state;
    FigureOptions options = smallOptions();
    options.scale = 2.0;
    const QImage image = decodePng(ax::ui::renderFigureBytes(state, options, FigureFormat::Png));
    ASSERT_FALSE(image.isNull());
    ASSERT_FALSE(state.enabledIds().isEmpty());
    for (const QString& id : state.enabledIds()) {
        const QColor colour = ax::ui::activationColour(state.catalogIndex(id));
        EXPECT_GT(pixelsNear(image, colour), 30) << id.toStdString() << " is not visible in its colour";
    }
    // A disabled activation leaves no trace of its colour.
    const QString hidden = QStringLiteral("gaussian");
    ASSERT_FALSE(state.isEnabled(hidden));
    EXPECT_LT(pixelsNear(image, ax::ui::activationColour(state.catalogIndex(hidden)), 4), 10);
}

TEST(ExportFigure, FunctionChartShowsTheCurveWhereTheCoreSaysItIs)
{
    // Only ReLU, so a bright pixel of its colour must lie on the line y = max(0, z).
    ExplorerState state;
    state.setEnabledIds({QStringLiteral("relu")});
    FigureOptions options = smallOptions(Chart::Function);
    options.scale = 2.0;
    const QImage image = decodePng(ax::ui::renderFigureBytes(state, options, FigureFormat::Png));
    const QColor colour = ax::ui::activationColour(state.catalogIndex(QStringLiteral("relu")));
    // On the flat part (z < 0) the curve is a horizontal run of pixels in the curve's colour; on
    // the rising part it climbs: both rows of coloured pixels must exist.
    int flatRow = -1;
    int flatRunLongest = 0;
    const QImage rgb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        int run = 0;
        int longest = 0;
        for (int x = 0; x < rgb.width(); ++x) {
            const QColor p = QColor::fromRgb(rgb.pixel(x, y));
            const bool near = std::abs(p.red() - colour.red()) < 16 &&
                              std::abs(p.green() - colour.green()) < 16 &&
                              std::abs(p.blue() - colour.blue()) < 16;
            run = near ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        if (longest > flatRunLongest) {
            flatRunLongest = longest;
            flatRow = y;
        }
    }
    // The flat half spans about half the plot's width: far more than a legend swatch.
    EXPECT_GT(flatRunLongest, rgb.width() / 5) << "no horizontal stretch of ReLU for z < 0";
    // Above that row, towards the top right, the rising half has pixels of the colour.
    int rising = 0;
    for (int y = 0; y < flatRow - 10; ++y)
        for (int x = rgb.width() / 2; x < rgb.width(); ++x) {
            const QColor p = QColor::fromRgb(rgb.pixel(x, y));
            if (std::abs(p.red() - colour.red()) < 16 && std::abs(p.green() - colour.green()) < 16 &&
                std::abs(p.blue() - colour.blue()) < 16)
                ++rising;
        }
    EXPECT_GT(rising, 50) << "no rising half of ReLU for z > 0";
}

TEST(ExportFigure, PixelAtAKnownPointOfAKnownCurveHasItsColour)
{
    // Tanh alone on the f′ chart: at z = 0 its derivative is exactly 1.
    ExplorerState state;
    state.setEnabledIds({QStringLiteral("tanh")});
    FigureOptions options = smallOptions(Chart::Derivative);
    options.scale = 2.0;
    const QImage image = decodePng(ax::ui::renderFigureBytes(state, options, FigureFormat::Png));
    const ax::ui::ChartLayout layout = ax::ui::figureLayout(state, options);
    const ax::ui::ChartPanel* panel = layout.panel(ax::ui::Chart::Derivative);
    ASSERT_NE(panel, nullptr);
    const QColor colour = ax::ui::activationColour(state.catalogIndex(QStringLiteral("tanh")));
    const auto distance = [&](int x, int y) {
        const QColor p = QColor::fromRgb(image.pixel(x, y));
        return std::abs(p.red() - colour.red()) + std::abs(p.green() - colour.green()) +
               std::abs(p.blue() - colour.blue());
    };
    for (const double z : {0.0, 1.0, -2.0}) {
        const double slope = 1.0 - std::tanh(z) * std::tanh(z);
        const int x = static_cast<int>(std::lround(panel->mapping().xForZ(z) * options.scale));
        const int y = static_cast<int>(std::lround(panel->mapping().yForValue(slope) * options.scale));
        // The line is 1.5 layout pixels (3 image pixels) wide: its centre pixel or a neighbour is the colour.
        int best = 1000;
        for (int dy = -1; dy <= 1; ++dy)
            best = std::min(best, distance(x, y + dy));
        EXPECT_LT(best, 40) << "z = " << z << " at pixel " << x << "," << y;
    }
    // Far above the curve there is only background.
    const int x = static_cast<int>(std::lround(panel->mapping().xForZ(0.0) * options.scale));
    const int above = static_cast<int>(std::lround(panel->mapping().yForValue(0.5) * options.scale));
    EXPECT_GT(distance(x + 40, above), 100);
}

TEST(ExportFigure, TransparentBackgroundLeavesTheCornerClear)
{
    ExplorerState state;
    FigureOptions options = smallOptions();
    const QImage opaque = decodePng(ax::ui::renderFigureBytes(state, options, FigureFormat::Png));
    options.transparent = true;
    const QImage clear = decodePng(ax::ui::renderFigureBytes(state, options, FigureFormat::Png));
    ASSERT_FALSE(opaque.isNull());
    ASSERT_FALSE(clear.isNull());
    EXPECT_TRUE(clear.hasAlphaChannel());
    EXPECT_EQ(qAlpha(clear.pixel(clear.width() - 1, clear.height() - 1)), 0);
    EXPECT_EQ(qAlpha(opaque.pixel(opaque.width() - 1, opaque.height() - 1)), 255);
}

TEST(ExportFigure, SvgIsSmallVectorWithAPathPerCurveAndRealText)
{
    ExplorerState state;
    FigureOptions options;  // the default 1920×1080 figure
    options.chart = Chart::Combined;
    const QByteArray svg = ax::ui::renderFigureBytes(state, options, FigureFormat::Svg);
    ASSERT_FALSE(svg.isEmpty());
    EXPECT_LT(svg.size(), 300 * 1024) << "the SVG is " << svg.size() << " bytes";
    EXPECT_TRUE(QSvgRenderer(svg).isValid());
    QXmlStreamReader xml(svg);
    int paths = 0;
    int polylines = 0;
    int texts = 0;
    int images = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        paths += xml.name() == QLatin1String("path");
        // Straight lines (axes, ticks, grid) come as two-point polylines; a curve has many points.
        if (xml.name() == QLatin1String("polyline"))
            polylines += xml.attributes()
                             .value(QLatin1String("points"))
                             .split(QLatin1Char(' '), Qt::SkipEmptyParts)
                             .size() > 4;
        texts += xml.name() == QLatin1String("text");
        images += xml.name() == QLatin1String("image");
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    // f and f′ each draw one path per enabled activation.
    EXPECT_GE(paths, 2 * state.enabledIds().size());
    EXPECT_EQ(polylines, 0) << "curves are paths, not long point lists";
    EXPECT_GT(texts, 10) << "axis labels, title and legend must be text";
    EXPECT_EQ(images, 0) << "a vector figure must not embed a bitmap";
}

// A greyscale print of the story must still tell its curves apart: each has its own dash.
TEST(ExportFigure, PrintStyleGivesEveryShownCurveItsOwnDash)
{
    ExplorerState state;  // the story
    FigureOptions options = smallOptions(Chart::Function);
    options.style = ax::ui::ChartStyle::Print;
    const QByteArray svg = ax::ui::renderFigureBytes(state, options, FigureFormat::Svg);
    ASSERT_FALSE(svg.isEmpty());

    // Qt's SVG puts each pen on a group around what it draws; a curve is a group with a path in
    // the curve's colour.
    std::map<QString, std::set<QString>> dashesByColour;
    QXmlStreamReader xml(svg);
    QString stroke;
    QString dash;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("g")) {
            stroke = xml.attributes().value(QLatin1String("stroke")).toString().toLower();
            dash = xml.attributes().value(QLatin1String("stroke-dasharray")).toString();
        } else if (xml.name() == QLatin1String("path") && !stroke.isEmpty()) {
            dashesByColour[stroke].insert(dash.isEmpty() ? QStringLiteral("solid") : dash);
        }
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    std::set<QString> patterns;
    for (const QString& id : state.enabledIds()) {
        const QString colour = ax::ui::activationColour(state.session(), id).name().toLower();
        const auto found = dashesByColour.find(colour);
        ASSERT_NE(found, dashesByColour.end())
            << id.toStdString() << " has no curve in " << colour.toStdString();
        // The curve and its legend line share the pattern.
        EXPECT_EQ(found->second.size(), 1U) << id.toStdString();
        EXPECT_TRUE(patterns.insert(*found->second.begin()).second)
            << id.toStdString() << " repeats the dash " << found->second.begin()->toStdString();
    }
    EXPECT_EQ(patterns.size(), static_cast<std::size_t>(state.enabledIds().size()));
}

TEST(ExportFigure, PdfIsSmallVectorOnThePageSizeAsked)
{
    ExplorerState state;
    FigureOptions options;
    const QByteArray pdf = ax::ui::renderFigureBytes(state, options, FigureFormat::Pdf);
    ASSERT_TRUE(pdf.startsWith("%PDF-"));
    EXPECT_LT(pdf.size(), 300 * 1024) << "the PDF is " << pdf.size() << " bytes";
    EXPECT_FALSE(pdf.contains("/Subtype /Image")) << "a vector figure must not embed a bitmap";
    // 1920×1080 layout pixels at 96 per inch: 20 × 11.25 inches, 1440 × 810 points.
    const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
    const auto match = box.match(QString::fromLatin1(pdf));
    ASSERT_TRUE(match.hasMatch());
    EXPECT_NEAR(match.captured(1).toDouble(), 1440.0, 1.0);
    EXPECT_NEAR(match.captured(2).toDouble(), 810.0, 1.0);

    options.size = QSizeF(ax::ui::kA4WidthPx, ax::ui::kA4HeightPx);
    const auto a4 =
        box.match(QString::fromLatin1(ax::ui::renderFigureBytes(state, options, FigureFormat::Pdf)));
    ASSERT_TRUE(a4.hasMatch());
    EXPECT_NEAR(a4.captured(1).toDouble(), 841.89, 1.0);  // 297 mm
    EXPECT_NEAR(a4.captured(2).toDouble(), 595.28, 1.0);  // 210 mm
}

TEST(ExportFigure, CaptionNamesTheParameters)
{
    ExplorerState state;
    ASSERT_FALSE(state.setParameter(QStringLiteral("elu"), QStringLiteral("alpha"), 0.5));
    state.setEnabledIds({QStringLiteral("elu"), QStringLiteral("relu")});
    const QString caption = ax::ui::figureCaption(state);
    EXPECT_TRUE(caption.contains(QStringLiteral("ELU (α = 0.5)"))) << caption.toStdString();
    EXPECT_TRUE(caption.contains(QStringLiteral("ReLU")));

    const QByteArray svg = ax::ui::renderFigureBytes(state, smallOptions(), FigureFormat::Svg);
    EXPECT_TRUE(svg.contains(QStringLiteral("ELU (α = 0.5)").toUtf8()))
        << "the SVG's caption lacks the parameter";
    const QImage png = decodePng(ax::ui::renderFigureBytes(state, smallOptions(), FigureFormat::Png));
    EXPECT_TRUE(png.text(QStringLiteral("Title")).contains(QStringLiteral("ELU (α = 0.5)")));
}

TEST(ExportFigure, RefusesSizesAndScalesItCannotProduce)
{
    FigureOptions options;
    options.scale = 0.0;
    EXPECT_TRUE(ax::ui::validateFigureOptions(options));
    options.scale = 9.0;
    EXPECT_TRUE(ax::ui::validateFigureOptions(options));
    options.scale = 2.0;
    options.size = QSizeF(10000, 10000);
    EXPECT_TRUE(ax::ui::validateFigureOptions(options));
    options.size = QSizeF(20, 20);
    EXPECT_TRUE(ax::ui::validateFigureOptions(options));
    options.size = QSizeF(1920, 1080);
    EXPECT_FALSE(ax::ui::validateFigureOptions(options));
    options.scale = 0.0;
    EXPECT_TRUE(ax::ui::renderFigureBytes(ExplorerState(), options, FigureFormat::Png).isEmpty());
}

TEST(ExportFigure, OnlyItsOwnFilesCountAsExported)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ExplorerState state;
    for (const FigureFormat format : ax::ui::kFigureFormats) {
        const QString path = dir.filePath(QStringLiteral("ours.") + ax::ui::figureFormatName(format));
        ASSERT_FALSE(ax::ui::exportFigure(state, smallOptions(), format, path));
        EXPECT_TRUE(ax::ui::isExportedFile(path)) << path.toStdString();
    }
    // A picture from elsewhere, a text file with a picture's name, a directory: not ours.
    const QString foreignPng = dir.filePath(QStringLiteral("photo.png"));
    QImage photo(32, 32, QImage::Format_RGB32);
    photo.fill(Qt::red);
    ASSERT_TRUE(photo.save(foreignPng));
    EXPECT_FALSE(ax::ui::isExportedFile(foreignPng));
    QFile notes(dir.filePath(QStringLiteral("notes.svg")));
    ASSERT_TRUE(notes.open(QIODevice::WriteOnly));
    notes.write("<svg><desc>something else</desc></svg>");
    notes.close();
    EXPECT_FALSE(ax::ui::isExportedFile(notes.fileName()));
    EXPECT_FALSE(ax::ui::isExportedFile(dir.path()));
    EXPECT_FALSE(ax::ui::isExportedFile(dir.filePath(QStringLiteral("missing.pdf"))));
}

TEST(ExportFigure, ClipboardHoldsThePictureAsPngAndSvg)
{
    ExplorerState state;
    ax::ui::copyFigureToClipboard(state, smallOptions());
    const QMimeData* data = QGuiApplication::clipboard()->mimeData();
    ASSERT_NE(data, nullptr);
    EXPECT_TRUE(data->hasImage());
    EXPECT_TRUE(data->data(QStringLiteral("image/png")).startsWith("\x89PNG"));
    EXPECT_TRUE(QSvgRenderer(data->data(QStringLiteral("image/svg+xml"))).isValid());
}

}  // namespace
