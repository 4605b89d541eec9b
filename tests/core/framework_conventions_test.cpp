// Each framework's variant against values worked out independently from that framework's
// documented formula (by hand, or with mpmath at 30 digits), not by retyping the code under test.

#include "core/framework_conventions.h"

#include <gtest/gtest.h>

#include <set>

#include <cmath>
#include <string>

namespace ax::core {
namespace {

Derivatives at(Framework framework, const char* id, double z)
{
    const auto v = conventionVariant(framework, id);
    EXPECT_TRUE(v.has_value()) << id;
    return v->activation.evaluate(z, v->activation.defaults());
}

TEST(FrameworkConventions, HardSigmoidFollowsEachFrameworksFormula)
{
    // PyTorch, Keras 3 and JAX: relu6(x + 3)/6.
    for (const Framework f : {Framework::PyTorch, Framework::Keras3, Framework::Jax}) {
        EXPECT_DOUBLE_EQ(at(f, "hard_sigmoid", 1.0).f, 0.66666666666666667);
        EXPECT_DOUBLE_EQ(at(f, "hard_sigmoid", 1.0).d1, 0.16666666666666667);
        EXPECT_NEAR(at(f, "hard_sigmoid", -2.7).f, 0.05, 1e-15);
        EXPECT_EQ(at(f, "hard_sigmoid", 2.9).f < 1.0, true);
    }
    // Keras 2: 0.2x + 0.5 clipped, flat beyond ±2.5.
    EXPECT_DOUBLE_EQ(at(Framework::TensorFlowKeras2, "hard_sigmoid", 1.0).f, 0.7);
    EXPECT_DOUBLE_EQ(at(Framework::TensorFlowKeras2, "hard_sigmoid", 0.3).f, 0.56);
    EXPECT_DOUBLE_EQ(at(Framework::TensorFlowKeras2, "hard_sigmoid", 1.0).d1, 0.2);
    EXPECT_EQ(at(Framework::TensorFlowKeras2, "hard_sigmoid", 2.6).f, 1.0);
    EXPECT_EQ(at(Framework::TensorFlowKeras2, "hard_sigmoid", -2.7).f, 0.0);
    EXPECT_EQ(at(Framework::TensorFlowKeras2, "hard_sigmoid", -2.7).d1, 0.0);
    const auto keras2 = conventionVariant(Framework::TensorFlowKeras2, "hard_sigmoid");
    const auto kinks = keras2->activation.kinks({});
    ASSERT_EQ(kinks.size(), 2u);
    EXPECT_EQ(kinks[0].z, -2.5);
    EXPECT_EQ(kinks[1].z, 2.5);
}

TEST(FrameworkConventions, GeluDefaultIsExactExceptInJax)
{
    // mpmath: x Φ(x) and (x/2)(1 + tanh(√(2/π)(x + 0.044715 x³))) at x = 1 and x = −1.5.
    for (const Framework f : {Framework::PyTorch, Framework::TensorFlowKeras2, Framework::Keras3}) {
        EXPECT_NEAR(at(f, "gelu", 1.0).f, 0.841344746068542948585, 1e-15);
        EXPECT_NEAR(at(f, "gelu", -1.5).f, -0.100210801903287099007, 1e-15);
    }
    EXPECT_NEAR(at(Framework::Jax, "gelu", 1.0).f, 0.841191990608276704782, 1e-15);
    EXPECT_NEAR(at(Framework::Jax, "gelu", -1.5).f, -0.100428423019767077551, 1e-15);
    EXPECT_EQ(conventionVariant(Framework::Jax, "gelu")->activation.id, "gelu");
}

TEST(FrameworkConventions, LeakyReluDefaultSlopes)
{
    EXPECT_DOUBLE_EQ(at(Framework::PyTorch, "leaky_relu", -2.0).f, -0.02);
    EXPECT_DOUBLE_EQ(at(Framework::TensorFlowKeras2, "leaky_relu", -2.0).f, -0.6);
    EXPECT_DOUBLE_EQ(at(Framework::Keras3, "leaky_relu", -2.0).f, -0.4);
    EXPECT_DOUBLE_EQ(at(Framework::Jax, "leaky_relu", -2.0).f, -0.02);
    EXPECT_DOUBLE_EQ(at(Framework::Keras3, "leaky_relu", 3.0).f, 3.0);
}

TEST(FrameworkConventions, PyTorchSoftplusTurnsLinearPastTheThreshold)
{
    // ln(1 + e¹⁹), ln(1 + e²¹), ln(1 + e²⁵) from mpmath.
    EXPECT_DOUBLE_EQ(at(Framework::PyTorch, "softplus", 19.0).f, 19.0000000056027964218);
    EXPECT_EQ(at(Framework::PyTorch, "softplus", 21.0).f, 21.0);
    EXPECT_EQ(at(Framework::PyTorch, "softplus", 21.0).d1, 1.0);
    EXPECT_EQ(at(Framework::PyTorch, "softplus", 21.0).d2, 0.0);
    EXPECT_EQ(at(Framework::Keras3, "softplus", 21.0).f, 21.0000000007582560425);
    EXPECT_EQ(at(Framework::Jax, "softplus", 25.0).f, 25.0000000000138879439);
    EXPECT_EQ(at(Framework::TensorFlowKeras2, "softplus", 25.0).f, 25.0000000000138879439);

    // With β = 2 the cut moves to z = 10: ln(1 + e²²)/2 = 11.000000000139473 is replaced by 11.
    const auto torch = conventionVariant(Framework::PyTorch, "softplus");
    EXPECT_EQ(torch->activation.evaluate(11.0, ParameterValues{2.0}).f, 11.0);
    EXPECT_DOUBLE_EQ(torch->activation.evaluate(9.0, ParameterValues{2.0}).f, 9.00000000761498981437);
    EXPECT_EQ(torch->activation.kinks(ParameterValues{2.0}).front().z, 10.0);
    // Frameworks without β expose no slider.
    EXPECT_TRUE(conventionVariant(Framework::Jax, "softplus")->activation.parameters.empty());
}

TEST(FrameworkConventions, SwishHardSwishEluSeluAgreeEverywhere)
{
    for (const Framework f : frameworks()) {
        EXPECT_NEAR(at(f, "swish", 1.5).f, 1.22636171429046548941, 1e-15);    // 1.5 σ(1.5)
        EXPECT_DOUBLE_EQ(at(f, "hard_swish", 1.0).f, 0.66666666666666667);    // 1·4/6
        EXPECT_DOUBLE_EQ(at(f, "hard_swish", -1.0).f, -0.33333333333333333);  // −1·2/6
        EXPECT_NEAR(at(f, "elu", -1.0).f, -0.632120558828557678405, 1e-15);   // e⁻¹ − 1
        EXPECT_NEAR(at(f, "selu", -1.0).f, -1.11133073781256276, 1e-14);      // λα(e⁻¹ − 1)
        EXPECT_NEAR(at(f, "selu", 2.0).f, 2.10140197471096099, 1e-14);        // 2λ
    }
}

TEST(FrameworkConventions, EveryVariantIsCitedWithAVersion)
{
    // The first eight exist in every framework; the later ones only in some (RReLU only in
    // PyTorch, whose training and inference differ), and the others give no variant.
    const std::set<std::string_view> partial{"rrelu", "threshold", "soft_shrink", "hard_shrink",
                                             "sparse_plus"};
    for (const std::string_view id : conventionIds()) {
        int present = 0;
        for (const Framework f : frameworks()) {
            const auto v = conventionVariant(f, id);
            if (partial.count(id) && !v) continue;
            ASSERT_TRUE(v.has_value()) << id;
            ++present;
            EXPECT_EQ(v->activation.id, id);
            EXPECT_NE(v->citation.find(".py"), std::string::npos) << id << " " << frameworkName(f);
            EXPECT_NE(v->citation.find('('), std::string::npos) << "no version for " << id;
            EXPECT_FALSE(v->note.empty());
            EXPECT_NE(v->activation.name.find(frameworkName(f)), std::string::npos);
        }
        EXPECT_GE(present, 1) << id;
    }
    EXPECT_TRUE(conventionVariant(Framework::PyTorch, "rrelu").has_value());
    EXPECT_FALSE(conventionVariant(Framework::Jax, "rrelu").has_value());
    EXPECT_NE(conventionVariant(Framework::Keras3, "soft_shrink")->citation.find("threshold=0.5"),
              std::string::npos);
    EXPECT_NE(conventionVariant(Framework::Keras3, "threshold")->note.find("default_value"),
              std::string::npos);
    EXPECT_TRUE(conventionVariant(Framework::Jax, "sparse_plus").has_value());
    EXPECT_FALSE(conventionVariant(Framework::PyTorch, "sparse_plus").has_value());
    EXPECT_FALSE(conventionVariant(Framework::PyTorch, "mish").has_value());
}

TEST(FrameworkConventions, KeysRoundTrip)
{
    for (const Framework f : frameworks())
        EXPECT_EQ(frameworkFromKey(frameworkKey(f)), f);
    EXPECT_FALSE(frameworkFromKey("theano").has_value());
}

TEST(FrameworkConventions, HardSigmoidDifferencesBetweenPyTorchAndKeras2)
{
    // |x/6 + 1/2 − (0.2x + 0.5)| = |x|/30 exceeds 1e-3 for |x| > 0.03; past 2.5 Keras is 1 and the
    // gap 1/2 − x/6 stays above 1e-3 up to x = 2.994.
    const auto intervals =
        conventionDifferences("hard_sigmoid", Framework::PyTorch, Framework::TensorFlowKeras2, -6.0, 6.0);
    ASSERT_EQ(intervals.size(), 2u);
    EXPECT_NEAR(intervals[0].lo, -2.994, 1e-9);
    EXPECT_NEAR(intervals[0].hi, -0.03, 1e-9);
    EXPECT_NEAR(intervals[1].lo, 0.03, 1e-9);
    EXPECT_NEAR(intervals[1].hi, 2.994, 1e-9);
    EXPECT_TRUE(
        conventionDifferences("hard_sigmoid", Framework::PyTorch, Framework::Keras3, -6.0, 6.0).empty());
}

TEST(FrameworkConventions, LeakyReluDifferenceCoversTheNegativeSide)
{
    // 0.19·|z| > 1e-3 for z < −1e-3/0.19.
    const auto intervals =
        conventionDifferences("leaky_relu", Framework::PyTorch, Framework::Keras3, -4.0, 4.0);
    ASSERT_EQ(intervals.size(), 1u);
    EXPECT_EQ(intervals[0].lo, -4.0);
    EXPECT_NEAR(intervals[0].hi, -1e-3 / 0.19, 1e-12);
}

TEST(FrameworkConventions, GeluApproximationStaysWithinAThousandth)
{
    // The largest gap between the exact and the tanh GELU is 4.73e-4 (near x = −2.70, mpmath), so
    // the default threshold shades nothing, while 1e-4 shades both sides of the origin.
    EXPECT_TRUE(conventionDifferences("gelu", Framework::PyTorch, Framework::Jax, -6.0, 6.0).empty());
    const auto fine = conventionDifferences("gelu", Framework::PyTorch, Framework::Jax, -6.0, 6.0, 1e-4);
    ASSERT_GE(fine.size(), 2u);
    EXPECT_LT(fine.front().lo, -2.7);
    EXPECT_GT(fine.back().hi, 1.0);
}

TEST(FrameworkConventions, SoftplusThresholdIsInvisibleInValues)
{
    // PyTorch's cut changes f by about 2e-9: nothing to shade at 1e-3, but the slope differs from 1
    // by σ(−20) ≈ 2e-9 too, so even f′ stays within the threshold; only a tiny threshold
    // finds the stretch from z = 20 until the exact value's excess e⁻ᶻ drops below it.
    EXPECT_TRUE(conventionDifferences("softplus", Framework::PyTorch, Framework::Jax, -30.0, 30.0).empty());
    EXPECT_TRUE(
        conventionDifferences("softplus", Framework::PyTorch, Framework::Jax, -30.0, 30.0, 1e-3, 1).empty());
    const auto tiny =
        conventionDifferences("softplus", Framework::PyTorch, Framework::Jax, -30.0, 30.0, 1e-12);
    ASSERT_EQ(tiny.size(), 1u);
    EXPECT_NEAR(tiny[0].lo, 20.0, 1e-9);
    // Where ln(1 + e⁻ᶻ) falls to 1e-12; near z = 27.6 a double resolves the gap only to 3.6e-15,
    // which moves the crossing by up to about 4e-3.
    EXPECT_NEAR(tiny[0].hi, 27.6310211159, 5e-3);
}

}  // namespace
}  // namespace ax::core
