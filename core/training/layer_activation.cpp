#include "core/training/layer_activation.h"

#include <utility>

namespace ax::core {

LayerActivation::LayerActivation(Activation activation, const ParameterValues& p)
    : m_activation(std::move(activation)), m_parameters(p), m_canDie(zeroDerivativeIsDead(m_activation, p))
{
}

void LayerActivation::evaluate(std::span<const double> z, std::span<double> f, std::span<double> d1)
{
    if (m_secondDerivatives.size() < z.size()) m_secondDerivatives.resize(z.size());
    const std::span<double> d2(m_secondDerivatives.data(), z.size());
    if (m_activation.evaluateMany) {
        m_activation.evaluateMany(z, m_parameters, f, d1, d2);
        return;
    }
    for (std::size_t i = 0; i < z.size(); ++i) {
        const Derivatives d = m_activation.evaluate(z[i], m_parameters);
        f[i] = d.f;
        d1[i] = d.d1;
    }
}

}  // namespace ax::core
