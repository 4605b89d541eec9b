#pragma once
// The depth lab's network: one description of a deep, randomly initialised fully connected
// network and its inputs, read by the wide-network theory and by the simulation alike.

#include <cstdint>

namespace ax::core {

// h^{l+1} = W^l φ(h^l) + b^l, W^l_ij ~ N(0, weightVariance / width), b^l_i ~ N(0, biasVariance),
// for l = 0 … depth − 1; h^0 is a batch of inputs whose coordinates are ~ N(inputMean, inputVariance).
struct DepthNetwork {
    int width = 256;  // units per layer; the theory takes the limit of infinite width
    int depth = 30;   // number of weight layers
    // Inputs of the batch: the simulation runs this many; the theory counts a unit dead when it is
    // dead for all of them, and 0 skips its batch statistics (correlation and dead fraction),
    // which cost more than the rest.
    int batch = 64;
    double weightVariance = 1.0;  // σ_w²: 1 is LeCun's initialisation, 2 is He's
    double biasVariance = 0.0;    // σ_b²
    double inputMean = 0.0;
    double inputVariance = 1.0;
    std::uint64_t seed = 1;  // of the simulation's random weights and inputs
};

}  // namespace ax::core
