#pragma once
// The depth lab's one-line readings: what each chart shows, in words, for one activation.

#include "core/depth_simulation.h"
#include "core/depth_theory.h"

#include <QString>

#include <optional>
#include <span>

namespace ax::ui {

// e.g. "sigmoid: gradient shrinks ×0.22 per layer → 10⁻²⁰ after 30 layers".
[[nodiscard]] QString gradientReading(const QString& name, std::span<const core::TheoryLayer> layers);

// e.g. "relu: variance halves… fades to 10⁻⁹ by layer 30" or "selu: variance settles at 1.00".
[[nodiscard]] QString varianceReading(const QString& name, std::span<const core::TheoryLayer> layers);

// From the simulation when there is one, else the theory's share of inputs where f′ = 0.
[[nodiscard]] QString deadReading(const QString& name, std::span<const core::TheoryLayer> layers,
                                  std::span<const core::SimulatedLayer> simulated);

// Where the mean/variance map of an activation leads, e.g. "SELU: (μ, ν) → (0.000, 1.000), stable".
[[nodiscard]] QString phaseReading(const QString& name,
                                   const std::optional<core::MeanVarianceFixedPoint>& fixedPoint);

// 10 to an integer power in Unicode superscripts, e.g. "10⁻²⁰".
[[nodiscard]] QString powerOfTen(int exponent);

}  // namespace ax::ui
