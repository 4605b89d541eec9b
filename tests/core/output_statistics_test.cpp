// The numbers behind "Zero-centred" and "Saturates", against mpmath references (mp.dps = 30,
// quad of f·φ and f²·φ split at every kink).

#include "core/output_statistics.h"
#include "core/catalog.h"

#include <gtest/gtest.h>

#include <string>

namespace {

using ax::core::Saturation;

struct Reference {
    const char* id;
    double mean;
    double variance;
};

// Six digits: the table shows three.
constexpr Reference kReferences[] = {
    {"identity", 0.0, 1.0},
    {"step", 0.5, 0.25},
    {"sigmoid", 0.5, 0.043379},
    {"tanh", 0.0, 0.394294},
    {"hard_sigmoid", 0.5, 0.027639},
    {"hard_tanh", 0.0, 0.516059},
    {"softsign", 0.0, 0.183014},
    {"relu", 0.398942, 0.340845},
    {"relu6", 0.398942, 0.340845},
    {"leaky_relu", 0.394953, 0.344062},
    {"prelu", 0.299207, 0.441725},
    {"elu", 0.160521, 0.619179},
    {"celu", 0.160521, 0.619179},
    {"selu", 0.0, 1.0},
    {"softplus", 0.806059, 0.271515},
    {"gelu", 0.282095, 0.345644},
    {"gelu_tanh", 0.282039, 0.345648},
    {"swish", 0.206621, 0.313083},
    {"hard_swish", 0.166217, 0.303939},
    {"mish", 0.240404, 0.394548},
    {"squareplus", 1.109306, 0.269441},
    {"gaussian", 0.577350, 0.113880},
    {"snake", 0.432332, 1.120463},
    {"hard_shrink", 0.0, 0.9691404042},
    {"soft_shrink", 0.0, 0.4192785201},
    {"tanh_shrink", 0.0, 0.1828834712},
    {"log_sigmoid", -0.8060591833, 0.2715145018},
    {"rrelu", 0.3075180078, 0.4316913554},
    {"threshold", 0.3989422804, 0.3408450569},
    {"exponential", 1.648721271, 4.67077427},
    {"sparse_plus", 0.4623301083, 0.3110943763},
    {"sparse_sigmoid", 0.5, 0.1290146377},
    {"relu_squared", 0.5, 1.25},
    {"star_relu", 0.0, 1.0},
    {"quick_gelu", 0.2823305528, 0.3422422658},
    {"sine", 0.0, 0.4323323584},
    {"arctan", 0.0, 0.4497009164},
    {"isru", 0.0, 0.3443204576},
    {"isrlu", 0.1373639885, 0.6532913634},
    {"bent_identity", 0.1772654032, 1.041311574},
    {"lisht", 0.6057055096, 0.3910107023},
    {"tanhexp", 0.262131725, 0.4603806623},
    {"penalized_tanh", 0.2084922434, 0.1659999325},
};

ax::core::OutputStatistics statisticsOf(const char* id, double epsilon = 0.05)
{
    const auto* a = ax::core::findActivation(id);
    EXPECT_NE(a, nullptr) << id;
    return ax::core::outputStatistics(*a, a->defaults(), epsilon);
}

TEST(OutputStatistics, MeanAndVarianceUnderAStandardNormalInputMatchMpmath)
{
    ASSERT_EQ(std::size(kReferences), ax::core::catalog().size());
    for (const Reference& r : kReferences) {
        const auto s = statisticsOf(r.id);
        EXPECT_NEAR(s.mean, r.mean, 1e-6) << r.id;
        EXPECT_NEAR(s.variance, r.variance, 1e-6) << r.id;
    }
}

// The point: f(0) = 0 with both signs is not zero-centred output.
TEST(OutputStatistics, ZeroCentredOnlyWhenTheMeanOutputIsNearZero)
{
    for (const char* id : {"identity", "tanh", "hard_tanh", "softsign", "selu"})
        EXPECT_TRUE(statisticsOf(id).zeroCentred) << id;
    for (const char* id : {"relu", "leaky_relu", "prelu", "elu", "gelu", "swish", "mish", "sigmoid", "snake"})
        EXPECT_FALSE(statisticsOf(id).zeroCentred) << id;
}

TEST(OutputStatistics, SaturatesWhereTheSlopeStaysBelowEpsilon)
{
    EXPECT_EQ(statisticsOf("leaky_relu").saturates, Saturation::Left) << "slope 0.01 < ε = 0.05";
    EXPECT_EQ(statisticsOf("leaky_relu", 0.005).saturates, Saturation::None) << "slope 0.01 > ε = 0.005";
    EXPECT_EQ(statisticsOf("prelu").saturates, Saturation::None) << "slope 0.25";
    EXPECT_EQ(statisticsOf("prelu", 0.3).saturates, Saturation::Left);
    EXPECT_EQ(statisticsOf("snake").saturates, Saturation::None) << "f′ keeps returning to 2";
    EXPECT_EQ(statisticsOf("sigmoid").saturates, Saturation::Both);
    EXPECT_EQ(statisticsOf("relu").saturates, Saturation::Left);
    EXPECT_EQ(statisticsOf("identity").saturates, Saturation::None);
    EXPECT_EQ(statisticsOf("relu6").saturates, Saturation::Both);
}

// Every other activation saturates where the core declares it does: the two rules differ only by
// slopes that tend to a constant below ε.
TEST(OutputStatistics, AgreesWithTheDeclaredSaturationExceptForSmallConstantSlopes)
{
    for (const auto& a : ax::core::catalog()) {
        if (a.id == "leaky_relu") continue;
        EXPECT_EQ(ax::core::outputStatistics(a, a.defaults(), 0.05).saturates,
                  a.properties(a.defaults()).saturates)
            << a.id;
    }
}

}  // namespace
