// The training lab's charts as the render layer builds them from a real race: what each shows, on
// which scale, and that a deep sigmoid network's gradient fades before it reaches the first layer.

#include "ui/render/training_chart_content.h"

#include "core/catalog.h"
#include "core/training/training_race.h"
#include "ui/render/training_chart_export.h"

#include <QImage>

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace ax::ui {
namespace {

struct Race {
    core::RaceSnapshot snapshot;
    std::vector<TrainingSeriesStyle> styles;
};

Race runRace(const std::vector<std::string>& ids, core::DatasetKind kind, int depth, int steps)
{
    core::RaceSettings settings;
    settings.data = {.kind = kind, .samples = 200, .noise = 0.1, .seed = 1};
    settings.network = {.depth = depth, .width = 16};
    settings.optimiser = {.kind = core::OptimiserKind::Adam, .learningRate = 0.01, .batchSize = 32};
    settings.measureEvery = 10;
    std::vector<core::Contestant> contestants;
    Race race;
    for (const std::string& id : ids) {
        const core::Activation* activation = core::findActivation(id);
        EXPECT_NE(activation, nullptr) << id;
        contestants.push_back({*activation, activation->defaults()});
        race.styles.push_back({QString::fromStdString(activation->name), QColor(Qt::blue)});
    }
    EXPECT_FALSE(core::validateRace(settings, contestants).has_value());
    core::TrainingRace training(settings, contestants, 2);
    training.advance(steps);
    race.snapshot = training.snapshot();
    return race;
}

const Race& spiralRace()
{
    static const Race race = runRace({"relu", "sigmoid"}, core::DatasetKind::Spirals, 3, 40);
    return race;
}

TEST(TrainingChartContentTest, LossShowsTrainingAndTestLinesOverTheStepsOnALogScale)
{
    const Race& race = spiralRace();
    const DepthChartContent loss = trainingChartContent(race.snapshot, Chart::TrainingLoss, race.styles);
    ASSERT_EQ(loss.series.size(), 4U);  // training and test per activation
    EXPECT_EQ(loss.yScale, DepthScale::Log);
    EXPECT_FALSE(loss.xIsLayer);
    EXPECT_EQ(loss.series[0].label, QStringLiteral("ReLU"));
    EXPECT_EQ(loss.series[0].style, Qt::SolidLine);
    EXPECT_EQ(loss.series[1].label, QStringLiteral("ReLU (test)"));
    EXPECT_EQ(loss.series[1].style, Qt::DashLine);
    EXPECT_EQ(loss.series[1].colour, loss.series[0].colour);
    // Step 0 and every tenth step: 0, 10, 20, 30, 40.
    EXPECT_EQ(loss.series[0].line.size(), 5U);
    EXPECT_DOUBLE_EQ(loss.series[0].line.back().x(), 40.0);
    // ReLU learns something in 40 steps.
    EXPECT_LT(loss.series[0].line.back().y(), loss.series[0].line.front().y());
}

TEST(TrainingChartContentTest, AccuracyAndDeadUnitsAreSharesFromZeroToOne)
{
    const Race& race = spiralRace();
    for (const Chart chart : {Chart::TrainingAccuracy, Chart::TrainingDeadUnits}) {
        const DepthChartContent content = trainingChartContent(race.snapshot, chart, race.styles);
        EXPECT_EQ(content.yMin, 0.0);
        EXPECT_EQ(content.yMax, 1.0);
        EXPECT_FALSE(content.xIsLayer);
        for (const DepthSeries& s : content.series)
            for (const QPointF& p : s.line) {
                EXPECT_GE(p.y(), 0.0);
                EXPECT_LE(p.y(), 1.0);
            }
    }
    EXPECT_EQ(trainingChartContent(race.snapshot, Chart::TrainingAccuracy, race.styles).series.size(), 4U);
    const DepthChartContent dead = trainingChartContent(race.snapshot, Chart::TrainingDeadUnits, race.styles);
    EXPECT_EQ(dead.series.size(), 2U);
    // The sigmoid has no dead region.
    for (const QPointF& p : dead.series[1].line)
        EXPECT_EQ(p.y(), 0.0);
    const DepthChartContent firstLayer =
        trainingChartContent(race.snapshot, Chart::TrainingDeadUnits, race.styles, 0);
    EXPECT_TRUE(firstLayer.title.contains(QStringLiteral("layer 1")));
    EXPECT_EQ(firstLayer.series[0].line.size(), 5U);
}

TEST(TrainingChartContentTest, RegressionSaysAccuracyDoesNotApply)
{
    const Race race = runRace({"relu"}, core::DatasetKind::Sine, 2, 10);
    const DepthChartContent accuracy =
        trainingChartContent(race.snapshot, Chart::TrainingAccuracy, race.styles);
    EXPECT_TRUE(accuracy.series.empty());
    EXPECT_TRUE(accuracy.emptyText.contains(QStringLiteral("regression")));
}

TEST(TrainingChartContentTest, DeepSigmoidGradientFadesBeforeTheFirstLayer)
{
    const Race race = runRace({"relu", "sigmoid"}, core::DatasetKind::Spirals, 10, 10);
    const DepthChartContent gradient =
        trainingChartContent(race.snapshot, Chart::TrainingGradient, race.styles);
    EXPECT_TRUE(gradient.xIsLayer);
    EXPECT_EQ(gradient.yScale, DepthScale::Log);
    ASSERT_EQ(gradient.series.size(), 2U);
    ASSERT_EQ(gradient.series[0].line.size(), 10U);
    EXPECT_DOUBLE_EQ(gradient.series[0].line.front().x(), 1.0);
    const double relu = gradient.series[0].line.front().y();
    const double sigmoid = gradient.series[1].line.front().y();
    EXPECT_LT(sigmoid * 100.0, relu) << "relu " << relu << ", sigmoid " << sigmoid;
}

TEST(TrainingChartContentTest, ADivergedNetworksLinesEndWhereItDivergedAndItsNameSaysSo)
{
    core::RaceSnapshot snapshot;
    snapshot.step = 20;
    core::ContestantHistory history;
    history.id = "relu";
    history.diverged = true;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    history.measurements.push_back({0, 1.0, 1.1, 0.5, 0.5, {{0.0, 0.3, 0.0, 1.0}}});
    history.measurements.push_back({10, 0.8, 0.9, 0.6, 0.6, {{0.5, 0.2, 0.0, 1.0}}});
    history.measurements.push_back({20, nan, nan, 0.6, 0.6, {{0.5, nan, 0.0, 1.0}}});
    snapshot.contestants.push_back(history);
    const std::vector<TrainingSeriesStyle> styles{{QStringLiteral("ReLU"), QColor(Qt::red)}};
    const DepthChartContent loss = trainingChartContent(snapshot, Chart::TrainingLoss, styles);
    ASSERT_EQ(loss.series.size(), 2U);
    EXPECT_EQ(loss.series[0].label, QStringLiteral("ReLU (diverged)"));
    EXPECT_EQ(loss.series[1].label, QStringLiteral("ReLU (diverged) (test)"));
    ASSERT_EQ(loss.series[0].line.size(), 2U);
    EXPECT_DOUBLE_EQ(loss.series[0].line.back().x(), 10.0);
    const DepthChartContent dead = trainingChartContent(snapshot, Chart::TrainingDeadUnits, styles);
    ASSERT_EQ(dead.series.size(), 1U);
    EXPECT_EQ(dead.series[0].line.size(), 2U);
    // The gradient chart shows the last measurement that had a gradient.
    const DepthChartContent gradient = trainingChartContent(snapshot, Chart::TrainingGradient, styles);
    ASSERT_EQ(gradient.series.size(), 1U);
    ASSERT_EQ(gradient.series[0].line.size(), 1U);
    EXPECT_DOUBLE_EQ(gradient.series[0].line[0].y(), 0.2);
}

TEST(TrainingChartContentTest, ExportsEveryChartAsAnImage)
{
    const Race& race = spiralRace();
    FigureOptions options;
    options.size = QSizeF(640, 360);
    for (const Chart chart : kTrainingCharts) {
        const QByteArray png =
            renderTrainingChartBytes(race.snapshot, race.styles, chart, options, FigureFormat::Png);
        const QImage image = QImage::fromData(png, "PNG");
        EXPECT_EQ(image.size(), QSize(640, 360)) << chartName(chart).toStdString();
        EXPECT_FALSE(renderTrainingChartBytes(race.snapshot, race.styles, chart, options, FigureFormat::Svg)
                         .isEmpty());
    }
}

TEST(TrainingChartContentTest, TrainingChartsHaveTheirOwnNames)
{
    for (const Chart chart : kTrainingCharts) {
        EXPECT_TRUE(isTrainingChart(chart));
        EXPECT_FALSE(isDepthChart(chart));
        EXPECT_EQ(trainingChartFromName(chartName(chart)), chart);
        EXPECT_EQ(chartFromName(chartName(chart)), chart);
    }
    EXPECT_EQ(chartName(Chart::TrainingDeadUnits), QStringLiteral("training-dead"));
    EXPECT_FALSE(trainingChartFromName(QStringLiteral("depth-dead")));
    for (const Chart chart : kDepthCharts)
        EXPECT_FALSE(isTrainingChart(chart));
}

TEST(TrainingChartContentTest, StepsAndLayersAreMarkedAtWholeNumbers)
{
    const Race& race = spiralRace();
    // Neither a training step nor a hidden layer comes in halves.
    for (const Chart chart : kTrainingCharts)
        EXPECT_TRUE(trainingChartContent(race.snapshot, chart, race.styles).xWholeNumbers)
            << chartName(chart).toStdString();
}

}  // namespace
}  // namespace ax::ui
