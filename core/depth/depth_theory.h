#pragma once
// What an activation does to signals and gradients through a deep, wide, randomly initialised
// fully connected network h^{l+1} = W φ(h^l) + b, W_ij ~ N(0, σ_w²/N), b_i ~ N(0, σ_b²), in the
// limit N → ∞ where every pre-activation is Gaussian (mean-field theory), and the mean/variance
// map of the self-normalising networks paper (Klambauer et al. 2017).

#include "core/activation.h"
#include "core/depth/depth_network.h"

#include <array>
#include <optional>
#include <span>
#include <vector>

namespace ax::core {

// q^{l+1} = σ_w² E_{z~N(mean, q)}[φ(z)²] + σ_b².
[[nodiscard]] double varianceMap(const Activation& activation, const ParameterValues& p, double q,
                                 double weightVariance, double biasVariance, double mean = 0.0) noexcept;

// dq^{l+1}/dq^l: below 1 in magnitude, a fixed point of the map attracts.
[[nodiscard]] double varianceMapSlope(const Activation& activation, const ParameterValues& p, double q,
                                      double weightVariance, double mean = 0.0) noexcept;

// χ = σ_w² E_{z~N(mean, q)}[φ′(z)²]: the factor by which one layer multiplies the squared norm of
// a gradient passing back through it. Below 1 gradients vanish with depth, above 1 they explode.
[[nodiscard]] double gradientFactor(const Activation& activation, const ParameterValues& p, double q,
                                    double weightVariance, double mean = 0.0) noexcept;

enum class Stability { Stable, Marginal, Unstable };

// |slope| < 1 − tolerance is stable, > 1 + tolerance unstable, marginal between.
[[nodiscard]] Stability stabilityOf(double slope, double tolerance = 1e-9) noexcept;

struct VarianceFixedPoint {
    double q = 0.0;
    double slope = 0.0;  // of the variance map at q
    Stability stability = Stability::Unstable;
};

struct VarianceFixedPoints {
    std::vector<VarianceFixedPoint> points;  // increasing q; q = 0 is listed when it is fixed
    bool everyVarianceFixed = false;         // the map is the identity: every q stays where it is
};

// Fixed points q* = varianceMap(q*) over [qMin, qMax], each located by a bracketed root finder.
// None may exist (the variance then runs off to 0 or to infinity).
[[nodiscard]] VarianceFixedPoints varianceFixedPoints(const Activation& activation, const ParameterValues& p,
                                                      double weightVariance, double biasVariance,
                                                      double qMin = 1e-6, double qMax = 1e6);

// Mean and variance of the units of one layer.
struct MeanVariance {
    double mean = 0.0;
    double variance = 1.0;
};

using Jacobian2 = std::array<std::array<double, 2>, 2>;  // [row][column], rows (μ̃, ν̃), columns (μ, ν)

struct MeanVarianceStep {
    MeanVariance next;
    Jacobian2 jacobian{};
};

// The self-normalising map: units with mean μ and variance ν feed z ~ N(μω, ντ) (ω = Σ w_i,
// τ = Σ w_i² of one unit's incoming weights; ω = 0, τ = 1 for normalised weights) and come out
// with mean μ̃ = E[φ(z)] and variance ν̃ = Var[φ(z)]. The Jacobian is exact, also at kinks and jumps.
[[nodiscard]] MeanVarianceStep meanVarianceMap(const Activation& activation, const ParameterValues& p,
                                               MeanVariance in, double omega = 0.0,
                                               double tau = 1.0) noexcept;

// Largest |eigenvalue| of a 2×2 matrix; below 1 a fixed point attracts.
[[nodiscard]] double spectralRadius(const Jacobian2& m) noexcept;

struct MeanVarianceFixedPoint {
    MeanVariance point;
    Jacobian2 jacobian{};
    double spectralRadius = 0.0;
    Stability stability = Stability::Unstable;
};

// The fixed point reached from start (by iterating, then polished by Newton's method); nullopt
// when the map does not settle (variance vanishing or growing without bound).
[[nodiscard]] std::optional<MeanVarianceFixedPoint> meanVarianceFixedPoint(const Activation& activation,
                                                                           const ParameterValues& p,
                                                                           MeanVariance start,
                                                                           double omega = 0.0,
                                                                           double tau = 1.0);

// steps + 1 points: start and its images under the map.
[[nodiscard]] std::vector<MeanVariance> meanVarianceTrajectory(const Activation& activation,
                                                               const ParameterValues& p, MeanVariance start,
                                                               int steps, double omega = 0.0,
                                                               double tau = 1.0);

// The theory's prediction for one layer. Layer 0 holds the inputs, layer depth the top.
struct TheoryLayer {
    double mean = 0.0;            // of the pre-activations (over the random initialisation)
    double variance = 0.0;        // q^l
    double gradientFactor = 0.0;  // χ at this layer's distribution
    double deadMass = 0.0;        // P(φ′(h) = 0) for one unit and one input
    // Correlation between the pre-activations of two different inputs of the batch (inputs are
    // drawn independently, so it starts at 0), and the share of units with φ′ = 0 for all
    // network.batch inputs. Both NaN when network.batch is 0; correlation is NaN too when φ′ never
    // vanishes, as the dead fraction is then 0 whatever it is.
    double correlation = std::numeric_limits<double>::quiet_NaN();
    double deadFraction = std::numeric_limits<double>::quiet_NaN();
    // log10(‖∂L/∂h^l‖ / ‖∂L/∂h^top‖) = ½ Σ_{k=l}^{top−1} log10 χ_k; −inf when a layer blocks
    // every gradient.
    double log10GradientNorm = 0.0;
};

// depth + 1 layers. Only the inputs have a non-zero mean: zero-mean weights centre every later layer.
// With network.batch > 0 it includes addBatchStatistics.
[[nodiscard]] std::vector<TheoryLayer> depthProfile(const Activation& activation, const ParameterValues& p,
                                                    const DepthNetwork& network);

// Fills correlation and deadFraction of layers, a depthProfile of the same activation, parameters
// and network (computed with any batch). The costly part of the profile, so the window adds it after
// drawing the rest. Nothing happens when network.batch is 0.
void addBatchStatistics(const Activation& activation, const ParameterValues& p, const DepthNetwork& network,
                        std::span<TheoryLayer> layers);

}  // namespace ax::core
