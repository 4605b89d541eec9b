// The training lab's speed: a race of the catalog's first 23 activations on two spirals (depth 4,
// width 32, batch 64, Adam), in race steps per second over both cores, and one refresh of every
// network's decision regions for the thumbnails. Run with --benchmark_filter=race to get the
// medians of five repetitions.

#include "core/catalog.h"
#include "core/training/training_race.h"

#include <benchmark/benchmark.h>

#include <algorithm>

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

std::vector<Contestant> firstCatalogActivations()
{
    std::vector<Contestant> contestants;
    const auto all = catalog();
    for (std::size_t i = 0; i < std::min<std::size_t>(23, all.size()); ++i)
        contestants.push_back({all[i], all[i].defaults()});
    return contestants;
}

// Argument: steps between measurements over the whole data set (each costs about two steps).
void raceSteps(benchmark::State& state)
{
    TrainingRace race(spiralRace(static_cast<int>(state.range(0))), firstCatalogActivations());
    race.advance(1);
    constexpr int kSlice = 100;
    for (auto _ : state)
        race.advance(kSlice);
    state.counters["race_steps_per_s"] =
        benchmark::Counter(static_cast<double>(state.iterations()) * kSlice, benchmark::Counter::kIsRate);
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
    for (auto _ : state)
        race.refreshDecisionRegions(resolution);
    state.SetLabel("23 networks, grid " + std::to_string(resolution) + "²");
}
BENCHMARK(raceDecisionRegions)
    ->Arg(48)
    ->Arg(64)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true)
    ->UseRealTime();

}  // namespace
