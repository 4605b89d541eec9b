#include "ui/model/property_text.h"

#include "ui/model/explorer_state.h"

#include <QCoreApplication>

#include <cmath>

namespace ax::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ax::ui::PropertyText", text);
}

}  // namespace

QString mathNumber(double value)
{
    if (std::isinf(value)) return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    QString text = formatNumber(value, 5);
    text.replace(QLatin1Char('-'), QStringLiteral("−"));
    return text;
}

QString rangeText(const core::OutputRange& range)
{
    if (range.lo == range.hi) return QStringLiteral("{%1}").arg(mathNumber(range.lo));
    const bool loClosed = range.loIncluded && std::isfinite(range.lo);
    const bool hiClosed = range.hiIncluded && std::isfinite(range.hi);
    return QStringLiteral("%1%2, %3%4")
        .arg(loClosed ? QLatin1Char('[') : QLatin1Char('('))
        .arg(mathNumber(range.lo), mathNumber(range.hi))
        .arg(hiClosed ? QLatin1Char(']') : QLatin1Char(')'));
}

QString smoothnessText(core::Smoothness smoothness)
{
    switch (smoothness) {
    case core::Smoothness::Discontinuous: return tr("discontinuous");
    case core::Smoothness::C0: return QStringLiteral("C⁰");
    case core::Smoothness::C1: return QStringLiteral("C¹");
    case core::Smoothness::C2: return QStringLiteral("C²");
    case core::Smoothness::CInfinity: return QStringLiteral("C∞");
    }
    return {};
}

int smoothnessOrder(core::Smoothness smoothness) noexcept
{
    switch (smoothness) {
    case core::Smoothness::Discontinuous: return -1;
    case core::Smoothness::C0: return 0;
    case core::Smoothness::C1: return 1;
    case core::Smoothness::C2: return 2;
    case core::Smoothness::CInfinity: return 1000;
    }
    return -1;
}

QString boundedText(const core::Properties& properties)
{
    if (properties.boundedBelow && properties.boundedAbove) return tr("both");
    if (properties.boundedBelow) return tr("below");
    if (properties.boundedAbove) return tr("above");
    return tr("no");
}

int boundedKey(const core::Properties& properties) noexcept
{
    return (properties.boundedBelow ? 1 : 0) + (properties.boundedAbove ? 2 : 0);
}

QString saturationText(core::Saturation saturation)
{
    switch (saturation) {
    case core::Saturation::None: return tr("none");
    case core::Saturation::Left: return tr("left");
    case core::Saturation::Right: return tr("right");
    case core::Saturation::Both: return tr("both");
    }
    return {};
}

QString yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

}  // namespace ax::ui
