// Every number the explanations state, and every property they declare, checked against the core,
// so the text can never contradict the charts.

#include "core/activation.h"
#include "core/catalog.h"
#include "core/output_statistics.h"
#include "ui/model/explanation_library.h"
#include "ui/model/explorer_state.h"

#include <QStringList>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numbers>
#include <vector>

namespace {

using ax::core::Activation;
using ax::core::ParameterValues;
using ax::ui::Explanation;
using ax::ui::ExplanationLibrary;
using ax::ui::NumericClaim;

const ExplanationLibrary& library()
{
    static const ExplanationLibrary loaded = [] {
        QStringList ids;
        for (const auto& a : ax::core::catalog())
            ids << QString::fromStdString(a.id);
        return ExplanationLibrary::load(ids);
    }();
    return loaded;
}

ParameterValues parametersOf(const Activation& a, const NumericClaim& claim)
{
    ParameterValues p = a.defaults();
    for (auto it = claim.parameters.begin(); it != claim.parameters.end(); ++it) {
        const int index = a.parameterIndex(it.key().toStdString());
        EXPECT_GE(index, 0) << a.id << " has no parameter " << it.key().toStdString();
        if (index >= 0) p[static_cast<std::size_t>(index)] = it.value();
    }
    return p;
}

// Dense near the origin, where the interesting shapes are, and reaching far into both tails.
std::vector<double> probePoints()
{
    std::vector<double> z;
    for (int i = -4000; i <= 4000; ++i)
        z.push_back(i * 0.0025);
    for (double x = 10.0; x <= 1e7; x *= 1.05) {
        z.push_back(x);
        z.push_back(-x);
    }
    std::sort(z.begin(), z.end());
    return z;
}

bool close(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance * (1.0 + std::abs(expected));
}

// E[g(Z)] for Z ~ N(0, 1), by composite Simpson over [−12, 12] split at the kinks, where a
// fixed rule would lose its order.
double standardNormalExpectation(const Activation& a, const ParameterValues& p,
                                 const std::function<double(const ax::core::Derivatives&)>& g)
{
    std::vector<double> cuts{-12.0};
    if (a.kinks)
        for (const auto& kink : a.kinks(p))
            if (kink.z > -12.0 && kink.z < 12.0) cuts.push_back(kink.z);
    cuts.push_back(0.0);
    cuts.push_back(12.0);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    double total = 0.0;
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const double lo = cuts[k];
        const double hi = cuts[k + 1];
        const int n = 20000;
        const double h = (hi - lo) / n;
        double sum = 0.0;
        for (int i = 0; i <= n; ++i) {
            // Nudged off the ends, so each piece sees its own side of a jump.
            const double z = i == 0 ? lo + 1e-12 : i == n ? hi - 1e-12 : lo + i * h;
            const double weight = (i == 0 || i == n) ? 1.0 : (i % 2 ? 4.0 : 2.0);
            sum += weight * g(a.evaluate(z, p)) * std::exp(-z * z / 2.0);
        }
        total += sum * h / 3.0;
    }
    return total / std::sqrt(2.0 * std::numbers::pi);
}

std::pair<double, double> standardNormalMoments(const Activation& a, const ParameterValues& p)
{
    return {standardNormalExpectation(a, p, [](const auto& d) { return d.f; }),
            standardNormalExpectation(a, p, [](const auto& d) { return d.f * d.f; })};
}

::testing::AssertionResult holds(const Activation& a, const NumericClaim& claim)
{
    const ParameterValues p = parametersOf(a, claim);
    const double tol = claim.tolerance;
    const auto fail = [&](double actual) {
        return ::testing::AssertionFailure()
               << a.id << ": \"" << claim.text.toStdString() << "\" states " << claim.what.toStdString()
               << " = " << claim.value << " but the core gives " << actual;
    };
    const std::vector<double> z = probePoints();
    if (claim.what == "value" || claim.what == "derivative" || claim.what == "second_derivative") {
        const auto d = a.evaluate(claim.at, p);
        const double actual = claim.what == "value" ? d.f : claim.what == "derivative" ? d.d1 : d.d2;
        return close(actual, claim.value, tol) ? ::testing::AssertionSuccess() : fail(actual);
    }
    if (claim.what == "minimum" || claim.what == "maximum" || claim.what == "max_derivative") {
        const bool ofDerivative = claim.what == "max_derivative";
        const double sign = claim.what == "minimum" ? -1.0 : 1.0;
        const auto quantity = [&](double x) {
            const auto d = a.evaluate(x, p);
            return ofDerivative ? d.d1 : d.f;
        };
        const double atPoint = quantity(claim.at);
        if (!close(atPoint, claim.value, tol)) return fail(atPoint);
        // No probe point may beat the stated extreme.
        for (const double x : z) {
            const double q = quantity(x);
            if (sign * (q - claim.value) > tol * (1.0 + std::abs(claim.value)))
                return ::testing::AssertionFailure()
                       << a.id << ": " << claim.what.toStdString() << " " << claim.value
                       << " is exceeded at z = " << x << " (" << q << ")";
        }
        return ::testing::AssertionSuccess();
    }
    if (claim.what == "lower_bound" || claim.what == "upper_bound") {
        const bool lower = claim.what == "lower_bound";
        const auto range = a.properties(p).range;
        const double declared = lower ? range.lo : range.hi;
        if (!close(declared, claim.value, tol)) return fail(declared);
        double extreme = lower ? INFINITY : -INFINITY;
        for (const double x : z)
            extreme = lower ? std::min(extreme, a.evaluate(x, p).f) : std::max(extreme, a.evaluate(x, p).f);
        // The bound is respected and approached: the probes reach it to within the tolerance or
        // 1e-6 relative, which the tails up to |z| = 10⁷ are enough for.
        const double slack = std::max(tol, 1e-6) * (1.0 + std::abs(claim.value));
        if (lower ? extreme < claim.value - slack : extreme > claim.value + slack)
            return ::testing::AssertionFailure()
                   << a.id << ": the output goes beyond the stated bound, to " << extreme;
        if (std::abs(extreme - claim.value) > slack)
            return ::testing::AssertionFailure() << a.id << ": the output never comes near the stated bound "
                                                 << claim.value << " (closest " << extreme << ")";
        return ::testing::AssertionSuccess();
    }
    if (claim.what == "fixed_point") {
        const auto [mean, secondMoment] = standardNormalMoments(a, p);
        const double variance = secondMoment - mean * mean;
        if (!close(mean, claim.value, tol)) return fail(mean);
        if (!close(variance, claim.variance, tol))
            return ::testing::AssertionFailure()
                   << a.id << ": the variance of the output is " << variance << ", not " << claim.variance;
        return ::testing::AssertionSuccess();
    }
    if (claim.what == "mean_squared_derivative") {
        const double actual = standardNormalExpectation(a, p, [](const auto& d) { return d.d1 * d.d1; });
        return close(actual, claim.value, tol) ? ::testing::AssertionSuccess() : fail(actual);
    }
    return ::testing::AssertionFailure() << "unchecked claim kind " << claim.what.toStdString();
}

class EveryActivation : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryActivation, EveryNumberInTheTextMatchesTheCore)
{
    const Activation* a = ax::core::findActivation(GetParam());
    const Explanation* e = library().find(QString::fromStdString(GetParam()));
    ASSERT_NE(a, nullptr);
    ASSERT_NE(e, nullptr);
    ASSERT_FALSE(e->claims.isEmpty());
    for (const NumericClaim& claim : e->claims)
        EXPECT_TRUE(holds(*a, claim));
}

TEST_P(EveryActivation, DeclaredPropertiesMatchTheCore)
{
    const Activation* a = ax::core::findActivation(GetParam());
    const Explanation* e = library().find(QString::fromStdString(GetParam()));
    ASSERT_NE(a, nullptr);
    ASSERT_NE(e, nullptr);
    const auto p = a->properties(a->defaults());
    const QJsonObject& d = e->declared;
    const auto smoothness = [](ax::core::Smoothness s) {
        switch (s) {
            case ax::core::Smoothness::Discontinuous:
                return "discontinuous";
            case ax::core::Smoothness::C0:
                return "C0";
            case ax::core::Smoothness::C1:
                return "C1";
            case ax::core::Smoothness::C2:
                return "C2";
            case ax::core::Smoothness::CInfinity:
                return "Cinf";
        }
        return "";
    };
    EXPECT_EQ(d.value("monotonic").toBool(), p.monotonic) << "monotonic";
    EXPECT_EQ(d.value("smoothness").toString().toStdString(), smoothness(p.smoothness)) << "smoothness";
    // Zero-centred by the mean a standard-normal input gives, as the table defines it.
    const double mean = standardNormalMoments(*a, a->defaults()).first;
    EXPECT_EQ(d.value("zero_centred").toBool(), std::abs(mean) <= ax::core::kZeroCentredMeanLimit)
        << "zero-centred: the mean output is " << mean;
    EXPECT_EQ(d.value("bounded_below").toBool(), p.boundedBelow) << "bounded below";
    EXPECT_EQ(d.value("bounded_above").toBool(), p.boundedAbove) << "bounded above";
    // Saturated on a side when |f′| < ε = 0.05 everywhere beyond some point there: the charts' rule,
    // probed far out on a ladder (Snake's f′ keeps touching 0 and 2, so it never stays below ε).
    const auto stays = [&](double sign) {
        for (double x = 50.0; x <= 1e12; x *= 1.37)
            if (!(std::abs(a->evaluate(sign * x, a->defaults()).d1) < ax::ui::ExplorerState::kDefaultEpsilon))
                return false;
        return true;
    };
    const bool left = stays(-1.0);
    const bool right = stays(1.0);
    const char* rule = left && right ? "both" : left ? "left" : right ? "right" : "none";
    EXPECT_EQ(d.value("saturates").toString().toStdString(), rule) << "saturates at ε = 0.05";
    EXPECT_EQ(d.value("dead_region").toBool(), p.deadRegion) << "dead region";
    EXPECT_EQ(d.value("self_normalising").toBool(), p.selfNormalising) << "self-normalising";
}

INSTANTIATE_TEST_SUITE_P(Catalog, EveryActivation, ::testing::ValuesIn([] {
                             std::vector<std::string> ids;
                             for (const auto& a : ax::core::catalog())
                                 ids.push_back(a.id);
                             return ids;
                         }()),
                         [](const auto& info) { return info.param; });

TEST(ExplanationClaims, AWrongNumberIsCaught)
{
    const Activation* sigmoid = ax::core::findActivation("sigmoid");
    ASSERT_NE(sigmoid, nullptr);
    NumericClaim wrong;
    wrong.what = QStringLiteral("max_derivative");
    wrong.value = 0.3;
    wrong.at = 0.0;
    wrong.text = QStringLiteral("a deliberately wrong peak");
    EXPECT_FALSE(holds(*sigmoid, wrong));
    NumericClaim tooLow = wrong;
    tooLow.value = 0.2;  // the true peak 1/4 exceeds it
    EXPECT_FALSE(holds(*sigmoid, tooLow));
    NumericClaim bound;
    bound.what = QStringLiteral("lower_bound");
    bound.value = -1.0;
    bound.text = QStringLiteral("sigmoid is not bounded by −1");
    EXPECT_FALSE(holds(*sigmoid, bound));
}

}  // namespace
