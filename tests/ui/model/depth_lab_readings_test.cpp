// The depth lab's sentences: only an activation with a dead region is ever counted as able to lose
// units, whatever the simulation or the theory has reached, and SELU's phase reading says what its
// paths do when there is no fixed point.

#include "ui/model/depth_lab_readings.h"
#include "ui/model/depth_lab_model.h"
#include "ui/model/explorer_state.h"

#include "core/activation.h"

#include <QCoreApplication>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cmath>

namespace ax::ui {
namespace {

TEST(DepthLabReadingsTest, AnActivationWithoutADeadRegionCannotLoseAUnitWhateverTheData)
{
    std::vector<core::SimulatedLayer> simulated(3);
    for (const bool withSimulation : {false, true}) {
        // No theory yet (just reset) or no dead units in the simulation: still "cannot".
        const ActivationReading r =
            deadReading(QStringLiteral("SELU"), {},
                        withSimulation ? std::span(simulated) : std::span<core::SimulatedLayer>(), false);
        EXPECT_EQ(r.trend, ReadingTrend::Blocked);
        EXPECT_EQ(r.text, QStringLiteral("SELU: f′ never vanishes, no unit can die"));
    }
    simulated[2].deadFraction = 0.25;
    const ActivationReading relu = deadReading(QStringLiteral("ReLU"), {}, simulated, true);
    EXPECT_EQ(relu.trend, ReadingTrend::Rises);
}

TEST(DepthLabReadingsTest, SeluWithoutAFixedPointSaysWhetherTheVarianceCollapsesOrRunsOff)
{
    const std::vector<std::vector<QPointF>> collapsing{{{0.1, 1.0}, {0.0, 0.3}, {0.0, 1e-5}},
                                                       {{-0.5, 2.5}, {0.0, 0.8}, {0.0, 2e-5}}};
    EXPECT_EQ(phaseReading(QStringLiteral("SELU"), std::nullopt, collapsing),
              QStringLiteral("SELU: no fixed point, the variance collapses to 0"));
    const std::vector<std::vector<QPointF>> growing{{{0.1, 1.0}, {0.3, 5.0}, {1.0, 80.0}}};
    EXPECT_EQ(phaseReading(QStringLiteral("SELU"), std::nullopt, growing),
              QStringLiteral("SELU: no fixed point, the variance runs off"));
}

TEST(DepthLabReadingsTest, TheStorysDeadUnitCountIsEightOfNineThroughSimulateAndReset)
{
    ExplorerState state;
    state.setEnabledIds(ExplorerState::storyIds());
    DepthLabNetwork lab = state.depthLab();
    lab.width = 64;
    lab.depth = 6;
    ASSERT_FALSE(state.setDepthLab(lab).has_value());
    DepthLabModel view(state);
    view.completeTheory();
    const QString expected = QStringLiteral("8 of 9 cannot lose a unit");
    EXPECT_TRUE(view.reading(Chart::DepthDead).contains(expected))
        << view.reading(Chart::DepthDead).toStdString();

    QSignalSpy finished(&view, &DepthLabModel::simulationFinished);
    ASSERT_EQ(view.simulate(), 9);
    ASSERT_TRUE(finished.wait(60000));
    view.completeTheory();
    EXPECT_TRUE(view.reading(Chart::DepthDead).contains(expected))
        << view.reading(Chart::DepthDead).toStdString();

    ASSERT_FALSE(state.setParameter(QStringLiteral("selu"), QStringLiteral("lambda"), 1.3).has_value());
    state.resetParameters(QStringLiteral("selu"));
    QCoreApplication::processEvents();
    EXPECT_TRUE(view.reading(Chart::DepthDead).contains(expected))
        << view.reading(Chart::DepthDead).toStdString();
    view.completeTheory();
    EXPECT_TRUE(view.reading(Chart::DepthDead).contains(expected))
        << view.reading(Chart::DepthDead).toStdString();
}

TEST(DepthLabReadingsTest, SeluWithASmallLambdaReadsAsCollapsing)
{
    ExplorerState state;
    state.setEnabledIds({QStringLiteral("selu")});
    ASSERT_FALSE(state.setParameter(QStringLiteral("selu"), QStringLiteral("lambda"), 0.5).has_value());
    DepthLabModel view(state);
    view.completeTheory();
    const QString phase = view.reading(Chart::SeluPhase);
    EXPECT_FALSE(phase.contains(QStringLiteral("runs off"))) << phase.toStdString();
    EXPECT_TRUE(phase.contains(QStringLiteral("collapses to 0"))) << phase.toStdString();
    const std::vector<core::TheoryLayer>* variance = view.theory(QStringLiteral("selu"));
    ASSERT_NE(variance, nullptr);
    EXPECT_LT(variance->back().variance, 0.1 * variance->front().variance) << "the theory says the same";
}

}  // namespace
}  // namespace ax::ui
