#pragma once
// The depth lab's charts (per-layer statistics or the mean/variance phase plane): what one shows, and
// the one routine that paints it for the window and for every export.

#include "ui/model/depth_lab_model.h"

#include <QColor>
#include <QLineF>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

class QPainter;

namespace ax::ui {

// One activation's data on a chart: the theory as a line, the simulation as dots over it.
struct DepthSeries {
    QString label;
    QColor colour;
    std::vector<QPointF> line;
    std::vector<QPointF> dots;
    Qt::PenStyle style = Qt::SolidLine;  // of the line (and its sample in the legend)
    friend bool operator==(const DepthSeries&, const DepthSeries&) = default;
};

enum class DepthScale { Linear, Log, Auto };  // Auto: log when the data spans over two decades

struct DepthChartContent {
    QString title;
    QString xTitle;
    QString yTitle;
    DepthScale yScale = DepthScale::Linear;
    std::optional<double> yMin;  // fixed ends; otherwise from the data
    std::optional<double> yMax;
    std::optional<double> xMin;
    std::optional<double> xMax;
    std::vector<DepthSeries> series;
    std::vector<QLineF> arrows;    // a direction field, in data coordinates
    std::vector<QPointF> markers;  // fixed points, in data coordinates
    QString emptyText;             // shown when there is nothing to draw
    bool showLegend = true;
    // The most of the plot's height the legend may cover; when it needs more, it gives way to a
    // hint that hovering a line names it (the window lists the colours beside the charts).
    double legendShare = 0.5;  // 1 or more: the legend shows as many names as the plot holds
    bool xIsLayer = true;      // the horizontal axis counts layers (not so on the phase plane)
    // Ticks on the horizontal axis only at whole numbers: it counts layers or training steps.
    bool xWholeNumbers = false;
    friend bool operator==(const DepthChartContent&, const DepthChartContent&) = default;
};

// A drawn line's points in device coordinates, with the index of each in its series' line, to name
// what a pointer rests on.
struct DrawnDepthLine {
    std::size_t series = 0;
    std::vector<QPointF> device;
    std::vector<std::size_t> points;
};

// What one of the model's charts shows: its theory as lines, its simulation as dots, in the colours
// the activations have everywhere.
[[nodiscard]] DepthChartContent depthChartContent(const DepthLabModel& model, Chart chart);

// How wide the lines are drawn. A window draws one device pixel: a wider pen sends every line
// through the raster engine's stroker, which made a frame of the training lab's charts (dozens of
// lines, dashed ones among them) take about 100 ms where this takes 30. Images and documents keep
// the wider line that prints well.
enum class DepthLineWeight { Print, Screen };

// The whole chart (title, axes, curves, dots, legend) into target on any device; drawn, when given,
// receives the lines as drawn.
void paintDepthChart(QPainter& painter, const QRectF& target, const DepthChartContent& content,
                     const QPalette& palette, std::vector<DrawnDepthLine>* drawn = nullptr,
                     DepthLineWeight weight = DepthLineWeight::Print);

}  // namespace ax::ui
