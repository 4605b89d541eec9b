// The declared properties of every activation checked numerically over dense grids: output range,
// monotonicity, convexity, boundedness, zero-centredness, saturation, dead regions, behaviour near
// 0 and where the kinks are.

#include "core/activation.h"
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace ax::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kStep = 1e-3;

// Defaults, then each parameter at the ends and middle of its slider range and at the edge of its
// domain where that edge is allowed (the edge often changes the properties: α = 0, b = 0, β = 0).
std::vector<ParameterValues> parameterSets(const Activation& a)
{
    std::vector<ParameterValues> sets{a.defaults()};
    for (std::size_t i = 0; i < a.parameters.size(); ++i) {
        const Parameter& q = a.parameters[i];
        for (const double v :
             {q.sliderMin, q.sliderMax, 0.5 * (q.sliderMin + q.sliderMax), 1.0, q.domainMin}) {
            if (!q.accepts(v)) continue;
            ParameterValues p = a.defaults();
            p[i] = v;
            sets.push_back(p);
        }
    }
    return sets;
}

struct Grid {
    std::vector<double> z, f, d1, d2;
};

// A dense grid over [−12, 12] plus far points out to ±1e300.
Grid sampleGrid(const Activation& a, const ParameterValues& p)
{
    Grid g;
    for (const double far : {-1e300, -1e100, -1e6, -1e3})
        g.z.push_back(far);
    // A coarser grid out to ±100 catches the extremes of a slow oscillation (sine at ω = 0.1 peaks
    // first at z = 15.7).
    for (int i = -10000; i < -1200; ++i)
        g.z.push_back(i * 10.0 * kStep);
    for (int i = -12000; i <= 12000; ++i)
        g.z.push_back(i * kStep);
    for (int i = 1201; i <= 10000; ++i)
        g.z.push_back(i * 10.0 * kStep);
    for (const double far : {1e3, 1e6, 1e100, 1e300})
        g.z.push_back(far);
    for (const double z : g.z) {
        const Derivatives d = a.evaluate(z, p);
        g.f.push_back(d.f);
        g.d1.push_back(d.d1);
        g.d2.push_back(d.d2);
    }
    return g;
}

std::string label(const Activation& a, const ParameterValues& p)
{
    std::string text = a.id;
    for (std::size_t i = 0; i < a.parameters.size(); ++i)
        text += " " + a.parameters[i].name + "=" + std::to_string(p[i]);
    return text;
}

// Whether f‴, estimated from f″ by one-sided differences, jumps somewhere on a grid of [−6, 6].
bool thirdDerivativeJumps(const Activation& a, const ParameterValues& p)
{
    const double h = 1e-5;
    for (int i = -600; i <= 600; ++i) {
        const double z = i * 0.01;
        const double right = (a.evaluate(z + h, p).d2 - a.evaluate(z, p).d2) / h;
        const double left = (a.evaluate(z, p).d2 - a.evaluate(z - h, p).d2) / h;
        if (std::fabs(right - left) > 1e-2) return true;
    }
    return false;
}

class CatalogProperties : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override
    {
        m_activation = findActivation(GetParam());
        ASSERT_NE(m_activation, nullptr);
    }
    const Activation* m_activation = nullptr;
};

TEST_P(CatalogProperties, RangeAndBoundsHold)
{
    const Activation& a = *m_activation;
    for (const ParameterValues& p : parameterSets(a)) {
        SCOPED_TRACE(label(a, p));
        const Properties props = a.properties(p);
        const Grid g = sampleGrid(a, p);
        const double lo = *std::min_element(g.f.begin(), g.f.end());
        const double hi = *std::max_element(g.f.begin(), g.f.end());
        const OutputRange& r = props.range;
        EXPECT_EQ(props.boundedBelow, std::isfinite(r.lo));
        EXPECT_EQ(props.boundedAbove, std::isfinite(r.hi));
        const double tolLo = 1e-12 * std::max(1.0, std::fabs(r.lo));
        const double tolHi = 1e-12 * std::max(1.0, std::fabs(r.hi));
        // Every value lies in the declared range...
        EXPECT_GE(lo, r.lo - tolLo);
        EXPECT_LE(hi, r.hi + tolHi);
        // ...and the ends are reached (included) or approached (excluded, or infinite).
        if (std::isinf(r.lo)) {
            EXPECT_LT(lo, -1e99);
        } else {
            EXPECT_NEAR(lo, r.lo, 1e-6 * std::max(1.0, std::fabs(r.lo)));
        }
        if (std::isinf(r.hi)) {
            EXPECT_GT(hi, 1e99);
        } else {
            EXPECT_NEAR(hi, r.hi, 1e-6 * std::max(1.0, std::fabs(r.hi)));
        }
        // An included end is taken at a moderate z (a minimum or a flat part), not only approached.
        const auto takenNearby = [&](double end) {
            for (std::size_t i = 0; i < g.z.size(); ++i)
                if (std::fabs(g.z[i]) <= 100.0 &&
                    std::fabs(g.f[i] - end) <= 1e-6 * std::max(1.0, std::fabs(end)))
                    return true;
            return false;
        };
        if (r.loIncluded) {
            EXPECT_TRUE(takenNearby(r.lo));
        }
        if (r.hiIncluded) {
            EXPECT_TRUE(takenNearby(r.hi));
        }
        // A range of two values (the step's {0, 1}) holds nothing in between; an interval does.
        const bool between = std::any_of(g.f.begin(), g.f.end(), [&](double f) {
            const bool aboveLo = std::isinf(r.lo) || f > r.lo + 1e-9 * std::max(1.0, std::fabs(r.lo));
            const bool belowHi = std::isinf(r.hi) || f < r.hi - 1e-9 * std::max(1.0, std::fabs(r.hi));
            return aboveLo && belowHi;
        });
        EXPECT_EQ(between, !r.onlyEnds);
    }
}

TEST_P(CatalogProperties, MonotonicityAndConvexityAsDeclared)
{
    const Activation& a = *m_activation;
    for (const ParameterValues& p : parameterSets(a)) {
        SCOPED_TRACE(label(a, p));
        const Properties props = a.properties(p);
        const Grid g = sampleGrid(a, p);
        bool fDecreases = false;
        bool d1Decreases = false;
        for (std::size_t i = 0; i + 1 < g.z.size(); ++i) {
            if (g.f[i + 1] < g.f[i] - 1e-12 * std::max(1.0, std::fabs(g.f[i]))) fDecreases = true;
            if (g.d1[i + 1] < g.d1[i] - 1e-12 * std::max(1.0, std::fabs(g.d1[i]))) d1Decreases = true;
            // A concave corner or jump of f (the step) is invisible in f′ but not in f itself.
            if (i > 0 && std::fabs(g.z[i]) < 12.0) {
                const double second = g.f[i + 1] - 2.0 * g.f[i] + g.f[i - 1];
                if (second < -1e-11 * std::max(1.0, std::fabs(g.f[i]))) d1Decreases = true;
            }
        }
        EXPECT_EQ(props.monotonic, !fDecreases);
        EXPECT_EQ(props.derivativeMonotonic, !d1Decreases);
    }
}

TEST_P(CatalogProperties, IdentityNearZeroAsDeclared)
{
    const Activation& a = *m_activation;
    for (const ParameterValues& p : parameterSets(a)) {
        SCOPED_TRACE(label(a, p));
        const Properties props = a.properties(p);
        const Derivatives atZero = a.evaluate(0.0, p);
        const Derivatives below = a.evaluate(-1e-9, p);
        const bool identity =
            atZero.f == 0.0 && std::fabs(atZero.d1 - 1.0) < 1e-12 && std::fabs(below.d1 - 1.0) < 1e-6;
        EXPECT_EQ(props.identityNearZero, identity);
    }
}

TEST_P(CatalogProperties, SaturationAndDeadRegionAsDeclared)
{
    const Activation& a = *m_activation;
    for (const ParameterValues& p : parameterSets(a)) {
        SCOPED_TRACE(label(a, p));
        const Properties props = a.properties(p);
        const auto vanishes = [&](double z) {
            return std::fabs(a.evaluate(z, p).d1) < 1e-9 && std::fabs(a.evaluate(z * 10.0, p).d1) < 1e-9;
        };
        const bool left = vanishes(-1e6);
        const bool right = vanishes(1e6);
        const Saturation expected = left && right ? Saturation::Both
                                    : left        ? Saturation::Left
                                    : right       ? Saturation::Right
                                                  : Saturation::None;
        EXPECT_EQ(props.saturates, expected);

        // Dead: f′ exactly 0 at a run of consecutive grid points inside [−6, 6] (further out an
        // exponential tail such as CELU's at α = 0.01 underflows to 0 without being dead).
        const Grid g = sampleGrid(a, p);
        bool dead = false;
        for (std::size_t i = 0; i + 2 < g.z.size(); ++i)
            if (std::fabs(g.z[i]) <= 6.0 && g.d1[i] == 0.0 && g.d1[i + 1] == 0.0 && g.d1[i + 2] == 0.0)
                dead = true;
        EXPECT_EQ(props.deadRegion, dead);
    }
}

// f′ (or f, or f″) jumps exactly at the declared kinks, by the declared order, and nowhere else.
TEST_P(CatalogProperties, KinksWhereDeclaredAndNowhereElse)
{
    const Activation& a = *m_activation;
    for (const ParameterValues& p : parameterSets(a)) {
        SCOPED_TRACE(label(a, p));
        const auto kinks = a.kinks(p);
        const Properties props = a.properties(p);
        int lowestOrder = 3;
        for (const Kink& k : kinks) {
            lowestOrder = std::min(lowestOrder, k.order);
            const Derivatives right = a.evaluate(k.z, p);
            const Derivatives left = a.evaluate(std::nextafter(k.z, -kInf), p);
            const double values[2][3] = {{left.f, left.d1, left.d2}, {right.f, right.d1, right.d2}};
            for (int order = 0; order < k.order; ++order)
                EXPECT_NEAR(values[0][order], values[1][order], 1e-9)
                    << "order " << order << " at kink " << k.z;
            EXPECT_GT(std::fabs(values[0][k.order] - values[1][k.order]), 1e-6)
                << "no jump of order " << k.order << " at kink " << k.z;
        }
        // Without a kink in f, f′ or f″ the function is C² at least; only a jump of f‴ (ISRLU's
        // at 0) makes it exactly C², and then that jump must be there.
        const Smoothness expected = lowestOrder == 0                     ? Smoothness::Discontinuous
                                    : lowestOrder == 1                   ? Smoothness::C0
                                    : lowestOrder == 2                   ? Smoothness::C1
                                    : props.smoothness == Smoothness::C2 ? Smoothness::C2
                                                                         : Smoothness::CInfinity;
        EXPECT_EQ(props.smoothness, expected);
        if (props.smoothness == Smoothness::C2) {
            EXPECT_TRUE(thirdDerivativeJumps(a, p)) << "declared C2 without a jump of the third derivative";
        }

        // A jump shows as a difference far larger than both neighbouring differences.
        const Grid g = sampleGrid(a, p);
        const std::vector<double>* quantities[3] = {&g.f, &g.d1, &g.d2};
        for (std::size_t i = 8; i + 9 < g.z.size(); ++i) {
            const double lo = g.z[i], hi = g.z[i + 1];
            if (hi - lo > 2.0 * kStep) continue;
            // Orders a declared kink in [lo, hi] allows to jump.
            int allowedFrom = 3;
            for (const Kink& k : kinks)
                if (k.z > lo - kStep && k.z <= hi + kStep) allowedFrom = std::min(allowedFrom, k.order);
            for (int order = 0; order < std::min(allowedFrom, 3); ++order) {
                const auto& v = *quantities[order];
                const double here = std::fabs(v[i + 1] - v[i]);
                const double before = std::fabs(v[i] - v[i - 1]);
                const double after = std::fabs(v[i + 2] - v[i + 1]);
                EXPECT_LE(here, 8.0 * std::max(before, after) + 1e-7)
                    << "undeclared jump of order " << order << " between " << lo << " and " << hi;
            }
        }
    }
}

TEST_P(CatalogProperties, SelfNormalisingOnlyWhereMomentsArePreserved)
{
    const Activation& a = *m_activation;
    for (const ParameterValues& p : parameterSets(a)) {
        SCOPED_TRACE(label(a, p));
        if (!a.properties(p).selfNormalising) continue;
        // For z ~ N(0, 1): E f(z) = 0 and E f(z)² = 1 (trapezoid rule, exact to many digits here).
        double mean = 0.0;
        double square = 0.0;
        const double h = 1e-3;
        for (int i = -12000; i <= 12000; ++i) {
            const double z = i * h;
            const double w = std::exp(-0.5 * z * z) / std::sqrt(2.0 * 3.14159265358979323846) * h;
            const double f = a.evaluate(z, p).f;
            mean += w * f;
            square += w * f * f;
        }
        EXPECT_NEAR(mean, 0.0, 1e-6);
        EXPECT_NEAR(square, 1.0, 1e-6);
    }
}

TEST(CatalogProperties, SeluIsSelfNormalisingOnlyAtItsConstants)
{
    const Activation* selu = findActivation("selu");
    ASSERT_NE(selu, nullptr);
    EXPECT_TRUE(selu->properties(selu->defaults()).selfNormalising);
    ParameterValues p = selu->defaults();
    p[0] = 1.0;
    EXPECT_FALSE(selu->properties(p).selfNormalising);
    for (const Activation& a : catalog())
        if (a.id != "selu") {
            EXPECT_FALSE(a.properties(a.defaults()).selfNormalising) << a.id;
        }
}

TEST(CatalogProperties, IdsParametersAndReferencesAreComplete)
{
    const auto all = catalog();
    ASSERT_EQ(all.size(), 43u);
    std::set<std::string> ids;
    for (const Activation& a : all) {
        EXPECT_TRUE(ids.insert(a.id).second) << "duplicate id " << a.id;
        EXPECT_FALSE(a.name.empty());
        EXPECT_FALSE(a.formula.empty());
        EXPECT_TRUE(a.evaluate && a.kinks && a.properties) << a.id;
        for (const Parameter& q : a.parameters) {
            EXPECT_TRUE(q.accepts(q.defaultValue)) << a.id << " " << q.name;
            EXPECT_TRUE(q.accepts(q.sliderMax)) << a.id << " " << q.name;
            EXPECT_LT(q.sliderMin, q.sliderMax);
            EXPECT_FALSE(q.meaning.empty());
        }
        if (a.reference.year != 0) {
            EXPECT_FALSE(a.reference.authors.empty() || a.reference.title.empty()) << a.id;
        }
    }
    EXPECT_EQ(all.front().id, "identity");
    EXPECT_EQ(all[22].id, "snake");
    EXPECT_EQ(all.back().id, "penalized_tanh");
    EXPECT_EQ(findActivation("no_such_activation"), nullptr);
}

// The families of the catalog's table: every activation has one, and every family is used.
TEST(CatalogProperties, EveryActivationHasItsFamily)
{
    const std::map<std::string, std::string> expected{
        {"identity", "linear"},
        {"step", "threshold"},
        {"sigmoid", "sigmoid"},
        {"tanh", "sigmoid"},
        {"hard_sigmoid", "sigmoid"},
        {"hard_tanh", "sigmoid"},
        {"softsign", "sigmoid"},
        {"relu", "rectifier"},
        {"relu6", "rectifier"},
        {"leaky_relu", "rectifier"},
        {"prelu", "rectifier"},
        {"elu", "smooth rectifier"},
        {"celu", "smooth rectifier"},
        {"selu", "smooth rectifier"},
        {"softplus", "smooth rectifier"},
        {"squareplus", "smooth rectifier"},
        {"gelu", "gated"},
        {"gelu_tanh", "gated"},
        {"swish", "gated"},
        {"hard_swish", "gated"},
        {"mish", "gated"},
        {"gaussian", "radial"},
        {"snake", "periodic"},
        {"hard_shrink", "shrinkage"},
        {"soft_shrink", "shrinkage"},
        {"tanh_shrink", "shrinkage"},
        {"log_sigmoid", "sigmoid"},
        {"rrelu", "rectifier"},
        {"threshold", "rectifier"},
        {"exponential", "other"},
        {"sparse_plus", "smooth rectifier"},
        {"sparse_sigmoid", "sigmoid"},
        {"relu_squared", "rectifier"},
        {"star_relu", "rectifier"},
        {"quick_gelu", "gated"},
        {"sine", "periodic"},
        {"arctan", "sigmoid"},
        {"isru", "sigmoid"},
        {"isrlu", "smooth rectifier"},
        {"bent_identity", "other"},
        {"lisht", "gated"},
        {"tanhexp", "gated"},
        {"penalized_tanh", "sigmoid"},
    };
    ASSERT_EQ(expected.size(), catalog().size());
    std::set<Family> used;
    for (const Activation& a : catalog()) {
        ASSERT_EQ(expected.count(a.id), 1u) << a.id;
        EXPECT_EQ(familyName(a.family), expected.at(a.id)) << a.id;
        used.insert(a.family);
    }
    EXPECT_EQ(used.size(), static_cast<std::size_t>(kFamilyCount));
    EXPECT_EQ(allFamilies().size(), static_cast<std::size_t>(kFamilyCount));
    EXPECT_EQ(familyId(Family::SmoothRectifier), "smooth_rectifier");
}

// RReLU's lower ≤ upper is the one rule that ties two parameters together: refused with both
// values named, equality allowed; no other activation has such a rule.
TEST(CatalogProperties, RreluRefusesLowerAboveUpper)
{
    const Activation* rrelu = findActivation("rrelu");
    ASSERT_NE(rrelu, nullptr);
    EXPECT_EQ(parameterConflict(*rrelu, rrelu->defaults()), "");
    EXPECT_EQ(parameterConflict(*rrelu, ParameterValues{0.3, 0.3}), "");
    EXPECT_EQ(parameterConflict(*rrelu, ParameterValues{0.5, 0.25}),
              "lower of rrelu must not exceed its upper; lower = 0.5 is above upper = 0.25");
    for (const Activation& a : catalog())
        if (a.id != "rrelu") {
            EXPECT_FALSE(a.parameterConflict) << a.id;
        }
}

// The curve is the inference slope (l + u)/2 and the band spans [l, u].
TEST(CatalogProperties, RreluCurveIsTheMeanSlopeAndItsBandTheTrainingSpread)
{
    const Activation* rrelu = findActivation("rrelu");
    ASSERT_NE(rrelu, nullptr);
    const ParameterValues p{0.1, 0.3};
    EXPECT_DOUBLE_EQ(rrelu->evaluate(-2.0, p).f, -0.4);
    EXPECT_DOUBLE_EQ(rrelu->evaluate(-2.0, p).d1, 0.2);
    EXPECT_EQ(rrelu->evaluate(2.0, p).f, 2.0);
    ASSERT_TRUE(rrelu->randomSlopeBand);
    EXPECT_EQ(rrelu->randomSlopeBand(p).lower, 0.1);
    EXPECT_EQ(rrelu->randomSlopeBand(p).upper, 0.3);
    for (const Activation& a : catalog())
        if (a.id != "rrelu") {
            EXPECT_FALSE(a.randomSlopeBand) << a.id;
        }
}

std::vector<std::string> allIds()
{
    std::vector<std::string> ids;
    for (const Activation& a : catalog())
        ids.push_back(a.id);
    return ids;
}

INSTANTIATE_TEST_SUITE_P(EveryActivation, CatalogProperties, ::testing::ValuesIn(allIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace ax::core
