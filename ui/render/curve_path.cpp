#include "ui/render/curve_path.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ax::ui {

namespace {

// How far beyond the plot's edge a clipped curve runs, so the cut itself is never visible.
constexpr double kEdgePad = 2.0;
// A column with this many points or fewer is kept whole.
constexpr std::size_t kThinAbove = 4;
// A column whose points span less than this (device units) vertically is drawn as one vertex.
constexpr double kFlatColumn = 0.5;

struct RawPoint {
    double x = 0.0;
    double y = 0.0;
    bool keep = false;
};

void emitThinned(std::vector<RawPoint>& raw, double left, double columnWidth, std::vector<QPolygonF>& out)
{
    if (raw.size() >= 2) {
        QPolygonF polyline;
        polyline.reserve(static_cast<qsizetype>(raw.size()));
        const auto column = [&](const RawPoint& p) { return std::floor((p.x - left) / columnWidth); };
        std::size_t i = 0;
        while (i < raw.size()) {
            const double c = column(raw[i]);
            std::size_t j = i + 1;
            while (j < raw.size() && column(raw[j]) == c)
                ++j;
            std::size_t lowest = i;
            std::size_t highest = i;
            bool keep = false;
            for (std::size_t k = i; k < j; ++k) {
                if (raw[k].y < raw[lowest].y) lowest = k;
                if (raw[k].y > raw[highest].y) highest = k;
                keep = keep || raw[k].keep;
            }
            const bool lastColumn = j == raw.size();
            if (!keep && raw[highest].y - raw[lowest].y < kFlatColumn) {
                // The column is flat to the eye: one vertex is all it needs (two at the very end).
                polyline.append(QPointF(raw[i].x, raw[i].y));
                if (lastColumn && j - i > 1) polyline.append(QPointF(raw[j - 1].x, raw[j - 1].y));
            } else if (j - i <= kThinAbove) {
                for (std::size_t k = i; k < j; ++k)
                    polyline.append(QPointF(raw[k].x, raw[k].y));
            } else {
                for (std::size_t k = i; k < j; ++k)
                    if (k == i || k + 1 == j || k == lowest || k == highest || raw[k].keep)
                        polyline.append(QPointF(raw[k].x, raw[k].y));
            }
            i = j;
        }
        out.push_back(std::move(polyline));
    }
    raw.clear();
}

}  // namespace

void buildPolylines(std::span<const double> z, std::span<const double> y, std::span<const std::uint8_t> flags,
                    const PlotMapping& mapping, double columnWidth, std::vector<QPolygonF>& out)
{
    const std::size_t n = std::min(z.size(), y.size());
    const double top = mapping.rect.top() - kEdgePad;
    const double bottom = mapping.rect.bottom() + kEdgePad;
    const double left = mapping.rect.left();
    columnWidth = columnWidth > 0.0 ? columnWidth : 1.0;

    std::vector<RawPoint> raw;
    raw.reserve(n);
    bool havePrevious = false;
    double px = 0.0;
    double py = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t flag = i < flags.size() ? flags[i] : 0;
        const double x = mapping.xForZ(z[i]);
        const double v = mapping.yForValue(y[i]);
        if (!std::isfinite(x) || !std::isfinite(v)) {
            emitThinned(raw, left, columnWidth, out);
            havePrevious = false;
            continue;
        }
        if (havePrevious) {
            // Where the segment crosses the padded edges, in the order it meets them, so the
            // visible part keeps its true slope even when a value lies far outside the plot.
            std::array<std::pair<double, double>, 2> crossings{};
            std::size_t count = 0;
            for (const double edge : {top, bottom}) {
                if ((py - edge) * (v - edge) < 0.0) {
                    const double t = (edge - py) / (v - py);
                    crossings[count++] = {t, edge};
                }
            }
            if (count == 2 && crossings[1].first < crossings[0].first) std::swap(crossings[0], crossings[1]);
            for (std::size_t c = 0; c < count; ++c)
                raw.push_back({px + crossings[c].first * (x - px), crossings[c].second, true});
        }
        raw.push_back({x, std::clamp(v, top, bottom), (flag & kKeepSample) != 0});
        px = x;
        py = v;
        havePrevious = true;
        if (flag & kBreakAfter) {
            emitThinned(raw, left, columnWidth, out);
            havePrevious = false;
        }
    }
    emitThinned(raw, left, columnWidth, out);
}

}  // namespace ax::ui
