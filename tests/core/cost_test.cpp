#include "core/cost.h"
#include "core/activation.h"
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace {

TEST(Cost, SamplePointsCoverBothSidesOfEveryKinkEvenly)
{
    const auto points = ax::core::costSamplePoints();
    ASSERT_GE(points.size(), 256u);
    EXPECT_DOUBLE_EQ(points.front(), -8.0);
    EXPECT_DOUBLE_EQ(points.back(), 8.0);
    EXPECT_TRUE(std::is_sorted(points.begin(), points.end()));
    const auto negative = std::count_if(points.begin(), points.end(), [](double z) { return z < 0.0; });
    EXPECT_EQ(static_cast<std::size_t>(negative), points.size() / 2);
}

TEST(Cost, EveryMeasurementIsPositiveAndFinite)
{
    for (const auto& a : ax::core::catalog()) {
        const double ns = ax::core::measureNanosecondsPerEvaluation(a, a.defaults(), 2);
        EXPECT_TRUE(std::isfinite(ns) && ns > 0.0) << a.id << ": " << ns;
        EXPECT_LT(ns, 1e6) << a.id << " cannot take a millisecond per point";
    }
}

TEST(Cost, RelativeCostsAreInCatalogOrderWithReluAsTheUnit)
{
    const auto all = ax::core::catalog();
    const auto costs = ax::core::relativeCosts(all, 3);
    ASSERT_EQ(costs.size(), all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_TRUE(std::isfinite(costs[i]) && costs[i] > 0.0) << all[i].id;
        if (all[i].id == "relu") {
            EXPECT_DOUBLE_EQ(costs[i], 1.0);
        }
    }
}

TEST(Cost, ReluIsTheUnitEvenWhenNotMeasuredAlongside)
{
    const auto* mish = ax::core::findActivation("mish");
    ASSERT_NE(mish, nullptr);
    const auto costs = ax::core::relativeCosts(std::span<const ax::core::Activation>(mish, 1), 3);
    ASSERT_EQ(costs.size(), 1u);
    EXPECT_TRUE(std::isfinite(costs[0]) && costs[0] > 0.0);
}

TEST(Cost, AnActivationWithoutAnEvaluatorHasNoFiniteCost)
{
    ax::core::Activation empty;
    EXPECT_TRUE(std::isinf(ax::core::measureNanosecondsPerEvaluation(empty, empty.defaults())));
}

}  // namespace
