// Saturated and dead intervals against their closed forms, narrow windows, huge and tiny ranges,
// and the structural promises (ordered, merged, inside the range) for every activation.

#include "core/saturation.h"
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <numbers>

namespace ax::core {
namespace {

const Activation& get(const char* id)
{
    const Activation* a = findActivation(id);
    EXPECT_NE(a, nullptr) << id;
    return *a;
}

// Ends must be within 1e-9 relative of the exact boundary (absolute near 0).
void expectEnd(double found, double exact)
{
    EXPECT_NEAR(found, exact, 1e-9 * std::max(1.0, std::fabs(exact)));
}

void expectInterval(const SaturationInterval& s, SaturationKind kind, double lo, double hi)
{
    EXPECT_EQ(s.kind, kind);
    expectEnd(s.lo, lo);
    expectEnd(s.hi, hi);
}

TEST(Saturation, SigmoidTailsMatchTheClosedForm)
{
    // σ′(z) = 1/(4 cosh²(z/2)) < ε  ⇔  |z| > 2 acosh(1/(2√ε)).
    const Activation& sigmoid = get("sigmoid");
    for (const double eps : {0.05, 0.2, 0.01, 1e-6}) {
        const double b = 2.0 * std::acosh(1.0 / (2.0 * std::sqrt(eps)));
        const auto s = saturationIntervals(sigmoid, sigmoid.defaults(), -20.0, 20.0, eps);
        ASSERT_EQ(s.size(), 2u) << eps;
        expectInterval(s[0], SaturationKind::Saturated, -20.0, -b);
        expectInterval(s[1], SaturationKind::Saturated, b, 20.0);
    }
    // Beyond ε = 1/4 every point is saturated: one interval, the whole range.
    const auto all = saturationIntervals(sigmoid, sigmoid.defaults(), -3.0, 3.0, 0.3);
    ASSERT_EQ(all.size(), 1u);
    expectInterval(all[0], SaturationKind::Saturated, -3.0, 3.0);
}

TEST(Saturation, TanhTailsMatchTheClosedForm)
{
    // tanh′ = 1/cosh² z < ε  ⇔  |z| > acosh(1/√ε).
    const Activation& tanh = get("tanh");
    for (const double eps : {0.05, 0.5, 1e-3}) {
        const double b = std::acosh(1.0 / std::sqrt(eps));
        const auto s = saturationIntervals(tanh, tanh.defaults(), -10.0, 10.0, eps);
        ASSERT_EQ(s.size(), 2u) << eps;
        expectInterval(s[0], SaturationKind::Saturated, -10.0, -b);
        expectInterval(s[1], SaturationKind::Saturated, b, 10.0);
    }
}

TEST(Saturation, ReluIsDeadBelowZeroOnly)
{
    const Activation& relu = get("relu");
    const auto s = saturationIntervals(relu, relu.defaults(), -5.0, 5.0, 0.05);
    ASSERT_EQ(s.size(), 1u);
    expectInterval(s[0], SaturationKind::Dead, -5.0, 0.0);
    EXPECT_TRUE(saturationIntervals(relu, relu.defaults(), 0.0, 5.0, 0.05).empty());
}

TEST(Saturation, LeakyReluIsDeadAtZeroSlopeAndSaturatedAtSmallSlope)
{
    const Activation& leaky = get("leaky_relu");
    ParameterValues p = leaky.defaults();
    p[0] = 0.0;
    auto s = saturationIntervals(leaky, p, -2.0, 2.0, 0.05);
    ASSERT_EQ(s.size(), 1u);
    expectInterval(s[0], SaturationKind::Dead, -2.0, 0.0);

    p[0] = 0.01;
    s = saturationIntervals(leaky, p, -2.0, 2.0, 0.05);
    ASSERT_EQ(s.size(), 1u);
    expectInterval(s[0], SaturationKind::Saturated, -2.0, 0.0);
    EXPECT_TRUE(saturationIntervals(leaky, p, -2.0, 2.0, 0.005).empty());
}

TEST(Saturation, HardSigmoidIsDeadOutsideItsRamp)
{
    const Activation& hard = get("hard_sigmoid");
    auto s = saturationIntervals(hard, hard.defaults(), -10.0, 10.0, 0.05);
    ASSERT_EQ(s.size(), 2u);
    expectInterval(s[0], SaturationKind::Dead, -10.0, -3.0);
    expectInterval(s[1], SaturationKind::Dead, 3.0, 10.0);
    // With ε above the ramp's slope 1/6, the ramp itself is saturated.
    s = saturationIntervals(hard, hard.defaults(), -10.0, 10.0, 0.2);
    ASSERT_EQ(s.size(), 3u);
    expectInterval(s[0], SaturationKind::Dead, -10.0, -3.0);
    expectInterval(s[1], SaturationKind::Saturated, -3.0, 3.0);
    expectInterval(s[2], SaturationKind::Dead, 3.0, 10.0);
}

TEST(Saturation, HardSwishHasADeadTailAndASaturatedDip)
{
    // f′ = (2z + 3)/6 on [−3, 3): |f′| < ε ⇔ |z + 3/2| < 3ε.
    const Activation& hard = get("hard_swish");
    const auto s = saturationIntervals(hard, hard.defaults(), -10.0, 10.0, 0.05);
    ASSERT_EQ(s.size(), 2u);
    expectInterval(s[0], SaturationKind::Dead, -10.0, -3.0);
    expectInterval(s[1], SaturationKind::Saturated, -1.65, -1.35);
}

TEST(Saturation, NarrowSnakeWindowsAreAllFound)
{
    // Snake: f′ = (sin az + cos az)² = 2 sin²(az + π/4) < ε ⇔ |az + π/4 − kπ| < asin(√(ε/2)).
    // At a = 10 and ε = 1e-4 each window is 1.4e-3 wide, far narrower than the probe spacing.
    const Activation& snake = get("snake");
    ParameterValues p = snake.defaults();
    const double a = 10.0;
    p[0] = a;
    const double eps = 1e-4;
    const double half = std::asin(std::sqrt(eps / 2.0)) / a;
    const auto s = saturationIntervals(snake, p, -10.0, 10.0, eps);
    std::vector<double> centres;
    for (int k = -40; k <= 40; ++k) {
        const double c = (k * std::numbers::pi - std::numbers::pi / 4.0) / a;
        if (c - half > -10.0 && c + half < 10.0) centres.push_back(c);
    }
    ASSERT_EQ(s.size(), centres.size());
    for (std::size_t i = 0; i < s.size(); ++i)
        expectInterval(s[i], SaturationKind::Saturated, centres[i] - half, centres[i] + half);
}

TEST(Saturation, GeluDipAroundItsMinimumIsFound)
{
    // GELU′ changes sign near −0.75: a small ε leaves a thin saturated window there.
    const Activation& gelu = get("gelu");
    const auto s = saturationIntervals(gelu, gelu.defaults(), -1.0, 1.0, 1e-6);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_LT(s[0].lo, -0.7517915);
    EXPECT_GT(s[0].hi, -0.7517915);
    EXPECT_LT(s[0].hi - s[0].lo, 1e-5);
    for (double end : {s[0].lo, s[0].hi})
        EXPECT_NEAR(std::fabs(gelu.evaluate(end, gelu.defaults()).d1), 1e-6, 1e-12);
}

TEST(Saturation, HugeRangeUsesTheWholeLine)
{
    const Activation& sigmoid = get("sigmoid");
    const double b = 2.0 * std::acosh(1.0 / (2.0 * std::sqrt(0.05)));
    auto s = saturationIntervals(sigmoid, sigmoid.defaults(), -1e300, 1e300, 0.05);
    ASSERT_EQ(s.size(), 2u);  // an underflowing f′ in the far tails is saturated, not dead
    expectInterval(s[0], SaturationKind::Saturated, -1e300, -b);
    expectInterval(s[1], SaturationKind::Saturated, b, 1e300);

    const Activation& relu = get("relu");
    s = saturationIntervals(relu, relu.defaults(), -1e300, 1e300, 0.05);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].kind, SaturationKind::Dead);
    EXPECT_EQ(s[0].lo, -1e300);
    EXPECT_EQ(s[0].hi, 0.0);
}

TEST(Saturation, TinyRangeLocatesTheBoundaryInside)
{
    // A range 2e-12 wide around 1, with ε chosen so that the boundary is exactly at z = 1.
    const Activation& sigmoid = get("sigmoid");
    const double eps = sigmoid.evaluate(1.0, sigmoid.defaults()).d1;
    const auto s = saturationIntervals(sigmoid, sigmoid.defaults(), 1.0 - 1e-12, 1.0 + 1e-12, eps);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_NEAR(s[0].lo, 1.0, 1e-14);
    EXPECT_EQ(s[0].hi, 1.0 + 1e-12);
}

// For every activation: intervals ordered, disjoint, inside the range, each of the right kind at
// its midpoint, and the gaps between them active.
TEST(Saturation, IntervalsAreConsistentForEveryActivation)
{
    for (const Activation& a : catalog()) {
        const ParameterValues p = a.defaults();
        for (const auto& [lo, hi] :
             {std::pair{-10.0, 10.0}, std::pair{-1e300, 1e300}, std::pair{-0.5, 2.0}}) {
            const auto s = saturationIntervals(a, p, lo, hi, 0.05);
            double previous = lo;
            for (std::size_t i = 0; i < s.size(); ++i) {
                SCOPED_TRACE(a.id + " interval " + std::to_string(i));
                EXPECT_LE(previous, s[i].lo);
                EXPECT_LT(s[i].lo, s[i].hi);
                EXPECT_LE(s[i].hi, hi);
                const double mid = s[i].lo * 0.5 + s[i].hi * 0.5;
                const double slope = std::fabs(a.evaluate(mid, p).d1);
                if (s[i].kind == SaturationKind::Dead) {
                    EXPECT_EQ(slope, 0.0);
                } else {
                    EXPECT_LT(slope, 0.05);
                }
                if (i > 0 && s[i - 1].kind == s[i].kind) {
                    EXPECT_LT(s[i - 1].hi, s[i].lo) << "not merged";
                }
                // Over ±1e300 windows narrower than the spacing of doubles cannot all be listed
                // (snake's); what is listed must still be right, but gaps are only checked on
                // ranges where every window is resolvable.
                if (hi - lo < 1e6 && i > 0 && s[i - 1].hi < s[i].lo) {
                    const double gap = s[i - 1].hi * 0.5 + s[i].lo * 0.5;
                    EXPECT_GE(std::fabs(a.evaluate(gap, p).d1), 0.05);
                }
                previous = s[i].hi;
            }
        }
    }
}

TEST(Saturation, FastEnoughForEverySliderStep)
{
    // The whole catalog per slider step must stay far below a frame; a generous bound that a
    // debug build on a loaded machine still meets.
    const auto start = std::chrono::steady_clock::now();
    for (const Activation& a : catalog())
        (void)saturationIntervals(a, a.defaults(), -8.0, 8.0, 0.05);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, 100.0);
}

}  // namespace
}  // namespace ax::core
