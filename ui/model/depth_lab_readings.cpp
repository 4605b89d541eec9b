#include "ui/model/depth_lab_readings.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace ax::ui {
namespace {

// This unit's strings, in one translation context of their own.
struct DepthLabReadingsText {
    Q_DECLARE_TR_FUNCTIONS(DepthLabReadings)
};

QString number(double value, int digits = 2)
{
    if (!std::isfinite(value)) return value > 0 ? QStringLiteral("∞") : QStringLiteral("NaN");
    const double magnitude = std::fabs(value);
    if (magnitude != 0.0 && (magnitude < 1e-3 || magnitude >= 1e4)) {
        const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
        const double mantissa = value / std::pow(10.0, exponent);
        return QString::number(mantissa, 'f', 1) + QStringLiteral("×") + powerOfTen(exponent);
    }
    return QString::number(value, 'f', magnitude >= 100.0 ? 0 : digits);
}

}  // namespace

QString powerOfTen(int exponent)
{
    static const QString kDigits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString digits;
    for (const QChar c : QString::number(std::abs(exponent)))
        digits += kDigits[c.digitValue()];
    return QStringLiteral("10") + (exponent < 0 ? QStringLiteral("⁻") : QString()) + digits;
}

ActivationReading gradientReading(const QString& name, std::span<const core::TheoryLayer> layers)
{
    ActivationReading r{name, {}, ReadingTrend::Steady, 0.0, {}};
    const int depth = static_cast<int>(layers.size()) - 1;
    if (depth < 1) {
        r.text = DepthLabReadingsText::tr("%1: no layer to pass through").arg(name);
        return r;
    }
    const double total = layers.front().log10GradientNorm;
    if (std::isnan(total) || (std::isinf(total) && total < 0.0)) {
        r.trend = ReadingTrend::Blocked;
        r.text =
            std::isnan(total)
                ? DepthLabReadingsText::tr("%1: the gradient is not defined here").arg(name)
                : DepthLabReadingsText::tr("%1: no gradient gets through at all (f′ = 0 almost everywhere)")
                      .arg(name);
        return r;
    }
    r.value = total;
    const double perLayer = std::pow(10.0, total / depth);
    const QString factor = QStringLiteral("×") + number(perLayer);
    if (std::fabs(total) < 0.3) {
        r.text = DepthLabReadingsText::tr("%1: gradient keeps its size (%2 per layer)").arg(name, factor);
        return r;
    }
    // Within a few decades a plain factor reads better than a power of ten.
    const QString after = std::fabs(total) < 3.0 ? QStringLiteral("×") + number(std::pow(10.0, total))
                                                 : powerOfTen(static_cast<int>(std::lround(total)));
    r.valueText = QStringLiteral("→ ") + after;
    if (total < 0.0) {
        r.trend = ReadingTrend::Falls;
        r.text = DepthLabReadingsText::tr("%1: gradient shrinks %2 per layer → %3 after %4 layers")
                     .arg(name, factor, after)
                     .arg(depth);
    } else {
        r.trend = ReadingTrend::Rises;
        r.text = DepthLabReadingsText::tr("%1: gradient grows %2 per layer → %3 after %4 layers")
                     .arg(name, factor, after)
                     .arg(depth);
    }
    return r;
}

ActivationReading varianceReading(const QString& name, std::span<const core::TheoryLayer> layers)
{
    ActivationReading r{name, name, ReadingTrend::Steady, 0.0, {}};
    const int depth = static_cast<int>(layers.size()) - 1;
    if (depth < 1) return r;
    const double first = layers[1].variance;
    const double last = layers.back().variance;
    const double before = layers[layers.size() - 2].variance;
    r.value = last > 0.0 ? std::log10(last) : -std::numeric_limits<double>::infinity();
    r.valueText = DepthLabReadingsText::tr("to q = %1").arg(number(last));
    if (!std::isfinite(last)) {
        r.trend = ReadingTrend::Blocked;
        r.text = DepthLabReadingsText::tr("%1: variance explodes past every number").arg(name);
    } else if (std::fabs(last - before) <= 1e-4 * std::fabs(last) && last > 1e-6) {
        r.text = DepthLabReadingsText::tr("%1: variance settles at q = %2").arg(name, number(last));
    } else if (last < 1e-3 * first && last > 0.0) {
        r.trend = ReadingTrend::Falls;
        r.text = DepthLabReadingsText::tr("%1: variance fades, q = %2 by layer %3")
                     .arg(name, number(last))
                     .arg(depth);
    } else if (last == 0.0) {
        r.trend = ReadingTrend::Blocked;
        r.text = DepthLabReadingsText::tr("%1: variance dies out completely").arg(name);
    } else if (last > 1e3 * first) {
        r.trend = ReadingTrend::Rises;
        r.text = DepthLabReadingsText::tr("%1: variance grows to q = %2 by layer %3")
                     .arg(name, number(last))
                     .arg(depth);
    } else {
        r.text = DepthLabReadingsText::tr("%1: variance drifts to q = %2 by layer %3")
                     .arg(name, number(last))
                     .arg(depth);
    }
    return r;
}

ActivationReading deadReading(const QString& name, std::span<const core::TheoryLayer> layers,
                              std::span<const core::SimulatedLayer> simulated, bool canDie)
{
    ActivationReading r{name, name, ReadingTrend::Steady, 0.0, {}};
    if (!canDie) {
        r.trend = ReadingTrend::Blocked;
        r.text = DepthLabReadingsText::tr("%1: f′ never vanishes, no unit can die").arg(name);
        return r;
    }
    const auto percent = [](double share) {
        return QString::number(100.0 * share, 'f', share < 0.1 ? 1 : 0);
    };
    // The theory's share at layer l, when it has been computed.
    const auto theoryAt = [&layers](std::size_t l) {
        return l < layers.size() ? layers[l].deadFraction : std::numeric_limits<double>::quiet_NaN();
    };
    if (!simulated.empty()) {
        double worst = 0.0;
        std::size_t where = 0;
        for (std::size_t l = 0; l < simulated.size(); ++l) {
            if (simulated[l].deadFraction > worst) {
                worst = simulated[l].deadFraction;
                where = l;
            }
        }
        if (worst == 0.0) {
            r.text = DepthLabReadingsText::tr("%1: no dead units").arg(name);
            return r;
        }
        r.trend = ReadingTrend::Rises;
        r.value = worst;
        r.valueText =
            DepthLabReadingsText::tr("up to %1% (layer %2)").arg(percent(worst)).arg(static_cast<int>(where));
        r.text = DepthLabReadingsText::tr("%1: up to %2% of units dead (layer %3)")
                     .arg(name, percent(worst))
                     .arg(static_cast<int>(where));
        if (const double theory = theoryAt(where); std::isfinite(theory))
            r.text += DepthLabReadingsText::tr(", theory %1%").arg(percent(theory));
        return r;
    }
    if (layers.size() < 2) return r;
    double mass = 0.0;
    double worst = 0.0;
    std::size_t where = 0;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        mass = std::max(mass, layers[l].deadMass);
        if (layers[l].deadFraction > worst) {
            worst = layers[l].deadFraction;
            where = l;
        }
    }
    if (mass == 0.0) {
        r.trend = ReadingTrend::Blocked;
        r.text = DepthLabReadingsText::tr("%1: f′ never vanishes, no unit can die").arg(name);
        return r;
    }
    const QString perInput = percent(layers[where == 0 ? 1 : where].deadMass);
    if (worst < 5e-4) {
        r.text = DepthLabReadingsText::tr(
                     "%1: f′ = 0 for up to %2% of inputs, yet almost no unit is off for all of them")
                     .arg(name, percent(mass));
        return r;
    }
    r.trend = ReadingTrend::Rises;
    r.value = worst;
    r.valueText =
        DepthLabReadingsText::tr("%1% by layer %2").arg(percent(worst)).arg(static_cast<int>(where));
    r.text = DepthLabReadingsText::tr("%1: %2% of units dead by layer %3 (f′ = 0 for %4% of inputs)")
                 .arg(name, percent(worst))
                 .arg(static_cast<int>(where))
                 .arg(perInput);
    return r;
}

namespace {

// "9 shrink it (most: hard sigmoid, → 10⁻¹⁹)": how many readings go one way, and the furthest.
// furthest: which end names an example (none for a trend without a direction).
enum class Furthest { None, Lowest, Highest };

QString trendPart(std::span<const ActivationReading> readings, ReadingTrend trend, const QString& singular,
                  const QString& plural, Furthest which)
{
    const bool furthestIsLowest = which == Furthest::Lowest;
    const ActivationReading* furthest = nullptr;
    int count = 0;
    for (const ActivationReading& r : readings) {
        if (r.trend != trend) continue;
        ++count;
        if (furthest == nullptr || (furthestIsLowest ? r.value < furthest->value : r.value > furthest->value))
            furthest = &r;
    }
    if (count == 0) return {};
    QString part = (count == 1 ? singular : plural).arg(count);
    if (which != Furthest::None && furthest != nullptr && !furthest->valueText.isEmpty())
        part += count == 1
                    ? DepthLabReadingsText::tr(" (%1, %2)").arg(furthest->name, furthest->valueText)
                    : DepthLabReadingsText::tr(" (most: %1, %2)").arg(furthest->name, furthest->valueText);
    return part;
}

QString listed(std::span<const ActivationReading> readings)
{
    QStringList sentences;
    for (const ActivationReading& r : readings)
        sentences << r.text;
    return sentences.join(QStringLiteral("; "));
}

QString summary(const QString& subject, const QStringList& parts)
{
    QStringList present;
    for (const QString& part : parts)
        if (!part.isEmpty()) present << part;
    return subject + QStringLiteral(": ") + present.join(QStringLiteral(", ")) + QStringLiteral(".");
}

}  // namespace

QString gradientSummary(std::span<const ActivationReading> readings, int depth)
{
    if (std::ssize(readings) <= kReadingsListed) return listed(readings);
    return summary(DepthLabReadingsText::tr("Gradient over %1 layers").arg(depth),
                   {trendPart(readings, ReadingTrend::Falls, DepthLabReadingsText::tr("%1 shrinks it"),
                              DepthLabReadingsText::tr("%1 shrink it"), Furthest::Lowest),
                    trendPart(readings, ReadingTrend::Steady, DepthLabReadingsText::tr("%1 keeps its size"),
                              DepthLabReadingsText::tr("%1 keep its size"), Furthest::None),
                    trendPart(readings, ReadingTrend::Rises, DepthLabReadingsText::tr("%1 grows it"),
                              DepthLabReadingsText::tr("%1 grow it"), Furthest::Highest),
                    trendPart(readings, ReadingTrend::Blocked, DepthLabReadingsText::tr("%1 blocks it"),
                              DepthLabReadingsText::tr("%1 block it"), Furthest::None)});
}

QString varianceSummary(std::span<const ActivationReading> readings, int depth)
{
    if (std::ssize(readings) <= kReadingsListed) return listed(readings);
    return summary(
        DepthLabReadingsText::tr("Variance over %1 layers").arg(depth),
        {trendPart(readings, ReadingTrend::Steady, DepthLabReadingsText::tr("%1 settles or drifts"),
                   DepthLabReadingsText::tr("%1 settle or drift"), Furthest::None),
         trendPart(readings, ReadingTrend::Falls, DepthLabReadingsText::tr("%1 fades"),
                   DepthLabReadingsText::tr("%1 fade"), Furthest::Lowest),
         trendPart(readings, ReadingTrend::Rises, DepthLabReadingsText::tr("%1 grows"),
                   DepthLabReadingsText::tr("%1 grow"), Furthest::Highest),
         trendPart(readings, ReadingTrend::Blocked, DepthLabReadingsText::tr("%1 dies out or explodes"),
                   DepthLabReadingsText::tr("%1 die out or explode"), Furthest::None)});
}

QString deadSummary(std::span<const ActivationReading> readings)
{
    if (std::ssize(readings) <= kReadingsListed) return listed(readings);
    // The activations that lose units, most first: the ones a reader looks for.
    std::vector<const ActivationReading*> dying;
    for (const ActivationReading& r : readings)
        if (r.trend == ReadingTrend::Rises) dying.push_back(&r);
    std::stable_sort(dying.begin(), dying.end(), [](const ActivationReading* a, const ActivationReading* b) {
        return a->value > b->value;
    });
    QStringList named;
    for (std::size_t i = 0; i < dying.size() && i < static_cast<std::size_t>(kReadingsListed); ++i)
        named << DepthLabReadingsText::tr("%1 %2").arg(dying[i]->name, dying[i]->valueText);
    if (dying.size() > static_cast<std::size_t>(kReadingsListed))
        named << DepthLabReadingsText::tr("%1 more").arg(dying.size() -
                                                         static_cast<std::size_t>(kReadingsListed));
    const auto cannot = std::count_if(readings.begin(), readings.end(), [](const ActivationReading& r) {
        return r.trend == ReadingTrend::Blocked;
    });
    QStringList parts;
    parts << (named.isEmpty() ? DepthLabReadingsText::tr("none") : named.join(QStringLiteral(", ")));
    if (cannot > 0)
        parts << DepthLabReadingsText::tr("%1 of %2 cannot lose a unit (f′ never vanishes)")
                     .arg(cannot)
                     .arg(readings.size());
    return DepthLabReadingsText::tr("Dead units: %1.").arg(parts.join(QStringLiteral("; ")));
}

QString readingLines(std::span<const ActivationReading> readings)
{
    QStringList lines;
    for (const ActivationReading& r : readings)
        lines << r.text;
    return lines.join(QLatin1Char('\n'));
}

QString phaseReading(const QString& name, const std::optional<core::MeanVarianceFixedPoint>& fixedPoint,
                     std::span<const std::vector<QPointF>> trajectories)
{
    if (!fixedPoint) {
        // Say what the paths do: a small λ pulls every variance to 0, a large one lets it grow.
        bool collapse = false;
        bool grow = false;
        for (const std::vector<QPointF>& path : trajectories) {
            if (path.size() < 2) continue;
            const double first = path.front().y();
            const double last = path.back().y();
            if (!std::isfinite(last) || last > 2.0 * first)
                grow = true;
            else if (last < 1e-2 * first)
                collapse = true;
        }
        if (collapse && !grow)
            return DepthLabReadingsText::tr("%1: no fixed point, the variance collapses to 0").arg(name);
        if (grow && !collapse)
            return DepthLabReadingsText::tr("%1: no fixed point, the variance runs off").arg(name);
        return DepthLabReadingsText::tr("%1: no fixed point, the variance settles nowhere").arg(name);
    }
    const QString where =
        QStringLiteral("(%1, %2)")
            .arg(QString::number(std::fabs(fixedPoint->point.mean) < 5e-4 ? 0.0 : fixedPoint->point.mean, 'f',
                                 3),
                 QString::number(fixedPoint->point.variance, 'f', 3));
    const QString radius = QString::number(fixedPoint->spectralRadius, 'f', 2);
    switch (fixedPoint->stability) {
        case core::Stability::Stable:
            return DepthLabReadingsText::tr("%1: (μ, ν) → %2, stable: each layer shrinks a deviation to ×%3")
                .arg(name, where, radius);
        case core::Stability::Marginal:
            return DepthLabReadingsText::tr("%1: (μ, ν) = %2 is fixed but only marginally stable")
                .arg(name, where);
        case core::Stability::Unstable:
            break;
    }
    return DepthLabReadingsText::tr("%1: (μ, ν) = %2 is fixed but unstable (×%3 per layer)")
        .arg(name, where, radius);
}

}  // namespace ax::ui
