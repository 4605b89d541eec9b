#include "core/infinite_limits.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace ax::core {

namespace {

constexpr std::array kDecades{1e296, 1e297, 1e298, 1e299, 1e300};
constexpr std::array kInsideSteps{1e-4, 2e-4, 3e-4, 4e-4};
constexpr double kOscillationTolerance = 1e-2;
constexpr double kDecadeFactor = 5.0;

// Limit of one quantity from its values on the ladder of decades and near the farthest point.
double limitOf(const std::array<double, kDecades.size()>& ladder,
               const std::array<double, kInsideSteps.size()>& nearby) noexcept
{
    const double far = ladder.back();
    const auto isNan = [](double v) { return std::isnan(v); };
    if (std::any_of(ladder.begin(), ladder.end(), isNan) || std::any_of(nearby.begin(), nearby.end(), isNan))
        return std::numeric_limits<double>::quiet_NaN();

    double scale = std::fabs(far);
    for (const double v : nearby)
        scale = std::max(scale, std::fabs(v));
    for (const double v : nearby)
        if (std::fabs(v - far) > kOscillationTolerance * scale)
            return std::numeric_limits<double>::quiet_NaN();

    bool grows = true;
    bool shrinks = true;
    for (std::size_t k = 0; k + 1 < ladder.size(); ++k) {
        const double a = ladder[k];
        const double b = ladder[k + 1];
        grows = grows && a != 0.0 && std::signbit(a) == std::signbit(b) &&
                std::fabs(b) >= kDecadeFactor * std::fabs(a);
        shrinks = shrinks && std::fabs(b) * kDecadeFactor <= std::fabs(a);
    }
    if (std::isinf(far) || grows) return std::copysign(std::numeric_limits<double>::infinity(), far);
    if (far == 0.0 || shrinks) return 0.0;
    return far;
}

}  // namespace

Derivatives limitAtInfinity(const Activation& activation, const ParameterValues& parameters, double towards)
{
    const double sign = towards < 0.0 ? -1.0 : 1.0;
    std::array<Derivatives, kDecades.size()> ladder{};
    for (std::size_t k = 0; k < kDecades.size(); ++k)
        ladder[k] = activation.evaluate(sign * kDecades[k], parameters);
    std::array<Derivatives, kInsideSteps.size()> nearby{};
    for (std::size_t k = 0; k < kInsideSteps.size(); ++k)
        nearby[k] = activation.evaluate(sign * kDecades.back() * (1.0 - kInsideSteps[k]), parameters);

    const auto limitOfMember = [&](double Derivatives::*member) {
        std::array<double, kDecades.size()> ladderValues{};
        std::array<double, kInsideSteps.size()> nearbyValues{};
        for (std::size_t k = 0; k < ladder.size(); ++k)
            ladderValues[k] = ladder[k].*member;
        for (std::size_t k = 0; k < nearby.size(); ++k)
            nearbyValues[k] = nearby[k].*member;
        return limitOf(ladderValues, nearbyValues);
    };
    return {limitOfMember(&Derivatives::f), limitOfMember(&Derivatives::d1), limitOfMember(&Derivatives::d2)};
}

}  // namespace ax::core
