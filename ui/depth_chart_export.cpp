#include "depth_chart_export.h"

#include "depth_lab_chart.h"

#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>

namespace ax::ui {

namespace {

// The window's depth charts are laid out for a few hundred pixels; a figure keeps their proportions
// by drawing at this text size and scaling the whole chart with the figure.
constexpr int kChartFontPx = 13;

}  // namespace

QByteArray renderDepthChartBytes(const DepthLabView& view, DepthChart chart, const FigureOptions& options,
                                 FigureFormat format)
{
    const DepthChartContent& content = view.chartContent(chart);
    const QPalette palette = figurePalette(options);
    const auto paint = [&content, &palette](QPainter& painter, const QRectF& target) {
        const double unit = figureUnit(target);
        painter.save();
        painter.translate(target.topLeft());
        painter.scale(unit, unit);
        QFont font = QGuiApplication::font();
        font.setPixelSize(kChartFontPx);
        painter.setFont(font);
        DepthLabChart::paint(painter, QRectF(QPointF(0, 0), target.size() / unit), content, palette);
        painter.restore();
    };
    QString title = content.title;
    if (const QString reading = view.reading(chart); !reading.isEmpty())
        title += QStringLiteral(": ") + reading;
    return renderPaintedFigureBytes(paint, title, options, format);
}

}  // namespace ax::ui
