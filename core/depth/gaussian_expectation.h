#pragma once
// Expectations of functions of a Gaussian variable, E_{z~N(m, s²)}[g(z)], by adaptive quadrature
// that splits the line at kinks: a kink seen by a fixed Gauss–Hermite rule would cap its accuracy
// at a few digits, and depth statistics are compounded over hundreds of layers.

#include "core/activation.h"

#include <functional>
#include <span>

namespace ax::core {

// Relative accuracy the expectations are computed to (far better for smooth pieces).
inline constexpr double kExpectationTolerance = 1e-11;

// Several expectations of one activation under z = m + s·x, x ~ N(0, 1), from one quadrature
// pass. The x-weighted ones give derivatives with respect to m and s² without differentiating f,
// so they stay exact where f jumps: ∂E[g]/∂m = E[g·x]/s and ∂E[g]/∂s² = E[g·(x² − 1)]/(2s²).
struct GaussianMoments {
    double f = 0.0;     // E[f]
    double f2 = 0.0;    // E[f²]
    double d1 = 0.0;    // E[f′]
    double d1sq = 0.0;  // E[f′²]
    double fX = 0.0;    // E[f·x]
    double f2X = 0.0;   // E[f²·x]
    double fX2 = 0.0;   // E[f·(x² − 1)]
    double f2X2 = 0.0;  // E[f²·(x² − 1)]
    // P(f′ = 0) where the activation has a dead region (see zeroDerivativeIsDead): how much of the
    // input falls where no gradient passes.
    double deadMass = 0.0;
};

// Which moments to compute: all of them, or only what carries a signal and its gradient through
// a layer (E[f²], E[f′²] and P(f′ = 0); the others are NaN), which is about twice as fast.
enum class MomentSet { All, Propagation };

// The moments for z ~ N(mean, variance); variance 0 gives the values at mean. NaN moments when
// variance is negative or not finite.
[[nodiscard]] GaussianMoments gaussianMoments(const Activation& activation, const ParameterValues& p,
                                              double mean, double variance,
                                              MomentSet which = MomentSet::All) noexcept;

// E[g(z)] for z ~ N(mean, variance), splitting the line at breakpoints (kinks of g, in z).
[[nodiscard]] double gaussianExpectation(const std::function<double(double)>& g, double mean, double variance,
                                         std::span<const double> breakpoints = {}) noexcept;

}  // namespace ax::core
