#include "core/depth/gaussian_expectation.h"

#include "core/cpu_vector_registers.h"
#include "core/special_functions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <vector>

namespace ax::core {
namespace {

// Gauss–Kronrod 10/21 nodes and weights on [−1, 1] (QUADPACK's qk21): the Kronrod sum is the
// estimate, its distance from the embedded Gauss sum the basis of the error estimate.
constexpr std::array<double, 11> kKronrodNodes = {0.995657163025808080735527280689003,
                                                  0.973906528517171720077964012084452,
                                                  0.930157491355708226001207180059508,
                                                  0.865063366688984510732096688423493,
                                                  0.780817726586416897063717578345042,
                                                  0.679409568299024406234327365114874,
                                                  0.562757134668604683339000099272694,
                                                  0.433395394129247190799265943165784,
                                                  0.294392862701460198131126603103866,
                                                  0.148874338981631210884826001129720,
                                                  0.0};
constexpr std::array<double, 11> kKronrodWeights = {
    0.011694638867371874278064396062192, 0.032558162307964727478818972459390,
    0.054755896574351996031381300244580, 0.075039674810919952767043140916190,
    0.093125454583697605535065465083366, 0.109387158802297641899210590325805,
    0.123491976262065851077208292238920, 0.134709217311473325928054001771707,
    0.142775938577060080797094273138717, 0.147739104901338491374841515972068,
    0.149445554002916905664936468389821};
// Weights of the 10-point Gauss rule, whose nodes are the odd-indexed Kronrod nodes.
constexpr std::array<double, 5> kGaussWeights = {
    0.066671344308688137593568809893332, 0.149451349150580593145776339657697,
    0.219086362515982043995534934228163, 0.269266719309996355091226921569469,
    0.295524224714752870173892994651338};

constexpr std::size_t kNodes = 21;
// Beyond this many standard deviations from the last breakpoint the Gaussian weight is below
// 1e-42 of its peak: nothing a double-precision sum could still notice.
constexpr double kTailWidth = 14.0;
// Activations do their bending within a few units of z = 0; breakpoints at these z values stop a
// very wide Gaussian from stepping over that region between two quadrature nodes.
constexpr std::array<double, 3> kFeaturePoints = {-4.0, 0.0, 4.0};
constexpr double kMaxChunk = 7.0;
constexpr std::size_t kMaxKinkCuts = 16;
constexpr double kSettledZ = 64.0;    // e^{−64} ≈ 1.6e-28: exponential tails have settled by here
constexpr std::size_t kMaxCuts = 32;  // kinks, feature points and the cuts of a very wide Gaussian
// Enough for an oscillating activation (snake) under a Gaussian a hundred periods wide.
constexpr std::size_t kMaxIntervals = 4000;
constexpr double kAbsoluteFloor = 1e-15;  // relative to E|g|: the cancellation floor

// Nodes of the 21-point rule on [a, b], in x.
std::array<double, kNodes> nodesOn(double a, double b) noexcept
{
    const double c = 0.5 * (a + b);
    const double h = 0.5 * (b - a);
    std::array<double, kNodes> x{};
    for (std::size_t i = 0; i < 10; ++i) {
        x[2 * i] = c - h * kKronrodNodes[i];
        x[2 * i + 1] = c + h * kKronrodNodes[i];
    }
    x[20] = c;
    return x;
}

template <std::size_t C>
struct IntervalEstimate {
    double a = 0.0;
    double b = 0.0;
    std::array<double, C> value{};
    std::array<double, C> error{};
    std::array<double, C> absValue{};
};

// Integrates the C components of integrand(x, values) times the standard normal density over
// [a, b] with one 21-point rule. values[c][i] is component c at node i.
template <std::size_t C, typename Integrand>
IntervalEstimate<C> estimate(double a, double b, Integrand& integrand) noexcept
{
    const auto x = nodesOn(a, b);
    std::array<std::array<double, kNodes>, C> values{};
    integrand(x, values);
    const double h = 0.5 * (b - a);
    IntervalEstimate<C> r;
    r.a = a;
    r.b = b;
    std::array<double, kNodes> weight{};
    for (std::size_t i = 0; i < kNodes; ++i)
        weight[i] = std::exp(-0.5 * x[i] * x[i]) * (1.0 / std::sqrt(2.0 * std::numbers::pi));
    for (std::size_t c = 0; c < C; ++c) {
        double kronrod = kKronrodWeights[10] * values[c][20] * weight[20];
        double absolute = kKronrodWeights[10] * std::fabs(values[c][20]) * weight[20];
        double gauss = 0.0;
        for (std::size_t i = 0; i < 10; ++i) {
            const double pair = values[c][2 * i] * weight[2 * i] + values[c][2 * i + 1] * weight[2 * i + 1];
            kronrod += kKronrodWeights[i] * pair;
            absolute += kKronrodWeights[i] * (std::fabs(values[c][2 * i]) * weight[2 * i] +
                                              std::fabs(values[c][2 * i + 1]) * weight[2 * i + 1]);
            if (i % 2 == 1) gauss += kGaussWeights[i / 2] * pair;
        }
        r.value[c] = h * kronrod;
        r.absValue[c] = h * absolute;
        // QUADPACK's rescaling: the 21-point sum is far more accurate than its distance from the
        // 10-point one, roughly that distance to the power 1.5 once both have converged.
        const double raw = std::fabs(h * (kronrod - gauss));
        const double scaled = 200.0 * raw / r.absValue[c];  // to the power 1.5, as x·√x
        r.error[c] = r.absValue[c] > 0.0 ? r.absValue[c] * std::min(1.0, scaled * std::sqrt(scaled)) : raw;
    }
    return r;
}

// Adaptive bisection over the smooth pieces between consecutive edges, always splitting the
// interval that contributes most to the error, until every component's summed error estimate is
// within tolerance of its total (or, for a total that cancels to nearly nothing, of E|g|).
// The intervals sit in a heap ordered by their error relative to the first pass's totals, and the
// sums are kept running, so each split costs O(log n) rather than a pass over every interval.
template <std::size_t C, typename Integrand>
std::array<double, C> integratePieces(std::span<const double> edges, Integrand& integrand) noexcept
{
    std::vector<IntervalEstimate<C>> intervals;
    intervals.reserve(64);
    for (std::size_t e = 0; e + 1 < edges.size(); ++e) {
        const double a = edges[e];
        const double b = edges[e + 1];
        if (!(b > a)) continue;
        const int chunks = std::max(1, static_cast<int>(std::ceil((b - a) / kMaxChunk)));
        for (int k = 0; k < chunks && intervals.size() < kMaxIntervals; ++k) {
            const double lo = a + (b - a) * k / chunks;
            const double hi = k + 1 == chunks ? b : a + (b - a) * (k + 1) / chunks;
            intervals.push_back(estimate<C>(lo, hi, integrand));
        }
    }
    std::array<double, C> total{};
    std::array<double, C> error{};
    std::array<double, C> absolute{};
    const auto add = [&](const IntervalEstimate<C>& interval, double sign) {
        for (std::size_t c = 0; c < C; ++c) {
            total[c] += sign * interval.value[c];
            error[c] += sign * interval.error[c];
            absolute[c] += sign * interval.absValue[c];
        }
    };
    for (const auto& interval : intervals)
        add(interval, 1.0);
    // How much an interval's error matters: against the first totals, which fix the order.
    std::array<double, C> scale{};
    for (std::size_t c = 0; c < C; ++c)
        scale[c] = kExpectationTolerance * std::fabs(total[c]) + kAbsoluteFloor * absolute[c] +
                   std::numeric_limits<double>::min();
    const auto weight = [&scale](const IntervalEstimate<C>& interval) {
        double w = 0.0;
        for (std::size_t c = 0; c < C; ++c)
            w = std::max(w, interval.error[c] / scale[c]);
        return std::isnan(w) ? std::numeric_limits<double>::infinity() : w;
    };
    const auto lighter = [&weight](const IntervalEstimate<C>& x, const IntervalEstimate<C>& y) {
        return weight(x) < weight(y);
    };
    std::make_heap(intervals.begin(), intervals.end(), lighter);
    const auto exactTotal = [&intervals] {
        std::array<double, C> sum{};
        for (const auto& interval : intervals)
            for (std::size_t c = 0; c < C; ++c)
                sum[c] += interval.value[c];
        return sum;
    };
    while (!intervals.empty()) {
        bool converged = true;
        for (std::size_t c = 0; c < C; ++c) {
            const double allowed = kExpectationTolerance * std::fabs(total[c]) +
                                   kAbsoluteFloor * absolute[c] + std::numeric_limits<double>::min();
            if (!(error[c] <= allowed)) converged = false;
        }
        if (converged || intervals.size() >= kMaxIntervals) break;
        std::pop_heap(intervals.begin(), intervals.end(), lighter);
        const IntervalEstimate<C> worst = intervals.back();
        const double mid = 0.5 * (worst.a + worst.b);
        if (!(mid > worst.a && mid < worst.b)) {  // no room left to split: best effort
            std::push_heap(intervals.begin(), intervals.end(), lighter);
            break;
        }
        add(worst, -1.0);
        intervals.back() = estimate<C>(worst.a, mid, integrand);
        add(intervals.back(), 1.0);
        std::push_heap(intervals.begin(), intervals.end(), lighter);
        intervals.push_back(estimate<C>(mid, worst.b, integrand));
        add(intervals.back(), 1.0);
        std::push_heap(intervals.begin(), intervals.end(), lighter);
    }
    return exactTotal();
}

// Integrates over the whole line in x, split at the breakpoints (given in z).
template <std::size_t C, typename Integrand>
std::array<double, C> integrateLine(double mean, double sd, std::span<const double> breakpointsZ,
                                    Integrand& integrand) noexcept
{
    // The window reaches kTailWidth standard deviations beyond the outermost kink (or the mean);
    // feature points only subdivide it.
    std::array<double, kMaxCuts> cuts{};
    std::size_t n = 0;
    double lo = 0.0;
    double hi = 0.0;
    for (const double z : breakpointsZ) {
        const double x = (z - mean) / sd;
        // Cuts far out in the tail split nothing a double can see, and would only stretch the window.
        if (!std::isfinite(x) || std::fabs(x) >= 38.0 || n >= kMaxKinkCuts) continue;
        cuts[n++] = x;
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    lo -= kTailWidth;
    hi += kTailWidth;
    const auto feature = [&](double z) {
        const double x = (z - mean) / sd;
        if (x > lo && x < hi && n < cuts.size()) cuts[n++] = x;
    };
    for (const double z : kFeaturePoints)
        feature(z);
    // Past ±4 an activation settles at its own scale in z (e^{−z}, e^{−z²/2}). Under a Gaussian many
    // units wide that settling is squeezed next to the middle of one wide piece, where the rule's
    // nodes and its error estimate would both step over it: cut at z = ±8, ±16, ±32 and ±64, by
    // which every exponential or Gaussian tail is far below a double's precision. Slower, algebraic
    // tails (softsign's 1/z) show in the error estimate, and the refinement follows them. Only cuts
    // within half a piece of z = 0 are needed.
    const double reach = 0.5 * kMaxChunk * sd;
    for (double z = 2.0 * kFeaturePoints.back(); z <= kSettledZ && z < reach; z *= 2.0) {
        feature(z);
        feature(-z);
    }
    std::sort(cuts.begin(), cuts.begin() + static_cast<std::ptrdiff_t>(n));
    n = static_cast<std::size_t>(std::unique(cuts.begin(), cuts.begin() + static_cast<std::ptrdiff_t>(n)) -
                                 cuts.begin());

    std::array<double, kMaxCuts + 2> edges{};
    std::size_t m = 0;
    edges[m++] = lo;
    for (std::size_t i = 0; i < n; ++i)
        edges[m++] = cuts[i];
    edges[m++] = hi;
    return integratePieces<C>(std::span<const double>(edges.data(), m), integrand);
}

// Snake's moments in closed form, from E[cos bz] = e^{−b²q/2} cos bm and its relatives: once the
// Gaussian spans a period or more, the quadrature would have to follow every oscillation of f′,
// and e^{−2a²q} ≤ e^{−2} leaves these sums without cancellation.
GaussianMoments snakePropagation(double a, double m, double q) noexcept
{
    const auto damping = [q](double b) { return std::exp(-0.5 * b * b * q); };
    const auto cosine = [&](double b) { return damping(b) * std::cos(b * m); };  // E[cos bz]
    const auto sine = [&](double b) { return damping(b) * std::sin(b * m); };    // E[sin bz]
    // E[z cos bz] = e^{−b²q/2} (m cos bm − b q sin bm)
    const double zCos2a =
        damping(2.0 * a) * (m * std::cos(2.0 * a * m) - 2.0 * a * q * std::sin(2.0 * a * m));
    GaussianMoments r{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, 0.0};
    // f = z + sin²(az)/a with sin² = (1 − cos 2az)/2 and sin⁴ = 3/8 − cos(2az)/2 + cos(4az)/8.
    r.f2 = m * m + q + (m - zCos2a) / a + (0.375 - 0.5 * cosine(2.0 * a) + 0.125 * cosine(4.0 * a)) / (a * a);
    // f′ = 1 + sin 2az; f′ = 0 only at isolated points.
    r.d1sq = 1.0 + 2.0 * sine(2.0 * a) + 0.5 * (1.0 - cosine(4.0 * a));
    return r;
}

}  // namespace

GaussianMoments gaussianMoments(const Activation& activation, const ParameterValues& p, double mean,
                                double variance, MomentSet which) noexcept
{
    clearUpperVectorRegisters();
    GaussianMoments r;
    if (!std::isfinite(mean) || !std::isfinite(variance) || variance < 0.0)
        return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    if (variance == 0.0) {
        const Derivatives d = activation.evaluate(mean, p);
        r.f = d.f;
        r.f2 = d.f * d.f;
        r.d1 = d.d1;
        r.d1sq = d.d1 * d.d1;
        r.deadMass = d.d1 == 0.0 && zeroDerivativeIsDead(activation, p) ? 1.0 : 0.0;
        return r;
    }
    if (which == MomentSet::Propagation && activation.id == "snake" && p[0] * p[0] * variance >= 1.0)
        return snakePropagation(p[0], mean, variance);
    const double sd = std::sqrt(variance);
    // Where f′ merely underflows, nothing is dead (and the quadrature is spared a jump it would have
    // to chase down to the last digit). Within a dead region f″ vanishes too: a node that lands on
    // an isolated zero of f′ (hard swish's minimum at −1.5) weighs nothing, instead of starting a
    // hunt for a spike of zero width.
    const double dead = zeroDerivativeIsDead(activation, p) ? 1.0 : 0.0;
    std::array<double, kNodes> z{};
    std::array<double, kNodes> f{};
    std::array<double, kNodes> d1{};
    std::array<double, kNodes> d2{};
    auto evaluateAt = [&](const std::array<double, kNodes>& x) {
        for (std::size_t i = 0; i < kNodes; ++i)
            z[i] = mean + sd * x[i];
        evaluateAll(activation, p, z, f, d1, d2);
    };
    std::vector<Kink> kinks = activation.kinks ? activation.kinks(p) : std::vector<Kink>{};
    std::array<double, 8> cuts{};
    std::size_t n = 0;
    for (const Kink& k : kinks)
        if (n < cuts.size()) cuts[n++] = k.z;
    const std::span<const double> breakpoints(cuts.data(), n);

    if (which == MomentSet::Propagation) {
        // Fewer components also means fewer refinements: the x-weighted ones cancel and are the
        // hardest to converge.
        auto integrand = [&](const std::array<double, kNodes>& x,
                             std::array<std::array<double, kNodes>, 3>& v) {
            evaluateAt(x);
            for (std::size_t i = 0; i < kNodes; ++i) {
                v[0][i] = f[i] * f[i];
                v[1][i] = d1[i] * d1[i];
                v[2][i] = d1[i] == 0.0 && d2[i] == 0.0 ? dead : 0.0;
            }
        };
        const auto m = integrateLine<3>(mean, sd, breakpoints, integrand);
        r.f = kNaN;
        r.d1 = kNaN;
        r.fX = kNaN;
        r.f2X = kNaN;
        r.fX2 = kNaN;
        r.f2X2 = kNaN;
        r.f2 = m[0];
        r.d1sq = m[1];
        r.deadMass = m[2];
        return r;
    }
    auto integrand = [&](const std::array<double, kNodes>& x, std::array<std::array<double, kNodes>, 9>& v) {
        evaluateAt(x);
        for (std::size_t i = 0; i < kNodes; ++i) {
            const double f2 = f[i] * f[i];
            const double x2 = x[i] * x[i] - 1.0;
            v[0][i] = f[i];
            v[1][i] = f2;
            v[2][i] = d1[i];
            v[3][i] = d1[i] * d1[i];
            v[4][i] = f[i] * x[i];
            v[5][i] = f2 * x[i];
            v[6][i] = f[i] * x2;
            v[7][i] = f2 * x2;
            v[8][i] = d1[i] == 0.0 && d2[i] == 0.0 ? dead : 0.0;
        }
    };
    const auto m = integrateLine<9>(mean, sd, breakpoints, integrand);
    r.f = m[0];
    r.f2 = m[1];
    r.d1 = m[2];
    r.d1sq = m[3];
    r.fX = m[4];
    r.f2X = m[5];
    r.fX2 = m[6];
    r.f2X2 = m[7];
    r.deadMass = m[8];
    return r;
}

double gaussianExpectation(const std::function<double(double)>& g, double mean, double variance,
                           std::span<const double> breakpoints) noexcept
{
    if (!std::isfinite(mean) || !std::isfinite(variance) || variance < 0.0) return kNaN;
    if (variance == 0.0) return g(mean);
    const double sd = std::sqrt(variance);
    auto integrand = [&](const std::array<double, kNodes>& x, std::array<std::array<double, kNodes>, 1>& v) {
        for (std::size_t i = 0; i < kNodes; ++i)
            v[0][i] = g(mean + sd * x[i]);
    };
    return integrateLine<1>(mean, sd, breakpoints, integrand)[0];
}

}  // namespace ax::core
