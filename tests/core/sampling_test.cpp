// Sampling a curve: sizes, exact ends, even spacing, and kinks as doubled points carrying the
// left-hand and right-hand limits so a chart draws a true corner or jump.

#include "core/sampling.h"
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ax::core {
namespace {

const Activation& get(const char* id)
{
    const Activation* a = findActivation(id);
    EXPECT_NE(a, nullptr) << id;
    return *a;
}

TEST(Sampling, SmoothCurveHasEvenlySpacedPointsWithExactEnds)
{
    const Activation& tanh = get("tanh");
    SampleSet s;
    sampleUniform(tanh, tanh.defaults(), -4.0, 3.0, 2000, s);
    ASSERT_EQ(s.size(), 2000u);
    ASSERT_EQ(s.f.size(), 2000u);
    ASSERT_EQ(s.d1.size(), 2000u);
    ASSERT_EQ(s.d2.size(), 2000u);
    EXPECT_EQ(s.z.front(), -4.0);
    EXPECT_EQ(s.z.back(), 3.0);
    const double step = 7.0 / 1999.0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        EXPECT_NEAR(s.z[i], -4.0 + step * static_cast<double>(i), 1e-12);
        const Derivatives d = tanh.evaluate(s.z[i], tanh.defaults());
        EXPECT_EQ(s.f[i], d.f);
        EXPECT_EQ(s.d1[i], d.d1);
        EXPECT_EQ(s.d2[i], d.d2);
    }
}

TEST(Sampling, ReluCornerIsInsertedWithBothOneSidedSlopes)
{
    const Activation& relu = get("relu");
    SampleSet s;
    // 0 is not a grid point of 10 samples over [−1, 2], so the corner must be added.
    sampleUniform(relu, relu.defaults(), -1.0, 2.0, 10, s);
    ASSERT_EQ(s.size(), 12u);
    std::size_t at = 0;
    while (at < s.size() && s.z[at] != 0.0)
        ++at;
    ASSERT_LT(at + 1, s.size());
    EXPECT_EQ(s.z[at + 1], 0.0);
    EXPECT_EQ(s.f[at], 0.0);
    EXPECT_EQ(s.f[at + 1], 0.0);
    EXPECT_EQ(s.d1[at], 0.0);      // slope from the left
    EXPECT_EQ(s.d1[at + 1], 1.0);  // slope from the right
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
        EXPECT_LE(s.z[i], s.z[i + 1]);
}

TEST(Sampling, StepJumpCarriesBothValues)
{
    const Activation& step = get("step");
    SampleSet s;
    sampleUniform(step, step.defaults(), -1.0, 1.0, 5, s);  // 0 is also a grid point here
    ASSERT_EQ(s.size(), 7u);
    std::size_t at = 0;
    while (s.z[at] != 0.0)
        ++at;
    EXPECT_EQ(s.f[at], 0.0);
    EXPECT_EQ(s.f[at + 1], 1.0);
    EXPECT_EQ(s.z[at + 2], 0.0);
    EXPECT_EQ(s.f[at + 2], 1.0);
}

TEST(Sampling, EveryKinkInsideTheRangeAppearsTwiceAndEndsDoNot)
{
    const Activation& hardSwish = get("hard_swish");
    SampleSet s;
    sampleUniform(hardSwish, hardSwish.defaults(), -3.0, 5.0, 101, s);  // −3 is an end: not doubled
    ASSERT_EQ(s.size(), 103u);
    int atThree = 0;
    for (double z : s.z)
        atThree += z == 3.0 ? 1 : 0;
    EXPECT_EQ(atThree, 3);  // the grid point plus the two limits
    std::size_t at = 0;
    while (s.z[at] != 3.0)
        ++at;
    EXPECT_DOUBLE_EQ(s.d1[at], 1.5);  // (2z + 3)/6 from the left
    EXPECT_EQ(s.d1[at + 1], 1.0);
    EXPECT_DOUBLE_EQ(s.d2[at], 1.0 / 3.0);
    EXPECT_EQ(s.d2[at + 1], 0.0);
    EXPECT_DOUBLE_EQ(s.f[at], 3.0);
    EXPECT_EQ(s.f[at + 1], 3.0);

    const Activation& relu6 = get("relu6");
    sampleUniform(relu6, relu6.defaults(), -10.0, 10.0, 7, s);
    EXPECT_EQ(s.size(), 11u);
}

TEST(Sampling, HugeRangeStaysFiniteAndOrdered)
{
    for (const Activation& a : catalog()) {
        SampleSet s;
        sampleUniform(a, a.defaults(), -1e300, 1e300, 2001, s);
        ASSERT_GE(s.size(), 2001u) << a.id;
        EXPECT_EQ(s.z.front(), -1e300);
        EXPECT_EQ(s.z.back(), 1e300);
        // eᶻ and the squares of max(0, z) truly leave the doubles far out on the right: there,
        // and only there, +inf is the right answer.
        const bool outgrowsDoubles = a.id == "exponential" || a.id == "relu_squared" || a.id == "star_relu";
        const auto expectFinite = [&](double value, double z) {
            if (outgrowsDoubles && z > 700.0 && value == std::numeric_limits<double>::infinity()) return;
            EXPECT_TRUE(std::isfinite(value)) << a.id << " at " << z;
        };
        for (std::size_t i = 0; i < s.size(); ++i) {
            EXPECT_TRUE(std::isfinite(s.z[i]));
            expectFinite(s.f[i], s.z[i]);
            expectFinite(s.d1[i], s.z[i]);
            expectFinite(s.d2[i], s.z[i]);
            if (i > 0) {
                EXPECT_LE(s.z[i - 1], s.z[i]);
            }
        }
    }
}

TEST(Sampling, ReusesBuffersAndHandlesDegenerateCounts)
{
    const Activation& sigmoid = get("sigmoid");
    SampleSet s;
    sampleUniform(sigmoid, sigmoid.defaults(), -1.0, 1.0, 50, s);
    sampleUniform(sigmoid, sigmoid.defaults(), -1.0, 1.0, 3, s);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s.z[1], 0.0);
    EXPECT_EQ(s.f[1], 0.5);
    sampleUniform(sigmoid, sigmoid.defaults(), -1.0, 1.0, 0, s);
    EXPECT_EQ(s.size(), 0u);
    EXPECT_TRUE(s.f.empty());
    sampleUniform(sigmoid, sigmoid.defaults(), 2.0, 2.0, 1, s);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s.z[0], 2.0);
}

}  // namespace
}  // namespace ax::core
