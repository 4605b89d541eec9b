#include "ui/widgets/depth_lab_chart.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace ax::ui {

DepthLabChart::DepthLabChart(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void DepthLabChart::setContent(DepthChartContent content)
{
    if (content == m_content) return;  // nothing to repaint: a drag elsewhere leaves this chart alone
    m_content = std::move(content);
    update();
}

QSize DepthLabChart::sizeHint() const
{
    return {420, 260};
}

QSize DepthLabChart::minimumSizeHint() const
{
    return {220, 150};
}

void DepthLabChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintDepthChart(painter, rect(), m_content, palette(), &m_drawn, DepthLineWeight::Screen);
}

bool DepthLabChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QString text = hoverText(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

QString DepthLabChart::hoverText(const QPointF& pos) const
{
    constexpr double kReach = 8.0;  // pixels from a line that still count as on it
    double best = kReach * kReach;
    const DrawnDepthLine* line = nullptr;
    std::size_t at = 0;
    for (const DrawnDepthLine& d : m_drawn) {
        for (std::size_t i = 0; i < d.device.size(); ++i) {
            // The distance to the segment from this point to the next, named by its nearer end.
            const QPointF a = d.device[i];
            const QPointF b = i + 1 < d.device.size() ? d.device[i + 1] : a;
            const QPointF ab = b - a;
            const double length = QPointF::dotProduct(ab, ab);
            const double t =
                length > 0.0 ? std::clamp(QPointF::dotProduct(pos - a, ab) / length, 0.0, 1.0) : 0.0;
            const QPointF delta = a + t * ab - pos;
            const double distance = QPointF::dotProduct(delta, delta);
            if (distance < best) {
                best = distance;
                line = &d;
                at = t > 0.5 ? i + 1 : i;
            }
        }
    }
    if (line == nullptr || line->series >= m_content.series.size()) return {};
    const QString& label = m_content.series[line->series].label;
    const QPointF& value = m_content.series[line->series].line[line->points[at]];
    const QString y = QString::number(value.y(), 'g', 3);
    if (m_content.xIsLayer)
        return tr("%1, layer %2: %3").arg(label).arg(static_cast<int>(std::lround(value.x()))).arg(y);
    if (m_content.xWholeNumbers)
        return tr("%1, %2 %3: %4").arg(label, m_content.xTitle, QString::number(std::llround(value.x())), y);
    return tr("%1: (%2, %3)").arg(label, QString::number(value.x(), 'g', 3), y);
}

}  // namespace ax::ui
