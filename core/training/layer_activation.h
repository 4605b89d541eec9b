#pragma once
// An activation applied to a whole layer at once: f and f′ of every unit and example in one pass.
//
// This is most of the cost of training: a step of a depth-4, width-32 network on a batch of 64 needs
// f and f′ at 8,192 points (16,384 values). One call of the activation's bulk evaluator per layer
// gives both in the same pass, instead of one std::function call per unit and value, so its
// inlined per-point code runs over a contiguous buffer.

#include "core/activation.h"

#include <span>
#include <vector>

namespace ax::core {

// An activation with fixed parameter values, evaluated over layers. Not thread-safe (it keeps a
// buffer for f″, which the bulk evaluators fill too); give each network its own.
class LayerActivation {
public:
    LayerActivation(Activation activation, const ParameterValues& p);

    // f and f′ at every z; f and d1 must have z's size.
    void evaluate(std::span<const double> z, std::span<double> f, std::span<double> d1);

    [[nodiscard]] const Activation& activation() const noexcept { return m_activation; }
    [[nodiscard]] const ParameterValues& parameters() const noexcept { return m_parameters; }
    // Whether an f′ of exactly 0 means a dead unit (the catalog's rule, zeroDerivativeIsDead).
    [[nodiscard]] bool canDie() const noexcept { return m_canDie; }

private:
    Activation m_activation;
    ParameterValues m_parameters;
    bool m_canDie;
    std::vector<double> m_secondDerivatives;
};

}  // namespace ax::core
