// Custom activations held by the state: listing, colours, parameters, and sessions that keep them.

#include "core/activation.h"
#include "core/formula/custom_activation.h"
#include "ui/model/explorer_state.h"
#include "ui/model/session_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

namespace ax::ui {
namespace {

core::CustomActivationSpec swishSpec(const std::string& id = "custom_1")
{
    return core::CustomActivationSpec{id, "My swish", "z * sigmoid(b*z)", {{"b", 1.5, -4.0, 8.0}}};
}

double swish(double z, double b)
{
    return z / (1.0 + std::exp(-b * z));
}

TEST(CustomState, AddedActivationFollowsTheCatalogWithItsOwnColour)
{
    ExplorerState state;
    const QStringList before = state.activationIds();
    std::vector<int> colours;
    for (const QString& id : before)
        colours.push_back(state.catalogIndex(id));

    QSignalSpy spy(&state, &ExplorerState::changed);
    ASSERT_FALSE(state.addCustomActivation(swishSpec()).has_value());
    ASSERT_EQ(spy.count(), 1);
    const auto change = spy.at(0).at(0).value<StateChange>();
    EXPECT_TRUE(change.touches(StateChange::Definitions));
    EXPECT_TRUE(change.touches(StateChange::Shown));

    const QStringList after = state.activationIds();
    ASSERT_EQ(after.size(), before.size() + 1);
    EXPECT_EQ(after.mid(0, before.size()), before);
    EXPECT_EQ(after.last(), QStringLiteral("custom_1"));
    for (qsizetype i = 0; i < before.size(); ++i)
        EXPECT_EQ(state.catalogIndex(before[i]), colours[std::size_t(i)]);
    EXPECT_EQ(state.catalogIndex(QStringLiteral("custom_1")), 43);
    EXPECT_TRUE(state.isEnabled(QStringLiteral("custom_1")));
    EXPECT_TRUE(state.enabledIds().contains(QStringLiteral("custom_1")));
    EXPECT_EQ(state.nextCustomId(), QStringLiteral("custom_2"));

    const core::Activation* a = state.activation(QStringLiteral("custom_1"));
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->name, "My swish");
    const auto p = state.parameters(QStringLiteral("custom_1"));
    EXPECT_DOUBLE_EQ(p[0], 1.5);
    EXPECT_NEAR(a->evaluate(2.0, p).f, swish(2.0, 1.5), 1e-14);
}

TEST(CustomState, ParametersTakeAnyFiniteValueButNoNaN)
{
    ExplorerState state;
    ASSERT_FALSE(state.addCustomActivation(swishSpec()).has_value());
    const QString id = QStringLiteral("custom_1");
    EXPECT_FALSE(state.setParameter(id, QStringLiteral("b"), -250.0).has_value());
    EXPECT_DOUBLE_EQ(state.parameters(id)[0], -250.0);
    EXPECT_TRUE(state.setParameter(id, QStringLiteral("b"), std::nan("")).has_value());
    EXPECT_TRUE(state.setParameter(id, 0, HUGE_VAL).has_value());
    EXPECT_DOUBLE_EQ(state.parameters(id)[0], -250.0);
    EXPECT_NEAR(state.activation(id)->evaluate(-0.01, state.parameters(id)).f, swish(-0.01, -250.0), 1e-15);
}

TEST(CustomState, RefusesCatalogIdsDuplicatesAndBadFormulas)
{
    ExplorerState state;
    auto spec = swishSpec("elu");
    EXPECT_TRUE(state.addCustomActivation(spec).has_value());
    ASSERT_FALSE(state.addCustomActivation(swishSpec()).has_value());
    EXPECT_TRUE(state.addCustomActivation(swishSpec()).has_value());
    spec = swishSpec("custom_2");
    spec.formula = "z * (b +";
    const auto error = state.addCustomActivation(spec);
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->contains(QStringLiteral("My swish")));
    EXPECT_EQ(state.customIds(), QStringList{QStringLiteral("custom_1")});
    EXPECT_EQ(state.activation(QStringLiteral("custom_2")), nullptr);
}

TEST(CustomState, ReplaceKeepsSurvivingParametersAndRemoveForgetsTheActivation)
{
    ExplorerState state;
    ASSERT_FALSE(state.addCustomActivation(swishSpec()).has_value());
    const QString id = QStringLiteral("custom_1");
    ASSERT_FALSE(state.setParameter(id, QStringLiteral("b"), 3.0).has_value());

    core::CustomActivationSpec changed{
        "custom_1", "Scaled swish", "a * z * sigmoid(b*z)", {{"b", 1.5, -4.0, 8.0}}};
    ASSERT_FALSE(state.replaceCustomActivation(changed).has_value());
    const core::Activation* a = state.activation(id);
    ASSERT_EQ(a->parameters.size(), 2u);
    const auto p = state.parameters(id);
    EXPECT_DOUBLE_EQ(p[std::size_t(a->parameterIndex("b"))], 3.0);
    EXPECT_DOUBLE_EQ(p[std::size_t(a->parameterIndex("a"))], 1.0);
    EXPECT_NEAR(a->evaluate(1.0, p).f, swish(1.0, 3.0), 1e-14);
    EXPECT_EQ(state.catalogIndex(id), 43);

    QSignalSpy spy(&state, &ExplorerState::changed);
    EXPECT_TRUE(state.removeCustomActivation(id));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_TRUE(spy.at(0).at(0).value<StateChange>().touches(StateChange::Definitions));
    EXPECT_EQ(state.activation(id), nullptr);
    EXPECT_EQ(state.activationIds().size(), 43);
    EXPECT_FALSE(state.enabledIds().contains(id));
    EXPECT_FALSE(state.removeCustomActivation(id));
}

void expectSameCustoms(const ExplorerState& a, const ExplorerState& b)
{
    ASSERT_EQ(a.customIds(), b.customIds());
    for (const QString& id : a.customIds()) {
        EXPECT_EQ(a.customActivation(id)->spec, b.customActivation(id)->spec);
        EXPECT_EQ(a.parameters(id), b.parameters(id));
        EXPECT_EQ(a.isEnabled(id), b.isEnabled(id));
        EXPECT_EQ(a.catalogIndex(id), b.catalogIndex(id));
        for (const double z : {-3.0, -0.4, 0.0, 0.7, 5.0}) {
            const auto fa = a.activation(id)->evaluate(z, a.parameters(id));
            const auto fb = b.activation(id)->evaluate(z, b.parameters(id));
            // The rebuilt expressions may be summed in another order: equal up to rounding.
            EXPECT_NEAR(fa.f, fb.f, 1e-13 * (1.0 + std::abs(fa.f)));
            EXPECT_NEAR(fa.d1, fb.d1, 1e-13 * (1.0 + std::abs(fa.d1)));
            EXPECT_NEAR(fa.d2, fb.d2, 1e-13 * (1.0 + std::abs(fa.d2)));
        }
    }
}

ExplorerState* stateWithTwoCustoms(ExplorerState& state)
{
    EXPECT_FALSE(state.addCustomActivation(swishSpec()).has_value());
    EXPECT_FALSE(state.addCustomActivation({"bumpy", "Bumpy", "z + sin(a*z)^2/a", {{"a", 2.0, 0.5, 6.0}}})
                     .has_value());
    EXPECT_FALSE(state.setParameter(QStringLiteral("custom_1"), QStringLiteral("b"), 0.25).has_value());
    state.setEnabled(QStringLiteral("bumpy"), false);
    return &state;
}

TEST(CustomState, RoundTripsThroughJson)
{
    ExplorerState original;
    stateWithTwoCustoms(original);
    const QJsonObject json = original.toJson();
    const QJsonArray customs = json.value(QStringLiteral("customActivations")).toArray();
    ASSERT_EQ(customs.size(), 2);
    const QJsonObject first = customs[0].toObject();
    EXPECT_EQ(first.value(QStringLiteral("formula")).toString(), QStringLiteral("z * sigmoid(b*z)"));
    const QJsonObject b = first.value(QStringLiteral("parameters")).toArray()[0].toObject();
    EXPECT_EQ(b.value(QStringLiteral("sliderMin")).toDouble(), -4.0);
    EXPECT_EQ(b.value(QStringLiteral("sliderMax")).toDouble(), 8.0);

    ExplorerState restored;
    ASSERT_FALSE(restored.fromJson(json).has_value());
    expectSameCustoms(original, restored);
    EXPECT_EQ(restored.toJson(), json);
}

TEST(CustomState, RoundTripsThroughASessionFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("customs.actx.json"));
    ExplorerState original;
    stateWithTwoCustoms(original);
    ASSERT_FALSE(saveSession(original, path).has_value());

    ExplorerState restored;
    ASSERT_FALSE(restored.addCustomActivation(swishSpec("leftover")).has_value());
    ASSERT_FALSE(openSession(restored, path).has_value());
    expectSameCustoms(original, restored);
    EXPECT_EQ(restored.activation(QStringLiteral("leftover")), nullptr);
}

TEST(CustomState, SessionWithABadFormulaIsRefusedAndChangesNothing)
{
    ExplorerState state;
    ASSERT_FALSE(state.addCustomActivation(swishSpec()).has_value());
    ASSERT_FALSE(state.setRange(-2.0, 3.0).has_value());
    const QJsonObject before = state.toJson();

    ExplorerState source;
    stateWithTwoCustoms(source);
    ASSERT_FALSE(source.setRange(-9.0, 9.0).has_value());
    QJsonObject json = source.toJson();
    QJsonArray customs = json.value(QStringLiteral("customActivations")).toArray();
    QJsonObject broken = customs[1].toObject();
    broken.insert(QStringLiteral("formula"), QStringLiteral("z + sin(a*z)^2/"));
    customs[1] = broken;
    json.insert(QStringLiteral("customActivations"), customs);

    QSignalSpy spy(&state, &ExplorerState::changed);
    const auto error = state.fromJson(json);
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->contains(QStringLiteral("Bumpy"))) << error->toStdString();
    EXPECT_EQ(spy.count(), 0);
    EXPECT_EQ(state.toJson(), before);
    EXPECT_EQ(state.customIds(), QStringList{QStringLiteral("custom_1")});

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.actx.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
    file.close();
    EXPECT_TRUE(openSession(state, path).has_value());
    EXPECT_EQ(state.toJson(), before);
}

TEST(CustomState, SessionMayNotReuseACatalogIdOrRepeatAnId)
{
    ExplorerState source;
    stateWithTwoCustoms(source);
    QJsonObject json = source.toJson();
    QJsonArray customs = json.value(QStringLiteral("customActivations")).toArray();
    QJsonObject clash = customs[0].toObject();
    clash.insert(QStringLiteral("id"), QStringLiteral("relu"));
    json.insert(QStringLiteral("customActivations"), QJsonArray{clash});
    ExplorerState state;
    EXPECT_TRUE(state.fromJson(json).has_value());
    json.insert(QStringLiteral("customActivations"), QJsonArray{customs[0], customs[0]});
    EXPECT_TRUE(state.fromJson(json).has_value());
    EXPECT_TRUE(state.customIds().isEmpty());
}

TEST(CustomState, RestoringDefaultsKeepsTheCustomActivationsAtTheirDefaults)
{
    ExplorerState state;
    stateWithTwoCustoms(state);
    state.restoreDefaults();
    EXPECT_EQ(state.customIds().size(), 2);
    EXPECT_DOUBLE_EQ(state.parameters(QStringLiteral("custom_1"))[0], 1.5);
}

}  // namespace
}  // namespace ax::ui
