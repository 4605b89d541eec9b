// Formulas whose constants would take exact arithmetic forever must be refused at once, with the
// position of the operator, not freeze the formula box while the user types; formulas of any shape
// (deep nesting, exploding derivatives, huge numbers of terms) are settled in bounded time.

#include "core/formula/custom_activation.h"

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

namespace {

TEST(CustomFormulaLimits, ATowerOfPowersIsRefusedAtItsOperator)
{
    const ax::core::FormulaCheck check = ax::core::checkFormula("z^44^4^44^4");
    ASSERT_TRUE(check.error.has_value());
    EXPECT_EQ(check.error->position, 6u);
    EXPECT_NE(check.error->message.find("out of range"), std::string::npos) << check.error->message;

    const ax::core::FormulaCheck nine = ax::core::checkFormula("9**9**9 * z");
    ASSERT_TRUE(nine.error.has_value());
    EXPECT_EQ(nine.error->position, 1u);
}

TEST(CustomFormulaLimits, ZeroToAPowerThatIsNotPositiveIsRefusedAtItsOperator)
{
    for (const char* formula : {"0**0*z", "z + 0^(-2)"}) {
        const ax::core::FormulaCheck check = ax::core::checkFormula(formula);
        ASSERT_TRUE(check.error.has_value()) << formula;
        EXPECT_NE(check.error->message.find("undefined"), std::string::npos) << check.error->message;
    }
    EXPECT_FALSE(ax::core::checkFormula("0^2 + z").error.has_value());
}

TEST(CustomFormulaLimits, PowersOfConstantsWithinDoublePrecisionStillWork)
{
    ax::core::CustomActivationSpec spec;
    spec.id = "custom_powers";
    spec.formula = "2^10 * z + 10^300 * 0 + (-2)^3";
    const ax::core::CustomBuildResult built = ax::core::buildCustomActivation(spec);
    ASSERT_TRUE(built.ok()) << built.error->message;
    const ax::core::Derivatives d =
        built.custom->activation.evaluate(1.0, built.custom->activation.defaults());
    EXPECT_DOUBLE_EQ(d.f, 1024.0 - 8.0);
    EXPECT_DOUBLE_EQ(d.d1, 1024.0);
}

}  // namespace

namespace hostile {

using ax::core::buildCustomActivation;
using ax::core::CustomBuildResult;

std::string repeat(const std::string& piece, int times)
{
    std::string text;
    for (int i = 0; i < times; ++i)
        text += piece;
    return text;
}

// f(f(…f(inner)…)), n deep.
std::string nested(const std::string& function, int depth, const std::string& inner = "z")
{
    return repeat(function + "(", depth) + inner + repeat(")", depth);
}

// A join of n pieces, each piece(i).
template <typename Piece>
std::string joined(int n, const std::string& separator, Piece piece)
{
    std::string text;
    for (int i = 1; i <= n; ++i)
        text += (i > 1 ? separator : "") + piece(i);
    return text;
}

// Just under the length limit: as many pieces as fit.
template <typename Piece>
std::string fill(const std::string& separator, Piece piece)
{
    std::string text;
    for (int i = 1;; ++i) {
        const std::string next = text + (i > 1 ? separator : "") + piece(i);
        if (next.size() > ax::core::kMaxFormulaLength) return text;
        text = next;
    }
}

enum class Outcome { Accepted, Refused, Either };

struct Shape {
    std::string label;
    std::string formula;
    Outcome outcome;
    std::string refusal;  // part of the message when refused
};

std::vector<Shape> shapes()
{
    const auto sumOfPowers = [](int i) { return "z^" + std::to_string(i); };
    const auto shiftedSines = [](int i) { return "sin(z+" + std::to_string(i) + ")"; };
    const auto shiftedAbs = [](int i) { return "abs(z-" + std::to_string(i) + ")"; };
    const auto sigmoids = [](int i) { return "sigmoid(" + std::to_string(i) + "*z)"; };
    return {
        {"50,000 nested parentheses", repeat("(", 50000) + "z" + repeat(")", 50000), Outcome::Refused,
         "characters long"},
        {"nesting just within the length limit", repeat("(", 990) + "z" + repeat(")", 990), Outcome::Refused,
         "levels deep"},
        {"unary signs", repeat("-", 1500) + "z", Outcome::Refused, "levels deep"},
        {"a tower of powers of z", repeat("z^", 60) + "z", Outcome::Either, ""},
        {"a tower of 2s on z", repeat("2^", 60) + "z", Outcome::Either, ""},
        {"abs 22 deep", nested("abs", 22, "z-1"), Outcome::Refused, "too complex"},
        {"abs 30 deep", nested("abs", 30, "z-1"), Outcome::Refused, "too complex"},
        {"max 30 deep", repeat("max(z, ", 30) + "0" + repeat(")", 30), Outcome::Refused, "too complex"},
        {"min and relu 30 deep", repeat("min(1, relu(", 30) + "z" + repeat("))", 30), Outcome::Refused,
         "too complex"},
        {"exp 60 deep", nested("exp", 60), Outcome::Either, ""},
        {"sigmoid 60 deep", nested("sigmoid", 60), Outcome::Either, ""},
        {"tanh 60 deep", nested("tanh", 60), Outcome::Either, ""},
        {"softplus 60 deep", nested("softplus", 60), Outcome::Either, ""},
        {"sqrt 60 deep", nested("sqrt", 60), Outcome::Either, ""},
        {"log 60 deep", nested("log", 60), Outcome::Either, ""},
        {"atan 60 deep", nested("atan", 60), Outcome::Either, ""},
        {"squares 60 deep", repeat("(", 60) + "z" + repeat(")^2", 60), Outcome::Either, ""},
        {"squares of 2z 40 deep", repeat("(", 40) + "2*z" + repeat(")^2", 40), Outcome::Refused,
         "power too large"},
        {"a huge power of 2z", "(2*z)^(10^300)", Outcome::Refused, "power too large"},
        {"a power of a fraction near 1", "1.0000001^1000000000 * z", Outcome::Refused, "out of range"},
        {"z to itself to itself", nested("exp", 20, "z*log(z)"), Outcome::Either, ""},
        {"a long product of z", repeat("z*", 999) + "z", Outcome::Accepted, ""},
        {"a long product of sines", fill("*", shiftedSines), Outcome::Refused, "too complex"},
        {"a product of sigmoids", fill("*", sigmoids), Outcome::Refused, "too complex"},
        {"a long sum of powers", fill("+", sumOfPowers), Outcome::Either, ""},
        {"a long sum of sines", fill("+", shiftedSines), Outcome::Either, ""},
        {"a long sum of corners", fill("+", shiftedAbs), Outcome::Either, ""},
        {"a corner of a high power", "max(0, (a+b+c+z)^40*(a-b+z)^40)", Outcome::Accepted, ""},
        {"a function of functions",
         joined(8, "", [](int) { return std::string("sigmoid(tanh(softplus(exp(-"); }) + "z" +
             repeat("))))", 8),
         Outcome::Either, ""},
        {"repeated functions of abs", repeat("exp(abs(sin(", 15) + "z" + repeat(")))", 15), Outcome::Either,
         ""},
    };
}

class HostileFormula : public ::testing::TestWithParam<Shape> {};

// Every shape is settled: accepted and usable, or refused with a one-line reason, in a small,
// bounded time (the limit here is a generous guard against a hang, not a speed target).
TEST_P(HostileFormula, IsSettledWithinBoundedTime)
{
    const Shape& shape = GetParam();
    const auto start = std::chrono::steady_clock::now();
    const CustomBuildResult built = buildCustomActivation({"custom_hostile", "", shape.formula, {}});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 10.0) << shape.label;
    ASSERT_NE(built.ok(), built.error.has_value()) << shape.label;
    if (built.ok()) {
        EXPECT_NE(shape.outcome, Outcome::Refused) << shape.label;
        const ax::core::Activation& a = built.custom->activation;
        for (const double z : {-2.0, 0.5, 3.0})
            static_cast<void>(a.evaluate(z, a.defaults()));
    } else {
        EXPECT_NE(shape.outcome, Outcome::Accepted) << shape.label << ": " << built.error->message;
        EXPECT_EQ(built.error->message.find('\n'), std::string::npos) << shape.label;
        EXPECT_NE(built.error->message.find(shape.refusal), std::string::npos)
            << shape.label << ": " << built.error->message;
        EXPECT_LE(built.error->position, shape.formula.size()) << shape.label;
    }
    // The syntax check alone is cheaper still, and agrees on formulas that do not parse.
    const ax::core::FormulaCheck check = ax::core::checkFormula(shape.formula);
    if (built.ok()) {
        EXPECT_FALSE(check.error.has_value()) << shape.label;
    }
}

INSTANTIATE_TEST_SUITE_P(Table, HostileFormula, ::testing::ValuesIn(shapes()),
                         [](const ::testing::TestParamInfo<Shape>& info) {
                             std::string name;
                             for (const char c : info.param.label)
                                 if (std::isalnum(static_cast<unsigned char>(c))) name += c;
                             return name;
                         });

TEST(CustomFormulaLimits, ModestNestingStillBuildsWithExactValues)
{
    const CustomBuildResult absFive = buildCustomActivation({"c", "", nested("abs", 5, "z-1"), {}});
    ASSERT_TRUE(absFive.ok()) << absFive.error->message;
    const ax::core::Derivatives at3 = absFive.custom->activation.evaluate(3.0, {});
    EXPECT_DOUBLE_EQ(at3.f, 2.0);
    EXPECT_DOUBLE_EQ(at3.d1, 1.0);
    EXPECT_DOUBLE_EQ(absFive.custom->activation.evaluate(-1.0, {}).d1, -1.0);

    const CustomBuildResult deep = buildCustomActivation({"c", "", nested("tanh", 10), {}});
    ASSERT_TRUE(deep.ok()) << deep.error->message;
    double f = 0.7;
    double d1 = 1.0;
    for (int i = 0; i < 10; ++i) {
        d1 *= 1.0 - std::tanh(f) * std::tanh(f);
        f = std::tanh(f);
    }
    const ax::core::Derivatives at = deep.custom->activation.evaluate(0.7, {});
    EXPECT_NEAR(at.f, f, 1e-15);
    EXPECT_NEAR(at.d1, d1, 1e-14);
}

TEST(CustomFormulaLimits, TheLengthAndNestingLimitsAreExact)
{
    const std::string longest = "z" + repeat("+z", static_cast<int>(ax::core::kMaxFormulaLength - 1) / 2);
    ASSERT_LE(longest.size(), ax::core::kMaxFormulaLength);
    EXPECT_FALSE(ax::core::checkFormula(longest).error.has_value());
    const auto tooLong = ax::core::checkFormula(longest + "+z");
    ASSERT_TRUE(tooLong.error.has_value());
    EXPECT_NE(tooLong.error->message.find("at most 2000"), std::string::npos) << tooLong.error->message;

    const int deepest = ax::core::kMaxFormulaNesting - 1;  // the whole formula is one level itself
    EXPECT_FALSE(ax::core::checkFormula(repeat("(", deepest) + "z" + repeat(")", deepest)).error.has_value());
    const auto tooDeep = ax::core::checkFormula(repeat("(", deepest + 1) + "z" + repeat(")", deepest + 1));
    ASSERT_TRUE(tooDeep.error.has_value());
    EXPECT_EQ(tooDeep.error->position, static_cast<std::size_t>(deepest + 1));
    EXPECT_NE(tooDeep.error->message.find("at character " + std::to_string(deepest + 2)), std::string::npos)
        << tooDeep.error->message;
}

}  // namespace hostile
