#include "core/depth/depth_theory.h"

#include "core/cpu_vector_registers.h"
#include "core/depth/gaussian_expectation.h"
#include "core/saturation.h"
#include "core/special_functions.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <span>

namespace ax::core {
namespace {

constexpr double kUlp = std::numeric_limits<double>::epsilon();
// A Gaussian this many times wider (in variance) than the furthest bend of an activation, or this
// many times narrower than 1, sees it as scale-free to double precision: what the bends add to
// E[φ²]/q falls off like their reach over q^{3/2}.
constexpr double kScaleFreeFactor = 1e12;

// Brent's method on a bracket [a, b] with F(a), F(b) of opposite signs.
template <typename F>
double brentRoot(F&& fn, double a, double b, double fa, double fb) noexcept
{
    if (fa == 0.0) return a;
    if (fb == 0.0) return b;
    double c = a;
    double fc = fa;
    double d = b - a;
    double e = d;
    for (int iteration = 0; iteration < 200; ++iteration) {
        if ((fb > 0.0) == (fc > 0.0)) {
            c = a;
            fc = fa;
            d = b - a;
            e = d;
        }
        if (std::fabs(fc) < std::fabs(fb)) {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        const double tolerance = 4.0 * std::numeric_limits<double>::epsilon() * std::fabs(b);
        const double half = 0.5 * (c - b);
        if (std::fabs(half) <= tolerance || fb == 0.0) return b;
        if (std::fabs(e) >= tolerance && std::fabs(fa) > std::fabs(fb)) {
            const double s = fb / fa;
            double pNum = 0.0;
            double qDen = 0.0;
            if (a == c) {
                pNum = 2.0 * half * s;
                qDen = 1.0 - s;
            } else {
                const double qa = fa / fc;
                const double r = fb / fc;
                pNum = s * (2.0 * half * qa * (qa - r) - (b - a) * (r - 1.0));
                qDen = (qa - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if (pNum > 0.0) qDen = -qDen;
            pNum = std::fabs(pNum);
            if (2.0 * pNum < std::min(3.0 * half * qDen - std::fabs(tolerance * qDen), std::fabs(e * qDen))) {
                e = d;
                d = pNum / qDen;
            } else {
                d = half;
                e = d;
            }
        } else {
            d = half;
            e = d;
        }
        a = b;
        fa = fb;
        b += std::fabs(d) > tolerance ? d : (half > 0.0 ? tolerance : -tolerance);
        fb = fn(b);
    }
    return b;
}

// ---- batch statistics: correlation between inputs and units dead for a whole batch -----------

// Where φ′ = 0, as closed intervals that may reach ±inf.
using DeadSet = std::vector<std::pair<double, double>>;

// Where φ′ = 0 within reach of 0, an interval that touches ±reach taken to go on for ever (every
// catalog dead region is a half-line or ends at a kink within a few units of 0).
DeadSet deadSet(const Activation& activation, const ParameterValues& p, double reach)
{
    DeadSet set;
    for (const SaturationInterval& i :
         saturationIntervals(activation, p, -reach, reach, std::numeric_limits<double>::min())) {
        if (i.kind != SaturationKind::Dead) continue;
        set.emplace_back(i.lo <= -reach ? -kInf : i.lo, i.hi >= reach ? kInf : i.hi);
    }
    return set;
}

// How far from 0 the pre-activations of layers go: 40 standard deviations past the mean, at
// least 10 and at most 1e4 (beyond, the saturation search would only find where eᶻ underflows).
// Relative change below which a layer's batch statistics are those of the layer before.
constexpr double kSettled = 1e-12;

double deadReach(std::span<const TheoryLayer> layers) noexcept
{
    double reach = 10.0;
    for (const TheoryLayer& layer : layers)
        reach = std::max(reach, std::fabs(layer.mean) + 40.0 * std::sqrt(layer.variance));
    return std::isfinite(reach) ? std::min(reach, 1e4) : 1e4;
}

// P(m + s·x ∈ set) for x ~ N(0, 1), each interval from the tail it lies in, so that a small
// probability keeps its relative precision.
double massIn(const DeadSet& set, double m, double s) noexcept
{
    double total = 0.0;
    for (const auto& [lo, hi] : set) {
        if (s == 0.0) {
            if (lo <= m && m <= hi) return 1.0;
            continue;
        }
        const double a = (lo - m) / s;
        const double b = (hi - m) / s;
        // Φ(b) − Φ(a), or Q(a) − Q(b) in the upper tail (Q = 1 − Φ).
        total += a > 0.0 ? 0.5 * (std::erfc(a / std::numbers::sqrt2) - std::erfc(b / std::numbers::sqrt2))
                         : 0.5 * (std::erfc(-b / std::numbers::sqrt2) - std::erfc(-a / std::numbers::sqrt2));
    }
    return std::clamp(total, 0.0, 1.0);
}

// Two inputs' pre-activations are (√(qc)·G + √(q(1−c))·xₐ, √(qc)·G + √(q(1−c))·x_b) with G, xₐ,
// x_b independent standard normal: G is what the unit's weights make of the inputs' shared part.
struct BatchLayer {
    double q = 0.0;
    double oneMinusC = 1.0;
};

// Gauss–Legendre nodes and weights on [−1, 1], 8 points.
constexpr std::array<double, 4> kLegendreNodes = {
    0.183434642495649804939476142360184, 0.525532409916328985817739049189246,
    0.796666477413626739591553936475831, 0.960289856497536231683560868569473};
constexpr std::array<double, 4> kLegendreWeights = {
    0.362683783378361982965150449277195, 0.313706645877887287337962201986601,
    0.222381034453374470544355994426241, 0.101228536290376259152011689761116};
constexpr double kNormalReach = 9.0;  // beyond ±9 standard deviations the normal weighs < 1e-18
// The spread between two inputs only scales the separation: ±6.5 leave out < 1e-10 of it.
constexpr double kOuterReach = 6.5;
constexpr double kInnerWidth = 3.0;  // panel width of the inner rule, in standard deviations

// ∫ g(x) φ(x) dx over [lo, hi] for a standard normal density φ, on panels of 8-point Gauss–Legendre
// at most width wide, split at breaks (where g has a kink) and, when scale > 0, refined
// geometrically down to scale around them (where g turns quickly). g is smooth on each panel, so
// this fixed rule is accurate to far more than a chart needs, at a small and fixed cost.
template <typename G>
double normalIntegral(G&& g, double lo, double hi, double width, std::span<const double> breaks,
                      double scale = 0.0)
{
    std::vector<double> edges{lo, hi};
    for (double x = lo + width; x < hi; x += width)
        edges.push_back(x);
    for (const double c : breaks) {
        if (!(c > lo && c < hi)) continue;
        edges.push_back(c);
        if (scale > 0.0)
            for (double step = scale; step < width; step *= 2.0) {
                edges.push_back(c - step);
                edges.push_back(c + step);
            }
    }
    std::erase_if(edges, [lo, hi](double x) { return !(x >= lo && x <= hi); });
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    double total = 0.0;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        const double mid = 0.5 * (edges[i] + edges[i + 1]);
        const double half = 0.5 * (edges[i + 1] - edges[i]);
        for (std::size_t k = 0; k < kLegendreNodes.size(); ++k) {
            for (const double x : {mid - half * kLegendreNodes[k], mid + half * kLegendreNodes[k]})
                total += half * kLegendreWeights[k] * g(x) * std::exp(-0.5 * x * x);
        }
    }
    return total / std::sqrt(2.0 * std::numbers::pi);
}

// Nodes and weights (the standard normal density included) of normalIntegral's rule.
struct NormalRule {
    std::vector<double> x;
    std::vector<double> w;
};

NormalRule normalRule(double lo, double hi, double width, std::span<const double> breaks)
{
    std::vector<double> edges{lo, hi};
    for (double x = lo + width; x < hi; x += width)
        edges.push_back(x);
    for (const double c : breaks)
        if (c > lo && c < hi) edges.push_back(c);
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    NormalRule rule;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        const double mid = 0.5 * (edges[i] + edges[i + 1]);
        const double half = 0.5 * (edges[i + 1] - edges[i]);
        for (std::size_t k = 0; k < kLegendreNodes.size(); ++k) {
            for (const double x : {mid - half * kLegendreNodes[k], mid + half * kLegendreNodes[k]}) {
                rule.x.push_back(x);
                rule.w.push_back(half * kLegendreWeights[k] * std::exp(-0.5 * x * x) /
                                 std::sqrt(2.0 * std::numbers::pi));
            }
        }
    }
    return rule;
}

// ½ E[(φ(hₐ) − φ(h_b))²], which sets how far the next layer keeps two inputs apart:
// 1 − c′ = σ_w² · this / q′. In the coordinates u = (hₐ + h_b)/2 ~ N(0, q(1 + c)/2) and
// v = (hₐ − h_b)/2 ~ N(0, q(1 − c)/2), which are independent, it is E_v E_u[(φ(u + v) − φ(u − v))²]/2:
// no cancellation however close the inputs are, and the inner integrand's kinks are known (k ± v).
double separation(const Activation& activation, const ParameterValues& p, const BatchLayer& layer,
                  std::span<const double> kinks)
{
    const double su = std::sqrt(0.5 * layer.q * (2.0 - layer.oneMinusC));
    const double sv = std::sqrt(0.5 * layer.q * layer.oneMinusC);
    if (sv == 0.0) return 0.0;
    // Even in v: twice the integral over v ≥ 0, where it grows like v² and the weight decays.
    const NormalRule outer = normalRule(0.0, kOuterReach, kOuterReach / 3.0, {});
    std::vector<double> breakpoints(2 * kinks.size());
    std::vector<double> plus;
    std::vector<double> minus;
    std::vector<double> fPlus;
    std::vector<double> fMinus;
    std::vector<double> scratch1;
    std::vector<double> scratch2;
    double total = 0.0;
    for (std::size_t j = 0; j < outer.x.size(); ++j) {
        const double v = sv * outer.x[j];
        for (std::size_t i = 0; i < kinks.size(); ++i) {
            breakpoints[2 * i] = (kinks[i] - v) / su;
            breakpoints[2 * i + 1] = (kinks[i] + v) / su;
        }
        const NormalRule inner = normalRule(-kNormalReach, kNormalReach, kInnerWidth, breakpoints);
        const std::size_t n = inner.x.size();
        plus.resize(n);
        minus.resize(n);
        fPlus.resize(n);
        fMinus.resize(n);
        scratch1.resize(n);
        scratch2.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            plus[i] = su * inner.x[i] + v;
            minus[i] = su * inner.x[i] - v;
        }
        evaluateAll(activation, p, plus, fPlus, scratch1, scratch2);
        evaluateAll(activation, p, minus, fMinus, scratch1, scratch2);
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double step = fPlus[i] - fMinus[i];
            sum += inner.w[i] * step * step;
        }
        total += outer.w[j] * 0.5 * sum;
    }
    return 2.0 * total;
}

// The share of units whose pre-activations fall in the dead set for all batch inputs. Two inputs'
// pre-activations are √(qc)·G + √(q(1−c))·xₐ and √(qc)·G + √(q(1−c))·x_b, with G (what the unit's
// weights make of the inputs' shared part), xₐ and x_b independent and standard normal.
double deadForBatch(const DeadSet& set, const BatchLayer& layer, int batch)
{
    const double shared = std::sqrt(layer.q * (1.0 - layer.oneMinusC));
    const double own = std::sqrt(layer.q * layer.oneMinusC);
    if (own == 0.0) return massIn(set, 0.0, shared);
    if (shared == 0.0) return std::pow(massIn(set, 0.0, own), batch);
    std::vector<double> centres;
    for (const auto& [lo, hi] : set) {
        if (std::isfinite(lo)) centres.push_back(lo / shared);
        if (std::isfinite(hi)) centres.push_back(hi / shared);
    }
    return normalIntegral([&](double g) { return std::pow(massIn(set, shared * g, own), batch); },
                          -kNormalReach, kNormalReach, 1.0, centres, own / shared);
}

}  // namespace

void addBatchStatistics(const Activation& activation, const ParameterValues& p, const DepthNetwork& network,
                        std::span<TheoryLayer> layers)
{
    clearUpperVectorRegisters();
    if (layers.empty() || network.batch <= 0) return;
    const DeadSet dead = deadSet(activation, p, deadReach(layers));
    // Past the last layer whose pre-activations can fall in the dead set (e.g. where eᶻ underflows,
    // far beyond any spread, or a variance that has shrunk to nothing), no unit dies.
    std::optional<std::size_t> lastReached;
    for (std::size_t l = 0; l < layers.size(); ++l)
        if (!std::isfinite(layers[l].variance) ||
            massIn(dead, layers[l].mean, std::sqrt(layers[l].variance)) > 0.0)
            lastReached = l;
    if (dead.empty() || !lastReached) {
        for (TheoryLayer& layer : layers)
            layer.deadFraction = 0.0;
        return;
    }
    std::vector<double> kinks;
    if (activation.kinks)
        for (const Kink& k : activation.kinks(p))
            kinks.push_back(k.z);
    for (const auto& [lo, hi] : dead) {
        if (std::isfinite(lo)) kinks.push_back(lo);
        if (std::isfinite(hi)) kinks.push_back(hi);
    }
    // The inputs are drawn independently: their coordinates share nothing.
    TheoryLayer& inputs = layers.front();
    inputs.correlation = 0.0;
    inputs.deadFraction = std::pow(massIn(dead, inputs.mean, std::sqrt(inputs.variance)), network.batch);
    if (layers.size() < 2) return;
    // What the first weights see of two inputs: E[φ(xₐ)φ(x_b)] = E[φ(x)]², so they stay apart by
    // Var φ(x).
    const GaussianMoments m = gaussianMoments(activation, p, inputs.mean, inputs.variance);
    double apart = std::max(m.f2 - m.f * m.f, 0.0);
    BatchLayer previous{kNaN, kNaN};
    double previousDead = kNaN;
    for (std::size_t l = 1; l < layers.size(); ++l) {
        TheoryLayer& layer = layers[l];
        if (l > *lastReached) {
            layer.deadFraction = 0.0;
            continue;
        }
        const double q = layer.variance;
        if (!std::isfinite(q) || !std::isfinite(apart)) break;  // NaN from here on
        BatchLayer now{q, q > 0.0 ? std::clamp(network.weightVariance * apart / q, 0.0, 1.0) : 0.0};
        layer.correlation = 1.0 - now.oneMinusC;
        // A layer like the one before has the same statistics (a settled variance and correlation,
        // to far more digits than a chart shows).
        if (std::fabs(now.q - previous.q) <= kSettled * now.q &&
            std::fabs(now.oneMinusC - previous.oneMinusC) <= kSettled * now.oneMinusC) {
            layer.deadFraction = previousDead;
            continue;
        }
        layer.deadFraction = deadForBatch(dead, now, network.batch);
        if (l + 1 < layers.size()) apart = separation(activation, p, now, kinks);
        previous = now;
        previousDead = layer.deadFraction;
    }
}

double varianceMap(const Activation& activation, const ParameterValues& p, double q, double weightVariance,
                   double biasVariance, double mean) noexcept
{
    return weightVariance * gaussianMoments(activation, p, mean, q, MomentSet::Propagation).f2 + biasVariance;
}

double varianceMapSlope(const Activation& activation, const ParameterValues& p, double q,
                        double weightVariance, double mean) noexcept
{
    if (q == 0.0) {
        // The limit of the slope at a point mass: ½ d²/dz² of φ² by Stein's identity.
        const Derivatives d = activation.evaluate(mean, p);
        return weightVariance * (d.d1 * d.d1 + d.f * d.d2);
    }
    return weightVariance * gaussianMoments(activation, p, mean, q).f2X2 / (2.0 * q);
}

double gradientFactor(const Activation& activation, const ParameterValues& p, double q, double weightVariance,
                      double mean) noexcept
{
    return weightVariance * gaussianMoments(activation, p, mean, q, MomentSet::Propagation).d1sq;
}

Stability stabilityOf(double slope, double tolerance) noexcept
{
    const double magnitude = std::fabs(slope);
    if (magnitude < 1.0 - tolerance) return Stability::Stable;
    if (magnitude > 1.0 + tolerance || std::isnan(magnitude)) return Stability::Unstable;
    return Stability::Marginal;
}

VarianceFixedPoints varianceFixedPoints(const Activation& activation, const ParameterValues& p,
                                        double weightVariance, double biasVariance, double qMin, double qMax)
{
    VarianceFixedPoints result;
    auto residual = [&](double q) { return varianceMap(activation, p, q, weightVariance, biasVariance) - q; };

    constexpr int kGrid = 73;
    std::vector<double> qs(kGrid);
    std::vector<double> rs(kGrid);
    const double logMin = std::log(qMin);
    const double logMax = std::log(qMax);
    bool identity = true;
    for (int i = 0; i < kGrid; ++i) {
        qs[i] = std::exp(logMin + (logMax - logMin) * i / (kGrid - 1));
        rs[i] = residual(qs[i]);
        // Rounding makes an identity map's residual flicker in sign; that is not a fixed point each time.
        if (!(std::fabs(rs[i]) <= 1e-11 * qs[i])) identity = false;
    }
    if (identity) {
        result.everyVarianceFixed = true;
        return result;
    }

    const Derivatives atZero = activation.evaluate(0.0, p);
    if (biasVariance == 0.0 && atZero.f == 0.0) {
        // Near q = 0 the map is linear in q for any φ with φ(0) = 0, kinked or not.
        constexpr double kTiny = 1e-12;
        const double slope = varianceMap(activation, p, kTiny, weightVariance, 0.0) / kTiny;
        result.points.push_back({0.0, slope, stabilityOf(slope)});
    }
    for (int i = 0; i + 1 < kGrid; ++i) {
        const bool exact = rs[i] == 0.0;
        if (!exact && !((rs[i] < 0.0) != (rs[i + 1] < 0.0) && rs[i + 1] != 0.0)) continue;
        const double q = exact ? qs[i] : brentRoot(residual, qs[i], qs[i + 1], rs[i], rs[i + 1]);
        const double slope = varianceMapSlope(activation, p, q, weightVariance);
        result.points.push_back({q, slope, stabilityOf(slope)});
    }
    if (rs[kGrid - 1] == 0.0) {
        const double q = qs[kGrid - 1];
        const double slope = varianceMapSlope(activation, p, q, weightVariance);
        result.points.push_back({q, slope, stabilityOf(slope)});
    }
    return result;
}

MeanVarianceStep meanVarianceMap(const Activation& activation, const ParameterValues& p, MeanVariance in,
                                 double omega, double tau) noexcept
{
    const double m = in.mean * omega;
    const double v = in.variance * tau;
    MeanVarianceStep step;
    if (!(v >= 0.0) || !std::isfinite(v) || !std::isfinite(m)) {
        step.next = {kNaN, kNaN};
        step.jacobian = {{{kNaN, kNaN}, {kNaN, kNaN}}};
        return step;
    }
    const GaussianMoments g = gaussianMoments(activation, p, m, v);
    const double mu = g.f;
    step.next = {mu, std::max(0.0, g.f2 - mu * mu)};

    double dMuDm = 0.0;
    double dMuDv = 0.0;
    double dSecondDm = 0.0;
    double dSecondDv = 0.0;
    if (v > 0.0) {
        const double s = std::sqrt(v);
        dMuDm = g.fX / s;
        dMuDv = g.fX2 / (2.0 * v);
        dSecondDm = g.f2X / s;
        dSecondDv = g.f2X2 / (2.0 * v);
    } else {
        // A point mass: the derivatives become f′ and ½ f″ (and those of f²).
        const Derivatives d = activation.evaluate(m, p);
        dMuDm = d.d1;
        dMuDv = 0.5 * d.d2;
        dSecondDm = 2.0 * d.f * d.d1;
        dSecondDv = d.d1 * d.d1 + d.f * d.d2;
    }
    step.jacobian[0][0] = omega * dMuDm;
    step.jacobian[0][1] = tau * dMuDv;
    step.jacobian[1][0] = omega * (dSecondDm - 2.0 * mu * dMuDm);
    step.jacobian[1][1] = tau * (dSecondDv - 2.0 * mu * dMuDv);
    return step;
}

double spectralRadius(const Jacobian2& m) noexcept
{
    const double trace = m[0][0] + m[1][1];
    const double det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    const std::complex<double> root = std::sqrt(std::complex<double>(trace * trace / 4.0 - det, 0.0));
    const std::complex<double> l1 = trace / 2.0 + root;
    const std::complex<double> l2 = trace / 2.0 - root;
    return std::max(std::abs(l1), std::abs(l2));
}

std::optional<MeanVarianceFixedPoint> meanVarianceFixedPoint(const Activation& activation,
                                                             const ParameterValues& p, MeanVariance start,
                                                             double omega, double tau)
{
    constexpr double kVarianceFloor = 1e-12;
    constexpr double kVarianceCeiling = 1e12;
    constexpr double kSettledVarianceFloor = 1e-8;
    auto unusable = [&](MeanVariance x) {
        return !std::isfinite(x.mean) || !std::isfinite(x.variance) || x.variance < kVarianceFloor ||
               x.variance > kVarianceCeiling;
    };
    // Iterating the map until successive points agree to `settle` (or for `steps` steps), then
    // Newton's method on G(x) − x, which polishes the point to full precision. A first attempt
    // hands over to Newton early, which spares hundreds of steps where the map contracts slowly;
    // only if Newton fails from there does iterating go on to 1e-10 first.
    const auto attempt = [&](double settle,
                             int steps) -> std::optional<std::pair<MeanVariance, MeanVarianceStep>> {
        MeanVariance x = start;
        for (int i = 0; i < steps; ++i) {
            const MeanVariance next = meanVarianceMap(activation, p, x, omega, tau).next;
            if (unusable(next)) return std::nullopt;
            const double change = std::fabs(next.mean - x.mean) + std::fabs(next.variance - x.variance);
            x = next;
            if (change < settle * (1.0 + std::fabs(x.mean) + x.variance)) break;
        }
        for (int i = 0; i < 30; ++i) {
            const MeanVarianceStep step = meanVarianceMap(activation, p, x, omega, tau);
            const double r0 = step.next.mean - x.mean;
            const double r1 = step.next.variance - x.variance;
            const double a = step.jacobian[0][0] - 1.0;
            const double b = step.jacobian[0][1];
            const double c = step.jacobian[1][0];
            const double d = step.jacobian[1][1] - 1.0;
            const double det = a * d - b * c;
            if (det == 0.0 || !std::isfinite(det)) break;
            const double dm = -(d * r0 - b * r1) / det;
            const double dv = -(-c * r0 + a * r1) / det;
            x.mean += dm;
            x.variance += dv;
            if (unusable(x)) return std::nullopt;
            if (std::fabs(dm) + std::fabs(dv) < 1e-15 * (1.0 + std::fabs(x.mean) + x.variance)) break;
        }
        const MeanVarianceStep step = meanVarianceMap(activation, p, x, omega, tau);
        const double residual =
            std::fabs(step.next.mean - x.mean) + std::fabs(step.next.variance - x.variance);
        if (!(residual <= 1e-10 * (1.0 + std::fabs(x.mean) + x.variance))) return std::nullopt;
        // Newton creeping towards ν = 0 is the variance dying out, not a state a network settles in.
        if (x.variance < kSettledVarianceFloor) return std::nullopt;
        return std::pair{x, step};
    };
    auto found = attempt(1e-4, 40);
    if (!found) found = attempt(1e-10, 400);
    if (!found) return std::nullopt;
    const auto& [x, step] = *found;
    MeanVarianceFixedPoint result;
    result.point = x;
    result.jacobian = step.jacobian;
    result.spectralRadius = spectralRadius(step.jacobian);
    result.stability = stabilityOf(result.spectralRadius);
    return result;
}

std::vector<MeanVariance> meanVarianceTrajectory(const Activation& activation, const ParameterValues& p,
                                                 MeanVariance start, int steps, double omega, double tau)
{
    std::vector<MeanVariance> points;
    points.reserve(static_cast<std::size_t>(std::max(steps, 0)) + 1);
    points.push_back(start);
    for (int i = 0; i < steps; ++i) {
        const MeanVariance next = meanVarianceMap(activation, p, points.back(), omega, tau).next;
        if (!std::isfinite(next.mean) || !std::isfinite(next.variance)) break;
        points.push_back(next);
    }
    return points;
}

std::vector<TheoryLayer> depthProfile(const Activation& activation, const ParameterValues& p,
                                      const DepthNetwork& network)
{
    clearUpperVectorRegisters();
    const int depth = std::max(network.depth, 0);
    std::vector<TheoryLayer> layers(static_cast<std::size_t>(depth) + 1);
    double mean = network.inputMean;
    double q = network.inputVariance;
    GaussianMoments g;
    double previousQ = kNaN;
    double previousMean = kNaN;
    double previousRatio = kNaN;  // E[φ²]/q of the layer before
    double previousChi = kNaN;    // E[φ′²] of the layer before
    bool scaleFree = false;
    // How far out the activation bends: a Gaussian far wider than that sees only its asymptotes.
    double bends = 64.0;
    if (activation.kinks)
        for (const Kink& k : activation.kinks(p))
            bends = std::max(bends, std::fabs(k.z));
    for (int l = 0; l <= depth; ++l) {
        TheoryLayer& layer = layers[static_cast<std::size_t>(l)];
        layer.mean = mean;
        layer.variance = q;
        // Once the variance has reached its fixed point to the last few bits, every further layer
        // is the same: reuse the moments instead of integrating them again.
        const bool settled = mean == previousMean && std::fabs(q - previousQ) <= 4.0 * kUlp * std::fabs(q);
        if (scaleFree) {
            // Past the activation's bends (or deep inside the smallest of them) E[φ²] grows in
            // proportion to q and E[φ′²] stays put, to the last bits: scale the moments.
            g.f2 = previousRatio * q;
        } else if (!settled) {
            g = gaussianMoments(activation, p, mean, q, MomentSet::Propagation);
            // The same ratio E[φ²]/q and the same E[φ′²] at two centred layers far beyond (or far
            // within) every bend show the activation's scale-free regime: it lasts from here on.
            const double ratio = g.f2 / q;
            const bool farOut = q >= kScaleFreeFactor * bends * bends;
            const bool deepIn = q <= 1.0 / kScaleFreeFactor;
            scaleFree = mean == 0.0 && previousMean == 0.0 && (farOut || deepIn) && std::isfinite(ratio) &&
                        std::fabs(ratio - previousRatio) <= 4.0 * kUlp * ratio &&
                        std::fabs(g.d1sq - previousChi) <= 4.0 * kUlp * g.d1sq;
            previousRatio = ratio;
            previousChi = g.d1sq;
        }
        previousQ = q;
        previousMean = mean;
        layer.gradientFactor = network.weightVariance * g.d1sq;
        layer.deadMass = g.deadMass;
        const double next = network.weightVariance * g.f2 + network.biasVariance;
        q = std::isfinite(next) ? next : kInf;
        mean = 0.0;
    }
    layers[static_cast<std::size_t>(depth)].log10GradientNorm = 0.0;
    for (int l = depth - 1; l >= 0; --l) {
        const double chi = layers[static_cast<std::size_t>(l)].gradientFactor;
        layers[static_cast<std::size_t>(l)].log10GradientNorm =
            layers[static_cast<std::size_t>(l) + 1].log10GradientNorm + 0.5 * std::log10(chi);
    }
    addBatchStatistics(activation, p, network, layers);
    return layers;
}

}  // namespace ax::core
