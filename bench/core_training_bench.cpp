// The training lab's speed: a race of the catalog's first 23 activations on two spirals (depth 4,
// width 32, batch 64, Adam), in race steps per second over both cores, and one refresh of every
// network's decision regions for the thumbnails. Run with --benchmark_filter=race to get the
// medians of five repetitions.

#include "core/catalog.h"
#include "core/training/training_race.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <ctime>

namespace {

using namespace ax::core;

RaceSettings spiralRace(int measureEvery)
{
    RaceSettings settings;
    settings.data = {.kind = DatasetKind::Spirals, .samples = 400, .noise = 0.1, .seed = 1};
    settings.network = {.depth = 4, .width = 32};
    settings.optimiser = {.kind = OptimiserKind::Adam, .learningRate = 0.01, .batchSize = 64};
    settings.seed = 1;
    settings.measureEvery = measureEvery;
    return settings;
}

// CPU time of the whole process, every thread included: on a machine that other work shares, the
// steps per two CPU-seconds estimate what two free cores would give, where wall time cannot.
double processSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

std::vector<Contestant> firstCatalogActivations()
{
    std::vector<Contestant> contestants;
    const auto all = catalog();
    for (std::size_t i = 0; i < std::min<std::size_t>(23, all.size()); ++i)
        contestants.push_back({all[i], all[i].defaults()});
    return contestants;
}

// Argument: steps between measurements over the whole data set (one costs about five steps of one
// network: it runs the 400 examples forward, and the activations are most of a forward pass).
void raceSteps(benchmark::State& state)
{
    TrainingRace race(spiralRace(static_cast<int>(state.range(0))), firstCatalogActivations());
    race.advance(1);
    constexpr int kSlice = 100;
    const double cpuBefore = processSeconds();
    for (auto _ : state)
        race.advance(kSlice);
    const double steps = static_cast<double>(state.iterations()) * kSlice;
    state.counters["race_steps_per_s"] = benchmark::Counter(steps, benchmark::Counter::kIsRate);
    state.counters["steps_per_2_cpu_s"] = steps / ((processSeconds() - cpuBefore) / 2.0);
    state.SetLabel("23 activations, depth 4, width 32, batch 64, Adam");
}
BENCHMARK(raceSteps)
    ->Arg(10)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();

void raceDecisionRegions(benchmark::State& state)
{
    TrainingRace race(spiralRace(10), firstCatalogActivations());
    race.advance(50);
    const int resolution = static_cast<int>(state.range(0));
    const double cpuBefore = processSeconds();
    for (auto _ : state)
        race.refreshDecisionRegions(resolution);
    state.counters["ms_per_2_cpu"] =
        1e3 * (processSeconds() - cpuBefore) / 2.0 / static_cast<double>(state.iterations());
    state.SetLabel("23 networks, grid " + std::to_string(resolution) + "²");
}
BENCHMARK(raceDecisionRegions)
    ->Arg(48)
    ->Arg(64)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();

// Where a race step goes: one network's training step on one batch of 64 (one thread, CPU time),
// per activation, and one measurement over the whole data set.
void networkStep(benchmark::State& state)
{
    const Activation& a = catalog()[static_cast<std::size_t>(state.range(0))];
    const Dataset data =
        generateDataset({.kind = DatasetKind::Spirals, .samples = 400, .noise = 0.1, .seed = 1});
    TrainingNetwork network(a, a.defaults(), {.depth = 4, .width = 32}, 2, 2, 1);
    const std::span<const DataPoint> batch(data.train.data(), 64);
    const OptimiserSettings adam{.kind = OptimiserKind::Adam, .learningRate = 1e-4, .batchSize = 64};
    for (auto _ : state)
        network.trainStep(batch, adam);
    state.SetLabel(a.id);
}
BENCHMARK(networkStep)->DenseRange(0, 22)->Unit(benchmark::kMicrosecond);

void networkMeasurement(benchmark::State& state)
{
    const Activation& a = *findActivation("gelu");
    const Dataset data =
        generateDataset({.kind = DatasetKind::Spirals, .samples = 400, .noise = 0.1, .seed = 1});
    TrainingNetwork network(a, a.defaults(), {.depth = 4, .width = 32}, 2, 2, 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(network.measure(data.train, data.test));
    state.SetLabel("gelu, 280 training and 120 test examples");
}
BENCHMARK(networkMeasurement)->Unit(benchmark::kMicrosecond);

}  // namespace
