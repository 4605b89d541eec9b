// Curves as drawn: a jump is never bridged by a line, nothing non-finite reaches the device, a
// dense curve shrinks to what its pixels need, and a curve leaving the plot keeps its true slope.

#include "ui/render/curve_path.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ax::ui {
namespace {

const PlotMapping kUnitPlot{QRectF(0.0, 0.0, 100.0, 100.0), 0.0, 1.0, 0.0, 1.0};

TEST(ChartCurvePath, JumpBreaksThePath)
{
    // A step at 0.5: left-hand and right-hand samples share z.
    const std::vector<double> z{0.0, 0.25, 0.5, 0.5, 0.75, 1.0};
    const std::vector<double> y{0.2, 0.2, 0.2, 0.8, 0.8, 0.8};
    std::vector<std::uint8_t> flags(z.size(), 0);
    flags[2] = kBreakAfter | kKeepSample;
    flags[3] = kKeepSample;
    std::vector<QPolygonF> out;
    buildPolylines(z, y, flags, kUnitPlot, 1.0, out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].back(), QPointF(50.0, 80.0));
    EXPECT_EQ(out[1].front(), QPointF(50.0, 20.0));

    // Without the flag the same samples draw one corner-to-corner path.
    out.clear();
    buildPolylines(z, y, {}, kUnitPlot, 1.0, out);
    EXPECT_EQ(out.size(), 1u);
}

TEST(ChartCurvePath, NonFiniteValuesAreSkipped)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> z{0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    const std::vector<double> y{0.1, 0.2, nan, 0.3, 0.4, inf, 0.5};
    std::vector<QPolygonF> out;
    buildPolylines(z, y, {}, kUnitPlot, 1.0, out);
    ASSERT_EQ(out.size(), 2u);  // the lone last point cannot form a line
    for (const QPolygonF& polyline : out)
        for (const QPointF& p : polyline)
            EXPECT_TRUE(std::isfinite(p.x()) && std::isfinite(p.y()));
    EXPECT_EQ(out[0].size(), 2);
    EXPECT_EQ(out[1].size(), 2);
}

TEST(ChartCurvePath, DenseCurveIsThinnedToThePixelColumns)
{
    const std::size_t n = 100'000;
    std::vector<double> z(n);
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) {
        z[i] = static_cast<double>(i) / static_cast<double>(n - 1);
        y[i] = 0.5 + 0.4 * std::sin(40.0 * z[i]);
    }
    std::vector<QPolygonF> out;
    buildPolylines(z, y, {}, kUnitPlot, 1.0, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_LE(out[0].size(), 4 * 101);
    // The extremes survive: the thinned curve still reaches the sine's peaks.
    double top = 100.0;
    double bottom = 0.0;
    for (const QPointF& p : out[0]) {
        top = std::min(top, p.y());
        bottom = std::max(bottom, p.y());
    }
    EXPECT_NEAR(top, 10.0, 0.01);
    EXPECT_NEAR(bottom, 90.0, 0.01);
}

TEST(ChartCurvePath, LeavingThePlotKeepsTheTrueSlope)
{
    // From (0, 0) to (1, 1e6): the visible part is the line y = 1e6 z, which leaves the
    // plot's top at z = 1e-6, close to the left edge, not a gentle slope across the plot.
    const std::vector<double> z{0.0, 1.0};
    const std::vector<double> y{0.0, 1e6};
    std::vector<QPolygonF> out;
    buildPolylines(z, y, {}, kUnitPlot, 1.0, out);
    ASSERT_EQ(out.size(), 1u);
    ASSERT_GE(out[0].size(), 2);
    const QPointF exit = out[0][1];
    EXPECT_LT(exit.y(), 0.0);             // beyond the top edge
    EXPECT_LT(exit.x(), 0.01);            // almost straight up
    EXPECT_GT(out[0].back().y(), -10.0);  // nothing runs off to a huge coordinate
}

TEST(ChartCurvePath, HugeRangeStaysFinite)
{
    const PlotMapping huge{QRectF(10.0, 10.0, 500.0, 300.0), -1e300, 1e300, -1.1e300, 1.1e300};
    const std::vector<double> z{-1e300, -1e299, 0.0, 1e299, 1e300};
    const std::vector<double> y{0.0, 0.0, 0.0, 1e299, 1e300};
    std::vector<QPolygonF> out;
    buildPolylines(z, y, {}, huge, 1.0, out);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_NEAR(out[0].front().x(), 10.0, 1e-9);
    EXPECT_NEAR(out[0].back().x(), 510.0, 1e-9);
    for (const QPointF& p : out[0])
        EXPECT_TRUE(std::isfinite(p.x()) && std::isfinite(p.y()));
}

}  // namespace
}  // namespace ax::ui
