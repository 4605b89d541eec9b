// The 43 activations: evaluators for f, f′, f″ in numerically careful form, their parameters,
// kinks, declared properties and references.
//
// Convention at a kink: every evaluator returns the limits from the right (the branch that holds
// for z ≥ kink), so e.g. ReLU′(0) = 1, step(0) = 1, hard sigmoid′(−3) = 1/6 and hard sigmoid′(3) = 0.

#include "core/catalog.h"
#include "core/number_text.h"
#include "core/special_functions.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace ax::core {

namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440084436210485;
constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438;
constexpr double kSqrt2OverPi = 0.79788456080286535587989211986876;
constexpr double kGeluTanhCubic = 0.044715;
constexpr double kSeluLambda = 1.0507009873554804934193349852946;
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;
constexpr double kHalfPi = 1.5707963267948966192313216916398;

// Beyond this |z| every exponential tail in the catalog has underflowed, so the asymptotic values
// are exact in double precision; it also keeps z² and z³ far from overflow.
constexpr double kGaussTail = 40.0;
// Below this x, 1 + eˣ rounds to 1, so σ(x) = eˣ to full precision.
constexpr double kLogisticTail = -37.5;

using Evaluator = Derivatives (*)(double, const ParameterValues&) noexcept;

// A NaN input gives NaN for all three, whatever branch the comparisons would pick.
template <Evaluator Eval>
Derivatives evaluateChecked(double z, const ParameterValues& p) noexcept
{
    if (std::isnan(z)) return {kNaN, kNaN, kNaN};
    return Eval(z, p);
}

// eˣ and eˣ − 1 for x ≤ 0, each to full relative precision.
struct NegativeExp {
    double e;
    double em1;
};

[[nodiscard]] NegativeExp negativeExp(double x) noexcept
{
    const double e = std::exp(x);
    return {e, x > -0.5 ? std::expm1(x) : e - 1.0};
}

// ---- evaluators --------------------------------------------------------------------------------

Derivatives identityEval(double z, const ParameterValues&) noexcept
{
    return {z, 1.0, 0.0};
}

Derivatives stepEval(double z, const ParameterValues&) noexcept
{
    return {z >= 0.0 ? 1.0 : 0.0, 0.0, 0.0};
}

Derivatives sigmoidEval(double z, const ParameterValues&) noexcept
{
    const Logistic l = logistic(z);
    const double d1 = l.s * l.t;
    return {l.s, d1, d1 * l.diff};
}

Derivatives tanhEval(double z, const ParameterValues&) noexcept
{
    // 1 − tanh² written as 4e/(1 + e)² with e = e^(−2|z|): no cancellation when tanh is near ±1.
    const double e = std::exp(-2.0 * std::fabs(z));
    const double q = 1.0 + e;
    const double d1 = (4.0 * e / q) / q;
    const double t = std::tanh(z);
    return {t, d1, -2.0 * t * d1};
}

Derivatives hardSigmoidEval(double z, const ParameterValues&) noexcept
{
    if (z < -3.0) return {0.0, 0.0, 0.0};
    if (z < 3.0) return {(z + 3.0) / 6.0, 1.0 / 6.0, 0.0};  // z + 3 is exact near −3
    return {1.0, 0.0, 0.0};
}

Derivatives hardTanhEval(double z, const ParameterValues&) noexcept
{
    if (z < -1.0) return {-1.0, 0.0, 0.0};
    if (z < 1.0) return {z, 1.0, 0.0};
    return {1.0, 0.0, 0.0};
}

Derivatives softsignEval(double z, const ParameterValues&) noexcept
{
    // Powers of 1/(1 + |z|) rather than reciprocals of powers: (1 + |z|)² overflows long before
    // its reciprocal underflows.
    const double r = 1.0 / (1.0 + std::fabs(z));
    const double r2 = r * r;
    const double sign = z >= 0.0 ? 1.0 : -1.0;
    if (std::isinf(z)) return {sign, 0.0, -0.0 * sign};
    return {z * r, r2, -2.0 * sign * r2 * r};
}

Derivatives reluEval(double z, const ParameterValues&) noexcept
{
    if (z < 0.0) return {0.0, 0.0, 0.0};
    return {z, 1.0, 0.0};
}

Derivatives relu6Eval(double z, const ParameterValues&) noexcept
{
    if (z < 0.0) return {0.0, 0.0, 0.0};
    if (z < 6.0) return {z, 1.0, 0.0};
    return {6.0, 0.0, 0.0};
}

Derivatives leakyEval(double z, const ParameterValues& p) noexcept
{
    const double alpha = p[0];
    if (z < 0.0) return {alpha * z, alpha, 0.0};
    return {z, 1.0, 0.0};
}

Derivatives eluEval(double z, const ParameterValues& p) noexcept
{
    const double alpha = p[0];
    if (z < 0.0) {
        const NegativeExp x = negativeExp(z);
        return {alpha * x.em1, alpha * x.e, alpha * x.e};
    }
    return {z, 1.0, 0.0};
}

Derivatives celuEval(double z, const ParameterValues& p) noexcept
{
    const double alpha = p[0];
    if (z < 0.0) {
        const NegativeExp x = negativeExp(z / alpha);
        return {alpha * x.em1, x.e, x.e / alpha};
    }
    return {z, 1.0, 0.0};
}

Derivatives seluEval(double z, const ParameterValues& p) noexcept
{
    const double lambda = p[0];
    const double alpha = p[1];
    if (z < 0.0) {
        // λ · (α · …): α · eᶻ is finite, so a huge λ gives ±inf or 0, never inf · 0.
        const NegativeExp x = negativeExp(z);
        const double slope = lambda * (alpha * x.e);
        return {lambda * (alpha * x.em1), slope, slope};
    }
    return {lambda * z, lambda, 0.0};
}

Derivatives softplusEval(double z, const ParameterValues& p) noexcept
{
    const double beta = p[0];
    const double x = beta * z;
    const double e = std::exp(-std::fabs(x));
    const double inv = 1.0 / (1.0 + e);
    double f = 0.0;
    if (x > 0.0)
        f = z + std::log1p(e) / beta;  // z itself, not x/β, keeps the large branch exact
    else if (x > -700.0)
        f = std::log1p(e) / beta;
    else
        f = std::exp(x - std::log(beta));  // e^x/β without e^x underflowing first
    const double s = x >= 0.0 ? inv : e * inv;
    const double t = x >= 0.0 ? e * inv : inv;
    return {f, s, beta * s * t};
}

Derivatives geluEval(double z, const ParameterValues&) noexcept
{
    if (z > kGaussTail) return {z, 1.0, 0.0};
    if (z < -kGaussTail) return {-0.0, -0.0, 0.0};
    // Φ through erfc of −z/√2: in the negative tail erfc keeps full relative precision, where
    // 1 + erf would cancel to nothing.
    const double cdf = 0.5 * std::erfc(-z * kInvSqrt2);
    const double pdf = kInvSqrt2Pi * std::exp(-0.5 * z * z);
    return {z * cdf, cdf + z * pdf, pdf * (2.0 - z * z)};
}

Derivatives geluTanhEval(double z, const ParameterValues&) noexcept
{
    // (z/2)(1 + tanh u) = z σ(2u): the logistic form has no 1 + tanh cancellation for z < 0.
    if (z > 30.0) return {z, 1.0, 0.0};
    if (z < -30.0) return {-0.0, -0.0, 0.0};
    const double z2 = z * z;
    const double v = 2.0 * kSqrt2OverPi * z * (1.0 + kGeluTanhCubic * z2);
    const double dv = 2.0 * kSqrt2OverPi * (1.0 + 3.0 * kGeluTanhCubic * z2);
    const double ddv = 2.0 * kSqrt2OverPi * 6.0 * kGeluTanhCubic * z;
    if (std::fabs(v) > 600.0) {
        // e^(−|v|) is at or near the subnormal range: carry every factor into its exponent so
        // the result keeps full relative precision instead of the few bits a subnormal holds.
        const double logE = -std::fabs(v);
        const auto scaled = [logE](double factor) {
            return std::copysign(std::exp(logE + std::log(std::fabs(factor))), factor);
        };
        if (v > 0.0) return {z, 1.0, scaled(2.0 * dv + z * (ddv - dv * dv))};
        return {scaled(z), scaled(1.0 + z * dv), scaled(2.0 * dv + z * (dv * dv + ddv))};
    }
    const Logistic l = logistic(v);
    const double st = l.s * l.t;
    return {z * l.s, l.s + z * st * dv, st * (2.0 * dv + z * (l.diff * dv * dv + ddv))};
}

Derivatives swishEval(double z, const ParameterValues& p) noexcept
{
    const double beta = p[0];
    if (beta == 0.0) return {0.5 * z, 0.5, 0.0};
    const double x = beta * z;
    if (x > 745.0) return {z, 1.0, 0.0};
    if (x < kLogisticTail) {
        // σ(x) = eˣ here; folding the factors into the exponent keeps z·eˣ from underflowing
        // early when β is small.
        if (std::isinf(x)) return {-0.0, -0.0, 0.0};
        return {-std::exp(x + std::log(-z)), -std::exp(x + std::log(-1.0 - x)),
                -beta * std::exp(x + std::log(-2.0 - x))};
    }
    const Logistic l = logistic(x);
    const double st = l.s * l.t;
    return {z * l.s, l.s + x * st, beta * st * (2.0 + x * l.diff)};
}

Derivatives hardSwishEval(double z, const ParameterValues&) noexcept
{
    if (z < -3.0) return {0.0, 0.0, 0.0};
    if (z < 3.0) return {z * (z + 3.0) / 6.0, (2.0 * z + 3.0) / 6.0, 1.0 / 3.0};
    return {z, 1.0, 0.0};
}

Derivatives mishEval(double z, const ParameterValues&) noexcept
{
    // g = tanh(softplus z) as a rational function of e = e^(−|z|), so neither (1 + eᶻ)² overflows
    // nor 1 − g² cancels: for z > 0, g = (1 + 2e)/(1 + 2e + 2e²); for z ≤ 0, g = n/(n + 2) with
    // n = e(e + 2).
    const double e = std::exp(-std::fabs(z));
    double g = 0.0;
    double dg = 0.0;     // g′ = (1 − g²) σ(z)
    double sigma = 0.0;  // σ(z)
    double comp = 0.0;   // 1 − σ(z)
    if (z > 0.0) {
        if (e == 0.0) return {z, 1.0, 0.0};
        const double d = 1.0 + 2.0 * e * (1.0 + e);
        g = (1.0 + 2.0 * e) / d;
        dg = ((4.0 * e * e * (1.0 + e)) / d) / d;
        sigma = 1.0 / (1.0 + e);
        comp = e * sigma;
    } else {
        if (e == 0.0) return {-0.0, -0.0, 0.0};
        const double n = e * (e + 2.0);
        const double d = n + 2.0;
        g = n / d;
        dg = ((4.0 * e * (1.0 + e)) / d) / d;
        comp = 1.0 / (1.0 + e);
        sigma = e * comp;
    }
    const double ddg = dg * (comp - 2.0 * g * sigma);
    return {z * g, g + z * dg, 2.0 * dg + z * ddg};
}

Derivatives squareplusEval(double z, const ParameterValues& p) noexcept
{
    const double b = p[0];
    if (b == 0.0) return reluEval(z, p);
    if (std::isinf(z)) return z > 0.0 ? Derivatives{z, 1.0, 0.0} : Derivatives{0.0, 0.0, 0.0};
    const double a = std::fabs(z);
    // √(z² + b) without forming an overflowing z² at huge |z| (hypot scales internally).
    const double r = (a > 1e150 || b > 1e150) ? std::hypot(z, std::sqrt(b)) : std::sqrt(z * z + b);
    const double halfBOverR = 0.5 * b / r;
    // b/(2r³) divided out one factor at a time so that no intermediate overflows.
    const double d2 = (halfBOverR / r) / r;
    if (z >= 0.0) return {0.5 * z + 0.5 * r, 0.5 * (1.0 + z / r), d2};
    // For z < 0, z + r cancels; multiply through by r − z = r + |z|.
    return {0.5 * b / (r + a), halfBOverR / (r + a), d2};
}

Derivatives gaussianEval(double z, const ParameterValues&) noexcept
{
    if (std::fabs(z) > kGaussTail) return {0.0, 0.0, 0.0};
    const double q = z * z;
    const double f = std::exp(-q);
    return {f, -2.0 * z * f, (4.0 * q - 2.0) * f};
}

Derivatives snakeEval(double z, const ParameterValues& p) noexcept
{
    const double a = p[0];
    if (std::isinf(z)) return {z, kNaN, kNaN};  // f′ oscillates forever: no limit
    double u = a * z;
    double s = std::sin(u);
    double c = std::cos(u);
    if (std::isinf(u)) {
        // a·z beyond the double range (a near its maximum): the phase still exists, so reduce it
        // in long double, whose exponent range holds the product.
        const long double wide = static_cast<long double>(a) * static_cast<long double>(z);
        s = static_cast<double>(std::sin(wide));
        c = static_cast<double>(std::cos(wide));
    }
    // sin²(az)/a as s·(s/a): s/a ≈ z stays representable at tiny az. 1 + sin 2u = (s + c)² and
    // cos 2u = (c − s)(c + s) keep full relative precision near the zeros of f′ and f″.
    const double sum = s + c;
    return {z + s * (s / a), sum * sum, 2.0 * (a * ((c - s) * sum))};
}

// ---- the framework built-ins and recent models' activations ---------------------------------------

// Hard and soft shrink keep the convention of the limit from the right: f(λ) = λ for hard shrink
// (whose definition, z if |z| > λ, gives 0 there) and f′(±λ) of soft shrink is that of the piece
// on the right of ±λ.
Derivatives hardShrinkEval(double z, const ParameterValues& p) noexcept
{
    const double lambda = p[0];
    if (z >= lambda || z < -lambda) return {z, 1.0, 0.0};
    return {0.0, 0.0, 0.0};
}

Derivatives softShrinkEval(double z, const ParameterValues& p) noexcept
{
    const double lambda = p[0];
    if (z >= lambda) return {z - lambda, 1.0, 0.0};
    if (z < -lambda) return {z + lambda, 1.0, 0.0};
    return {0.0, 0.0, 0.0};
}

// 1 − tanh² z and tanh z with no cancellation near ±1 (as in tanhEval).
struct TanhAndSech2 {
    double t;
    double sech2;
};

[[nodiscard]] TanhAndSech2 tanhAndSech2(double z) noexcept
{
    const double e = std::exp(-2.0 * std::fabs(z));
    const double q = 1.0 + e;
    return {std::tanh(z), (4.0 * e / q) / q};
}

Derivatives tanhShrinkEval(double z, const ParameterValues&) noexcept
{
    // z − tanh z = z³/3 − 2z⁵/15 + …: the difference itself cancels completely near 0, so the
    // series (Horner in z², to z¹⁹: below 1e-19 relative for |z| < 0.1) takes over there, and up
    // to |z| = 2 the difference is taken in long double, whose extra 11 bits cover the digits the
    // cancellation loses. f′ = tanh² z has no cancellation at all.
    const double a = std::fabs(z);
    const TanhAndSech2 th = tanhAndSech2(z);
    const double d1 = th.t * th.t;
    const double d2 = 2.0 * th.t * th.sech2;
    double f = 0.0;
    if (a < 0.1) {
        const double w = z * z;
        const double series =
            0.33333333333333333333 +
            w * (-0.13333333333333333333 +
                 w * (0.053968253968253968254 + w * (-0.021869488536155202822 +
                                                     w * (0.0088632355299021965689 +
                                                          w * (-0.0035921280365724810169 +
                                                               w * (0.0014558343870513182682 +
                                                                    w * (-0.00059002744094558598138 +
                                                                         w * 0.00023912911424355248149)))))));
        f = z * w * series;
    } else if (a < 2.0) {
        const long double wide = z;
        f = static_cast<double>(wide - std::tanh(wide));
    } else {
        f = z - th.t;
    }
    return {f, d1, d2};
}

Derivatives logSigmoidEval(double z, const ParameterValues&) noexcept
{
    // ln σ(z) = −ln(1 + e⁻ᶻ): log1p of the small exponential for z > 0, z − ln(1 + eᶻ) below, so
    // neither tail rounds to 0 or overflows. f′ = σ(−z), f″ = −σ(z)σ(−z).
    const Logistic l = logistic(z);
    const double f = z > 0.0 ? -std::log1p(std::exp(-z)) : z - std::log1p(std::exp(z));
    return {f, l.t, -(l.s * l.t)};
}

// The inference curve of RReLU: the mean (l + u)/2 of the training slopes.
[[nodiscard]] double rreluSlope(const ParameterValues& p) noexcept
{
    return 0.5 * p[0] + 0.5 * p[1];
}

Derivatives rreluEval(double z, const ParameterValues& p) noexcept
{
    const double slope = rreluSlope(p);
    if (z < 0.0) return {slope * z, slope, 0.0};
    return {z, 1.0, 0.0};
}

Derivatives thresholdEval(double z, const ParameterValues& p) noexcept
{
    const double threshold = p[0];
    const double value = p[1];
    if (z >= threshold) return {z, 1.0, 0.0};
    return {value, 0.0, 0.0};
}

Derivatives exponentialEval(double z, const ParameterValues&) noexcept
{
    // Exact to the rounding of exp up to its overflow at z ≈ 709.78, where the value itself leaves
    // the doubles.
    const double e = std::exp(z);
    return {e, e, e};
}

Derivatives sparsePlusEval(double z, const ParameterValues&) noexcept
{
    if (z < -1.0) return {0.0, 0.0, 0.0};
    if (z < 1.0) {
        const double u = z + 1.0;  // exact near −1, where the quadratic meets the flat part
        return {0.25 * u * u, 0.5 * u, 0.5};
    }
    return {z, 1.0, 0.0};
}

Derivatives sparseSigmoidEval(double z, const ParameterValues&) noexcept
{
    if (z < -1.0) return {0.0, 0.0, 0.0};
    if (z < 1.0) return {0.5 * (z + 1.0), 0.5, 0.0};
    return {1.0, 0.0, 0.0};
}

Derivatives reluSquaredEval(double z, const ParameterValues&) noexcept
{
    if (z < 0.0) return {0.0, 0.0, 0.0};
    return {z * z, 2.0 * z, 2.0};
}

Derivatives starReluEval(double z, const ParameterValues& p) noexcept
{
    const double s = p[0];
    const double b = p[1];
    if (z < 0.0) return {b, 0.0, 0.0};
    // s·z·z in the order that neither overflows early (z² at huge z with a small s) nor forms
    // 0 · inf (s = 0 at huge z).
    const double square = z < 1e150 ? s * (z * z) : (s * z) * z;
    return {square + b, 2.0 * (s * z), 2.0 * s};
}

constexpr double kQuickGeluScale = 1.702;

Derivatives quickGeluEval(double z, const ParameterValues&) noexcept
{
    return swishEval(z, ParameterValues{kQuickGeluScale});
}

Derivatives sineEval(double z, const ParameterValues& p) noexcept
{
    const double omega = p[0];
    if (std::isinf(z)) return {kNaN, kNaN, kNaN};  // oscillates forever: no limit
    const double u = omega * z;
    double s = std::sin(u);
    double c = std::cos(u);
    if (std::isinf(u)) {
        // ω·z beyond the double range: reduce the phase in long double, whose exponent holds it.
        const long double wide = static_cast<long double>(omega) * static_cast<long double>(z);
        s = static_cast<double>(std::sin(wide));
        c = static_cast<double>(std::cos(wide));
    }
    // −ω²·sin as −ω·(ω·sin): ω² alone may overflow where the product does not.
    return {s, omega * c, -(omega * (omega * s))};
}

Derivatives arctanEval(double z, const ParameterValues&) noexcept
{
    // 1/(1 + z²) through r = 1/z beyond |z| = 1: z² overflows at 1.3e154 long before f′ underflows.
    const double f = std::atan(z);
    if (std::fabs(z) <= 1.0) {
        const double d = 1.0 + z * z;
        return {f, 1.0 / d, -2.0 * z / d / d};
    }
    const double r = 1.0 / z;
    const double q = 1.0 + r * r;
    return {f, (r * r) / q, -2.0 * ((r * r) * r) / q / q};
}

// z / √(1 + αz²), its f′ = r³ and f″ = −3αz r⁵ with r = 1/√(1 + αz²), written through x = √α z and
// hypot so that no square overflows; once x itself overflows the 1 under the root is negligible.
Derivatives isruEval(double z, const ParameterValues& p) noexcept
{
    const double alpha = p[0];
    const double root = std::sqrt(alpha);
    const double x = root * z;
    if (std::isinf(x)) {
        if (std::isinf(z)) return {std::copysign(1.0 / root, z), 0.0, std::copysign(0.0, -z)};
        const double r = (1.0 / root) / std::fabs(z);  // 1/(√α |z|)
        const double r3 = (r * r) * r;
        return {std::copysign(1.0 / root, z), r3, -3.0 * std::copysign(r3 / std::fabs(z), z)};
    }
    const double r = 1.0 / std::hypot(1.0, x);
    const double r3 = (r * r) * r;
    // α z r⁵ = (x r)(√α r) r³: each factor bounded, so no intermediate overflows.
    return {z * r, r3, -3.0 * ((x * r) * (root * r)) * r3};
}

Derivatives isrluEval(double z, const ParameterValues& p) noexcept
{
    if (z >= 0.0) return {z, 1.0, 0.0};
    return isruEval(z, p);
}

Derivatives bentIdentityEval(double z, const ParameterValues&) noexcept
{
    if (std::isinf(z)) return z > 0.0 ? Derivatives{z, 1.5, 0.0} : Derivatives{z, 0.5, 0.0};
    // (√(z² + 1) − 1)/2 = z²/(2(h + 1)) with h = √(z² + 1): no cancellation near 0. Then
    // f = z (1 + z/(2(h + 1))), whose bracket lies in (1/2, 3/2): no cancellation for z < 0 either.
    const double h = std::hypot(z, 1.0);
    const double r = 1.0 / h;
    const double half = 0.5 * (z / (h + 1.0));
    return {z * (1.0 + half), 1.0 + 0.5 * (z * r), 0.5 * ((r * r) * r)};
}

Derivatives lishtEval(double z, const ParameterValues&) noexcept
{
    // f′ = tanh z + z sech² z: both terms share the sign of z, so they never cancel.
    const TanhAndSech2 th = tanhAndSech2(z);
    if (std::isinf(z)) return {kInf, std::copysign(1.0, z), 0.0};
    const double zs = z * th.sech2;
    // f″ = 2 sech² z (1 − z tanh z).
    return {z * th.t, th.t + zs, 2.0 * (th.sech2 - zs * th.t)};
}

Derivatives tanhExpEval(double z, const ParameterValues&) noexcept
{
    // g = tanh(E), E = eᶻ: g′ = E sech² E, g″ = g′ (1 − 2E tanh E); f = z g, f′ = g + z g′,
    // f″ = 2g′ + z g″. Past z = 20, sech² E has underflowed to 0 and g = 1 exactly, while E
    // itself overflows past 709: the limit values avoid the inf · 0 the formulas would form.
    if (z > 20.0) return {z, 1.0, 0.0};
    if (z < -40.0) {
        // tanh E = E and sech² E = 1 to double precision: f = z eᶻ, f′ = (1 + z) eᶻ,
        // f″ = (2 + z) eᶻ, each factor folded into the exponent so it underflows only when the
        // product does.
        if (std::isinf(z)) return {-0.0, -0.0, 0.0};
        return {-std::exp(z + std::log(-z)), -std::exp(z + std::log(-1.0 - z)),
                -std::exp(z + std::log(-2.0 - z))};
    }
    const double e = std::exp(z);
    const TanhAndSech2 th = tanhAndSech2(e);
    const double dg = e * th.sech2;
    const double ddg = dg * (1.0 - 2.0 * e * th.t);
    return {z * th.t, th.t + z * dg, 2.0 * dg + z * ddg};
}

Derivatives penalizedTanhEval(double z, const ParameterValues& p) noexcept
{
    const Derivatives t = tanhEval(z, p);
    if (z >= 0.0) return t;
    const double a = p[0];
    return {a * t.f, a * t.d1, a * t.d2};
}

// ---- bulk evaluation ---------------------------------------------------------------------------

template <Evaluator Eval>
void evaluateBulk(std::span<const double> z, const ParameterValues& p, std::span<double> f,
                  std::span<double> d1, std::span<double> d2)
{
    for (std::size_t i = 0; i < z.size(); ++i) {
        const Derivatives d = evaluateChecked<Eval>(z[i], p);
        f[i] = d.f;
        d1[i] = d.d1;
        d2[i] = d.d2;
    }
}

// Newton's method on f′ = 0 from a start inside the basin of the global minimum; used for the
// exact lower end of the range of the non-monotonic smooth activations.
[[nodiscard]] double minimumValue(Evaluator eval, const ParameterValues& p, double start) noexcept
{
    double z = start;
    for (int i = 0; i < 100; ++i) {
        const Derivatives d = eval(z, p);
        const double next = z - d.d1 / d.d2;
        if (!std::isfinite(next)) break;
        if (next == z) break;
        z = next;
    }
    return eval(z, p).f;
}

// ---- construction helpers ----------------------------------------------------------------------

Parameter parameter(std::string name, std::string symbol, double defaultValue, double domainMin, bool minOpen,
                    double domainMax, bool maxOpen, double sliderMin, double sliderMax, std::string meaning)
{
    Parameter result;
    result.name = std::move(name);
    result.symbol = std::move(symbol);
    result.defaultValue = defaultValue;
    result.domainMin = domainMin;
    result.domainMinOpen = minOpen;
    result.domainMax = domainMax;
    result.domainMaxOpen = maxOpen;
    result.sliderMin = sliderMin;
    result.sliderMax = sliderMax;
    result.meaning = std::move(meaning);
    return result;
}

Reference reference(std::string authors, std::string title, std::string venue, int year,
                    std::string arxiv = {}, std::string doi = {})
{
    return Reference{std::move(authors), std::move(title), std::move(venue), year,
                     std::move(arxiv),   std::move(doi)};
}

OutputRange range(double lo, bool loIncluded, double hi, bool hiIncluded)
{
    return OutputRange{lo, hi, loIncluded, hiIncluded};
}

std::vector<Kink> noKinks(const ParameterValues&)
{
    return {};
}

template <Evaluator Eval>
Activation make(Family family, std::string id, std::string name, std::string formula,
                std::vector<Parameter> parameters,
                std::function<std::vector<Kink>(const ParameterValues&)> kinks,
                std::function<Properties(const ParameterValues&)> properties, Reference ref)
{
    Activation a;
    a.id = std::move(id);
    a.family = family;
    a.name = std::move(name);
    a.formula = std::move(formula);
    a.parameters = std::move(parameters);
    a.evaluate = [](double z, const ParameterValues& p) { return evaluateChecked<Eval>(z, p); };
    a.kinks = std::move(kinks);
    a.properties = std::move(properties);
    a.evaluateMany = &evaluateBulk<Eval>;
    a.reference = std::move(ref);
    return a;
}

// Shared property sets of the piecewise-linear rectifier family (leaky ReLU, PReLU).
// GELU, its tanh form and Mish: one dip to a minimum on the left, f′ → 0 as z → −∞, linear growth
// on the right.
Properties dipThenLinearProperties(double minimum)
{
    Properties r;
    r.range = range(minimum, true, kInf, false);
    r.boundedBelow = true;
    r.saturates = Saturation::Left;
    return r;
}

Properties leakyProperties(const ParameterValues& p)
{
    const double alpha = p[0];
    Properties r;
    r.range = alpha > 0.0 ? range(-kInf, false, kInf, false) : range(0.0, true, kInf, false);
    r.monotonic = true;
    r.derivativeMonotonic = alpha <= 1.0;
    r.smoothness = alpha == 1.0 ? Smoothness::CInfinity : Smoothness::C0;
    r.boundedBelow = alpha == 0.0;
    r.saturates = alpha == 0.0 ? Saturation::Left : Saturation::None;
    r.deadRegion = alpha == 0.0;
    r.identityNearZero = alpha == 1.0;
    return r;
}

std::vector<Kink> kinkAtZeroUnlessLinear(const ParameterValues& p)
{
    if (p[0] == 1.0) return {};
    return {Kink{0.0, 1}};
}

// ELU-like: z for z ≥ 0, scale·(e^(z/width) − 1) below; scale = width gives a C¹ join.
Properties exponentialUnitProperties(double slopeRight, double scale, double width, bool c1)
{
    Properties r;
    r.range = scale > 0.0 ? range(-scale, false, kInf, false) : range(0.0, true, kInf, false);
    r.monotonic = true;
    // f′ rises to scale/width at 0⁻ and is slopeRight after: convex iff that is not a drop.
    r.derivativeMonotonic = scale / width <= slopeRight;
    r.smoothness = c1 ? Smoothness::C1 : Smoothness::C0;
    r.boundedBelow = true;
    r.saturates = Saturation::Left;
    r.deadRegion = scale == 0.0;
    r.identityNearZero = c1 && slopeRight == 1.0;
    return r;
}

// Hard and soft shrink: odd, monotonic, 0 on (−λ, λ); λ = 0 is the identity.
Properties shrinkProperties(double lambda, Smoothness smoothnessWithBand)
{
    Properties r;
    r.monotonic = true;
    if (lambda == 0.0) {
        r.derivativeMonotonic = true;
        r.identityNearZero = true;
        return r;
    }
    r.smoothness = smoothnessWithBand;
    r.deadRegion = true;
    return r;
}

// s · max(0, z)² + b; s = 0 leaves the constant b.
Properties starReluProperties(double s, double b)
{
    Properties r;
    r.monotonic = true;
    r.derivativeMonotonic = true;
    r.boundedBelow = true;
    r.deadRegion = true;
    if (s == 0.0) {
        r.range = range(b, true, b, true);
        r.range.onlyEnds = true;  // a constant: the one value b, nothing in between
        r.boundedAbove = true;
        r.saturates = Saturation::Both;
        return r;
    }
    r.range = range(b, true, kInf, false);
    r.smoothness = Smoothness::C1;
    r.saturates = Saturation::Left;
    return r;
}

Reference carlileReference()
{
    return reference("B. Carlile, G. Delamarter, P. Kinney, A. Marti, B. Whitney",
                     "Improving deep learning by inverse square root linear units (ISRLUs)", "arXiv", 2017,
                     "1710.09967");
}

std::vector<Activation> buildCatalog()
{
    std::vector<Activation> all;
    all.reserve(43);

    all.push_back(make<identityEval>(
        Family::Linear, "identity", "Linear (identity)", "z", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.monotonic = true;
            r.derivativeMonotonic = true;
            r.identityNearZero = true;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<stepEval>(
        Family::Threshold, "step", "Binary step", "1 if z ≥ 0, else 0", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{0.0, 0}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, true, 1.0, true);
            r.range.onlyEnds = true;
            r.monotonic = true;
            r.smoothness = Smoothness::Discontinuous;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.deadRegion = true;
            return r;
        },
        reference(
            "F. Rosenblatt",
            "The perceptron: a probabilistic model for information storage and organization in the brain",
            "Psychological Review 65(6)", 1958, "", "10.1037/h0042519")));

    all.push_back(make<sigmoidEval>(
        Family::Sigmoid, "sigmoid", "Sigmoid (logistic)", "1 / (1 + e⁻ᶻ)", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, false, 1.0, false);
            r.monotonic = true;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<tanhEval>(
        Family::Sigmoid, "tanh", "Tanh", "tanh z", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.range = range(-1.0, false, 1.0, false);
            r.monotonic = true;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.identityNearZero = true;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<hardSigmoidEval>(
        Family::Sigmoid, "hard_sigmoid", "Hard sigmoid", "clamp(z/6 + 1/2, 0, 1)", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{-3.0, 1}, {3.0, 1}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, true, 1.0, true);
            r.monotonic = true;
            r.smoothness = Smoothness::C0;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.deadRegion = true;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<hardTanhEval>(
        Family::Sigmoid, "hard_tanh", "Hard tanh", "clamp(z, −1, 1)", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{-1.0, 1}, {1.0, 1}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(-1.0, true, 1.0, true);
            r.monotonic = true;
            r.smoothness = Smoothness::C0;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.deadRegion = true;
            r.identityNearZero = true;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<softsignEval>(
        Family::Sigmoid, "softsign", "Softsign", "z / (1 + |z|)", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{0.0, 2}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(-1.0, false, 1.0, false);
            r.monotonic = true;
            r.smoothness = Smoothness::C1;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.identityNearZero = true;
            return r;
        },
        reference("J. Bergstra, G. Desjardins, P. Lamblin, Y. Bengio",
                  "Quadratic polynomials learn better image features",
                  "Technical report 1337, Université de Montréal", 2009)));

    all.push_back(make<reluEval>(
        Family::Rectifier, "relu", "ReLU", "max(0, z)", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{0.0, 1}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, true, kInf, false);
            r.monotonic = true;
            r.derivativeMonotonic = true;
            r.smoothness = Smoothness::C0;
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            r.deadRegion = true;
            return r;
        },
        reference("V. Nair, G. E. Hinton; X. Glorot, A. Bordes, Y. Bengio",
                  "Rectified linear units improve restricted Boltzmann machines; Deep sparse rectifier "
                  "neural networks",
                  "ICML 2010; AISTATS 2011", 2010)));

    all.push_back(make<relu6Eval>(
        Family::Rectifier, "relu6", "ReLU6", "min(max(0, z), 6)", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{0.0, 1}, {6.0, 1}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, true, 6.0, true);
            r.monotonic = true;
            r.smoothness = Smoothness::C0;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.deadRegion = true;
            return r;
        },
        reference(
            "A. Krizhevsky; A. G. Howard et al.",
            "Convolutional deep belief networks on CIFAR-10; MobileNets: efficient convolutional neural "
            "networks for mobile vision applications",
            "Technical report 2010; arXiv 2017", 2010, "1704.04861")));

    all.push_back(make<leakyEval>(
        Family::Rectifier, "leaky_relu", "Leaky ReLU", "z if z ≥ 0, else α z",
        {parameter("alpha", "α", 0.01, 0.0, false, 1.0, false, 0.0, 1.0,
                   "slope for negative inputs, in [0, 1]: 0 is ReLU, 1 is the identity")},
        kinkAtZeroUnlessLinear, leakyProperties,
        reference("A. L. Maas, A. Y. Hannun, A. Y. Ng",
                  "Rectifier nonlinearities improve neural network acoustic models",
                  "ICML Workshop on Deep Learning for Audio, Speech and Language Processing", 2013)));

    all.push_back(make<leakyEval>(
        Family::Rectifier, "prelu", "PReLU", "z if z ≥ 0, else a z (a learned)",
        {parameter("alpha", "α", 0.25, 0.0, false, 1.0, false, 0.0, 1.0,
                   "learned slope for negative inputs (0.25 is the usual initial value), in [0, 1]")},
        kinkAtZeroUnlessLinear, leakyProperties,
        reference(
            "K. He, X. Zhang, S. Ren, J. Sun",
            "Delving deep into rectifiers: surpassing human-level performance on ImageNet classification",
            "ICCV", 2015, "1502.01852")));

    all.push_back(make<eluEval>(
        Family::SmoothRectifier, "elu", "ELU", "z if z > 0, else α (eᶻ − 1)",
        {parameter("alpha", "α", 1.0, 0.0, false, kInf, false, 0.01, 3.0,
                   "value approached as z → −∞ is −α; α ≥ 0 (α = 1 makes f′ continuous)")},
        [](const ParameterValues& p) {
            return std::vector<Kink>{{0.0, p[0] == 1.0 ? 2 : 1}};
        },
        [](const ParameterValues& p) { return exponentialUnitProperties(1.0, p[0], 1.0, p[0] == 1.0); },
        reference("D.-A. Clevert, T. Unterthiner, S. Hochreiter",
                  "Fast and accurate deep network learning by exponential linear units (ELUs)", "ICLR 2016",
                  2015, "1511.07289")));

    all.push_back(make<celuEval>(
        Family::SmoothRectifier, "celu", "CELU", "max(0, z) + min(0, α (e^(z/α) − 1))",
        {parameter(
            "alpha", "α", 1.0, 0.0, true, kInf, false, 0.01, 3.0,
            "scale of the negative part, α > 0: f → −α as z → −∞, and f′ stays continuous for every α")},
        [](const ParameterValues&) {
            return std::vector<Kink>{{0.0, 2}};
        },
        [](const ParameterValues& p) { return exponentialUnitProperties(1.0, p[0], p[0], true); },
        reference("J. T. Barron", "Continuously differentiable exponential linear units", "arXiv", 2017,
                  "1704.07483")));

    all.push_back(make<seluEval>(
        Family::SmoothRectifier, "selu", "SELU", "λ · (z if z > 0, else α (eᶻ − 1))",
        {parameter("lambda", "λ", kSeluLambda, 0.0, true, kInf, false, 0.5, 2.0,
                   "overall scale, λ > 0; the default is the self-normalising constant"),
         parameter(
             "alpha", "α", kSeluAlpha, 0.0, false, kInf, false, 0.01, 3.0,
             "negative saturation level (f → −λα), α ≥ 0; the default is the self-normalising constant")},
        [](const ParameterValues& p) {
            return std::vector<Kink>{{0.0, p[1] == 1.0 ? 2 : 1}};
        },
        [](const ParameterValues& p) {
            Properties r = exponentialUnitProperties(p[0], p[0] * p[1], 1.0, p[1] == 1.0);
            r.selfNormalising = p[0] == kSeluLambda && p[1] == kSeluAlpha;
            return r;
        },
        reference("G. Klambauer, T. Unterthiner, A. Mayr, S. Hochreiter", "Self-normalizing neural networks",
                  "NeurIPS", 2017, "1706.02515")));

    all.push_back(make<softplusEval>(
        Family::SmoothRectifier, "softplus", "Softplus", "(1/β) ln(1 + e^(β z))",
        {parameter("beta", "β", 1.0, 0.0, true, kInf, false, 0.1, 10.0,
                   "sharpness, β > 0: larger β bends closer to ReLU, f(0) = ln 2 / β")},
        noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, false, kInf, false);
            r.monotonic = true;
            r.derivativeMonotonic = true;
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            return r;
        },
        reference("C. Dugas, Y. Bengio, F. Bélisle, C. Nadeau, R. Garcia",
                  "Incorporating second-order functional knowledge for better option pricing", "NIPS 13",
                  2001)));

    all.push_back(make<geluEval>(
        Family::Gated, "gelu", "GELU", "z Φ(z) = (z/2)(1 + erf(z/√2))", {}, noKinks,
        [](const ParameterValues& p) {
            static const double minimum = minimumValue(&geluEval, p, -0.75);
            return dipThenLinearProperties(minimum);
        },
        reference("D. Hendrycks, K. Gimpel", "Gaussian error linear units (GELUs)", "arXiv", 2016,
                  "1606.08415")));

    all.push_back(make<geluTanhEval>(
        Family::Gated, "gelu_tanh", "GELU (tanh approximation)", "(z/2)(1 + tanh(√(2/π) (z + 0.044715 z³)))",
        {}, noKinks,
        [](const ParameterValues& p) {
            static const double minimum = minimumValue(&geluTanhEval, p, -0.75);
            return dipThenLinearProperties(minimum);
        },
        reference("D. Hendrycks, K. Gimpel", "Gaussian error linear units (GELUs)", "arXiv", 2016,
                  "1606.08415")));

    all.push_back(make<swishEval>(
        Family::Gated, "swish", "Swish / SiLU", "z σ(β z)",
        {parameter("beta", "β", 1.0, 0.0, false, kInf, false, 0.0, 10.0,
                   "gate sharpness, β ≥ 0: 1 is SiLU, 0 gives z/2, large β approaches ReLU")},
        noKinks,
        [](const ParameterValues& p) {
            Properties r;
            if (p[0] == 0.0) {
                r.monotonic = true;
                r.derivativeMonotonic = true;
                return r;
            }
            // f(z) = x σ(x)/β with x = βz, so the minimum is that of x σ(x), divided by β.
            static const double unitMinimum = minimumValue(&swishEval, ParameterValues{1.0}, -1.28);
            r.range = range(unitMinimum / p[0], true, kInf, false);
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            return r;
        },
        reference(
            "P. Ramachandran, B. Zoph, Q. V. Le; S. Elfwing, E. Uchibe, K. Doya",
            "Searching for activation functions; Sigmoid-weighted linear units for neural network function "
            "approximation in reinforcement learning",
            "arXiv 2017 (1710.05941; 1702.03118)", 2017, "1710.05941")));

    all.push_back(make<hardSwishEval>(
        Family::Gated, "hard_swish", "Hard swish", "z · relu6(z + 3) / 6", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{-3.0, 1}, {3.0, 1}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(-0.375, true, kInf, false);
            r.smoothness = Smoothness::C0;
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            r.deadRegion = true;
            return r;
        },
        reference("A. Howard et al.", "Searching for MobileNetV3", "ICCV", 2019, "1905.02244")));

    all.push_back(make<mishEval>(
        Family::Gated, "mish", "Mish", "z tanh(softplus(z))", {}, noKinks,
        [](const ParameterValues& p) {
            static const double minimum = minimumValue(&mishEval, p, -1.2);
            return dipThenLinearProperties(minimum);
        },
        reference("D. Misra", "Mish: a self regularized non-monotonic activation function", "BMVC 2020", 2019,
                  "1908.08681")));

    all.push_back(make<squareplusEval>(
        Family::SmoothRectifier, "squareplus", "Squareplus", "(z + √(z² + b)) / 2",
        {parameter("b", "b", 4.0, 0.0, false, kInf, false, 0.0, 10.0,
                   "curvature near 0, b ≥ 0: f(0) = √b / 2, and b = 0 is ReLU")},
        [](const ParameterValues& p) {
            return p[0] == 0.0 ? std::vector<Kink>{{0.0, 1}} : std::vector<Kink>{};
        },
        [](const ParameterValues& p) {
            Properties r;
            const bool relu = p[0] == 0.0;
            r.range = range(0.0, relu, kInf, false);
            r.monotonic = true;
            r.derivativeMonotonic = true;
            r.smoothness = relu ? Smoothness::C0 : Smoothness::CInfinity;
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            r.deadRegion = relu;
            return r;
        },
        reference("J. T. Barron", "Squareplus: a softplus-like algebraic rectifier", "arXiv", 2021,
                  "2112.11687")));

    all.push_back(make<gaussianEval>(
        Family::Radial, "gaussian", "Gaussian", "e^(−z²)", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, false, 1.0, true);
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<snakeEval>(
        Family::Periodic, "snake", "Snake", "z + sin²(a z) / a",
        {parameter("a", "a", 1.0, 0.0, true, kInf, false, 0.1, 10.0,
                   "frequency of the periodic part, a > 0: larger a gives faster, smaller wiggles")},
        noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.monotonic = true;
            r.identityNearZero = true;
            return r;
        },
        reference("L. Ziyin, T. Hartwig, M. Ueda",
                  "Neural networks fail to learn periodic functions and how to fix it", "NeurIPS", 2020,
                  "2006.08195")));

    // ---- the framework built-ins and recent models' activations ----------------------------------

    all.push_back(make<hardShrinkEval>(
        Family::Shrinkage, "hard_shrink", "Hard shrink", "z if |z| > λ, else 0",
        {parameter("lambda", "λ", 0.5, 0.0, false, kInf, false, 0.0, 3.0,
                   "half-width of the band set to 0, λ ≥ 0: f jumps from 0 to ±λ at its edges")},
        [](const ParameterValues& p) {
            return p[0] == 0.0 ? std::vector<Kink>{} : std::vector<Kink>{{-p[0], 0}, {p[0], 0}};
        },
        [](const ParameterValues& p) { return shrinkProperties(p[0], Smoothness::Discontinuous); },
        reference("D. L. Donoho, I. M. Johnstone", "Ideal spatial adaptation by wavelet shrinkage",
                  "Biometrika 81(3)", 1994, "", "10.1093/biomet/81.3.425")));

    all.push_back(make<softShrinkEval>(
        Family::Shrinkage, "soft_shrink", "Soft shrink", "z − λ if z > λ; z + λ if z < −λ; else 0",
        {parameter("lambda", "λ", 0.5, 0.0, false, kInf, false, 0.0, 3.0,
                   "half-width of the band set to 0, λ ≥ 0: outside it f moves z towards 0 by λ")},
        [](const ParameterValues& p) {
            return p[0] == 0.0 ? std::vector<Kink>{} : std::vector<Kink>{{-p[0], 1}, {p[0], 1}};
        },
        [](const ParameterValues& p) { return shrinkProperties(p[0], Smoothness::C0); },
        reference("D. L. Donoho", "De-noising by soft-thresholding",
                  "IEEE Transactions on Information Theory 41(3)", 1995, "", "10.1109/18.382009")));

    all.push_back(make<tanhShrinkEval>(
        Family::Shrinkage, "tanh_shrink", "Tanh shrink", "z − tanh z", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.monotonic = true;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<logSigmoidEval>(
        Family::Sigmoid, "log_sigmoid", "Log-sigmoid", "ln σ(z) = −ln(1 + e⁻ᶻ)", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.range = range(-kInf, false, 0.0, false);
            r.monotonic = true;
            r.boundedAbove = true;
            r.saturates = Saturation::Right;
            return r;
        },
        reference("", "", "", 0)));

    {
        Activation rrelu = make<rreluEval>(
            Family::Rectifier, "rrelu", "Randomized leaky ReLU",
            "z if z ≥ 0, else a z; a ~ U(l, u) in training, (l + u)/2 at inference",
            {parameter("lower", "l", 0.125, 0.0, false, 1.0, false, 0.0, 1.0,
                       "smallest training slope for negative inputs, in [0, 1], at most upper"),
             parameter("upper", "u", 1.0 / 3.0, 0.0, false, 1.0, false, 0.0, 1.0,
                       "largest training slope for negative inputs, in [0, 1], at least lower")},
            [](const ParameterValues& p) {
                return rreluSlope(p) == 1.0 ? std::vector<Kink>{} : std::vector<Kink>{{0.0, 1}};
            },
            [](const ParameterValues& p) { return leakyProperties(ParameterValues{rreluSlope(p)}); },
            reference("B. Xu, N. Wang, T. Chen, M. Li",
                      "Empirical evaluation of rectified activations in convolutional network", "arXiv", 2015,
                      "1505.00853"));
        rrelu.parameterConflict = [](const ParameterValues& p) {
            if (p[0] <= p[1]) return std::string{};
            return "lower of rrelu must not exceed its upper; lower = " + shortestText(p[0]) +
                   " is above upper = " + shortestText(p[1]);
        };
        rrelu.randomSlopeBand = [](const ParameterValues& p) { return RandomSlopeBand{p[0], p[1]}; };
        all.push_back(std::move(rrelu));
    }

    all.push_back(make<thresholdEval>(
        Family::Rectifier, "threshold", "Threshold", "z if z > t, else v",
        {parameter("threshold", "t", 0.0, -kInf, false, kInf, false, -3.0, 3.0,
                   "where the identity starts: inputs below t are replaced by v"),
         parameter("value", "v", 0.0, -kInf, false, kInf, false, -3.0, 3.0,
                   "the output for every input below t; v = t makes f continuous")},
        [](const ParameterValues& p) {
            return std::vector<Kink>{{p[0], p[1] == p[0] ? 1 : 0}};
        },
        [](const ParameterValues& p) {
            const double t = p[0];
            const double v = p[1];
            Properties r;
            r.range = range(std::min(t, v), true, kInf, false);
            r.monotonic = v <= t;
            r.derivativeMonotonic = v == t;
            r.smoothness = v == t ? Smoothness::C0 : Smoothness::Discontinuous;
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            r.deadRegion = true;
            r.identityNearZero = t < 0.0;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<exponentialEval>(
        Family::Other, "exponential", "Exponential", "eᶻ", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, false, kInf, false);
            r.monotonic = true;
            r.derivativeMonotonic = true;
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<sparsePlusEval>(
        Family::SmoothRectifier, "sparse_plus", "Sparse plus",
        "0 if z ≤ −1; (z + 1)²/4 if −1 < z < 1; z if z ≥ 1", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{-1.0, 2}, {1.0, 2}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, true, kInf, false);
            r.monotonic = true;
            r.derivativeMonotonic = true;
            r.smoothness = Smoothness::C1;
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            r.deadRegion = true;
            return r;
        },
        reference("M. Blondel, A. F. T. Martins, V. Niculae", "Learning with Fenchel-Young losses",
                  "Journal of Machine Learning Research 21", 2020, "1901.02324")));

    all.push_back(make<sparseSigmoidEval>(
        Family::Sigmoid, "sparse_sigmoid", "Sparse sigmoid",
        "0 if z ≤ −1; (z + 1)/2 if −1 < z < 1; 1 if z ≥ 1", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{-1.0, 1}, {1.0, 1}};
        },
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, true, 1.0, true);
            r.monotonic = true;
            r.smoothness = Smoothness::C0;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.deadRegion = true;
            return r;
        },
        // The derivative of sparse plus, from the same paper.
        reference("M. Blondel, A. F. T. Martins, V. Niculae", "Learning with Fenchel-Young losses",
                  "Journal of Machine Learning Research 21", 2020, "1901.02324")));

    all.push_back(make<reluSquaredEval>(
        Family::Rectifier, "relu_squared", "Squared ReLU", "max(0, z)²", {},
        [](const ParameterValues&) {
            return std::vector<Kink>{{0.0, 2}};
        },
        [](const ParameterValues&) { return starReluProperties(1.0, 0.0); },
        reference("D. R. So, W. Mańke, H. Liu, Z. Dai, N. Shazeer, Q. V. Le",
                  "Primer: searching for efficient transformers for language modeling", "NeurIPS", 2021,
                  "2109.08668")));

    all.push_back(make<starReluEval>(
        Family::Rectifier, "star_relu", "StarReLU", "s · max(0, z)² + b",
        {parameter("s", "s", 0.8944271909999159, 0.0, false, kInf, false, 0.0, 2.0,
                   "scale of the squared part, s ≥ 0 (learned; the default keeps unit variance)"),
         parameter("b", "b", -0.4472135954999579, -kInf, false, kInf, false, -1.0, 1.0,
                   "shift of the whole curve (learned; the default centres the output)")},
        [](const ParameterValues& p) {
            return p[0] == 0.0 ? std::vector<Kink>{} : std::vector<Kink>{{0.0, 2}};
        },
        [](const ParameterValues& p) { return starReluProperties(p[0], p[1]); },
        reference("W. Yu, C. Si, P. Zhou, M. Luo, Y. Zhou, J. Feng, S. Yan, X. Wang",
                  "MetaFormer baselines for vision", "arXiv", 2022, "2210.13452")));

    all.push_back(make<quickGeluEval>(
        Family::Gated, "quick_gelu", "QuickGELU", "z σ(1.702 z)", {}, noKinks,
        [](const ParameterValues& p) {
            static const double minimum = minimumValue(&quickGeluEval, p, -0.75);
            return dipThenLinearProperties(minimum);
        },
        reference("A. Radford et al.",
                  "Learning transferable visual models from natural language supervision", "ICML", 2021,
                  "2103.00020")));

    all.push_back(make<sineEval>(
        Family::Periodic, "sine", "Sine (SIREN)", "sin(ω z)",
        {parameter("omega", "ω", 1.0, 0.0, true, kInf, false, 0.1, 30.0,
                   "frequency, ω > 0: SIREN uses 30 in its first layer")},
        noKinks,
        [](const ParameterValues& p) {
            Properties r;
            r.range = range(-1.0, true, 1.0, true);
            r.boundedBelow = r.boundedAbove = true;
            r.identityNearZero = p[0] == 1.0;
            return r;
        },
        reference("V. Sitzmann, J. N. P. Martel, A. W. Bergman, D. B. Lindell, G. Wetzstein",
                  "Implicit neural representations with periodic activation functions", "NeurIPS", 2020,
                  "2006.09661")));

    all.push_back(make<arctanEval>(
        Family::Sigmoid, "arctan", "Arctangent", "arctan z", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.range = range(-kHalfPi, false, kHalfPi, false);
            r.monotonic = true;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.identityNearZero = true;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<isruEval>(
        Family::Sigmoid, "isru", "ISRU", "z / √(1 + α z²)",
        {parameter("alpha", "α", 1.0, 0.0, true, kInf, false, 0.01, 10.0,
                   "α > 0 sets the bounds ±1/√α: larger α saturates sooner")},
        noKinks,
        [](const ParameterValues& p) {
            const double bound = 1.0 / std::sqrt(p[0]);
            Properties r;
            r.range = range(-bound, false, bound, false);
            r.monotonic = true;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.identityNearZero = true;
            return r;
        },
        carlileReference()));

    all.push_back(make<isrluEval>(
        Family::SmoothRectifier, "isrlu", "ISRLU", "z if z ≥ 0, else z / √(1 + α z²)",
        {parameter("alpha", "α", 1.0, 0.0, true, kInf, false, 0.01, 10.0,
                   "α > 0 sets the negative bound −1/√α: larger α saturates sooner")},
        noKinks,
        [](const ParameterValues& p) {
            Properties r;
            r.range = range(-1.0 / std::sqrt(p[0]), false, kInf, false);
            r.monotonic = true;
            r.derivativeMonotonic = true;
            // f, f′ and f″ join at 0; f‴ jumps from −3α to 0.
            r.smoothness = Smoothness::C2;
            r.boundedBelow = true;
            r.saturates = Saturation::Left;
            r.identityNearZero = true;
            return r;
        },
        carlileReference()));

    all.push_back(make<bentIdentityEval>(
        Family::Other, "bent_identity", "Bent identity", "(√(z² + 1) − 1)/2 + z", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.monotonic = true;
            r.derivativeMonotonic = true;
            r.identityNearZero = true;
            return r;
        },
        reference("", "", "", 0)));

    all.push_back(make<lishtEval>(
        Family::Gated, "lisht", "LiSHT", "z tanh z", {}, noKinks,
        [](const ParameterValues&) {
            Properties r;
            r.range = range(0.0, true, kInf, false);
            r.boundedBelow = true;
            return r;
        },
        reference("S. K. Roy, S. Manna, S. R. Dubey, B. B. Chaudhuri",
                  "LiSHT: non-parametric linearly scaled hyperbolic tangent activation function for neural "
                  "networks",
                  "arXiv", 2019, "1901.05894")));

    all.push_back(make<tanhExpEval>(
        Family::Gated, "tanhexp", "TanhExp", "z tanh(eᶻ)", {}, noKinks,
        [](const ParameterValues& p) {
            static const double minimum = minimumValue(&tanhExpEval, p, -1.08);
            return dipThenLinearProperties(minimum);
        },
        reference("X. Liu, X. Di",
                  "TanhExp: a smooth activation function with high convergence speed for "
                  "lightweight neural networks",
                  "IET Computer Vision", 2020, "2003.09855")));

    all.push_back(make<penalizedTanhEval>(
        Family::Sigmoid, "penalized_tanh", "Penalized tanh", "tanh z if z > 0, else a tanh z",
        {parameter("a", "a", 0.25, 0.0, false, 1.0, false, 0.0, 1.0,
                   "factor on the negative half, in [0, 1]: 1 is tanh, 0 keeps only the positive half")},
        [](const ParameterValues& p) {
            return p[0] == 1.0 ? std::vector<Kink>{} : std::vector<Kink>{{0.0, 1}};
        },
        [](const ParameterValues& p) {
            const double a = p[0];
            Properties r;
            r.range = range(a > 0.0 ? -a : 0.0, a == 0.0, 1.0, false);
            r.monotonic = true;
            r.smoothness = a == 1.0 ? Smoothness::CInfinity : Smoothness::C0;
            r.boundedBelow = r.boundedAbove = true;
            r.saturates = Saturation::Both;
            r.deadRegion = a == 0.0;
            r.identityNearZero = a == 1.0;
            return r;
        },
        reference("B. Xu, R. Huang, M. Li; S. Eger, P. Youssef, I. Gurevych",
                  "Revise saturated activation functions; Is it time to swish? Comparing deep learning "
                  "activation functions across NLP tasks",
                  "arXiv 2016 (1602.05980); EMNLP 2018", 2016, "1602.05980")));

    return all;
}

}  // namespace

std::span<const Activation> catalog() noexcept
{
    static const std::vector<Activation> all = buildCatalog();
    return all;
}

const Activation* findActivation(std::string_view id) noexcept
{
    const auto all = catalog();
    const auto it = std::find_if(all.begin(), all.end(), [id](const Activation& a) { return a.id == id; });
    return it == all.end() ? nullptr : &*it;
}

}  // namespace ax::core
