#include "ui/render/chart_painter.h"

#include "core/measurements.h"
#include "ui/model/activation_palette.h"
#include "ui/render/convention_overlay.h"
#include "ui/render/polyline_simplify.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ax::ui {

namespace {

// Auto-fit: no curve may push the limits beyond this many times the median curve's magnitude.
constexpr double kCapOverMedian = 5.0;

// The legend's sample line: in print long enough for a whole dash pattern at the curve's pen width.
double legendSwatchLength(const ChartRenderOptions& options)
{
    constexpr double kPrintPenWidth = 1.6;
    return options.style == ChartStyle::Print ? (kMaxPrintDashPeriod + 1.0) * kPrintPenWidth * options.unit
                                              : 22.0 * options.unit;
}
constexpr double kMarginFraction = 0.05;
constexpr double kLaneLabelMaxWidth = 100.0;
// Below this height (layout pixels) a lane has no room for its name.
constexpr double kMinLabelledLane = 9.0;

struct Fonts {
    QFont tick;
    QFont title;
    QFont axis;
    QFont legend;
};

QFont sizedFont(double pixels, bool bold = false)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

Fonts makeFonts(const ChartRenderOptions& options)
{
    const double u = options.unit;
    switch (options.style) {
        case ChartStyle::Print:
            return {sizedFont(13.0 * u), sizedFont(14.0 * u, true), sizedFont(14.0 * u), sizedFont(13.0 * u)};
        case ChartStyle::Presentation:
            // With presentationUnit's 600 px per unit, a title is 3 % of the picture's height.
            return {sizedFont(15.0 * u), sizedFont(18.0 * u, true), sizedFont(17.0 * u), sizedFont(16.0 * u)};
        case ChartStyle::Screen:
            break;
    }
    return {sizedFont(11.0 * u), sizedFont(12.0 * u, true), sizedFont(12.0 * u), sizedFont(11.0 * u)};
}

// Presentation curves are at least this wide (× unit): 3 px at 1080 pixels.
constexpr double kPresentationCurveWidth = 1.7;
constexpr double kPresentationUnitHeight = 600.0;
// The longest a direct label may be (layout pixels × unit) before it is elided.
constexpr double kMaxDirectLabelWidth = 150.0;
// Device pixels a wide curve on screen may move when it drops vertices (see paintCurve).
constexpr double kRasterTolerance = 0.3;
// From the plot's right edge to a direct label's text: room for the leader's bend.
constexpr double kLabelGap = 16.0;

int derivativeOrder(Chart kind) noexcept
{
    switch (kind) {
        case Chart::Function:
            return 0;
        case Chart::Derivative:
            return 1;
        case Chart::Second:
            return 2;
        default:  // the saturation lanes show f′
            break;
    }
    return 1;
}

const std::vector<double>& valuesOf(const CurveEntry& entry, Chart kind)
{
    switch (kind) {
        case Chart::Function:
            return entry.samples.f;
        case Chart::Second:
            return entry.samples.d2;
        default:  // f′, which the saturation lanes show too
            break;
    }
    return entry.samples.d1;
}

// The index of the left-hand copy of a kink in the samples, or npos.
std::size_t kinkSlot(const core::SampleSet& samples, double z)
{
    const auto it = std::lower_bound(samples.z.begin(), samples.z.end(), z);
    const auto i = static_cast<std::size_t>(it - samples.z.begin());
    if (i + 1 < samples.size() && samples.z[i] == z && samples.z[i + 1] == z) return i;
    return static_cast<std::size_t>(-1);
}

// Lower and upper limits rounded outwards to half a 1-2-5 step, after a small margin.
YLimits niceLimits(double lo, double hi)
{
    // Everything on halves and clamped, so values near ±1.8e308 still give finite limits.
    const auto finite = [](double v) {
        constexpr double kLargest = std::numeric_limits<double>::max();
        return std::clamp(v, -kLargest, kLargest);
    };
    const double centre = lo / 2.0 + hi / 2.0;
    const double halfSpan = hi / 2.0 - lo / 2.0;
    if (!(halfSpan > std::abs(centre) * 1e-14)) {
        // A constant (or all but constant) curve: centre it in a window of its own size.
        const double half = centre != 0.0 ? std::abs(centre) * 0.5 : 1.0;
        return {finite(centre - half), finite(centre + half)};
    }
    const double margin = halfSpan * 2.0 * kMarginFraction;
    lo = finite(lo - margin);
    hi = finite(hi + margin);
    // Half a 1-2-5 step of a five-tick axis.
    const double half = niceStep(halfSpan, 5);
    const double roundedLo = std::floor(lo / half) * half;
    const double roundedHi = std::ceil(hi / half) * half;
    if (std::isfinite(roundedLo) && std::isfinite(roundedHi) && roundedLo < roundedHi)
        return {roundedLo, roundedHi};
    return {lo, hi};
}

void drawJumpMarker(QPainter& painter, const QPointF& at, double radius, const QColor& colour, bool solid,
                    const QColor& background)
{
    painter.setBrush(solid ? QBrush(colour) : QBrush(background));
    painter.drawEllipse(at, radius, radius);
}

// Device units per layout unit, so thinning keeps one column per device pixel.
double deviceScale(const QPainter& painter)
{
    const QTransform t = painter.combinedTransform();
    double scale = std::hypot(t.m11(), t.m12());
    if (const QPaintDevice* device = painter.device()) scale *= device->devicePixelRatioF();
    return std::max(scale, 1e-3);
}

// A wide solid curve on a raster device, drawn as separate segments where it bends gently: the
// raster engine draws a lone wide line five times faster than it strokes a polyline's outline,
// and at such angles the tiny wedge two flat ends leave or overlap is below a pixel. Where the
// curve turns sharply (a kink) the segments on either side are stroked as one short polyline with
// a round join, so the corner stays whole and a translucent curve is not painted twice there.
void drawWideCurve(QPainter& painter, QPen pen, const std::vector<QPolygonF>& polylines)
{
    // cos 20°: a turn any sharper would show the wedge.
    constexpr double kGentleTurn = 0.94;
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter.setPen(pen);
    QList<QLineF> lines;
    QPolygonF corner;
    for (const QPolygonF& polyline : polylines) {
        const qsizetype n = polyline.size();
        if (n < 2) continue;
        const auto sharp = [&](qsizetype i) {
            if (i <= 0 || i >= n - 1) return false;
            const QPointF a = polyline[i] - polyline[i - 1];
            const QPointF b = polyline[i + 1] - polyline[i];
            const double lengths =
                std::sqrt((a.x() * a.x() + a.y() * a.y()) * (b.x() * b.x() + b.y() * b.y()));
            return lengths > 0.0 && (a.x() * b.x() + a.y() * b.y()) < kGentleTurn * lengths;
        };
        bool previousSharp = false;
        for (qsizetype i = 0; i + 1 < n; ++i) {
            const bool nextSharp = sharp(i + 1);
            if (previousSharp || nextSharp) {
                if (corner.isEmpty()) corner << polyline[i];
                corner << polyline[i + 1];
            } else {
                if (corner.size() > 1) painter.drawPolyline(corner);
                corner.clear();
                lines << QLineF(polyline[i], polyline[i + 1]);
            }
            previousSharp = nextSharp;
        }
        if (corner.size() > 1) painter.drawPolyline(corner);
        corner.clear();
    }
    painter.drawLines(lines);
}

}  // namespace

ChartRenderOptions ChartRenderOptions::fromState(const ExplorerState& state, const QPalette& palette)
{
    ChartRenderOptions options;
    options.style = state.chartStyle();
    options.palette = palette;
    options.showSecond = state.showSecondDerivative();
    options.highlightedId = state.highlightedId();
    return options;
}

void ChartPainter::cacheLargeGlyphs()
{
    // Qt reads the variable once, at the first text it draws; a value the user set stays.
    if (!qEnvironmentVariableIsSet("QT_MAX_CACHED_GLYPH_SIZE")) qputenv("QT_MAX_CACHED_GLYPH_SIZE", "160");
}

double ChartPainter::presentationUnit(double height) noexcept
{
    return std::max(1.0, height / kPresentationUnitHeight);
}

const ChartPanel* ChartLayout::panel(Chart kind) const
{
    for (const ChartPanel& p : panels)
        if (p.kind == kind) return &p;
    return nullptr;
}

const ChartPanel* ChartLayout::panelAt(const QPointF& point) const
{
    for (const ChartPanel& p : panels)
        if (p.plot.contains(point)) return &p;
    return nullptr;
}

double ChartLayout::xForZ(double z) const noexcept
{
    return plotLeft + (z / 2.0 - zMin / 2.0) / (zMax / 2.0 - zMin / 2.0) * (plotRight - plotLeft);
}

double ChartLayout::zForX(double x) const noexcept
{
    const double t = (x - plotLeft) / (plotRight - plotLeft);
    return zMin + t * (zMax / 2.0 - zMin / 2.0) * 2.0;
}

ChartPainter::ChartPainter(const ExplorerState& state, const CurveCache& curves, ChartRenderOptions options)
    : m_state(state), m_curves(curves), m_options(std::move(options))
{
}

QColor ChartPainter::background() const
{
    return m_options.style == ChartStyle::Print ? QColor(Qt::white) : m_options.palette.color(QPalette::Base);
}

QColor ChartPainter::foreground() const
{
    return m_options.style == ChartStyle::Print ? QColor(Qt::black) : m_options.palette.color(QPalette::Text);
}

QColor ChartPainter::curveColour(const QString& id) const
{
    QColor colour = activationColour(m_state.session(), id);
    if (!m_options.fadedIds.isEmpty()) {
        if (m_options.fadedIds.contains(id)) colour.setAlphaF(static_cast<float>(m_options.fadedAlpha));
    } else if (!m_options.highlightedId.isEmpty() && id != m_options.highlightedId) {
        colour.setAlphaF(0.3f);
    }
    return colour;
}

void ChartPainter::applyDash(QPen& pen, const QString& id) const
{
    if (m_options.style == ChartStyle::Print) {
        const QList<qreal> pattern = printDashPattern(static_cast<int>(m_curves.ids().indexOf(id)));
        if (pattern.isEmpty())
            pen.setStyle(Qt::SolidLine);
        else
            pen.setDashPattern(pattern);
    } else {
        pen.setStyle(activationScreenDash(m_state.catalogIndex(id)));
    }
}

double ChartPainter::curvePenWidth(bool highlighted) const
{
    const double u = m_options.unit;
    switch (m_options.style) {
        case ChartStyle::Print:
            return (highlighted ? 2.6 : 1.6) * u;
        case ChartStyle::Presentation:
            return (highlighted ? 2.8 : std::max(m_options.curveWidth, kPresentationCurveWidth)) * u;
        case ChartStyle::Screen:
            break;
    }
    if (highlighted) return 2.5 * u;
    return m_options.curveWidth > 0.0 ? m_options.curveWidth * u : 0.0;
}

bool ChartPainter::emphasised(const QString& id) const
{
    if (!m_options.fadedIds.isEmpty()) return !m_options.fadedIds.contains(id);
    return m_options.highlightedId.isEmpty() || id == m_options.highlightedId;
}

QString ChartPainter::laneLabel(const QString& id) const
{
    const core::Activation* activation = m_state.activation(id);
    return activation ? QString::fromStdString(activation->name) : id;
}

// The rule: each curve's extent is the span of its finite values over the visible range. The
// limits are the union of those extents, clamped to ±5 times the median over the curves of
// their largest magnitude, so one curve that grows much faster than the rest (ReLU over
// [−1e3, 1e3] beside tanh) cannot flatten them; then a 5 % margin, rounded outwards to half a
// 1-2-5 step. When the clamp would leave nothing, the plain union is used.
YLimits ChartPainter::autoLimits(Chart kind) const
{
    std::vector<double> magnitudes;
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    for (const QString& id : m_curves.ids()) {
        const CurveEntry* entry = m_curves.entry(id);
        if (!entry) continue;
        double curveLo = std::numeric_limits<double>::infinity();
        double curveHi = -std::numeric_limits<double>::infinity();
        for (const double v : valuesOf(*entry, kind)) {
            if (!std::isfinite(v)) continue;
            curveLo = std::min(curveLo, v);
            curveHi = std::max(curveHi, v);
        }
        if (curveLo > curveHi) continue;
        lo = std::min(lo, curveLo);
        hi = std::max(hi, curveHi);
        magnitudes.push_back(std::max(std::abs(curveLo), std::abs(curveHi)));
    }
    if (magnitudes.empty()) return kind == Chart::Function ? YLimits{-1.0, 1.0} : YLimits{-0.5, 1.5};
    std::sort(magnitudes.begin(), magnitudes.end());
    const std::size_t n = magnitudes.size();
    const double median = n % 2 ? magnitudes[n / 2] : magnitudes[n / 2 - 1] / 2.0 + magnitudes[n / 2] / 2.0;
    const double cap = median * kCapOverMedian;
    if (cap > 0.0) {
        const double cappedLo = std::max(lo, -cap);
        const double cappedHi = std::min(hi, cap);
        if (cappedLo < cappedHi) {
            lo = cappedLo;
            hi = cappedHi;
        }
    }
    return niceLimits(lo, hi);
}

YLimits ChartPainter::limitsFor(Chart kind) const
{
    if (const auto slot = panelIndex(kind); slot < m_options.heldLimits.size())
        if (const auto& held = m_options.heldLimits[slot]) return *held;
    if (m_state.yAxisMode() == YAxisMode::Fixed) {
        if (kind == Chart::Function) return m_state.functionLimits();
        if (kind == Chart::Derivative) return m_state.derivativeLimits();
    }
    return autoLimits(kind);
}

ChartLayout ChartPainter::layout(const QRectF& target) const
{
    const double u = m_options.unit;
    const Fonts fonts = makeFonts(m_options);
    const QFontMetricsF tickMetrics(fonts.tick);
    const QFontMetricsF titleMetrics(fonts.title);
    const QFontMetricsF axisMetrics(fonts.axis);
    const QFontMetricsF legendMetrics(fonts.legend);
    const double pad = 8.0 * u;

    ChartLayout layout;
    layout.target = target;
    layout.zMin = m_state.zMin();
    layout.zMax = m_state.zMax();
    double y = target.top() + pad;

    if (!m_options.caption.isEmpty()) {
        const QRectF area = target.adjusted(pad, 0, -pad, 0);
        layout.captionRect = axisMetrics.boundingRect(QRectF(area.left(), y, area.width(), area.height()),
                                                      Qt::AlignLeft | Qt::TextWordWrap, m_options.caption);
        y = layout.captionRect.bottom() + 4.0 * u;
    }

    if (m_options.showLegend && !m_curves.ids().isEmpty()) {
        const double rowHeight = legendMetrics.height() + 4.0 * u;
        const double swatch = legendSwatchLength(m_options);
        const double gap = 16.0 * u;
        double x = target.left() + pad;
        for (const QString& id : m_curves.ids()) {
            const QString text = m_state.caption(id);
            const double width = swatch + 6.0 * u + legendMetrics.horizontalAdvance(text);
            if (x + width > target.right() - pad && x > target.left() + pad) {
                x = target.left() + pad;
                y += rowHeight;
            }
            layout.legend.push_back({id, text, QRectF(x, y, width, rowHeight)});
            x += width + gap;
        }
        y += rowHeight + 6.0 * u;
    }

    std::vector<Chart> kinds;
    if (m_options.showFunction) kinds.push_back(Chart::Function);
    if (m_options.showDerivative) kinds.push_back(Chart::Derivative);
    if (m_options.showSecond) kinds.push_back(Chart::Second);
    if (m_options.showSaturation) kinds.push_back(Chart::Saturation);
    if (kinds.empty()) return layout;

    const double titleHeight = titleMetrics.height() + 4.0 * u;
    const double gap = 12.0 * u;
    const double bottom = target.bottom() - pad - tickMetrics.height() - 4.0 * u - axisMetrics.height();
    const auto count = static_cast<double>(kinds.size());
    const double available = std::max(0.0, bottom - y - count * titleHeight - (count - 1.0) * gap);
    const auto valueCharts = static_cast<double>(
        std::count_if(kinds.begin(), kinds.end(), [](Chart k) { return k != Chart::Saturation; }));
    const auto lanes = static_cast<double>(m_curves.ids().size());
    double saturationHeight = 0.0;
    if (m_options.showSaturation) {
        const double wanted = std::max(lanes * 14.0 * u, 30.0 * u);
        saturationHeight =
            valueCharts > 0 ? std::min(wanted, available * 0.34) : std::min(lanes * 28.0 * u, available);
        saturationHeight = std::max(saturationHeight, std::min(available, 30.0 * u));
    }
    const double valueHeight = valueCharts > 0 ? (available - saturationHeight) / valueCharts : 0.0;

    double marginWidth = 0.0;
    for (const Chart kind : kinds) {
        ChartPanel panel;
        panel.kind = kind;
        panel.zMin = layout.zMin;
        panel.zMax = layout.zMax;
        switch (kind) {
            case Chart::Function:
                panel.title = tr("Function f(z)");
                panel.axisTitle = tr("f(z)");
                break;
            case Chart::Derivative:
                panel.title = tr("Derivative f′(z)");
                panel.axisTitle = tr("f′(z)");
                break;
            case Chart::Second:
                panel.title = tr("Second derivative f″(z)");
                panel.axisTitle = tr("f″(z)");
                break;
            case Chart::Saturation:
                panel.title =
                    tr("Saturation regions: |f′(z)| < ε = %1 (solid: dead, f′ = 0; hatched: saturated)")
                        .arg(formatReadout(m_state.epsilon(), 4));
                break;
            default:  // only the panels are laid out
                break;
        }
        const double height = kind == Chart::Saturation ? saturationHeight : valueHeight;
        panel.plot = QRectF(0.0, y + titleHeight, 0.0, height);
        panel.titleRect = QRectF(0.0, y, 0.0, titleHeight);
        y += titleHeight + height + gap;
        if (kind != Chart::Saturation) {
            const YLimits limits = limitsFor(kind);
            panel.yMin = limits.lo;
            panel.yMax = limits.hi;
            const int target = std::max(2, static_cast<int>(height / (tickMetrics.height() * 2.6)));
            panel.yTicks = makeTicks(limits.lo, limits.hi, target);
            double widest = 0.0;
            for (const QString& label : panel.yTicks.labels)
                widest = std::max(widest, tickMetrics.horizontalAdvance(label));
            marginWidth = std::max(marginWidth, axisMetrics.height() + 6.0 * u + widest + 6.0 * u);
        }
        layout.panels.push_back(panel);
    }
    if (m_options.showSaturation && lanes > 0 && saturationHeight / lanes >= kMinLabelledLane * u) {
        for (const QString& id : m_curves.ids())
            marginWidth = std::max(
                marginWidth,
                std::min(kLaneLabelMaxWidth * u, tickMetrics.horizontalAdvance(laneLabel(id))) + 8.0 * u);
    }

    layout.plotLeft = target.left() + pad + marginWidth;
    layout.plotRight = target.right() - pad - 12.0 * u;
    if (m_options.directLabels && valueCharts > 0 && !m_curves.ids().isEmpty()) {
        double widest = 0.0;
        for (const QString& id : m_curves.ids())
            widest = std::max(widest, tickMetrics.horizontalAdvance(laneLabel(id)));
        // A leader, then the name; never more than a quarter of the width.
        layout.labelWidth = std::min({widest, kMaxDirectLabelWidth * u, (target.width() - 2.0 * pad) / 4.0});
        layout.plotRight = target.right() - pad - layout.labelWidth - kLabelGap * u;
    }
    const double plotWidth = std::max(1.0, layout.plotRight - layout.plotLeft);
    layout.plotRight = layout.plotLeft + plotWidth;
    // Fewer z ticks when their labels are long (offsets, scientific notation).
    int zTarget = std::max(2, static_cast<int>(plotWidth / (90.0 * u)));
    layout.zTicks = makeTicks(layout.zMin, layout.zMax, zTarget);
    for (int attempt = 0; attempt < 4; ++attempt) {
        double widest = 0.0;
        for (const QString& label : layout.zTicks.labels)
            widest = std::max(widest, tickMetrics.horizontalAdvance(label));
        const auto ticks = static_cast<double>(layout.zTicks.values.size());
        if (ticks < 3 || widest * 1.5 * ticks < plotWidth) break;
        zTarget = std::max(2, zTarget / 2);
        layout.zTicks = makeTicks(layout.zMin, layout.zMax, zTarget);
    }

    for (ChartPanel& panel : layout.panels) {
        panel.plot.setLeft(layout.plotLeft);
        panel.plot.setWidth(plotWidth);
        panel.titleRect.setLeft(layout.plotLeft);
        // The lanes have no direct labels, so their long title may run on over the labels' column.
        panel.titleRect.setWidth(panel.kind == Chart::Saturation ? target.right() - pad - layout.plotLeft
                                                                 : plotWidth);
        if (panel.kind == Chart::Saturation && lanes > 0) {
            const double laneHeight = panel.plot.height() / lanes;
            const double spacing = laneHeight > 6.0 * u ? 1.0 * u : 0.0;
            double top = panel.plot.top();
            for (const QString& id : m_curves.ids()) {
                layout.lanes.push_back(
                    {id, laneLabel(id),
                     QRectF(layout.plotLeft, top + spacing, plotWidth, laneHeight - 2.0 * spacing)});
                top += laneHeight;
            }
        }
    }
    return layout;
}

void ChartPainter::paintFrame(QPainter& painter, const ChartLayout& layout) const
{
    const double u = m_options.unit;
    const bool print = m_options.style == ChartStyle::Print;
    const bool presentation = m_options.style == ChartStyle::Presentation;
    const Fonts fonts = makeFonts(m_options);
    const QColor fg = foreground();
    // A projector washes out faint lines: the presentation style draws the grid and frame firmer.
    QColor grid = fg;
    grid.setAlphaF(print ? 0.18f : presentation ? 0.22f : 0.13f);
    QColor zeroLine = fg;
    zeroLine.setAlphaF(print ? 0.5f : presentation ? 0.6f : 0.35f);
    QColor frame = fg;
    frame.setAlphaF(print || presentation ? 1.0f : 0.55f);
    const bool scaledLines = print || presentation;
    const double lineWidth = scaledLines ? 1.0 * u : 1.0;

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (m_options.fillBackground) painter.fillRect(layout.target, background());

    painter.setPen(fg);
    if (!m_options.caption.isEmpty()) {
        painter.setFont(fonts.axis);
        painter.drawText(layout.captionRect, Qt::AlignLeft | Qt::TextWordWrap, m_options.caption);
    }

    const QFontMetricsF tickMetrics(fonts.tick);
    for (const ChartPanel& panel : layout.panels) {
        painter.setPen(fg);
        painter.setFont(fonts.title);
        painter.drawText(
            panel.titleRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            QFontMetricsF(fonts.title).elidedText(panel.title, Qt::ElideRight, panel.titleRect.width()));

        const QRectF plot = panel.plot;
        QPen gridPen(grid, lineWidth);
        gridPen.setCosmetic(!scaledLines);
        painter.setPen(gridPen);
        for (const double z : layout.zTicks.values) {
            const double x = layout.xForZ(z);
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        }
        if (panel.kind != Chart::Saturation) {
            const PlotMapping mapping = panel.mapping();
            painter.setFont(fonts.tick);
            for (std::size_t i = 0; i < panel.yTicks.values.size(); ++i) {
                const double y = mapping.yForValue(panel.yTicks.values[i]);
                painter.setPen(panel.yTicks.values[i] == 0.0 ? QPen(zeroLine, lineWidth) : gridPen);
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
                painter.setPen(fg);
                const QRectF label(layout.target.left(), y - tickMetrics.height() / 2.0,
                                   plot.left() - layout.target.left() - 5.0 * u, tickMetrics.height());
                painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter,
                                 panel.yTicks.labels.value(static_cast<qsizetype>(i)));
            }
            if (!panel.yTicks.offsetText.isEmpty()) {
                painter.setPen(fg);
                painter.drawText(
                    QRectF(plot.left() + 4.0 * u, plot.top() + 2.0 * u, plot.width(), tickMetrics.height()),
                    Qt::AlignLeft | Qt::AlignTop, panel.yTicks.offsetText);
            }
            painter.save();
            painter.setFont(fonts.axis);
            painter.setPen(fg);
            const double axisX = layout.target.left() + 8.0 * u + QFontMetricsF(fonts.axis).height() / 2.0;
            painter.translate(axisX, plot.center().y());
            painter.rotate(-90.0);
            painter.drawText(QRectF(-plot.height() / 2.0, -QFontMetricsF(fonts.axis).height() / 2.0,
                                    plot.height(), QFontMetricsF(fonts.axis).height()),
                             Qt::AlignCenter, panel.axisTitle);
            painter.restore();
        }
        QPen framePen(frame, lineWidth);
        framePen.setCosmetic(!scaledLines);
        painter.setPen(framePen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(plot);
    }

    // Lane names sit in the shared left margin, beside their lane.
    if (!layout.lanes.empty()) {
        const double laneHeight = layout.lanes.front().rect.height() + 2.0 * u;
        if (laneHeight >= kMinLabelledLane * u) {
            QFont laneFont = fonts.tick;
            laneFont.setPixelSize(std::max(1, static_cast<int>(std::floor(std::min<double>(
                                                  fonts.tick.pixelSize(), laneHeight * 0.95)))));
            painter.setFont(laneFont);
            const QFontMetricsF laneMetrics(laneFont);
            painter.setPen(fg);
            for (const SaturationLane& lane : layout.lanes) {
                const double width = lane.rect.left() - layout.target.left() - 14.0 * u;
                painter.drawText(
                    QRectF(layout.target.left(), lane.rect.top(),
                           lane.rect.left() - layout.target.left() - 6.0 * u, lane.rect.height()),
                    Qt::AlignRight | Qt::AlignVCenter,
                    laneMetrics.elidedText(lane.label, Qt::ElideRight, width));
            }
        }
    }

    if (!layout.panels.empty()) {
        const QRectF last = layout.panels.back().plot;
        painter.setFont(fonts.tick);
        painter.setPen(fg);
        const double labelTop = last.bottom() + 3.0 * u;
        for (std::size_t i = 0; i < layout.zTicks.values.size(); ++i) {
            const double x = layout.xForZ(layout.zTicks.values[i]);
            const QString text = layout.zTicks.labels.value(static_cast<qsizetype>(i));
            const double width = tickMetrics.horizontalAdvance(text);
            painter.drawText(QRectF(x - width / 2.0 - 2.0, labelTop, width + 4.0, tickMetrics.height()),
                             Qt::AlignCenter, text);
        }
        painter.setFont(fonts.axis);
        const QFontMetricsF axisMetrics(fonts.axis);
        const double titleTop = labelTop + tickMetrics.height() + 1.0 * u;
        painter.drawText(QRectF(last.left(), titleTop, last.width(), axisMetrics.height()),
                         Qt::AlignHCenter | Qt::AlignTop, tr("z"));
        if (!layout.zTicks.offsetText.isEmpty())
            painter.drawText(QRectF(last.left(), titleTop, last.width(), axisMetrics.height()),
                             Qt::AlignRight | Qt::AlignTop, tr("z offset %1").arg(layout.zTicks.offsetText));
        if (m_curves.ids().isEmpty()) {
            painter.setFont(fonts.title);
            painter.drawText(layout.panels.front().plot, Qt::AlignCenter,
                             tr("No activation is shown. Switch some on in the list."));
        }
    }
    ConventionOverlay::paint(painter, layout, m_state, u, fg, background());
    painter.restore();
}

void ChartPainter::paintRandomSlopeBand(QPainter& painter, const ChartPanel& panel, const QString& id) const
{
    const core::Activation* activation = m_state.activation(id);
    if (!activation || !activation->randomSlopeBand) return;
    const double zLeft = panel.zMin;
    const double zRight = std::min(panel.zMax, 0.0);
    if (!(zLeft < zRight)) return;
    const core::RandomSlopeBand band = activation->randomSlopeBand(m_state.parameters(id));
    const PlotMapping mapping = panel.mapping();
    // Values beyond the chart are held just outside it, so the polygon keeps small coordinates
    // whatever the range; the clip removes the margin.
    const double margin = 0.01 * (panel.yMax - panel.yMin);
    const double lowest = panel.yMin - margin;
    const double highest = panel.yMax + margin;
    const auto held = [&](double value) { return std::clamp(value, lowest, highest); };
    QPolygonF polygon;
    if (panel.kind == Chart::Derivative) {
        // f′ = a for z < 0: the band is the strip between the slopes l and u.
        polygon << QPointF(mapping.xForZ(zLeft), mapping.yForValue(held(band.lower)))
                << QPointF(mapping.xForZ(zRight), mapping.yForValue(held(band.lower)))
                << QPointF(mapping.xForZ(zRight), mapping.yForValue(held(band.upper)))
                << QPointF(mapping.xForZ(zLeft), mapping.yForValue(held(band.upper)));
    } else {
        // f = a z for z < 0: the wedge between l z and u z. Held at the chart's edges, each line is
        // linear between the points where it crosses them, so those points are corners.
        std::vector<double> corners{zLeft, zRight};
        for (const double slope : {band.lower, band.upper})
            if (slope != 0.0)
                for (const double edge : {lowest, highest}) {
                    const double z = edge / slope;
                    if (z > zLeft && z < zRight) corners.push_back(z);
                }
        std::sort(corners.begin(), corners.end());
        for (const double z : corners)
            polygon << QPointF(mapping.xForZ(z), mapping.yForValue(held(band.lower * z)));
        for (auto it = corners.rbegin(); it != corners.rend(); ++it)
            polygon << QPointF(mapping.xForZ(*it), mapping.yForValue(held(band.upper * *it)));
    }
    QColor fill = curveColour(id);  // already faded when another curve is highlighted
    fill.setAlphaF(fill.alphaF() * 0.2f);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawPolygon(polygon);
    painter.restore();
}

void ChartPainter::paintCurve(QPainter& painter, const ChartPanel& panel, const CurveEntry& entry,
                              double columnWidth) const
{
    const bool print = m_options.style == ChartStyle::Print;
    const double u = m_options.unit;
    const bool highlighted = !m_options.highlightedId.isEmpty() && entry.id == m_options.highlightedId;
    const int order = derivativeOrder(panel.kind);
    const std::vector<double>& values = valuesOf(entry, panel.kind);
    const core::SampleSet& samples = entry.samples;

    // Break where this chart's quantity jumps; keep exact corners where a higher derivative does.
    std::vector<std::uint8_t> flags(samples.size(), 0);
    struct Jump {
        double z;
        double left;
        double right;
    };
    std::vector<Jump> jumps;
    for (const core::Kink& kink : entry.kinks) {
        const std::size_t slot = kinkSlot(samples, kink.z);
        if (slot == static_cast<std::size_t>(-1)) continue;
        flags[slot] |= kKeepSample;
        flags[slot + 1] |= kKeepSample;
        if (kink.order <= order) {
            flags[slot] |= kBreakAfter;
            if (values[slot] != values[slot + 1]) jumps.push_back({kink.z, values[slot], values[slot + 1]});
        }
    }

    const PlotMapping mapping = panel.mapping();
    // A wide pen on a raster device costs the stroker per vertex, a round join most (an arc of many
    // points each): vertices within a third of a device pixel of the line add nothing visible, and at
    // the gentle angles that remain a bevel looks as a round join does. A line four device pixels
    // wide or more hides what happens within two, so its columns are two pixels wide.
    const QPaintEngine* engine = painter.paintEngine();
    const double width = curvePenWidth(highlighted);
    const bool wideRaster = engine != nullptr && engine->type() == QPaintEngine::Raster && width > 0.0;
    const double columns = wideRaster && width >= 4.0 * columnWidth ? 2.0 * columnWidth : columnWidth;
    std::vector<QPolygonF> polylines;
    buildPolylines(samples.z, values, flags, mapping, columns, polylines);
    const double tolerance = m_options.simplifyTolerance > 0.0 ? m_options.simplifyTolerance
                             : wideRaster                      ? kRasterTolerance
                                                               : 0.0;
    if (tolerance > 0.0)
        for (QPolygonF& polyline : polylines)
            simplifyPolyline(polyline, tolerance * columnWidth);

    const QColor colour = curveColour(entry.id);
    QPen pen(colour);
    if (width > 0.0) {
        pen.setWidthF(width);
    } else {
        // A 1-pixel cosmetic pen keeps the raster engine on its fast path.
        pen.setWidthF(1.0);
        pen.setCosmetic(true);
    }
    if (print) pen.setCapStyle(Qt::FlatCap);
    applyDash(pen, entry.id);
    pen.setJoinStyle(wideRaster ? Qt::BevelJoin : Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    // An SVG keeps each curve as one <path> element, which drawing programs edit as a curve; the
    // screen and other devices take the faster polyline.
    const bool svg = engine != nullptr && engine->type() == QPaintEngine::SVG;
    if (wideRaster && pen.style() == Qt::SolidLine) {
        drawWideCurve(painter, pen, polylines);
    } else {
        for (const QPolygonF& polyline : polylines) {
            if (svg) {
                QPainterPath path;
                path.addPolygon(polyline);
                painter.drawPath(path);
            } else {
                painter.drawPolyline(polyline);
            }
        }
    }

    if (jumps.empty() || !entry.activation) return;
    // Solid: the value the function takes at the point itself; hollow: the other one-sided limit.
    QPen markerPen(colour, std::max(1.0, 1.2 * u));
    painter.setPen(markerPen);
    const double radius = (highlighted ? 4.0 : 3.0) * u;
    for (const Jump& jump : jumps) {
        const core::Derivatives at = entry.activation->evaluate(jump.z, entry.parameters);
        const double actual = order == 0 ? at.f : order == 1 ? at.d1 : at.d2;
        const bool leftIsActual = actual == jump.left && actual != jump.right;
        const double x = mapping.xForZ(jump.z);
        for (const auto& [value, solid] :
             {std::pair{jump.left, leftIsActual}, std::pair{jump.right, !leftIsActual}}) {
            const double y = mapping.yForValue(value);
            if (!std::isfinite(y) || y < panel.plot.top() - radius || y > panel.plot.bottom() + radius)
                continue;
            drawJumpMarker(painter, QPointF(x, y), radius, colour, solid, background());
        }
    }
}

void ChartPainter::paintLane(QPainter& painter, const SaturationLane& lane, const CurveEntry& entry,
                             const ChartLayout& layout) const
{
    const QColor bg = background();
    const QColor colour = curveColour(lane.id);
    painter.setPen(Qt::NoPen);
    if (m_options.fillBackground) painter.fillRect(lane.rect, bg);
    QColor tint = colour;
    tint.setAlphaF(colour.alphaF() * 0.12f);
    painter.fillRect(lane.rect, tint);
    QColor light = colour;
    light.setAlphaF(colour.alphaF() * 0.35f);
    QBrush hatch(colour, Qt::BDiagPattern);
    for (const core::SaturationInterval& interval : entry.saturation) {
        const double x0 = std::clamp(layout.xForZ(interval.lo), lane.rect.left(), lane.rect.right());
        const double x1 = std::clamp(layout.xForZ(interval.hi), lane.rect.left(), lane.rect.right());
        // At least a pixel wide, so a short interval does not vanish.
        const QRectF area(x0, lane.rect.top(), std::max(x1 - x0, 1.0), lane.rect.height());
        if (interval.kind == core::SaturationKind::Dead) {
            painter.fillRect(area, colour);
        } else {
            painter.fillRect(area, light);
            painter.fillRect(area, hatch);
        }
    }
}

void ChartPainter::paintActivations(QPainter& painter, const ChartLayout& layout, const QStringList& ids,
                                    const QList<Chart>& charts) const
{
    const auto wanted = [&charts](Chart kind) { return charts.isEmpty() || charts.contains(kind); };
    const double columnWidth = 1.0 / deviceScale(painter);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const ChartPanel& panel : layout.panels) {
        if (panel.kind == Chart::Saturation || !wanted(panel.kind)) continue;
        painter.save();
        painter.setClipRect(panel.plot.adjusted(0.5, 0.5, -0.5, -0.5));
        // Where a formula has no finite value the curve stops; a hatch in its colour says why.
        for (const QString& id : ids) {
            const CurveEntry* entry = m_curves.entry(id);
            if (!entry || entry->nonFinite.empty()) continue;
            QColor hatch = curveColour(id);
            hatch.setAlphaF(hatch.alphaF() * 0.45f);
            for (const core::Interval& interval : entry->nonFinite) {
                const double x0 =
                    std::clamp(layout.xForZ(interval.lo), panel.plot.left(), panel.plot.right());
                const double x1 =
                    std::clamp(layout.xForZ(interval.hi), panel.plot.left(), panel.plot.right());
                const QRectF area(x0 - 1.0, panel.plot.top(), std::max(x1 - x0, 0.0) + 2.0,
                                  panel.plot.height());
                painter.fillRect(area, QBrush(hatch, Qt::FDiagPattern));
            }
        }
        if (panel.kind == Chart::Function || panel.kind == Chart::Derivative)
            for (const QString& id : ids)
                paintRandomSlopeBand(painter, panel, id);
        for (const QString& id : ids)
            if (const CurveEntry* entry = m_curves.entry(id)) paintCurve(painter, panel, *entry, columnWidth);
        painter.restore();
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (const SaturationLane& lane : layout.lanes) {
        if (!ids.contains(lane.id) || !wanted(Chart::Saturation)) continue;
        if (const CurveEntry* entry = m_curves.entry(lane.id)) paintLane(painter, lane, *entry, layout);
    }
    painter.restore();
}

void ChartPainter::paintLegend(QPainter& painter, const ChartLayout& layout) const
{
    if (layout.legend.empty()) return;
    const double u = m_options.unit;
    const bool print = m_options.style == ChartStyle::Print;
    const Fonts fonts = makeFonts(m_options);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const LegendItem& item : layout.legend) {
        const QColor colour = curveColour(item.id);
        const bool highlighted = item.id == m_options.highlightedId;
        QPen pen(colour, (highlighted ? 4.0 : 3.0) * u);
        pen.setCapStyle(Qt::FlatCap);
        if (print) pen.setWidthF((highlighted ? 2.6 : 1.6) * u);  // as the curve, so the dashes match
        applyDash(pen, item.id);
        painter.setPen(pen);
        const double midY = item.rect.center().y();
        const double swatch = legendSwatchLength(m_options);
        painter.drawLine(QPointF(item.rect.left(), midY), QPointF(item.rect.left() + swatch, midY));
        QFont font = fonts.legend;
        font.setBold(highlighted);
        painter.setFont(font);
        QColor text = foreground();
        if (!m_options.highlightedId.isEmpty() && !highlighted) text.setAlphaF(0.55f);
        painter.setPen(text);
        painter.drawText(item.rect.adjusted(swatch + 6.0 * u, 0, 20.0 * u, 0),
                         Qt::AlignLeft | Qt::AlignVCenter, item.text);
    }
    painter.restore();
}

std::vector<DirectLabel> ChartPainter::directLabels(const ChartLayout& layout) const
{
    std::vector<DirectLabel> labels;
    if (layout.labelWidth <= 0.0) return labels;
    const double u = m_options.unit;
    const QFontMetricsF metrics(makeFonts(m_options).tick);
    const double height = metrics.height();
    const double left = layout.plotRight + kLabelGap * u;

    // Who keeps a name when space is short: the highlighted curve, the others at full strength, then
    // the faded ones from the most recently faded (a lesson's step before this one is what the new
    // activation is compared with), then the rest.
    QStringList priority;
    if (m_curves.entry(m_options.highlightedId)) priority << m_options.highlightedId;
    for (const QString& id : m_curves.ids())
        if (emphasised(id) && !priority.contains(id)) priority << id;
    for (auto it = m_options.fadedIds.crbegin(); it != m_options.fadedIds.crend(); ++it)
        if (m_curves.entry(*it) && !priority.contains(*it)) priority << *it;
    for (const QString& id : m_curves.ids())
        if (!priority.contains(id)) priority << id;

    for (const ChartPanel& panel : layout.panels) {
        if (panel.kind == Chart::Saturation) continue;
        const PlotMapping mapping = panel.mapping();
        struct Wanted {
            QString id;
            QPointF anchor;
        };
        std::vector<Wanted> wanted;
        const bool last = &panel == &layout.panels.back();
        const double room = panel.plot.bottom() - panel.titleRect.top() + (last ? 0.0 : 10.0 * u);
        const auto capacity = static_cast<std::size_t>(std::max(0.0, std::floor(room / height)));
        for (const QString& id : priority) {
            if (wanted.size() >= capacity) break;
            const CurveEntry* entry = m_curves.entry(id);
            if (!entry) continue;
            // Where the curve leaves the chart on the right: its last finite value.
            const std::vector<double>& values = valuesOf(*entry, panel.kind);
            const std::vector<double>& zs = entry->samples.z;
            std::size_t i = std::min(values.size(), zs.size());
            while (i > 0 && !std::isfinite(values[i - 1]))
                --i;
            if (i == 0) continue;
            const double x = std::clamp(mapping.xForZ(zs[i - 1]), panel.plot.left(), panel.plot.right());
            double y = mapping.yForValue(values[i - 1]);
            y = std::isfinite(y) ? std::clamp(y, panel.plot.top(), panel.plot.bottom())
                                 : panel.plot.center().y();
            wanted.push_back({id, QPointF(x, y)});
        }
        std::sort(wanted.begin(), wanted.end(),
                  [](const Wanted& a, const Wanted& b) { return a.anchor.y() < b.anchor.y(); });

        // Runs of labels that would overlap merge into one block centred on their anchors and kept
        // inside the chart, until no two blocks overlap: each name stays as near its curve as it can.
        struct Block {
            std::size_t first;
            std::size_t count;
            double sum;  // of the anchors' heights
            double top;
        };
        // The column beside a chart runs from its title's row (whose text stays over the plot) down
        // to the next chart's title, or to the plot's foot for the last chart, above the z ticks.
        const double lowest = panel.titleRect.top();
        const double highest = panel.titleRect.top() + room;
        const auto place = [&](Block& block) {
            const double span = static_cast<double>(block.count) * height;
            const double centred = block.sum / static_cast<double>(block.count) - span / 2.0;
            block.top = std::clamp(centred, lowest, std::max(lowest, highest - span));
        };
        std::vector<Block> blocks;
        for (std::size_t i = 0; i < wanted.size(); ++i) {
            blocks.push_back({i, 1, wanted[i].anchor.y(), 0.0});
            place(blocks.back());
            while (blocks.size() > 1) {
                Block& above = blocks[blocks.size() - 2];
                const Block& below = blocks.back();
                if (above.top + static_cast<double>(above.count) * height <= below.top + 1e-9) break;
                above.count += below.count;
                above.sum += below.sum;
                blocks.pop_back();
                place(blocks.back());
            }
        }
        for (const Block& block : blocks)
            for (std::size_t k = 0; k < block.count; ++k) {
                const Wanted& label = wanted[block.first + k];
                const QRectF rect(left, block.top + static_cast<double>(k) * height, layout.labelWidth,
                                  height);
                labels.push_back({label.id,
                                  metrics.elidedText(laneLabel(label.id), Qt::ElideRight, layout.labelWidth),
                                  panel.kind, rect, label.anchor});
            }
    }
    return labels;
}

void ChartPainter::paintDirectLabels(QPainter& painter, const ChartLayout& layout) const
{
    const std::vector<DirectLabel> labels = directLabels(layout);
    if (labels.empty()) return;
    const double u = m_options.unit;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setFont(makeFonts(m_options).tick);
    for (const DirectLabel& label : labels) {
        // The leader leaves the curve level, then bends to its name: the colour ties the two.
        const double y = label.rect.center().y();
        QPen leader(curveColour(label.id), std::max(1.5, curvePenWidth(false)));
        leader.setCapStyle(Qt::FlatCap);
        painter.setPen(leader);
        painter.drawPolyline(QPolygonF{label.anchor, QPointF(label.anchor.x() + 3.0 * u, label.anchor.y()),
                                       QPointF(label.rect.left() - 5.0 * u, y),
                                       QPointF(label.rect.left() - 2.0 * u, y)});
        QColor text = foreground();
        if (!emphasised(label.id)) text.setAlphaF(0.55f);
        painter.setPen(text);
        painter.drawText(label.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, label.text);
    }
    painter.restore();
}

void ChartPainter::paint(QPainter& painter, const QRectF& target) const
{
    const ChartLayout chartLayout = layout(target);
    paintFrame(painter, chartLayout);
    // The highlighted activation last, so it lies on top.
    QStringList order = m_curves.ids();
    if (order.removeAll(m_options.highlightedId) > 0) order << m_options.highlightedId;
    paintActivations(painter, chartLayout, order);
    paintDirectLabels(painter, chartLayout);
    paintLegend(painter, chartLayout);
}

void ChartPainter::render(QPainter& painter, const QRectF& target, const ExplorerState& state,
                          const ChartRenderOptions& options)
{
    CurveCache curves;
    curves.refresh(state);
    ChartPainter(state, curves, options).paint(painter, target);
}

}  // namespace ax::ui
