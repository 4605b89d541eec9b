#pragma once
// What a standard-normal input makes of an activation, and on which sides its slope fades below ε:
// the numbers behind "Zero-centred" and "Saturates" in the table, the details pane and --list.

#include "core/activation.h"

namespace ax::core {

// The largest |E[f(z)]|, z ~ N(0, 1), that still counts as zero-centred. ReLU's 0.399, GELU's 0.282
// and Leaky ReLU's 0.395 are far above it; tanh, softsign and SELU have mean 0.
inline constexpr double kZeroCentredMeanLimit = 0.05;

struct OutputStatistics {
    double mean = 0.0;      // E[f(z)] for z ~ N(0, 1)
    double variance = 0.0;  // Var[f(z)] for z ~ N(0, 1)
    bool zeroCentred = false;
    // Sides where |f′(z)| < ε for every z beyond some point: the charts' saturation rule, applied to
    // the limits of f′ at ±∞. An oscillating f′ (Snake) saturates on neither side.
    Saturation saturates = Saturation::None;
};

[[nodiscard]] OutputStatistics outputStatistics(const Activation& activation,
                                                const ParameterValues& parameters, double epsilon);

}  // namespace ax::core
