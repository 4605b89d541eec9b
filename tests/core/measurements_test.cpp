// What the core measures of an activation it knows only by evaluating it, a typed formula above
// all: where it is not finite, and its properties over the range shown.

#include "core/measurements.h"
#include "core/catalog.h"
#include "core/formula/custom_activation.h"
#include "core/sampling.h"
#include "core/saturation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace ax::core {
namespace {

CustomActivation build(const std::string& formula)
{
    const CustomBuildResult result = buildCustomActivation({"custom_1", "My activation", formula, {}});
    EXPECT_TRUE(result.ok()) << formula << ": " << (result.error ? result.error->message : "");
    return result.ok() ? *result.custom : CustomActivation{};
}

TEST(Measurements, PoleOfOneOverZIsFoundOnAndOffTheGrid)
{
    const CustomActivation c = build("1/z");
    for (const auto& [lo, hi] : {std::pair{-1.0, 1.0}, std::pair{-1.0, 1.3}}) {
        const auto intervals = nonFiniteIntervals(c.activation, {}, lo, hi);
        ASSERT_EQ(intervals.size(), 1u) << lo << " " << hi;
        EXPECT_LE(intervals[0].lo, 0.0);
        EXPECT_GE(intervals[0].hi, 0.0);
        EXPECT_LT(intervals[0].hi - intervals[0].lo, 1e-6);
    }
    const CustomActivation square = build("1/(z - 0.3)^2");
    const auto intervals = nonFiniteIntervals(square.activation, {}, -1.0, 1.3);
    ASSERT_EQ(intervals.size(), 1u);
    EXPECT_NEAR(intervals[0].lo, 0.3, 1e-9);
    // A bounded formula has none.
    EXPECT_TRUE(nonFiniteIntervals(build("tanh(1/(1+z^2))").activation, {}, -5.0, 5.0).empty());
}

TEST(Measurements, NonFiniteValuesDoNotBreakSamplingOrSaturation)
{
    const CustomActivation c = build("sqrt(z)");
    SampleSet samples;
    sampleUniform(c.activation, {}, -1.0, 4.0, 501, samples);
    ASSERT_EQ(samples.size(), 501u);
    EXPECT_TRUE(std::isnan(samples.f[0]));
    EXPECT_EQ(samples.f.back(), 2.0);
    // f′ = 1/(2√z) < 0.05 beyond z = 100.
    const auto intervals = saturationIntervals(c.activation, {}, -10.0, 200.0, 0.05);
    ASSERT_FALSE(intervals.empty());
    EXPECT_NEAR(intervals.back().lo, 100.0, 1e-6);
    EXPECT_EQ(intervals.back().hi, 200.0);
}

TEST(Measurements, MeasuredPropertiesOfASwish)
{
    const CustomActivation c = build("z*sigmoid(z)");
    const Properties p = measureProperties(c.activation, {}, -6.0, 6.0);
    // Minimum of z σ(z) is −0.27846454276107380 at z = −1.27846454276107380 (mpmath).
    EXPECT_NEAR(p.range.lo, -0.2784645427610738, 1e-5);
    EXPECT_NEAR(p.range.hi, 6.0 / (1.0 + std::exp(-6.0)), 1e-12);
    EXPECT_FALSE(p.monotonic);
    EXPECT_FALSE(p.identityNearZero);
    EXPECT_TRUE(p.boundedBelow);
    EXPECT_FALSE(p.boundedAbove);
    EXPECT_EQ(p.saturates, Saturation::Left);
    EXPECT_FALSE(p.deadRegion);
    EXPECT_EQ(p.smoothness, Smoothness::CInfinity);
}

TEST(Measurements, MeasuredPropertiesAgreeWithTheCatalogsDeclarations)
{
    for (const char* id : {"relu", "sigmoid", "tanh", "elu", "softsign", "hard_tanh", "step", "leaky_relu"}) {
        const Activation* a = findActivation(id);
        const Properties declared = a->properties(a->defaults());
        const Properties measured = measureProperties(*a, a->defaults(), -8.0, 8.0);
        EXPECT_EQ(measured.monotonic, declared.monotonic) << id;
        EXPECT_EQ(measured.boundedAbove, declared.boundedAbove) << id;
        EXPECT_EQ(measured.boundedBelow, declared.boundedBelow) << id;
        EXPECT_EQ(measured.saturates, declared.saturates) << id;
        EXPECT_EQ(measured.deadRegion, declared.deadRegion) << id;
        EXPECT_EQ(measured.smoothness, declared.smoothness) << id;
    }
    // A custom activation's own properties come from the same measurement.
    const CustomActivation relu = build("max(0, z)");
    const Properties p = relu.activation.properties({});
    EXPECT_TRUE(p.deadRegion);
    EXPECT_EQ(p.range.lo, 0.0);
    EXPECT_EQ(p.smoothness, Smoothness::C0);
}

}  // namespace
}  // namespace ax::core
