#pragma once
// A real random fully connected network, run forward and backward on a batch of Gaussian inputs,
// to set beside the wide-network theory: finite width, one draw of the weights, actual numbers.

#include "activation.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

namespace ax::core {

inline constexpr int kMinSimulationWidth = 64;
inline constexpr int kMaxSimulationWidth = 1024;
inline constexpr int kMaxSimulationDepth = 200;
inline constexpr int kMaxSimulationBatch = 1024;
// Backpropagation keeps f′ of every layer; for this many inputs of the batch at most, which bounds
// the memory at the largest sizes while still averaging over far more than enough units.
inline constexpr int kGradientBatch = 64;

// One network: h^{l+1} = W^l φ(h^l) + b^l, W^l_ij ~ N(0, weightVariance / width),
// b^l_i ~ N(0, biasVariance), for l = 0 … depth − 1; h^0 is the input batch.
struct SimulationSettings {
    int width = 256;
    int depth = 50;
    int batch = 64;
    double weightVariance = 1.0;
    double biasVariance = 0.0;
    double inputMean = 0.0;
    double inputVariance = 1.0;
    std::uint64_t seed = 1;
};

// What was measured at one layer, pooled over all units and inputs of the batch.
struct SimulatedLayer {
    double mean = 0.0;            // of the pre-activations h^l
    double variance = 0.0;        // of the pre-activations
    double varianceError = 0.0;   // standard error of variance from the spread over units
    double activationMean = 0.0;  // of φ(h^l)
    double activationVariance = 0.0;
    double deadFraction = 0.0;  // units with φ′ = 0 for every input of the batch
    double gradientNorm = 0.0;  // ‖∂L/∂h^l‖ / ‖∂L/∂h^top‖ for a random unit-norm gradient at the top
};

struct SimulationResult {
    std::vector<SimulatedLayer> layers;  // depth + 1 when complete; those reached when cancelled
    bool cancelled = false;              // gradient norms are NaN when the backward pass did not finish
};

// Called after every layer of the forward and of the backward pass: (steps done, steps in all).
using SimulationProgress = std::function<void(int done, int total)>;

// A message when settings are outside what the simulation supports; nullopt when they are fine.
[[nodiscard]] std::optional<std::string> validateSimulation(const SimulationSettings& settings);

// Runs the network. The same settings (seed included) give identical results. Checks stop before
// every layer, so a cancel takes effect within one layer's work. Settings must pass validateSimulation.
[[nodiscard]] SimulationResult simulateDepth(const Activation& activation, const ParameterValues& p,
                                             const SimulationSettings& settings, std::stop_token stop = {},
                                             const SimulationProgress& progress = {});

}  // namespace ax::core
