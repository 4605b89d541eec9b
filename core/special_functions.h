#pragma once
// Numerically careful building blocks shared by the activations: the logistic function and its
// complement from one exponential, and softplus without overflow or cancellation.

#include <cmath>
#include <limits>

namespace ax::core {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// σ(x), σ(−x) and σ(−x) − σ(x) = −tanh(x/2), all computed from one exp(−|x|) so that none of them
// is obtained by subtracting from 1 (which would lose every digit of the small one in a tail).
struct Logistic {
    double s = 0.5;     // σ(x)
    double t = 0.5;     // σ(−x) = 1 − σ(x)
    double diff = 0.0;  // σ(−x) − σ(x)
};

[[nodiscard]] inline Logistic logistic(double x) noexcept
{
    const double a = std::fabs(x);
    const double e = std::exp(-a);
    // e − 1 cancels for small |x|; expm1 keeps it exact there, the plain difference is exact enough
    // (no cancellation) once e ≤ 0.6.
    const double em1 = a < 0.5 ? std::expm1(-a) : e - 1.0;
    const double inv = 1.0 / (1.0 + e);
    const double large = inv;
    const double small = e * inv;
    const double d = em1 * inv;  // small − large
    if (x >= 0.0) return {large, small, d};
    return {small, large, -d};
}

// ln(1 + eˣ) as max(x, 0) + ln(1 + e^(−|x|)): never overflows and keeps full relative accuracy in
// both tails.
[[nodiscard]] inline double log1pexp(double x) noexcept
{
    return std::fmax(x, 0.0) + std::log1p(std::exp(-std::fabs(x)));
}

}  // namespace ax::core
