#include "ui/model/charts.h"

#include <algorithm>

namespace ax::ui {

QString chartName(Chart chart)
{
    switch (chart) {
        case Chart::Function:
            return QStringLiteral("function");
        case Chart::Derivative:
            return QStringLiteral("derivative");
        case Chart::Second:
            return QStringLiteral("second");
        case Chart::Saturation:
            return QStringLiteral("saturation");
        case Chart::Combined:
            return QStringLiteral("combined");
        case Chart::DepthVariance:
            return QStringLiteral("depth-variance");
        case Chart::DepthGradient:
            return QStringLiteral("depth-gradient");
        case Chart::DepthDead:
            return QStringLiteral("depth-dead");
        case Chart::SeluPhase:
            return QStringLiteral("selu-phase");
        case Chart::TrainingLoss:
            return QStringLiteral("training-loss");
        case Chart::TrainingAccuracy:
            return QStringLiteral("training-accuracy");
        case Chart::TrainingDeadUnits:
            return QStringLiteral("training-dead");
        case Chart::TrainingGradient:
            return QStringLiteral("training-gradient");
    }
    return {};
}

namespace {

template <std::size_t N>
std::optional<Chart> findByName(const std::array<Chart, N>& charts, const QString& name)
{
    const auto it = std::find_if(charts.begin(), charts.end(), [&](Chart c) { return chartName(c) == name; });
    if (it == charts.end()) return std::nullopt;
    return *it;
}

}  // namespace

std::optional<Chart> figureChartFromName(const QString& name)
{
    return findByName(kFigureCharts, name);
}

std::optional<Chart> depthChartFromName(const QString& name)
{
    return findByName(kDepthCharts, name);
}

std::optional<Chart> trainingChartFromName(const QString& name)
{
    return findByName(kTrainingCharts, name);
}

std::optional<Chart> chartFromName(const QString& name)
{
    if (const auto figure = figureChartFromName(name)) return figure;
    if (const auto depth = depthChartFromName(name)) return depth;
    return trainingChartFromName(name);
}

}  // namespace ax::ui
