#pragma once
// The depth lab's one-line readings: what each chart shows, in words, for one activation.

#include "core/depth/depth_simulation.h"
#include "core/depth/depth_theory.h"

#include <QPointF>
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace ax::ui {

// Which way a chart's quantity goes for one activation, so that many can be summed up in a line.
enum class ReadingTrend {
    Falls,    // the gradient shrinks, the variance fades
    Steady,   // the gradient keeps its size, the variance settles or drifts
    Rises,    // the gradient grows, the variance grows; for dead units: some units die
    Blocked,  // no gradient passes, the variance explodes or dies out; for dead units: none can die
};

// One activation's reading: the sentence, and what a summary of many needs from it.
struct ActivationReading {
    QString name;
    QString text;
    ReadingTrend trend = ReadingTrend::Steady;
    double value = 0.0;  // how far it goes (log10 of the change, or the dead share), to rank by
    QString valueText;   // that, in words, e.g. "→ 10⁻²⁰" or "47% by layer 30"
};

// e.g. "sigmoid: gradient shrinks ×0.22 per layer → 10⁻²⁰ after 30 layers".
[[nodiscard]] ActivationReading gradientReading(const QString& name,
                                                std::span<const core::TheoryLayer> layers);

// e.g. "relu: variance fades, q = 10⁻⁹ by layer 30" or "selu: variance settles at q = 1.00".
[[nodiscard]] ActivationReading varianceReading(const QString& name,
                                                std::span<const core::TheoryLayer> layers);

// From the simulation when there is one, else the theory's share of inputs where f′ = 0. canDie:
// whether the activation has a dead region at all; when it has none no unit can die, whatever the
// simulation or the theory (still being worked out) says.
[[nodiscard]] ActivationReading deadReading(const QString& name, std::span<const core::TheoryLayer> layers,
                                            std::span<const core::SimulatedLayer> simulated, bool canDie);

// The line under a chart: every activation's sentence when there are at most kReadingsListed,
// else one sentence that counts the trends and names the extremes, e.g. "Gradient over 30 layers:
// 9 shrink it (most: hard sigmoid, → 10⁻¹⁹), 6 keep its size, 8 grow it (most: snake, → 10⁷)".
inline constexpr int kReadingsListed = 3;
[[nodiscard]] QString gradientSummary(std::span<const ActivationReading> readings, int depth);
[[nodiscard]] QString varianceSummary(std::span<const ActivationReading> readings, int depth);
[[nodiscard]] QString deadSummary(std::span<const ActivationReading> readings);
// Every activation's sentence, one per line: the full reading behind a summary.
[[nodiscard]] QString readingLines(std::span<const ActivationReading> readings);

// Where the mean/variance map of an activation leads, e.g. "SELU: (μ, ν) → (0.000, 1.000), stable";
// without a fixed point, the trajectories (points (μ, ν)) say whether the variance collapses or runs off.
[[nodiscard]] QString phaseReading(const QString& name,
                                   const std::optional<core::MeanVarianceFixedPoint>& fixedPoint,
                                   std::span<const std::vector<QPointF>> trajectories);

// 10 to an integer power in Unicode superscripts, e.g. "10⁻²⁰".
[[nodiscard]] QString powerOfTen(int exponent);

}  // namespace ax::ui
