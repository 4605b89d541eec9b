// Sampling speed of the catalog (f, f′, f″ at 2,000 points), beside the same work done with the
// plain textbook formulas, and the cost of locating saturated and dead intervals.

#include "core/activation.h"
#include "core/catalog.h"
#include "core/sampling.h"
#include "core/saturation.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <vector>

namespace {

using ax::core::Activation;
using ax::core::ParameterValues;

constexpr std::size_t kPoints = 2000;
constexpr double kMin = -8.0;
constexpr double kMax = 8.0;

void sampleOne(benchmark::State& state, const Activation* activation)
{
    ax::core::SampleSet samples;
    const ParameterValues p = activation->defaults();
    for (auto _ : state) {
        ax::core::sampleUniform(*activation, p, kMin, kMax, kPoints, samples);
        benchmark::DoNotOptimize(samples.d2.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kPoints));
}

void sampleCatalog(benchmark::State& state)
{
    ax::core::SampleSet samples;
    for (auto _ : state) {
        for (const Activation& a : ax::core::catalog()) {
            ax::core::sampleUniform(a, a.defaults(), kMin, kMax, kPoints, samples);
            benchmark::DoNotOptimize(samples.d2.data());
        }
        benchmark::ClobberMemory();
    }
}

void saturationOne(benchmark::State& state, const Activation* activation)
{
    const ParameterValues p = activation->defaults();
    for (auto _ : state)
        benchmark::DoNotOptimize(ax::core::saturationIntervals(*activation, p, kMin, kMax, 0.05));
}

void saturationCatalog(benchmark::State& state)
{
    for (auto _ : state)
        for (const Activation& a : ax::core::catalog())
            benchmark::DoNotOptimize(ax::core::saturationIntervals(a, a.defaults(), kMin, kMax, 0.05));
}

// The comparison: each activation written the way a textbook (or a first attempt) writes it, with
// no care for overflow or cancellation, at the catalog's default parameters.
struct Naive {
    double f, d1, d2;
};

double sig(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

Naive naiveEval(int index, double z)
{
    constexpr double c = 0.7978845608028654;
    constexpr double k = 0.044715;
    const double phi = std::exp(-z * z / 2.0) / std::sqrt(2.0 * std::numbers::pi);
    switch (index) {
        case 0:
            return {z, 1, 0};
        case 1:
            return {z >= 0 ? 1.0 : 0.0, 0, 0};
        case 2: {
            const double s = sig(z);
            return {s, s * (1 - s), s * (1 - s) * (1 - 2 * s)};
        }
        case 3: {
            const double t = std::tanh(z);
            return {t, 1 - t * t, -2 * t * (1 - t * t)};
        }
        case 4:
            return z < -3 ? Naive{0, 0, 0} : z < 3 ? Naive{z / 6 + 0.5, 1.0 / 6, 0} : Naive{1, 0, 0};
        case 5:
            return z < -1 ? Naive{-1, 0, 0} : z < 1 ? Naive{z, 1, 0} : Naive{1, 0, 0};
        case 6: {
            const double q = 1 + std::fabs(z);
            return {z / q, 1 / (q * q), -2 * (z >= 0 ? 1 : -1) / (q * q * q)};
        }
        case 7:
            return z < 0 ? Naive{0, 0, 0} : Naive{z, 1, 0};
        case 8:
            return z < 0 ? Naive{0, 0, 0} : z < 6 ? Naive{z, 1, 0} : Naive{6, 0, 0};
        case 9:
            return z < 0 ? Naive{0.01 * z, 0.01, 0} : Naive{z, 1, 0};
        case 10:
            return z < 0 ? Naive{0.25 * z, 0.25, 0} : Naive{z, 1, 0};
        case 11:
            return z < 0 ? Naive{std::exp(z) - 1, std::exp(z), std::exp(z)} : Naive{z, 1, 0};
        case 12:
            return z < 0 ? Naive{std::exp(z) - 1, std::exp(z), std::exp(z)} : Naive{z, 1, 0};
        case 13: {
            constexpr double l = 1.0507009873554805, a = 1.6732632423543772;
            return z < 0 ? Naive{l * a * (std::exp(z) - 1), l * a * std::exp(z), l * a * std::exp(z)}
                         : Naive{l * z, l, 0};
        }
        case 14: {
            const double s = sig(z);
            return {std::log(1 + std::exp(z)), s, s * (1 - s)};
        }
        case 15: {
            const double cdf = 0.5 * (1 + std::erf(z / std::sqrt(2.0)));
            return {z * cdf, cdf + z * phi, phi * (2 - z * z)};
        }
        case 16: {
            const double u = c * (z + k * z * z * z), t = std::tanh(u), du = c * (1 + 3 * k * z * z);
            const double s2 = 1 - t * t;
            return {0.5 * z * (1 + t), 0.5 * (1 + t) + 0.5 * z * s2 * du,
                    s2 * du + 0.5 * z * (s2 * 6 * c * k * z - 2 * t * s2 * du * du)};
        }
        case 17: {
            const double s = sig(z);
            return {z * s, s + z * s * (1 - s), s * (1 - s) * (2 + z * (1 - 2 * s))};
        }
        case 18:
            return z < -3  ? Naive{0, 0, 0}
                   : z < 3 ? Naive{z * (z + 3) / 6, (2 * z + 3) / 6, 1.0 / 3}
                           : Naive{z, 1, 0};
        case 19: {
            const double sp = std::log(1 + std::exp(z)), t = std::tanh(sp), s = sig(z);
            const double dt = (1 - t * t) * s;
            return {z * t, t + z * dt, 2 * dt + z * (dt * (1 - s) - 2 * t * dt * s)};
        }
        case 20: {
            const double r = std::sqrt(z * z + 4);
            return {(z + r) / 2, (1 + z / r) / 2, 2 / (r * r * r)};
        }
        case 21: {
            const double f = std::exp(-z * z);
            return {f, -2 * z * f, (4 * z * z - 2) * f};
        }
        case 22: {
            const double s = std::sin(z);
            return {z + s * s, 1 + std::sin(2 * z), 2 * std::cos(2 * z)};
        }
        case 23:  // hard shrink, λ = 0.5
            return std::fabs(z) > 0.5 ? Naive{z, 1, 0} : Naive{0, 0, 0};
        case 24:  // soft shrink
            return z > 0.5 ? Naive{z - 0.5, 1, 0} : z < -0.5 ? Naive{z + 0.5, 1, 0} : Naive{0, 0, 0};
        case 25: {  // tanh shrink
            const double t = std::tanh(z);
            return {z - t, t * t, 2 * t * (1 - t * t)};
        }
        case 26: {  // log-sigmoid
            const double s = sig(z);
            return {std::log(s), 1 - s, -s * (1 - s)};
        }
        case 27: {  // RReLU at inference
            constexpr double a = (0.125 + 1.0 / 3.0) / 2;
            return z < 0 ? Naive{a * z, a, 0} : Naive{z, 1, 0};
        }
        case 28:  // threshold
            return z > 0 ? Naive{z, 1, 0} : Naive{0, 0, 0};
        case 29: {
            const double e = std::exp(z);
            return {e, e, e};
        }
        case 30:  // sparse plus
            return z <= -1 ? Naive{0, 0, 0}
                   : z < 1 ? Naive{(z + 1) * (z + 1) / 4, (z + 1) / 2, 0.5}
                           : Naive{z, 1, 0};
        case 31:  // sparse sigmoid
            return z <= -1 ? Naive{0, 0, 0} : z < 1 ? Naive{(z + 1) / 2, 0.5, 0} : Naive{1, 0, 0};
        case 32:
            return z < 0 ? Naive{0, 0, 0} : Naive{z * z, 2 * z, 2};
        case 33: {  // StarReLU
            constexpr double sc = 0.8944271909999159;
            constexpr double b = -0.4472135954999579;
            return z < 0 ? Naive{b, 0, 0} : Naive{sc * z * z + b, 2 * sc * z, 2 * sc};
        }
        case 34: {  // QuickGELU
            const double s = sig(1.702 * z);
            return {z * s, s + 1.702 * z * s * (1 - s), 1.702 * s * (1 - s) * (2 + 1.702 * z * (1 - 2 * s))};
        }
        case 35:
            return {std::sin(z), std::cos(z), -std::sin(z)};
        case 36:
            return {std::atan(z), 1 / (1 + z * z), -2 * z / ((1 + z * z) * (1 + z * z))};
        case 37:
        case 38: {  // ISRU, and ISRLU below 0
            if (index == 38 && z >= 0) return {z, 1, 0};
            const double q = 1 + z * z;
            return {z / std::sqrt(q), 1 / (q * std::sqrt(q)), -3 * z / (q * q * std::sqrt(q))};
        }
        case 39: {  // bent identity
            const double h = std::sqrt(z * z + 1);
            return {(h - 1) / 2 + z, z / (2 * h) + 1, 1 / (2 * h * h * h)};
        }
        case 40: {  // LiSHT
            const double t = std::tanh(z);
            return {z * t, t + z * (1 - t * t), 2 * (1 - t * t) * (1 - z * t)};
        }
        case 41: {  // TanhExp
            const double e = std::exp(z);
            const double t = std::tanh(e);
            const double g1 = e * (1 - t * t);
            return {z * t, t + z * g1, 2 * g1 + z * g1 * (1 - 2 * e * t)};
        }
        default: {  // penalized tanh
            const double t = std::tanh(z);
            const double a = z > 0 ? 1.0 : 0.25;
            return {a * t, a * (1 - t * t), -2 * a * t * (1 - t * t)};
        }
    }
}

template <int Index>
void naiveFill(const std::vector<double>& z, std::vector<double>& f, std::vector<double>& d1,
               std::vector<double>& d2)
{
    for (std::size_t i = 0; i < z.size(); ++i) {
        const Naive n = naiveEval(Index, z[i]);
        f[i] = n.f;
        d1[i] = n.d1;
        d2[i] = n.d2;
    }
}

using NaiveFill = void (*)(const std::vector<double>&, std::vector<double>&, std::vector<double>&,
                           std::vector<double>&);

template <int... I>
constexpr std::array<NaiveFill, sizeof...(I)> naiveTable(std::integer_sequence<int, I...>)
{
    return {&naiveFill<I>...};
}

constexpr auto kNaive = naiveTable(std::make_integer_sequence<int, 43>{});

// The same work as sampleUniform without kinks: grid, then f, f′, f″.
void naiveSample(NaiveFill fill, std::vector<double>& z, std::vector<double>& f, std::vector<double>& d1,
                 std::vector<double>& d2)
{
    z.resize(kPoints);
    f.resize(kPoints);
    d1.resize(kPoints);
    d2.resize(kPoints);
    for (std::size_t i = 0; i < kPoints; ++i)
        z[i] = std::lerp(kMin, kMax, static_cast<double>(i) / static_cast<double>(kPoints - 1));
    fill(z, f, d1, d2);
}

void naiveOne(benchmark::State& state, int index)
{
    std::vector<double> z, f, d1, d2;
    for (auto _ : state) {
        naiveSample(kNaive[static_cast<std::size_t>(index)], z, f, d1, d2);
        benchmark::DoNotOptimize(d2.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(kPoints));
}

void naiveCatalog(benchmark::State& state)
{
    std::vector<double> z, f, d1, d2;
    for (auto _ : state) {
        for (const NaiveFill fill : kNaive) {
            naiveSample(fill, z, f, d1, d2);
            benchmark::DoNotOptimize(d2.data());
        }
        benchmark::ClobberMemory();
    }
}

const bool kRegistered = [] {
    int index = 0;
    for (const Activation& a : ax::core::catalog()) {
        benchmark::RegisterBenchmark(("Sample/" + a.id).c_str(), sampleOne, &a);
        benchmark::RegisterBenchmark(("NaiveSample/" + a.id).c_str(), naiveOne, index++);
        benchmark::RegisterBenchmark(("Saturation/" + a.id).c_str(), saturationOne, &a);
    }
    benchmark::RegisterBenchmark("SampleWholeCatalog", sampleCatalog);
    benchmark::RegisterBenchmark("NaiveSampleWholeCatalog", naiveCatalog);
    benchmark::RegisterBenchmark("SaturationWholeCatalog", saturationCatalog)->Unit(benchmark::kMicrosecond);
    return true;
}();

}  // namespace
