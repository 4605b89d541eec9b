// Backpropagation against central finite differences for every catalog activation and a custom
// one, on small networks away from kinks; the initialisation schemes; the optimisers' first steps.

#include "core/training/training_network.h"
#include "core/catalog.h"
#include "core/formula/custom_activation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace ax::core {
namespace {

constexpr int kDepth = 2;
constexpr int kWidth = 5;

// The hidden pre-activations of every point, computed here from the parameter layout without the
// network's own code, to keep every finite-difference step away from the activation's kinks.
double distanceToKinks(const Activation& a, const ParameterValues& p, const std::vector<double>& theta,
                       const Dataset& data, int outputs)
{
    const std::vector<Kink> kinks = a.kinks ? a.kinks(p) : std::vector<Kink>{};
    if (kinks.empty()) return INFINITY;
    double nearest = INFINITY;
    for (const DataPoint& point : data.train) {
        std::vector<double> in(point.input.begin(), point.input.begin() + data.inputCount);
        std::size_t at = 0;
        for (int l = 0; l < kDepth; ++l) {
            const std::size_t fanIn = in.size();
            std::vector<double> h(kWidth, 0.0);
            for (std::size_t c = 0; c < fanIn; ++c)
                for (int r = 0; r < kWidth; ++r)
                    h[static_cast<std::size_t>(r)] +=
                        theta[at + c * kWidth + static_cast<std::size_t>(r)] * in[c];
            at += fanIn * kWidth;
            for (int r = 0; r < kWidth; ++r)
                h[static_cast<std::size_t>(r)] += theta[at + static_cast<std::size_t>(r)];
            at += kWidth;
            for (double z : h)
                for (const Kink& k : kinks)
                    nearest = std::min(nearest, std::fabs(z - k.z));
            in.assign(h.size(), 0.0);
            for (std::size_t r = 0; r < h.size(); ++r)
                in[r] = a.evaluate(h[r], p).f;
        }
        (void)outputs;
    }
    return nearest;
}

void expectGradientMatchesFiniteDifferences(const Activation& a, const ParameterValues& p, DatasetKind kind)
{
    const Dataset data =
        generateDataset({.kind = kind, .samples = 24, .noise = 0.1, .blobClasses = 3, .seed = 5});
    const int outputs = data.isRegression() ? 1 : data.classCount;
    constexpr double kL2 = 0.01;
    constexpr double kStep = 1e-5;
    // A network whose pre-activations all keep 1e-3 from every kink; the finite-difference steps
    // move them by far less.
    for (std::uint64_t seed = 1; seed < 200; ++seed) {
        TrainingNetwork network(a, p, {.depth = kDepth, .width = kWidth}, data.inputCount, data.classCount,
                                seed);
        std::vector<double> theta = network.parameters();
        // Non-zero biases, so that the bias gradients are tested at a general point too.
        for (double& v : theta)
            if (v == 0.0) v = 0.05 * static_cast<double>((&v - theta.data()) % 7) - 0.15;
        network.setParameters(theta);
        if (distanceToKinks(a, p, theta, data, outputs) < 1e-3) continue;

        const std::vector<double> gradient = network.gradient(data.train, kL2);
        ASSERT_EQ(gradient.size(), theta.size());
        double largest = 0.0;
        for (std::size_t i = 0; i < theta.size(); ++i) {
            std::vector<double> shifted = theta;
            shifted[i] = theta[i] + kStep;
            network.setParameters(shifted);
            const double up = network.loss(data.train, kL2);
            shifted[i] = theta[i] - kStep;
            network.setParameters(shifted);
            const double down = network.loss(data.train, kL2);
            const double numeric = (up - down) / (2.0 * kStep);
            largest = std::max(largest, std::fabs(gradient[i]));
            // The difference quotient's rounding grows with the loss itself (ε·|L|/h): large for a
            // stack of exponentials, negligible for the rest.
            const double rounding = 100.0 * std::numeric_limits<double>::epsilon() *
                                    std::max(std::fabs(up), std::fabs(down)) / kStep;
            EXPECT_NEAR(gradient[i], numeric, 1e-7 + 1e-6 * std::fabs(numeric) + rounding)
                << a.id << " " << datasetName(kind) << " parameter " << i;
        }
        EXPECT_GT(largest, 1e-3) << a.id << ": the check must see real gradients";
        return;
    }
    ADD_FAILURE() << a.id << ": no network kept away from the kinks";
}

class BackpropagationMatchesFiniteDifferences : public ::testing::TestWithParam<std::size_t> {};

TEST_P(BackpropagationMatchesFiniteDifferences, SoftmaxCrossEntropyAndMeanSquaredError)
{
    const Activation& a = catalog()[GetParam()];
    expectGradientMatchesFiniteDifferences(a, a.defaults(), DatasetKind::Blobs);
    expectGradientMatchesFiniteDifferences(a, a.defaults(), DatasetKind::Sine);
}

INSTANTIATE_TEST_SUITE_P(EveryCatalogActivation, BackpropagationMatchesFiniteDifferences,
                         ::testing::Range<std::size_t>(0, catalog().size()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                             return catalog()[info.param].id;
                         });

TEST(BackpropagationMatchesFiniteDifferences, CustomActivationAtNonDefaultParameters)
{
    const CustomBuildResult built = buildCustomActivation(
        {.id = "custom_1", .name = "Gated", .formula = "z * sigmoid(b*z)", .parameters = {}});
    ASSERT_TRUE(built.ok());
    ParameterValues p{};
    p[0] = 1.7;
    expectGradientMatchesFiniteDifferences(built.custom->activation, p, DatasetKind::Moons);
}

TEST(BackpropagationMatchesFiniteDifferences, NonDefaultCatalogParameters)
{
    const Activation& elu = *findActivation("elu");
    ParameterValues p = elu.defaults();
    p[0] = 0.4;  // f′ jumps at 0 for α ≠ 1
    expectGradientMatchesFiniteDifferences(elu, p, DatasetKind::Circles);
}

TEST(Initialisation, RecommendedSchemePerFamily)
{
    const auto scheme = [](const char* id) {
        const Activation& a = *findActivation(id);
        return recommendedInitialisation(a, a.defaults());
    };
    EXPECT_EQ(scheme("selu"), Initialisation::LeCun);
    EXPECT_EQ(scheme("identity"), Initialisation::LeCun);
    EXPECT_EQ(scheme("relu"), Initialisation::He);
    EXPECT_EQ(scheme("leaky_relu"), Initialisation::He);
    EXPECT_EQ(scheme("gelu"), Initialisation::He);
    EXPECT_EQ(scheme("elu"), Initialisation::He);
    EXPECT_EQ(scheme("sigmoid"), Initialisation::Glorot);
    EXPECT_EQ(scheme("tanh"), Initialisation::Glorot);
    for (const Activation& a : catalog())
        EXPECT_NE(recommendedInitialisation(a, a.defaults()), Initialisation::Recommended) << a.id;

    // A custom activation is judged by its properties: x·σ(x) is bounded below only, like the rectifiers.
    const CustomBuildResult built = buildCustomActivation(
        {.id = "custom_1", .name = "Gated", .formula = "z * sigmoid(z)", .parameters = {}});
    ASSERT_TRUE(built.ok());
    EXPECT_NE(recommendedInitialisation(built.custom->activation, built.custom->activation.defaults()),
              Initialisation::Recommended);
}

TEST(Initialisation, EveryActivationStartsFromTheSameDrawsScaledByItsScheme)
{
    const Activation& relu = *findActivation("relu");  // He: σ² = 2/fan_in
    const Activation& selu = *findActivation("selu");  // LeCun: σ² = 1/fan_in
    const Activation& tanh = *findActivation("tanh");  // Glorot: σ² = 2/(fan_in + fan_out)
    const NetworkShape shape{.depth = 3, .width = 16};
    const TrainingNetwork he(relu, relu.defaults(), shape, 2, 2, 9);
    const TrainingNetwork lecun(selu, selu.defaults(), shape, 2, 2, 9);
    const TrainingNetwork glorot(tanh, tanh.defaults(), shape, 2, 2, 9);
    const std::vector<double> a = he.parameters();
    const std::vector<double> b = lecun.parameters();
    const std::vector<double> c = glorot.parameters();
    ASSERT_EQ(a.size(), b.size());
    // The second hidden layer's weights (fan-in = fan-out = 16) start at 2·16 + 16.
    const std::size_t from = 2 * 16 + 16;
    for (std::size_t i = from; i < from + 16 * 16; ++i) {
        EXPECT_NEAR(a[i], std::sqrt(2.0) * b[i], 1e-15) << i;
        EXPECT_NEAR(c[i], b[i], 1e-15) << i;  // 2/(16 + 16) = 1/16
    }
    // The linear output layer is LeCun-initialised for all.
    for (std::size_t i = a.size() - (16 * 2 + 2); i < a.size(); ++i)
        EXPECT_EQ(a[i], b[i]) << i;
}

TEST(TrainingNetwork, OneAdamStepMovesEveryWeightByTheLearningRate)
{
    // Adam's first step is lr · g/|g| (bias-corrected moments), so every weight with a non-zero
    // gradient moves by the learning rate, against its gradient.
    const Activation& tanh = *findActivation("tanh");
    const Dataset data = generateDataset({.kind = DatasetKind::Moons, .samples = 40, .seed = 2});
    TrainingNetwork network(tanh, tanh.defaults(), {.depth = 2, .width = 4}, 2, 2, 3);
    const std::vector<double> before = network.parameters();
    const std::vector<double> g = network.gradient(data.train, 0.0);
    network.trainStep(data.train, {.kind = OptimiserKind::Adam, .learningRate = 0.01, .epsilon = 1e-12});
    const std::vector<double> after = network.parameters();
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (std::fabs(g[i]) < 1e-9) continue;
        EXPECT_NEAR(after[i] - before[i], g[i] > 0 ? -0.01 : 0.01, 1e-9) << i;
    }
}

TEST(TrainingNetwork, SgdStepIsMinusLearningRateTimesGradientPlusL2)
{
    const Activation& relu = *findActivation("relu");
    const Dataset data = generateDataset({.kind = DatasetKind::Xor, .samples = 40, .seed = 2});
    TrainingNetwork network(relu, relu.defaults(), {.depth = 1, .width = 6}, 2, 2, 4);
    const std::vector<double> before = network.parameters();
    const std::vector<double> g = network.gradient(data.train, 0.1);
    network.trainStep(data.train,
                      {.kind = OptimiserKind::SgdMomentum, .learningRate = 0.5, .momentum = 0.9, .l2 = 0.1});
    const std::vector<double> after = network.parameters();
    for (std::size_t i = 0; i < before.size(); ++i)
        EXPECT_NEAR(after[i], before[i] - 0.5 * g[i], 1e-14) << i;
}

TEST(TrainingNetwork, ADivergingNetworkStopsAndSaysSo)
{
    // The exponential-free identity network at an absurd SGD rate: the loss overflows within a few
    // steps; the network must keep its last finite weights and report that it diverged.
    const Activation& identity = *findActivation("identity");
    const Dataset data = generateDataset({.kind = DatasetKind::Sine, .samples = 40, .seed = 2});
    TrainingNetwork network(identity, identity.defaults(), {.depth = 4, .width = 16}, 1, 0, 4);
    const OptimiserSettings wild{.kind = OptimiserKind::SgdMomentum, .learningRate = 10.0, .momentum = 0.9};
    for (int i = 0; i < 200 && !network.diverged(); ++i)
        network.trainStep(data.train, wild);
    ASSERT_TRUE(network.diverged());
    for (double v : network.parameters())
        ASSERT_TRUE(std::isfinite(v));
    const std::vector<double> frozen = network.parameters();
    network.trainStep(data.train, wild);
    EXPECT_EQ(network.parameters(), frozen);
}

TEST(TrainingNetwork, ValidationNamesTheField)
{
    EXPECT_FALSE(validateNetwork({.depth = 16, .width = 128}));
    EXPECT_NE(validateNetwork({.depth = 17, .width = 32})->find("depth"), std::string::npos);
    EXPECT_NE(validateNetwork({.depth = 4, .width = 1})->find("width"), std::string::npos);
    EXPECT_FALSE(validateOptimiser({}));
    EXPECT_NE(validateOptimiser({.learningRate = 0.0})->find("learning rate"), std::string::npos);
    EXPECT_NE(validateOptimiser({.momentum = 1.0})->find("momentum"), std::string::npos);
    EXPECT_NE(validateOptimiser({.batchSize = 0})->find("batch"), std::string::npos);
    EXPECT_NE(validateOptimiser({.l2 = -1.0})->find("L2"), std::string::npos);
}

}  // namespace
}  // namespace ax::core
