// RReLU's training-time spread drawn behind its curve: the wedge between l·z and u·z on f and the
// strip between l and u on f′, for z < 0 only, in the painter every export shares.

#include "ui/model/curve_cache.h"
#include "ui/model/explorer_state.h"
#include "ui/render/chart_painter.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

const QString kRrelu = QStringLiteral("rrelu");
constexpr double kMeanSlope = (0.125 + 1.0 / 3.0) / 2.0;

struct Rendered {
    QImage image;
    ChartLayout layout;
};

// rrelu alone over [−6, 6], f and f′ shown, with the given training slopes.
Rendered render(double lower, double upper)
{
    ExplorerState state;
    state.setEnabledIds({kRrelu});
    EXPECT_FALSE(state.setRange(-6.0, 6.0).has_value());
    EXPECT_FALSE(state.setParameters(kRrelu, core::ParameterValues{lower, upper}).has_value());
    ChartRenderOptions options = ChartRenderOptions::fromState(state, QGuiApplication::palette());
    options.showSecond = false;
    options.showSaturation = false;
    options.showLegend = false;
    Rendered result;
    result.image = QImage(800, 600, QImage::Format_ARGB32);
    result.image.fill(Qt::white);
    const QRectF target(0, 0, 800, 600);
    {
        QPainter painter(&result.image);
        ChartPainter::render(painter, target, state, options);
    }
    CurveCache curves;
    curves.refresh(state);
    result.layout = ChartPainter(state, curves, options).layout(target);
    return result;
}

QRgb pixelAt(const Rendered& r, Chart kind, double z, double value)
{
    const ChartPanel* panel = r.layout.panel(kind);
    EXPECT_NE(panel, nullptr);
    const PlotMapping mapping = panel->mapping();
    return r.image.pixel(static_cast<int>(mapping.xForZ(z)), static_cast<int>(mapping.yForValue(value)));
}

// The same mean slope, so the same curve and axes: only the band can tell the two pictures apart.
TEST(ChartRandomSlopeBand, ShadesBetweenTheTrainingSlopesLeftOfZeroOnly)
{
    const Rendered band = render(0.125, 1.0 / 3.0);
    const Rendered none = render(kMeanSlope, kMeanSlope);

    // Inside the wedge on f: between l·z and u·z, away from the curve (the mean slope).
    for (const double z : {-4.3, -2.7}) {
        EXPECT_NE(pixelAt(band, Chart::Function, z, 0.15 * z), pixelAt(none, Chart::Function, z, 0.15 * z))
            << "f at z = " << z;
        EXPECT_NE(pixelAt(band, Chart::Function, z, 0.31 * z), pixelAt(none, Chart::Function, z, 0.31 * z))
            << "f at z = " << z;
        // Outside it: above l·z and below u·z nothing changes.
        EXPECT_EQ(pixelAt(band, Chart::Function, z, 0.05 * z), pixelAt(none, Chart::Function, z, 0.05 * z));
        EXPECT_EQ(pixelAt(band, Chart::Function, z, 0.5 * z), pixelAt(none, Chart::Function, z, 0.5 * z));
    }
    // Inside the strip on f′ for z < 0, and nowhere for z > 0.
    EXPECT_NE(pixelAt(band, Chart::Derivative, -3.7, 0.17), pixelAt(none, Chart::Derivative, -3.7, 0.17));
    EXPECT_NE(pixelAt(band, Chart::Derivative, -1.3, 0.3), pixelAt(none, Chart::Derivative, -1.3, 0.3));
    EXPECT_EQ(pixelAt(band, Chart::Derivative, -3.7, 0.6), pixelAt(none, Chart::Derivative, -3.7, 0.6));
    EXPECT_EQ(pixelAt(band, Chart::Derivative, 2.3, 0.17), pixelAt(none, Chart::Derivative, 2.3, 0.17));
    EXPECT_EQ(pixelAt(band, Chart::Function, 2.3, 0.3), pixelAt(none, Chart::Function, 2.3, 0.3));
}

}  // namespace
}  // namespace ax::ui
