#include "ui/widgets/decision_region_thumbnail.h"

#include "ui/render/plot_ticks.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>

namespace ax::ui {

namespace {

// Okabe–Ito, in an order whose neighbours differ in lightness too.
constexpr std::array<QRgb, 5> kClassColours = {0xff0072b2, 0xffe69f00, 0xff009e73, 0xffd55e00, 0xffcc79a7};
// How much of a cell's colour is the predicted class mix, the rest the background: strong enough to
// read the boundary, faint enough for the points on top.
constexpr double kRegionStrength = 0.5;

QColor mix(const QColor& a, const QColor& b, double share)
{
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * share),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * share),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * share));
}

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(std::lround(100.0 * share));
}

}  // namespace

DecisionRegionThumbnail::DecisionRegionThumbnail(QWidget* parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QColor DecisionRegionThumbnail::classColour(int k)
{
    return QColor::fromRgba(kClassColours[static_cast<std::size_t>(k) % kClassColours.size()]);
}

QSize DecisionRegionThumbnail::sizeFor(const QFont& font)
{
    return {kPlotSide + 8, kPlotSide + static_cast<int>(std::ceil(QFontMetricsF(font).height() + 4.0)) + 6};
}

QSize DecisionRegionThumbnail::sizeHint() const
{
    return sizeFor(font());
}

QSize DecisionRegionThumbnail::minimumSizeHint() const
{
    return sizeHint();
}

double DecisionRegionThumbnail::titleHeight() const
{
    return QFontMetricsF(font()).height() + 4.0;
}

QRectF DecisionRegionThumbnail::plotRect() const
{
    const double top = titleHeight() + 2.0;
    const double side = std::max(1.0, std::min(width() - 8.0, height() - top - 4.0));
    return {(width() - side) / 2.0, top, side, side};
}

void DecisionRegionThumbnail::setContestant(const QString& name, const QString& caption, const QColor& colour,
                                            const core::ContestantHistory& history, const core::Dataset* data)
{
    const bool regionsChanged = history.regions.step != m_regions.step ||
                                history.regions.resolution != m_regions.resolution ||
                                history.regions.values != m_regions.values;
    const bool labelChanged =
        name != m_name || caption != m_caption || colour != m_colour || history.diverged != m_diverged;
    std::optional<core::Measurement> latest;
    if (!history.measurements.empty()) latest = history.measurements.back();
    const bool scoreChanged =
        latest.has_value() != m_latest.has_value() ||
        (latest && (latest->step != m_latest->step || latest->trainLoss != m_latest->trainLoss));
    if (!regionsChanged && !labelChanged && !scoreChanged && data == m_data) return;
    m_name = name;
    m_caption = caption;
    m_colour = colour;
    m_diverged = history.diverged;
    m_latest = std::move(latest);
    m_data = data;
    if (regionsChanged) {
        m_regions = history.regions;
        rebuildRegionImage();
    }
    setAccessibleName(name);
    update();
}

void DecisionRegionThumbnail::rebuildRegionImage()
{
    const core::DecisionRegions& r = m_regions;
    const int n = r.resolution;
    if (r.classCount <= 0 || n <= 0 ||
        r.values.size() != static_cast<std::size_t>(n) * static_cast<std::size_t>(n) *
                               static_cast<std::size_t>(r.classCount)) {
        m_regionImage = QImage();
        return;
    }
    const QColor base = palette().color(QPalette::Base);
    QImage image(n, n, QImage::Format_RGB32);
    for (int row = 0; row < n; ++row) {
        // Rows run from yMin upwards; the image's first line is the top.
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(n - 1 - row));
        for (int column = 0; column < n; ++column) {
            const std::size_t at = (static_cast<std::size_t>(row) * static_cast<std::size_t>(n) +
                                    static_cast<std::size_t>(column)) *
                                   static_cast<std::size_t>(r.classCount);
            double red = 0.0;
            double green = 0.0;
            double blue = 0.0;
            for (int k = 0; k < r.classCount; ++k) {
                const double p = std::isfinite(r.values[at + static_cast<std::size_t>(k)])
                                     ? r.values[at + static_cast<std::size_t>(k)]
                                     : 0.0;
                const QColor c = classColour(k);
                red += p * c.redF();
                green += p * c.greenF();
                blue += p * c.blueF();
            }
            const QColor blend = QColor::fromRgbF(static_cast<float>(std::clamp(red, 0.0, 1.0)),
                                                  static_cast<float>(std::clamp(green, 0.0, 1.0)),
                                                  static_cast<float>(std::clamp(blue, 0.0, 1.0)));
            line[column] = mix(base, blend, kRegionStrength).rgb();
        }
    }
    m_regionImage = std::move(image);
}

void DecisionRegionThumbnail::rebuildPointLayer()
{
    const QRectF plot = plotRect();
    const core::DecisionRegions& r = m_regions;
    QString key;
    if (m_data != nullptr && r.resolution > 0) {
        const core::DataPoint first = m_data->train.empty() ? core::DataPoint{} : m_data->train.front();
        key = QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                  .arg(plot.width())
                  .arg(static_cast<qulonglong>(m_data->train.size()))
                  .arg(first.input[0])
                  .arg(first.input[1])
                  .arg(r.xMin)
                  .arg(r.xMax)
                  .arg(r.yMin)
                  .arg(r.yMax)
                  .arg(palette().color(QPalette::Base).rgba());
    }
    if (key == m_pointsKey) return;
    m_pointsKey = key;
    m_points = QPixmap();
    if (key.isEmpty() || r.xMax <= r.xMin || r.yMax <= r.yMin) return;

    const qreal ratio = devicePixelRatioF();
    m_points = QPixmap((plot.size() * ratio).toSize());
    m_points.setDevicePixelRatio(ratio);
    m_points.fill(Qt::transparent);
    QPainter painter(&m_points);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double w = plot.width();
    const double h = plot.height();
    const auto map = [&](double x, double y) {
        return QPointF((x - r.xMin) / (r.xMax - r.xMin) * w, h - (y - r.yMin) / (r.yMax - r.yMin) * h);
    };
    const double count = static_cast<double>(m_data->train.size() + m_data->test.size());
    // Many points get smaller, so the regions between them still show.
    const double radius = std::clamp(2.4 - count / 2500.0, 1.1, 2.2);
    QColor edge = palette().color(QPalette::Text);
    edge.setAlphaF(0.55);
    if (m_data->isRegression()) {
        QColor ink = palette().color(QPalette::Text);
        ink.setAlphaF(0.45);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        for (const core::DataPoint& p : m_data->train)
            painter.drawEllipse(map(p.input[0], p.target), radius, radius);
        return;
    }
    // The training part filled, the test part as rings.
    painter.setPen(QPen(edge, 0.6));
    for (const core::DataPoint& p : m_data->train) {
        painter.setBrush(classColour(p.label));
        painter.drawEllipse(map(p.input[0], p.input[1]), radius, radius);
    }
    painter.setBrush(Qt::NoBrush);
    for (const core::DataPoint& p : m_data->test) {
        painter.setPen(QPen(classColour(p.label).darker(115), 1.1));
        painter.drawEllipse(map(p.input[0], p.input[1]), radius, radius);
    }
}

QString DecisionRegionThumbnail::scoreText() const
{
    if (!m_latest) return {};
    if (m_data != nullptr && m_data->isRegression()) return formatReadout(m_latest->testLoss, 2);
    return std::isfinite(m_latest->testAccuracy) ? percent(m_latest->testAccuracy) : QString();
}

void DecisionRegionThumbnail::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const QPalette& colours = palette();
    painter.fillRect(rect(), colours.color(QPalette::Window));
    const QColor ink = colours.color(QPalette::Text);
    QColor grid = ink;
    grid.setAlphaF(0.25);

    const double title = titleHeight();
    const QString score = scoreText();
    QFont small = font();
    const QFontMetricsF smallMetrics(small);
    const double scoreWidth = score.isEmpty() ? 0.0 : smallMetrics.horizontalAdvance(score) + 6.0;
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const QRectF plot = plotRect();
    const QRectF titleRect(plot.left(), 1.0, plot.width() - scoreWidth, title);
    // A swatch beside the name: a few of the palette's colours are faint as thin text.
    const double swatch = 0.6 * QFontMetricsF(bold).height();
    painter.fillRect(QRectF(titleRect.left(), titleRect.center().y() - swatch / 2.0, swatch, swatch),
                     m_colour);
    QString name = m_name;
    if (m_diverged) name = tr("%1 (diverged)").arg(name);
    const QRectF nameRect = titleRect.adjusted(swatch + 4.0, 0.0, 0.0, 0.0);
    painter.setPen(m_colour);
    painter.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(bold).elidedText(name, Qt::ElideRight, nameRect.width()));
    if (!score.isEmpty()) {
        painter.setFont(small);
        painter.setPen(ink);
        painter.drawText(QRectF(plot.right() - scoreWidth, 1.0, scoreWidth, title),
                         Qt::AlignRight | Qt::AlignVCenter, score);
    }
    painter.setFont(font());

    painter.fillRect(plot, colours.color(QPalette::Base));
    const core::DecisionRegions& r = m_regions;
    if (r.step < 0 || r.values.empty() || m_data == nullptr) {
        painter.setPen(ink);
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, tr("Waiting for the race…"));
        painter.setPen(QPen(grid, 0));
        painter.drawRect(plot);
        return;
    }
    rebuildPointLayer();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    if (!m_regionImage.isNull()) painter.drawImage(plot, m_regionImage);
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (m_data->isRegression() && r.xMax > r.xMin && r.yMax > r.yMin && r.resolution > 1) {
        if (r.yMin < 0.0 && r.yMax > 0.0) {
            const double zero = plot.bottom() - (0.0 - r.yMin) / (r.yMax - r.yMin) * plot.height();
            painter.setPen(QPen(grid, 0));
            painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero));
        }
    }
    if (!m_points.isNull()) painter.drawPixmap(plot.topLeft(), m_points);
    if (m_data->isRegression() && r.xMax > r.xMin && r.yMax > r.yMin && r.resolution > 1) {
        QPainterPath curve;
        bool drawing = false;
        for (int j = 0; j < r.resolution && static_cast<std::size_t>(j) < r.values.size(); ++j) {
            const double y = r.values[static_cast<std::size_t>(j)];
            if (!std::isfinite(y)) {
                drawing = false;
                continue;
            }
            const QPointF p(plot.left() + plot.width() * j / (r.resolution - 1),
                            plot.bottom() - (y - r.yMin) / (r.yMax - r.yMin) * plot.height());
            if (drawing)
                curve.lineTo(p);
            else
                curve.moveTo(p);
            drawing = true;
        }
        painter.save();
        painter.setClipRect(plot);
        painter.setPen(QPen(m_colour, 2.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(curve);
        painter.restore();
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(QPen(grid, 0));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(plot);
}

bool DecisionRegionThumbnail::event(QEvent* event)
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

void DecisionRegionThumbnail::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // The regions are blended toward the background, which a theme change replaces.
        rebuildRegionImage();
        m_pointsKey.clear();
        update();
    }
}

QString DecisionRegionThumbnail::hoverText(const QPointF& pos) const
{
    const core::DecisionRegions& r = m_regions;
    const QRectF plot = plotRect();
    if (!plot.contains(pos) || r.step < 0 || r.resolution <= 0 || r.xMax <= r.xMin || r.yMax <= r.yMin ||
        r.values.empty())
        return {};
    const double x = r.xMin + (pos.x() - plot.left()) / plot.width() * (r.xMax - r.xMin);
    const double y = r.yMin + (plot.bottom() - pos.y()) / plot.height() * (r.yMax - r.yMin);
    QStringList lines;
    lines << (m_caption.isEmpty() || m_caption == m_name ? m_name : m_caption) +
                 (m_diverged ? tr(" (diverged)") : QString());
    const int n = r.resolution;
    if (r.classCount > 0) {
        const int column = std::clamp(static_cast<int>((x - r.xMin) / (r.xMax - r.xMin) * n), 0, n - 1);
        const int row = std::clamp(static_cast<int>((y - r.yMin) / (r.yMax - r.yMin) * n), 0, n - 1);
        const std::size_t at =
            (static_cast<std::size_t>(row) * static_cast<std::size_t>(n) + static_cast<std::size_t>(column)) *
            static_cast<std::size_t>(r.classCount);
        lines << tr("at (%1, %2)").arg(formatReadout(x, 3), formatReadout(y, 3));
        static const std::array<const char*, 5> colourNames = {QT_TR_NOOP("blue"), QT_TR_NOOP("orange"),
                                                               QT_TR_NOOP("green"), QT_TR_NOOP("red"),
                                                               QT_TR_NOOP("pink")};
        QStringList classes;
        for (int k = 0; k < r.classCount && at + static_cast<std::size_t>(k) < r.values.size(); ++k)
            classes << tr("class %1 (%2): %3")
                           .arg(k + 1)
                           .arg(tr(colourNames[static_cast<std::size_t>(k) % colourNames.size()]))
                           .arg(percent(r.values[at + static_cast<std::size_t>(k)]));
        lines << classes.join(QStringLiteral(", "));
    } else {
        const int j =
            std::clamp(static_cast<int>(std::lround((x - r.xMin) / (r.xMax - r.xMin) * (n - 1))), 0, n - 1);
        const double at = r.xMin + (r.xMax - r.xMin) * j / std::max(1, n - 1);
        if (static_cast<std::size_t>(j) < r.values.size())
            lines << tr("at x = %1 it predicts %2")
                         .arg(formatReadout(at, 3), formatReadout(r.values[static_cast<std::size_t>(j)], 3));
    }
    if (m_latest) {
        lines << tr("loss %1 on the training data, %2 on the test data")
                     .arg(formatReadout(m_latest->trainLoss, 3), formatReadout(m_latest->testLoss, 3));
        if (std::isfinite(m_latest->trainAccuracy))
            lines << tr("accuracy %1 on the training data, %2 on the test data")
                         .arg(percent(m_latest->trainAccuracy), percent(m_latest->testAccuracy));
        lines << tr("measured at step %1").arg(m_latest->step);
    }
    return lines.join(QLatin1Char('\n'));
}

}  // namespace ax::ui
