#include "depth_theory.h"

#include "gaussian_expectation.h"

#include <algorithm>
#include <cmath>
#include <complex>
#include <limits>

namespace ax::core {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kUlp = std::numeric_limits<double>::epsilon();

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

}  // namespace

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
    MeanVariance x = start;
    for (int i = 0; i < 400; ++i) {
        const MeanVariance next = meanVarianceMap(activation, p, x, omega, tau).next;
        if (unusable(next)) return std::nullopt;
        const double change = std::fabs(next.mean - x.mean) + std::fabs(next.variance - x.variance);
        x = next;
        if (change < 1e-10 * (1.0 + std::fabs(x.mean) + x.variance)) break;
    }
    // Newton on G(x) − x polishes the iterate to full precision, and finds the point even where
    // iterating converges only slowly.
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
    const double residual = std::fabs(step.next.mean - x.mean) + std::fabs(step.next.variance - x.variance);
    if (!(residual <= 1e-10 * (1.0 + std::fabs(x.mean) + x.variance))) return std::nullopt;
    // Newton creeping towards ν = 0 is the variance dying out, not a state a network settles in.
    if (x.variance < kSettledVarianceFloor) return std::nullopt;
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
                                      const DepthSetup& setup)
{
    const int depth = std::max(setup.depth, 0);
    std::vector<TheoryLayer> layers(static_cast<std::size_t>(depth) + 1);
    double mean = setup.inputMean;
    double q = setup.inputVariance;
    GaussianMoments g;
    double previousQ = kNaN;
    double previousMean = kNaN;
    for (int l = 0; l <= depth; ++l) {
        TheoryLayer& layer = layers[static_cast<std::size_t>(l)];
        layer.mean = mean;
        layer.variance = q;
        // Once the variance has reached its fixed point to the last few bits, every further layer
        // is the same: reuse the moments instead of integrating them again.
        const bool settled = mean == previousMean && std::fabs(q - previousQ) <= 4.0 * kUlp * std::fabs(q);
        if (!settled) g = gaussianMoments(activation, p, mean, q, MomentSet::Propagation);
        previousQ = q;
        previousMean = mean;
        layer.gradientFactor = setup.weightVariance * g.d1sq;
        layer.deadMass = g.deadMass;
        const double next = setup.weightVariance * g.f2 + setup.biasVariance;
        q = std::isfinite(next) ? next : kInf;
        mean = 0.0;
    }
    layers[static_cast<std::size_t>(depth)].log10GradientNorm = 0.0;
    for (int l = depth - 1; l >= 0; --l) {
        const double chi = layers[static_cast<std::size_t>(l)].gradientFactor;
        layers[static_cast<std::size_t>(l)].log10GradientNorm =
            layers[static_cast<std::size_t>(l) + 1].log10GradientNorm + 0.5 * std::log10(chi);
    }
    return layers;
}

}  // namespace ax::core
