// Vector exports drop the points nobody can see: the simplified curve stays within the tolerance of
// the original everywhere, keeps its ends and corners, and is much shorter for a smooth curve.

#include "ui/render/polyline_simplify.h"

#include <QLineF>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

// Largest distance from any original vertex to the simplified polyline.
double worstDeviation(const QPolygonF& original, const QPolygonF& simplified)
{
    double worst = 0.0;
    for (const QPointF& p : original) {
        double best = std::numeric_limits<double>::infinity();
        for (qsizetype i = 0; i + 1 < simplified.size(); ++i) {
            const QPointF a = simplified[i];
            const QPointF b = simplified[i + 1];
            const double dx = b.x() - a.x();
            const double dy = b.y() - a.y();
            const double length2 = dx * dx + dy * dy;
            const double t =
                length2 > 0 ? std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2, 0.0, 1.0)
                            : 0.0;
            best = std::min(best, std::hypot(p.x() - a.x() - t * dx, p.y() - a.y() - t * dy));
        }
        worst = std::max(worst, best);
    }
    return worst;
}

TEST(ExportPolylineSimplify, SmoothCurveShrinksWithinTolerance)
{
    // A sigmoid drawn across 1,600 pixels with a point per pixel.
    QPolygonF curve;
    for (int i = 0; i <= 1600; ++i) {
        const double z = -6.0 + 12.0 * i / 1600.0;
        curve << QPointF(i, 400.0 - 300.0 / (1.0 + std::exp(-z)));
    }
    QPolygonF simplified = curve;
    ax::ui::simplifyPolyline(simplified, 0.1);
    EXPECT_LT(simplified.size(), curve.size() / 10);
    EXPECT_LE(worstDeviation(curve, simplified), 0.1 + 1e-9);
    EXPECT_EQ(simplified.first(), curve.first());
    EXPECT_EQ(simplified.last(), curve.last());
}

TEST(ExportPolylineSimplify, KeepsTheCornerOfAKink)
{
    // ReLU: flat, then rising; the corner at x = 500 must survive exactly.
    QPolygonF relu;
    for (int i = 0; i <= 1000; ++i)
        relu << QPointF(i, i < 500 ? 300.0 : 300.0 - (i - 500) * 0.5);
    ax::ui::simplifyPolyline(relu, 0.1);
    EXPECT_EQ(relu.size(), 3);
    EXPECT_TRUE(relu.contains(QPointF(500, 300)));
}

TEST(ExportPolylineSimplify, ShortOrZeroToleranceIsLeftAlone)
{
    QPolygonF two{QPointF(0, 0), QPointF(1, 1)};
    ax::ui::simplifyPolyline(two, 5.0);
    EXPECT_EQ(two.size(), 2);
    QPolygonF wiggle{QPointF(0, 0), QPointF(1, 0.01), QPointF(2, 0)};
    ax::ui::simplifyPolyline(wiggle, 0.0);
    EXPECT_EQ(wiggle.size(), 3);
}

}  // namespace
