// The session value: copies compare equal and share their custom activations, any edit makes them
// differ, assigning the defaults restores the window as it first opens, and the state takes one whole.

#include "ui/model/session.h"
#include "core/formula/custom_activation.h"
#include "ui/model/explorer_state.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>

#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <vector>

namespace ax::ui {
namespace {

core::CustomActivationSpec swishSpec()
{
    return core::CustomActivationSpec{"custom_1", "My swish", "z * sigmoid(b*z)", {{"b", 1.5, -4.0, 8.0}}};
}

// A state away from its defaults in several parts at once.
void editEverywhere(ExplorerState& state)
{
    ASSERT_FALSE(state.addCustomActivation(swishSpec()).has_value());
    ASSERT_FALSE(state.setParameter(QStringLiteral("elu"), 0, 0.5).has_value());
    ASSERT_FALSE(state.setParameter(QStringLiteral("custom_1"), 0, 3.0).has_value());
    ASSERT_FALSE(state.setRange(-3.0, 9.0).has_value());
    ASSERT_FALSE(state.setEpsilon(0.1).has_value());
    state.setTheme(Theme::Dark);
    state.setConvention(core::Framework::Jax);
    DepthLabNetwork lab;
    lab.depth = 12;
    ASSERT_FALSE(state.setDepthLab(lab).has_value());
}

TEST(Session, ACopyEqualsItsOriginalAndSharesItsCustomActivations)
{
    ExplorerState state;
    editEverywhere(state);
    const Session copy = state.session();
    EXPECT_EQ(copy, state.session());
    ASSERT_EQ(copy.customs.count(QStringLiteral("custom_1")), 1U);
    // Shared, not rebuilt: the copy points at the very activation the state built.
    EXPECT_EQ(copy.customs.at(QStringLiteral("custom_1")).get(),
              state.customActivation(QStringLiteral("custom_1")));
    EXPECT_EQ(copy.activation(QStringLiteral("custom_1")), state.activation(QStringLiteral("custom_1")));
}

TEST(Session, EveryEditMakesItDiffer)
{
    const Session defaults;
    const std::vector<std::function<void(Session&)>> edits = {
        [](Session& s) { s.enabled.removeAll(QStringLiteral("relu")); },
        [](Session& s) { s.parameterValues[QStringLiteral("elu")] = {0.25}; },
        [](Session& s) { s.zMax = 7.0; },
        [](Session& s) { s.samples = 500; },
        [](Session& s) { s.epsilon = 0.2; },
        [](Session& s) { s.showSecond = true; },
        [](Session& s) { s.yAxisMode = YAxisMode::Fixed; },
        [](Session& s) {
            s.functionLimits = {-1.0, 2.0};
        },
        [](Session& s) {
            s.derivativeLimits = {-1.0, 2.0};
        },
        [](Session& s) { s.style = ChartStyle::Print; },
        [](Session& s) { s.theme = Theme::Light; },
        [](Session& s) { s.depthLab.seed = 7; },
        [](Session& s) { s.convention = core::Framework::TensorFlowKeras2; },
        [](Session& s) { s.hiddenTableColumns = QStringList{QStringLiteral("maths")}; },
    };
    for (std::size_t i = 0; i < edits.size(); ++i) {
        Session edited = defaults;
        edits[i](edited);
        EXPECT_FALSE(edited == defaults) << "edit " << i;
    }
}

TEST(Session, CustomActivationsCompareByWhatTheyWereBuiltFrom)
{
    ExplorerState a;
    ExplorerState b;
    ASSERT_FALSE(a.addCustomActivation(swishSpec()).has_value());
    ASSERT_FALSE(b.addCustomActivation(swishSpec()).has_value());
    EXPECT_EQ(a.session(), b.session());
    ASSERT_FALSE(
        b.replaceCustomActivation({"custom_1", "My swish", "z * sigmoid(2*b*z)", {{"b", 1.5, -4.0, 8.0}}})
            .has_value());
    EXPECT_FALSE(a.session() == b.session());
}

TEST(Session, RestoringDefaultsGivesTheFirstSessionBackKeepingCustomsHidden)
{
    ExplorerState state;
    editEverywhere(state);
    state.restoreDefaults();

    Session expected;
    expected.customs = state.session().customs;
    expected.customOrder = {QStringLiteral("custom_1")};
    expected.parameterValues.insert(QStringLiteral("custom_1"), {1.5});
    EXPECT_EQ(state.session(), expected);
    EXPECT_FALSE(state.isEnabled(QStringLiteral("custom_1")));
    EXPECT_EQ(state.convention(), core::Framework::PyTorch);

    ExplorerState fresh;
    EXPECT_EQ(fresh.session(), Session());
}

TEST(Session, TheStateTakesAWholeSessionInOneChange)
{
    ExplorerState source;
    editEverywhere(source);
    ExplorerState state;
    QSignalSpy spy(&state, &ExplorerState::changed);
    ASSERT_FALSE(state.setSession(source.session()).has_value());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<StateChange>().parts, StateChange::Parts(StateChange::All));
    EXPECT_EQ(state.session(), source.session());
    EXPECT_EQ(state.parameters(QStringLiteral("custom_1")), core::ParameterValues{3.0});
    // The convention's own definitions come with it.
    EXPECT_EQ(state.activation(QStringLiteral("gelu"))->name,
              source.activation(QStringLiteral("gelu"))->name);
}

TEST(Session, TheStateRefusesASessionWithValuesItsSettersRefuse)
{
    const std::vector<std::function<void(Session&)>> faults = {
        [](Session& s) { s.zMin = 10.0; },
        [](Session& s) { s.zMax = std::numeric_limits<double>::infinity(); },
        [](Session& s) { s.samples = 1; },
        [](Session& s) { s.epsilon = 0.0; },
        [](Session& s) {
            s.functionLimits = {1.0, 1.0};
        },
        [](Session& s) { s.depthLab.depth = 0; },
        [](Session& s) { s.enabled << QStringLiteral("no_such_activation"); },
        [](Session& s) { s.parameterValues[QStringLiteral("elu")] = {-1.0}; },
        [](Session& s) {
            s.parameterValues[QStringLiteral("elu")] = {std::numeric_limits<double>::quiet_NaN()};
        },
    };
    for (std::size_t i = 0; i < faults.size(); ++i) {
        ExplorerState state;
        QSignalSpy spy(&state, &ExplorerState::changed);
        Session faulty;
        faults[i](faulty);
        const auto error = state.setSession(faulty);
        ASSERT_TRUE(error.has_value()) << "fault " << i;
        EXPECT_FALSE(error->contains(QLatin1Char('\n'))) << error->toStdString();
        EXPECT_EQ(spy.count(), 0) << "fault " << i;
        EXPECT_EQ(state.session(), Session()) << "fault " << i;
    }
}

}  // namespace
}  // namespace ax::ui

namespace ax::ui {
namespace {

// The table's column choice travels with the session; sessions saved before it existed still open.
TEST(Session, KeepsTheTablesHiddenColumnsAndOpensOldSessionsWithout)
{
    ExplorerState state;
    ASSERT_EQ(state.setHiddenTableColumns({QStringLiteral("maths"), QStringLiteral("paper")}), std::nullopt);
    const QJsonObject saved = state.toJson();
    ExplorerState reopened;
    ASSERT_EQ(reopened.fromJson(saved), std::nullopt);
    EXPECT_EQ(reopened.hiddenTableColumns(), (QStringList{QStringLiteral("maths"), QStringLiteral("paper")}));

    QJsonObject old = saved;
    old.remove(QStringLiteral("table"));
    ASSERT_EQ(reopened.fromJson(old), std::nullopt);
    EXPECT_TRUE(reopened.hiddenTableColumns().isEmpty()) << "an old session shows every column";
}

TEST(Session, RefusesUnknownOrMalformedTableColumns)
{
    ExplorerState state;
    const auto refused = [&](const QJsonValue& table, const char* part) {
        QJsonObject json = ExplorerState().toJson();
        json.insert(QStringLiteral("table"), table);
        const auto error = state.fromJson(json);
        if (!error) return ::testing::AssertionFailure() << "accepted";
        if (!error->contains(QString::fromUtf8(part)))
            return ::testing::AssertionFailure() << error->toStdString();
        return ::testing::AssertionSuccess();
    };
    EXPECT_TRUE(refused(QJsonObject{{QStringLiteral("hiddenColumns"), QJsonArray{QStringLiteral("genus")}}},
                        "genus"));
    EXPECT_TRUE(
        refused(QJsonObject{{QStringLiteral("hiddenColumns"), QStringLiteral("maths")}}, "hiddenColumns"));
    EXPECT_TRUE(refused(QJsonObject{{QStringLiteral("hiddenColumns"), QJsonArray{3}}}, "hiddenColumns"));
    EXPECT_TRUE(refused(QJsonArray{}, "table"));
    EXPECT_TRUE(refused(QJsonObject{{QStringLiteral("hiddenColumns"), QJsonArray{QStringLiteral("name")}}},
                        "activation column"));
    EXPECT_TRUE(state.hiddenTableColumns().isEmpty()) << "a refused session changes nothing";
}

TEST(Session, KeepsTheChartStyleAndRefusesAnUnknownOneNamingAllThree)
{
    for (const ChartStyle style : {ChartStyle::Screen, ChartStyle::Print, ChartStyle::Presentation}) {
        ExplorerState state;
        state.setChartStyle(style);
        ExplorerState reopened;
        ASSERT_EQ(reopened.fromJson(state.toJson()), std::nullopt);
        EXPECT_EQ(reopened.chartStyle(), style) << chartStyleName(style).toStdString();
    }

    ExplorerState state;
    state.setChartStyle(ChartStyle::Print);
    for (const QJsonValue& bad : {QJsonValue(QStringLiteral("slides")), QJsonValue(QStringLiteral("Print")),
                                  QJsonValue(2), QJsonValue(QJsonValue::Null)}) {
        QJsonObject json = ExplorerState().toJson();
        QJsonObject charts = json.value(QStringLiteral("charts")).toObject();
        charts.insert(QStringLiteral("style"), bad);
        json.insert(QStringLiteral("charts"), charts);
        const auto error = state.fromJson(json);
        ASSERT_TRUE(error.has_value()) << "accepted";
        for (const char* name : {"\"screen\"", "\"print\"", "\"presentation\""})
            EXPECT_TRUE(error->contains(QString::fromUtf8(name))) << error->toStdString();
        EXPECT_EQ(state.chartStyle(), ChartStyle::Print) << "a refused session changes nothing";
    }
}

TEST(Session, TheStoryFollowsTheArticleThroughPRelu)
{
    EXPECT_EQ(Session::storyIds(), (QStringList{"sigmoid", "relu", "leaky_relu", "prelu", "elu", "selu",
                                                "gelu", "swish", "mish"}));
}

}  // namespace
}  // namespace ax::ui
