#include "ui/render/polyline_simplify.h"

#include <utility>
#include <vector>

namespace ax::ui {

namespace {

// The squared distance from p to the segment a–b: comparing squares spares a square root per
// vertex, and every point is inside the plot, so no square overflows.
double squaredDistanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double length2 = dx * dx + dy * dy;
    double t = length2 > 0.0 ? ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2 : 0.0;
    t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
    const double ex = p.x() - (a.x() + t * dx);
    const double ey = p.y() - (a.y() + t * dy);
    return ex * ex + ey * ey;
}

}  // namespace

void simplifyPolyline(QPolygonF& polyline, double tolerance)
{
    const auto n = polyline.size();
    if (n < 3 || !(tolerance > 0.0)) return;
    std::vector<bool> keep(static_cast<std::size_t>(n), false);
    keep.front() = true;
    keep.back() = true;
    // An explicit stack: a curve of a million samples must not exhaust the call stack.
    std::vector<std::pair<qsizetype, qsizetype>> pending{{0, n - 1}};
    while (!pending.empty()) {
        const auto [first, last] = pending.back();
        pending.pop_back();
        double worst = -1.0;
        qsizetype worstIndex = -1;
        for (qsizetype i = first + 1; i < last; ++i) {
            const double d = squaredDistanceToSegment(polyline[i], polyline[first], polyline[last]);
            if (d > worst) {
                worst = d;
                worstIndex = i;
            }
        }
        if (worstIndex < 0 || worst <= tolerance * tolerance) continue;
        keep[static_cast<std::size_t>(worstIndex)] = true;
        pending.emplace_back(first, worstIndex);
        pending.emplace_back(worstIndex, last);
    }
    QPolygonF kept;
    kept.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        if (keep[static_cast<std::size_t>(i)]) kept << polyline[i];
    polyline = std::move(kept);
}

}  // namespace ax::ui
