#include "ui/render/training_chart_export.h"

#include "ui/render/depth_chart_painter.h"

#include <QFont>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>

namespace ax::ui {

namespace {

// As the depth lab's figures: drawn at this text size, the whole chart scaled with the figure.
constexpr int kTrainingChartFontPx = 13;

}  // namespace

QByteArray renderTrainingChartBytes(const core::RaceSnapshot& snapshot,
                                    const std::vector<TrainingSeriesStyle>& styles, Chart chart,
                                    const FigureOptions& options, FigureFormat format)
{
    // A figure stands alone: it names every curve.
    DepthChartContent content = trainingChartContent(snapshot, chart, styles);
    content.showLegend = !content.series.empty();
    content.legendShare = 1.0;
    const QPalette palette = figurePalette(options);
    const auto paint = [&content, &palette](QPainter& painter, const QRectF& target) {
        const double unit = figureUnit(target);
        painter.save();
        painter.translate(target.topLeft());
        painter.scale(unit, unit);
        QFont font = QGuiApplication::font();
        font.setPixelSize(kTrainingChartFontPx);
        painter.setFont(font);
        const QSizeF size = target.size() / unit;
        paintDepthChart(painter, QRectF(0, 0, size.width(), size.height()), content, palette);
        painter.restore();
    };
    return renderPaintedFigureBytes(paint, content.title, options, format);
}

}  // namespace ax::ui
