#include "depth_lab_readings.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ax::ui {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DepthLabReadings", text);
}

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

QString gradientReading(const QString& name, std::span<const core::TheoryLayer> layers)
{
    const int depth = static_cast<int>(layers.size()) - 1;
    if (depth < 1) return tr("%1: no layer to pass through").arg(name);
    const double total = layers.front().log10GradientNorm;
    if (std::isinf(total) && total < 0.0)
        return tr("%1: no gradient gets through at all (f′ = 0 almost everywhere)").arg(name);
    if (std::isnan(total)) return tr("%1: the gradient is not defined here").arg(name);
    const double perLayer = std::pow(10.0, total / depth);
    const QString factor = QStringLiteral("×") + number(perLayer);
    if (std::fabs(total) < 0.3) return tr("%1: gradient keeps its size (%2 per layer)").arg(name, factor);
    // Within a few decades a plain factor reads better than a power of ten.
    const QString after = std::fabs(total) < 3.0 ? QStringLiteral("×") + number(std::pow(10.0, total))
                                                 : powerOfTen(static_cast<int>(std::lround(total)));
    if (total < 0.0)
        return tr("%1: gradient shrinks %2 per layer → %3 after %4 layers")
            .arg(name, factor, after)
            .arg(depth);
    return tr("%1: gradient grows %2 per layer → %3 after %4 layers").arg(name, factor, after).arg(depth);
}

QString varianceReading(const QString& name, std::span<const core::TheoryLayer> layers)
{
    const int depth = static_cast<int>(layers.size()) - 1;
    if (depth < 1) return name;
    const double first = layers[1].variance;
    const double last = layers.back().variance;
    const double before = layers[layers.size() - 2].variance;
    if (!std::isfinite(last)) return tr("%1: variance explodes past every number").arg(name);
    if (std::fabs(last - before) <= 1e-4 * std::fabs(last) && last > 1e-6)
        return tr("%1: variance settles at q = %2").arg(name, number(last));
    if (last < 1e-3 * first && last > 0.0)
        return tr("%1: variance fades, q = %2 by layer %3").arg(name, number(last)).arg(depth);
    if (last == 0.0) return tr("%1: variance dies out completely").arg(name);
    if (last > 1e3 * first)
        return tr("%1: variance grows to q = %2 by layer %3").arg(name, number(last)).arg(depth);
    return tr("%1: variance drifts to q = %2 by layer %3").arg(name, number(last)).arg(depth);
}

QString deadReading(const QString& name, std::span<const core::TheoryLayer> layers,
                    std::span<const core::SimulatedLayer> simulated)
{
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
        if (worst == 0.0) return tr("%1: no dead units").arg(name);
        QString text = tr("%1: up to %2% of units dead (layer %3)")
                           .arg(name, percent(worst))
                           .arg(static_cast<int>(where));
        if (const double theory = theoryAt(where); std::isfinite(theory))
            text += tr(", theory %1%").arg(percent(theory));
        return text;
    }
    if (layers.size() < 2) return name;
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
    if (mass == 0.0) return tr("%1: f′ never vanishes, no unit can die").arg(name);
    const QString perInput = percent(layers[where == 0 ? 1 : where].deadMass);
    if (worst < 5e-4)
        return tr("%1: f′ = 0 for up to %2% of inputs, yet almost no unit is off for all of them")
            .arg(name, percent(mass));
    return tr("%1: %2% of units dead by layer %3 (f′ = 0 for %4% of inputs)")
        .arg(name, percent(worst))
        .arg(static_cast<int>(where))
        .arg(perInput);
}

QString phaseReading(const QString& name, const std::optional<core::MeanVarianceFixedPoint>& fixedPoint)
{
    if (!fixedPoint) return tr("%1: no fixed point, the variance runs off").arg(name);
    const QString where =
        QStringLiteral("(%1, %2)")
            .arg(QString::number(std::fabs(fixedPoint->point.mean) < 5e-4 ? 0.0 : fixedPoint->point.mean, 'f',
                                 3),
                 QString::number(fixedPoint->point.variance, 'f', 3));
    const QString radius = QString::number(fixedPoint->spectralRadius, 'f', 2);
    switch (fixedPoint->stability) {
        case core::Stability::Stable:
            return tr("%1: (μ, ν) → %2, stable: each layer shrinks a deviation to ×%3")
                .arg(name, where, radius);
        case core::Stability::Marginal:
            return tr("%1: (μ, ν) = %2 is fixed but only marginally stable").arg(name, where);
        case core::Stability::Unstable:
            break;
    }
    return tr("%1: (μ, ν) = %2 is fixed but unstable (×%3 per layer)").arg(name, where, radius);
}

}  // namespace ax::ui
