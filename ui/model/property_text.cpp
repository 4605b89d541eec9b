#include "ui/model/property_text.h"

#include "ui/model/explorer_state.h"

#include <QCoreApplication>

#include <cmath>

namespace ax::ui {

namespace {

// This unit's strings, in one translation context of their own.
struct PropertyTextTr {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::PropertyText)
};

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
    if (range.onlyEnds) return QStringLiteral("{%1, %2}").arg(mathNumber(range.lo), mathNumber(range.hi));
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
        case core::Smoothness::Discontinuous:
            return PropertyTextTr::tr("discontinuous");
        case core::Smoothness::C0:
            return QStringLiteral("C⁰");
        case core::Smoothness::C1:
            return QStringLiteral("C¹");
        case core::Smoothness::C2:
            return QStringLiteral("C²");
        case core::Smoothness::CInfinity:
            return QStringLiteral("C∞");
    }
    return {};
}

int smoothnessOrder(core::Smoothness smoothness) noexcept
{
    switch (smoothness) {
        case core::Smoothness::Discontinuous:
            return -1;
        case core::Smoothness::C0:
            return 0;
        case core::Smoothness::C1:
            return 1;
        case core::Smoothness::C2:
            return 2;
        case core::Smoothness::CInfinity:
            return 1000;
    }
    return -1;
}

QString boundedText(const core::Properties& properties)
{
    if (properties.boundedBelow && properties.boundedAbove) return PropertyTextTr::tr("both");
    if (properties.boundedBelow) return PropertyTextTr::tr("below");
    if (properties.boundedAbove) return PropertyTextTr::tr("above");
    return PropertyTextTr::tr("no");
}

int boundedKey(const core::Properties& properties) noexcept
{
    return (properties.boundedBelow ? 1 : 0) + (properties.boundedAbove ? 2 : 0);
}

QString saturationText(core::Saturation saturation)
{
    switch (saturation) {
        case core::Saturation::None:
            return PropertyTextTr::tr("none");
        case core::Saturation::Left:
            return PropertyTextTr::tr("left");
        case core::Saturation::Right:
            return PropertyTextTr::tr("right");
        case core::Saturation::Both:
            return PropertyTextTr::tr("both");
    }
    return {};
}

QString yesNo(bool value)
{
    return value ? PropertyTextTr::tr("yes") : PropertyTextTr::tr("no");
}

}  // namespace ax::ui
