#include "ui/render/depth_chart_export.h"

#include "ui/render/depth_chart_painter.h"

#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>

namespace ax::ui {

namespace {

// The window's depth charts are laid out for a few hundred pixels; a figure keeps their proportions
// by drawing at this text size and scaling the whole chart with the figure.
constexpr int kDepthChartFontPx = 13;
constexpr double kCaptionMargin = 8.0;

}  // namespace

QByteArray renderDepthChartBytes(const DepthLabModel& model, Chart chart, const FigureOptions& options,
                                 FigureFormat format)
{
    // A figure stands alone: it names its curves even where the window leaves that to a neighbour.
    DepthChartContent content = depthChartContent(model, chart);
    content.showLegend = !content.series.empty();
    content.legendShare = 1.0;
    const QString reading = model.reading(chart);
    const QPalette palette = figurePalette(options);
    const auto paint = [&content, &palette, &reading](QPainter& painter, const QRectF& target) {
        const double unit = figureUnit(target);
        painter.save();
        painter.translate(target.topLeft());
        painter.scale(unit, unit);
        QFont font = QGuiApplication::font();
        font.setPixelSize(kDepthChartFontPx);
        painter.setFont(font);
        const QSizeF size = target.size() / unit;
        // The reading, in words, under the chart as the window shows it.
        const QRectF textArea(kCaptionMargin, 0, size.width() - 2 * kCaptionMargin, size.height());
        const QRectF needed = reading.isEmpty()
                                  ? QRectF()
                                  : painter.boundingRect(textArea, Qt::TextWordWrap | Qt::AlignLeft, reading);
        const double captionHeight = reading.isEmpty() ? 0.0 : needed.height() + kCaptionMargin;
        paintDepthChart(painter, QRectF(0, 0, size.width(), size.height() - captionHeight), content, palette);
        if (!reading.isEmpty()) {
            painter.fillRect(QRectF(0, size.height() - captionHeight, size.width(), captionHeight),
                             palette.color(QPalette::Base));
            painter.setPen(palette.color(QPalette::Text));
            const QRectF caption(kCaptionMargin, size.height() - captionHeight, textArea.width(),
                                 needed.height());
            painter.drawText(caption, Qt::TextWordWrap | Qt::AlignLeft, reading);
        }
        painter.restore();
    };
    QString title = content.title;
    if (!reading.isEmpty()) title += QStringLiteral(": ") + reading;
    return renderPaintedFigureBytes(paint, title, options, format);
}

}  // namespace ax::ui
