#include "ui/model/explorer_state.h"

#include "core/catalog.h"
#include "ui/model/comparison_model.h"
#include "ui/model/quoted_text.h"
#include "ui/model/session_json.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <variant>

namespace ax::ui {

namespace {

// A one-line message of the core as a sentence: capital first letter, full stop.
QString sentence(const std::string& message)
{
    QString text = QString::fromStdString(message);
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text + QLatin1Char('.');
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

constexpr std::array<int, 5> kDepthLabWidths = {64, 128, 256, 512, 1024};

}  // namespace

double DepthLabNetwork::weightVariance() const noexcept
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

std::optional<QString> DepthLabNetwork::validate() const
{
    const auto outside = [](const char* what, const QString& low, const QString& high) {
        return ExplorerState::tr("The depth lab's %1 must lie between %2 and %3.")
            .arg(ExplorerState::tr(what), low, high);
    };
    if (depth < kMinDepth || depth > kMaxDepth)
        return outside("depth", QString::number(kMinDepth), QString::number(kMaxDepth));
    if (std::find(kDepthLabWidths.begin(), kDepthLabWidths.end(), width) == kDepthLabWidths.end())
        return ExplorerState::tr("The depth lab's width must be 64, 128, 256, 512 or 1024.");
    if (!(customWeightVariance >= kMinCustomWeightVariance &&
          customWeightVariance <= kMaxCustomWeightVariance))
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

std::optional<QString> ExplorerState::validateTrainingLab(const core::RaceSettings& settings)
{
    // The settings alone: any shown activation may run, so the race is checked without runners.
    const core::Contestant probe{*core::findActivation("relu"), {}};
    if (auto message = core::validateRace(settings, std::span(&probe, 1)))
        return tr("In the training lab, %1.").arg(QString::fromStdString(*message));
    return std::nullopt;
}

std::optional<QString> ExplorerState::setTrainingLab(const core::RaceSettings& settings)
{
    if (auto error = validateTrainingLab(settings)) return error;
    if (settings == m_session.trainingLab) return std::nullopt;
    m_session.trainingLab = settings;
    emitChange(StateChange::TrainingLab);
    return std::nullopt;
}

std::optional<QString> ExplorerState::setDepthLab(const DepthLabNetwork& settings)
{
    if (auto error = settings.validate()) return error;
    if (settings == m_session.depthLab) return std::nullopt;
    m_session.depthLab = settings;
    emitChange(StateChange::DepthLab);
    return std::nullopt;
}

ExplorerState::ExplorerState(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<StateChange>();
}

QStringList ExplorerState::storyIds()
{
    return Session::storyIds();
}

QStringList ExplorerState::activationIds() const
{
    return m_session.activationIds();
}

const core::Activation* ExplorerState::activation(const QString& id) const
{
    return m_session.activation(id);
}

int ExplorerState::catalogIndex(const QString& id) const
{
    const auto all = core::catalog();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (QLatin1String(all[i].id.c_str()) == id) return static_cast<int>(i);
    if (const qsizetype custom = m_session.customOrder.indexOf(id); custom >= 0)
        return static_cast<int>(all.size()) + static_cast<int>(custom);
    return -1;
}

QStringList ExplorerState::enabledIds() const
{
    return m_session.enabledIds();
}

bool ExplorerState::isEnabled(const QString& id) const
{
    return m_session.enabled.contains(id);
}

void ExplorerState::setEnabled(const QString& id, bool enabled)
{
    if (!activation(id) || isEnabled(id) == enabled) return;
    if (enabled)
        m_session.enabled << id;
    else
        m_session.enabled.removeAll(id);
    emitChange(StateChange::Shown, {id});
}

void ExplorerState::setEnabledIds(const QStringList& ids)
{
    QStringList next;
    for (const QString& id : ids)
        if (activation(id) && !next.contains(id)) next << id;
    QStringList touched;
    for (const QString& id : activationIds())
        if (next.contains(id) != m_session.enabled.contains(id)) touched << id;
    if (touched.isEmpty()) return;
    m_session.enabled = next;
    emitChange(StateChange::Shown, touched);
}

core::ParameterValues ExplorerState::parameters(const QString& id) const
{
    return m_session.parameters(id);
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
            .arg(QString::fromStdString(parameter.name), QString::fromStdString(a->name),
                 formatNumber(value, 17));
    if (!isCustom(id) && !parameter.accepts(value))
        return tr("%1 of %2 must be in %3; %4 is not.")
            .arg(QString::fromStdString(parameter.name), QString::fromStdString(a->name),
                 QString::fromStdString(parameter.domainText()), formatNumber(value, 17));
    auto values = parameters(id);
    if (values[static_cast<std::size_t>(index)] == value) return std::nullopt;
    values[static_cast<std::size_t>(index)] = value;
    if (!isCustom(id))
        if (const std::string conflict = core::parameterConflict(*a, values); !conflict.empty())
            return sentence(conflict);
    m_session.parameterValues.insert(id, values);
    emitChange(StateChange::Parameters, {id});
    return std::nullopt;
}

std::optional<QString> ExplorerState::setParameters(const QString& id, const core::ParameterValues& values)
{
    const auto* a = activation(id);
    if (!a) return tr("Unknown activation %1.").arg(quoted(id));
    for (std::size_t i = 0; i < a->parameters.size(); ++i) {
        const core::Parameter& parameter = a->parameters[i];
        if (isCustom(id) ? !std::isfinite(values[i]) : !parameter.accepts(values[i]))
            return tr("%1 of %2 must be in %3; %4 is not.")
                .arg(QString::fromStdString(parameter.name), QString::fromStdString(a->name),
                     QString::fromStdString(parameter.domainText()), formatNumber(values[i], 17));
    }
    if (!isCustom(id))
        if (const std::string conflict = core::parameterConflict(*a, values); !conflict.empty())
            return sentence(conflict);
    if (parameters(id) == values) return std::nullopt;
    m_session.parameterValues.insert(id, values);
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
        for (const auto& p : a->parameters)
            names << QString::fromStdString(p.name);
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
    m_session.parameterValues.insert(id, defaults);
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
    const auto it = m_session.customs.find(id);
    return it == m_session.customs.end() ? nullptr : it->second.get();
}

QString ExplorerState::nextCustomId() const
{
    for (int n = 1;; ++n) {
        QString id = QStringLiteral("custom_%1").arg(n);
        if (!activation(id)) return id;
    }
}

std::optional<QString> ExplorerState::validateCustomSpec(const core::CustomActivationSpec& spec,
                                                         bool mustExist) const
{
    const QString id = QString::fromStdString(spec.id);
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_]*$"));
    if (!idPattern.match(id).hasMatch())
        return tr("%1 cannot be an activation id: use letters, digits and underscores, starting with a "
                  "letter.")
            .arg(quoted(id));
    if (core::findActivation(spec.id))
        return tr("%1 is the id of a built-in activation; choose another.").arg(quoted(id));
    if (mustExist && !isCustom(id)) return tr("There is no custom activation %1.").arg(quoted(id));
    if (!mustExist && isCustom(id)) return tr("A custom activation %1 exists already.").arg(quoted(id));
    if (!mustExist && m_session.customOrder.size() >= kMaxCustomActivations)
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
        .arg(quoted(name), quoted(QString::fromStdString(spec.formula)),
             QString::fromStdString(error.message));
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
    m_session.parameterValues.insert(id, custom->activation.defaults());
    m_session.customs.emplace(id, std::move(custom));
    m_session.customOrder << id;
    m_session.enabled << id;
    emitChange(StateChange::Definitions | StateChange::Shown | StateChange::Parameters, {id});
    return std::nullopt;
}

std::optional<QString> ExplorerState::replaceWithBuiltCustomActivation(core::CustomActivation built)
{
    if (auto error = validateCustomSpec(built.spec, true)) return error;
    auto custom = std::make_shared<const core::CustomActivation>(std::move(built));
    const QString id = QString::fromStdString(custom->spec.id);
    const core::Activation& old = m_session.customs.at(id)->activation;
    const core::ParameterValues oldValues = parameters(id);
    core::ParameterValues values = custom->activation.defaults();
    for (std::size_t i = 0; i < custom->activation.parameters.size(); ++i) {
        const int before = old.parameterIndex(custom->activation.parameters[i].name);
        if (before >= 0) values[i] = oldValues[static_cast<std::size_t>(before)];
    }
    m_session.parameterValues.insert(id, values);
    m_session.customs[id] = std::move(custom);
    emitChange(StateChange::Definitions | StateChange::Parameters, {id});
    return std::nullopt;
}

std::vector<std::shared_ptr<const core::CustomActivation>> ExplorerState::customActivations() const
{
    std::vector<std::shared_ptr<const core::CustomActivation>> all;
    for (const QString& id : m_session.customOrder)
        all.push_back(m_session.customs.at(id));
    return all;
}

bool ExplorerState::removeCustomActivation(const QString& id)
{
    if (!isCustom(id)) return false;
    m_session.enabled.removeAll(id);
    m_session.parameterValues.remove(id);
    m_session.customOrder.removeAll(id);
    if (m_highlighted == id) m_highlighted.clear();
    // Listeners still hold the old pointer until they hear of the change.
    const auto keepAlive = m_session.customs.at(id);
    m_session.customs.erase(id);
    emitChange(StateChange::Definitions | StateChange::Shown | StateChange::Parameters, {id});
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
    if (framework == m_session.convention) return;
    QHash<QString, core::ParameterValues> oldDefaults;
    QStringList ids;
    for (const std::string_view key : core::conventionIds()) {
        const QString id = QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()));
        ids << id;
        if (!activation(id)->parameters.empty()) oldDefaults.insert(id, activation(id)->defaults());
    }
    const auto keepAlive = m_session.conventionVariants;
    m_session.convention = framework;
    m_session.rebuildConventionVariants();
    for (auto it = oldDefaults.constBegin(); it != oldDefaults.constEnd(); ++it) {
        const core::Activation* now = activation(it.key());
        if (now->parameters.empty()) continue;
        const core::ParameterValues newDefaults = now->defaults();
        core::ParameterValues values = parameters(it.key());
        for (std::size_t i = 0; i < now->parameters.size(); ++i)
            if (values[i] == (*it)[i]) values[i] = newDefaults[i];
        m_session.parameterValues.insert(it.key(), values);
    }
    emitChange(StateChange::Definitions | StateChange::Parameters, ids);
}

std::optional<QString> ExplorerState::validateRange(double zMin, double zMax)
{
    if (!std::isfinite(zMin) || !std::isfinite(zMax)) return tr("The range ends must be finite numbers.");
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
    if (zMin == m_session.zMin && zMax == m_session.zMax) return std::nullopt;
    m_session.zMin = zMin;
    m_session.zMax = zMax;
    emitChange(StateChange::Range);
    return std::nullopt;
}

std::optional<QString> ExplorerState::validateSamples(int samples)
{
    if (samples < kMinSamples || samples > kMaxSamples)
        return tr("The sample count must be between %1 and %2; %3 is not.")
            .arg(kMinSamples)
            .arg(QLocale::c().toString(kMaxSamples))
            .arg(samples);
    return std::nullopt;
}

std::optional<QString> ExplorerState::validateEpsilon(double epsilon)
{
    if (!std::isfinite(epsilon) || epsilon < kMinEpsilon || epsilon > kMaxEpsilon)
        return tr("ε must be between %1 and %2; %3 is not.")
            .arg(formatNumber(kMinEpsilon), formatNumber(kMaxEpsilon), formatNumber(epsilon, 17));
    return std::nullopt;
}

std::optional<QString> ExplorerState::setSamples(int samples)
{
    if (auto error = validateSamples(samples)) return error;
    if (samples == m_session.samples) return std::nullopt;
    m_session.samples = samples;
    emitChange(StateChange::Range);
    return std::nullopt;
}

std::optional<QString> ExplorerState::setEpsilon(double epsilon)
{
    if (auto error = validateEpsilon(epsilon)) return error;
    if (epsilon == m_session.epsilon) return std::nullopt;
    m_session.epsilon = epsilon;
    emitChange(StateChange::Epsilon);
    return std::nullopt;
}

void ExplorerState::setShowSecondDerivative(bool show)
{
    if (show == m_session.showSecond) return;
    m_session.showSecond = show;
    emitChange(StateChange::ChartOptions);
}

void ExplorerState::setYAxisMode(YAxisMode mode)
{
    if (mode == m_session.yAxisMode) return;
    m_session.yAxisMode = mode;
    emitChange(StateChange::ChartOptions);
}

std::optional<QString> ExplorerState::setFunctionLimits(YLimits limits)
{
    if (auto error = validateLimits(limits)) return error;
    if (limits == m_session.functionLimits) return std::nullopt;
    m_session.functionLimits = limits;
    emitChange(StateChange::ChartOptions);
    return std::nullopt;
}

std::optional<QString> ExplorerState::setDerivativeLimits(YLimits limits)
{
    if (auto error = validateLimits(limits)) return error;
    if (limits == m_session.derivativeLimits) return std::nullopt;
    m_session.derivativeLimits = limits;
    emitChange(StateChange::ChartOptions);
    return std::nullopt;
}

void ExplorerState::setChartStyle(ChartStyle style)
{
    if (style == m_session.style) return;
    m_session.style = style;
    emitChange(StateChange::ChartOptions);
}

void ExplorerState::setTheme(Theme theme)
{
    if (theme == m_session.theme) return;
    m_session.theme = theme;
    emitChange(StateChange::Theme);
}

std::optional<QString> ExplorerState::setHiddenTableColumns(const QStringList& keys)
{
    QStringList hidden;
    for (const QString& key : keys) {
        if (!ComparisonModel::columnForKey(key))
            return tr("Unknown table column %1; the columns are %2.")
                .arg(quoted(key), ComparisonModel::columnKeys().join(QStringLiteral(", ")));
        if (key == ComparisonModel::columnKey(ComparisonModel::Column::Name))
            return tr("The activation column cannot be hidden: it names each row.");
        if (!hidden.contains(key)) hidden << key;
    }
    if (hidden == m_session.hiddenTableColumns) return std::nullopt;
    m_session.hiddenTableColumns = hidden;
    emitChange(StateChange::Table);
    return std::nullopt;
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
    Session defaults;
    // Custom activations are the user's own work: they stay, back at their defaults and hidden.
    defaults.customs = m_session.customs;
    defaults.customOrder = m_session.customOrder;
    for (const QString& id : defaults.customOrder)
        defaults.parameterValues.insert(id, defaults.activation(id)->defaults());
    // Listeners still hold the old pointers until they hear of the change.
    const Session keepAlive = std::exchange(m_session, std::move(defaults));
    m_highlighted.clear();
    m_comparedConventionId.clear();
    emitChange(StateChange::All, activationIds());
}

std::optional<QString> ExplorerState::setSession(Session session)
{
    if (auto error = validateSession(session)) return error;
    session.rebuildConventionVariants();
    const Session keepAlive = std::exchange(m_session, std::move(session));
    m_highlighted.clear();
    emitChange(StateChange::All, activationIds());
    return std::nullopt;
}

std::optional<QString> ExplorerState::validateSession(const Session& session)
{
    for (const QString& id : session.enabled)
        if (!session.activation(id)) return tr("Unknown activation %1 in the session.").arg(quoted(id));
    for (auto it = session.parameterValues.constBegin(); it != session.parameterValues.constEnd(); ++it) {
        const auto* a = session.activation(it.key());
        if (!a) return tr("Unknown activation %1 in the session.").arg(quoted(it.key()));
        const bool custom = session.customs.count(it.key()) > 0;
        // A convention that fixes the parameters still keeps the values chosen for the catalog's.
        if (a->parameters.empty() && !custom) a = core::findActivation(it.key().toStdString());
        if (!a) return tr("Unknown activation %1 in the session.").arg(quoted(it.key()));
        for (std::size_t i = 0; i < a->parameters.size(); ++i) {
            const double value = (*it)[i];
            if (custom ? !std::isfinite(value) : !a->parameters[i].accepts(value))
                return tr("%1 of %2 must be in %3; %4 is not.")
                    .arg(QString::fromStdString(a->parameters[i].name), QString::fromStdString(a->name),
                         QString::fromStdString(a->parameters[i].domainText()), formatNumber(value, 17));
        }
        if (!custom)
            if (const std::string conflict = core::parameterConflict(*a, *it); !conflict.empty())
                return tr("In the session, %1.").arg(QString::fromStdString(conflict));
    }
    if (auto error = validateRange(session.zMin, session.zMax)) return error;
    if (auto error = validateSamples(session.samples)) return error;
    if (auto error = validateEpsilon(session.epsilon)) return error;
    if (auto error = validateLimits(session.functionLimits)) return error;
    if (auto error = validateLimits(session.derivativeLimits)) return error;
    if (session.customOrder.size() > kMaxCustomActivations)
        return tr("There can be at most %1 custom activations; remove one first.").arg(kMaxCustomActivations);
    if (auto error = session.depthLab.validate()) return error;
    return validateTrainingLab(session.trainingLab);
}

QJsonObject ExplorerState::toJson() const
{
    return sessionToJson(m_session);
}

std::optional<QString> ExplorerState::fromJson(const QJsonObject& json)
{
    auto read = sessionFromJson(json);
    if (auto* error = std::get_if<QString>(&read)) return *error;
    // Listeners still hold the old pointers until they hear of the change.
    const Session keepAlive = std::exchange(m_session, std::get<Session>(std::move(read)));
    m_highlighted.clear();
    emitChange(StateChange::All, activationIds());
    return std::nullopt;
}

QString ExplorerState::caption(const QString& id) const
{
    const auto* a = activation(id);
    if (!a) return id;
    QString name = QString::fromStdString(a->name);
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
