// Opens arbitrary bytes as a session file: a refused file must change nothing, an accepted one must
// leave a state the window can draw and that saves and reopens to the same thing.

#include "tests/fuzz/fuzz_check.h"

#include "ui/model/explorer_state.h"
#include "ui/model/session_file.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

using ax::fuzz::require;
using ax::ui::ExplorerState;

QByteArray sessionBytes(const ExplorerState& state)
{
    return QJsonDocument(state.toJson()).toJson(QJsonDocument::Indented);
}

void checkDrawable(const ExplorerState& state)
{
    require(std::isfinite(state.zMin()) && std::isfinite(state.zMax()), "the range is finite");
    require(state.zMin() < state.zMax(), "the range is ordered");
    require(std::fabs(state.zMin()) <= ExplorerState::kMaxAbsZ &&
                std::fabs(state.zMax()) <= ExplorerState::kMaxAbsZ,
            "the range stays within the evaluated interval");
    require(state.samples() >= ExplorerState::kMinSamples && state.samples() <= ExplorerState::kMaxSamples,
            "the sample count is within its limits");
    require(state.epsilon() >= ExplorerState::kMinEpsilon && state.epsilon() <= ExplorerState::kMaxEpsilon,
            "epsilon is within its limits");
    for (const QString& id : state.enabledIds())
        require(state.activation(id) != nullptr, "every enabled id is known");
    for (const QString& id : state.activationIds()) {
        const ax::core::Activation* activation = state.activation(id);
        require(activation != nullptr, "every listed id is known");
        const ax::core::ParameterValues values = state.parameters(id);
        for (std::size_t i = 0; i < activation->parameters.size(); ++i)
            require(activation->parameters[i].accepts(values[i]), "every parameter lies in its domain");
        if (!state.isCustom(id))
            require(ax::core::parameterConflict(*activation, values).empty(),
                    "the parameters keep the rules that tie them together (RReLU's lower <= upper)");
    }
    for (const ax::ui::YLimits limits : {state.functionLimits(), state.derivativeLimits()})
        require(std::isfinite(limits.lo) && std::isfinite(limits.hi) && limits.lo < limits.hi,
                "fixed y limits are finite and ordered");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    ExplorerState state;
    const QByteArray before = sessionBytes(state);
    int changes = 0;
    QObject::connect(&state, &ExplorerState::changed, &state, [&changes] { ++changes; });

    if (const auto error = ax::ui::applySessionBytes(state, bytes)) {
        require(!error->isEmpty(), "a refused session says why");
        require(changes == 0, "a refused session emits no change");
        require(sessionBytes(state) == before, "a refused session changes nothing");
        return 0;
    }
    checkDrawable(state);

    const QByteArray saved = sessionBytes(state);
    ExplorerState reopened;
    require(!ax::ui::applySessionBytes(reopened, saved).has_value(), "a saved session opens again");
    require(sessionBytes(reopened) == saved, "a session survives save and open unchanged");
    return 0;
}
