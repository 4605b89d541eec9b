// The training lab view: its tab in the window, controls that edit the race through the state,
// play, pause, step and reset, a thumbnail per shown activation that follows training, and the
// settings carried by a session.

#include "ui/widgets/training_lab_view.h"

#include "core/catalog.h"

#include "ui/model/explorer_state.h"
#include "ui/widgets/decision_region_grid.h"
#include "ui/widgets/decision_region_thumbnail.h"
#include "ui/widgets/main_window.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

namespace ax::ui {
namespace {

using namespace std::chrono_literals;

class TrainingLabViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        state.setEnabledIds({QStringLiteral("relu"), QStringLiteral("tanh")});
        core::RaceSettings race = state.trainingLab();
        race.data.kind = core::DatasetKind::Moons;
        race.data.samples = 120;
        race.network.depth = 2;
        race.network.width = 8;
        ASSERT_FALSE(state.setTrainingLab(race).has_value());
    }

    static void settle(TrainingLabView& view)
    {
        ASSERT_TRUE(view.model().waitUntilIdle(20s));
        QCoreApplication::processEvents();
    }

    template <typename T>
    static T* control(const TrainingLabView& view, const char* name)
    {
        return view.findChild<T*>(QLatin1String(name));
    }

    ExplorerState state;
};

TEST(TrainingLabTab, TheWindowHasATrainingLabBesideTheDepthLab)
{
    MainWindow window(Persistence::None);
    QStringList names;
    for (int i = 0; i < window.tabs()->count(); ++i)
        names << window.tabs()->tabText(i);
    const qsizetype depth = names.indexOf(QStringLiteral("Depth lab"));
    ASSERT_GE(depth, 0);
    EXPECT_EQ(names.value(depth + 1), QStringLiteral("Training lab"));
    ASSERT_NE(window.trainingLab(), nullptr);
}

TEST_F(TrainingLabViewTest, ControlsEditTheSessionsRaceAndARefusedValueSaysWhy)
{
    TrainingLabView view(state);
    QSignalSpy messages(&view, &TrainingLabView::statusMessage);
    control<QSpinBox>(view, "trainingDepth")->setValue(5);
    EXPECT_EQ(state.trainingLab().network.depth, 5);
    auto* dataset = control<QComboBox>(view, "trainingDataset");
    dataset->setCurrentIndex(dataset->findData(static_cast<int>(core::DatasetKind::Blobs)));
    EXPECT_EQ(state.trainingLab().data.kind, core::DatasetKind::Blobs);
    EXPECT_TRUE(control<QSpinBox>(view, "trainingClasses")->isEnabled());
    auto* optimiser = control<QComboBox>(view, "trainingOptimiser");
    optimiser->setCurrentIndex(optimiser->findData(static_cast<int>(core::OptimiserKind::SgdMomentum)));
    EXPECT_EQ(state.trainingLab().optimiser.kind, core::OptimiserKind::SgdMomentum);
    control<QSpinBox>(view, "trainingBatch")->setValue(64);
    EXPECT_EQ(state.trainingLab().optimiser.batchSize, 64);
    EXPECT_TRUE(messages.isEmpty());
    // The dead-unit chooser offers every hidden layer of the new depth.
    EXPECT_EQ(control<QComboBox>(view, "trainingDeadLayer")->count(), 1 + 5);

    const core::RaceSettings before = state.trainingLab();
    core::RaceSettings bad = before;
    bad.data.noise = 3.0;
    view.edit(bad);
    EXPECT_EQ(state.trainingLab(), before);
    ASSERT_EQ(messages.size(), 1);
    EXPECT_TRUE(messages.front().front().toString().contains(QStringLiteral("noise")));
    EXPECT_EQ(control<QSpinBox>(view, "trainingDepth")->value(), 5);
}

TEST_F(TrainingLabViewTest, PlayPauseStepAndResetDriveTheRace)
{
    TrainingLabView view(state);
    view.show();
    settle(view);
    EXPECT_EQ(view.model().step(), 0);
    EXPECT_TRUE(view.statusText().contains(QStringLiteral("Step 0")));
    const core::RaceSnapshot fresh = view.model().snapshot();

    auto* step = control<QPushButton>(view, "trainingStep");
    QTest::mouseClick(step, Qt::LeftButton);
    settle(view);
    EXPECT_EQ(view.model().step(), view.stepsPerClick());
    EXPECT_EQ(step->text(), QStringLiteral("+%1 steps").arg(view.stepsPerClick()));

    auto* play = control<QPushButton>(view, "trainingPlay");
    QTest::mouseClick(play, Qt::LeftButton);
    EXPECT_TRUE(view.model().isPlaying());
    EXPECT_EQ(play->text(), QStringLiteral("&Pause"));
    QTest::qWait(300);
    QTest::mouseClick(play, Qt::LeftButton);
    settle(view);
    EXPECT_FALSE(view.model().isPlaying());
    EXPECT_GT(view.model().step(), view.stepsPerClick());
    EXPECT_TRUE(view.statusText().contains(QString::number(view.model().step())));

    QTest::mouseClick(control<QPushButton>(view, "trainingReset"), Qt::LeftButton);
    settle(view);
    EXPECT_EQ(view.model().step(), 0);
    const core::RaceSnapshot again = view.model().snapshot();
    ASSERT_EQ(again.contestants.size(), fresh.contestants.size());
    for (std::size_t i = 0; i < again.contestants.size(); ++i) {
        ASSERT_EQ(again.contestants[i].measurements.size(), 1u);
        EXPECT_EQ(again.contestants[i].measurements[0].trainLoss,
                  fresh.contestants[i].measurements[0].trainLoss);
        EXPECT_EQ(again.contestants[i].regions.values, fresh.contestants[i].regions.values);
    }
}

TEST_F(TrainingLabViewTest, AThumbnailPerShownActivationFollowsTrainingAndNamesItOnHover)
{
    TrainingLabView view(state);
    view.resize(1200, 900);
    view.show();
    settle(view);
    const QList<DecisionRegionThumbnail*> thumbnails = view.regions()->thumbnails();
    ASSERT_EQ(thumbnails.size(), state.enabledIds().size());
    EXPECT_EQ(thumbnails[0]->name(), QString::fromStdString(core::findActivation("tanh")->name));
    const std::vector<double> before = thumbnails[0]->regions().values;
    const QImage first = thumbnails[0]->grab().toImage();
    view.model().advanceBy(100);
    settle(view);
    EXPECT_NE(thumbnails[0]->regions().values, before);
    const QImage trained = thumbnails[0]->grab().toImage().convertToFormat(QImage::Format_RGB32);
    EXPECT_NE(trained, first.convertToFormat(QImage::Format_RGB32));
    // The data points sit on the regions in their classes' full colours (the regions are paler).
    int dots = 0;
    for (int y = 0; y < trained.height(); ++y)
        for (int x = 0; x < trained.width(); ++x)
            dots += trained.pixel(x, y) == DecisionRegionThumbnail::classColour(0).rgb() ? 1 : 0;
    EXPECT_GT(dots, 20);

    const QPointF centre(thumbnails[1]->width() / 2.0, thumbnails[1]->height() / 2.0 + 8.0);
    const QString hover = thumbnails[1]->hoverText(centre);
    EXPECT_TRUE(hover.startsWith(QString::fromStdString(core::findActivation("relu")->name)))
        << hover.toStdString();
    EXPECT_TRUE(hover.contains(QStringLiteral("class 1"))) << hover.toStdString();
    EXPECT_TRUE(hover.contains(QStringLiteral("accuracy"))) << hover.toStdString();
    EXPECT_TRUE(thumbnails[1]->hoverText(QPointF(-5.0, -5.0)).isEmpty());

    // Showing one more activation adds its thumbnail once the race restarts.
    state.setEnabled(QStringLiteral("sigmoid"), true);
    QTest::qWait(400);
    settle(view);
    EXPECT_EQ(view.regions()->thumbnails().size(), 3);
}

TEST_F(TrainingLabViewTest, TheSettingsSurviveASessionSavedAndOpened)
{
    TrainingLabView view(state);
    control<QSpinBox>(view, "trainingWidth")->setValue(24);
    control<QSpinBox>(view, "trainingSeed")->setValue(7);
    auto* init = control<QComboBox>(view, "trainingInit");
    init->setCurrentIndex(init->findData(static_cast<int>(core::Initialisation::Glorot)));
    const QJsonObject saved = state.toJson();

    ExplorerState other;
    TrainingLabView otherView(other);
    ASSERT_FALSE(other.fromJson(saved).has_value());
    EXPECT_EQ(other.trainingLab(), state.trainingLab());
    EXPECT_EQ(control<QSpinBox>(otherView, "trainingWidth")->value(), 24);
    EXPECT_EQ(control<QSpinBox>(otherView, "trainingSeed")->value(), 7);
    EXPECT_EQ(control<QComboBox>(otherView, "trainingInit")->currentData().toInt(),
              static_cast<int>(core::Initialisation::Glorot));
}

}  // namespace
}  // namespace ax::ui
