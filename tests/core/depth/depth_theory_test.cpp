// The wide-network theory: Gaussian expectations against closed forms and high-precision values,
// the variance and gradient maps, fixed points and their stability.

#include "core/depth/depth_theory.h"
#include "core/activation.h"
#include "core/catalog.h"
#include "core/depth/gaussian_expectation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace ax::core {
namespace {

const Activation& byId(const char* id)
{
    const Activation* a = findActivation(id);
    if (a == nullptr) throw std::runtime_error(std::string("no activation ") + id);
    return *a;
}

double normalCdf(double x)
{
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double normalPdf(double x)
{
    return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}

void expectRelative(double actual, double expected, double tolerance, const std::string& what)
{
    EXPECT_LE(std::fabs(actual - expected), tolerance * std::fabs(expected))
        << what << ": " << actual << " vs " << expected;
}

struct MeanVarianceCase {
    double mean;
    double variance;
};

const std::vector<MeanVarianceCase> kCases = {{0.0, 1.0},  {0.0, 0.01}, {0.0, 37.0}, {0.7, 2.0},
                                              {-1.3, 0.4}, {3.0, 0.5},  {-2.0, 9.0}, {0.0, 1e4}};

TEST(GaussianExpectation, IdentityMomentsAreExact)
{
    const Activation& a = byId("identity");
    for (const auto& c : kCases) {
        const GaussianMoments m = gaussianMoments(a, a.defaults(), c.mean, c.variance);
        const std::string where = "m=" + std::to_string(c.mean) + " q=" + std::to_string(c.variance);
        EXPECT_NEAR(m.f, c.mean, 1e-12 * (std::fabs(c.mean) + std::sqrt(c.variance))) << where;
        expectRelative(m.f2, c.variance + c.mean * c.mean, 1e-12, "E[z^2] " + where);
        expectRelative(m.d1sq, 1.0, 1e-12, "E[1] " + where);
        EXPECT_EQ(m.deadMass, 0.0) << where;
    }
}

TEST(GaussianExpectation, ReluMomentsMatchClosedForms)
{
    const Activation& a = byId("relu");
    for (const auto& c : kCases) {
        const double s = std::sqrt(c.variance);
        const double t = c.mean / s;
        const double first = c.mean * normalCdf(t) + s * normalPdf(t);
        const double second = (c.mean * c.mean + c.variance) * normalCdf(t) + c.mean * s * normalPdf(t);
        const GaussianMoments m = gaussianMoments(a, a.defaults(), c.mean, c.variance);
        const std::string where = "m=" + std::to_string(c.mean) + " q=" + std::to_string(c.variance);
        expectRelative(m.f, first, 1e-12, "E[relu] " + where);
        expectRelative(m.f2, second, 1e-12, "E[relu^2] " + where);
        expectRelative(m.d1sq, normalCdf(t), 1e-12, "E[relu'^2] " + where);
        expectRelative(m.deadMass, normalCdf(-t), 1e-12, "P(dead) " + where);
    }
    // The zero-mean forms every textbook quotes.
    for (const double q : {0.1, 1.0, 5.0}) {
        const GaussianMoments m = gaussianMoments(a, a.defaults(), 0.0, q);
        expectRelative(m.f2, q / 2.0, 1e-12, "E[relu^2] = q/2");
        expectRelative(m.d1sq, 0.5, 1e-12, "E[relu'^2] = 1/2");
    }
}

TEST(GaussianExpectation, StepIsTheNormalCdfAndBlocksEveryGradient)
{
    const Activation& a = byId("step");
    EXPECT_NEAR(gaussianMoments(a, a.defaults(), 0.0, 3.0).f, 0.5, 1e-14);
    for (const auto& c : kCases) {
        const GaussianMoments m = gaussianMoments(a, a.defaults(), c.mean, c.variance);
        expectRelative(m.f, normalCdf(c.mean / std::sqrt(c.variance)), 1e-11, "E[step]");
        EXPECT_EQ(m.d1sq, 0.0);
        EXPECT_NEAR(m.deadMass, 1.0, 1e-13);
    }
}

// Where f′ merely underflows (sigmoid and tanh in both tails, GELU and ELU far to the left),
// nothing is dead: the dead mass counts only an activation's declared dead region, as the
// saturation charts do. Without that, a wide Gaussian would report dead units for tanh.
TEST(GaussianExpectation, AnUnderflowingDerivativeCarriesNoDeadMass)
{
    for (const char* id : {"sigmoid", "tanh", "gelu", "gelu_tanh", "elu", "selu", "softplus", "mish"}) {
        const Activation& a = byId(id);
        for (const auto& [mean, variance] :
             {std::pair{0.0, 1e4}, std::pair{0.0, 1e6}, std::pair{-800.0, 1.0}}) {
            const GaussianMoments m = gaussianMoments(a, a.defaults(), mean, variance);
            EXPECT_EQ(m.deadMass, 0.0) << id << " m=" << mean << " q=" << variance;
            EXPECT_EQ(gaussianMoments(a, a.defaults(), mean, variance, MomentSet::Propagation).deadMass, 0.0)
                << id;
        }
        EXPECT_EQ(gaussianMoments(a, a.defaults(), -800.0, 0.0).deadMass, 0.0) << id << " at a point";
    }
    // A declared dead region keeps its whole mass however wide the Gaussian: P(z < 0) = ½.
    const Activation& relu = byId("relu");
    EXPECT_NEAR(gaussianMoments(relu, relu.defaults(), 0.0, 1e6).deadMass, 0.5, 1e-13);
}

TEST(GaussianExpectation, HardTanhSquareMatchesClosedForm)
{
    const Activation& a = byId("hard_tanh");
    for (const double q : {0.04, 0.5, 1.0, 4.0, 400.0}) {
        const double s = std::sqrt(q);
        const double inner = 1.0 / s;
        const double expected =
            q * (2.0 * normalCdf(inner) - 1.0) - 2.0 * s * normalPdf(inner) + 2.0 * normalCdf(-inner);
        expectRelative(gaussianMoments(a, a.defaults(), 0.0, q).f2, expected, 1e-12, "E[hard_tanh^2]");
        expectRelative(gaussianMoments(a, a.defaults(), 0.0, q).d1sq, 2.0 * normalCdf(inner) - 1.0, 1e-12,
                       "E[hard_tanh'^2]");
    }
}

TEST(GaussianExpectation, GeluMeanMatchesClosedForm)
{
    // E[z Φ(z)] = q / √(2π(1 + q)) for z ~ N(0, q).
    const Activation& a = byId("gelu");
    for (const double q : {0.01, 0.3, 1.0, 7.0, 250.0}) {
        const double expected = q / std::sqrt(2.0 * std::numbers::pi * (1.0 + q));
        expectRelative(gaussianMoments(a, a.defaults(), 0.0, q).f, expected, 1e-12, "E[gelu]");
    }
}

TEST(GaussianExpectation, SmoothingTheNormalCdfWidensIt)
{
    // E[Φ(z)] = Φ(m / √(1 + s²)): a Gaussian blur of the normal CDF is a wider normal CDF.
    for (const auto& c : kCases) {
        const double value = gaussianExpectation(normalCdf, c.mean, c.variance);
        expectRelative(value, normalCdf(c.mean / std::sqrt(1.0 + c.variance)), 1e-11, "E[Phi]");
    }
    // Odd functions average to zero under a centred Gaussian.
    const Activation& tanh = byId("tanh");
    EXPECT_NEAR(gaussianMoments(tanh, tanh.defaults(), 0.0, 2.0).f, 0.0, 1e-15);
    const Activation& sigmoid = byId("sigmoid");
    EXPECT_NEAR(gaussianMoments(sigmoid, sigmoid.defaults(), 0.0, 2.0).f, 0.5, 1e-15);
}

TEST(GaussianExpectation, BreakpointsRescueAJump)
{
    const double breakpoint[] = {0.3};
    auto jump = [](double z) { return z < 0.3 ? -1.0 : 2.0; };
    const double expected = -normalCdf(0.3) + 2.0 * normalCdf(-0.3);
    EXPECT_NEAR(gaussianExpectation(jump, 0.0, 1.0, breakpoint), expected, 1e-14);
}

TEST(GaussianExpectation, TheLighterMomentSetAgreesWithTheFullOne)
{
    for (const Activation& a : catalog()) {
        for (const auto& c : kCases) {
            const GaussianMoments full = gaussianMoments(a, a.defaults(), c.mean, c.variance);
            const GaussianMoments light =
                gaussianMoments(a, a.defaults(), c.mean, c.variance, MomentSet::Propagation);
            const std::string where =
                a.id + " m=" + std::to_string(c.mean) + " q=" + std::to_string(c.variance);
            // E[e^(2z)] = e^(2m + 2q) is beyond the doubles at q = 10⁴: both sets must say so.
            if (std::isinf(full.f2) || std::isinf(full.d1sq)) {
                EXPECT_EQ(light.f2, full.f2) << where;
                EXPECT_EQ(light.d1sq, full.d1sq) << where;
            } else {
                EXPECT_NEAR(light.f2, full.f2, 1e-11 * full.f2) << where;
                EXPECT_NEAR(light.d1sq, full.d1sq, 1e-11 * full.d1sq) << where;
            }
            EXPECT_NEAR(light.deadMass, full.deadMass, 1e-12) << where;
            EXPECT_TRUE(std::isnan(light.fX)) << where;
        }
    }
}

// Over Gaussians a period wide or more, snake's moments come in closed form: they must agree with
// the quadrature where it still converges, and reach the averages of the oscillation far beyond it.
TEST(GaussianExpectation, SnakeOverWideGaussiansMatchesQuadratureAndItsLimits)
{
    const Activation& a = byId("snake");
    for (const double freq : {0.5, 1.0, 3.0}) {
        ParameterValues p = a.defaults();
        p[0] = freq;
        for (const double q : {1.0 / (freq * freq), 2.5 / (freq * freq), 6.0 / (freq * freq)}) {
            for (const double mean : {0.0, 0.7, -1.3}) {
                const GaussianMoments full = gaussianMoments(a, p, mean, q);
                const GaussianMoments light = gaussianMoments(a, p, mean, q, MomentSet::Propagation);
                const std::string where =
                    "a=" + std::to_string(freq) + " m=" + std::to_string(mean) + " q=" + std::to_string(q);
                EXPECT_NEAR(light.f2, full.f2, 1e-11 * full.f2) << where;
                EXPECT_NEAR(light.d1sq, full.d1sq, 1e-11 * full.d1sq) << where;
                EXPECT_EQ(light.deadMass, 0.0) << where;
            }
        }
    }
    // A Gaussian millions of periods wide, where every oscillation averages out:
    // E[(1 + sin 2az)²] = 1 + ½ and E[f²] = q + m² + m/a + 3/(8a²).
    ParameterValues unit = a.defaults();
    unit[0] = 1.0;
    const GaussianMoments wide = gaussianMoments(a, unit, 0.5, 1e12, MomentSet::Propagation);
    EXPECT_NEAR(wide.d1sq, 1.5, 1e-12);
    EXPECT_NEAR(wide.f2, 1e12 + 0.25 + 0.5 + 0.375, 1e-3);
}

TEST(GaussianExpectation, NoVarianceMeansThePointValue)
{
    const Activation& a = byId("elu");
    const GaussianMoments m = gaussianMoments(a, a.defaults(), -0.5, 0.0);
    EXPECT_DOUBLE_EQ(m.f, std::expm1(-0.5));
    EXPECT_TRUE(std::isnan(gaussianMoments(a, a.defaults(), 0.0, -1.0).f));
}

// Reference rows written by scripts/generate_depth_reference.py (mpmath, 50 digits).
struct ReferenceRow {
    std::string kind;
    std::string id;
    ParameterValues p{};
    std::vector<double> values;
};

std::vector<ReferenceRow> loadDepthReference()
{
    std::ifstream in(std::string(AX_TEST_DATA_DIR) + "/depth_reference.tsv");
    std::vector<ReferenceRow> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        ReferenceRow row;
        fields >> row.kind >> row.id;
        std::string token;
        std::size_t index = 0;
        while (fields >> token && token != "|")
            row.p[index++] = std::stod(token);
        while (fields >> token)
            row.values.push_back(std::stod(token));
        rows.push_back(std::move(row));
    }
    return rows;
}

TEST(GaussianExpectation, EveryActivationMatchesHighPrecisionValues)
{
    const auto rows = loadDepthReference();
    ASSERT_GT(rows.size(), 150u) << "tests/data/depth_reference.tsv is missing or truncated";
    int checked = 0;
    for (const ReferenceRow& row : rows) {
        if (row.kind != "moments") continue;
        const Activation& a = byId(row.id.c_str());
        const double mean = row.values[0];
        const double variance = row.values[1];
        const GaussianMoments m = gaussianMoments(a, row.p, mean, variance);
        const std::string where = row.id + " m=" + std::to_string(mean) + " q=" + std::to_string(variance);
        // Odd functions have E[f] = 0 exactly; there only an absolute error makes sense.
        const double scale = std::max(std::fabs(row.values[2]), 1e-5 * std::sqrt(row.values[3]));
        EXPECT_LE(std::fabs(m.f - row.values[2]), 1e-10 * scale) << "E[f] " << where;
        expectRelative(m.f2, row.values[3], 1e-10, "E[f^2] " + where);
        if (row.values[4] == 0.0)
            EXPECT_EQ(m.d1sq, 0.0) << where;
        else
            expectRelative(m.d1sq, row.values[4], 1e-10, "E[f'^2] " + where);
        // What the depth profile uses, from its own, lighter pass.
        const GaussianMoments light = gaussianMoments(a, row.p, mean, variance, MomentSet::Propagation);
        expectRelative(light.f2, row.values[3], 1e-10, "light E[f^2] " + where);
        if (row.values[4] != 0.0) expectRelative(light.d1sq, row.values[4], 1e-10, "light E[f'^2] " + where);
        ++checked;
    }
    // Seven everyday Gaussians for each activation, and three very wide ones (q up to 1e12) for
    // all but snake.
    EXPECT_EQ(checked, 23 * 7 + 22 * 3);
}

TEST(MeanVarianceMap, ValueAndJacobianMatchHighPrecisionValues)
{
    int checked = 0;
    for (const ReferenceRow& row : loadDepthReference()) {
        if (row.kind != "mvmap") continue;
        const Activation& a = byId(row.id.c_str());
        const MeanVarianceStep step =
            meanVarianceMap(a, row.p, {row.values[0], row.values[1]}, row.values[2], row.values[3]);
        const std::string where =
            row.id + " at (" + std::to_string(row.values[0]) + ", " + std::to_string(row.values[1]) + ")";
        EXPECT_NEAR(step.next.mean, row.values[4], 1e-11 * (1.0 + std::fabs(row.values[4]))) << where;
        EXPECT_NEAR(step.next.variance, row.values[5], 1e-11 * row.values[5]) << where;
        const double expected[2][2] = {{row.values[6], row.values[7]}, {row.values[8], row.values[9]}};
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c)
                EXPECT_NEAR(step.jacobian[r][c], expected[r][c], 1e-9) << where << " J" << r << c;
        ++checked;
    }
    EXPECT_EQ(checked, 7 * 3);
}

TEST(MeanVarianceMap, SeluHasTheStableFixedPointZeroOne)
{
    const Activation& selu = byId("selu");
    const auto fixed = meanVarianceFixedPoint(selu, selu.defaults(), {0.6, 2.5});
    ASSERT_TRUE(fixed.has_value());
    EXPECT_NEAR(fixed->point.mean, 0.0, 1e-9);
    EXPECT_NEAR(fixed->point.variance, 1.0, 1e-9);
    EXPECT_LT(fixed->spectralRadius, 1.0);
    EXPECT_EQ(fixed->stability, Stability::Stable);
    // The self-normalising paper's Jacobian at (0, 1) with normalised weights.
    EXPECT_NEAR(fixed->jacobian[0][1], 0.088834, 5e-6);
    EXPECT_NEAR(fixed->jacobian[1][1], 0.782648, 5e-6);

    // Starting far away, the iterates still walk to (0, 1).
    const auto path = meanVarianceTrajectory(selu, selu.defaults(), {-0.9, 2.8}, 40);
    ASSERT_EQ(path.size(), 41u);
    EXPECT_NEAR(path.back().mean, 0.0, 1e-4);
    EXPECT_NEAR(path.back().variance, 1.0, 1e-4);
}

TEST(MeanVarianceMap, SeluWithOtherConstantsLosesTheUnitFixedPoint)
{
    const Activation& selu = byId("selu");
    ParameterValues p = selu.defaults();
    p[0] = 1.3;
    const auto fixed = meanVarianceFixedPoint(selu, p, {0.0, 1.0});
    ASSERT_TRUE(fixed.has_value());
    EXPECT_GT(std::fabs(fixed->point.variance - 1.0), 0.05);
}

TEST(MeanVarianceMap, TanhHasNoFixedPointWithUnitVariance)
{
    // Without bias tanh with LeCun weights shrinks the variance towards zero: no fixed point with ν > 0.
    const Activation& tanh = byId("tanh");
    EXPECT_FALSE(meanVarianceFixedPoint(tanh, tanh.defaults(), {0.0, 1.0}).has_value());
}

TEST(VarianceMap, ReluWithHeInitialisationPreservesVarianceAndGradients)
{
    const Activation& relu = byId("relu");
    for (const double q : {1e-3, 0.5, 1.0, 42.0}) {
        EXPECT_NEAR(varianceMap(relu, relu.defaults(), q, 2.0, 0.0), q, 1e-12 * q);
        EXPECT_NEAR(gradientFactor(relu, relu.defaults(), q, 2.0), 1.0, 1e-12);
        EXPECT_NEAR(varianceMapSlope(relu, relu.defaults(), q, 2.0), 1.0, 1e-10);
    }
    const VarianceFixedPoints fixed = varianceFixedPoints(relu, relu.defaults(), 2.0, 0.0);
    EXPECT_TRUE(fixed.everyVarianceFixed);
    // LeCun's σ_w² = 1 halves the variance at every layer: only q = 0 is left, and it attracts.
    const VarianceFixedPoints lecun = varianceFixedPoints(relu, relu.defaults(), 1.0, 0.0);
    ASSERT_EQ(lecun.points.size(), 1u);
    EXPECT_EQ(lecun.points[0].q, 0.0);
    EXPECT_NEAR(lecun.points[0].slope, 0.5, 1e-9);
    EXPECT_EQ(lecun.points[0].stability, Stability::Stable);
}

TEST(VarianceMap, TanhIsMarginalAtSmallVariance)
{
    const Activation& tanh = byId("tanh");
    EXPECT_NEAR(gradientFactor(tanh, tanh.defaults(), 1e-9, 1.0), 1.0, 1e-8);
    EXPECT_LT(gradientFactor(tanh, tanh.defaults(), 1.0, 1.0), 1.0);
    const VarianceFixedPoints fixed = varianceFixedPoints(tanh, tanh.defaults(), 1.0, 0.0);
    ASSERT_EQ(fixed.points.size(), 1u);
    EXPECT_EQ(fixed.points[0].q, 0.0);
    EXPECT_EQ(fixed.points[0].stability, Stability::Marginal);
}

TEST(VarianceMap, TanhWithBiasSettlesOnAStableFixedPoint)
{
    const Activation& tanh = byId("tanh");
    const VarianceFixedPoints fixed = varianceFixedPoints(tanh, tanh.defaults(), 1.5, 0.05);
    ASSERT_EQ(fixed.points.size(), 1u);
    const double q = fixed.points[0].q;
    EXPECT_NEAR(varianceMap(tanh, tanh.defaults(), q, 1.5, 0.05), q, 1e-13 * q);
    EXPECT_EQ(fixed.points[0].stability, Stability::Stable);
    // The slope agrees with a difference quotient of the map.
    const double h = 1e-5 * q;
    const double numeric = (varianceMap(tanh, tanh.defaults(), q + h, 1.5, 0.05) -
                            varianceMap(tanh, tanh.defaults(), q - h, 1.5, 0.05)) /
                           (2.0 * h);
    EXPECT_NEAR(fixed.points[0].slope, numeric, 1e-7);
}

TEST(DepthProfile, SigmoidGradientsVanishAtLeCunInitialisation)
{
    const Activation& sigmoid = byId("sigmoid");
    const auto layers = depthProfile(sigmoid, sigmoid.defaults(), {.depth = 30, .batch = 0});
    ASSERT_EQ(layers.size(), 31u);
    for (std::size_t l = 0; l + 1 < layers.size(); ++l)
        EXPECT_LT(layers[l].gradientFactor, 0.1);
    EXPECT_LT(layers[0].log10GradientNorm, -15.0);
    EXPECT_EQ(layers.back().log10GradientNorm, 0.0);
    // The gradient norm falls monotonically from the top down.
    for (std::size_t l = 0; l + 1 < layers.size(); ++l)
        EXPECT_LT(layers[l].log10GradientNorm, layers[l + 1].log10GradientNorm);
}

TEST(DepthProfile, InputMeanOnlyShowsInTheFirstStep)
{
    const Activation& relu = byId("relu");
    const auto layers = depthProfile(relu, relu.defaults(),
                                     {.depth = 3,
                                      .batch = 0,
                                      .weightVariance = 2.0,
                                      .biasVariance = 0.1,
                                      .inputMean = 1.5,
                                      .inputVariance = 0.25});
    EXPECT_EQ(layers[0].mean, 1.5);
    EXPECT_EQ(layers[0].variance, 0.25);
    const GaussianMoments input = gaussianMoments(relu, relu.defaults(), 1.5, 0.25);
    EXPECT_NEAR(layers[1].variance, 2.0 * input.f2 + 0.1, 1e-14);
    EXPECT_EQ(layers[1].mean, 0.0);
    EXPECT_NEAR(layers[2].variance, layers[1].variance + 0.1, 1e-12);
}

TEST(DepthProfile, StepBlocksGradientsCompletely)
{
    const Activation& step = byId("step");
    const auto layers = depthProfile(step, step.defaults(), {.depth = 5, .batch = 0});
    EXPECT_EQ(layers[0].log10GradientNorm, -std::numeric_limits<double>::infinity());
    EXPECT_NEAR(layers[1].variance, 0.5, 1e-14);  // σ_w² E[step²] = P(z ≥ 0)
}

// ---- batch statistics: how alike two inputs become, and units dead for a whole batch ----------

// For ReLU at σ_w² = 2 the correlation of two inputs follows the arc-cosine kernel (Cho and Saul):
// c′ = (√(1 − c²) + (π − arccos c)·c)/π, starting from c¹ = E[relu(x)]²/E[relu(x)²] = 1/π.
// Far beyond an activation's bends (or deep inside them) the profile scales the moments instead
// of integrating every layer again. Layer by layer, that must give what integrating gives.
TEST(DepthProfile, ScalingPastTheBendsChangesNothing)
{
    for (const char* id : {"identity", "relu", "leaky_relu", "softplus", "elu", "selu", "gelu", "hard_swish",
                           "squareplus", "tanh"}) {
        const Activation& a = byId(id);
        for (const double weights : {0.5, 2.5}) {
            const auto layers =
                depthProfile(a, a.defaults(), {.depth = 200, .batch = 0, .weightVariance = weights});
            for (std::size_t l = 0; l + 1 < layers.size(); ++l) {
                const double q = layers[l].variance;
                const std::string where = std::string(id) + " σ_w²=" + std::to_string(weights) + " layer " +
                                          std::to_string(l) + " q=" + std::to_string(q);
                expectRelative(layers[l + 1].variance, varianceMap(a, a.defaults(), q, weights, 0.0), 1e-12,
                               "next q " + where);
                expectRelative(layers[l].gradientFactor, gradientFactor(a, a.defaults(), q, weights), 1e-12,
                               "χ " + where);
            }
        }
    }
}

TEST(BatchTheory, ReluCorrelationFollowsTheArcCosineKernel)
{
    const Activation& relu = byId("relu");
    const auto layers =
        depthProfile(relu, relu.defaults(), {.depth = 200, .batch = 64, .weightVariance = 2.0});
    EXPECT_EQ(layers[0].correlation, 0.0);
    double c = 1.0 / std::numbers::pi;
    for (std::size_t l = 1; l < layers.size(); ++l) {
        // 1 − c shrinks towards 0: compare it relatively, the quantity the dead fraction hangs on.
        expectRelative(1.0 - layers[l].correlation, 1.0 - c, 1e-5, "layer " + std::to_string(l));
        c = (std::sqrt(1.0 - c * c) + (std::numbers::pi - std::acos(c)) * c) / std::numbers::pi;
    }
}

TEST(BatchTheory, ReluUnitsDieAsTheInputsBecomeAlike)
{
    const Activation& relu = byId("relu");
    const auto layers =
        depthProfile(relu, relu.defaults(), {.depth = 200, .batch = 64, .weightVariance = 2.0});
    // Independent inputs: a unit is off for all 64 with probability 2⁻⁶⁴.
    EXPECT_NEAR(layers[0].deadFraction, std::pow(0.5, 64), 1e-30);
    for (std::size_t l = 1; l < layers.size(); ++l) {
        EXPECT_GT(layers[l].deadFraction, layers[l - 1].deadFraction) << "layer " << l;
        // Never more than the share of single inputs with f′ = 0, which it approaches.
        EXPECT_LT(layers[l].deadFraction, layers[l].deadMass) << "layer " << l;
    }
    EXPECT_GT(layers.back().deadFraction, 0.45);
    // ReLU is positively homogeneous: the weight scale changes the variance, not the correlation.
    const auto lecun = depthProfile(relu, relu.defaults(), {.depth = 200, .batch = 64});
    for (std::size_t l = 0; l < layers.size(); l += 20)
        EXPECT_NEAR(lecun[l].deadFraction, layers[l].deadFraction, 1e-9) << "layer " << l;
}

TEST(BatchTheory, InputsBelowTheKinkAreDeadForTheWholeBatch)
{
    const Activation& relu = byId("relu");
    // Inputs ~ N(−3, 1): each coordinate is negative for all 64 inputs with probability Φ(3)⁶⁴.
    const auto layers = depthProfile(relu, relu.defaults(),
                                     {.depth = 3, .batch = 64, .weightVariance = 2.0, .inputMean = -3.0});
    expectRelative(layers[0].deadFraction, std::pow(normalCdf(3.0), 64), 1e-12, "inputs");
}

TEST(BatchTheory, NothingDiesWhereTheDerivativeNeverVanishes)
{
    for (const char* id : {"tanh", "selu", "gelu", "leaky_relu", "snake"}) {
        const Activation& a = byId(id);
        const auto layers = depthProfile(a, a.defaults(), {.depth = 20, .batch = 64, .inputMean = 0.5});
        for (const TheoryLayer& layer : layers) {
            EXPECT_EQ(layer.deadFraction, 0.0) << id;
            EXPECT_TRUE(std::isnan(layer.correlation)) << id;
        }
    }
}

TEST(BatchTheory, AddedLaterEqualsComputedAtOnce)
{
    const Activation& relu6 = byId("relu6");
    const DepthNetwork with{.depth = 40,
                            .batch = 32,
                            .weightVariance = 2.0,
                            .biasVariance = 0.1,
                            .inputMean = 0.5,
                            .inputVariance = 2.0};
    DepthNetwork without = with;
    without.batch = 0;
    const auto direct = depthProfile(relu6, relu6.defaults(), with);
    auto later = depthProfile(relu6, relu6.defaults(), without);
    EXPECT_TRUE(std::isnan(later[5].deadFraction));
    addBatchStatistics(relu6, relu6.defaults(), with, later);
    for (std::size_t l = 0; l < direct.size(); ++l) {
        EXPECT_EQ(later[l].deadFraction, direct[l].deadFraction) << "layer " << l;
        EXPECT_EQ(later[l].correlation, direct[l].correlation) << "layer " << l;
    }
}

}  // namespace
}  // namespace ax::core
