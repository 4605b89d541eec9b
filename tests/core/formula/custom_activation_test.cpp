// Formulas typed by the user: parameters, error positions, derivatives and the stored description.
// What is measured of any activation (non-finite regions, properties) is in measurements_test.

#include "core/formula/custom_activation.h"
#include "core/measurements.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace ax::core {
namespace {

CustomActivation build(const std::string& formula, std::vector<CustomParameterSpec> parameters = {})
{
    const CustomBuildResult result =
        buildCustomActivation({"custom_1", "My activation", formula, parameters});
    EXPECT_TRUE(result.ok()) << formula << ": " << (result.error ? result.error->message : "");
    return result.ok() ? *result.custom : CustomActivation{};
}

TEST(CustomActivation, ParametersAreTheFreeNamesInOrderOfAppearance)
{
    const CustomActivation c = build("beta*z*sigmoid(b*z) + alpha - beta + pi*e");
    ASSERT_EQ(c.activation.parameters.size(), 3u);
    EXPECT_EQ(c.activation.parameters[0].name, "beta");
    EXPECT_EQ(c.activation.parameters[0].symbol, "β");
    EXPECT_EQ(c.activation.parameters[1].name, "b");
    EXPECT_EQ(c.activation.parameters[2].name, "alpha");
    for (const Parameter& p : c.activation.parameters) {
        EXPECT_EQ(p.defaultValue, 1.0);
        EXPECT_EQ(p.sliderMin, 0.0);
        EXPECT_EQ(p.sliderMax, 2.0);
    }
    EXPECT_EQ(c.activation.id, "custom_1");
    EXPECT_EQ(c.activation.name, "My activation");
}

TEST(CustomActivation, ValuesAndDerivativesOfTypicalFormulas)
{
    // z·σ(b z) at b = 2, z = 0.5 (mpmath): f = zσ, f′ = σ + b z σ(1 − σ), f″ = bσ(1 − σ)(2 + b z(1 − 2σ)).
    const CustomActivation swish = build("z * sigmoid(b*z)", {{"b", 2.0, 0.0, 4.0}});
    const Derivatives d = swish.activation.evaluate(0.5, swish.activation.defaults());
    EXPECT_NEAR(d.f, 0.365529289315002439626, 1e-16);
    EXPECT_NEAR(d.d1, 0.927670511871486731789, 1e-15);
    EXPECT_NEAR(d.d2, 0.604732237620030591265, 1e-15);

    // Mish written with ln and exp: f′(0) = tanh(ln 2) = 0.6, f″(0) = 2·(1 − 0.36)·½ = 0.64.
    const CustomActivation mish = build("z*tanh(ln(1+exp(z)))");
    const Derivatives m = mish.activation.evaluate(0.0, {});
    EXPECT_EQ(m.f, 0.0);
    EXPECT_NEAR(m.d1, 0.6, 1e-15);
    EXPECT_NEAR(m.d2, 0.64, 1e-15);

    // Softsign: f″ jumps at 0 from +2 to −2; the evaluator gives the right-hand limit like the catalog.
    const CustomActivation softsign = build("z/(1+abs(z))");
    EXPECT_EQ(softsign.activation.evaluate(0.0, {}).d2, -2.0);
    EXPECT_EQ(softsign.activation.evaluate(-1e-9, {}).d2 > 1.99, true);
    const auto kinks = softsign.activation.kinks({});
    ASSERT_EQ(kinks.size(), 1u);
    EXPECT_EQ(kinks[0].z, 0.0);
    EXPECT_EQ(kinks[0].order, 2);
}

TEST(CustomActivation, CornersOfMaxAndMinAreRightHandLimits)
{
    const CustomActivation c = build("max(z, a*(exp(z)-1)) + min(0, 2 - z)", {{"a", 0.5, 0.0, 1.0}});
    // At z = 2 the max term is 0.5(eᶻ − 1) and, to the right, the min term has slope −1:
    // f′ = e²/2 − 1 (mpmath).
    EXPECT_NEAR(c.activation.evaluate(2.0, c.activation.defaults()).d1, 2.69452804946532511362, 1e-14);
    const auto kinks = c.activation.kinks(c.activation.defaults());
    // max(z, 0.5(eᶻ − 1)) switches branch at 0 (slopes 1 and 0.5) and again near 1.2564.
    ASSERT_EQ(kinks.size(), 3u);
    EXPECT_NEAR(kinks[0].z, 0.0, 1e-12);
    EXPECT_NEAR(kinks[1].z, 1.2564312086261697, 1e-9);  // root of z = (eᶻ − 1)/2, mpmath
    EXPECT_EQ(kinks[2].z, 2.0);
    for (const Kink& k : kinks)
        EXPECT_EQ(k.order, 1);
}

TEST(CustomActivation, DerivativesArePrintedAsLatexAndAsFormulas)
{
    const CustomActivation c = build("alpha*z^3 + sin(z)");
    // GiNaC orders factors by its own internal keys, so only the pieces are checked here; the
    // round trip below checks the value.
    for (const char* piece : {"3*", "alpha", "z^2"})
        EXPECT_NE(c.derivativeText.find(piece), std::string::npos) << c.derivativeText;
    EXPECT_NE(c.derivativeText.find("cos(z)"), std::string::npos) << c.derivativeText;
    EXPECT_NE(c.derivativeLatex.find("\\alpha"), std::string::npos);
    EXPECT_NE(c.derivativeLatex.find("\\cos"), std::string::npos);
    EXPECT_NE(c.secondDerivativeLatex.find("\\sin"), std::string::npos);
    // The plain text is itself a valid formula with the same value.
    const CustomActivation again = build(c.derivativeText);
    for (const double z : {-2.0, 0.3, 1.7})
        EXPECT_NEAR(again.activation.evaluate(z, {1.0}).f, c.activation.evaluate(z, {1.0}).d1, 1e-14);
}

struct BadFormula {
    const char* formula;
    std::size_t position;
    const char* messagePart;
};

class CustomFormulaErrors : public ::testing::TestWithParam<BadFormula> {};

TEST_P(CustomFormulaErrors, ReportThePositionAndTheReason)
{
    const BadFormula bad = GetParam();
    const FormulaCheck check = checkFormula(bad.formula);
    ASSERT_TRUE(check.error.has_value()) << bad.formula;
    EXPECT_EQ(check.error->position, bad.position) << bad.formula << ": " << check.error->message;
    EXPECT_NE(check.error->message.find(bad.messagePart), std::string::npos) << check.error->message;
    if (bad.formula[0] != '\0') {
        // The message counts characters from 1, as the user does; the position field is an index.
        EXPECT_NE(check.error->message.find("at character " + std::to_string(bad.position + 1)),
                  std::string::npos)
            << check.error->message;
        EXPECT_EQ(check.error->message.find("position"), std::string::npos) << check.error->message;
    }
    // A full build reports the same error.
    const CustomBuildResult built = buildCustomActivation({"custom_1", "x", bad.formula, {}});
    ASSERT_FALSE(built.ok());
    EXPECT_EQ(built.error->position, bad.position);
}

INSTANTIATE_TEST_SUITE_P(
    Table, CustomFormulaErrors,
    ::testing::Values(BadFormula{"", 0, "empty"}, BadFormula{"z +", 3, "unexpected end of formula"},
                      BadFormula{"z * (1 + 2", 10, "missing ')'"},
                      BadFormula{"z*(1+2))", 7, "unexpected ')'"},
                      BadFormula{"z + sigmod(z)", 4, "did you mean sigmoid?"},
                      BadFormula{"z # 2", 2, "character '#'"}, BadFormula{"2*max(z)", 2, "takes 2 arguments"},
                      BadFormula{"z*1e", 2, "malformed number '1e'"}, BadFormula{"z*/2", 2, "unexpected '/'"},
                      BadFormula{"a+b+c+d+f", 8, "at most 4"}, BadFormula{"z z", 2, "missing operator"},
                      BadFormula{"1 + tanh z", 4, "is a function"},
                      BadFormula{"exp()", 4, "needs 1 argument"}, BadFormula{"1..2", 0, "malformed number"},
                      BadFormula{"sin(z,)", 6, "unexpected ')'"}, BadFormula{"z^", 2, "unexpected end"},
                      BadFormula{"foo(z)", 0, "unknown function 'foo'"}));

TEST(CustomActivation, ValidFormulasPassTheCheck)
{
    for (const char* formula : {"z", "-z^2", "2^-1*z", "z**2", "1e-3*z + .5", "relu(z) - step(z - 1)",
                                "erf(z) + erfc(z) + log1p(z^2) + expm1(-z^2) + atan(z) + cosh(z)/sinh(2+z^2)",
                                "  max( z , 0 )  "}) {
        const FormulaCheck check = checkFormula(formula);
        EXPECT_FALSE(check.error.has_value()) << formula << ": " << check.error->message;
    }
    EXPECT_NEAR(build("-z^2").activation.evaluate(3.0, {}).f, -9.0, 0.0);  // unary minus binds looser than ^
    EXPECT_NEAR(build("1e-3*z + .5").activation.evaluate(2.0, {}).f, 0.502, 1e-16);
}

TEST(CustomActivation, SpecRejectsCatalogIdsAndBadSliders)
{
    EXPECT_FALSE(buildCustomActivation({"elu", "x", "z", {}}).ok());
    EXPECT_FALSE(buildCustomActivation({"", "x", "z", {}}).ok());
    EXPECT_FALSE(buildCustomActivation({"c", "x", "a*z", {{"a", 1.0, 2.0, 0.0}}}).ok());
    EXPECT_FALSE(buildCustomActivation({"c", "x", "a*z", {{"a", 5.0, 0.0, 2.0}}}).ok());
    EXPECT_FALSE(buildCustomActivation({"c", "x", "a*z", {{"a", std::nan(""), 0.0, 2.0}}}).ok());
}

TEST(CustomActivation, SpecRoundTripsThroughItsPlainFields)
{
    const CustomActivationSpec original{"custom_7",
                                        "Gated",
                                        "z*sigmoid(b*z) + c*min(z, 0)",
                                        {{"c", -0.5, -1.0, 0.0}, {"unused", 3.0, 0.0, 6.0}}};
    const CustomBuildResult first = buildCustomActivation(original);
    ASSERT_TRUE(first.ok());
    const CustomActivationSpec& normalised = first.custom->spec;
    // Exactly the formula's parameters, in order: b (not given: defaults), then c as given.
    ASSERT_EQ(normalised.parameters.size(), 2u);
    EXPECT_EQ(normalised.parameters[0], (CustomParameterSpec{"b", 1.0, 0.0, 2.0}));
    EXPECT_EQ(normalised.parameters[1], (CustomParameterSpec{"c", -0.5, -1.0, 0.0}));

    // What a session stores: copy the plain fields one by one, as a JSON writer and reader would.
    CustomActivationSpec stored;
    stored.id = normalised.id;
    stored.name = normalised.name;
    stored.formula = normalised.formula;
    for (const CustomParameterSpec& p : normalised.parameters)
        stored.parameters.push_back({p.name, p.defaultValue, p.sliderMin, p.sliderMax});
    const CustomBuildResult second = buildCustomActivation(stored);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.custom->spec, normalised);
    const Activation& a = first.custom->activation;
    const Activation& b = second.custom->activation;
    ASSERT_EQ(a.parameters.size(), b.parameters.size());
    for (const double z : {-3.0, -0.2, 0.0, 1.5}) {
        const Derivatives da = a.evaluate(z, a.defaults());
        const Derivatives db = b.evaluate(z, b.defaults());
        // GiNaC may order the terms of a sum differently in a new build: equal up to rounding.
        EXPECT_DOUBLE_EQ(da.f, db.f);
        EXPECT_DOUBLE_EQ(da.d1, db.d1);
        EXPECT_DOUBLE_EQ(da.d2, db.d2);
    }
}

TEST(CustomActivation, DefaultSliderRangeFollowsTheDefault)
{
    EXPECT_EQ(defaultParameterSpec("a", 3.0), (CustomParameterSpec{"a", 3.0, 0.0, 6.0}));
    EXPECT_EQ(defaultParameterSpec("a", -2.0), (CustomParameterSpec{"a", -2.0, -4.0, 0.0}));
    EXPECT_EQ(defaultParameterSpec("a", 0.0), (CustomParameterSpec{"a", 0.0, -1.0, 1.0}));
}

TEST(CustomActivation, LogarithmIsNonFiniteForNonPositiveInputs)
{
    const CustomActivation c = build("log(z)");
    EXPECT_TRUE(std::isnan(c.activation.evaluate(-1.0, {}).f));
    const auto intervals = nonFiniteIntervals(c.activation, {}, -2.0, 3.0);
    ASSERT_EQ(intervals.size(), 1u);
    EXPECT_EQ(intervals[0].lo, -2.0);
    EXPECT_GE(intervals[0].hi, 0.0);
    EXPECT_LT(intervals[0].hi, 1e-9);
}

// Where f is undefined, f′ and f″ are too, whatever their formulas would give there (1/z for
// log z at z < 0): neither a chart nor a readout may show a slope of a curve that is not there.
TEST(CustomActivation, DerivativesAreUndefinedWhereTheFunctionIs)
{
    for (const auto& [formula, z] :
         {std::pair{"log(z)", -1.0}, std::pair{"sqrt(z)", -4.0}, std::pair{"log(z) + z^2", -0.5},
          std::pair{"exp(z)*0 + 1/z", 0.0}, std::pair{"exp(exp(z))", 800.0}}) {
        const CustomActivation c = build(formula);
        const Derivatives d = c.activation.evaluate(z, {});
        EXPECT_FALSE(std::isfinite(d.f)) << formula << " at " << z;
        EXPECT_TRUE(std::isnan(d.d1)) << formula << " at " << z << ": f' = " << d.d1;
        EXPECT_TRUE(std::isnan(d.d2)) << formula << " at " << z << ": f'' = " << d.d2;

        const std::array<double, 3> zs{z, 2.0, z};
        std::array<double, 3> f{};
        std::array<double, 3> d1{};
        std::array<double, 3> d2{};
        c.activation.evaluateMany(zs, {}, f, d1, d2);
        EXPECT_TRUE(std::isnan(d1[0]) && std::isnan(d2[0]) && std::isnan(d1[2])) << formula;
        EXPECT_TRUE(std::isfinite(d1[1]) && std::isfinite(d2[1])) << formula;
    }
    const Derivatives inside = build("log(z)").activation.evaluate(2.0, {});
    EXPECT_DOUBLE_EQ(inside.d1, 0.5);
    EXPECT_DOUBLE_EQ(inside.d2, -0.25);
}

// Positions in messages count from character 1, every one of them; a name far from every
// function is not "corrected" into one of them.
TEST(CustomFormulaErrors, MessagesCountCharactersFromOneAndSuggestOnlyNearMisses)
{
    const FormulaCheck open = checkFormula("z * (1 + 2");
    ASSERT_TRUE(open.error.has_value());
    EXPECT_NE(open.error->message.find("at character 11 to close the '(' at character 5"), std::string::npos)
        << open.error->message;

    for (const auto& [formula, suggestion] :
         {std::pair{"sigmod(z)", "sigmoid"}, std::pair{"tanhh(z)", "tanh"}, std::pair{"exq(z)", "exp"},
          std::pair{"softpuls(z)", "softplus"}, std::pair{"Max(z, 0)", "max"}}) {
        const FormulaCheck check = checkFormula(formula);
        ASSERT_TRUE(check.error.has_value()) << formula;
        EXPECT_NE(check.error->message.find(std::string("did you mean ") + suggestion + "?"),
                  std::string::npos)
            << check.error->message;
    }
    for (const char* formula : {"foo(z)", "bar(z)", "swish(z)", "x(z)", "sigmoids_of(z)"}) {
        const FormulaCheck check = checkFormula(formula);
        ASSERT_TRUE(check.error.has_value()) << formula;
        EXPECT_EQ(check.error->message.find("did you mean"), std::string::npos) << check.error->message;
        EXPECT_NE(check.error->message.find("the functions are exp, log"), std::string::npos)
            << check.error->message;
        EXPECT_EQ(check.error->message.find('\n'), std::string::npos);
    }
}

TEST(CustomActivation, ReservedNamesAreListed)
{
    const auto names = customFunctionNames();
    EXPECT_NE(std::find(names.begin(), names.end(), "sigmoid"), names.end());
    EXPECT_NE(std::find(names.begin(), names.end(), "pi"), names.end());
}

}  // namespace
}  // namespace ax::core
