#pragma once
// One chart of the depth lab (per-layer statistics or the mean/variance phase plane), painted with
// QPainter so that screen, image and vector export all go through the same routine.

#include <QColor>
#include <QLineF>
#include <QPalette>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>

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
    friend bool operator==(const DepthChartContent&, const DepthChartContent&) = default;
};

class DepthLabChart : public QWidget {
    Q_OBJECT

public:
    explicit DepthLabChart(QWidget* parent = nullptr);

    void setContent(DepthChartContent content);
    [[nodiscard]] const DepthChartContent& content() const noexcept { return m_content; }

    // A drawn line's points in device coordinates, with the index of each in its series' line, to
    // name what a pointer rests on.
    struct DrawnLine {
        std::size_t series = 0;
        std::vector<QPointF> device;
        std::vector<std::size_t> points;
    };

    // The whole chart (title, axes, curves, dots, legend) into target on any device; drawn, when
    // given, receives the lines as drawn.
    static void paint(QPainter& painter, const QRectF& target, const DepthChartContent& content,
                      const QPalette& palette, std::vector<DrawnLine>* drawn = nullptr);

    // What the pointer at pos rests on: "ReLU, layer 12: 0.473", or empty when no line is near.
    [[nodiscard]] QString hoverText(const QPointF& pos) const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    DepthChartContent m_content;
    std::vector<DrawnLine> m_drawn;  // as last painted
};

}  // namespace ax::ui
