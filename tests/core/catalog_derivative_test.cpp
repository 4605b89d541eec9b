// f′ and f″ checked independently of the reference data: against Richardson-extrapolated central
// differences of f and f′ at random points away from kinks.

#include "core/activation.h"
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace ax::core {
namespace {

// Central difference with step h, improved by one Richardson step: error O(h⁴).
template <typename G>
double richardson(G g, double z, double h)
{
    const auto central = [&](double step) { return (g(z + step) - g(z - step)) / (2.0 * step); };
    return (4.0 * central(h / 2.0) - central(h)) / 3.0;
}

// Defaults, then each parameter at the middle of its slider range.
std::vector<ParameterValues> parameterSets(const Activation& a)
{
    std::vector<ParameterValues> sets{a.defaults()};
    for (std::size_t i = 0; i < a.parameters.size(); ++i) {
        ParameterValues p = a.defaults();
        p[i] = 0.5 * (a.parameters[i].sliderMin + a.parameters[i].sliderMax);
        sets.push_back(p);
    }
    return sets;
}

class CatalogDerivatives : public ::testing::TestWithParam<std::string> {};

TEST_P(CatalogDerivatives, MatchFiniteDifferences)
{
    const Activation* a = findActivation(GetParam());
    ASSERT_NE(a, nullptr);
    std::mt19937_64 random(20240611);
    std::uniform_real_distribution<double> near(-6.0, 6.0);
    std::uniform_real_distribution<double> far(-30.0, 30.0);
    for (const ParameterValues& p : parameterSets(*a)) {
        const auto kinks = a->kinks(p);
        int checked = 0;
        for (int i = 0; i < 400; ++i) {
            const double z = i % 4 == 3 ? far(random) : near(random);
            // A step that grows slowly with |z|: small enough for snake's fastest oscillation, large
            // enough that rounding in f stays far below the tolerance.
            const double h = 2e-4 * std::sqrt(std::max(1.0, std::fabs(z)));
            const bool closeToKink = std::any_of(kinks.begin(), kinks.end(),
                                                 [&](const Kink& k) { return std::fabs(k.z - z) < 4.0 * h; });
            if (closeToKink) continue;
            ++checked;
            const Derivatives d = a->evaluate(z, p);
            const double fd1 = richardson([&](double x) { return a->evaluate(x, p).f; }, z, h);
            const double fd2 = richardson([&](double x) { return a->evaluate(x, p).d1; }, z, h);
            // Truncation O(h⁴ f⁽⁵⁾) plus rounding O(ε|f|/h): a relative 1e-6 of the larger of the
            // function and its derivative leaves room for both while catching any wrong formula.
            const double scale1 = std::max({1.0, std::fabs(d.f), std::fabs(d.d1)});
            const double scale2 = std::max({1.0, std::fabs(d.d1), std::fabs(d.d2)});
            EXPECT_NEAR(d.d1, fd1, 1e-6 * scale1) << a->id << " f' at z = " << z;
            EXPECT_NEAR(d.d2, fd2, 1e-6 * scale2) << a->id << " f'' at z = " << z;
        }
        EXPECT_GT(checked, 300);
    }
}

// The bulk path gives exactly the values of the pointwise one.
TEST_P(CatalogDerivatives, BulkEvaluationEqualsPointwise)
{
    const Activation* a = findActivation(GetParam());
    ASSERT_NE(a, nullptr);
    const ParameterValues p = a->defaults();
    std::vector<double> z;
    for (int i = -500; i <= 500; ++i)
        z.push_back(i * 0.037);
    z.push_back(1e300);
    z.push_back(-1e300);
    std::vector<double> f(z.size()), d1(z.size()), d2(z.size());
    evaluateAll(*a, p, z, f, d1, d2);
    for (std::size_t i = 0; i < z.size(); ++i) {
        const Derivatives d = a->evaluate(z[i], p);
        EXPECT_EQ(d.f, f[i]);
        EXPECT_EQ(d.d1, d1[i]);
        EXPECT_EQ(d.d2, d2[i]);
    }
}

// Infinite inputs give the limits where they exist, never a NaN in f of a function with a limit.
TEST_P(CatalogDerivatives, InfiniteInputsGiveLimits)
{
    const Activation* a = findActivation(GetParam());
    ASSERT_NE(a, nullptr);
    const ParameterValues p = a->defaults();
    for (const double z :
         {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()}) {
        const Derivatives atInfinity = a->evaluate(z, p);
        const Derivatives far = a->evaluate(std::copysign(1e300, z), p);
        // Sine oscillates forever and has no limit at all: NaN says so.
        if (a->id == "sine") {
            EXPECT_TRUE(std::isnan(atInfinity.f) && std::isnan(atInfinity.d1) && std::isnan(atInfinity.d2));
            continue;
        }
        EXPECT_FALSE(std::isnan(atInfinity.f)) << a->id << " at " << z;
        if (std::fabs(far.f) < 1e200) {
            EXPECT_NEAR(atInfinity.f, far.f, 1e-12) << a->id << " at " << z;
        }
        // A derivative that grows without bound (eᶻ, 2z of the squared ReLU) must be the infinity
        // of its sign at infinity.
        const auto expectLimit = [&](double limit, double farValue, const char* what) {
            if (std::fabs(farValue) > 1e200) {
                EXPECT_EQ(limit, std::copysign(std::numeric_limits<double>::infinity(), farValue))
                    << a->id << " " << what << " at " << z;
            } else {
                EXPECT_NEAR(limit, farValue, 1e-12) << a->id << " " << what << " at " << z;
            }
        };
        if (a->id != "snake") {
            expectLimit(atInfinity.d1, far.d1, "f'");
            expectLimit(atInfinity.d2, far.d2, "f''");
        }
    }
}

TEST_P(CatalogDerivatives, NaNInputGivesNaNEverywhere)
{
    const Activation* a = findActivation(GetParam());
    ASSERT_NE(a, nullptr);
    const Derivatives d = a->evaluate(std::numeric_limits<double>::quiet_NaN(), a->defaults());
    EXPECT_TRUE(std::isnan(d.f));
    EXPECT_TRUE(std::isnan(d.d1));
    EXPECT_TRUE(std::isnan(d.d2));
}

// Values a session file or --param may give a parameter: its domain's ends, its slider's ends and
// magnitudes from the smallest subnormal to the largest double, of both signs where allowed.
std::vector<double> extremeValues(const Parameter& parameter)
{
    constexpr double kMax = std::numeric_limits<double>::max();
    std::vector<double> values{parameter.defaultValue, parameter.sliderMin, parameter.sliderMax,
                               std::nextafter(parameter.domainMin, kMax),
                               std::nextafter(parameter.domainMax, -kMax)};
    for (const double magnitude : {0.0, 5e-324, 1e-300, 1e-10, 1.0, 1e10, 1e300, kMax}) {
        values.push_back(magnitude);
        values.push_back(-magnitude);
    }
    std::vector<double> accepted;
    for (const double v : values)
        if (std::isfinite(v) && parameter.accepts(v)) accepted.push_back(v);
    return accepted;
}

// Whatever accepted parameters the user gives, a finite z never yields a NaN: the charts would
// otherwise lose the curve, and --eval would print "nan" for a question that has an answer.
TEST_P(CatalogDerivatives, NoNaNAtFiniteInputsForAnyAcceptedParameters)
{
    const Activation* a = findActivation(GetParam());
    ASSERT_NE(a, nullptr);
    std::vector<double> zs{0.0};
    for (const double magnitude : {5e-324, 1e-300, 1e-8, 0.5, 1.0, 2.0, 3.0, 20.0, 40.0, 710.0, 1e5, 1e20,
                                   1e300, std::numeric_limits<double>::max()}) {
        zs.push_back(magnitude);
        zs.push_back(-magnitude);
    }
    std::vector<std::vector<double>> choices;
    for (const Parameter& parameter : a->parameters) {
        choices.push_back(extremeValues(parameter));
        ASSERT_FALSE(choices.back().empty()) << parameter.name;
    }
    std::vector<std::size_t> index(choices.size(), 0);
    for (;;) {
        ParameterValues p = a->defaults();
        for (std::size_t i = 0; i < choices.size(); ++i)
            p[i] = choices[i][index[i]];
        for (const double z : zs) {
            const Derivatives d = a->evaluate(z, p);
            ASSERT_FALSE(std::isnan(d.f) || std::isnan(d.d1) || std::isnan(d.d2))
                << a->id << " at z = " << z << " with parameters " << p[0] << ", " << p[1];
        }
        std::size_t k = 0;
        while (k < index.size() && ++index[k] == choices[k].size())
            index[k++] = 0;
        if (k == index.size()) break;
    }
}

std::vector<std::string> allIds()
{
    std::vector<std::string> ids;
    for (const Activation& a : catalog())
        ids.push_back(a.id);
    return ids;
}

INSTANTIATE_TEST_SUITE_P(EveryActivation, CatalogDerivatives, ::testing::ValuesIn(allIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace ax::core
