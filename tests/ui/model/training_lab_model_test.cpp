// The training lab's model without a widget: it races the shown activations off the GUI thread,
// takes single steps and plays on request, starts the same race again on reset, restarts when a
// setting changes, and rests while off screen.

#include "ui/model/training_lab_model.h"
#include "ui/model/explorer_state.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <chrono>

namespace ax::ui {
namespace {

using namespace std::chrono_literals;

// A small, quick race: two moons, two layers of eight units.
void useSmallRace(ExplorerState& state, const QStringList& ids)
{
    state.setEnabledIds(ids);
    core::RaceSettings race = state.trainingLab();
    race.data.kind = core::DatasetKind::Moons;
    race.data.samples = 120;
    race.network.depth = 2;
    race.network.width = 8;
    ASSERT_FALSE(state.setTrainingLab(race).has_value());
}

// A race that plays for several seconds before reaching the model's last step: the default one of
// four layers of 32 units, on a large data set.
void usePlayingRace(ExplorerState& state, const QStringList& ids)
{
    state.setEnabledIds(ids);
    core::RaceSettings race = state.trainingLab();
    race.data.samples = core::kMaxSamples;
    race.optimiser.batchSize = 256;
    ASSERT_FALSE(state.setTrainingLab(race).has_value());
}

// Waits for the model to catch up with what was asked, then for the window's refresh.
void settle(TrainingLabModel& model)
{
    ASSERT_TRUE(model.waitUntilIdle(20s));
    QCoreApplication::processEvents();
}

TEST(TrainingLabModelTest, RacesTheShownActivationsOnceOnScreen)
{
    ExplorerState state;
    useSmallRace(state, {QStringLiteral("relu"), QStringLiteral("tanh")});
    TrainingLabModel model(state);
    // Nothing is built or trained before the lab is shown.
    EXPECT_TRUE(model.contestantIds().isEmpty());
    model.setOnScreen(true);
    settle(model);
    // In catalog order, as the charts list them.
    EXPECT_EQ(model.contestantIds(), (QStringList{QStringLiteral("tanh"), QStringLiteral("relu")}));
    ASSERT_EQ(model.snapshot().contestants.size(), 2u);
    EXPECT_EQ(model.step(), 0);
    EXPECT_FALSE(model.dataset().train.empty());
    // Step 0 is measured and the regions drawn before any training.
    EXPECT_EQ(model.snapshot().contestants[0].measurements.size(), 1u);
    EXPECT_EQ(model.snapshot().contestants[0].regions.step, 0);
    EXPECT_EQ(model.snapshot().contestants[0].regions.resolution, TrainingLabModel::kRegionResolution);
}

TEST(TrainingLabModelTest, StepsResetAndAResetRaceRunsTheSameWay)
{
    ExplorerState state;
    useSmallRace(state, {QStringLiteral("elu")});
    TrainingLabModel model(state);
    model.setOnScreen(true);
    settle(model);
    model.advanceBy(30);
    settle(model);
    EXPECT_EQ(model.step(), 30);
    EXPECT_EQ(model.snapshot().contestants[0].regions.step, 30);  // the regions follow a single step
    const double loss = model.snapshot().contestants[0].measurements.back().trainLoss;
    EXPECT_LT(loss, model.snapshot().contestants[0].measurements.front().trainLoss);

    model.reset();
    settle(model);
    EXPECT_EQ(model.step(), 0);
    model.advanceBy(30);
    settle(model);
    EXPECT_EQ(model.snapshot().contestants[0].measurements.back().trainLoss, loss);  // bit for bit
}

TEST(TrainingLabModelTest, PlaysUntilPausedAndTellsItsSpeed)
{
    ExplorerState state;
    usePlayingRace(state, {QStringLiteral("relu"), QStringLiteral("gelu"), QStringLiteral("mish")});
    TrainingLabModel model(state);
    model.setOnScreen(true);
    settle(model);
    QSignalSpy playing(&model, &TrainingLabModel::playingChanged);
    model.play();
    EXPECT_TRUE(model.isPlaying());
    QElapsedTimer clock;
    clock.start();
    // The speed is taken over half a second of playing.
    while ((model.step() < 50 || model.stepsPerSecond() == 0.0) && clock.elapsed() < 20000)
        QTest::qWait(20);
    EXPECT_GE(model.step(), 50);
    EXPECT_GT(model.stepsPerSecond(), 0.0);
    EXPECT_TRUE(model.isPlaying());
    model.pause();
    settle(model);
    const int stopped = model.step();
    QTest::qWait(300);
    QCoreApplication::processEvents();
    EXPECT_EQ(model.step(), stopped);
    EXPECT_EQ(model.stepsPerSecond(), 0.0);
    ASSERT_EQ(playing.count(), 2);
    EXPECT_FALSE(playing.at(1).at(0).toBool());
}

TEST(TrainingLabModelTest, AChangedSettingOrShownActivationStartsANewRace)
{
    ExplorerState state;
    useSmallRace(state, {QStringLiteral("relu")});
    TrainingLabModel model(state);
    model.setOnScreen(true);
    settle(model);
    model.advanceBy(20);
    settle(model);
    ASSERT_EQ(model.step(), 20);

    core::RaceSettings race = state.trainingLab();
    race.network.width = 12;
    ASSERT_FALSE(state.setTrainingLab(race).has_value());
    QSignalSpy updated(&model, &TrainingLabModel::updated);
    ASSERT_TRUE(updated.wait(5000));
    settle(model);
    EXPECT_EQ(model.step(), 0);

    state.setEnabled(QStringLiteral("gelu"), true);
    ASSERT_TRUE(updated.wait(5000));
    settle(model);
    EXPECT_EQ(model.contestantIds(), (QStringList{QStringLiteral("relu"), QStringLiteral("gelu")}));
}

TEST(TrainingLabModelTest, SaysWhyNoRaceRunsWithoutActivations)
{
    ExplorerState state;
    state.setEnabledIds({});
    TrainingLabModel model(state);
    model.setOnScreen(true);
    EXPECT_TRUE(model.contestantIds().isEmpty());
    EXPECT_TRUE(model.problem().contains(QStringLiteral("Show one or more activations")));
    model.play();
    EXPECT_FALSE(model.isPlaying());
}

TEST(TrainingLabModelTest, RestsOffScreenAndGoesOnWhenShownAgain)
{
    ExplorerState state;
    usePlayingRace(state, {QStringLiteral("relu"), QStringLiteral("gelu"), QStringLiteral("mish")});
    TrainingLabModel model(state);
    model.setOnScreen(true);
    settle(model);
    model.play();
    QTest::qWait(200);
    model.setOnScreen(false);
    // What was under way ends (however long a loaded machine takes), and its result arrives.
    while (!model.waitUntilIdle(std::chrono::milliseconds(10)))
        QCoreApplication::processEvents();
    QTest::qWait(50);
    QCoreApplication::processEvents();
    const int resting = model.step();
    QTest::qWait(400);
    QCoreApplication::processEvents();
    EXPECT_EQ(model.step(), resting);
    EXPECT_TRUE(model.isPlaying());  // still meant to play: it goes on when shown
    model.setOnScreen(true);
    QElapsedTimer clock;
    clock.start();
    while (model.step() <= resting && clock.elapsed() < 20000)
        QTest::qWait(20);
    EXPECT_GT(model.step(), resting);
    model.pause();
}

TEST(TrainingLabModelTest, SettingsTravelWithTheSessionAndBadOnesAreRefused)
{
    ExplorerState state;
    core::RaceSettings race = state.trainingLab();
    race.data.kind = core::DatasetKind::Xor;
    race.network.depth = 8;
    race.network.initialisation = core::Initialisation::He;
    race.optimiser.kind = core::OptimiserKind::SgdMomentum;
    race.optimiser.learningRate = 0.3;
    race.seed = 77;
    ASSERT_FALSE(state.setTrainingLab(race).has_value());
    ExplorerState copy;
    ASSERT_FALSE(copy.fromJson(state.toJson()).has_value());
    EXPECT_EQ(copy.trainingLab(), race);

    race.network.depth = 17;
    const auto error = state.setTrainingLab(race);
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->contains(QStringLiteral("training lab"))) << error->toStdString();
    EXPECT_EQ(state.trainingLab().network.depth, 8);  // unchanged

    QJsonObject json = state.toJson();
    QJsonObject lab = json.value(QStringLiteral("trainingLab")).toObject();
    lab.insert(QStringLiteral("dataset"), QStringLiteral("galaxies"));
    json.insert(QStringLiteral("trainingLab"), lab);
    const auto refused = copy.fromJson(json);
    ASSERT_TRUE(refused.has_value());
    EXPECT_TRUE(refused->contains(QStringLiteral("dataset"))) << refused->toStdString();
    lab.insert(QStringLiteral("dataset"), QStringLiteral("moons"));
    lab.insert(QStringLiteral("width"), 500);
    json.insert(QStringLiteral("trainingLab"), lab);
    ASSERT_TRUE(copy.fromJson(json).has_value());
}

}  // namespace
}  // namespace ax::ui
