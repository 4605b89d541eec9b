#pragma once
// Turns a sampled curve into the few polylines a device needs: mapped to pixels, clipped to the
// plot, thinned to the pixel columns, broken where the curve jumps or is not finite.

#include <QPolygonF>
#include <QRectF>

#include <cstdint>
#include <span>
#include <vector>

namespace ax::ui {

// Maps (z, value) to device coordinates of one plot rectangle.
struct PlotMapping {
    QRectF rect;
    double zMin = 0.0;
    double zMax = 1.0;
    double yMin = 0.0;
    double yMax = 1.0;

    // Computed on halves so that ranges near ±1e308 do not overflow.
    [[nodiscard]] double xForZ(double z) const noexcept
    {
        return rect.left() + (z / 2.0 - zMin / 2.0) / (zMax / 2.0 - zMin / 2.0) * rect.width();
    }
    [[nodiscard]] double yForValue(double v) const noexcept
    {
        return rect.bottom() - (v / 2.0 - yMin / 2.0) / (yMax / 2.0 - yMin / 2.0) * rect.height();
    }
    [[nodiscard]] double zForX(double x) const noexcept
    {
        const double t = (x - rect.left()) / rect.width();
        return zMin + t * (zMax / 2.0 - zMin / 2.0) * 2.0;
    }
};

// Per-sample flags for buildPolylines.
enum SampleFlag : std::uint8_t {
    kBreakAfter = 0x1,  // do not join this sample to the next (a jump)
    kKeepSample = 0x2,  // an exact corner: survives thinning
};

// Polylines through (z[i], y[i]), appended to out. A path never joins i to i + 1 when flags[i]
// has kBreakAfter or either value is not finite. Segments leaving the plot are cut where they
// cross its top or bottom edge (plus a pad), and within each column of columnWidth device units
// only the first, lowest, highest and last points (and kept corners) survive, or just the first
// when the column is flat to within half a unit, so a curve costs what its pixels need.
// flags may be empty.
void buildPolylines(std::span<const double> z, std::span<const double> y, std::span<const std::uint8_t> flags,
                    const PlotMapping& mapping, double columnWidth, std::vector<QPolygonF>& out);

}  // namespace ax::ui
