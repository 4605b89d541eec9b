// How long the depth lab's numbers take: the theory curves must redraw within a frame while a
// slider moves; the simulation runs in the background and only needs to be bearable.

#include "core/activation.h"
#include "core/catalog.h"
#include "core/depth/depth_simulation.h"
#include "core/depth/depth_theory.h"
#include "core/depth/gaussian_expectation.h"

#include <benchmark/benchmark.h>

#include <string>

namespace {

using namespace ax::core;

// Arguments: layers, the batch whose dead units the theory predicts (0: none; the window's 64, which
// it adds in slices between input events), and σ_w² (1: LeCun, where most variances settle and
// their layers are reused; 2: He, where many grow and every layer is integrated anew).
void theoryForEveryActivation(benchmark::State& state)
{
    const DepthNetwork setup{.depth = static_cast<int>(state.range(0)),
                             .batch = static_cast<int>(state.range(1)),
                             .weightVariance = static_cast<double>(state.range(2))};
    for (auto _ : state) {
        for (const Activation& a : catalog())
            benchmark::DoNotOptimize(depthProfile(a, a.defaults(), setup));
    }
    state.SetLabel(std::to_string(catalog().size()) + " activations");
}
BENCHMARK(theoryForEveryActivation)
    ->Args({200, 0, 1})
    ->Args({200, 64, 1})
    ->Args({200, 0, 2})
    ->Args({200, 64, 2})
    ->Unit(benchmark::kMillisecond);

void oneExpectation(benchmark::State& state)
{
    const Activation& a = catalog()[static_cast<std::size_t>(state.range(0))];
    for (auto _ : state)
        benchmark::DoNotOptimize(gaussianMoments(a, a.defaults(), 0.0, 1.3));
    state.SetLabel(a.id);
}
// One activation with a dead region, the most the theory pays for after a parameter slider moves.
void theoryForRelu(benchmark::State& state)
{
    const Activation& a = *findActivation("relu");
    const DepthNetwork setup{.depth = 200, .batch = 64, .weightVariance = 2.0};
    for (auto _ : state)
        benchmark::DoNotOptimize(depthProfile(a, a.defaults(), setup));
}
BENCHMARK(theoryForRelu)->Unit(benchmark::kMillisecond);

BENCHMARK(oneExpectation)->DenseRange(0, 22)->Unit(benchmark::kMicrosecond);

void simulation(benchmark::State& state)
{
    const Activation& a = *findActivation("tanh");
    DepthNetwork s;
    s.width = static_cast<int>(state.range(0));
    s.depth = static_cast<int>(state.range(1));
    s.batch = static_cast<int>(state.range(2));
    for (auto _ : state)
        benchmark::DoNotOptimize(simulateDepth(a, a.defaults(), s));
}
BENCHMARK(simulation)->Args({256, 50, 64})->Args({1024, 100, 256})->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace
