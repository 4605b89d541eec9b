#include "ui/model/session.h"

#include "core/catalog.h"

#include <algorithm>

namespace ax::ui {

QString chartStyleName(ChartStyle style)
{
    switch (style) {
        case ChartStyle::Print:
            return QStringLiteral("print");
        case ChartStyle::Presentation:
            return QStringLiteral("presentation");
        case ChartStyle::Screen:
            break;
    }
    return QStringLiteral("screen");
}

std::optional<ChartStyle> chartStyleFromName(const QString& name)
{
    for (const ChartStyle style : {ChartStyle::Screen, ChartStyle::Print, ChartStyle::Presentation})
        if (name == chartStyleName(style)) return style;
    return std::nullopt;
}

Session::Session()
{
    enabled = storyIds();
    for (const auto& activation : core::catalog())
        parameterValues.insert(QString::fromStdString(activation.id), activation.defaults());
}

QStringList Session::storyIds()
{
    static const QStringList ids{
        QStringLiteral("sigmoid"), QStringLiteral("relu"),  QStringLiteral("leaky_relu"),
        QStringLiteral("prelu"),   QStringLiteral("elu"),   QStringLiteral("selu"),
        QStringLiteral("gelu"),    QStringLiteral("swish"), QStringLiteral("mish")};
    return ids;
}

QStringList Session::activationIds() const
{
    QStringList ids;
    for (const auto& activation : core::catalog())
        ids << QString::fromStdString(activation.id);
    ids << customOrder;
    return ids;
}

const core::Activation* Session::activation(const QString& id) const
{
    if (const auto variant = conventionVariants.find(id); variant != conventionVariants.end())
        return variant->second.get();
    if (const auto* a = core::findActivation(id.toStdString())) return a;
    if (const auto custom = customs.find(id); custom != customs.end()) return &custom->second->activation;
    return nullptr;
}

QStringList Session::enabledIds() const
{
    QStringList ordered;
    for (const QString& id : activationIds())
        if (enabled.contains(id)) ordered << id;
    return ordered;
}

core::ParameterValues Session::parameters(const QString& id) const
{
    if (const auto it = parameterValues.constFind(id); it != parameterValues.constEnd()) return *it;
    if (const auto* a = activation(id)) return a->defaults();
    return {};
}

void Session::rebuildConventionVariants()
{
    conventionVariants.clear();
    if (convention == core::Framework::PyTorch) return;
    for (const std::string_view id : core::conventionIds())
        if (auto variant = core::conventionVariant(convention, id))
            conventionVariants.emplace(
                QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size())),
                std::make_shared<const core::Activation>(std::move(variant->activation)));
}

bool operator==(const Session& a, const Session& b)
{
    const auto sameCustoms = [&] {
        return std::equal(a.customs.begin(), a.customs.end(), b.customs.begin(), b.customs.end(),
                          [](const auto& x, const auto& y) {
                              return x.first == y.first &&
                                     (x.second == y.second || x.second->spec == y.second->spec);
                          });
    };
    // Order does not matter to what is shown: enabledIds() lists in catalog order.
    return a.enabledIds() == b.enabledIds() && a.parameterValues == b.parameterValues && a.zMin == b.zMin &&
           a.zMax == b.zMax && a.samples == b.samples && a.epsilon == b.epsilon &&
           a.showSecond == b.showSecond && a.yAxisMode == b.yAxisMode &&
           a.functionLimits == b.functionLimits && a.derivativeLimits == b.derivativeLimits &&
           a.style == b.style && a.theme == b.theme && a.depthLab == b.depthLab &&
           a.trainingLab == b.trainingLab && a.hiddenTableColumns == b.hiddenTableColumns &&
           a.customOrder == b.customOrder && sameCustoms() && a.convention == b.convention;
}

}  // namespace ax::ui
