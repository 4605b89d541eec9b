#pragma once
// Tick positions and labels for a chart axis: 1-2-5 steps, readable from widths of 1e-12 to
// ranges of ±1e300, with a shared offset when the labels alone could not tell the ticks apart.

#include <QString>
#include <QStringList>

#include <vector>

namespace ax::ui {

// The ticks of one axis. A label is value − offset; offsetText is empty when offset is 0.
struct PlotTicks {
    double step = 1.0;
    double offset = 0.0;
    std::vector<double> values;
    QStringList labels;
    QString offsetText;  // e.g. "+1.000000000001", drawn once near the axis
};

// The 1-2-5 step (1, 2 or 5 times a power of ten) closest to span / targetCount from above.
[[nodiscard]] double niceStep(double span, int targetCount) noexcept;

// Which values an axis may mark: any 1-2-5 step, or only whole numbers (an axis that counts layers
// or training steps has no layer 2.5).
enum class TickValues { Any, WholeNumbers };

// Ticks inside [lo, hi], about targetCount of them (fewer when whole numbers are asked for and the
// range is short). Requires lo < hi, both finite.
[[nodiscard]] PlotTicks makeTicks(double lo, double hi, int targetCount, TickValues values = TickValues::Any);

// One tick label: as few digits as the step needs, scientific notation for very large or very
// small values, and a true minus sign.
[[nodiscard]] QString formatTick(double value, double step);

// A value for a readout: up to significantDigits, scientific when large or small, true minus sign.
[[nodiscard]] QString formatReadout(double value, int significantDigits = 6);

}  // namespace ax::ui
