#include "ui/render/convention_overlay.h"

#include "core/catalog.h"
#include "core/measurements.h"
#include "ui/model/explorer_state.h"
#include "ui/render/chart_painter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ax::ui {

namespace {

// One sample per device column is plenty for an overlay that is read, not measured.
constexpr int kMaxOverlaySamples = 1500;

std::string key(const QString& id)
{
    return id.toStdString();
}

QString nameOf(core::Framework framework)
{
    const std::string_view name = core::frameworkName(framework);
    return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

}  // namespace

QColor ConventionOverlay::frameworkColour(core::Framework framework)
{
    // Okabe–Ito: told apart with every common colour-vision deficiency.
    switch (framework) {
        case core::Framework::PyTorch:
            return QColor(0xd5, 0x5e, 0x00);
        case core::Framework::TensorFlowKeras2:
            return QColor(0x00, 0x72, 0xb2);
        case core::Framework::Keras3:
            return QColor(0x00, 0x9e, 0x73);
        case core::Framework::Jax:
            return QColor(0xcc, 0x79, 0xa7);
    }
    return Qt::black;
}

Qt::PenStyle ConventionOverlay::frameworkDash(core::Framework framework)
{
    switch (framework) {
        case core::Framework::PyTorch:
            return Qt::SolidLine;
        case core::Framework::TensorFlowKeras2:
            return Qt::DashLine;
        case core::Framework::Keras3:
            return Qt::DotLine;
        case core::Framework::Jax:
            return Qt::DashDotLine;
    }
    return Qt::SolidLine;
}

void ConventionOverlay::paint(QPainter& painter, const ChartLayout& layout, const ExplorerState& state,
                              double unit, const QColor& foreground, const QColor& background)
{
    const QString id = state.comparedConventionId();
    if (id.isEmpty()) return;
    const double zMin = state.zMin();
    const double zMax = state.zMax();
    const int count = std::clamp(static_cast<int>(layout.target.width()), 200, kMaxOverlaySamples);

    std::vector<core::ConventionVariant> variants;
    for (const core::Framework framework : core::frameworks())
        if (auto variant = core::conventionVariant(framework, key(id)))
            variants.push_back(std::move(*variant));
    if (variants.empty()) return;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const ChartPanel& panel : layout.panels) {
        if (panel.kind != Chart::Function && panel.kind != Chart::Derivative) continue;
        const int order = panel.kind == Chart::Function ? 0 : 1;
        const PlotMapping mapping = panel.mapping();
        painter.save();
        painter.setClipRect(panel.plot);

        QColor shade(0xe6, 0x9f, 0x00);
        shade.setAlphaF(0.22f);
        for (const core::Interval& interval : core::shadedConventionIntervals(key(id), zMin, zMax, order)) {
            const double x0 = std::clamp(mapping.xForZ(interval.lo), panel.plot.left(), panel.plot.right());
            const double x1 = std::clamp(mapping.xForZ(interval.hi), panel.plot.left(), panel.plot.right());
            painter.fillRect(QRectF(x0, panel.plot.top(), std::max(x1 - x0, 1.0), panel.plot.height()),
                             shade);
        }

        for (const core::ConventionVariant& variant : variants) {
            const core::ParameterValues p = variant.activation.defaults();
            QPainterPath path;
            bool open = false;
            for (int i = 0; i < count; ++i) {
                const double z = zMin + (zMax - zMin) * i / (count - 1);
                const core::Derivatives d = variant.activation.evaluate(z, p);
                const double y = mapping.yForValue(order == 0 ? d.f : d.d1);
                if (!std::isfinite(y)) {
                    open = false;
                    continue;
                }
                const QPointF point(mapping.xForZ(z),
                                    std::clamp(y, panel.plot.top() - 1e4, panel.plot.bottom() + 1e4));
                if (open)
                    path.lineTo(point);
                else
                    path.moveTo(point);
                open = true;
            }
            QPen pen(frameworkColour(variant.framework), 2.0 * unit, frameworkDash(variant.framework));
            pen.setCapStyle(Qt::FlatCap);
            painter.setPen(pen);
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
        }
        painter.restore();

        // A key in the panel's top-left corner: which line is which framework.
        if (order == 0) {
            QFont font = painter.font();
            font.setPixelSize(std::max(8, static_cast<int>(std::lround(11.0 * unit))));
            painter.setFont(font);
            const QFontMetricsF metrics(font);
            const double line = metrics.height();
            const QString title =
                QCoreApplication::translate("ax::ui::ConventionOverlay", "Conventions of %1")
                    .arg(QString::fromStdString(core::findActivation(key(id))->name));
            double width = metrics.horizontalAdvance(title);
            for (const auto& v : variants)
                width = std::max(width, 30.0 * unit + metrics.horizontalAdvance(nameOf(v.framework)));
            const QRectF box(panel.plot.left() + 8.0 * unit, panel.plot.top() + 8.0 * unit,
                             width + 12.0 * unit,
                             line * static_cast<double>(variants.size() + 1) + 8.0 * unit);
            QColor fill = background;
            fill.setAlphaF(0.9f);
            painter.setPen(QPen(foreground, 0));
            painter.setBrush(fill);
            painter.drawRect(box);
            painter.drawText(QRectF(box.left() + 6.0 * unit, box.top() + 4.0 * unit, width, line),
                             Qt::AlignLeft | Qt::AlignVCenter, title);
            for (std::size_t i = 0; i < variants.size(); ++i) {
                const double y = box.top() + 4.0 * unit + line * static_cast<double>(i + 1);
                QPen pen(frameworkColour(variants[i].framework), 2.0 * unit,
                         frameworkDash(variants[i].framework));
                painter.setPen(pen);
                painter.drawLine(QPointF(box.left() + 6.0 * unit, y + line / 2.0),
                                 QPointF(box.left() + 30.0 * unit, y + line / 2.0));
                painter.setPen(foreground);
                painter.drawText(QRectF(box.left() + 36.0 * unit, y, width, line),
                                 Qt::AlignLeft | Qt::AlignVCenter, nameOf(variants[i].framework));
            }
        }
    }
    painter.restore();
}

}  // namespace ax::ui
