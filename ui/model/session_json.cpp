#include "ui/model/session_json.h"

#include "core/catalog.h"
#include "ui/model/explorer_state.h"
#include "ui/model/quoted_text.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

namespace ax::ui {

namespace {

QString themeName(Theme theme)
{
    switch (theme) {
        case Theme::Light:
            return QStringLiteral("light");
        case Theme::Dark:
            return QStringLiteral("dark");
        case Theme::System:
            break;
    }
    return QStringLiteral("system");
}

std::optional<Theme> themeFromName(const QString& name)
{
    if (name == QLatin1String("system")) return Theme::System;
    if (name == QLatin1String("light")) return Theme::Light;
    if (name == QLatin1String("dark")) return Theme::Dark;
    return std::nullopt;
}

// Reads a finite number from json[key]; error text names the key.
std::optional<QString> readNumber(const QJsonObject& json, const char* key, double& out)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined()) return std::nullopt;  // absent: keep the default
    if (!value.isDouble()) return ExplorerState::tr("\"%1\" must be a number.").arg(QLatin1String(key));
    out = value.toDouble();
    if (!std::isfinite(out))
        return ExplorerState::tr("\"%1\" must be a finite number.").arg(QLatin1String(key));
    return std::nullopt;
}

constexpr std::array<std::pair<WeightInit, const char*>, 4> kWeightInitKeys = {
    {{WeightInit::LeCun, "lecun"},
     {WeightInit::He, "he"},
     {WeightInit::Xavier, "xavier"},
     {WeightInit::Custom, "custom"}}};

QJsonObject depthLabToJson(const DepthLabNetwork& s)
{
    QString init;
    for (const auto& [kind, key] : kWeightInitKeys)
        if (kind == s.init) init = QLatin1String(key);
    return {{QStringLiteral("depth"), s.depth},
            {QStringLiteral("width"), s.width},
            {QStringLiteral("init"), init},
            {QStringLiteral("weightVariance"), s.customWeightVariance},
            {QStringLiteral("biasVariance"), s.biasVariance},
            {QStringLiteral("inputMean"), s.inputMean},
            {QStringLiteral("inputVariance"), s.inputVariance},
            {QStringLiteral("seed"), s.seed}};
}

// Reads a whole number from json[key] into out; absent keeps out.
std::optional<QString> readWholeNumber(const QJsonObject& json, const char* key, int& out)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined()) return std::nullopt;
    const double number = value.toDouble(0.5);
    if (!value.isDouble() || number != std::floor(number) || std::fabs(number) > 2e9)
        return ExplorerState::tr("\"%1\" must be a whole number.").arg(QLatin1String(key));
    out = static_cast<int>(number);
    return std::nullopt;
}

std::optional<QString> depthLabFromJson(const QJsonValue& value, DepthLabNetwork& s)
{
    if (!value.isObject()) return ExplorerState::tr("\"depthLab\" must be an object.");
    const QJsonObject json = value.toObject();
    if (auto error = readWholeNumber(json, "depth", s.depth)) return error;
    if (auto error = readWholeNumber(json, "width", s.width)) return error;
    if (auto error = readWholeNumber(json, "seed", s.seed)) return error;
    if (const QJsonValue init = json.value(QStringLiteral("init")); !init.isUndefined()) {
        bool found = false;
        for (const auto& [kind, key] : kWeightInitKeys) {
            if (init.toString() == QLatin1String(key)) {
                s.init = kind;
                found = true;
            }
        }
        if (!found) return ExplorerState::tr("\"init\" must be \"lecun\", \"he\", \"xavier\" or \"custom\".");
    }
    if (auto error = readNumber(json, "weightVariance", s.customWeightVariance)) return error;
    if (auto error = readNumber(json, "biasVariance", s.biasVariance)) return error;
    if (auto error = readNumber(json, "inputMean", s.inputMean)) return error;
    if (auto error = readNumber(json, "inputVariance", s.inputVariance)) return error;
    return s.validate();
}

QString latin(std::string_view text)
{
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

QJsonObject trainingLabToJson(const core::RaceSettings& s)
{
    return {{QStringLiteral("dataset"), latin(core::datasetName(s.data.kind))},
            {QStringLiteral("samples"), s.data.samples},
            {QStringLiteral("noise"), s.data.noise},
            {QStringLiteral("classes"), s.data.blobClasses},
            {QStringLiteral("testShare"), s.data.testShare},
            {QStringLiteral("dataSeed"), static_cast<double>(s.data.seed)},
            {QStringLiteral("depth"), s.network.depth},
            {QStringLiteral("width"), s.network.width},
            {QStringLiteral("init"), latin(core::initialisationName(s.network.initialisation))},
            {QStringLiteral("optimiser"),
             s.optimiser.kind == core::OptimiserKind::Adam ? QStringLiteral("adam") : QStringLiteral("sgd")},
            {QStringLiteral("learningRate"), s.optimiser.learningRate},
            {QStringLiteral("momentum"), s.optimiser.momentum},
            {QStringLiteral("batchSize"), s.optimiser.batchSize},
            {QStringLiteral("l2"), s.optimiser.l2},
            {QStringLiteral("seed"), static_cast<double>(s.seed)}};
}

// A seed: a whole number from 0 to 2⁵³, which JSON's numbers hold exactly.
std::optional<QString> readSeed(const QJsonObject& json, const char* key, std::uint64_t& out)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined()) return std::nullopt;
    const double number = value.toDouble(-1.0);
    if (!value.isDouble() || number < 0.0 || number > 9007199254740992.0 || number != std::floor(number))
        return ExplorerState::tr("\"%1\" must be a whole number from 0 to 2^53.").arg(QLatin1String(key));
    out = static_cast<std::uint64_t>(number);
    return std::nullopt;
}

std::optional<QString> trainingLabFromJson(const QJsonValue& value, core::RaceSettings& s)
{
    if (!value.isObject()) return ExplorerState::tr("\"trainingLab\" must be an object.");
    const QJsonObject json = value.toObject();
    if (const QJsonValue name = json.value(QStringLiteral("dataset")); !name.isUndefined()) {
        const auto kind = core::datasetFromName(name.toString().toStdString());
        if (!name.isString() || !kind)
            return ExplorerState::tr(
                "\"dataset\" must be \"spirals\", \"moons\", \"circles\", \"xor\", "
                "\"blobs\", \"sin\", \"abs\" or \"step\".");
        s.data.kind = *kind;
    }
    if (auto error = readWholeNumber(json, "samples", s.data.samples)) return error;
    if (auto error = readNumber(json, "noise", s.data.noise)) return error;
    if (auto error = readWholeNumber(json, "classes", s.data.blobClasses)) return error;
    if (auto error = readNumber(json, "testShare", s.data.testShare)) return error;
    if (auto error = readSeed(json, "dataSeed", s.data.seed)) return error;
    if (auto error = readWholeNumber(json, "depth", s.network.depth)) return error;
    if (auto error = readWholeNumber(json, "width", s.network.width)) return error;
    if (const QJsonValue init = json.value(QStringLiteral("init")); !init.isUndefined()) {
        const auto scheme = core::initialisationFromName(init.toString().toStdString());
        if (!init.isString() || !scheme)
            return ExplorerState::tr("\"init\" must be \"recommended\", \"lecun\", \"he\" or \"glorot\".");
        s.network.initialisation = *scheme;
    }
    if (const QJsonValue kind = json.value(QStringLiteral("optimiser")); !kind.isUndefined()) {
        if (kind.toString() == QLatin1String("adam"))
            s.optimiser.kind = core::OptimiserKind::Adam;
        else if (kind.toString() == QLatin1String("sgd"))
            s.optimiser.kind = core::OptimiserKind::SgdMomentum;
        else
            return ExplorerState::tr("\"optimiser\" must be \"adam\" or \"sgd\".");
    }
    if (auto error = readNumber(json, "learningRate", s.optimiser.learningRate)) return error;
    if (auto error = readNumber(json, "momentum", s.optimiser.momentum)) return error;
    if (auto error = readWholeNumber(json, "batchSize", s.optimiser.batchSize)) return error;
    if (auto error = readNumber(json, "l2", s.optimiser.l2)) return error;
    if (auto error = readSeed(json, "seed", s.seed)) return error;
    return ExplorerState::validateTrainingLab(s);
}

// Adds the custom activations a session lists to scratch; the first that cannot be built stops it.
std::optional<QString> readCustomActivations(const QJsonObject& json, ExplorerState& scratch)
{
    const QJsonValue value = json.value(QStringLiteral("customActivations"));
    if (value.isUndefined()) return std::nullopt;
    const QString shape = ExplorerState::tr(
        "\"customActivations\" must be a list of objects with \"id\", \"name\", "
        "\"formula\" and \"parameters\".");
    if (!value.isArray()) return shape;
    if (value.toArray().size() > ExplorerState::kMaxCustomActivations)
        return ExplorerState::tr("\"customActivations\" lists %1 activations; at most %2 are allowed.")
            .arg(value.toArray().size())
            .arg(ExplorerState::kMaxCustomActivations);
    for (const QJsonValue entryValue : value.toArray()) {
        if (!entryValue.isObject()) return shape;
        const QJsonObject entry = entryValue.toObject();
        if (!entry.value(QStringLiteral("id")).isString() ||
            !entry.value(QStringLiteral("formula")).isString())
            return shape;
        core::CustomActivationSpec spec;
        spec.id = entry.value(QStringLiteral("id")).toString().toStdString();
        spec.name = entry.value(QStringLiteral("name")).toString().toStdString();
        spec.formula = entry.value(QStringLiteral("formula")).toString().toStdString();
        const QJsonValue parameterList = entry.value(QStringLiteral("parameters"));
        if (!parameterList.isUndefined() && !parameterList.isArray()) return shape;
        for (const QJsonValue parameterValue : parameterList.toArray()) {
            const QJsonObject parameter = parameterValue.toObject();
            if (!parameterValue.isObject() || !parameter.value(QStringLiteral("name")).isString())
                return ExplorerState::tr(
                           "The parameters of the custom activation %1 must be objects with a \"name\".")
                    .arg(quoted(QString::fromStdString(spec.id)));
            core::CustomParameterSpec p{parameter.value(QStringLiteral("name")).toString().toStdString()};
            for (const auto& [key, field] :
                 {std::pair{"default", &p.defaultValue}, std::pair{"sliderMin", &p.sliderMin},
                  std::pair{"sliderMax", &p.sliderMax}}) {
                if (auto error = readNumber(parameter, key, *field))
                    return ExplorerState::tr("Custom activation %1, parameter %2: %3")
                        .arg(quoted(QString::fromStdString(spec.id)), quoted(QString::fromStdString(p.name)),
                             *error);
            }
            spec.parameters.push_back(std::move(p));
        }
        if (auto error = scratch.addCustomActivation(spec)) return error;
    }
    return std::nullopt;
}

}  // namespace

QJsonObject sessionToJson(const Session& session)
{
    QJsonObject json;
    json.insert(QStringLiteral("format"), QStringLiteral("activation-explorer-session"));
    json.insert(QStringLiteral("version"), ExplorerState::kFormatVersion);
    json.insert(QStringLiteral("enabled"), QJsonArray::fromStringList(session.enabledIds()));
    QJsonObject parameterObject;
    for (const QString& id : session.activationIds()) {
        const auto* a = session.activation(id);
        // A convention that fixes the parameters still keeps the values chosen for the catalog's.
        if (a && a->parameters.empty() && session.customs.count(id) == 0)
            a = core::findActivation(id.toStdString());
        if (!a || a->parameters.empty()) continue;
        const auto values = session.parameters(id);
        QJsonObject entry;
        for (std::size_t i = 0; i < a->parameters.size(); ++i)
            entry.insert(QString::fromStdString(a->parameters[i].name), values[i]);
        parameterObject.insert(id, entry);
    }
    json.insert(QStringLiteral("parameters"), parameterObject);
    json.insert(QStringLiteral("range"), QJsonArray{session.zMin, session.zMax});
    json.insert(QStringLiteral("samples"), session.samples);
    json.insert(QStringLiteral("epsilon"), session.epsilon);
    QJsonObject charts;
    charts.insert(QStringLiteral("secondDerivative"), session.showSecond);
    charts.insert(QStringLiteral("yAxis"),
                  session.yAxisMode == YAxisMode::Auto ? QStringLiteral("auto") : QStringLiteral("fixed"));
    charts.insert(QStringLiteral("functionLimits"),
                  QJsonArray{session.functionLimits.lo, session.functionLimits.hi});
    charts.insert(QStringLiteral("derivativeLimits"),
                  QJsonArray{session.derivativeLimits.lo, session.derivativeLimits.hi});
    charts.insert(QStringLiteral("style"), chartStyleName(session.style));
    json.insert(QStringLiteral("charts"), charts);
    json.insert(QStringLiteral("theme"), themeName(session.theme));
    json.insert(QStringLiteral("convention"), ExplorerState::conventionKey(session.convention));
    json.insert(QStringLiteral("depthLab"), depthLabToJson(session.depthLab));
    json.insert(QStringLiteral("trainingLab"), trainingLabToJson(session.trainingLab));
    QJsonObject table;
    table.insert(QStringLiteral("hiddenColumns"), QJsonArray::fromStringList(session.hiddenTableColumns));
    json.insert(QStringLiteral("table"), table);
    QJsonArray customs;
    for (const QString& id : session.customOrder) {
        const core::CustomActivationSpec& spec = session.customs.at(id)->spec;
        QJsonArray parameterList;
        for (const core::CustomParameterSpec& p : spec.parameters)
            parameterList.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(p.name)},
                                             {QStringLiteral("default"), p.defaultValue},
                                             {QStringLiteral("sliderMin"), p.sliderMin},
                                             {QStringLiteral("sliderMax"), p.sliderMax}});
        customs.append(QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("name"), QString::fromStdString(spec.name)},
                                   {QStringLiteral("formula"), QString::fromStdString(spec.formula)},
                                   {QStringLiteral("parameters"), parameterList}});
    }
    json.insert(QStringLiteral("customActivations"), customs);
    return json;
}

std::variant<Session, QString> sessionFromJson(const QJsonObject& json)
{
    // The setters of a scratch state check every value as the window's edits are checked.
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (version.isUndefined()) return ExplorerState::tr("The file has no format version.");
    // toInt() gives 0 for 1.5 or 2147483648: judge the number itself, and name it as written.
    const double number = version.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!version.isDouble()) return ExplorerState::tr("The format version must be a whole number from 1.");
    const QString written = QString::number(number, 'g', QLocale::FloatingPointShortest);
    if (!std::isfinite(number) || number != std::floor(number) || number < 1)
        return ExplorerState::tr("The format version %1 is not valid: it must be a whole number from 1.")
            .arg(written);
    if (number > ExplorerState::kFormatVersion)
        return ExplorerState::tr(
                   "The file was written by a newer version (format %1; this version reads up to %2).")
            .arg(written)
            .arg(ExplorerState::kFormatVersion);

    ExplorerState next;
    if (auto error = readCustomActivations(json, next)) return *error;
    std::optional<core::Framework> convention;
    if (const QJsonValue key = json.value(QStringLiteral("convention")); !key.isUndefined()) {
        convention = ExplorerState::conventionFromKey(key.toString());
        if (!key.isString() || !convention)
            return ExplorerState::tr(
                "\"convention\" must be \"pytorch\", \"tf-keras2\", \"keras3\" or \"jax\".");
    }
    std::optional<QStringList> enabled;
    if (const QJsonValue list = json.value(QStringLiteral("enabled")); !list.isUndefined()) {
        if (!list.isArray()) return ExplorerState::tr("\"enabled\" must be a list of activation ids.");
        QStringList ids;
        for (const QJsonValue value : list.toArray()) {
            if (!value.isString()) return ExplorerState::tr("\"enabled\" must be a list of activation ids.");
            if (!next.activation(value.toString()))
                return ExplorerState::tr("Unknown activation %1 in \"enabled\".")
                    .arg(quoted(value.toString()));
            ids << value.toString();
        }
        enabled = ids;
    }
    if (const QJsonValue params = json.value(QStringLiteral("parameters")); !params.isUndefined()) {
        if (!params.isObject()) return ExplorerState::tr("\"parameters\" must be an object.");
        const QJsonObject object = params.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!next.activation(it.key()))
                return ExplorerState::tr("Unknown activation %1 in \"parameters\".").arg(quoted(it.key()));
            if (!it.value().isObject())
                return ExplorerState::tr("The parameters of %1 must be an object.").arg(quoted(it.key()));
            const QJsonObject entry = it.value().toObject();
            // One activation's values are checked together: RReLU's lower ≤ upper holds for the
            // pair the file gives, whichever of the two it names first.
            core::ParameterValues values = next.parameters(it.key());
            const core::Activation* activation = next.activation(it.key());
            for (auto p = entry.begin(); p != entry.end(); ++p) {
                if (!p.value().isDouble())
                    return ExplorerState::tr("Parameter %1 of %2 must be a number.")
                        .arg(quoted(p.key()), quoted(it.key()));
                const int index = activation->parameterIndex(p.key().toStdString());
                if (index < 0) {
                    if (auto error = next.setParameter(it.key(), p.key(), p.value().toDouble()))
                        return *error;
                    continue;
                }
                values[static_cast<std::size_t>(index)] = p.value().toDouble();
            }
            if (auto error = next.setParameters(it.key(), values)) return *error;
        }
    }
    if (const QJsonValue range = json.value(QStringLiteral("range")); !range.isUndefined()) {
        const QJsonArray array = range.toArray();
        if (!range.isArray() || array.size() != 2 || !array[0].isDouble() || !array[1].isDouble())
            return ExplorerState::tr("\"range\" must be a list of two numbers.");
        if (auto error = next.setRange(array[0].toDouble(), array[1].toDouble())) return *error;
    }
    if (const QJsonValue samples = json.value(QStringLiteral("samples")); !samples.isUndefined()) {
        const double value = samples.toDouble(-1);
        if (!samples.isDouble() || value != std::floor(value) || std::abs(value) > 1e9)
            return ExplorerState::tr("\"samples\" must be a whole number.");
        if (auto error = next.setSamples(static_cast<int>(value))) return *error;
    }
    double epsilon = next.epsilon();
    if (auto error = readNumber(json, "epsilon", epsilon)) return *error;
    if (auto error = next.setEpsilon(epsilon)) return *error;

    if (const QJsonValue chartsValue = json.value(QStringLiteral("charts")); !chartsValue.isUndefined()) {
        if (!chartsValue.isObject()) return ExplorerState::tr("\"charts\" must be an object.");
        const QJsonObject charts = chartsValue.toObject();
        if (const QJsonValue second = charts.value(QStringLiteral("secondDerivative"));
            !second.isUndefined()) {
            if (!second.isBool()) return ExplorerState::tr("\"secondDerivative\" must be true or false.");
            next.setShowSecondDerivative(second.toBool());
        }
        if (const QJsonValue yAxis = charts.value(QStringLiteral("yAxis")); !yAxis.isUndefined()) {
            if (yAxis.toString() == QLatin1String("auto"))
                next.setYAxisMode(YAxisMode::Auto);
            else if (yAxis.toString() == QLatin1String("fixed"))
                next.setYAxisMode(YAxisMode::Fixed);
            else
                return ExplorerState::tr("\"yAxis\" must be \"auto\" or \"fixed\".");
        }
        for (const auto& [key, setter] :
             {std::pair{QStringLiteral("functionLimits"), &ExplorerState::setFunctionLimits},
              std::pair{QStringLiteral("derivativeLimits"), &ExplorerState::setDerivativeLimits}}) {
            const QJsonValue value = charts.value(key);
            if (value.isUndefined()) continue;
            const QJsonArray array = value.toArray();
            if (!value.isArray() || array.size() != 2 || !array[0].isDouble() || !array[1].isDouble())
                return ExplorerState::tr("\"%1\" must be a list of two numbers.").arg(key);
            if (auto error = (next.*setter)(YLimits{array[0].toDouble(), array[1].toDouble()})) return *error;
        }
        if (const QJsonValue style = charts.value(QStringLiteral("style")); !style.isUndefined()) {
            const auto parsed = chartStyleFromName(style.toString());
            if (!parsed)
                return ExplorerState::tr("\"style\" must be \"screen\", \"print\" or \"presentation\".");
            next.setChartStyle(*parsed);
        }
    }
    if (const QJsonValue theme = json.value(QStringLiteral("theme")); !theme.isUndefined()) {
        const auto parsed = themeFromName(theme.toString());
        if (!parsed) return ExplorerState::tr("\"theme\" must be \"system\", \"light\" or \"dark\".");
        next.setTheme(*parsed);
    }
    // Sessions saved before the table had a column chooser have no "table": every column shows.
    if (const QJsonValue tableValue = json.value(QStringLiteral("table")); !tableValue.isUndefined()) {
        if (!tableValue.isObject()) return ExplorerState::tr("\"table\" must be an object.");
        const QJsonValue hidden = tableValue.toObject().value(QStringLiteral("hiddenColumns"));
        if (!hidden.isUndefined()) {
            if (!hidden.isArray())
                return ExplorerState::tr("\"hiddenColumns\" must be a list of column names.");
            QStringList keys;
            for (const QJsonValue key : hidden.toArray()) {
                if (!key.isString())
                    return ExplorerState::tr("\"hiddenColumns\" must be a list of column names.");
                keys << key.toString();
            }
            if (auto error = next.setHiddenTableColumns(keys)) return *error;
        }
    }
    Session session = next.session();
    if (const QJsonValue lab = json.value(QStringLiteral("depthLab")); !lab.isUndefined())
        if (auto error = depthLabFromJson(lab, session.depthLab)) return *error;
    if (const QJsonValue lab = json.value(QStringLiteral("trainingLab")); !lab.isUndefined())
        if (auto error = trainingLabFromJson(lab, session.trainingLab)) return *error;
    if (enabled) session.enabled = *enabled;
    // Parameters were read against the catalog's definitions; the file's values are kept as they are.
    if (convention) {
        session.convention = *convention;
        session.rebuildConventionVariants();
    }
    return session;
}

}  // namespace ax::ui
