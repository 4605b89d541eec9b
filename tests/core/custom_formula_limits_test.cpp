// Formulas whose constants would take exact arithmetic forever must be refused at once, with the
// position of the operator, not freeze the formula box while the user types.

#include "core/custom_activation.h"

#include <gtest/gtest.h>

#include <string>

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
    const ax::core::Derivatives d = built.custom->activation.evaluate(1.0, built.custom->activation.defaults());
    EXPECT_DOUBLE_EQ(d.f, 1024.0 - 8.0);
    EXPECT_DOUBLE_EQ(d.d1, 1024.0);
}

}  // namespace
