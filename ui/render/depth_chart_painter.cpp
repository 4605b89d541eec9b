#include "ui/render/depth_chart_painter.h"

#include "core/catalog.h"
#include "ui/model/activation_palette.h"
#include "ui/render/plot_ticks.h"
#include "ui/render/polyline_simplify.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QStaticText>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ax::ui {
namespace {

constexpr double kDotRadius = 2.6;
constexpr double kLineTolerance = 0.2;  // how far a simplified line may move, in device units
constexpr double kMaxDecades = 300.0;

QString superscript(int n)
{
    static const QString kDigits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString text = QString::number(std::abs(n));
    QString out;
    for (const QChar c : text)
        out += kDigits[c.digitValue()];
    return n < 0 ? QStringLiteral("⁻") + out : out;
}

struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v)
    {
        if (!std::isfinite(v)) return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    [[nodiscard]] bool valid() const { return lo <= hi; }
};

// Value to the axis' own coordinate (log10 on a log axis); NaN when it cannot be shown.
double toAxis(double v, bool log)
{
    if (!log) return std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
    return v > 0.0 && std::isfinite(v) ? std::log10(v) : std::numeric_limits<double>::quiet_NaN();
}

bool useLog(const DepthChartContent& c)
{
    if (c.yScale != DepthScale::Auto) return c.yScale == DepthScale::Log;
    Range r;
    for (const DepthSeries& s : c.series) {
        for (const QPointF& p : s.line)
            r.add(p.y());
        for (const QPointF& p : s.dots)
            r.add(p.y());
    }
    return r.valid() && r.lo > 0.0 && r.hi / r.lo > 100.0;
}

// Labels are drawn at every repaint while a slider moves, and laying text out is most of what a
// label costs: on a raster device each string is laid out once per font (QStaticText) and then
// only placed. Other devices (SVG, PDF) get plain text as before.
void drawLabel(QPainter& painter, const QRectF& rect, int flags, const QString& text)
{
    if (painter.paintEngine() == nullptr || painter.paintEngine()->type() != QPaintEngine::Raster) {
        painter.drawText(rect, flags, text);
        return;
    }
    thread_local QHash<QString, QStaticText> cache;
    constexpr qsizetype kMaxCached = 4096;
    const QString key = painter.font().key() + QChar(0) + text;
    auto found = cache.find(key);
    if (found == cache.end()) {
        if (cache.size() >= kMaxCached) cache.clear();
        QStaticText prepared(text);
        prepared.setTextFormat(Qt::PlainText);
        prepared.prepare(QTransform(), painter.font());
        found = cache.insert(key, prepared);
    }
    const QSizeF size = found->size();
    const double x = (flags & Qt::AlignRight) != 0     ? rect.right() - size.width()
                     : (flags & Qt::AlignHCenter) != 0 ? rect.center().x() - size.width() / 2.0
                                                       : rect.left();
    const double y = (flags & Qt::AlignBottom) != 0    ? rect.bottom() - size.height()
                     : (flags & Qt::AlignVCenter) != 0 ? rect.center().y() - size.height() / 2.0
                                                       : rect.top();
    painter.drawStaticText(QPointF(x, y), *found);
}

}  // namespace
namespace {

struct DepthChartPainterText {
    Q_DECLARE_TR_FUNCTIONS(DepthChartPainter)
};

DepthChartContent layerChart(const DepthLabModel& model, Chart chart)
{
    const ExplorerState& state = model.state();
    const int depth = state.depthLab().depth;
    DepthChartContent content;
    content.xTitle = DepthChartPainterText::tr("layer");
    content.xMin = 0.0;
    content.xMax = depth;
    content.xWholeNumbers = true;
    switch (chart) {
        case Chart::DepthVariance:
            content.title = DepthChartPainterText::tr("Variance of pre-activations");
            content.yTitle = DepthChartPainterText::tr("q = Var h");
            content.yScale = DepthScale::Auto;
            content.emptyText =
                DepthChartPainterText::tr("Enable an activation to see its variance through the layers.");
            break;
        case Chart::DepthGradient:
            content.title = DepthChartPainterText::tr("Gradient norm (relative to the top)");
            content.yTitle = DepthChartPainterText::tr("‖∂L/∂h‖");
            content.yScale = DepthScale::Log;
            content.showLegend = false;
            content.emptyText =
                DepthChartPainterText::tr("Enable an activation to see its gradient through the layers.");
            break;
        default:  // the dead units; SELU's map is painted by its own routine
            content.title = DepthChartPainterText::tr("Fraction of dead units");
            content.yTitle = DepthChartPainterText::tr("dead for all %1 inputs").arg(DepthLabModel::kBatch);
            content.yMin = 0.0;
            content.yMax = 1.0;
            content.showLegend = false;
            content.emptyText = DepthChartPainterText::tr(
                "Enable an activation to see which of its units die through the layers.");
            break;
    }
    bool anyDead = false;
    for (const QString& id : state.enabledIds()) {
        const std::vector<core::TheoryLayer>* theory = model.theory(id);
        const core::Activation* a = state.activation(id);
        if (theory == nullptr || a == nullptr) continue;
        DepthSeries series{
            QString::fromStdString(a->name), activationColour(state.session(), id), {}, {}, Qt::SolidLine};
        series.line.reserve(theory->size());
        for (std::size_t l = 0; l < theory->size(); ++l) {
            const core::TheoryLayer& layer = (*theory)[l];
            const auto x = static_cast<double>(l);
            if (chart == Chart::DepthVariance) {
                series.line.emplace_back(x, layer.variance);
            } else if (chart == Chart::DepthGradient) {
                series.line.emplace_back(x, std::pow(10.0, layer.log10GradientNorm));
            } else if (std::isfinite(layer.deadFraction)) {
                series.line.emplace_back(x, layer.deadFraction);
                anyDead = true;
            }
        }
        if (const core::SimulationResult* simulated = model.simulated(id)) {
            for (std::size_t l = 0; l < simulated->layers.size(); ++l) {
                const core::SimulatedLayer& layer = simulated->layers[l];
                const auto x = static_cast<double>(l);
                series.dots.emplace_back(x, chart == Chart::DepthVariance   ? layer.variance
                                            : chart == Chart::DepthGradient ? layer.gradientNorm
                                                                            : layer.deadFraction);
            }
            anyDead = true;
        }
        content.series.push_back(std::move(series));
    }
    if (chart == Chart::DepthDead && !anyDead) {
        content.series.clear();
        // The lines come in slices after the rest, and wait while the network keeps changing.
        if (model.isWorkingOutDeadUnits())
            content.emptyText = DepthChartPainterText::tr("Working out which units die…");
    }
    return content;
}

DepthChartContent phaseChart(const DepthLabModel& model)
{
    const ExplorerState& state = model.state();
    DepthChartContent phase;
    phase.title = DepthChartPainterText::tr("SELU's mean/variance map");
    phase.xTitle = DepthChartPainterText::tr("mean μ of a layer's outputs");
    phase.yTitle = DepthChartPainterText::tr("variance ν");
    phase.xIsLayer = false;
    phase.xMin = -1.0;
    phase.xMax = 1.0;
    phase.yMin = 0.0;
    phase.yMax = 3.0;
    const core::Activation* selu = core::findActivation("selu");
    const DepthPhasePlane& plane = model.phasePlane();
    if (selu == nullptr || !plane.valid) return phase;
    const QString seluId = QString::fromStdString(selu->id);
    const QColor colour = activationColour(state.session(), seluId);
    phase.arrows = plane.arrows;
    bool first = true;
    for (const std::vector<QPointF>& path : plane.trajectories) {
        DepthSeries series{first ? DepthChartPainterText::tr("SELU, theory") : QString(),
                           colour,
                           path,
                           {path.front()},
                           Qt::SolidLine};
        phase.series.push_back(std::move(series));
        first = false;
    }
    if (const core::SimulationResult* simulated = model.simulated(seluId)) {
        DepthSeries measured{
            DepthChartPainterText::tr("SELU, simulated layers"), colour.darker(160), {}, {}, Qt::SolidLine};
        for (const core::SimulatedLayer& layer : simulated->layers)
            measured.dots.emplace_back(layer.activationMean, layer.activationVariance);
        phase.series.push_back(std::move(measured));
    }
    if (plane.fixedPoint)
        phase.markers.emplace_back(plane.fixedPoint->point.mean, plane.fixedPoint->point.variance);
    return phase;
}

}  // namespace

DepthChartContent depthChartContent(const DepthLabModel& model, Chart chart)
{
    return chart == Chart::SeluPhase ? phaseChart(model) : layerChart(model, chart);
}

void paintDepthChart(QPainter& painter, const QRectF& target, const DepthChartContent& content,
                     const QPalette& palette, std::vector<DrawnDepthLine>* drawn, DepthLineWeight weight)
{
    if (drawn != nullptr) drawn->clear();
    const bool onScreen = weight == DepthLineWeight::Screen;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(target, palette.color(QPalette::Base));
    const QColor ink = palette.color(QPalette::Text);
    QColor grid = ink;
    grid.setAlphaF(0.12);
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height();

    const bool log = useLog(content);
    // Every point in the axis' own coordinates, once: a log axis would otherwise take the logarithm
    // of each point again for the range and for the drawing.
    const auto toAxes = [log](const std::vector<QPointF>& points) {
        std::vector<QPointF> axes;
        axes.reserve(points.size());
        for (const QPointF& p : points)
            axes.emplace_back(p.x(), toAxis(p.y(), log));
        return axes;
    };
    std::vector<std::vector<QPointF>> lines;
    std::vector<std::vector<QPointF>> dots;
    lines.reserve(content.series.size());
    dots.reserve(content.series.size());
    for (const DepthSeries& s : content.series) {
        lines.push_back(toAxes(s.line));
        dots.push_back(toAxes(s.dots));
    }
    Range xs;
    Range ys;
    for (std::size_t i = 0; i < content.series.size(); ++i) {
        for (const QPointF& p : lines[i]) {
            xs.add(p.x());
            ys.add(p.y());
        }
        for (const QPointF& p : dots[i]) {
            xs.add(p.x());
            ys.add(p.y());
        }
    }
    for (const QLineF& a : content.arrows) {
        xs.add(a.x1());
        ys.add(toAxis(a.y1(), log));
    }
    for (const QPointF& m : content.markers) {
        xs.add(m.x());
        ys.add(toAxis(m.y(), log));
    }
    if (content.xMin) xs.lo = *content.xMin;
    if (content.xMax) xs.hi = *content.xMax;
    if (content.yMin) ys.lo = toAxis(*content.yMin, log);
    if (content.yMax) ys.hi = toAxis(*content.yMax, log);

    const QRectF titleRect(target.left(), target.top() + 2.0, target.width(), line);
    painter.setPen(ink);
    drawLabel(painter, titleRect, Qt::AlignHCenter | Qt::AlignVCenter, content.title);
    const QRectF plot = target.adjusted(4.0 * line, 1.6 * line, -0.8 * line, -2.4 * line);
    if (!xs.valid() || !ys.valid() || plot.width() < 20.0 || plot.height() < 20.0) {
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, content.emptyText);
        painter.restore();
        return;
    }
    if (log) {
        ys.lo = std::floor(ys.lo);
        ys.hi = std::ceil(ys.hi);
        ys.lo = std::max(ys.lo, ys.hi - kMaxDecades);
    }
    if (ys.hi - ys.lo < 1e-12 * std::max(1.0, std::fabs(ys.hi))) {
        const double pad = log ? 1.0 : std::max(0.5 * std::fabs(ys.hi), 0.5);
        ys.lo -= pad;
        ys.hi += pad;
    } else if (!log && !content.yMin && !content.yMax) {
        const double pad = 0.05 * (ys.hi - ys.lo);
        ys.lo -= pad;
        ys.hi += pad;
    }
    if (xs.hi - xs.lo <= 0.0) {
        // A fixed start stays put (step 0 of a race, the first layer): the axis only grows rightwards.
        if (!content.xMin) xs.lo -= 1.0;
        xs.hi = xs.lo + (content.xMin ? 1.0 : 2.0);
    }
    auto mapX = [&](double x) { return plot.left() + (x - xs.lo) / (xs.hi - xs.lo) * plot.width(); };
    auto mapY = [&](double y) { return plot.bottom() - (y - ys.lo) / (ys.hi - ys.lo) * plot.height(); };

    // Grid and tick labels.
    painter.setPen(QPen(grid, 0));
    const PlotTicks xTicks =
        makeTicks(xs.lo, xs.hi, std::max(2, static_cast<int>(plot.width() / (5.0 * line))),
                  content.xWholeNumbers ? TickValues::WholeNumbers : TickValues::Any);
    for (std::size_t i = 0; i < xTicks.values.size(); ++i) {
        const double x = mapX(xTicks.values[i]);
        painter.setPen(QPen(grid, 0));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(ink);
        drawLabel(painter, QRectF(x - 3.0 * line, plot.bottom() + 2.0, 6.0 * line, line), Qt::AlignHCenter,
                  xTicks.labels.value(static_cast<int>(i)));
    }
    std::vector<std::pair<double, QString>> yLabels;
    if (log) {
        const int decades = static_cast<int>(ys.hi - ys.lo);
        const int maxLabels = std::max(2, static_cast<int>(plot.height() / (1.6 * line)));
        const int every = std::max(1, (decades + maxLabels - 1) / maxLabels);
        for (int k = static_cast<int>(ys.lo); k <= static_cast<int>(ys.hi); ++k)
            if (k % every == 0) yLabels.emplace_back(k, QStringLiteral("10") + superscript(k));
    } else {
        const PlotTicks yTicks =
            makeTicks(ys.lo, ys.hi, std::max(2, static_cast<int>(plot.height() / (2.0 * line))));
        for (std::size_t i = 0; i < yTicks.values.size(); ++i)
            yLabels.emplace_back(yTicks.values[i], yTicks.labels.value(static_cast<int>(i)));
    }
    for (const auto& [value, label] : yLabels) {
        const double y = mapY(value);
        painter.setPen(QPen(grid, 0));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(ink);
        drawLabel(painter, QRectF(target.left(), y - 0.5 * line, plot.left() - target.left() - 4.0, line),
                  Qt::AlignRight | Qt::AlignVCenter, label);
    }
    painter.setPen(QPen(ink, 0));
    painter.drawRect(plot);
    drawLabel(painter, QRectF(plot.left(), plot.bottom() + 1.1 * line, plot.width(), line), Qt::AlignHCenter,
              content.xTitle);
    painter.save();
    painter.translate(target.left() + 0.1 * line, plot.center().y());
    painter.rotate(-90.0);
    drawLabel(painter, QRectF(-plot.height() / 2.0, 0.0, plot.height(), line), Qt::AlignHCenter,
              content.yTitle);
    painter.restore();

    const bool nothing = content.arrows.empty() && content.markers.empty() &&
                         std::all_of(content.series.begin(), content.series.end(),
                                     [](const DepthSeries& s) { return s.line.empty() && s.dots.empty(); });
    if (nothing) painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, content.emptyText);

    painter.save();
    painter.setClipRect(plot.adjusted(-kDotRadius, -kDotRadius, kDotRadius, kDotRadius));
    // The direction field first, faint, so the data stays on top.
    QColor arrowColour = ink;
    arrowColour.setAlphaF(0.35);
    painter.setPen(QPen(arrowColour, 1.0));
    for (const QLineF& a : content.arrows) {
        const QPointF p1(mapX(a.x1()), mapY(toAxis(a.y1(), log)));
        const QPointF p2(mapX(a.x2()), mapY(toAxis(a.y2(), log)));
        if (!std::isfinite(p1.y()) || !std::isfinite(p2.y())) continue;
        QLineF shaft(p1, p2);
        if (shaft.length() < 1.0) continue;
        painter.drawLine(shaft);
        QLineF wing(p2, p1);
        wing.setLength(std::min(5.0, 0.4 * shaft.length()));
        QLineF left = wing;
        left.setAngle(wing.angle() + 25.0);
        QLineF right = wing;
        right.setAngle(wing.angle() - 25.0);
        painter.drawLine(left);
        painter.drawLine(right);
    }
    for (std::size_t i = 0; i < content.series.size(); ++i) {
        const DepthSeries& s = content.series[i];
        // Each unbroken run of the line, without the vertices no one could see (a deep network's
        // settled layers lie on a straight line): fewer joins for the stroker to work out.
        QPainterPath path;
        QPolygonF run;
        const auto endRun = [&] {
            simplifyPolyline(run, kLineTolerance);
            if (!run.isEmpty()) path.addPolygon(run);
            run.clear();
        };
        DrawnDepthLine shown{i, {}, {}};
        for (std::size_t k = 0; k < lines[i].size(); ++k) {
            const QPointF& p = lines[i][k];
            if (std::isnan(p.y())) {
                endRun();
                continue;
            }
            run.append(QPointF(mapX(p.x()), mapY(p.y())));
            if (drawn != nullptr && !s.label.isEmpty()) {
                shown.device.push_back(run.back());
                shown.points.push_back(k);
            }
        }
        endRun();
        if (drawn != nullptr && !shown.device.empty()) drawn->push_back(std::move(shown));
        painter.setPen(onScreen ? QPen(QBrush(s.colour), 0, s.style) : QPen(QBrush(s.colour), 1.8, s.style));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(path);
        painter.setPen(QPen(palette.color(QPalette::Base), 0.8));
        painter.setBrush(s.colour);
        for (const QPointF& p : dots[i]) {
            if (std::isnan(p.y())) continue;
            painter.drawEllipse(QPointF(mapX(p.x()), mapY(p.y())), kDotRadius, kDotRadius);
        }
    }
    painter.setPen(QPen(ink, 1.6));
    painter.setBrush(Qt::NoBrush);
    for (const QPointF& m : content.markers) {
        const QPointF c(mapX(m.x()), mapY(toAxis(m.y(), log)));
        painter.drawEllipse(c, 5.0, 5.0);
        painter.drawLine(c + QPointF(-7.0, 0.0), c + QPointF(7.0, 0.0));
        painter.drawLine(c + QPointF(0.0, -7.0), c + QPointF(0.0, 7.0));
    }
    painter.restore();

    std::vector<const DepthSeries*> named;
    for (const DepthSeries& s : content.series)
        if (!s.label.isEmpty()) named.push_back(&s);
    const double rowHeight = 1.05 * line;
    const bool legendFits = named.size() * rowHeight + 0.4 * line <= content.legendShare * plot.height();
    if (content.showLegend && !named.empty() && !legendFits && content.legendShare < 1.0) {
        // Too many curves to name without hiding them: say where the names are.
        const QString hint =
            QCoreApplication::translate("DepthChartPainter", "%n curves: hover one for its name", nullptr,
                                        static_cast<int>(named.size()));
        const QRectF area = plot.adjusted(6.0, 6.0, -6.0, -6.0);
        const QRectF box =
            painter.boundingRect(area, Qt::AlignRight | Qt::AlignTop, hint).adjusted(-4, -2, 4, 2);
        QColor backing = palette.color(QPalette::Base);
        backing.setAlphaF(0.85);
        painter.setPen(QPen(grid, 0));
        painter.setBrush(backing);
        painter.drawRect(box);
        painter.setPen(ink);
        painter.drawText(area, Qt::AlignRight | Qt::AlignTop, hint);
    } else if (content.showLegend && !named.empty()) {
        double width = 0.0;
        for (const DepthSeries* s : named)
            width = std::max(width, metrics.horizontalAdvance(s->label));
        const int rows = std::min(static_cast<int>(named.size()),
                                  std::max(1, static_cast<int>((plot.height() - 8.0) / rowHeight)));
        const QRectF box(plot.right() - width - 2.4 * line - 6.0, plot.top() + 6.0, width + 2.4 * line,
                         rows * rowHeight + 0.4 * line);
        QColor backing = palette.color(QPalette::Base);
        backing.setAlphaF(0.85);
        painter.setPen(QPen(grid, 0));
        painter.setBrush(backing);
        painter.drawRect(box);
        for (int i = 0; i < rows; ++i) {
            const DepthSeries& s = *named[static_cast<std::size_t>(i)];
            const double y = box.top() + 0.2 * line + (i + 0.5) * rowHeight;
            if (s.line.empty()) {
                painter.setPen(QPen(palette.color(QPalette::Base), 0.8));
                painter.setBrush(s.colour);
                painter.drawEllipse(QPointF(box.left() + 0.95 * line, y), kDotRadius, kDotRadius);
            } else {
                painter.setPen(QPen(QBrush(s.colour), 2.0, s.style));
                painter.drawLine(QPointF(box.left() + 0.3 * line, y), QPointF(box.left() + 1.6 * line, y));
            }
            painter.setPen(ink);
            drawLabel(painter, QRectF(box.left() + 1.9 * line, y - 0.5 * line, width + 0.5 * line, line),
                      Qt::AlignLeft | Qt::AlignVCenter, s.label);
        }
    }
    painter.restore();
}

}  // namespace ax::ui
