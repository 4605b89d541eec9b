#include "ui/model/explorer_state.h"

#include "core/catalog.h"
#include "ui/model/quoted_text.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>
#include <variant>

namespace ax::ui {

namespace {

const QStringList& storyOrder()
{
    static const QStringList ids{QStringLiteral("sigmoid"), QStringLiteral("relu"),
                                 QStringLiteral("leaky_relu"), QStringLiteral("elu"),
                                 QStringLiteral("selu"), QStringLiteral("gelu"),
                                 QStringLiteral("swish"), QStringLiteral("mish")};
    return ids;
}

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
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

std::optional<QString> validateLimits(YLimits limits)
{
    if (!std::isfinite(limits.lo) || !std::isfinite(limits.hi))
        return ExplorerState::tr("The y limits must be finite numbers.");
    if (!(limits.lo < limits.hi))
        return ExplorerState::tr("The lower y limit (%1) must be below the upper one (%2).")
            .arg(formatNumber(limits.lo), formatNumber(limits.hi));
    return std::nullopt;
}

// Reads a finite number from json[key]; error text names the key.
std::optional<QString> readNumber(const QJsonObject& json, const char* key, double& out)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isUndefined()) return std::nullopt;  // absent: keep the default
    if (!value.isDouble())
        return ExplorerState::tr("\"%1\" must be a number.").arg(QLatin1String(key));
    out = value.toDouble();
    if (!std::isfinite(out))
        return ExplorerState::tr("\"%1\" must be a finite number.").arg(QLatin1String(key));
    return std::nullopt;
}

constexpr std::array<std::pair<WeightInit, const char*>, 4> kWeightInitKeys = {
    {{WeightInit::LeCun, "lecun"}, {WeightInit::He, "he"}, {WeightInit::Xavier, "xavier"},
     {WeightInit::Custom, "custom"}}};
constexpr std::array<int, 5> kDepthLabWidths = {64, 128, 256, 512, 1024};

QJsonObject depthLabToJson(const DepthLabSettings& s)
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

std::optional<QString> depthLabFromJson(const QJsonValue& value, DepthLabSettings& s)
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

}  // namespace

double DepthLabSettings::weightVariance() const noexcept
{
    switch (init) {
        case WeightInit::LeCun:
        case WeightInit::Xavier:
            return 1.0;
        case WeightInit::He:
            return 2.0;
        case WeightInit::Custom:
            break;
    }
    return customWeightVariance;
}

std::optional<QString> DepthLabSettings::validate() const
{
    const auto outside = [](const char* what, const QString& low, const QString& high) {
        return ExplorerState::tr("The depth lab's %1 must lie between %2 and %3.")
            .arg(ExplorerState::tr(what), low, high);
    };
    if (depth < kMinDepth || depth > kMaxDepth)
        return outside("depth", QString::number(kMinDepth), QString::number(kMaxDepth));
    if (std::find(kDepthLabWidths.begin(), kDepthLabWidths.end(), width) == kDepthLabWidths.end())
        return ExplorerState::tr("The depth lab's width must be 64, 128, 256, 512 or 1024.");
    if (!(customWeightVariance >= kMinCustomWeightVariance && customWeightVariance <= kMaxCustomWeightVariance))
        return outside("weight variance", formatNumber(kMinCustomWeightVariance),
                       formatNumber(kMaxCustomWeightVariance));
    if (!(biasVariance >= 0.0 && biasVariance <= kMaxBiasVariance))
        return outside("bias variance", QStringLiteral("0"), formatNumber(kMaxBiasVariance));
    if (!(inputMean >= -kMaxInputMean && inputMean <= kMaxInputMean))
        return outside("input mean", formatNumber(-kMaxInputMean), formatNumber(kMaxInputMean));
    if (!(inputVariance >= kMinInputVariance && inputVariance <= kMaxInputVariance))
        return outside("input variance", formatNumber(kMinInputVariance), formatNumber(kMaxInputVariance));
    if (seed < 1 || seed > kMaxSeed) return outside("seed", QStringLiteral("1"), QString::number(kMaxSeed));
    return std::nullopt;
}

std::optional<QString> ExplorerState::setDepthLab(const DepthLabSettings& settings)
{
    if (auto error = settings.validate()) return error;
    if (settings == m_depthLab) return std::nullopt;
    m_depthLab = settings;
    emitChange(StateChange::DepthLab);
    return std::nullopt;
}

ExplorerState::ExplorerState(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<StateChange>();
    m_enabled = storyOrder();
    for (const auto& activation : core::catalog())
        m_parameters.insert(QString::fromStdString(activation.id), activation.defaults());
}

QStringList ExplorerState::storyIds()
{
    return storyOrder();
}

QStringList ExplorerState::activationIds() const
{
    QStringList ids;
    for (const auto& activation : core::catalog()) ids << QString::fromStdString(activation.id);
    ids << m_customOrder;
    return ids;
}

const core::Activation* ExplorerState::activation(const QString& id) const
{
    if (const auto variant = m_conventionVariants.find(id); variant != m_conventionVariants.end())
        return variant->second.get();
    if (const auto* a = core::findActivation(id.toStdString())) return a;
    if (const auto custom = m_customs.find(id); custom != m_customs.end()) return &custom->second->activation;
    return nullptr;
}

int ExplorerState::catalogIndex(const QString& id) const
{
    const auto all = core::catalog();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (QLatin1String(all[i].id.c_str()) == id) return static_cast<int>(i);
    if (const qsizetype custom = m_customOrder.indexOf(id); custom >= 0)
        return static_cast<int>(all.size()) + static_cast<int>(custom);
    return -1;
}

QStringList ExplorerState::enabledIds() const
{
    QStringList ordered;
    for (const QString& id : activationIds())
        if (m_enabled.contains(id)) ordered << id;
    return ordered;
}

bool ExplorerState::isEnabled(const QString& id) const
{
    return m_enabled.contains(id);
}

void ExplorerState::setEnabled(const QString& id, bool enabled)
{
    if (!activation(id) || isEnabled(id) == enabled) return;
    if (enabled)
        m_enabled << id;
    else
        m_enabled.removeAll(id);
    emitChange(StateChange::Enabled, {id});
}

void ExplorerState::setEnabledIds(const QStringList& ids)
{
    QStringList next;
    for (const QString& id : ids)
        if (activation(id) && !next.contains(id)) next << id;
    QStringList touched;
    for (const QString& id : activationIds())
        if (next.contains(id) != m_enabled.contains(id)) touched << id;
    if (touched.isEmpty()) return;
    m_enabled = next;
    emitChange(StateChange::Enabled, touched);
}

core::ParameterValues ExplorerState::parameters(const QString& id) const
{
    if (const auto it = m_parameters.constFind(id); it != m_parameters.constEnd()) return *it;
    if (const auto* a = activation(id)) return a->defaults();
    return {};
}

std::optional<QString> ExplorerState::setParameter(const QString& id, int index, double value)
{
    const auto* a = activation(id);
    if (!a) return tr("Unknown activation %1.").arg(quoted(id));
    if (index < 0 || index >= static_cast<int>(a->parameters.size()))
        return tr("%1 has no parameter number %2.").arg(QString::fromStdString(a->name)).arg(index + 1);
    const auto& parameter = a->parameters[static_cast<std::size_t>(index)];
    if (isCustom(id) && !std::isfinite(value))
        return tr("%1 of %2 must be a finite number; %3 is not.")
            .arg(QString::fromStdString(parameter.name), QString::fromStdString(a->name), formatNumber(value, 17));
    if (!isCustom(id) && !parameter.accepts(value))
        return tr("%1 of %2 must be in %3; %4 is not.")
            .arg(QString::fromStdString(parameter.name), QString::fromStdString(a->name),
                 QString::fromStdString(parameter.domainText()), formatNumber(value, 17));
    auto values = parameters(id);
    if (values[static_cast<std::size_t>(index)] == value) return std::nullopt;
    values[static_cast<std::size_t>(index)] = value;
    m_parameters.insert(id, values);
    emitChange(StateChange::Parameters, {id});
    return std::nullopt;
}

std::optional<QString> ExplorerState::setParameter(const QString& id, const QString& name, double value)
{
    const auto* a = activation(id);
    if (!a) return tr("Unknown activation %1.").arg(quoted(id));
    const int index = a->parameterIndex(name.toStdString());
    if (index < 0) {
        QStringList names;
        for (const auto& p : a->parameters) names << QString::fromStdString(p.name);
        return names.isEmpty()
                   ? tr("%1 has no parameters.").arg(QString::fromStdString(a->name))
                   : tr("%1 has no parameter %2 (it has: %3).")
                         .arg(QString::fromStdString(a->name), quoted(name), names.join(QLatin1String(", ")));
    }
    return setParameter(id, index, value);
}

void ExplorerState::resetParameters(const QString& id)
{
    if (!activation(id)) return;
    const core::ParameterValues defaults = storedDefaults(id);
    if (parameters(id) == defaults) return;
    m_parameters.insert(id, defaults);
    emitChange(StateChange::Parameters, {id});
}

core::ParameterValues ExplorerState::storedDefaults(const QString& id) const
{
    const auto* a = activation(id);
    if (!a) return {};
    if (a->parameters.empty())
        if (const auto* base = core::findActivation(id.toStdString())) return base->defaults();
    return a->defaults();
}

const core::CustomActivation* ExplorerState::customActivation(const QString& id) const
{
    const auto it = m_customs.find(id);
    return it == m_customs.end() ? nullptr : it->second.get();
}

QString ExplorerState::nextCustomId() const
{
    for (int n = 1;; ++n) {
        const QString id = QStringLiteral("custom_%1").arg(n);
        if (!activation(id)) return id;
    }
}

std::optional<QString> ExplorerState::validateCustomSpec(const core::CustomActivationSpec& spec, bool mustExist) const
{
    const QString id = QString::fromStdString(spec.id);
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
    if (!idPattern.match(id).hasMatch())
        return tr("%1 cannot be an activation id: use letters, digits and underscores, starting with a letter.")
            .arg(quoted(id));
    if (core::findActivation(spec.id))
        return tr("%1 is the id of a built-in activation; choose another.").arg(quoted(id));
    if (mustExist && !isCustom(id)) return tr("There is no custom activation %1.").arg(quoted(id));
    if (!mustExist && isCustom(id)) return tr("A custom activation %1 exists already.").arg(quoted(id));
    if (!mustExist && m_customOrder.size() >= kMaxCustomActivations)
        return tr("There can be at most %1 custom activations; remove one first.").arg(kMaxCustomActivations);
    return std::nullopt;
}

namespace {

// Builds spec, turning a formula error into a message that names the activation and the position.
std::variant<core::CustomActivation, QString> buildCustom(const core::CustomActivationSpec& spec)
{
    core::CustomBuildResult result = core::buildCustomActivation(spec);
    if (result.ok()) return std::move(*result.custom);
    const QString name = QString::fromStdString(spec.name.empty() ? spec.id : spec.name);
    const core::FormulaError error = result.error.value_or(core::FormulaError{});
    return ExplorerState::tr("The custom activation %1 (%2) cannot be used: %3")
        .arg(quoted(name), quoted(QString::fromStdString(spec.formula)), QString::fromStdString(error.message));
}

}  // namespace

std::optional<QString> ExplorerState::addCustomActivation(const core::CustomActivationSpec& spec)
{
    if (auto error = validateCustomSpec(spec, false)) return error;
    auto built = buildCustom(spec);
    if (const auto* error = std::get_if<QString>(&built)) return *error;
    return addBuiltCustomActivation(std::get<core::CustomActivation>(std::move(built)));
}

std::optional<QString> ExplorerState::replaceCustomActivation(const core::CustomActivationSpec& spec)
{
    if (auto error = validateCustomSpec(spec, true)) return error;
    auto built = buildCustom(spec);
    if (const auto* error = std::get_if<QString>(&built)) return *error;
    return replaceWithBuiltCustomActivation(std::get<core::CustomActivation>(std::move(built)));
}

std::optional<QString> ExplorerState::addBuiltCustomActivation(core::CustomActivation built)
{
    if (auto error = validateCustomSpec(built.spec, false)) return error;
    auto custom = std::make_shared<const core::CustomActivation>(std::move(built));
    const QString id = QString::fromStdString(custom->spec.id);
    m_parameters.insert(id, custom->activation.defaults());
    m_customs.emplace(id, std::move(custom));
    m_customOrder << id;
    m_enabled << id;
    emitChange(StateChange::Activations | StateChange::Enabled | StateChange::Parameters, {id});
    return std::nullopt;
}

std::optional<QString> ExplorerState::replaceWithBuiltCustomActivation(core::CustomActivation built)
{
    if (auto error = validateCustomSpec(built.spec, true)) return error;
    auto custom = std::make_shared<const core::CustomActivation>(std::move(built));
    const QString id = QString::fromStdString(custom->spec.id);
    const core::Activation& old = m_customs.at(id)->activation;
    const core::ParameterValues oldValues = parameters(id);
    core::ParameterValues values = custom->activation.defaults();
    for (std::size_t i = 0; i < custom->activation.parameters.size(); ++i) {
        const int before = old.parameterIndex(custom->activation.parameters[i].name);
        if (before >= 0) values[i] = oldValues[static_cast<std::size_t>(before)];
    }
    m_parameters.insert(id, values);
    m_customs[id] = std::move(custom);
    emitChange(StateChange::Activations | StateChange::Parameters, {id});
    return std::nullopt;
}

std::vector<std::shared_ptr<const core::CustomActivation>> ExplorerState::customActivations() const
{
    std::vector<std::shared_ptr<const core::CustomActivation>> all;
    for (const QString& id : m_customOrder)
        all.push_back(m_customs.at(id));
    return all;
}

void ExplorerState::usePreparedCustomActivations(
    std::vector<std::shared_ptr<const core::CustomActivation>> prepared)
{
    m_prepared = std::move(prepared);
}

bool ExplorerState::removeCustomActivation(const QString& id)
{
    if (!isCustom(id)) return false;
    m_enabled.removeAll(id);
    m_parameters.remove(id);
    m_customOrder.removeAll(id);
    if (m_highlighted == id) m_highlighted.clear();
    // Listeners still hold the old pointer until they hear of the change.
    const auto keepAlive = m_customs.at(id);
    m_customs.erase(id);
    emitChange(StateChange::Activations | StateChange::Enabled | StateChange::Parameters, {id});
    return true;
}

QString ExplorerState::conventionKey(core::Framework framework)
{
    if (framework == core::Framework::TensorFlowKeras2) return QStringLiteral("tf-keras2");
    return QString::fromLatin1(core::frameworkKey(framework));
}

std::optional<core::Framework> ExplorerState::conventionFromKey(const QString& key)
{
    for (const core::Framework framework : core::frameworks())
        if (key == conventionKey(framework)) return framework;
    return core::frameworkFromKey(key.toStdString());
}

void ExplorerState::rebuildConventionVariants()
{
    m_conventionVariants.clear();
    if (m_convention == core::Framework::PyTorch) return;
    for (const std::string_view id : core::conventionIds())
        if (auto variant = core::conventionVariant(m_convention, id))
            m_conventionVariants.emplace(QString::fromLatin1(id.data(), static_cast<qsizetype>(id.size())),
                                         std::make_shared<const core::Activation>(std::move(variant->activation)));
}

void ExplorerState::setComparedConventionId(const QString& id)
{
    const auto ids = core::conventionIds();
    const bool known = std::find(ids.begin(), ids.end(), id.toStdString()) != ids.end();
    const QString next = known ? id : QString();
    if (next == m_comparedConventionId) return;
    m_comparedConventionId = next;
    emitChange(StateChange::ChartOptions, {next});
}

void ExplorerState::setConvention(core::Framework framework)
{
    if (framework == m_convention) return;
    QHash<QString, core::ParameterValues> oldDefaults;
    QStringList ids;
    for (const std::string_view key : core::conventionIds()) {
        const QString id = QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()));
        ids << id;
        if (!activation(id)->parameters.empty()) oldDefaults.insert(id, activation(id)->defaults());
    }
    const auto keepAlive = m_conventionVariants;
    m_convention = framework;
    rebuildConventionVariants();
    for (auto it = oldDefaults.constBegin(); it != oldDefaults.constEnd(); ++it) {
        const core::Activation* now = activation(it.key());
        if (now->parameters.empty()) continue;
        const core::ParameterValues newDefaults = now->defaults();
        core::ParameterValues values = parameters(it.key());
        for (std::size_t i = 0; i < now->parameters.size(); ++i)
            if (values[i] == (*it)[i]) values[i] = newDefaults[i];
        m_parameters.insert(it.key(), values);
    }
    emitChange(StateChange::Activations | StateChange::Parameters, ids);
}

std::optional<QString> ExplorerState::validateRange(double zMin, double zMax)
{
    if (!std::isfinite(zMin) || !std::isfinite(zMax))
        return tr("The range ends must be finite numbers.");
    if (std::abs(zMin) > kMaxAbsZ || std::abs(zMax) > kMaxAbsZ)
        return tr("The range must stay within [-1e300, 1e300].");
    if (!(zMin < zMax))
        return tr("z min (%1) must be less than z max (%2).").arg(formatNumber(zMin), formatNumber(zMax));
    if (zMax - zMin < kMinWidth * std::max(1.0, std::max(std::abs(zMin), std::abs(zMax))))
        return tr("The range is too narrow: its width must be at least 1e-12 (relative to its size).");
    return std::nullopt;
}

std::optional<QString> ExplorerState::setRange(double zMin, double zMax)
{
    if (auto error = validateRange(zMin, zMax)) return error;
    if (zMin == m_zMin && zMax == m_zMax) return std::nullopt;
    m_zMin = zMin;
    m_zMax = zMax;
    emitChange(StateChange::Range);
    return std::nullopt;
}

std::optional<QString> ExplorerState::setSamples(int samples)
{
    if (samples < kMinSamples || samples > kMaxSamples)
        return tr("The sample count must be between %1 and %2; %3 is not.")
            .arg(kMinSamples).arg(QLocale::c().toString(kMaxSamples)).arg(samples);
    if (samples == m_samples) return std::nullopt;
    m_samples = samples;
    emitChange(StateChange::Range);
    return std::nullopt;
}

std::optional<QString> ExplorerState::setEpsilon(double epsilon)
{
    if (!std::isfinite(epsilon) || epsilon < kMinEpsilon || epsilon > kMaxEpsilon)
        return tr("ε must be between %1 and %2; %3 is not.")
            .arg(formatNumber(kMinEpsilon), formatNumber(kMaxEpsilon), formatNumber(epsilon, 17));
    if (epsilon == m_epsilon) return std::nullopt;
    m_epsilon = epsilon;
    emitChange(StateChange::Epsilon);
    return std::nullopt;
}

void ExplorerState::setShowSecondDerivative(bool show)
{
    if (show == m_showSecond) return;
    m_showSecond = show;
    emitChange(StateChange::ChartOptions);
}

void ExplorerState::setYAxisMode(YAxisMode mode)
{
    if (mode == m_yAxisMode) return;
    m_yAxisMode = mode;
    emitChange(StateChange::ChartOptions);
}

std::optional<QString> ExplorerState::setFunctionLimits(YLimits limits)
{
    if (auto error = validateLimits(limits)) return error;
    if (limits == m_functionLimits) return std::nullopt;
    m_functionLimits = limits;
    emitChange(StateChange::ChartOptions);
    return std::nullopt;
}

std::optional<QString> ExplorerState::setDerivativeLimits(YLimits limits)
{
    if (auto error = validateLimits(limits)) return error;
    if (limits == m_derivativeLimits) return std::nullopt;
    m_derivativeLimits = limits;
    emitChange(StateChange::ChartOptions);
    return std::nullopt;
}

void ExplorerState::setChartStyle(ChartStyle style)
{
    if (style == m_style) return;
    m_style = style;
    emitChange(StateChange::ChartOptions);
}

void ExplorerState::setTheme(Theme theme)
{
    if (theme == m_theme) return;
    m_theme = theme;
    emitChange(StateChange::Theme);
}

void ExplorerState::setHighlightedId(const QString& id)
{
    const QString next = activation(id) ? id : QString();
    if (next == m_highlighted) return;
    m_highlighted = next;
    emitChange(StateChange::Highlight);
}

void ExplorerState::restoreDefaults()
{
    const ExplorerState defaults;
    m_enabled = defaults.m_enabled;
    m_parameters = defaults.m_parameters;
    m_zMin = defaults.m_zMin;
    m_zMax = defaults.m_zMax;
    m_samples = defaults.m_samples;
    m_epsilon = defaults.m_epsilon;
    m_showSecond = defaults.m_showSecond;
    m_yAxisMode = defaults.m_yAxisMode;
    m_functionLimits = defaults.m_functionLimits;
    m_derivativeLimits = defaults.m_derivativeLimits;
    m_style = defaults.m_style;
    m_theme = defaults.m_theme;
    m_depthLab = defaults.m_depthLab;
    m_highlighted.clear();
    // Custom activations are the user's own work: they stay, back at their defaults and hidden.
    for (const QString& id : m_customOrder) m_parameters.insert(id, activation(id)->defaults());
    const auto keepAlive = m_conventionVariants;
    m_convention = defaults.m_convention;
    rebuildConventionVariants();
    m_comparedConventionId.clear();
    emitChange(StateChange::All, activationIds());
}

QJsonObject ExplorerState::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("format"), QStringLiteral("activation-explorer-session"));
    json.insert(QStringLiteral("version"), kFormatVersion);
    json.insert(QStringLiteral("enabled"), QJsonArray::fromStringList(enabledIds()));
    QJsonObject parameterObject;
    for (const QString& id : activationIds()) {
        const auto* a = activation(id);
        // A convention that fixes the parameters still keeps the values chosen for the catalog's.
        if (a && a->parameters.empty() && !isCustom(id)) a = core::findActivation(id.toStdString());
        if (!a || a->parameters.empty()) continue;
        const auto values = parameters(id);
        QJsonObject entry;
        for (std::size_t i = 0; i < a->parameters.size(); ++i)
            entry.insert(QString::fromStdString(a->parameters[i].name), values[i]);
        parameterObject.insert(id, entry);
    }
    json.insert(QStringLiteral("parameters"), parameterObject);
    json.insert(QStringLiteral("range"), QJsonArray{m_zMin, m_zMax});
    json.insert(QStringLiteral("samples"), m_samples);
    json.insert(QStringLiteral("epsilon"), m_epsilon);
    QJsonObject charts;
    charts.insert(QStringLiteral("secondDerivative"), m_showSecond);
    charts.insert(QStringLiteral("yAxis"), m_yAxisMode == YAxisMode::Auto ? QStringLiteral("auto")
                                                                        : QStringLiteral("fixed"));
    charts.insert(QStringLiteral("functionLimits"), QJsonArray{m_functionLimits.lo, m_functionLimits.hi});
    charts.insert(QStringLiteral("derivativeLimits"),
                  QJsonArray{m_derivativeLimits.lo, m_derivativeLimits.hi});
    charts.insert(QStringLiteral("style"), m_style == ChartStyle::Print ? QStringLiteral("print")
                                                                        : QStringLiteral("screen"));
    json.insert(QStringLiteral("charts"), charts);
    json.insert(QStringLiteral("theme"), themeName(m_theme));
    json.insert(QStringLiteral("convention"), conventionKey(m_convention));
    json.insert(QStringLiteral("depthLab"), depthLabToJson(m_depthLab));
    QJsonArray customs;
    for (const QString& id : m_customOrder) {
        const core::CustomActivationSpec& spec = m_customs.at(id)->spec;
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

std::optional<QString> ExplorerState::fromJson(const QJsonObject& json)
{
    // Build the complete new state in a scratch object; apply only if everything is valid.
    const QJsonValue version = json.value(QStringLiteral("version"));
    if (version.isUndefined()) return tr("The file has no format version.");
    // toInt() gives 0 for 1.5 or 2147483648: judge the number itself, and name it as written.
    const double number = version.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!version.isDouble()) return tr("The format version must be a whole number from 1.");
    const QString written = QString::number(number, 'g', QLocale::FloatingPointShortest);
    if (!std::isfinite(number) || number != std::floor(number) || number < 1)
        return tr("The format version %1 is not valid: it must be a whole number from 1.").arg(written);
    if (number > kFormatVersion)
        return tr("The file was written by a newer version (format %1; this version reads up to %2).")
            .arg(written)
            .arg(kFormatVersion);

    ExplorerState next;
    next.m_prepared = std::exchange(m_prepared, {});
    if (auto error = next.readCustomActivations(json)) return error;
    std::optional<core::Framework> convention;
    if (const QJsonValue key = json.value(QStringLiteral("convention")); !key.isUndefined()) {
        convention = conventionFromKey(key.toString());
        if (!key.isString() || !convention)
            return tr("\"convention\" must be \"pytorch\", \"tf-keras2\", \"keras3\" or \"jax\".");
    }
    if (const QJsonValue enabled = json.value(QStringLiteral("enabled")); !enabled.isUndefined()) {
        if (!enabled.isArray()) return tr("\"enabled\" must be a list of activation ids.");
        QStringList ids;
        for (const QJsonValue& value : enabled.toArray()) {
            if (!value.isString()) return tr("\"enabled\" must be a list of activation ids.");
            if (!next.activation(value.toString()))
                return tr("Unknown activation %1 in \"enabled\".").arg(quoted(value.toString()));
            ids << value.toString();
        }
        next.m_enabled = ids;
    }
    if (const QJsonValue params = json.value(QStringLiteral("parameters")); !params.isUndefined()) {
        if (!params.isObject()) return tr("\"parameters\" must be an object.");
        const QJsonObject object = params.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!next.activation(it.key()))
                return tr("Unknown activation %1 in \"parameters\".").arg(quoted(it.key()));
            if (!it.value().isObject())
                return tr("The parameters of %1 must be an object.").arg(quoted(it.key()));
            const QJsonObject entry = it.value().toObject();
            for (auto p = entry.begin(); p != entry.end(); ++p) {
                if (!p.value().isDouble())
                    return tr("Parameter %1 of %2 must be a number.").arg(quoted(p.key()), quoted(it.key()));
                if (auto error = next.setParameter(it.key(), p.key(), p.value().toDouble())) return error;
            }
        }
    }
    if (const QJsonValue range = json.value(QStringLiteral("range")); !range.isUndefined()) {
        const QJsonArray array = range.toArray();
        if (!range.isArray() || array.size() != 2 || !array[0].isDouble() || !array[1].isDouble())
            return tr("\"range\" must be a list of two numbers.");
        if (auto error = next.setRange(array[0].toDouble(), array[1].toDouble())) return error;
    }
    if (const QJsonValue samples = json.value(QStringLiteral("samples")); !samples.isUndefined()) {
        const double value = samples.toDouble(-1);
        if (!samples.isDouble() || value != std::floor(value) || std::abs(value) > 1e9)
            return tr("\"samples\" must be a whole number.");
        if (auto error = next.setSamples(static_cast<int>(value))) return error;
    }
    double epsilon = next.m_epsilon;
    if (auto error = readNumber(json, "epsilon", epsilon)) return error;
    if (auto error = next.setEpsilon(epsilon)) return error;

    if (const QJsonValue chartsValue = json.value(QStringLiteral("charts")); !chartsValue.isUndefined()) {
        if (!chartsValue.isObject()) return tr("\"charts\" must be an object.");
        const QJsonObject charts = chartsValue.toObject();
        if (const QJsonValue second = charts.value(QStringLiteral("secondDerivative")); !second.isUndefined()) {
            if (!second.isBool()) return tr("\"secondDerivative\" must be true or false.");
            next.m_showSecond = second.toBool();
        }
        if (const QJsonValue yAxis = charts.value(QStringLiteral("yAxis")); !yAxis.isUndefined()) {
            if (yAxis.toString() == QLatin1String("auto"))
                next.m_yAxisMode = YAxisMode::Auto;
            else if (yAxis.toString() == QLatin1String("fixed"))
                next.m_yAxisMode = YAxisMode::Fixed;
            else
                return tr("\"yAxis\" must be \"auto\" or \"fixed\".");
        }
        for (const auto& [key, setter] :
             {std::pair{QStringLiteral("functionLimits"), &ExplorerState::setFunctionLimits},
              std::pair{QStringLiteral("derivativeLimits"), &ExplorerState::setDerivativeLimits}}) {
            const QJsonValue value = charts.value(key);
            if (value.isUndefined()) continue;
            const QJsonArray array = value.toArray();
            if (!value.isArray() || array.size() != 2 || !array[0].isDouble() || !array[1].isDouble())
                return tr("\"%1\" must be a list of two numbers.").arg(key);
            if (auto error = (next.*setter)(YLimits{array[0].toDouble(), array[1].toDouble()})) return error;
        }
        if (const QJsonValue style = charts.value(QStringLiteral("style")); !style.isUndefined()) {
            if (style.toString() == QLatin1String("screen"))
                next.m_style = ChartStyle::Screen;
            else if (style.toString() == QLatin1String("print"))
                next.m_style = ChartStyle::Print;
            else
                return tr("\"style\" must be \"screen\" or \"print\".");
        }
    }
    if (const QJsonValue theme = json.value(QStringLiteral("theme")); !theme.isUndefined()) {
        const auto parsed = themeFromName(theme.toString());
        if (!parsed) return tr("\"theme\" must be \"system\", \"light\" or \"dark\".");
        next.m_theme = *parsed;
    }
    if (const QJsonValue lab = json.value(QStringLiteral("depthLab")); !lab.isUndefined())
        if (auto error = depthLabFromJson(lab, next.m_depthLab)) return error;
    // Parameters were read against the catalog's definitions; the file's values are kept as they are.
    if (convention) {
        next.m_convention = *convention;
        next.rebuildConventionVariants();
    }
    const auto keepCustoms = m_customs;
    const auto keepVariants = m_conventionVariants;
    m_customs = next.m_customs;
    m_customOrder = next.m_customOrder;
    m_convention = next.m_convention;
    m_conventionVariants = next.m_conventionVariants;

    m_enabled = next.m_enabled;
    m_parameters = next.m_parameters;
    m_zMin = next.m_zMin;
    m_zMax = next.m_zMax;
    m_samples = next.m_samples;
    m_epsilon = next.m_epsilon;
    m_showSecond = next.m_showSecond;
    m_yAxisMode = next.m_yAxisMode;
    m_functionLimits = next.m_functionLimits;
    m_derivativeLimits = next.m_derivativeLimits;
    m_style = next.m_style;
    m_theme = next.m_theme;
    m_depthLab = next.m_depthLab;
    m_highlighted.clear();
    emitChange(StateChange::All, activationIds());
    return std::nullopt;
}

std::optional<QString> ExplorerState::readCustomActivations(const QJsonObject& json)
{
    const QJsonValue value = json.value(QStringLiteral("customActivations"));
    if (value.isUndefined()) return std::nullopt;
    const QString shape = tr("\"customActivations\" must be a list of objects with \"id\", \"name\", "
                             "\"formula\" and \"parameters\".");
    if (!value.isArray()) return shape;
    if (value.toArray().size() > kMaxCustomActivations)
        return tr("\"customActivations\" lists %1 activations; at most %2 are allowed.")
            .arg(value.toArray().size())
            .arg(kMaxCustomActivations);
    for (const QJsonValue& entryValue : value.toArray()) {
        if (!entryValue.isObject()) return shape;
        const QJsonObject entry = entryValue.toObject();
        if (!entry.value(QStringLiteral("id")).isString() || !entry.value(QStringLiteral("formula")).isString())
            return shape;
        core::CustomActivationSpec spec;
        spec.id = entry.value(QStringLiteral("id")).toString().toStdString();
        spec.name = entry.value(QStringLiteral("name")).toString().toStdString();
        spec.formula = entry.value(QStringLiteral("formula")).toString().toStdString();
        const QJsonValue parameterList = entry.value(QStringLiteral("parameters"));
        if (!parameterList.isUndefined() && !parameterList.isArray()) return shape;
        for (const QJsonValue& parameterValue : parameterList.toArray()) {
            const QJsonObject parameter = parameterValue.toObject();
            if (!parameterValue.isObject() || !parameter.value(QStringLiteral("name")).isString())
                return tr("The parameters of the custom activation %1 must be objects with a \"name\".")
                    .arg(quoted(QString::fromStdString(spec.id)));
            core::CustomParameterSpec p{parameter.value(QStringLiteral("name")).toString().toStdString()};
            for (const auto& [key, field] : {std::pair{"default", &p.defaultValue}, std::pair{"sliderMin", &p.sliderMin},
                                             std::pair{"sliderMax", &p.sliderMax}}) {
                if (auto error = readNumber(parameter, key, *field))
                    return tr("Custom activation %1, parameter %2: %3")
                        .arg(quoted(QString::fromStdString(spec.id)), quoted(QString::fromStdString(p.name)), *error);
            }
            spec.parameters.push_back(std::move(p));
        }
        const auto prepared = std::find_if(m_prepared.begin(), m_prepared.end(),
                                           [&](const auto& built) { return built->spec == spec; });
        if (prepared != m_prepared.end()) {
            if (auto error = addBuiltCustomActivation(**prepared)) return error;
        } else if (auto error = addCustomActivation(spec)) {
            return error;
        }
    }
    return std::nullopt;
}

QString ExplorerState::caption(const QString& id) const
{
    const auto* a = activation(id);
    if (!a) return id;
    const QString name = QString::fromStdString(a->name);
    if (a->parameters.empty()) return name;
    const auto values = parameters(id);
    QStringList parts;
    for (std::size_t i = 0; i < a->parameters.size(); ++i)
        parts << QStringLiteral("%1 = %2").arg(QString::fromStdString(a->parameters[i].symbol),
                                               formatNumber(values[i], 4));
    return QStringLiteral("%1 (%2)").arg(name, parts.join(QLatin1String(", ")));
}

void ExplorerState::emitChange(StateChange::Parts parts, const QStringList& ids)
{
    StateChange change;
    change.parts = parts;
    change.ids = ids;
    emit changed(change);
}

QString formatNumber(double value, int significantDigits)
{
    if (std::isnan(value)) return QStringLiteral("NaN");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    QString text = QLocale::c().toString(value, 'g', significantDigits);
    if (text.startsWith(QLatin1Char('-'))) text.replace(0, 1, QStringLiteral("−"));
    return text;
}

}  // namespace ax::ui
