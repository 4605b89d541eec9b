#include "core/saturation.h"

#include "core/bisection.h"
#include "core/cpu_vector_registers.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ax::core {

namespace {

// Probes per grid. Dense enough that a saturated window of snake at a = 10 (about 0.03 wide at the
// default ε) holds a probe over the default range; narrower dips are caught through f″ below.
constexpr std::size_t kProbeCount = 1024;
// Bisection stops at a relative width well below the promised 1e-9, after at most enough steps to
// reach any double from any other.
constexpr BisectionLimits kBisection{.maxSteps = 1100, .relativeWidth = 1e-13};

enum class Zone { Active, Saturated, Dead };

struct Probe {
    double z = 0.0;
    double d1 = 0.0;
    double d2 = 0.0;
    Zone zone = Zone::Active;
};

struct Segment {
    Zone zone;
    double lo;
    double hi;
};

double sign(double x) noexcept
{
    return x > 0.0 ? 1.0 : (x < 0.0 ? -1.0 : 0.0);
}

// Classifies and evaluates points; dead means f′ exactly 0, but only for an activation that
// declares a dead region, so that an f′ which merely underflows in a tail (sigmoid at −800)
// counts as saturated.
class Classifier {
public:
    Classifier(const Activation& activation, const ParameterValues& p, double epsilon)
        : m_activation(activation),
          m_p(p),
          m_epsilon(epsilon),
          m_deadPossible(zeroDerivativeIsDead(activation, p))
    {
    }

    [[nodiscard]] Zone zoneOf(double d1) const noexcept
    {
        const double a = std::fabs(d1);
        if (a == 0.0) return m_deadPossible ? Zone::Dead : Zone::Saturated;
        if (a < m_epsilon) return Zone::Saturated;
        return Zone::Active;
    }

    [[nodiscard]] Probe probe(double z) const
    {
        const Derivatives d = m_activation.evaluate(z, m_p);
        return {z, d.d1, d.d2, zoneOf(d.d1)};
    }

private:
    const Activation& m_activation;
    const ParameterValues& m_p;
    double m_epsilon;
    bool m_deadPossible;
};

// Probe positions: a uniform grid, plus for wide ranges a grid uniform in asinh(z) (linear near 0,
// logarithmic in the tails) so the region around 0 is not skipped, plus every kink and the double
// just below it, since a zone may change exactly there.
std::vector<double> probePositions(const Activation& activation, const ParameterValues& p, double zMin,
                                   double zMax)
{
    std::vector<double> z;
    z.reserve(2 * kProbeCount + 8);
    for (std::size_t i = 0; i < kProbeCount; ++i)
        z.push_back(std::lerp(zMin, zMax, static_cast<double>(i) / static_cast<double>(kProbeCount - 1)));
    z.back() = zMax;
    const auto uniformEnd = static_cast<std::ptrdiff_t>(z.size());
    if (zMax * 0.5 - zMin * 0.5 > 50.0) {
        const double uMin = std::asinh(zMin);
        const double uMax = std::asinh(zMax);
        for (std::size_t i = 1; i + 1 < kProbeCount; ++i) {
            const double u =
                std::lerp(uMin, uMax, static_cast<double>(i) / static_cast<double>(kProbeCount - 1));
            z.push_back(std::clamp(std::sinh(u), zMin, zMax));
        }
    }
    const auto gridsEnd = static_cast<std::ptrdiff_t>(z.size());
    if (activation.kinks) {
        for (const Kink& k : activation.kinks(p)) {
            if (k.z > zMin && k.z <= zMax) z.push_back(k.z);
            const double below = std::nextafter(k.z, -std::numeric_limits<double>::infinity());
            if (below >= zMin && below < zMax) z.push_back(below);
        }
    }
    // Both grids are already in order (sinh and the clamp keep it), so only the few kinks need
    // sorting: this runs for every shown curve on every step of a range drag.
    std::sort(z.begin() + gridsEnd, z.end());
    std::inplace_merge(z.begin(), z.begin() + uniformEnd, z.begin() + gridsEnd);
    std::inplace_merge(z.begin(), z.begin() + gridsEnd, z.end());
    z.erase(std::unique(z.begin(), z.end()), z.end());
    return z;
}

// The point in (lo, hi) where test changes from its value at lo.
template <typename Test>
double whereTestChanges(const Classifier& classifier, double lo, double hi, Test test)
{
    const bool atLo = test(classifier.probe(lo));
    const BisectionEnds ends = bisect(
        lo, hi, [&](double z) { return test(classifier.probe(z)) == atLo; }, kBisection);
    return halfway(ends.same, ends.changed);
}

// Between two probes of one zone, |f′| may still dip into another zone and come back (a zero of
// f′, or a local minimum or maximum of |f′|). Returns a probe there if so.
bool hiddenExcursion(const Classifier& classifier, const Probe& a, const Probe& b, Probe& found)
{
    if (a.zone != b.zone || a.zone == Zone::Dead) return false;
    double m = 0.0;
    if (sign(a.d1) * sign(b.d1) < 0.0) {
        m = whereTestChanges(classifier, a.z, b.z, [](const Probe& q) { return q.d1 > 0.0; });
    } else {
        // The slope of |f′| is f″·sign(f′); it turns from − to + at a minimum of |f′|, from + to −
        // at a maximum.
        const double sa = a.d2 * sign(a.d1);
        const double sb = b.d2 * sign(b.d1);
        const bool minimumInside = a.zone == Zone::Active && sa < 0.0 && sb > 0.0;
        const bool maximumInside = a.zone == Zone::Saturated && sa > 0.0 && sb < 0.0;
        if (!minimumInside && !maximumInside) return false;
        m = whereTestChanges(classifier, a.z, b.z, [](const Probe& q) { return q.d2 * sign(q.d1) > 0.0; });
    }
    if (m <= a.z || m >= b.z) return false;
    found = classifier.probe(m);
    return found.zone != a.zone;
}

// The first point at or after which the zone is no longer `from`, between a (zone `from`) and b.
Probe zoneBoundary(const Classifier& classifier, double lo, double hi, Zone from)
{
    const auto stays = [&](double z) { return classifier.probe(z).zone == from; };
    return classifier.probe(bisect(lo, hi, stays, kBisection).changed);
}

// A dead stretch found around an isolated exact zero of f′ (hard swish at −1.5) is not an interval
// of zeros: require a zero at a distinct interior point too.
bool reallyDead(const Classifier& classifier, const Segment& s)
{
    const double mid = halfway(s.lo, s.hi);
    if (mid <= s.lo || mid >= s.hi) return false;
    return classifier.probe(mid).zone == Zone::Dead;
}

// Where f′ oscillates faster than the probes can follow (snake far out on a huge range), two
// probes that happen to land in saturated windows would make one false interval between them:
// a saturated stretch must be saturated inside too.
bool reallySaturated(const Classifier& classifier, const Segment& s)
{
    for (const double t : {0.25, 0.5, 0.75}) {
        const double z = s.lo * (1.0 - t) + s.hi * t;
        if (z > s.lo && z < s.hi && classifier.probe(z).zone == Zone::Active) return false;
    }
    return true;
}

}  // namespace

std::vector<SaturationInterval> saturationIntervals(const Activation& activation, const ParameterValues& p,
                                                    double zMin, double zMax, double epsilon)
{
    clearUpperVectorRegisters();
    std::vector<SaturationInterval> result;
    if (!(zMin < zMax) || !(epsilon > 0.0) || !activation.evaluate) return result;

    const Classifier classifier(activation, p, epsilon);
    const std::vector<double> positions = probePositions(activation, p, zMin, zMax);
    std::vector<double> f(positions.size()), d1(positions.size()), d2(positions.size());
    evaluateAll(activation, p, positions, f, d1, d2);

    std::vector<Probe> probes;
    probes.reserve(positions.size() + 16);
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const Probe current{positions[i], d1[i], d2[i], classifier.zoneOf(d1[i])};
        if (!probes.empty()) {
            Probe extra;
            if (hiddenExcursion(classifier, probes.back(), current, extra)) probes.push_back(extra);
        }
        probes.push_back(current);
    }

    std::vector<Segment> segments;
    Segment open{probes.front().zone, zMin, zMin};
    for (std::size_t i = 0; i + 1 < probes.size(); ++i) {
        Probe left = probes[i];
        const Probe& right = probes[i + 1];
        // Possibly several zone changes between two probes (active → saturated → dead).
        while (left.zone != right.zone) {
            const Probe boundary = zoneBoundary(classifier, left.z, right.z, left.zone);
            open.hi = boundary.z;
            segments.push_back(open);
            open = Segment{boundary.zone, boundary.z, boundary.z};
            left = boundary;
        }
    }
    open.hi = zMax;
    segments.push_back(open);

    for (Segment& s : segments) {
        if (s.zone == Zone::Dead && !reallyDead(classifier, s)) s.zone = Zone::Saturated;
        if (s.zone == Zone::Saturated && !reallySaturated(classifier, s)) s.zone = Zone::Active;
    }

    for (const Segment& s : segments) {
        if (s.zone == Zone::Active) continue;
        const SaturationKind kind = s.zone == Zone::Dead ? SaturationKind::Dead : SaturationKind::Saturated;
        if (!result.empty() && result.back().kind == kind && result.back().hi >= s.lo)
            result.back().hi = std::max(result.back().hi, s.hi);
        else
            result.push_back({kind, s.lo, s.hi});
    }
    return result;
}

}  // namespace ax::core
