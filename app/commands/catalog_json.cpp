#include "app/commands/catalog_json.h"

#include "core/activation.h"
#include "core/catalog.h"
#include "core/command_line_syntax.h"
#include "core/output_statistics.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cmath>
#include <string>

namespace ax::app {

namespace {

// outputStatistics also tells the saturated sides at an ε; --list reports the declared sides instead,
// so this ε only completes the call.
constexpr double kListEpsilon = 1e-3;

QJsonValue number(double value)
{
    if (std::isfinite(value)) return value;
    return QString::fromStdString(core::formatNumber(value));
}

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

QString intervalText(double lo, double hi, bool loIncluded, bool hiIncluded)
{
    return QString::fromStdString((loIncluded ? "[" : "(") + core::formatNumber(lo) + ", " +
                                  core::formatNumber(hi) + (hiIncluded ? "]" : ")"));
}

QJsonObject parameterJson(const core::Parameter& parameter)
{
    return {
        {QStringLiteral("name"), text(parameter.name)},
        {QStringLiteral("symbol"), text(parameter.symbol)},
        {QStringLiteral("default"), number(parameter.defaultValue)},
        {QStringLiteral("domain"),
         QJsonObject{
             {QStringLiteral("min"), number(parameter.domainMin)},
             {QStringLiteral("max"), number(parameter.domainMax)},
             {QStringLiteral("minIncluded"), !parameter.domainMinOpen && std::isfinite(parameter.domainMin)},
             {QStringLiteral("maxIncluded"), !parameter.domainMaxOpen && std::isfinite(parameter.domainMax)},
             {QStringLiteral("text"), text(parameter.domainText())}}},
        {QStringLiteral("slider"), QJsonObject{{QStringLiteral("min"), number(parameter.sliderMin)},
                                               {QStringLiteral("max"), number(parameter.sliderMax)}}},
        {QStringLiteral("meaning"), text(parameter.meaning)},
    };
}

QString smoothnessName(core::Smoothness smoothness)
{
    switch (smoothness) {
        case core::Smoothness::Discontinuous:
            return QStringLiteral("discontinuous");
        case core::Smoothness::C0:
            return QStringLiteral("C0");
        case core::Smoothness::C1:
            return QStringLiteral("C1");
        case core::Smoothness::C2:
            return QStringLiteral("C2");
        case core::Smoothness::CInfinity:
            return QStringLiteral("Cinf");
    }
    return {};
}

QString saturationName(core::Saturation saturation)
{
    switch (saturation) {
        case core::Saturation::None:
            return QStringLiteral("none");
        case core::Saturation::Left:
            return QStringLiteral("left");
        case core::Saturation::Right:
            return QStringLiteral("right");
        case core::Saturation::Both:
            return QStringLiteral("both");
    }
    return {};
}

// Zero-centred by the table's rule: the mean output for a standard-normal input is near zero.
QJsonObject propertiesJson(const core::Properties& properties, const core::OutputStatistics& statistics)
{
    const core::OutputRange& range = properties.range;
    return {
        {QStringLiteral("range"),
         QJsonObject{
             {QStringLiteral("lo"), number(range.lo)},
             {QStringLiteral("hi"), number(range.hi)},
             {QStringLiteral("loIncluded"), range.loIncluded},
             {QStringLiteral("hiIncluded"), range.hiIncluded},
             {QStringLiteral("text"), intervalText(range.lo, range.hi, range.loIncluded, range.hiIncluded)}}},
        {QStringLiteral("monotonic"), properties.monotonic},
        {QStringLiteral("derivativeMonotonic"), properties.derivativeMonotonic},
        {QStringLiteral("smoothness"), smoothnessName(properties.smoothness)},
        {QStringLiteral("meanForStandardNormalInput"), number(statistics.mean)},
        {QStringLiteral("varianceForStandardNormalInput"), number(statistics.variance)},
        {QStringLiteral("zeroCentred"), statistics.zeroCentred},
        {QStringLiteral("boundedBelow"), properties.boundedBelow},
        {QStringLiteral("boundedAbove"), properties.boundedAbove},
        {QStringLiteral("saturates"), saturationName(properties.saturates)},
        {QStringLiteral("deadRegion"), properties.deadRegion},
        {QStringLiteral("selfNormalising"), properties.selfNormalising},
        {QStringLiteral("identityNearZero"), properties.identityNearZero},
    };
}

QJsonObject referenceJson(const core::Reference& reference)
{
    return {
        {QStringLiteral("authors"), text(reference.authors)},
        {QStringLiteral("title"), text(reference.title)},
        {QStringLiteral("venue"), text(reference.venue)},
        // No single origin: null rather than a made-up year.
        {QStringLiteral("year"), reference.year > 0 ? QJsonValue(reference.year) : QJsonValue()},
        {QStringLiteral("arxiv"), text(reference.arxiv)},
        {QStringLiteral("doi"), text(reference.doi)},
    };
}

QJsonObject activationJson(const core::Activation& activation)
{
    const core::ParameterValues defaults = activation.defaults();

    QJsonArray parameters;
    for (const core::Parameter& parameter : activation.parameters)
        parameters.append(parameterJson(parameter));

    QJsonArray kinks;
    if (activation.kinks)
        for (const core::Kink& kink : activation.kinks(defaults))
            kinks.append(
                QJsonObject{{QStringLiteral("z"), number(kink.z)}, {QStringLiteral("order"), kink.order}});

    QJsonObject json{
        {QStringLiteral("id"), text(activation.id)},
        {QStringLiteral("name"), text(activation.name)},
        {QStringLiteral("formula"), text(activation.formula)},
        {QStringLiteral("family"),
         QJsonObject{{QStringLiteral("id"), text(std::string(core::familyId(activation.family)))},
                     {QStringLiteral("name"), text(std::string(core::familyName(activation.family)))}}},
        {QStringLiteral("parameters"), parameters},
        {QStringLiteral("kinks"), kinks},
        {QStringLiteral("reference"), referenceJson(activation.reference)},
    };
    if (activation.properties)
        json.insert(QStringLiteral("properties"),
                    propertiesJson(activation.properties(defaults),
                                   core::outputStatistics(activation, defaults, kListEpsilon)));
    return json;
}

}  // namespace

QJsonDocument catalogJson()
{
    QJsonArray activations;
    for (const core::Activation& activation : core::catalog())
        activations.append(activationJson(activation));
    return QJsonDocument(QJsonObject{
        {QStringLiteral("application"), QCoreApplication::applicationName()},
        {QStringLiteral("version"), QCoreApplication::applicationVersion()},
        {QStringLiteral("activations"), activations},
    });
}

}  // namespace ax::app
