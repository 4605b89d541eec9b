// The depth lab's charts as the render layer draws them from the model, for the window and for
// every export: what each chart holds, and that one routine paints it on any device.

#include "ui/render/depth_chart_painter.h"

#include "ui/model/activation_palette.h"
#include "ui/model/depth_lab_model.h"
#include "ui/model/explorer_state.h"
#include "ui/render/depth_chart_export.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>
#include <QSvgGenerator>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace ax::ui {
namespace {

const QString kRelu = QStringLiteral("relu");

TEST(DepthChartPainterTest, EachEmptyChartAsksForWhatItShows)
{
    ExplorerState state;
    state.setEnabledIds({});
    DepthLabModel model(state);
    model.completeTheory();
    const auto empty = [&model](Chart chart) { return depthChartContent(model, chart).emptyText; };
    EXPECT_TRUE(empty(Chart::DepthVariance).contains(QStringLiteral("variance")));
    EXPECT_TRUE(empty(Chart::DepthGradient).contains(QStringLiteral("gradient")));
    EXPECT_FALSE(empty(Chart::DepthGradient).contains(QStringLiteral("variance")));
    EXPECT_TRUE(empty(Chart::DepthDead).contains(QStringLiteral("units die")));
    EXPECT_FALSE(empty(Chart::DepthDead).contains(QStringLiteral("variance")));
    for (const Chart chart : {Chart::DepthVariance, Chart::DepthGradient, Chart::DepthDead})
        EXPECT_TRUE(depthChartContent(model, chart).series.empty());
}

TEST(DepthChartPainterTest, TheChartsHoldTheModelsTheoryAndSimulationInTheActivationsColours)
{
    ExplorerState state;
    state.setEnabledIds({kRelu, QStringLiteral("selu")});
    DepthLabNetwork lab = state.depthLab();
    lab.depth = 5;
    lab.width = 64;
    ASSERT_FALSE(state.setDepthLab(lab).has_value());
    DepthLabModel model(state);
    model.completeTheory();
    const std::vector<core::TheoryLayer>& theory = *model.theory(kRelu);
    const DepthChartContent variance = depthChartContent(model, Chart::DepthVariance);
    ASSERT_EQ(variance.series.size(), 2u);
    const DepthSeries& relu = variance.series.front();
    EXPECT_EQ(relu.label, QStringLiteral("ReLU"));
    EXPECT_EQ(relu.colour, activationColour(state.catalogIndex(kRelu)));
    ASSERT_EQ(relu.line.size(), theory.size());
    for (std::size_t l = 0; l < theory.size(); ++l) {
        EXPECT_EQ(relu.line[l].x(), static_cast<double>(l));
        EXPECT_EQ(relu.line[l].y(), theory[l].variance);
    }
    EXPECT_TRUE(relu.dots.empty()) << "no simulation yet";
    const DepthChartContent gradient = depthChartContent(model, Chart::DepthGradient);
    EXPECT_NEAR(gradient.series.front().line.back().y(), std::pow(10.0, theory.back().log10GradientNorm),
                1e-12);
    const DepthChartContent dead = depthChartContent(model, Chart::DepthDead);
    ASSERT_EQ(dead.series.size(), 2u);
    EXPECT_EQ(dead.series.front().line.back().y(), theory.back().deadFraction);
    const DepthChartContent phase = depthChartContent(model, Chart::SeluPhase);
    EXPECT_FALSE(phase.arrows.empty());
    ASSERT_EQ(phase.markers.size(), 1u) << "SELU's fixed point";
    EXPECT_NEAR(phase.markers.front().y(), model.phasePlane().fixedPoint->point.variance, 1e-12);
}

TEST(DepthChartPainterTest, OneRoutinePaintsTheSameChartOnAnImageAndAsVectorGraphics)
{
    ExplorerState state;
    state.setEnabledIds({kRelu, QStringLiteral("sigmoid")});
    DepthLabModel model(state);
    model.completeTheory();
    const DepthChartContent content = depthChartContent(model, Chart::DepthVariance);
    QImage first(640, 400, QImage::Format_ARGB32);
    QImage second(640, 400, QImage::Format_ARGB32);
    std::vector<DrawnDepthLine> drawn;
    for (QImage* image : {&first, &second}) {
        image->fill(Qt::transparent);
        QPainter painter(image);
        paintDepthChart(painter, QRectF(0, 0, 640, 400), content, QGuiApplication::palette(), &drawn);
    }
    EXPECT_EQ(first, second);
    ASSERT_EQ(drawn.size(), 2u) << "each named line is reported as drawn";
    QSet<QRgb> colours;
    for (int y = 0; y < first.height(); y += 2)
        for (int x = 0; x < first.width(); x += 2)
            colours.insert(first.pixel(x, y));
    EXPECT_GT(colours.size(), 20);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(800, 500));
        svg.setViewBox(QRect(0, 0, 800, 500));
        QPainter painter(&svg);
        paintDepthChart(painter, QRectF(0, 0, 800, 500), content, QGuiApplication::palette());
    }
    EXPECT_TRUE(buffer.data().contains("<path"));
    EXPECT_TRUE(buffer.data().contains(content.title.toUtf8()));
}

TEST(DepthChartPainterTest, AnExportedChartNamesItsCurvesAndCarriesItsReading)
{
    ExplorerState state;
    state.setEnabledIds({kRelu});
    DepthLabModel model(state);
    model.completeTheory();
    FigureOptions options;
    const QString svg =
        QString::fromUtf8(renderDepthChartBytes(model, Chart::DepthGradient, options, FigureFormat::Svg));
    ASSERT_FALSE(svg.isEmpty());
    EXPECT_TRUE(svg.contains(QStringLiteral("Gradient norm"))) << "its title";
    EXPECT_TRUE(svg.contains(QStringLiteral("ReLU"))) << "a figure stands alone: its legend names the curve";
    const QString reading = model.reading(Chart::DepthGradient);
    ASSERT_FALSE(reading.isEmpty());
    EXPECT_TRUE(svg.contains(reading.left(reading.indexOf(QLatin1Char(' '))).toHtmlEscaped()));
}

// The numbers a chart writes as text (its tick labels), read from the chart drawn as SVG.
QList<double> numbersWritten(const DepthChartContent& content)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(900, 400));
        svg.setViewBox(QRect(0, 0, 900, 400));
        QPainter painter(&svg);
        paintDepthChart(painter, QRectF(0, 0, 900, 400), content, QGuiApplication::palette());
    }
    QList<double> numbers;
    const QRegularExpression text(QStringLiteral(">([^<>]*)</text>"));
    for (const QRegularExpressionMatch& m : text.globalMatch(QString::fromUtf8(buffer.data()))) {
        QString label = m.captured(1).trimmed();
        label.replace(QChar(0x2212), QLatin1Char('-'));
        bool ok = false;
        const double value = label.toDouble(&ok);
        if (ok) numbers << value;
    }
    return numbers;
}

TEST(DepthChartPainterTest, ALayerAxisIsMarkedAtWholeLayersOnly)
{
    ExplorerState state;
    state.setEnabledIds({kRelu});
    DepthLabNetwork lab = state.depthLab();
    lab.depth = 1;
    ASSERT_FALSE(state.setDepthLab(lab).has_value());
    DepthLabModel model(state);
    model.completeTheory();
    // The gradient's axis is logarithmic: its labels are powers of ten, so every plain number
    // written is a layer.
    DepthChartContent content = depthChartContent(model, Chart::DepthGradient);
    ASSERT_EQ(content.yScale, DepthScale::Log);
    EXPECT_TRUE(content.xWholeNumbers);
    const QList<double> layers = numbersWritten(content);
    QStringList written;
    for (const double layer : layers)
        written << QString::number(layer);
    EXPECT_TRUE(layers.contains(0.0) && layers.contains(1.0)) << written.join(QLatin1Char(' ')).toStdString();
    for (const double layer : layers)
        EXPECT_EQ(layer, std::round(layer)) << "a tick at layer " << layer;
    // One layer on a chart this wide would be marked at fractions of it without the request.
    content.xWholeNumbers = false;
    const QList<double> any = numbersWritten(content);
    EXPECT_TRUE(std::any_of(any.begin(), any.end(), [](double x) { return x != std::round(x); }));
}

}  // namespace
}  // namespace ax::ui
