// The framework convention held by the state: which definitions the charts get, how parameter
// defaults follow a switch, and sessions that keep the choice.

#include "core/activation.h"
#include "core/catalog.h"
#include "core/framework_conventions.h"
#include "ui/model/explorer_state.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace ax::ui {
namespace {

using core::Framework;

double f(const ExplorerState& state, const char* id, double z)
{
    const QString key = QString::fromLatin1(id);
    return state.activation(key)->evaluate(z, state.parameters(key)).f;
}

TEST(ConventionState, PyTorchIsTheDefaultAndIsTheCatalog)
{
    ExplorerState state;
    EXPECT_EQ(state.convention(), Framework::PyTorch);
    for (const QString& id : state.activationIds())
        EXPECT_EQ(state.activation(id), core::findActivation(id.toStdString())) << id.toStdString();
}

TEST(ConventionState, Keras2HardSigmoidIsTheClippedLine)
{
    ExplorerState state;
    EXPECT_NEAR(f(state, "hard_sigmoid", 1.0), 1.0 / 6.0 + 0.5, 1e-15);
    QSignalSpy spy(&state, &ExplorerState::changed);
    state.setConvention(Framework::TensorFlowKeras2);
    ASSERT_EQ(spy.count(), 1);
    const auto change = spy.at(0).at(0).value<StateChange>();
    EXPECT_TRUE(change.touches(StateChange::Definitions));
    EXPECT_TRUE(change.ids.contains(QStringLiteral("hard_sigmoid")));
    for (const double z : {-4.0, -2.6, -2.0, 0.0, 1.0, 2.4, 2.6, 5.0})
        EXPECT_NEAR(f(state, "hard_sigmoid", z), std::clamp(0.2 * z + 0.5, 0.0, 1.0), 1e-15) << z;
    // What the frameworks agree on is untouched.
    EXPECT_EQ(state.activation(QStringLiteral("relu")), core::findActivation("relu"));
    state.setConvention(Framework::PyTorch);
    EXPECT_NEAR(f(state, "hard_sigmoid", 1.0), 1.0 / 6.0 + 0.5, 1e-15);
}

TEST(ConventionState, JaxGeluIsTheTanhApproximation)
{
    ExplorerState state;
    state.setConvention(Framework::Jax);
    const core::Activation* tanhForm = core::findActivation("gelu_tanh");
    for (const double z : {-3.0, -1.0, 0.5, 2.0})
        EXPECT_DOUBLE_EQ(f(state, "gelu", z), tanhForm->evaluate(z, {}).f);
    EXPECT_NE(f(state, "gelu", -1.0), core::findActivation("gelu")->evaluate(-1.0, {}).f);
}

TEST(ConventionState, DefaultsFollowTheConventionButChosenValuesStay)
{
    ExplorerState state;
    const QString leaky = QStringLiteral("leaky_relu");
    state.setConvention(Framework::Keras3);
    EXPECT_DOUBLE_EQ(state.parameters(leaky)[0], 0.2);
    EXPECT_DOUBLE_EQ(f(state, "leaky_relu", -1.0), -0.2);
    state.setConvention(Framework::TensorFlowKeras2);
    EXPECT_DOUBLE_EQ(state.parameters(leaky)[0], 0.3);
    state.setConvention(Framework::PyTorch);
    EXPECT_DOUBLE_EQ(state.parameters(leaky)[0], 0.01);

    ASSERT_FALSE(state.setParameter(leaky, 0, 0.05).has_value());
    state.setConvention(Framework::Keras3);
    EXPECT_DOUBLE_EQ(state.parameters(leaky)[0], 0.05);
    state.resetParameters(leaky);
    EXPECT_DOUBLE_EQ(state.parameters(leaky)[0], 0.2);
}

TEST(ConventionState, FixedParametersKeepTheCatalogValueForLater)
{
    ExplorerState state;
    const QString swish = QStringLiteral("swish");
    ASSERT_FALSE(state.setParameter(swish, 0, 2.5).has_value());
    state.setConvention(Framework::Keras3);
    EXPECT_TRUE(state.activation(swish)->parameters.empty());
    EXPECT_NEAR(f(state, "swish", 1.0), 1.0 / (1.0 + std::exp(-1.0)), 1e-15);
    EXPECT_DOUBLE_EQ(state.toJson()[QStringLiteral("parameters")][swish][QStringLiteral("beta")].toDouble(),
                     2.5);
    state.setConvention(Framework::PyTorch);
    EXPECT_DOUBLE_EQ(state.parameters(swish)[0], 2.5);
    state.setConvention(Framework::Jax);
    state.resetParameters(swish);
    state.setConvention(Framework::PyTorch);
    EXPECT_DOUBLE_EQ(state.parameters(swish)[0], 1.0);
}

TEST(ConventionState, RoundTripsThroughJson)
{
    for (const Framework framework : core::frameworks()) {
        ExplorerState original;
        original.setConvention(framework);
        ASSERT_FALSE(original.setParameter(QStringLiteral("leaky_relu"), 0, 0.07).has_value());
        const QJsonObject json = original.toJson();
        ExplorerState restored;
        ASSERT_FALSE(restored.fromJson(json).has_value());
        EXPECT_EQ(restored.convention(), framework);
        EXPECT_DOUBLE_EQ(restored.parameters(QStringLiteral("leaky_relu"))[0], 0.07);
        EXPECT_EQ(f(restored, "hard_sigmoid", 2.0), f(original, "hard_sigmoid", 2.0));
        EXPECT_EQ(restored.toJson(), json);
    }
    ExplorerState keras2;
    keras2.setConvention(Framework::TensorFlowKeras2);
    EXPECT_EQ(keras2.toJson()[QStringLiteral("convention")].toString(), QStringLiteral("tf-keras2"));
    EXPECT_EQ(ExplorerState().toJson()[QStringLiteral("convention")].toString(), QStringLiteral("pytorch"));
}

TEST(ConventionState, UnknownConventionIsRefused)
{
    ExplorerState state;
    QJsonObject json = state.toJson();
    json.insert(QStringLiteral("convention"), QStringLiteral("theano"));
    ExplorerState target;
    target.setConvention(Framework::Jax);
    EXPECT_TRUE(target.fromJson(json).has_value());
    EXPECT_EQ(target.convention(), Framework::Jax);
    json.remove(QStringLiteral("convention"));
    ASSERT_FALSE(target.fromJson(json).has_value());
    EXPECT_EQ(target.convention(), Framework::PyTorch);
}

TEST(ConventionState, RestoringDefaultsReturnsToPyTorch)
{
    ExplorerState state;
    state.setConvention(Framework::TensorFlowKeras2);
    state.restoreDefaults();
    EXPECT_EQ(state.convention(), Framework::PyTorch);
    EXPECT_EQ(state.activation(QStringLiteral("hard_sigmoid")), core::findActivation("hard_sigmoid"));
}

}  // namespace
}  // namespace ax::ui
