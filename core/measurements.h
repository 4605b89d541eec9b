#pragma once
// Properties and undefined stretches measured numerically, for any activation (catalog or custom).

#include "core/activation.h"

#include <vector>

namespace ax::core {

// A stretch of z.
struct Interval {
    double lo = 0.0;
    double hi = 0.0;
};

// The union of intervals, sorted by start: overlapping and touching ones become one.
[[nodiscard]] std::vector<Interval> mergedIntervals(std::vector<Interval> intervals);

// Where f, f′ or f″ is NaN or infinite within [zMin, zMax], ends refined by bisection; isolated
// poles (1/z at 0) come back as very narrow intervals around them. Works for any activation.
[[nodiscard]] std::vector<Interval> nonFiniteIntervals(const Activation& activation, const ParameterValues& p,
                                                       double zMin, double zMax);

// Properties measured numerically: the range over [zMin, zMax] (both ends included), monotonicity
// and convexity there, boundedness and saturation from far probes, dead regions, smoothness from
// the kinks. Works for any activation; non-finite values are ignored.
[[nodiscard]] Properties measureProperties(const Activation& activation, const ParameterValues& p,
                                           double zMin, double zMax);

}  // namespace ax::core
