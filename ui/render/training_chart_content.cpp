#include "ui/render/training_chart_content.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <optional>

namespace ax::ui {

namespace {

struct TrainingChartContentText {
    Q_DECLARE_TR_FUNCTIONS(TrainingChartContent)
};

// The contestant's name and colour, with "(diverged)" when it stopped.
TrainingSeriesStyle styleOf(const core::ContestantHistory& history,
                            const std::vector<TrainingSeriesStyle>& styles, std::size_t index)
{
    TrainingSeriesStyle style = index < styles.size() ? styles[index] : TrainingSeriesStyle{};
    if (style.label.isEmpty()) style.label = QString::fromStdString(history.id);
    if (!style.colour.isValid()) style.colour = QColor(Qt::gray);
    if (history.diverged) style.label += TrainingChartContentText::tr(" (diverged)");
    return style;
}

using Reading = std::function<std::optional<double>(const core::Measurement&)>;

// One point per measurement, up to the first value that is not finite: a diverged network's line
// ends where it diverged.
std::vector<QPointF> overSteps(const core::ContestantHistory& history, const Reading& reading)
{
    std::vector<QPointF> points;
    points.reserve(history.measurements.size());
    for (const core::Measurement& m : history.measurements) {
        // Once its loss stops being finite, nothing it reports means anything.
        if (history.diverged && !std::isfinite(m.trainLoss)) break;
        const std::optional<double> value = reading(m);
        if (!value) continue;
        if (!std::isfinite(*value)) {
            if (history.diverged) break;
            continue;
        }
        points.emplace_back(m.step, *value);
    }
    return points;
}

// A solid line of the training part and a dashed one of the test part per contestant.
void addTrainAndTest(DepthChartContent& content, const core::RaceSnapshot& snapshot,
                     const std::vector<TrainingSeriesStyle>& styles, const Reading& train,
                     const Reading& test)
{
    for (std::size_t i = 0; i < snapshot.contestants.size(); ++i) {
        const core::ContestantHistory& history = snapshot.contestants[i];
        const TrainingSeriesStyle style = styleOf(history, styles, i);
        content.series.push_back({style.label, style.colour, overSteps(history, train), {}, Qt::SolidLine});
        content.series.push_back({TrainingChartContentText::tr("%1 (test)").arg(style.label),
                                  style.colour,
                                  overSteps(history, test),
                                  {},
                                  Qt::DashLine});
    }
}

bool hasPoints(const DepthChartContent& content)
{
    for (const DepthSeries& s : content.series)
        if (!s.line.empty() || !s.dots.empty()) return true;
    return false;
}

DepthChartContent lossChart(const core::RaceSnapshot& snapshot,
                            const std::vector<TrainingSeriesStyle>& styles)
{
    DepthChartContent content;
    content.title = TrainingChartContentText::tr("Loss (solid: training data, dashed: test data)");
    content.xTitle = TrainingChartContentText::tr("training step");
    content.yTitle = TrainingChartContentText::tr("loss");
    content.yScale = DepthScale::Log;
    content.xIsLayer = false;
    content.xWholeNumbers = true;
    content.xMin = 0.0;
    content.emptyText = TrainingChartContentText::tr("Train a network to see its loss fall.");
    addTrainAndTest(
        content, snapshot, styles, [](const core::Measurement& m) { return std::optional(m.trainLoss); },
        [](const core::Measurement& m) { return std::optional(m.testLoss); });
    return content;
}

DepthChartContent accuracyChart(const core::RaceSnapshot& snapshot,
                                const std::vector<TrainingSeriesStyle>& styles)
{
    DepthChartContent content;
    content.title = TrainingChartContentText::tr("Accuracy (solid: training data, dashed: test data)");
    content.xTitle = TrainingChartContentText::tr("training step");
    content.yTitle = TrainingChartContentText::tr("share classified correctly");
    content.yScale = DepthScale::Linear;
    content.yMin = 0.0;
    content.yMax = 1.0;
    content.xIsLayer = false;
    content.xWholeNumbers = true;
    content.xMin = 0.0;
    addTrainAndTest(
        content, snapshot, styles, [](const core::Measurement& m) { return std::optional(m.trainAccuracy); },
        [](const core::Measurement& m) { return std::optional(m.testAccuracy); });
    // Accuracy is NaN for regression: every line is empty, and the chart says why.
    bool measured = false;
    for (const core::ContestantHistory& history : snapshot.contestants)
        measured = measured || !history.measurements.empty();
    if (measured && !hasPoints(content)) {
        content.title =
            TrainingChartContentText::tr("Accuracy (not measured: a regression target has no classes)");
        content.emptyText = TrainingChartContentText::tr(
            "Accuracy counts correct classes; this data set is a regression target, "
            "so only its loss tells how well a network fits.");
        content.series.clear();
    } else {
        content.emptyText = TrainingChartContentText::tr("Train a network to see its accuracy rise.");
    }
    return content;
}

DepthChartContent deadChart(const core::RaceSnapshot& snapshot,
                            const std::vector<TrainingSeriesStyle>& styles, int layer)
{
    DepthChartContent content;
    content.title = layer < 0 ? TrainingChartContentText::tr("Dead units in the hidden layers")
                              : TrainingChartContentText::tr("Dead units in hidden layer %1").arg(layer + 1);
    content.xTitle = TrainingChartContentText::tr("training step");
    content.yTitle = TrainingChartContentText::tr("share dead for every training example");
    content.yScale = DepthScale::Linear;
    content.yMin = 0.0;
    content.yMax = 1.0;
    content.xIsLayer = false;
    content.xWholeNumbers = true;
    content.xMin = 0.0;
    content.emptyText = TrainingChartContentText::tr("Train a network to see which of its units die.");
    const Reading reading = [layer](const core::Measurement& m) -> std::optional<double> {
        if (m.layers.empty()) return std::nullopt;
        if (layer >= 0) {
            if (static_cast<std::size_t>(layer) >= m.layers.size()) return std::nullopt;
            return m.layers[static_cast<std::size_t>(layer)].deadShare;
        }
        // Every hidden layer has the same width: the share of all units is the mean of the layers'.
        double sum = 0.0;
        for (const core::LayerReading& l : m.layers)
            sum += l.deadShare;
        return sum / static_cast<double>(m.layers.size());
    };
    for (std::size_t i = 0; i < snapshot.contestants.size(); ++i) {
        const core::ContestantHistory& history = snapshot.contestants[i];
        const TrainingSeriesStyle style = styleOf(history, styles, i);
        content.series.push_back({style.label, style.colour, overSteps(history, reading), {}, Qt::SolidLine});
    }
    return content;
}

DepthChartContent gradientChart(const core::RaceSnapshot& snapshot,
                                const std::vector<TrainingSeriesStyle>& styles)
{
    DepthChartContent content;
    content.title = TrainingChartContentText::tr("Gradient through the layers at step %1").arg(snapshot.step);
    content.xTitle = TrainingChartContentText::tr("hidden layer (1: next to the input)");
    content.yTitle = TrainingChartContentText::tr("gradient norm of the layer's weights");
    content.yScale = DepthScale::Log;
    content.xIsLayer = true;
    content.xWholeNumbers = true;
    content.emptyText = TrainingChartContentText::tr(
        "Train a network to see how its gradient fades or grows through the layers.");
    std::size_t depth = 0;
    for (std::size_t i = 0; i < snapshot.contestants.size(); ++i) {
        const core::ContestantHistory& history = snapshot.contestants[i];
        const TrainingSeriesStyle style = styleOf(history, styles, i);
        DepthSeries series{style.label, style.colour, {}, {}, Qt::SolidLine};
        // The latest measurement whose gradients are all finite: a diverged network's last good one.
        for (auto m = history.measurements.rbegin(); m != history.measurements.rend(); ++m) {
            bool finite = !m->layers.empty();
            for (const core::LayerReading& l : m->layers)
                finite = finite && std::isfinite(l.gradientNorm);
            if (!finite) continue;
            for (std::size_t k = 0; k < m->layers.size(); ++k)
                series.line.emplace_back(static_cast<double>(k + 1), m->layers[k].gradientNorm);
            depth = std::max(depth, m->layers.size());
            break;
        }
        series.dots = series.line;
        content.series.push_back(std::move(series));
    }
    if (depth > 0) {
        content.xMin = 1.0;
        content.xMax = static_cast<double>(std::max<std::size_t>(depth, 2));
    }
    return content;
}

}  // namespace

DepthChartContent trainingChartContent(const core::RaceSnapshot& snapshot, Chart chart,
                                       const std::vector<TrainingSeriesStyle>& styles, int layer)
{
    switch (chart) {
        case Chart::TrainingAccuracy:
            return accuracyChart(snapshot, styles);
        case Chart::TrainingDeadUnits:
            return deadChart(snapshot, styles, layer);
        case Chart::TrainingGradient:
            return gradientChart(snapshot, styles);
        default:  // the loss
            break;
    }
    return lossChart(snapshot, styles);
}

}  // namespace ax::ui
