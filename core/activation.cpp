#include "core/activation.h"

#include "core/cpu_vector_registers.h"
#include "core/number_text.h"

#include <algorithm>
#include <cmath>

namespace ax::core {

bool Parameter::accepts(double value) const noexcept
{
    if (!std::isfinite(value)) return false;
    const bool aboveMin = domainMinOpen ? value > domainMin : value >= domainMin;
    const bool belowMax = domainMaxOpen ? value < domainMax : value <= domainMax;
    return aboveMin && belowMax;
}

std::string Parameter::domainText() const
{
    std::string text;
    text.reserve(48);
    text.append(domainMinOpen || std::isinf(domainMin) ? "(" : "[");
    text.append(shortestText(domainMin));
    text.append(", ");
    text.append(shortestText(domainMax));
    text.append(domainMaxOpen || std::isinf(domainMax) ? ")" : "]");
    return text;
}

ParameterValues Activation::defaults() const noexcept
{
    ParameterValues values{};
    for (std::size_t i = 0; i < parameters.size() && i < kMaxParameters; ++i)
        values[i] = parameters[i].defaultValue;
    return values;
}

std::string_view familyName(Family family) noexcept
{
    switch (family) {
        case Family::Linear:
            return "linear";
        case Family::Threshold:
            return "threshold";
        case Family::Sigmoid:
            return "sigmoid";
        case Family::Rectifier:
            return "rectifier";
        case Family::SmoothRectifier:
            return "smooth rectifier";
        case Family::Gated:
            return "gated";
        case Family::Radial:
            return "radial";
        case Family::Periodic:
            return "periodic";
        case Family::Shrinkage:
            return "shrinkage";
        case Family::Other:
            break;
    }
    return "other";
}

std::string_view familyId(Family family) noexcept
{
    return family == Family::SmoothRectifier ? std::string_view("smooth_rectifier") : familyName(family);
}

std::span<const Family> allFamilies() noexcept
{
    static constexpr std::array<Family, kFamilyCount> kAll{
        Family::Linear, Family::Threshold, Family::Sigmoid,  Family::Rectifier, Family::SmoothRectifier,
        Family::Gated,  Family::Radial,    Family::Periodic, Family::Shrinkage, Family::Other};
    return kAll;
}

std::string parameterConflict(const Activation& activation, const ParameterValues& p)
{
    return activation.parameterConflict ? activation.parameterConflict(p) : std::string{};
}

bool zeroDerivativeIsDead(const Activation& activation, const ParameterValues& p)
{
    return !activation.properties || activation.properties(p).deadRegion;
}

int Activation::parameterIndex(std::string_view parameterName) const noexcept
{
    for (std::size_t i = 0; i < parameters.size(); ++i)
        if (parameters[i].name == parameterName) return static_cast<int>(i);
    return -1;
}

void evaluateAll(const Activation& activation, const ParameterValues& p, std::span<const double> z,
                 std::span<double> f, std::span<double> d1, std::span<double> d2)
{
    clearUpperVectorRegisters();
    if (activation.evaluateMany) {
        activation.evaluateMany(z, p, f, d1, d2);
        return;
    }
    for (std::size_t i = 0; i < z.size(); ++i) {
        const Derivatives d = activation.evaluate(z[i], p);
        f[i] = d.f;
        d1[i] = d.d1;
        d2[i] = d.d2;
    }
}

}  // namespace ax::core
