#include "core/cost.h"

#include "core/catalog.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <limits>

namespace ax::core {

namespace {

constexpr std::size_t kPointCount = 512;
// A timer tick is tens of nanoseconds; a floor keeps ratios finite even for a measurement that
// rounds to zero.
constexpr double kMinimumNanoseconds = 1e-3;

constexpr std::array<double, kPointCount> makePoints() noexcept
{
    std::array<double, kPointCount> points{};
    for (std::size_t i = 0; i < kPointCount; ++i)
        points[i] = -8.0 + 16.0 * static_cast<double>(i) / static_cast<double>(kPointCount - 1);
    return points;
}

constexpr std::array<double, kPointCount> kPoints = makePoints();

}  // namespace

std::span<const double> costSamplePoints() noexcept
{
    return kPoints;
}

double measureNanosecondsPerEvaluation(const Activation& activation, const ParameterValues& p,
                                       int repetitions) noexcept
{
    if (!activation.evaluate) return std::numeric_limits<double>::infinity();
    using Clock = std::chrono::steady_clock;
    double best = std::numeric_limits<double>::infinity();
    // The sink stops the optimiser from discarding evaluations whose results are unused.
    volatile double sink = 0.0;
    for (int r = 0; r < std::max(1, repetitions); ++r) {
        double sum = 0.0;
        const auto start = Clock::now();
        for (const double z : kPoints) {
            const Derivatives d = activation.evaluate(z, p);
            sum += d.f + d.d1 + d.d2;
        }
        const auto stop = Clock::now();
        sink = sink + sum;
        const double ns =
            std::chrono::duration<double, std::nano>(stop - start).count() / static_cast<double>(kPointCount);
        best = std::min(best, ns);
    }
    return std::max(best, kMinimumNanoseconds);
}

std::vector<double> relativeCosts(std::span<const Activation> activations, int repetitions)
{
    std::vector<double> costs;
    costs.reserve(activations.size());
    double reference = 0.0;
    for (const Activation& activation : activations) {
        costs.push_back(measureNanosecondsPerEvaluation(activation, activation.defaults(), repetitions));
        if (activation.id == "relu") reference = costs.back();
    }
    // The unit is ReLU's own measurement of this run, so ReLU itself reads exactly 1×.
    if (reference <= 0.0)
        if (const Activation* relu = findActivation("relu"))
            reference = measureNanosecondsPerEvaluation(*relu, relu->defaults(), repetitions);
    if (reference <= 0.0) reference = kMinimumNanoseconds;
    for (double& cost : costs)
        cost /= reference;
    return costs;
}

}  // namespace ax::core
