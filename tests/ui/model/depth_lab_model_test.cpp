// The depth lab's model on its own, without a widget: the state's network becomes the theory and
// the readings, changes are worked out on the next turn of the event loop (or at once on request),
// and a simulation's results arrive in the background.

#include "ui/model/depth_lab_model.h"
#include "ui/model/explorer_state.h"

#include <QApplication>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <cmath>

namespace ax::ui {
namespace {

const QString kRelu = QStringLiteral("relu");
const QString kSelu = QStringLiteral("selu");
const QString kTanh = QStringLiteral("tanh");

DepthLabNetwork withDepth(const ExplorerState& state, int depth)
{
    DepthLabNetwork lab = state.depthLab();
    lab.depth = depth;
    return lab;
}

TEST(DepthLabModelTest, BuildsNoWidget)
{
    const qsizetype before = QApplication::allWidgets().size();
    ExplorerState state;
    DepthLabModel model(state);
    model.completeTheory();
    EXPECT_EQ(QApplication::allWidgets().size(), before);
}

TEST(DepthLabModelTest, TheStatesNetworkBecomesTheTheoryAndTheReadings)
{
    ExplorerState state;
    state.setEnabledIds({kRelu, kTanh});
    DepthLabNetwork lab = withDepth(state, 12);
    lab.init = WeightInit::He;
    ASSERT_FALSE(state.setDepthLab(lab).has_value());
    DepthLabModel model(state);
    // The constructor works out the theory of the state as it is.
    const std::vector<core::TheoryLayer>* relu = model.theory(kRelu);
    ASSERT_NE(relu, nullptr);
    ASSERT_EQ(relu->size(), 13u) << "one point per layer and the input";
    // He initialisation keeps ReLU's variance where it starts.
    EXPECT_NEAR(relu->back().variance, (*relu)[1].variance, 1e-9 * (*relu)[1].variance);
    EXPECT_NE(model.theory(kTanh), nullptr);
    EXPECT_EQ(model.theory(kSelu), nullptr) << "only enabled activations";
    EXPECT_EQ(model.settings().depth, 12);
    EXPECT_EQ(model.settings().weightVariance, 2.0);
    EXPECT_EQ(model.settings().batch, DepthLabModel::kBatch);

    model.completeTheory();
    for (const Chart chart : {Chart::DepthVariance, Chart::DepthGradient, Chart::DepthDead}) {
        EXPECT_TRUE(model.reading(chart).contains(QStringLiteral("ReLU")))
            << model.reading(chart).toStdString();
        EXPECT_TRUE(model.readingDetails(chart).contains(QStringLiteral("tanh"), Qt::CaseInsensitive))
            << model.readingDetails(chart).toStdString();
    }
    EXPECT_TRUE(model.reading(Chart::SeluPhase).startsWith(QStringLiteral("SELU")));
    EXPECT_TRUE(model.phasePlane().valid);
    EXPECT_FALSE(model.isWorkingOutDeadUnits());
    EXPECT_TRUE(std::isfinite(model.theory(kRelu)->back().deadFraction)) << "the dead-unit line is complete";

    // LeCun halves ReLU's variance at every layer.
    lab.init = WeightInit::LeCun;
    ASSERT_FALSE(state.setDepthLab(lab).has_value());
    model.completeTheory();
    relu = model.theory(kRelu);
    ASSERT_NE(relu, nullptr);
    EXPECT_NEAR(relu->back().variance, std::pow(0.5, 11) * (*relu)[1].variance, 1e-12);
}

TEST(DepthLabModelTest, AChangeIsWorkedOutOnceOnTheNextTurnOfTheEventLoop)
{
    ExplorerState state;
    state.setEnabledIds({kRelu});
    DepthLabModel model(state);
    QSignalSpy results(&model, &DepthLabModel::resultsChanged);
    // A burst of edits costs one refresh, after the burst.
    for (const int depth : {20, 21, 22})
        ASSERT_FALSE(state.setDepthLab(withDepth(state, depth)).has_value());
    EXPECT_EQ(results.count(), 0);
    ASSERT_NE(model.theory(kRelu), nullptr);
    EXPECT_NE(model.theory(kRelu)->size(), 23u) << "not yet worked out";
    ASSERT_TRUE(results.wait(5000));
    ASSERT_NE(model.theory(kRelu), nullptr);
    EXPECT_EQ(model.theory(kRelu)->size(), 23u);

    // Enabling one more activation computes only that one, and it arrives the same way.
    results.clear();
    state.setEnabledIds({kRelu, kSelu});
    EXPECT_EQ(model.theory(kSelu), nullptr);
    ASSERT_TRUE(results.wait(5000));
    ASSERT_NE(model.theory(kSelu), nullptr);
    EXPECT_EQ(model.theory(kSelu)->size(), 23u);
}

TEST(DepthLabModelTest, ARefreshWaitsWhileItsViewIsHidden)
{
    ExplorerState state;
    state.setEnabledIds({kRelu});
    DepthLabModel model(state);
    bool hidden = true;
    model.deferRefreshWhile([&hidden] { return hidden; });
    QSignalSpy results(&model, &DepthLabModel::resultsChanged);
    ASSERT_FALSE(state.setDepthLab(withDepth(state, 9)).has_value());
    EXPECT_FALSE(results.wait(200));
    ASSERT_NE(model.theory(kRelu), nullptr);
    EXPECT_NE(model.theory(kRelu)->size(), 10u) << "still the network before the change";
    hidden = false;
    model.resumeDeferredRefresh();
    ASSERT_TRUE(results.wait(5000));
    ASSERT_NE(model.theory(kRelu), nullptr);
    EXPECT_EQ(model.theory(kRelu)->size(), 10u);

    // An export does not wait for a view to be shown.
    hidden = true;
    ASSERT_FALSE(state.setDepthLab(withDepth(state, 7)).has_value());
    model.completeTheory();
    ASSERT_NE(model.theory(kRelu), nullptr);
    EXPECT_EQ(model.theory(kRelu)->size(), 8u);
}

TEST(DepthLabModelTest, SimulationResultsArriveInTheBackground)
{
    ExplorerState state;
    state.setEnabledIds({kRelu, kSelu});
    DepthLabNetwork lab = withDepth(state, 6);
    lab.width = 64;
    ASSERT_FALSE(state.setDepthLab(lab).has_value());
    DepthLabModel model(state);
    QSignalSpy finished(&model, &DepthLabModel::simulationFinished);
    QSignalSpy progressed(&model, &DepthLabModel::simulationProgressed);
    EXPECT_EQ(model.simulate(), 2);
    EXPECT_TRUE(model.isSimulating());
    EXPECT_EQ(model.simulated(kRelu), nullptr) << "results come from the worker, not from simulate()";
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(finished.front().front().toBool()) << "not cancelled";
    EXPECT_FALSE(model.isSimulating());
    EXPECT_FALSE(progressed.isEmpty());
    for (const QString& id : {kRelu, kSelu}) {
        const core::SimulationResult* result = model.simulated(id);
        ASSERT_NE(result, nullptr) << id.toStdString();
        EXPECT_EQ(result->layers.size(), 7u);
    }
    // A new network makes the dots belong to another one.
    ASSERT_FALSE(state.setDepthLab(withDepth(state, 8)).has_value());
    EXPECT_EQ(model.simulated(kRelu), nullptr);
    EXPECT_EQ(model.simulated(kSelu), nullptr);

    state.setEnabledIds({});
    EXPECT_EQ(model.simulate(), 0) << "nothing to simulate";
    EXPECT_FALSE(model.isSimulating());
}

TEST(DepthLabModelTest, ChartsAreNamedAsTheCommandLineNamesThem)
{
    for (const Chart chart : kDepthCharts)
        EXPECT_EQ(depthChartFromName(chartName(chart)), chart);
    EXPECT_EQ(chartName(Chart::SeluPhase), QStringLiteral("selu-phase"));
    EXPECT_EQ(chartName(Chart::DepthVariance), QStringLiteral("depth-variance"));
    EXPECT_FALSE(depthChartFromName(QStringLiteral("depth")).has_value());
    EXPECT_FALSE(depthChartFromName(QString()).has_value());
}

}  // namespace
}  // namespace ax::ui
