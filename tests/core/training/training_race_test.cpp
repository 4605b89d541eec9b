// A race: reproducible bit for bit whatever the number of threads, fair (the same draws and
// batches for every activation), readable in slices while it runs, and its decision regions.

#include "core/training/training_race.h"
#include "core/catalog.h"
#include "core/formula/custom_activation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <numeric>
#include <stop_token>
#include <string>
#include <vector>

namespace ax::core {
namespace {

std::vector<Contestant> contestants(std::initializer_list<const char*> ids)
{
    std::vector<Contestant> result;
    for (const char* id : ids) {
        const Activation& a = *findActivation(id);
        result.push_back({a, a.defaults()});
    }
    return result;
}

RaceSettings smallRace(std::uint64_t seed)
{
    RaceSettings s;
    s.data = {.kind = DatasetKind::Spirals, .samples = 200, .noise = 0.1, .seed = seed};
    s.network = {.depth = 3, .width = 16};
    s.optimiser = {.kind = OptimiserKind::Adam, .learningRate = 0.01, .batchSize = 16};
    s.seed = seed;
    s.measureEvery = 5;
    return s;
}

bool sameBits(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::vector<std::vector<double>> predictionsAfter(int threads, std::uint64_t seed, int steps)
{
    TrainingRace race(smallRace(seed), contestants({"relu", "tanh", "gelu", "selu", "snake"}), threads);
    race.advance(steps);
    std::vector<std::vector<double>> out;
    for (std::size_t i = 0; i < race.contestantCount(); ++i)
        out.push_back(race.predict(i, race.dataset().test));
    return out;
}

TEST(TrainingRace, TwoTrainingsWithOneSeedPredictTheSameBits)
{
    const auto first = predictionsAfter(2, 7, 40);
    const auto second = predictionsAfter(2, 7, 40);
    ASSERT_EQ(first.size(), 5u);
    for (std::size_t i = 0; i < first.size(); ++i)
        EXPECT_TRUE(sameBits(first[i], second[i])) << i;
}

TEST(TrainingRace, TheThreadCountChangesNoBit)
{
    const auto one = predictionsAfter(1, 3, 30);
    const auto two = predictionsAfter(2, 3, 30);
    const auto four = predictionsAfter(4, 3, 30);
    for (std::size_t i = 0; i < one.size(); ++i) {
        EXPECT_TRUE(sameBits(one[i], two[i])) << i;
        EXPECT_TRUE(sameBits(one[i], four[i])) << i;
    }
}

TEST(TrainingRace, SlicesGiveTheSameRaceAsOneRun)
{
    TrainingRace whole(smallRace(4), contestants({"elu", "swish"}));
    whole.advance(23);
    TrainingRace sliced(smallRace(4), contestants({"elu", "swish"}));
    for (int step : {1, 7, 2, 13})
        sliced.advance(step);
    ASSERT_EQ(sliced.step(), 23);
    for (std::size_t i = 0; i < 2; ++i)
        EXPECT_TRUE(
            sameBits(whole.predict(i, whole.dataset().test), sliced.predict(i, sliced.dataset().test)));
    const RaceSnapshot a = whole.snapshot();
    const RaceSnapshot b = sliced.snapshot();
    ASSERT_EQ(a.contestants[0].measurements.size(), b.contestants[0].measurements.size());
    for (std::size_t k = 0; k < a.contestants[0].measurements.size(); ++k) {
        EXPECT_EQ(a.contestants[0].measurements[k].step, b.contestants[0].measurements[k].step);
        EXPECT_EQ(a.contestants[0].measurements[k].trainLoss, b.contestants[0].measurements[k].trainLoss);
    }
}

TEST(TrainingRace, AnotherSeedIsAnotherRace)
{
    const auto a = predictionsAfter(2, 1, 10);
    const auto b = predictionsAfter(2, 2, 10);
    EXPECT_FALSE(sameBits(a[0], b[0]));
}

TEST(TrainingRace, TheSameActivationTwiceRunsTheSameRace)
{
    // Only the activation may differ between runners: the same one twice, under different names,
    // must end identical, which needs the same draws and the same batches in the same order.
    std::vector<Contestant> twins = contestants({"mish", "mish"});
    twins[1].activation.id = "mish_again";
    TrainingRace race(smallRace(5), twins);
    race.advance(25);
    EXPECT_TRUE(sameBits(race.predict(0, race.dataset().train), race.predict(1, race.dataset().train)));
    const RaceSnapshot s = race.snapshot();
    EXPECT_EQ(s.contestants[1].id, "mish_again");
}

TEST(TrainingRace, MeasurementsComeAtStepZeroAndEveryInterval)
{
    TrainingRace race(smallRace(1), contestants({"relu", "sigmoid"}));
    race.advance(12);
    const RaceSnapshot s = race.snapshot();
    EXPECT_EQ(s.step, 12);
    ASSERT_EQ(s.contestants.size(), 2u);
    const auto& m = s.contestants[0].measurements;
    ASSERT_EQ(m.size(), 3u);
    EXPECT_EQ(m[0].step, 0);
    EXPECT_EQ(m[1].step, 5);
    EXPECT_EQ(m[2].step, 10);
    for (const Measurement& one : m) {
        ASSERT_EQ(one.layers.size(), 3u);
        EXPECT_GE(one.trainAccuracy, 0.0);
        EXPECT_LE(one.trainAccuracy, 1.0);
        EXPECT_GT(one.testLoss, 0.0);
        for (const LayerReading& layer : one.layers) {
            EXPECT_GT(layer.gradientNorm, 0.0);
            EXPECT_GE(layer.deadShare, 0.0);
            EXPECT_LE(layer.deadShare, 1.0);
            EXPECT_GE(layer.activationVariance, 0.0);
        }
    }
    // Sigmoid has no dead region: an f′ of 0 would be saturation, never death.
    for (const Measurement& one : s.contestants[1].measurements)
        for (const LayerReading& layer : one.layers)
            EXPECT_EQ(layer.deadShare, 0.0);
    // Training lowers the loss.
    EXPECT_LT(m.back().trainLoss, m.front().trainLoss);

    // A reader asks only for what is new.
    const RaceSnapshot tail = race.snapshot(2);
    ASSERT_EQ(tail.contestants[0].measurements.size(), 1u);
    EXPECT_EQ(tail.contestants[0].measurements[0].step, 10);
    EXPECT_TRUE(race.snapshot(9).contestants[0].measurements.empty());
}

TEST(TrainingRace, AStopRequestEndsTheSliceAtAMeasurement)
{
    TrainingRace race(smallRace(1), contestants({"relu"}));
    race.advance(3);
    std::stop_source stop;
    stop.request_stop();
    race.advance(1000, stop.get_token());
    EXPECT_EQ(race.step(), 3);
}

TEST(TrainingRace, AdvancingNoStepsShowsTheUntrainedNetworks)
{
    TrainingRace race(smallRace(1), contestants({"relu"}));
    EXPECT_TRUE(race.snapshot().contestants[0].measurements.empty());
    race.advance(0);
    const RaceSnapshot s = race.snapshot();
    ASSERT_EQ(s.contestants[0].measurements.size(), 1u);
    EXPECT_EQ(s.contestants[0].measurements[0].step, 0);
    EXPECT_EQ(race.step(), 0);
    // The step-0 reading changes nothing: the race continues exactly like one started with steps.
    race.advance(9);
    TrainingRace direct(smallRace(1), contestants({"relu"}));
    direct.advance(9);
    EXPECT_TRUE(sameBits(race.predict(0, race.dataset().test), direct.predict(0, direct.dataset().test)));
}

TEST(TrainingRace, DecisionRegionsAreProbabilitiesOverTheData)
{
    RaceSettings s = smallRace(2);
    s.data.kind = DatasetKind::Blobs;
    s.data.blobClasses = 4;
    TrainingRace race(s, contestants({"relu", "tanh"}));
    race.advance(60);
    race.refreshDecisionRegions(24);
    const RaceSnapshot snap = race.snapshot();
    for (const ContestantHistory& h : snap.contestants) {
        const DecisionRegions& r = h.regions;
        EXPECT_EQ(r.step, 60);
        EXPECT_EQ(r.resolution, 24);
        EXPECT_EQ(r.classCount, 4);
        ASSERT_EQ(r.values.size(), 24u * 24u * 4u);
        for (std::size_t cell = 0; cell < 24u * 24u; ++cell) {
            double sum = 0.0;
            for (std::size_t c = 0; c < 4; ++c)
                sum += r.values[cell * 4 + c];
            ASSERT_NEAR(sum, 1.0, 1e-12);
        }
        // Every training point lies inside the grid, and after training the cell under most
        // points predicts their class.
        int right = 0;
        for (const DataPoint& p : race.dataset().train) {
            ASSERT_GT(p.input[0], r.xMin);
            ASSERT_LT(p.input[0], r.xMax);
            ASSERT_GT(p.input[1], r.yMin);
            ASSERT_LT(p.input[1], r.yMax);
            const auto column = static_cast<std::size_t>((p.input[0] - r.xMin) / (r.xMax - r.xMin) * 24);
            const auto row = static_cast<std::size_t>((p.input[1] - r.yMin) / (r.yMax - r.yMin) * 24);
            const double* cell = &r.values[(row * 24 + column) * 4];
            const auto best = static_cast<int>(std::max_element(cell, cell + 4) - cell);
            right += best == p.label ? 1 : 0;
        }
        EXPECT_GT(right, static_cast<int>(0.8 * race.dataset().train.size())) << h.id;
    }
}

TEST(TrainingRace, RegressionRegionsAreTheFittedCurve)
{
    RaceSettings s = smallRace(2);
    s.data = {.kind = DatasetKind::Abs, .samples = 100, .noise = 0.0, .seed = 3};
    TrainingRace race(s, contestants({"relu"}));
    race.advance(5);
    race.refreshDecisionRegions(50);
    const RaceSnapshot snapshot = race.snapshot();
    const DecisionRegions& r = snapshot.contestants[0].regions;
    ASSERT_EQ(r.values.size(), 50u);
    EXPECT_EQ(r.classCount, 0);
    std::vector<DataPoint> ends(2);
    ends[0].input = {r.xMin, 0.0};
    ends[1].input = {r.xMax, 0.0};
    const std::vector<double> direct = race.predict(0, ends);
    EXPECT_EQ(r.values.front(), direct[0]);
    EXPECT_EQ(r.values.back(), direct[1]);
    EXPECT_TRUE(std::isnan(snapshot.contestants[0].measurements[0].trainAccuracy));
}

TEST(TrainingRace, CustomActivationsRaceThroughTheSameInterface)
{
    const CustomBuildResult built =
        buildCustomActivation({.id = "custom_1", .name = "Cubic", .formula = "z + a*z^3", .parameters = {}});
    ASSERT_TRUE(built.ok());
    std::vector<Contestant> field = contestants({"tanh"});
    ParameterValues p{};
    p[0] = 0.1;
    field.push_back({built.custom->activation, p});
    TrainingRace race(smallRace(6), field);
    race.advance(10);
    const RaceSnapshot s = race.snapshot();
    EXPECT_EQ(s.contestants[1].id, "custom_1");
    EXPECT_LT(s.contestants[1].measurements.back().trainLoss,
              s.contestants[1].measurements.front().trainLoss);
}

TEST(TrainingRace, ValidationNamesWhatIsWrong)
{
    const auto field = contestants({"relu"});
    EXPECT_FALSE(validateRace(smallRace(1), field));
    EXPECT_NE(validateRace(smallRace(1), {})->find("at least one"), std::string::npos);
    RaceSettings s = smallRace(1);
    s.network.depth = 0;
    EXPECT_NE(validateRace(s, field)->find("depth"), std::string::npos);
    s = smallRace(1);
    s.measureEvery = 0;
    EXPECT_NE(validateRace(s, field)->find("measurements"), std::string::npos);
    s = smallRace(1);
    s.data.samples = 3;
    EXPECT_NE(validateRace(s, field)->find("samples"), std::string::npos);
    auto elu = contestants({"elu"});
    elu[0].parameters[0] = -1.0;
    EXPECT_EQ(*validateRace(smallRace(1), elu), "elu: alpha must be in [0, inf)");
}

}  // namespace
}  // namespace ax::core
