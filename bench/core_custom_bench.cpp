// Custom activations: f, f′ and f″ at 2,000 points through the compiled expressions (the chart's
// path), next to a per-point loop and the catalog's hand-written evaluator for the same function.

#include "core/activation.h"
#include "core/catalog.h"
#include "core/formula/custom_activation.h"

#include <benchmark/benchmark.h>

#include <stdexcept>

#include <string>
#include <vector>

namespace {

using ax::core::Activation;
using ax::core::buildCustomActivation;
using ax::core::CustomActivation;

constexpr std::size_t kPoints = 2000;

CustomActivation customOf(const std::string& formula)
{
    const auto built = buildCustomActivation({"bench", "bench", formula, {}});
    if (!built.ok()) throw std::runtime_error(built.error->message);
    return *built.custom;
}

struct Buffers {
    std::vector<double> z = std::vector<double>(kPoints);
    std::vector<double> f = std::vector<double>(kPoints);
    std::vector<double> d1 = std::vector<double>(kPoints);
    std::vector<double> d2 = std::vector<double>(kPoints);
    Buffers()
    {
        for (std::size_t i = 0; i < kPoints; ++i)
            z[i] = -6.0 + 12.0 * static_cast<double>(i) / (kPoints - 1);
    }
};

void runBulk(benchmark::State& state, const Activation& a)
{
    Buffers b;
    const auto p = a.defaults();
    for (auto _ : state) {
        ax::core::evaluateAll(a, p, b.z, b.f, b.d1, b.d2);
        benchmark::DoNotOptimize(b.f.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}

void runPointwise(benchmark::State& state, const Activation& a)
{
    Buffers b;
    const auto p = a.defaults();
    for (auto _ : state) {
        for (std::size_t i = 0; i < kPoints; ++i) {
            const auto d = a.evaluate(b.z[i], p);
            b.f[i] = d.f;
            b.d1[i] = d.d1;
            b.d2[i] = d.d2;
        }
        benchmark::DoNotOptimize(b.f.data());
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}

void BM_CustomBulk(benchmark::State& state, const std::string& formula)
{
    const CustomActivation c = customOf(formula);
    runBulk(state, c.activation);
}

void BM_CustomPointwise(benchmark::State& state, const std::string& formula)
{
    const CustomActivation c = customOf(formula);
    runPointwise(state, c.activation);
}

void BM_CustomCopyOfCatalog(benchmark::State& state, const std::string& id)
{
    const auto spec = ax::core::duplicateAsCustom(id, "bench");
    const auto built = buildCustomActivation(*spec);
    runBulk(state, built.custom->activation);
}

void BM_CatalogOriginal(benchmark::State& state, const std::string& id)
{
    runBulk(state, *ax::core::findActivation(id));
}

void BM_CustomBuild(benchmark::State& state, const std::string& formula)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(customOf(formula));
}

std::string repeated(const std::string& piece, int times)
{
    std::string text;
    for (int i = 0; i < times; ++i)
        text += piece;
    return text;
}

// Hostile formulas are settled (here: refused, or accepted at the edge of the limits) in bounded
// time; the target is a few milliseconds each, well under the dialog's patience.
void BM_HostileSettled(benchmark::State& state, const std::string& formula)
{
    for (auto _ : state)
        benchmark::DoNotOptimize(buildCustomActivation({"bench", "bench", formula, {}}));
}

BENCHMARK_CAPTURE(BM_CustomBulk, swish, std::string("z * sigmoid(b*z)"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CustomBulk, elu_like, std::string("max(z, a*(exp(z)-1))"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CustomBulk, mish_ln_exp, std::string("z*tanh(ln(1+exp(z)))"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CustomBulk, softsign, std::string("z/(1+abs(z))"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CustomPointwise, swish, std::string("z * sigmoid(b*z)"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CustomPointwise, mish_ln_exp, std::string("z*tanh(ln(1+exp(z)))"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CustomCopyOfCatalog, gelu_tanh, std::string("gelu_tanh"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CatalogOriginal, gelu_tanh, std::string("gelu_tanh"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CustomCopyOfCatalog, mish, std::string("mish"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CatalogOriginal, mish, std::string("mish"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_CustomBuild, mish_ln_exp, std::string("z*tanh(ln(1+exp(z)))"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HostileSettled, parentheses_50000, repeated("(", 50000) + "z" + repeated(")", 50000))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HostileSettled, abs_22_deep, repeated("abs(", 22) + "z-1" + repeated(")", 22))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HostileSettled, max_30_deep, repeated("max(z, ", 30) + "0" + repeated(")", 30))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HostileSettled, exp_20_deep, repeated("exp(", 20) + "z" + repeated(")", 20))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HostileSettled, tanh_10_deep, repeated("tanh(", 10) + "z" + repeated(")", 10))
    ->Unit(benchmark::kMillisecond);

}  // namespace
