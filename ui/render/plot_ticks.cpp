#include "ui/render/plot_ticks.h"

#include <algorithm>
#include <cmath>

namespace ax::ui {

namespace {

// Labels need more than this many significant digits to differ: show an offset instead.
constexpr double kOffsetRatio = 1e5;
constexpr double kScientificAbove = 1e6;
constexpr double kScientificBelow = 1e-4;

const QChar kMinus(0x2212);

// "1.50e+06" → "1.5e6", "2.0e-07" → "2e−7": the shortest form of what QString::number wrote.
QString tidyScientific(QString text)
{
    const qsizetype e = text.indexOf(QLatin1Char('e'));
    if (e < 0) return text;
    QString mantissa = text.left(e);
    QString exponent = text.mid(e + 1);
    if (mantissa.contains(QLatin1Char('.'))) {
        while (mantissa.endsWith(QLatin1Char('0')))
            mantissa.chop(1);
        if (mantissa.endsWith(QLatin1Char('.'))) mantissa.chop(1);
    }
    const bool negative = exponent.startsWith(QLatin1Char('-'));
    if (exponent.startsWith(QLatin1Char('+')) || negative) exponent.remove(0, 1);
    while (exponent.size() > 1 && exponent.startsWith(QLatin1Char('0')))
        exponent.remove(0, 1);
    return mantissa + QLatin1Char('e') + (negative ? QString(kMinus) : QString()) + exponent;
}

QString withTrueMinus(QString text)
{
    if (text.startsWith(QLatin1Char('-'))) text[0] = kMinus;
    return text;
}

int decimalExponent(double value) noexcept
{
    return static_cast<int>(std::floor(std::log10(std::abs(value)) + 1e-9));
}

// The 1-2-5 value at or above raw.
double stepAbove(double raw) noexcept
{
    if (!(raw > 0.0) || !std::isfinite(raw)) return 1.0;
    const double base = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / base;
    double nice = 10.0;
    if (fraction <= 1.0)
        nice = 1.0;
    else if (fraction <= 2.0)
        nice = 2.0;
    else if (fraction <= 5.0)
        nice = 5.0;
    const double step = nice * base;
    return std::isfinite(step) ? step : raw;
}

}  // namespace

double niceStep(double span, int targetCount) noexcept
{
    if (!(span > 0.0) || !std::isfinite(span)) return 1.0;
    return stepAbove(span / std::max(1, targetCount));
}

PlotTicks makeTicks(double lo, double hi, int targetCount, TickValues values)
{
    PlotTicks ticks;
    if (!(lo < hi) || !std::isfinite(lo) || !std::isfinite(hi)) return ticks;
    // Halving both ends keeps hi − lo finite for ranges near ±1.8e308.
    ticks.step = stepAbove((hi / 2.0 - lo / 2.0) / (std::max(1, targetCount) / 2.0));
    // Every 1-2-5 step of at least 1 is a whole number, and so is every multiple of it.
    if (values == TickValues::WholeNumbers) ticks.step = std::max(ticks.step, 1.0);
    const double step = ticks.step;
    // Tick k sits at k·step; k stays below 2^53 because the state limits the relative width.
    const double kLo = std::ceil(lo / step);
    const double kHi = std::floor(hi / step);
    if (!std::isfinite(kLo) || !std::isfinite(kHi) || kHi - kLo > 1000.0) return ticks;

    const double magnitude = std::max(std::abs(lo), std::abs(hi));
    double kOffset = 0.0;
    if (magnitude / step >= kOffsetRatio) {
        // The offset is a tick near the middle, rounded to ten steps so it reads as a round number.
        kOffset = std::round((kLo + kHi) / 20.0) * 10.0;
        ticks.offset = kOffset * step;
        const int digits = std::clamp(decimalExponent(ticks.offset) - decimalExponent(step) + 1, 1, 17);
        QString text = QString::number(ticks.offset, 'g', digits);
        text = text.contains(QLatin1Char('e')) ? tidyScientific(text) : text;
        ticks.offsetText = ticks.offset < 0 ? withTrueMinus(text) : QLatin1Char('+') + text;
    }
    for (double k = kLo; k <= kHi; k += 1.0) {
        ticks.values.push_back(k * step);
        ticks.labels << formatTick((k - kOffset) * step, step);
    }
    return ticks;
}

QString formatTick(double value, double step)
{
    if (value == 0.0 || std::abs(value) < std::abs(step) * 1e-6) return QStringLiteral("0");
    const double magnitude = std::abs(value);
    if (magnitude >= kScientificAbove || magnitude < kScientificBelow) {
        const int decimals = std::clamp(decimalExponent(value) - decimalExponent(step), 0, 16);
        return withTrueMinus(tidyScientific(QString::number(value, 'e', decimals)));
    }
    const int decimals = std::clamp(-decimalExponent(step), 0, 16);
    return withTrueMinus(QString::number(value, 'f', decimals));
}

QString formatReadout(double value, int significantDigits)
{
    if (std::isnan(value)) return QStringLiteral("NaN");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("∞") : QString(kMinus) + QStringLiteral("∞");
    if (value == 0.0) return QStringLiteral("0");
    const double magnitude = std::abs(value);
    if (magnitude >= kScientificAbove || magnitude < kScientificBelow)
        return withTrueMinus(tidyScientific(QString::number(value, 'e', std::max(0, significantDigits - 1))));
    return withTrueMinus(QString::number(value, 'g', significantDigits));
}

}  // namespace ax::ui
