#pragma once
// How expensive each activation is to evaluate, measured on this machine rather than guessed, so
// the comparison table can show cost relative to ReLU.

#include "core/activation.h"

#include <span>
#include <vector>

namespace ax::core {

// The fixed inputs every measurement uses: evenly spread over [−8, 8] so that every branch of
// every piecewise activation is exercised in the same proportion.
[[nodiscard]] std::span<const double> costSamplePoints() noexcept;

// Nanoseconds per evaluation of f, f′ and f″ together at one point, the fastest of `repetitions`
// passes over costSamplePoints() (the minimum is the least disturbed by other processes).
[[nodiscard]] double measureNanosecondsPerEvaluation(const Activation& activation, const ParameterValues& p,
                                                     int repetitions = 7) noexcept;

// Cost of each activation divided by the cost of ReLU measured in the same run, at default
// parameters, in the order given. Every value is positive (infinite only for an activation that
// has no evaluator).
[[nodiscard]] std::vector<double> relativeCosts(std::span<const Activation> activations, int repetitions = 7);

}  // namespace ax::core
