#pragma once
// Sampling an activation over a range into structure-of-arrays buffers, with kinks as exact points.

#include "core/activation.h"

#include <cstddef>
#include <vector>

namespace ax::core {

// z, f, f′, f″ of one curve, all the same length, z non-decreasing.
struct SampleSet {
    std::vector<double> z;
    std::vector<double> f;
    std::vector<double> d1;
    std::vector<double> d2;

    [[nodiscard]] std::size_t size() const noexcept { return z.size(); }
};

// count evenly spaced points over [zMin, zMax] (both ends included), plus every kink strictly
// inside the range twice: first with the left-hand limits, then with the right-hand ones, so a
// chart draws an exact corner and can mark a jump. Reuses out's storage.
void sampleUniform(const Activation& activation, const ParameterValues& p, double zMin, double zMax,
                   std::size_t count, SampleSet& out);

}  // namespace ax::core
