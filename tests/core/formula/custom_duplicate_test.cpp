// Every catalog activation, re-entered as a formula: its symbolic derivatives must agree with the
// catalog's hand-written ones, so opening an editable copy changes nothing the user can see.

#include "core/activation.h"
#include "core/catalog.h"
#include "core/formula/custom_activation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace ax::core {
namespace {

constexpr double kRelative = 1e-12;

std::vector<std::string> catalogIds()
{
    std::vector<std::string> ids;
    for (const Activation& a : catalog())
        ids.push_back(a.id);
    return ids;
}

// 1,000 points over [−20, 20] that avoid the grid of round numbers kinks sit on.
std::vector<double> testPoints()
{
    std::vector<double> z;
    for (int i = 0; i < 1000; ++i)
        z.push_back(-20.0 + 40.0 * (i + 0.318309886) / 1000.0);
    return z;
}

// Relative agreement, with an absolute floor scaled to the typical size of the quantity so that
// values which are zero in exact arithmetic (f″ of snake at its inflection points) compare fairly.
void expectClose(double actual, double expected, double scale, const std::string& what)
{
    const double tolerance = kRelative * (std::fabs(expected) + scale);
    EXPECT_NEAR(actual, expected, tolerance) << what;
}

class DuplicateAsCustom : public ::testing::TestWithParam<std::string> {};

void compareAt(const Activation& original, const Activation& copy, const ParameterValues& p,
               const std::string& label)
{
    const std::vector<Kink> kinks = original.kinks ? original.kinks(p) : std::vector<Kink>{};
    const std::vector<double> points = testPoints();
    std::vector<Derivatives> expected;
    double scale1 = 0.0;
    double scale2 = 0.0;
    for (const double z : points) {
        expected.push_back(original.evaluate(z, p));
        scale1 = std::max(scale1, std::fabs(expected.back().d1));
        scale2 = std::max(scale2, std::fabs(expected.back().d2));
    }
    // The floor is a thousandth of the largest value over the interval, so the absolute slack is
    // 1e-15 of the curve's own scale: a few rounding units of the terms that cancel near a zero
    // of f′ or f″, and far below anything a chart can show.
    scale1 = std::max(1e-3 * scale1, 1e-300);
    scale2 = std::max(1e-3 * scale2, 1e-300);
    int compared = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double z = points[i];
        bool nearKink = false;
        for (const Kink& k : kinks)
            nearKink = nearKink || std::fabs(z - k.z) < 1e-6;
        if (nearKink) continue;
        const Derivatives got = copy.evaluate(z, p);
        const std::string where = label + " at z = " + std::to_string(z);
        expectClose(got.d1, expected[i].d1, scale1, "f' of " + where);
        expectClose(got.d2, expected[i].d2, scale2, "f'' of " + where);
        ++compared;
    }
    EXPECT_GE(compared, 990);
}

TEST_P(DuplicateAsCustom, SymbolicDerivativesMatchTheCatalog)
{
    const Activation* original = findActivation(GetParam());
    ASSERT_NE(original, nullptr);
    const auto spec = duplicateAsCustom(GetParam(), "copy_of_" + GetParam());
    ASSERT_TRUE(spec.has_value());
    const CustomBuildResult built = buildCustomActivation(*spec);
    ASSERT_TRUE(built.ok()) << built.error->message;
    const Activation& copy = built.custom->activation;

    ASSERT_EQ(copy.parameters.size(), original->parameters.size());
    for (std::size_t i = 0; i < copy.parameters.size(); ++i) {
        EXPECT_EQ(copy.parameters[i].name, original->parameters[i].name);
        EXPECT_EQ(copy.parameters[i].defaultValue, original->parameters[i].defaultValue);
    }

    compareAt(*original, copy, original->defaults(), GetParam() + " (defaults)");
    // And away from the defaults, so a parameter entering the derivative wrongly cannot hide.
    ParameterValues shifted = original->defaults();
    for (std::size_t i = 0; i < original->parameters.size(); ++i) {
        const Parameter& parameter = original->parameters[i];
        shifted[i] = parameter.sliderMin + 0.37 * (parameter.sliderMax - parameter.sliderMin);
        if (!parameter.accepts(shifted[i])) shifted[i] = parameter.defaultValue;
    }
    compareAt(*original, copy, shifted, GetParam() + " (shifted parameters)");
}

TEST_P(DuplicateAsCustom, FunctionValuesMatchTheCatalog)
{
    const Activation* original = findActivation(GetParam());
    const CustomBuildResult built = buildCustomActivation(*duplicateAsCustom(GetParam(), "copy"));
    ASSERT_TRUE(built.ok());
    const ParameterValues p = original->defaults();
    for (const double z : testPoints()) {
        const double expected = original->evaluate(z, p).f;
        // f is compared with a looser floor: the symbolic form of a clamp such as z/6 + 1/2
        // rounds differently from the catalog's (z + 3)/6 where the value is near zero.
        EXPECT_NEAR(built.custom->activation.evaluate(z, p).f, expected, 1e-12 * (std::fabs(expected) + 1.0))
            << GetParam() << " at z = " << z;
    }
}

TEST_P(DuplicateAsCustom, BulkEvaluationEqualsPointEvaluation)
{
    const CustomBuildResult built = buildCustomActivation(*duplicateAsCustom(GetParam(), "copy"));
    ASSERT_TRUE(built.ok());
    const Activation& copy = built.custom->activation;
    const ParameterValues p = copy.defaults();
    std::vector<double> z;
    for (int i = 0; i < 2500; ++i)
        z.push_back(-12.0 + 24.0 * i / 2499.0);  // more than one bulk chunk
    std::vector<double> f(z.size()), d1(z.size()), d2(z.size());
    evaluateAll(copy, p, z, f, d1, d2);
    for (std::size_t i = 0; i < z.size(); i += 7) {
        const Derivatives d = copy.evaluate(z[i], p);
        EXPECT_EQ(f[i], d.f);
        EXPECT_EQ(d1[i], d.d1);
        EXPECT_EQ(d2[i], d.d2);
    }
}

TEST_P(DuplicateAsCustom, KinksAreFoundWhereTheCatalogHasThem)
{
    const Activation* original = findActivation(GetParam());
    const CustomBuildResult built = buildCustomActivation(*duplicateAsCustom(GetParam(), "copy"));
    ASSERT_TRUE(built.ok());
    const ParameterValues p = original->defaults();
    const std::vector<Kink> expected = original->kinks(p);
    const std::vector<Kink> found = built.custom->activation.kinks(p);
    ASSERT_EQ(found.size(), expected.size()) << GetParam();
    for (std::size_t i = 0; i < found.size(); ++i) {
        EXPECT_NEAR(found[i].z, expected[i].z, 1e-12) << GetParam();
        EXPECT_EQ(found[i].order, expected[i].order) << GetParam() << " at " << expected[i].z;
    }
}

INSTANTIATE_TEST_SUITE_P(Catalog, DuplicateAsCustom, ::testing::ValuesIn(catalogIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(DuplicateAsCustom, EveryCatalogIdHasAFormula)
{
    for (const Activation& a : catalog())
        EXPECT_FALSE(catalogFormula(a.id).empty()) << a.id;
    EXPECT_TRUE(catalogFormula("no_such_activation").empty());
    EXPECT_FALSE(duplicateAsCustom("no_such_activation", "copy").has_value());
}

}  // namespace
}  // namespace ax::core
