// The random-network simulation: its statistics against the wide-network theory, the classic
// behaviours (self-normalisation, vanishing gradients, dead units), reproducibility and cancelling.

#include "core/depth/depth_simulation.h"
#include "core/activation.h"
#include "core/catalog.h"
#include "core/depth/depth_theory.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace ax::core {
namespace {

const Activation& byId(const std::string& id)
{
    const Activation* a = findActivation(id);
    if (a == nullptr) throw std::runtime_error("no activation " + id);
    return *a;
}

class SimulationMatchesTheory : public ::testing::TestWithParam<std::string> {};

// Each layer's measured variance is the theory's map of the previous measured layer plus sampling
// noise; the noise of earlier layers is carried forward by the map's slope. The comparison with the
// theory's own trajectory allows four of those propagated standard errors.
TEST_P(SimulationMatchesTheory, VariancePerLayerWithinFourStandardErrors)
{
    const Activation& a = byId(GetParam());
    const DepthNetwork s{.width = 1024,
                         .depth = 8,
                         .batch = 64,
                         .weightVariance = GetParam() == "relu" ? 2.0 : 1.0,
                         .biasVariance = GetParam() == "tanh" ? 0.05 : 0.0,
                         .seed = 7};
    const SimulationResult sim = simulateDepth(a, a.defaults(), s);
    ASSERT_FALSE(sim.cancelled);
    ASSERT_EQ(sim.layers.size(), 9u);
    const auto theory = depthProfile(
        a, a.defaults(),
        {.depth = s.depth, .batch = 0, .weightVariance = s.weightVariance, .biasVariance = s.biasVariance});

    double propagated = 0.0;
    for (std::size_t l = 0; l < sim.layers.size(); ++l) {
        if (l > 0) {
            const double slope = varianceMapSlope(a, a.defaults(), theory[l - 1].variance, s.weightVariance);
            propagated *= slope * slope;
        }
        propagated += sim.layers[l].varianceError * sim.layers[l].varianceError;
        const double error = std::sqrt(propagated);
        EXPECT_GT(error, 0.0);
        // A finite network's variance is a random walk around the theory (for ReLU at σ_w² = 2 an
        // unbiased one); the check is only worth something while that walk stays narrow.
        EXPECT_LT(error, 0.12 * theory[l].variance) << "the check would be too loose to mean anything";
        EXPECT_NEAR(sim.layers[l].variance, theory[l].variance, 4.0 * error) << GetParam() << " layer " << l;
        // Zero-mean weights centre every layer after the input up to the same kind of noise.
        EXPECT_NEAR(sim.layers[l].mean, 0.0, 0.1 * std::sqrt(theory[l].variance))
            << GetParam() << " layer " << l;
    }
}

INSTANTIATE_TEST_SUITE_P(Depth, SimulationMatchesTheory, ::testing::Values("tanh", "relu", "selu"));

TEST(DepthSimulation, SeluKeepsUnitsNormalisedOverFiftyLayers)
{
    const Activation& selu = byId("selu");
    DepthNetwork s{.width = 256, .depth = 50, .batch = 64, .seed = 3};
    const SimulationResult sim = simulateDepth(selu, selu.defaults(), s);
    ASSERT_EQ(sim.layers.size(), 51u);
    for (std::size_t l = 0; l < sim.layers.size(); ++l) {
        EXPECT_NEAR(sim.layers[l].activationMean, 0.0, 0.15) << "layer " << l;
        EXPECT_NEAR(sim.layers[l].activationVariance, 1.0, 0.2) << "layer " << l;
        EXPECT_NEAR(sim.layers[l].variance, 1.0, 0.2) << "layer " << l;
    }
}

TEST(DepthSimulation, SigmoidGradientsVanishAsTheTheorySays)
{
    const Activation& sigmoid = byId("sigmoid");
    DepthNetwork s{.width = 256, .depth = 20, .batch = 32};
    const SimulationResult sim = simulateDepth(sigmoid, sigmoid.defaults(), s);
    const auto theory = depthProfile(sigmoid, sigmoid.defaults(), {.depth = s.depth, .batch = 0});
    EXPECT_EQ(sim.layers.back().gradientNorm, 1.0);
    for (std::size_t l = 0; l + 1 < sim.layers.size(); ++l)
        EXPECT_LT(sim.layers[l].gradientNorm, sim.layers[l + 1].gradientNorm) << "layer " << l;
    const double measured = std::log10(sim.layers[0].gradientNorm);
    EXPECT_LT(measured, -10.0);
    EXPECT_NEAR(measured, theory[0].log10GradientNorm, 0.3);
}

TEST(DepthSimulation, ReluWithHeInitialisationKeepsVarianceAndGradients)
{
    const Activation& relu = byId("relu");
    DepthNetwork s{.width = 512, .depth = 30, .batch = 32, .weightVariance = 2.0};
    const SimulationResult sim = simulateDepth(relu, relu.defaults(), s);
    EXPECT_NEAR(sim.layers.back().variance, 1.0, 0.3);
    EXPECT_NEAR(std::log10(sim.layers.front().gradientNorm), 0.0, 0.3);
    // LeCun's σ_w² = 1 halves it per layer instead: 2⁻³⁰ after thirty layers.
    s.weightVariance = 1.0;
    const SimulationResult lecun = simulateDepth(relu, relu.defaults(), s);
    EXPECT_NEAR(std::log2(lecun.layers.back().variance), -30.0, 1.0);
}

// Units dead for the whole batch, counted in a network of width 1,024, against the wide-network
// theory: within four binomial standard errors of the count at every layer.
TEST(DepthSimulation, DeadReluUnitsMatchTheTheoryLayerByLayer)
{
    const Activation& relu = byId("relu");
    DepthNetwork s{.width = 1024, .depth = 30, .batch = 64, .weightVariance = 2.0, .seed = 3};
    const SimulationResult sim = simulateDepth(relu, relu.defaults(), s);
    ASSERT_EQ(sim.layers.size(), 31u);
    const auto theory =
        depthProfile(relu, relu.defaults(), {.depth = s.depth, .batch = s.batch, .weightVariance = 2.0});
    for (std::size_t l = 0; l < sim.layers.size(); ++l) {
        const double p = theory[l].deadFraction;
        const double error = std::sqrt(std::max(p * (1.0 - p), 1.0 / s.width) / s.width);
        EXPECT_NEAR(sim.layers[l].deadFraction, p, 4.0 * error) << "layer " << l;
    }
    EXPECT_GT(theory.back().deadFraction, 0.3);
}

TEST(DepthSimulation, NegativeInputsLeaveReluUnitsDead)
{
    const Activation& relu = byId("relu");
    DepthNetwork s{.width = 256, .depth = 3, .batch = 64, .inputMean = -3.0};
    const SimulationResult shifted = simulateDepth(relu, relu.defaults(), s);
    // A unit is dead when all 64 inputs fall below 0: Φ(3)⁶⁴ ≈ 0.92 of them.
    EXPECT_GT(shifted.layers[0].deadFraction, 0.85);

    s.inputMean = 0.0;
    const SimulationResult centred = simulateDepth(relu, relu.defaults(), s);
    EXPECT_EQ(centred.layers[0].deadFraction, 0.0);
    // Later layers share a positive offset per unit, which leaves a few units dead by chance.
    for (const SimulatedLayer& layer : centred.layers)
        EXPECT_LT(layer.deadFraction, 0.05);

    // Large random biases push whole units below zero for every input, layer after layer.
    s.biasVariance = 9.0;
    const SimulationResult biased = simulateDepth(relu, relu.defaults(), s);
    for (std::size_t l = 1; l < biased.layers.size(); ++l)
        EXPECT_GT(biased.layers[l].deadFraction, 0.2);

    const Activation& tanh = byId("tanh");
    for (const SimulatedLayer& layer : simulateDepth(tanh, tanh.defaults(), s).layers)
        EXPECT_EQ(layer.deadFraction, 0.0);
}

// Far below −745, eᶻ underflows and ELU's f′ is exactly 0 in double precision; the unit still
// passes a gradient in exact arithmetic, and the charts call that tail saturated, not dead. The
// simulation counts it the same way, while ReLU's units there are dead.
TEST(DepthSimulation, AnUnderflowingDerivativeIsNotADeadUnit)
{
    DepthNetwork s{.width = 64, .depth = 1, .batch = 16, .inputMean = -800.0, .inputVariance = 1.0};
    const Activation& elu = byId("elu");
    const SimulationResult underflowing = simulateDepth(elu, elu.defaults(), s);
    ASSERT_FALSE(underflowing.cancelled);
    EXPECT_EQ(elu.evaluate(-800.0, elu.defaults()).d1, 0.0) << "the premise: f′ underflows there";
    EXPECT_EQ(underflowing.layers[0].deadFraction, 0.0);
    const Activation& relu = byId("relu");
    EXPECT_EQ(simulateDepth(relu, relu.defaults(), s).layers[0].deadFraction, 1.0);
}

TEST(DepthSimulation, SameSeedSameNumbersOtherSeedOtherNumbers)
{
    const Activation& elu = byId("elu");
    DepthNetwork s{.width = 64, .depth = 8, .batch = 16, .biasVariance = 0.1, .seed = 12345};
    const SimulationResult first = simulateDepth(elu, elu.defaults(), s);
    const SimulationResult second = simulateDepth(elu, elu.defaults(), s);
    ASSERT_EQ(first.layers.size(), second.layers.size());
    for (std::size_t l = 0; l < first.layers.size(); ++l) {
        EXPECT_EQ(first.layers[l].mean, second.layers[l].mean);
        EXPECT_EQ(first.layers[l].variance, second.layers[l].variance);
        EXPECT_EQ(first.layers[l].gradientNorm, second.layers[l].gradientNorm);
        EXPECT_EQ(first.layers[l].deadFraction, second.layers[l].deadFraction);
    }
    s.seed = 12346;
    const SimulationResult other = simulateDepth(elu, elu.defaults(), s);
    EXPECT_NE(first.layers[4].variance, other.layers[4].variance);
    EXPECT_NE(first.layers[0].gradientNorm, other.layers[0].gradientNorm);
}

TEST(DepthSimulation, ReportsProgressAndStopsWhenCancelled)
{
    const Activation& tanh = byId("tanh");
    DepthNetwork s{.width = 64, .depth = 40, .batch = 8};
    int calls = 0;
    int lastDone = 0;
    int lastTotal = 0;
    const SimulationResult full = simulateDepth(tanh, tanh.defaults(), s, {}, [&](int done, int total) {
        ++calls;
        EXPECT_EQ(done, lastDone + 1);
        lastDone = done;
        lastTotal = total;
    });
    EXPECT_FALSE(full.cancelled);
    EXPECT_EQ(calls, 81);
    EXPECT_EQ(lastTotal, 81);

    std::stop_source source;
    calls = 0;
    const SimulationResult cut =
        simulateDepth(tanh, tanh.defaults(), s, source.get_token(), [&](int done, int) {
            ++calls;
            if (done == 5) source.request_stop();
        });
    EXPECT_TRUE(cut.cancelled);
    EXPECT_EQ(calls, 5);
    EXPECT_EQ(cut.layers.size(), 5u);
    EXPECT_TRUE(std::isnan(cut.layers[0].gradientNorm));
}

TEST(DepthSimulation, RefusesSettingsItCannotRun)
{
    DepthNetwork s;
    EXPECT_FALSE(validateSimulation(s).has_value());
    s.width = 2048;
    EXPECT_TRUE(validateSimulation(s).has_value());
    s.width = 256;
    s.depth = 0;
    EXPECT_TRUE(validateSimulation(s).has_value());
    s.depth = 10;
    s.weightVariance = -1.0;
    EXPECT_TRUE(validateSimulation(s).has_value());
    const Activation& relu = byId("relu");
    const SimulationResult refused = simulateDepth(relu, relu.defaults(), s);
    EXPECT_TRUE(refused.layers.empty());
}

}  // namespace
}  // namespace ax::core
