#pragma once
// Every chart the program draws, under one name: the four panels of the main view, the figure that
// combines them, the depth lab's four and the training lab's four. The names the command line and file names
// use live here.

#include <QString>

#include <array>
#include <cstddef>
#include <optional>

namespace ax::ui {

enum class Chart {
    // The main view's panels, in the order they are stacked.
    Function,
    Derivative,
    Second,
    Saturation,
    // The panels the state shows, as one figure.
    Combined,
    // The depth lab.
    DepthVariance,
    DepthGradient,
    DepthDead,
    SeluPhase,
    // The training lab.
    TrainingLoss,
    TrainingAccuracy,
    TrainingDeadUnits,
    TrainingGradient,
};

inline constexpr std::array kPanelCharts{Chart::Function, Chart::Derivative, Chart::Second,
                                         Chart::Saturation};
inline constexpr std::array kFigureCharts{Chart::Function, Chart::Derivative, Chart::Second,
                                          Chart::Saturation, Chart::Combined};
inline constexpr std::array kDepthCharts{Chart::DepthVariance, Chart::DepthGradient, Chart::DepthDead,
                                         Chart::SeluPhase};
inline constexpr std::array kTrainingCharts{Chart::TrainingLoss, Chart::TrainingAccuracy,
                                            Chart::TrainingDeadUnits, Chart::TrainingGradient};

[[nodiscard]] constexpr bool isPanelChart(Chart chart) noexcept
{
    return chart < Chart::Combined;
}
[[nodiscard]] constexpr bool isDepthChart(Chart chart) noexcept
{
    return chart > Chart::Combined && chart < Chart::TrainingLoss;
}
[[nodiscard]] constexpr bool isTrainingChart(Chart chart) noexcept
{
    return chart >= Chart::TrainingLoss;
}

// Position among the main view's panels (0–3) or among the depth lab's charts (0–3), for tables
// kept per chart.
[[nodiscard]] constexpr std::size_t panelIndex(Chart chart) noexcept
{
    return static_cast<std::size_t>(chart);
}
[[nodiscard]] constexpr std::size_t depthChartIndex(Chart chart) noexcept
{
    return static_cast<std::size_t>(chart) - static_cast<std::size_t>(Chart::DepthVariance);
}
[[nodiscard]] constexpr std::size_t trainingChartIndex(Chart chart) noexcept
{
    return static_cast<std::size_t>(chart) - static_cast<std::size_t>(Chart::TrainingLoss);
}

// "function", "derivative", "second", "saturation", "combined", "depth-variance", "depth-gradient",
// "depth-dead", "selu-phase", "training-loss", "training-accuracy", "training-dead",
// "training-gradient".
[[nodiscard]] QString chartName(Chart chart);
[[nodiscard]] std::optional<Chart> chartFromName(const QString& name);
// Only the names of the main view's figures, or only those of the depth lab's or the training lab's
// charts.
[[nodiscard]] std::optional<Chart> figureChartFromName(const QString& name);
[[nodiscard]] std::optional<Chart> depthChartFromName(const QString& name);
[[nodiscard]] std::optional<Chart> trainingChartFromName(const QString& name);

}  // namespace ax::ui
