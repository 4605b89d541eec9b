#pragma once
// The one bisection every refined end in the core goes through: saturation bounds, framework
// differences and the measured edges of where an activation is undefined.

#include <algorithm>
#include <cmath>

namespace ax::core {

// lo·½ + hi·½: never overflows, unlike (lo + hi) / 2.
[[nodiscard]] constexpr double halfway(double a, double b) noexcept
{
    return a * 0.5 + b * 0.5;
}

// When to stop halving. Halving always stops at adjacent doubles; a relative width of 0 asks for
// nothing more.
struct BisectionLimits {
    int maxSteps = 200;
    double relativeWidth = 0.0;  // stop once |b − a| ≤ relativeWidth · max(|a|, |b|)
};

// The two ends a bisection leaves: the last point seen where the test held as it does at the
// start, and the first where it did not.
struct BisectionEnds {
    double same = 0.0;
    double changed = 0.0;
};

// Narrows [start, end] (either order) around where sameAsStart(z) stops holding, given that it
// holds at start and not at end; sameAsStart is called only strictly between the two.
template <typename Test>
[[nodiscard]] BisectionEnds bisect(double start, double end, Test sameAsStart, BisectionLimits limits = {})
{
    for (int i = 0; i < limits.maxSteps; ++i) {
        if (limits.relativeWidth > 0.0 &&
            std::fabs(end - start) <= limits.relativeWidth * std::max(std::fabs(start), std::fabs(end)))
            break;
        const double mid = halfway(start, end);
        if (mid == start || mid == end) break;
        if (sameAsStart(mid))
            start = mid;
        else
            end = mid;
    }
    return {start, end};
}

}  // namespace ax::core
