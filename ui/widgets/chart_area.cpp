#include "ui/widgets/chart_area.h"

#include "ui/model/activation_palette.h"
#include "ui/model/explorer_state.h"
#include "ui/render/plot_ticks.h"
#include "ui/widgets/theme.h"

#include "core/saturation.h"

#include <QFuture>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <QtConcurrentRun>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace ax::ui {

namespace {

// One wheel notch (120 units) narrows the range to this fraction, about the cursor.
constexpr double kWheelZoom = 0.85;
constexpr double kKeyZoom = 0.8;
constexpr double kKeyPan = 0.1;
// A press that moves less than this is a click (pixels).
constexpr double kClickSlop = 4.0;
// How close (pixels) a click must be to a curve to pick it.
constexpr double kPickDistance = 6.0;

// Fewer curves than this are not worth a second thread.
constexpr qsizetype kWorthAThread = 4;

bool sameTicks(const PlotTicks& a, const PlotTicks& b)
{
    return a.values == b.values && a.labels == b.labels && a.offsetText == b.offsetText;
}

// Whether everything but the plots' contents, ticks, legend and labels is where it was.
bool sameGeometry(const ChartLayout& a, const ChartLayout& b)
{
    if (a.target != b.target || a.plotLeft != b.plotLeft || a.plotRight != b.plotRight ||
        a.labelWidth != b.labelWidth || a.captionRect != b.captionRect ||
        a.panels.size() != b.panels.size() || a.lanes.size() != b.lanes.size())
        return false;
    for (std::size_t i = 0; i < a.panels.size(); ++i) {
        const ChartPanel& p = a.panels[i];
        const ChartPanel& q = b.panels[i];
        if (p.kind != q.kind || p.plot != q.plot || p.titleRect != q.titleRect || p.title != q.title ||
            p.axisTitle != q.axisTitle)
            return false;
    }
    for (std::size_t i = 0; i < a.lanes.size(); ++i)
        if (a.lanes[i].id != b.lanes[i].id || a.lanes[i].label != b.lanes[i].label ||
            a.lanes[i].rect != b.lanes[i].rect)
            return false;
    return true;
}

// Whether a drawing of the frame and curves made for a is still right for b.
bool sameFrame(const ChartLayout& a, const ChartLayout& b)
{
    if (!sameGeometry(a, b) || a.zMin != b.zMin || a.zMax != b.zMax) return false;
    for (std::size_t i = 0; i < a.panels.size(); ++i)
        if (a.panels[i].yMin != b.panels[i].yMin || a.panels[i].yMax != b.panels[i].yMax) return false;
    return true;
}

bool sameLegend(const ChartLayout& a, const ChartLayout& b)
{
    if (a.legend.size() != b.legend.size()) return false;
    for (std::size_t i = 0; i < a.legend.size(); ++i)
        if (a.legend[i].id != b.legend[i].id || a.legend[i].text != b.legend[i].text ||
            a.legend[i].rect != b.legend[i].rect)
            return false;
    return true;
}

double valueFor(const core::Derivatives& d, Chart kind)
{
    switch (kind) {
        case Chart::Function:
            return d.f;
        case Chart::Second:
            return d.d2;
        default:  // f′, which the saturation lanes show too
            break;
    }
    return d.d1;
}

}  // namespace

ChartArea::ChartArea(ExplorerState& state, QWidget* parent) : QWidget(parent), m_state(state)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 260);
    setAccessibleName(tr("Charts"));
    setAccessibleDescription(
        tr("The activations' f(z), f′(z) and saturation lanes over one z axis. "
           "Arrow keys pan, plus and minus zoom, Home resets the view; "
           "the mouse wheel zooms and dragging pans."));
    connect(&m_state, &ExplorerState::changed, this, &ChartArea::onStateChanged);
}

void ChartArea::resetView()
{
    requestRange(ExplorerState::kDefaultZMin, ExplorerState::kDefaultZMax);
    m_state.setYAxisMode(YAxisMode::Auto);
}

void ChartArea::render(QPainter& painter, const QRectF& target, const ChartRenderOptions& options)
{
    m_curves.refresh(m_state);
    ChartPainter(m_state, m_curves, options).paint(painter, target);
}

const CurveCache& ChartArea::curves()
{
    m_curves.refresh(m_state);
    return m_curves;
}

ChartLayout ChartArea::currentLayout()
{
    m_curves.refresh(m_state);
    return ChartPainter(m_state, m_curves, screenOptions()).layout(QRectF(rect()));
}

QStringList readoutCells(const ReadoutRow& row, bool secondDerivative)
{
    const auto value = [&row](double v) {
        return row.defined && !std::isnan(v) ? formatReadout(v) : ChartArea::tr("undefined");
    };
    QStringList cells{row.caption, ChartArea::tr("f = %1").arg(value(row.values.f)),
                      ChartArea::tr("f′ = %1").arg(value(row.values.d1))};
    if (secondDerivative) cells << ChartArea::tr("f″ = %1").arg(value(row.values.d2));
    cells << (row.dead ? ChartArea::tr("dead") : row.saturated ? ChartArea::tr("saturated") : QString());
    return cells;
}

std::vector<ReadoutRow> ChartArea::readout(double z) const
{
    std::vector<ReadoutRow> rows;
    for (const QString& id : m_state.enabledIds()) {
        const core::Activation* activation = m_state.activation(id);
        if (!activation || !activation->evaluate) continue;
        ReadoutRow row;
        row.id = id;
        row.caption = m_state.caption(id);
        row.colour = activationColour(m_state.session(), id);
        const core::ParameterValues parameters = m_state.parameters(id);
        row.values = activation->evaluate(z, parameters);
        // Dead is the core's rule, as the lanes draw it: inside an interval where f′ is exactly 0 and the
        // activation can lose units there (not a lone zero of f′, not an underflowing tail).
        std::vector<core::SaturationInterval> computed;
        const std::vector<core::SaturationInterval>* intervals = &computed;
        if (const CurveEntry* entry = m_curves.entry(id);
            entry && !entry->saturationStale && entry->parameters == parameters)
            intervals = &entry->saturation;
        else
            computed = core::saturationIntervals(*activation, parameters, m_state.zMin(), m_state.zMax(),
                                                 m_state.epsilon());
        const bool dead =
            std::any_of(intervals->begin(), intervals->end(), [z](const core::SaturationInterval& i) {
                return i.kind == core::SaturationKind::Dead && z >= i.lo && z <= i.hi;
            });
        row.defined = std::isfinite(row.values.f);
        row.dead = dead && row.defined;
        row.saturated = row.defined && !dead && std::abs(row.values.d1) < m_state.epsilon();
        rows.push_back(row);
    }
    return rows;
}

QString ChartArea::activationAt(const QPointF& point)
{
    const ChartLayout layout = currentLayout();
    for (const LegendItem& item : layout.legend)
        if (item.rect.contains(point)) return item.id;
    for (const SaturationLane& lane : layout.lanes)
        if (lane.rect.contains(point)) return lane.id;
    const ChartPanel* panel = layout.panelAt(point);
    if (!panel || panel->kind == Chart::Saturation) return {};
    const double z = layout.zForX(point.x());
    const PlotMapping mapping = panel->mapping();
    QString nearest;
    double best = kPickDistance;
    for (const ReadoutRow& row : readout(z)) {
        const double y = mapping.yForValue(valueFor(row.values, panel->kind));
        if (std::isfinite(y) && std::abs(y - point.y()) <= best) {
            best = std::abs(y - point.y());
            nearest = row.id;
        }
    }
    return nearest;
}

void ChartArea::onStateChanged(const StateChange& change)
{
    m_curves.invalidate(change);
    m_changedSincePaint |= change.parts;
    if (change.parts == StateChange::Parameters) {
        // While one activation is being edited, the others stay in the cached base drawing.
        if (m_frontIds != change.ids) {
            m_frontIds = change.ids;
            m_baseDirty = true;
        }
    } else {
        m_baseDirty = true;
    }
    if ((change.parts & ~StateChange::Parts(StateChange::Parameters | StateChange::Range)) !=
        StateChange::Parts())
        m_repaintAll = true;
    scheduleRepaint();
}

void ChartArea::scheduleRepaint()
{
    if (m_repaintPending) return;
    m_repaintPending = true;
    QMetaObject::invokeMethod(this, &ChartArea::repaintChanged, Qt::QueuedConnection);
}

void ChartArea::repaintChanged()
{
    m_repaintPending = false;
    update(changedRegion());
    m_repaintAll = false;
}

QRegion ChartArea::changedRegion()
{
    QRegion all(rect());
    if (m_repaintAll || m_shown.panels.empty() || m_hovering || m_drag != DragMode::None) return all;
    m_curves.refresh(m_state);
    const ChartRenderOptions options = screenOptions();
    const ChartLayout next = ChartPainter(m_state, m_curves, options).layout(QRectF(rect()));
    if (!sameGeometry(m_shown, next)) return all;
    QRegion region;
    const auto add = [&region](const QRectF& area) { region += area.toAlignedRect(); };
    // The frame's pen and a jump's marker reach a little past a plot's edge.
    const double reach = 6.0 * options.unit + 2.0;
    for (std::size_t i = 0; i < next.panels.size(); ++i) {
        const ChartPanel& now = next.panels[i];
        const ChartPanel& before = m_shown.panels[i];
        add(now.plot.adjusted(-reach, -reach, reach, reach));
        // The tick labels left of the plot; the top and bottom ones stand out by half a line, which
        // the title's height covers.
        if (now.yMin != before.yMin || now.yMax != before.yMax || !sameTicks(now.yTicks, before.yTicks))
            add(QRectF(QPointF(next.target.left(), now.titleRect.top()),
                       QPointF(now.plot.left(), now.plot.bottom() + now.titleRect.height())));
    }
    if (next.zMin != m_shown.zMin || next.zMax != m_shown.zMax || !sameTicks(next.zTicks, m_shown.zTicks))
        add(QRectF(QPointF(next.target.left(), next.panels.back().plot.bottom()), next.target.bottomRight()));
    // The direct labels follow the curves' ends.
    if (next.labelWidth > 0.0)
        add(QRectF(QPointF(next.plotRight, next.target.top()), next.target.bottomRight()));
    if (!sameLegend(next, m_shown))
        for (const ChartLayout* layout : std::array<const ChartLayout*, 2>{&next, &m_shown})
            for (const LegendItem& item : layout->legend)
                add(QRectF(QPointF(next.target.left(), item.rect.top()),
                           QPointF(next.target.right(), item.rect.bottom())));
    return region;
}

ChartRenderOptions ChartArea::screenOptions() const
{
    ChartRenderOptions options = ChartRenderOptions::fromState(m_state, palette());
    options.fadedIds = m_faded;
    options.fadedAlpha = m_fadedAlpha;
    options.heldLimits = m_held;
    options.unit = m_unit;
    options.curveWidth = m_curveWidth;
    if (m_styleOverride) options.style = *m_styleOverride;
    if (options.style == ChartStyle::Presentation)
        options.unit = std::max(options.unit, ChartPainter::presentationUnit(height()));
    return options;
}

void ChartArea::setStyleOverride(std::optional<ChartStyle> style)
{
    if (style == m_styleOverride) return;
    m_styleOverride = style;
    m_baseDirty = true;
    update();
}

void ChartArea::setScale(double unit, double curveWidth)
{
    if (unit == m_unit && curveWidth == m_curveWidth) return;
    m_unit = unit;
    m_curveWidth = curveWidth;
    m_baseDirty = true;
    update();
}

void ChartArea::setFadedIds(const QStringList& ids, double alpha)
{
    if (ids == m_faded && alpha == m_fadedAlpha) return;
    m_faded = ids;
    m_fadedAlpha = alpha;
    // The cached base was drawn in the old colours.
    m_baseDirty = true;
    update();
}

void ChartArea::setHeldLimits(const std::array<std::optional<YLimits>, 3>& limits)
{
    if (limits == m_held) return;
    m_held = limits;
    scheduleRepaint();
}

bool ChartArea::baseIsCurrent(const ChartLayout& layout, const QStringList& baseIds,
                              const ChartRenderOptions& options) const
{
    if (m_baseDirty || m_base.isNull() || m_base.devicePixelRatio() != devicePixelRatioF() ||
        m_baseIds != baseIds || m_basePaletteKey != options.palette.cacheKey() ||
        m_baseHighlight != options.highlightedId || m_baseStyle != options.style ||
        !sameFrame(layout, m_baseLayout))
        return false;
    for (const QString& id : baseIds) {
        const CurveEntry* entry = m_curves.entry(id);
        if (!entry ||
            m_baseRevisions.value(id) != std::pair{entry->samplesRevision, entry->saturationRevision})
            return false;
    }
    return true;
}

namespace {

// The frame, the curves of ids and, with labels, the curves' direct labels. With enough curves the
// work is shared: while this core draws the frame, the other takes the parts (each chart's curves,
// the saturation lanes, the labels) one at a time from a common queue, the longest first, each into
// a layer the size of its part that then goes on top; this core joins in once the frame is done and
// draws the parts it takes straight onto the device. Nothing of a chart's curves leaves its plot and
// the labels' column only overlaps the plots' right edge, so the picture is the one a single pass
// draws. The layers are kept in layers between frames: a fresh image the size of a 4K chart costs
// its page faults on every frame.
void drawCharts(QPainter& painter, const ChartPainter& chartPainter, const ChartLayout& layout,
                const QStringList& ids, qreal ratio, bool labels, std::vector<QImage>& layers)
{
    if (ids.size() < kWorthAThread || layout.panels.size() < 2) {
        chartPainter.paintFrame(painter, layout);
        chartPainter.paintActivations(painter, layout, ids);
        if (labels) chartPainter.paintDirectLabels(painter, layout);
        return;
    }
    struct Part {
        std::optional<Chart> chart;  // nullopt: the direct labels
        QRectF rect;
        bool layered = false;
    };
    std::vector<Part> parts;
    for (const ChartPanel& panel : layout.panels)
        parts.push_back({panel.kind, panel.plot});
    // The lanes cost least, the labels must come after every curve: both go last.
    std::stable_partition(parts.begin(), parts.end(),
                          [](const Part& part) { return part.chart != Chart::Saturation; });
    if (labels && layout.labelWidth > 0.0)
        parts.push_back({std::nullopt, QRectF(QPointF(layout.plotRight - 1.0, layout.target.top()),
                                              layout.target.bottomRight())});
    const auto draw = [&](QPainter& onto, const Part& part) {
        if (part.chart)
            chartPainter.paintActivations(onto, layout, ids, {*part.chart});
        else
            chartPainter.paintDirectLabels(onto, layout);
    };
    layers.resize(parts.size());
    std::atomic<std::size_t> next{0};
    QFuture<void> drawing = QtConcurrent::run([&] {
        for (std::size_t i = next++; i < parts.size(); i = next++) {
            Part& part = parts[i];
            // On whole device pixels, so the layer goes back exactly where its pixels were drawn.
            const QRect pixels =
                QRectF(part.rect.topLeft() * ratio, part.rect.size() * ratio).toAlignedRect();
            part.rect = QRectF(QPointF(pixels.topLeft()) / ratio, QSizeF(pixels.size()) / ratio);
            QImage& image = layers[i];
            if (image.size() != pixels.size())
                image = QImage(pixels.size(), QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(ratio);
            image.fill(Qt::transparent);
            QPainter layerPainter(&image);
            layerPainter.translate(-part.rect.topLeft());
            draw(layerPainter, part);
            part.layered = true;
        }
    });
    chartPainter.paintFrame(painter, layout);
    bool labelsLeft = false;
    for (std::size_t i = next++; i < parts.size(); i = next++) {
        if (!parts[i].chart)
            labelsLeft = true;  // over the curves, so after the other core's layers
        else
            draw(painter, parts[i]);
    }
    drawing.waitForFinished();
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (parts[i].layered) painter.drawImage(parts[i].rect.topLeft(), layers[i]);
    if (labelsLeft) chartPainter.paintDirectLabels(painter, layout);
}

}  // namespace

void ChartArea::paintEvent(QPaintEvent*)
{
    // A change after the last repaint was asked for may have moved what lies outside this one.
    if (m_repaintPending) m_repaintAll = true;
    m_curves.refresh(m_state);
    const ChartRenderOptions options = screenOptions();
    const ChartPainter chartPainter(m_state, m_curves, options);
    const ChartLayout layout = chartPainter.layout(QRectF(rect()));
    const StateChange::Parts changed = m_changedSincePaint;
    m_changedSincePaint = {};

    QStringList front;
    for (const QString& id : m_frontIds)
        if (m_curves.entry(id)) front << id;
    if (!options.highlightedId.isEmpty() && m_curves.entry(options.highlightedId)) {
        front.removeAll(options.highlightedId);
        front << options.highlightedId;
    }
    QStringList baseIds = m_curves.ids();
    for (const QString& id : front)
        baseIds.removeAll(id);

    QPainter painter(this);
    if (!baseIsCurrent(layout, baseIds, options)) {
        const qreal ratio = devicePixelRatioF();
        if ((changed & ~StateChange::Parts(StateChange::Parameters)) != StateChange::Parts()) {
            // More than parameters moved (a range drag, a lesson step moving in): every curve is
            // redrawn next frame too, so all go straight onto the screen, sparing a copy of the whole
            // picture. A base is kept again once only some curves move.
            QStringList all = baseIds;
            all << front;
            drawCharts(painter, chartPainter, layout, all, ratio, true, m_layers);
            m_baseDirty = true;
            chartPainter.paintLegend(painter, layout);
            m_layout = layout;
            m_shown = layout;
            paintOverlay(painter, layout);
            return;
        }
        const QSize pixels = (QSizeF(size()) * ratio).toSize();
        if (m_base.size() != pixels) m_base = QPixmap(pixels);
        m_base.setDevicePixelRatio(ratio);
        QPainter basePainter(&m_base);
        drawCharts(basePainter, chartPainter, layout, baseIds, ratio, false, m_layers);
        basePainter.end();
        m_baseLayout = layout;
        m_baseIds = baseIds;
        m_baseRevisions.clear();
        for (const QString& id : baseIds)
            if (const CurveEntry* entry = m_curves.entry(id))
                m_baseRevisions.insert(id, {entry->samplesRevision, entry->saturationRevision});
        m_basePaletteKey = options.palette.cacheKey();
        m_baseHighlight = options.highlightedId;
        m_baseStyle = options.style;
        m_baseDirty = false;
    }

    painter.drawPixmap(0, 0, m_base);
    chartPainter.paintActivations(painter, layout, front);
    // Every frame: a label moves when any curve's end does, and its neighbours make way.
    chartPainter.paintDirectLabels(painter, layout);
    chartPainter.paintLegend(painter, layout);
    m_layout = layout;
    m_shown = layout;
    paintOverlay(painter, layout);
}

void ChartArea::paintOverlay(QPainter& painter, const ChartLayout& layout)
{
    if (m_drag == DragMode::Select && m_moved) {
        QColor band = palette().color(QPalette::Highlight);
        band.setAlphaF(0.18f);
        const double x0 = std::clamp(std::min(m_pressPos.x(), m_selectX), layout.plotLeft, layout.plotRight);
        const double x1 = std::clamp(std::max(m_pressPos.x(), m_selectX), layout.plotLeft, layout.plotRight);
        for (const ChartPanel& panel : layout.panels)
            painter.fillRect(QRectF(x0, panel.plot.top(), x1 - x0, panel.plot.height()), band);
    }
    if (m_hovering && m_drag == DragMode::None && layout.overPlots(m_hoverX))
        paintReadout(painter, layout, m_hoverX);
    if (hasFocus()) {
        // The same ring as every other control, so Tab into the charts is as easy to follow.
        QPen focus(focusRingColour(palette()), 2.0);
        painter.setPen(focus);
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1.0, 1.0, -1.0, -1.0));
    }
}

void ChartArea::paintReadout(QPainter& painter, const ChartLayout& layout, double x)
{
    const QColor text = palette().color(QPalette::Text);
    QColor cursor = text;
    cursor.setAlphaF(0.6f);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(cursor, 1.0, Qt::DashLine));
    for (const ChartPanel& panel : layout.panels)
        painter.drawLine(QPointF(x, panel.plot.top()), QPointF(x, panel.plot.bottom()));

    const double z = layout.zForX(x);
    const std::vector<ReadoutRow> rows = readout(z);
    // A dot where the cursor meets each curve, at the core's value.
    for (const ChartPanel& panel : layout.panels) {
        if (panel.kind == Chart::Saturation) continue;
        const PlotMapping mapping = panel.mapping();
        for (const ReadoutRow& row : rows) {
            if (!row.defined) continue;
            const double y = mapping.yForValue(valueFor(row.values, panel.kind));
            if (!std::isfinite(y) || y < panel.plot.top() || y > panel.plot.bottom()) continue;
            painter.setPen(QPen(palette().color(QPalette::Base), 1.0));
            painter.setBrush(row.colour);
            painter.drawEllipse(QPointF(x, y), 3.5, 3.5);
        }
    }

    QFont font = this->font();
    font.setPixelSize(11);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF metrics(font);
    const QFontMetricsF boldMetrics(bold);
    const QString header = tr("z = %1").arg(formatReadout(z, 8));
    const bool second = m_state.showSecondDerivative();
    struct Line {
        QColor colour;
        QStringList cells;
    };
    std::vector<Line> lines;
    lines.reserve(rows.size());
    for (const ReadoutRow& row : rows) {
        lines.push_back({row.colour, readoutCells(row, second)});
    }
    const qsizetype columns = lines.empty() ? 0 : lines.front().cells.size();
    std::vector<double> widths(static_cast<std::size_t>(columns), 0.0);
    for (const Line& line : lines)
        for (qsizetype c = 0; c < columns; ++c)
            widths[static_cast<std::size_t>(c)] =
                std::max(widths[static_cast<std::size_t>(c)], metrics.horizontalAdvance(line.cells[c]));
    const double swatch = 10.0;
    const double gap = 10.0;
    const double rowHeight = metrics.height() + 1.0;
    double width = boldMetrics.horizontalAdvance(header);
    double contentWidth = swatch + 6.0;
    for (const double w : widths)
        contentWidth += w + gap;
    width = std::max(width, contentWidth) + 16.0;
    const double height = 10.0 + boldMetrics.height() + 4.0 + rowHeight * static_cast<double>(lines.size());

    const QRectF bounds = layout.panels.empty() ? QRectF(rect()) : layout.panels.front().plot;
    double left = x + 14.0;
    if (left + width > rect().right() - 4.0) left = x - 14.0 - width;
    left = std::max(left, 4.0);
    const double top = std::clamp(bounds.top() + 6.0, 4.0, std::max(4.0, rect().bottom() - height - 4.0));
    const QRectF box(left, top, width, height);
    QColor fill = palette().color(QPalette::ToolTipBase);
    fill.setAlphaF(0.94f);
    QColor border = text;
    border.setAlphaF(0.35f);
    painter.setPen(QPen(border, 1.0));
    painter.setBrush(fill);
    painter.drawRoundedRect(box, 4.0, 4.0);

    const QColor tipText = palette().color(QPalette::ToolTipText);
    painter.setPen(tipText);
    painter.setFont(bold);
    double y = box.top() + 5.0;
    painter.drawText(QRectF(box.left() + 8.0, y, box.width() - 16.0, boldMetrics.height()), Qt::AlignLeft,
                     header);
    y += boldMetrics.height() + 4.0;
    painter.setFont(font);
    for (const Line& line : lines) {
        double cx = box.left() + 8.0;
        painter.fillRect(QRectF(cx, y + (rowHeight - swatch) / 2.0, swatch, swatch), line.colour);
        cx += swatch + 6.0;
        painter.setPen(tipText);
        for (qsizetype c = 0; c < columns; ++c) {
            const auto w = widths[static_cast<std::size_t>(c)];
            painter.drawText(QRectF(cx, y, w + 1.0, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                             line.cells[c]);
            cx += w + gap;
        }
        y += rowHeight;
    }
    painter.restore();
}

void ChartArea::requestRange(double zMin, double zMax)
{
    if (auto error = m_state.setRange(zMin, zMax)) emit statusMessage(*error);
}

void ChartArea::zoomAbout(double z, double factor)
{
    const double zMin = m_state.zMin();
    const double zMax = m_state.zMax();
    requestRange(z - (z - zMin) * factor, z + (zMax - z) * factor);
}

void ChartArea::panByFraction(double fraction)
{
    const double shift = (m_state.zMax() / 2.0 - m_state.zMin() / 2.0) * 2.0 * fraction;
    requestRange(m_state.zMin() + shift, m_state.zMax() + shift);
}

void ChartArea::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_layout = currentLayout();
    m_pressPos = event->position();
    m_selectX = m_pressPos.x();
    m_pressZMin = m_state.zMin();
    m_pressZMax = m_state.zMax();
    m_moved = false;
    m_drag = event->modifiers().testFlag(Qt::ShiftModifier) ? DragMode::Select : DragMode::Pan;
    event->accept();
}

void ChartArea::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_drag != DragMode::None) {
        if (!m_moved && std::abs(pos.x() - m_pressPos.x()) + std::abs(pos.y() - m_pressPos.y()) >= kClickSlop)
            m_moved = true;
        if (m_moved && m_drag == DragMode::Pan) {
            const double width = std::max(1.0, m_layout.plotRight - m_layout.plotLeft);
            // In the range as it was at the press, so the point under the mouse follows the mouse.
            const double shift =
                (m_pressZMax / 2.0 - m_pressZMin / 2.0) * 2.0 * (pos.x() - m_pressPos.x()) / width;
            requestRange(m_pressZMin - shift, m_pressZMax - shift);
        } else if (m_drag == DragMode::Select) {
            m_selectX = pos.x();
        }
    }
    if (m_layout.panels.empty()) m_layout = currentLayout();
    if (m_layout.overPlots(pos.x()) && m_layout.panelAt(pos)) {
        m_hoverX = pos.x();
        m_hovering = true;
    } else {
        m_hovering = false;
    }
    update();
}

void ChartArea::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || m_drag == DragMode::None) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const DragMode mode = m_drag;
    m_drag = DragMode::None;
    if (!m_moved) {
        const QString id = activationAt(event->position());
        m_state.setHighlightedId(id == m_state.highlightedId() ? QString() : id);
    } else if (mode == DragMode::Select) {
        const double x0 = std::clamp(std::min(m_pressPos.x(), event->position().x()), m_layout.plotLeft,
                                     m_layout.plotRight);
        const double x1 = std::clamp(std::max(m_pressPos.x(), event->position().x()), m_layout.plotLeft,
                                     m_layout.plotRight);
        if (x1 - x0 >= 2.0) requestRange(m_layout.zForX(x0), m_layout.zForX(x1));
    }
    m_moved = false;
    update();
    event->accept();
}

void ChartArea::wheelEvent(QWheelEvent* event)
{
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0.0) {
        event->ignore();
        return;
    }
    const ChartLayout layout = currentLayout();
    const double x = event->position().x();
    const double z = layout.overPlots(x) ? layout.zForX(x) : m_state.zMin() / 2.0 + m_state.zMax() / 2.0;
    zoomAbout(z, std::pow(kWheelZoom, notches));
    event->accept();
}

void ChartArea::keyPressEvent(QKeyEvent* event)
{
    const double centre = m_state.zMin() / 2.0 + m_state.zMax() / 2.0;
    switch (event->key()) {
        case Qt::Key_Left:
            panByFraction(-kKeyPan);
            break;
        case Qt::Key_Right:
            panByFraction(kKeyPan);
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
        case Qt::Key_Up:
            zoomAbout(centre, kKeyZoom);
            break;
        case Qt::Key_Minus:
        case Qt::Key_Down:
            zoomAbout(centre, 1.0 / kKeyZoom);
            break;
        case Qt::Key_Home:
        case Qt::Key_0:
            resetView();
            break;
        case Qt::Key_Escape:
            m_state.setHighlightedId({});
            break;
        default:
            QWidget::keyPressEvent(event);
            return;
    }
    event->accept();
}

void ChartArea::leaveEvent(QEvent* event)
{
    m_hovering = false;
    update();
    QWidget::leaveEvent(event);
}

void ChartArea::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_baseDirty = true;
        update();
    }
    QWidget::changeEvent(event);
}

}  // namespace ax::ui
