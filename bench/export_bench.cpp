// How long exporting the combined figure takes with every catalog activation shown: PNG at 1920×1080 ×2,
// SVG and PDF. Run on the offscreen platform, so no display is needed. AX_BENCH_FIRST=N shows only the
// catalog's first N activations, to compare with a build whose catalog was that long.

#include "ui/model/explorer_state.h"
#include "ui/render/figure_export.h"

#include <QApplication>

#include <benchmark/benchmark.h>

namespace {

void exportCombined(benchmark::State& run, ax::ui::FigureFormat format, double scale)
{
    ax::ui::ExplorerState state;
    const qsizetype first = qEnvironmentVariableIntValue("AX_BENCH_FIRST");
    state.setEnabledIds(first > 0 ? state.activationIds().mid(0, first) : state.activationIds());
    ax::ui::FigureOptions options;
    options.chart = ax::ui::Chart::Combined;
    options.scale = scale;
    options.theme = ax::ui::Theme::Light;
    qint64 bytes = 0;
    for (auto _ : run) {
        const QByteArray file = ax::ui::renderFigureBytes(state, options, format);
        bytes = file.size();
        benchmark::DoNotOptimize(file.constData());
    }
    run.counters["file_kib"] = static_cast<double>(bytes) / 1024.0;
}

void pngFullHdTimesTwo(benchmark::State& run)
{
    exportCombined(run, ax::ui::FigureFormat::Png, 2.0);
}
void svg(benchmark::State& run)
{
    exportCombined(run, ax::ui::FigureFormat::Svg, 1.0);
}
void pdf(benchmark::State& run)
{
    exportCombined(run, ax::ui::FigureFormat::Pdf, 1.0);
}

BENCHMARK(pngFullHdTimesTwo)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(svg)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);
BENCHMARK(pdf)->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true);

}  // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
