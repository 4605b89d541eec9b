#include "core/bisection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace ax::core {
namespace {

TEST(Bisection, NarrowsToAdjacentDoublesAroundTheChange)
{
    const double root = std::sqrt(2.0);
    const BisectionEnds ends = bisect(0.0, 4.0, [&](double z) { return z < root; });
    EXPECT_LT(ends.same, root);
    EXPECT_GE(ends.changed, root);
    EXPECT_EQ(std::nextafter(ends.same, 5.0), ends.changed);
}

TEST(Bisection, WorksFromEitherEnd)
{
    const BisectionEnds ends = bisect(10.0, -10.0, [](double z) { return z > 3.0; });
    EXPECT_GT(ends.same, 3.0);
    EXPECT_LE(ends.changed, 3.0);
    EXPECT_EQ(std::nextafter(ends.same, 0.0), ends.changed);
}

TEST(Bisection, TestsOnlyPointsStrictlyBetweenTheEnds)
{
    std::vector<double> asked;
    static_cast<void>(bisect(1.0, 2.0, [&](double z) {
        asked.push_back(z);
        return z < 1.25;
    }));
    ASSERT_FALSE(asked.empty());
    for (const double z : asked) {
        EXPECT_GT(z, 1.0);
        EXPECT_LT(z, 2.0);
    }
}

TEST(Bisection, StopsAtTheRelativeWidthAsked)
{
    const BisectionEnds ends = bisect(
        1.0, 2.0, [](double z) { return z < 1.5; }, BisectionLimits{.maxSteps = 1100, .relativeWidth = 1e-6});
    const double width = ends.changed - ends.same;
    EXPECT_LE(width, 1e-6 * 2.0);
    EXPECT_GT(width, 1e-6 * 0.25);  // not halved further than asked
}

TEST(Bisection, TakesNoMoreStepsThanAllowed)
{
    int calls = 0;
    const BisectionEnds ends = bisect(
        0.0, 1.0,
        [&](double z) {
            ++calls;
            return z < 0.3;
        },
        BisectionLimits{.maxSteps = 3});
    EXPECT_EQ(calls, 3);
    EXPECT_DOUBLE_EQ(ends.changed - ends.same, 0.125);
}

TEST(Bisection, HalfwayNeverOverflows)
{
    const double big = std::numeric_limits<double>::max();
    EXPECT_EQ(halfway(big, big), big);
    EXPECT_EQ(halfway(-big, big), 0.0);
}

}  // namespace
}  // namespace ax::core
