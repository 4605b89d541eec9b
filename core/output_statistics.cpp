#include "core/output_statistics.h"

#include "core/depth/gaussian_expectation.h"
#include "core/infinite_limits.h"

#include <cmath>

namespace ax::core {

namespace {

bool slopeFadesBelow(const Activation& activation, const ParameterValues& parameters, double towards,
                     double epsilon)
{
    const double limit = limitAtInfinity(activation, parameters, towards).d1;
    return std::isfinite(limit) && std::abs(limit) < epsilon;
}

}  // namespace

OutputStatistics outputStatistics(const Activation& activation, const ParameterValues& parameters,
                                  double epsilon)
{
    OutputStatistics s;
    const GaussianMoments m = gaussianMoments(activation, parameters, 0.0, 1.0);
    s.mean = m.f;
    // E[f²] − E[f]² cancels for near-constant outputs; it can only dip below 0 by rounding.
    s.variance = std::max(0.0, m.f2 - m.f * m.f);
    s.zeroCentred = std::abs(s.mean) <= kZeroCentredMeanLimit;
    const bool left = slopeFadesBelow(activation, parameters, -1.0, epsilon);
    const bool right = slopeFadesBelow(activation, parameters, 1.0, epsilon);
    s.saturates = left && right ? Saturation::Both
                  : left        ? Saturation::Left
                  : right       ? Saturation::Right
                                : Saturation::None;
    return s;
}

}  // namespace ax::core
