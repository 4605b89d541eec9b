#pragma once
// Where the gradient vanishes (saturated) or is exactly zero (dead), located by bisection.

#include "core/activation.h"

#include <vector>

namespace ax::core {

enum class SaturationKind { Dead, Saturated };

// [lo, hi] where f′ is exactly 0 (Dead) or 0 < |f′| < ε (Saturated).
struct SaturationInterval {
    SaturationKind kind = SaturationKind::Saturated;
    double lo = 0.0;
    double hi = 0.0;
};

// Intervals within [zMin, zMax], ordered by lo, adjacent ones of one kind merged, ends refined by
// bisection to 1e-9 relative (or better). Requires zMin < zMax and epsilon > 0.
[[nodiscard]] std::vector<SaturationInterval> saturationIntervals(const Activation& activation,
                                                                  const ParameterValues& p, double zMin,
                                                                  double zMax, double epsilon);

}  // namespace ax::core
