#pragma once
// A real random fully connected network, run forward and backward on a batch of Gaussian inputs,
// to set beside the wide-network theory: finite width, one draw of the weights, actual numbers.

#include "core/activation.h"
#include "core/depth/depth_network.h"

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

// A message when a network is outside what the simulation supports; nullopt when it is fine.
[[nodiscard]] std::optional<std::string> validateSimulation(const DepthNetwork& network);

// Runs the network. The same network (seed included) give identical results. Checks stop before
// every layer, so a cancel takes effect within one layer's work. The network must pass validateSimulation.
[[nodiscard]] SimulationResult simulateDepth(const Activation& activation, const ParameterValues& p,
                                             const DepthNetwork& network, const std::stop_token& stop = {},
                                             const SimulationProgress& progress = {});

}  // namespace ax::core
