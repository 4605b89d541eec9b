// Measurements that work for any activation, catalog or custom: sampled on a grid that holds
// every kink, with every edge refined by bisection.

#include "core/measurements.h"

#include "core/bisection.h"
#include "core/special_functions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace ax::core {

namespace {

bool finite(const Derivatives& d) noexcept
{
    return std::isfinite(d.f) && std::isfinite(d.d1) && std::isfinite(d.d2);
}

std::vector<double> gridWithKinks(const Activation& a, const ParameterValues& p, double zMin, double zMax,
                                  std::size_t count)
{
    std::vector<double> z;
    z.reserve(count + 8);
    for (std::size_t i = 0; i < count; ++i)
        z.push_back(std::lerp(zMin, zMax, static_cast<double>(i) / static_cast<double>(count - 1)));
    z.back() = zMax;
    if (zMin < 0.0 && zMax > 0.0) z.push_back(0.0);
    if (a.kinks) {
        for (const Kink& k : a.kinks(p)) {
            if (k.z > zMin && k.z < zMax) {
                z.push_back(k.z);
                z.push_back(std::nextafter(k.z, -kInf));
            }
        }
    }
    std::sort(z.begin(), z.end());
    z.erase(std::unique(z.begin(), z.end()), z.end());
    return z;
}

// The last point at which good(z) still holds, between goodZ and badZ.
template <typename Good>
double boundary(double goodZ, double badZ, Good good)
{
    return bisect(goodZ, badZ, good).same;
}

}  // namespace

std::vector<Interval> nonFiniteIntervals(const Activation& activation, const ParameterValues& p, double zMin,
                                         double zMax)
{
    std::vector<Interval> result;
    if (!(zMin < zMax) || !activation.evaluate) return result;
    const std::vector<double> z = gridWithKinks(activation, p, zMin, zMax, 4097);
    std::vector<double> f(z.size()), d1(z.size()), d2(z.size());
    evaluateAll(activation, p, z, f, d1, d2);
    const auto good = [&](double x) { return finite(activation.evaluate(x, p)); };
    const auto goodAt = [&](std::size_t i) {
        return std::isfinite(f[i]) && std::isfinite(d1[i]) && std::isfinite(d2[i]);
    };
    const auto add = [&](double lo, double hi) {
        if (!result.empty() && lo <= result.back().hi)
            result.back().hi = std::max(result.back().hi, hi);
        else
            result.push_back({lo, hi});
    };

    std::size_t i = 0;
    while (i < z.size()) {
        if (goodAt(i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j + 1 < z.size() && !goodAt(j + 1))
            ++j;
        const double lo = i == 0 ? zMin : boundary(z[i - 1], z[i], good);
        const double hi = j + 1 == z.size() ? zMax : boundary(z[j + 1], z[j], good);
        add(lo, hi);
        i = j + 1;
    }

    // Poles between two finite probes: f changes sign across them (1/z), or |f| peaks sharply
    // (1/z²). Narrowing in on such a point makes |f| grow without bound, unlike at a zero or a
    // smooth bump.
    const auto divergesBetween = [&](double lo, double hi, bool signChange) -> std::optional<Interval> {
        const auto value = [&](double x) { return activation.evaluate(x, p).f; };
        if (signChange) {
            const bool loPositive = value(lo) > 0.0;
            for (int k = 0; k < 400; ++k) {
                const double mid = 0.5 * lo + 0.5 * hi;
                if (mid == lo || mid == hi) break;
                const double m = value(mid);
                if (!std::isfinite(m)) return Interval{mid, mid};
                if ((m > 0.0) == loPositive)
                    lo = mid;
                else
                    hi = mid;
            }
        } else {
            for (int k = 0; k < 400; ++k) {
                const double a = lo + (hi - lo) / 3.0;
                const double b = hi - (hi - lo) / 3.0;
                if (!(a > lo && b < hi && a < b)) break;
                const double fa = std::fabs(value(a));
                const double fb = std::fabs(value(b));
                if (!std::isfinite(fa)) return Interval{a, a};
                if (!std::isfinite(fb)) return Interval{b, b};
                if (fa < fb)
                    lo = a;
                else
                    hi = b;
            }
        }
        const double edge = std::min(std::fabs(value(lo)), std::fabs(value(hi)));
        if (!(edge < 1e100)) return Interval{lo, hi};
        return std::nullopt;
    };
    std::vector<Interval> poles;
    for (std::size_t k = 0; k + 1 < z.size(); ++k) {
        if (!goodAt(k) || !goodAt(k + 1)) continue;
        if ((f[k] > 0.0 && f[k + 1] < 0.0) || (f[k] < 0.0 && f[k + 1] > 0.0)) {
            if (auto pole = divergesBetween(z[k], z[k + 1], true)) poles.push_back(*pole);
        }
        if (k > 0 && goodAt(k - 1)) {
            const double here = std::fabs(f[k]);
            const double left = std::fabs(f[k - 1]);
            const double right = std::fabs(f[k + 1]);
            if (here >= left && here >= right && here > 4.0 * std::min(left, right)) {
                if (auto pole = divergesBetween(z[k - 1], z[k + 1], false)) poles.push_back(*pole);
            }
        }
    }
    for (const Interval& pole : poles)
        result.push_back(pole);
    return mergedIntervals(std::move(result));
}

Properties measureProperties(const Activation& activation, const ParameterValues& p, double zMin, double zMax)
{
    Properties r;
    r.smoothness = Smoothness::CInfinity;
    if (!(zMin < zMax) || !activation.evaluate) return r;
    const std::vector<double> z = gridWithKinks(activation, p, zMin, zMax, 2001);
    std::vector<double> f(z.size()), d1(z.size()), d2(z.size());
    evaluateAll(activation, p, z, f, d1, d2);

    double lo = kInf;
    double hi = -kInf;
    double maxSlope = 0.0;
    double maxCurvature = 0.0;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (std::isfinite(f[i])) {
            lo = std::min(lo, f[i]);
            hi = std::max(hi, f[i]);
        }
        if (std::isfinite(d1[i])) maxSlope = std::max(maxSlope, std::fabs(d1[i]));
        if (std::isfinite(d2[i])) maxCurvature = std::max(maxCurvature, std::fabs(d2[i]));
    }
    if (lo <= hi) r.range = OutputRange{lo, hi, true, true};

    // Rounding may push a true zero of f′ or f″ a few units below zero.
    const double slopeTolerance = 1e-12 * (1.0 + maxSlope);
    const double curvatureTolerance = 1e-12 * (1.0 + maxCurvature);
    const double valueTolerance = 1e-12 * (1.0 + std::max(std::fabs(lo), std::fabs(hi)));
    bool monotonic = true;
    bool convex = true;
    bool dead = false;
    double previousF = kNaN;
    double previousD1 = kNaN;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (std::isfinite(d1[i]) && d1[i] < -slopeTolerance) monotonic = false;
        if (std::isfinite(d2[i]) && d2[i] < -curvatureTolerance) convex = false;
        if (std::isfinite(f[i]) && std::isfinite(previousF) && f[i] < previousF - valueTolerance)
            monotonic = false;
        if (std::isfinite(d1[i]) && std::isfinite(previousD1) && d1[i] < previousD1 - slopeTolerance)
            convex = false;
        if (i > 0 && d1[i] == 0.0 && d1[i - 1] == 0.0) dead = true;
        previousF = f[i];
        previousD1 = d1[i];
    }
    r.monotonic = monotonic;
    r.derivativeMonotonic = convex;
    r.deadRegion = dead;

    if (activation.kinks) {
        int lowest = 3;
        for (const Kink& k : activation.kinks(p))
            if (k.z >= zMin && k.z <= zMax) lowest = std::min(lowest, k.order);
        r.smoothness = lowest == 0   ? Smoothness::Discontinuous
                       : lowest == 1 ? Smoothness::C0
                       : lowest == 2 ? Smoothness::C1
                                     : Smoothness::CInfinity;
    }

    const Derivatives atZero = activation.evaluate(0.0, p);
    const bool zeroAtZero = std::fabs(atZero.f) <= 1e-15;
    r.identityNearZero = zeroAtZero && std::fabs(atZero.d1 - 1.0) <= 1e-12;

    // Far probes decide what the window alone cannot: growth without bound and vanishing slope.
    bool unboundedAbove = false;
    bool unboundedBelow = false;
    std::array<bool, 2> saturated{true, true};
    for (std::size_t side = 0; side < 2; ++side) {
        const double s = side == 0 ? -1.0 : 1.0;
        const double near = activation.evaluate(s * 1e4, p).f;
        const double far = activation.evaluate(s * 1e8, p).f;
        const double reference = std::isfinite(near) ? 1.5 * std::fabs(near) + 1.0 : kInf;
        if (far > reference || far == kInf) unboundedAbove = true;
        if (-far > reference || far == -kInf) unboundedBelow = true;
        for (const double distance : {1e7, 2.3e7, 5.1e7, 1e8}) {
            const double slope = activation.evaluate(s * distance, p).d1;
            if (!(std::fabs(slope) < 1e-5)) saturated[side] = false;
        }
    }
    r.boundedAbove = !unboundedAbove && hi > -kInf;
    r.boundedBelow = !unboundedBelow && lo < kInf;
    r.saturates = saturated[0] && saturated[1] ? Saturation::Both
                  : saturated[0]               ? Saturation::Left
                  : saturated[1]               ? Saturation::Right
                                               : Saturation::None;
    return r;
}

std::vector<Interval> mergedIntervals(std::vector<Interval> intervals)
{
    std::sort(intervals.begin(), intervals.end(),
              [](const Interval& a, const Interval& b) { return a.lo < b.lo; });
    std::vector<Interval> merged;
    for (const Interval& interval : intervals) {
        if (!merged.empty() && interval.lo <= merged.back().hi)
            merged.back().hi = std::max(merged.back().hi, interval.hi);
        else
            merged.push_back(interval);
    }
    return merged;
}

}  // namespace ax::core
