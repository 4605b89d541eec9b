// f, f′ and f″ at ±inf, read off the far tail: settled values, growth without bound, decay to 0,
// and no limit where the values keep oscillating.

#include "core/infinite_limits.h"

#include "core/catalog.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace ax::core {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Derivatives limit(const std::string& id, double towards, int parameter = -1, double value = 0.0)
{
    const Activation* a = findActivation(id);
    if (a == nullptr) throw std::runtime_error("no activation " + id);
    ParameterValues p = a->defaults();
    if (parameter >= 0) p[static_cast<std::size_t>(parameter)] = value;
    return limitAtInfinity(*a, p, towards);
}

TEST(InfiniteLimits, SettledValuesAreTheLimits)
{
    const Derivatives sigmoidUp = limit("sigmoid", kInf);
    EXPECT_EQ(sigmoidUp.f, 1.0);
    EXPECT_EQ(sigmoidUp.d1, 0.0);
    EXPECT_EQ(sigmoidUp.d2, 0.0);
    EXPECT_EQ(limit("relu6", kInf).f, 6.0);
    EXPECT_EQ(limit("elu", -kInf, 0, 0.5).f, -0.5);
}

TEST(InfiniteLimits, GrowthWithoutBoundIsInfinite)
{
    const Derivatives reluUp = limit("relu", kInf);
    EXPECT_EQ(reluUp.f, kInf);
    EXPECT_EQ(reluUp.d1, 1.0);
    EXPECT_EQ(limit("identity", -kInf).f, -kInf);
    EXPECT_EQ(limit("swish", -kInf, 0, 0.0).f, -kInf);
}

TEST(InfiniteLimits, DecayIsZero)
{
    for (const double towards : {kInf, -kInf}) {
        const Derivatives g = limit("gaussian", towards);
        EXPECT_EQ(g.f, 0.0);
        EXPECT_EQ(g.d1, 0.0);
        EXPECT_EQ(g.d2, 0.0);
    }
    EXPECT_EQ(limit("relu", -kInf).f, 0.0);
}

TEST(InfiniteLimits, OscillationHasNoLimit)
{
    const Derivatives snake = limit("snake", kInf);
    EXPECT_EQ(snake.f, kInf);
    EXPECT_TRUE(std::isnan(snake.d1));
    EXPECT_TRUE(std::isnan(snake.d2));
}

}  // namespace
}  // namespace ax::core
