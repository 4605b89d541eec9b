#pragma once
// The one object that owns everything a user can change; widgets write to it and listen to it.

#include "ui/model/session.h"

#include <QFlags>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>

namespace ax::ui {

// What a single change touched; widgets recompute only that.
struct StateChange {
    enum Part {
        None = 0x0,
        Shown = 0x1,       // which activations are switched on (shown on the charts)
        Parameters = 0x2,  // parameter values of the activations in ids
        Range = 0x4,       // z range or sample count
        Epsilon = 0x8,
        ChartOptions = 0x10,  // second-derivative chart, y-axis mode and limits, style
        Theme = 0x20,
        Highlight = 0x40,
        Definitions = 0x80,   // what the activations are: custom ones added, rebuilt or removed, a convention
        DepthLab = 0x100,     // the depth lab's network and inputs
        Table = 0x200,        // the comparison table's hidden columns
        TrainingLab = 0x400,  // the training lab's problem, network and optimiser
        All = 0x7ff,
    };
    Q_DECLARE_FLAGS(Parts, Part)

    Parts parts = None;
    QStringList ids;  // for Parameters (and Shown): the activations concerned

    [[nodiscard]] bool touches(Part part) const noexcept { return parts.testFlag(part); }
};

class ExplorerState : public QObject {
    Q_OBJECT

public:
    static constexpr int kMinSamples = 2;
    static constexpr int kMaxSamples = 1'000'000;
    static constexpr int kDefaultSamples = Session::kDefaultSamples;
    static constexpr double kDefaultZMin = Session::kDefaultZMin;
    static constexpr double kDefaultZMax = Session::kDefaultZMax;
    static constexpr double kDefaultEpsilon = Session::kDefaultEpsilon;
    static constexpr double kMinEpsilon = 1e-4;
    static constexpr double kMaxEpsilon = 0.5;
    static constexpr double kMaxAbsZ = 1e300;
    static constexpr double kMinWidth = 1e-12;
    static constexpr int kFormatVersion = 1;
    // Each custom activation costs a symbolic build when a session is opened: their number is bounded.
    static constexpr int kMaxCustomActivations = 32;

    explicit ExplorerState(QObject* parent = nullptr);

    // --- activations ---
    [[nodiscard]] static QStringList storyIds();      // the source article's order, enabled by default
    [[nodiscard]] QStringList activationIds() const;  // catalog order (then custom ones)
    [[nodiscard]] const core::Activation* activation(const QString& id) const;
    [[nodiscard]] int catalogIndex(const QString& id) const;  // colour index; -1 if unknown

    [[nodiscard]] QStringList enabledIds() const;  // in catalog order
    [[nodiscard]] bool isEnabled(const QString& id) const;
    void setEnabled(const QString& id, bool enabled);
    void setEnabledIds(const QStringList& ids);  // unknown ids are ignored

    [[nodiscard]] core::ParameterValues parameters(const QString& id) const;
    // Returns an error message when id or index is unknown or value is outside the domain.
    std::optional<QString> setParameter(const QString& id, int index, double value);
    std::optional<QString> setParameter(const QString& id, const QString& name, double value);
    // Every parameter of id at once, checked together: lower ≤ upper of RReLU may only hold once
    // both have moved.
    std::optional<QString> setParameters(const QString& id, const core::ParameterValues& values);
    void resetParameters(const QString& id);

    // --- custom activations (listed after the catalog, colours continuing its sequence) ---
    [[nodiscard]] QStringList customIds() const { return m_session.customOrder; }
    [[nodiscard]] bool isCustom(const QString& id) const { return m_session.customs.count(id) > 0; }
    [[nodiscard]] const core::CustomActivation* customActivation(const QString& id) const;
    // An id no activation uses yet: "custom_1", "custom_2", ...
    [[nodiscard]] QString nextCustomId() const;
    // Builds spec and adds it, enabled, at its default parameters. On error (bad formula, id taken,
    // id not a valid name) returns the message and changes nothing.
    std::optional<QString> addCustomActivation(const core::CustomActivationSpec& spec);
    // Rebuilds an existing custom activation from spec (same id); parameters keep their values
    // where the name survives, others start at their new defaults.
    std::optional<QString> replaceCustomActivation(const core::CustomActivationSpec& spec);
    // The same with an activation already built (off the GUI thread, by the dialog): no symbolic
    // work is done here.
    std::optional<QString> addBuiltCustomActivation(core::CustomActivation built);
    std::optional<QString> replaceWithBuiltCustomActivation(core::CustomActivation built);
    bool removeCustomActivation(const QString& id);
    // Every custom activation, in order (shared: they never change once built).
    [[nodiscard]] std::vector<std::shared_ptr<const core::CustomActivation>> customActivations() const;

    // --- framework convention (PyTorch is the catalog itself) ---
    [[nodiscard]] core::Framework convention() const noexcept { return m_session.convention; }
    // Switches the definitions of the ids that differ; a parameter still at the old convention's
    // default moves to the new one's, a value the user chose stays.
    void setConvention(core::Framework framework);
    // The key a session stores: "pytorch", "tf-keras2", "keras3", "jax".
    [[nodiscard]] static QString conventionKey(core::Framework framework);
    [[nodiscard]] static std::optional<core::Framework> conventionFromKey(const QString& key);
    // The activation whose framework variants the charts overlay; empty when not comparing. A view
    // mode only: sessions do not keep it.
    [[nodiscard]] QString comparedConventionId() const { return m_comparedConventionId; }
    void setComparedConventionId(const QString& id);  // ids without variants end the comparison

    // --- range and sampling ---
    [[nodiscard]] double zMin() const noexcept { return m_session.zMin; }
    [[nodiscard]] double zMax() const noexcept { return m_session.zMax; }
    [[nodiscard]] int samples() const noexcept { return m_session.samples; }
    [[nodiscard]] double epsilon() const noexcept { return m_session.epsilon; }
    // Each returns an error message (and changes nothing) when the value is not allowed.
    std::optional<QString> setRange(double zMin, double zMax);
    std::optional<QString> setSamples(int samples);
    std::optional<QString> setEpsilon(double epsilon);
    [[nodiscard]] static std::optional<QString> validateRange(double zMin, double zMax);
    [[nodiscard]] static std::optional<QString> validateSamples(int samples);
    [[nodiscard]] static std::optional<QString> validateEpsilon(double epsilon);

    // --- charts and look ---
    [[nodiscard]] bool showSecondDerivative() const noexcept { return m_session.showSecond; }
    void setShowSecondDerivative(bool show);
    [[nodiscard]] YAxisMode yAxisMode() const noexcept { return m_session.yAxisMode; }
    void setYAxisMode(YAxisMode mode);
    [[nodiscard]] YLimits functionLimits() const noexcept { return m_session.functionLimits; }
    [[nodiscard]] YLimits derivativeLimits() const noexcept { return m_session.derivativeLimits; }
    std::optional<QString> setFunctionLimits(YLimits limits);
    std::optional<QString> setDerivativeLimits(YLimits limits);
    [[nodiscard]] ChartStyle chartStyle() const noexcept { return m_session.style; }
    void setChartStyle(ChartStyle style);
    [[nodiscard]] Theme theme() const noexcept { return m_session.theme; }
    void setTheme(Theme theme);
    // Hides the comparison table's columns named by key; unknown keys are refused with a message.
    std::optional<QString> setHiddenTableColumns(const QStringList& keys);
    [[nodiscard]] QStringList hiddenTableColumns() const { return m_session.hiddenTableColumns; }
    [[nodiscard]] QString highlightedId() const { return m_highlighted; }
    void setHighlightedId(const QString& id);  // empty: none

    // --- depth lab ---
    [[nodiscard]] const DepthLabNetwork& depthLab() const noexcept { return m_session.depthLab; }
    std::optional<QString> setDepthLab(const DepthLabNetwork& settings);
    [[nodiscard]] const core::RaceSettings& trainingLab() const noexcept { return m_session.trainingLab; }
    // Refused with a message naming the first value out of range.
    std::optional<QString> setTrainingLab(const core::RaceSettings& settings);
    // A message naming the first training-lab value out of range; nullopt when all are fine.
    [[nodiscard]] static std::optional<QString> validateTrainingLab(const core::RaceSettings& settings);

    // --- whole state ---
    [[nodiscard]] const Session& session() const noexcept { return m_session; }
    // Validates session first; on error returns the message and changes nothing, else takes it whole
    // (as opening a session file does: nothing stays highlighted) and announces a change of everything.
    std::optional<QString> setSession(Session session);
    [[nodiscard]] static std::optional<QString> validateSession(const Session& session);
    void restoreDefaults();
    // The serialised form shared by settings and session files.
    [[nodiscard]] QJsonObject toJson() const;
    // Validates everything first; on error returns the message and leaves the state unchanged.
    std::optional<QString> fromJson(const QJsonObject& json);

    // Parameter text for captions, e.g. "ELU (α = 0.5)"; just the name when it has none.
    [[nodiscard]] QString caption(const QString& id) const;

signals:
    void changed(const ax::ui::StateChange& change);

private:
    void emitChange(StateChange::Parts parts, const QStringList& ids = {});
    [[nodiscard]] std::optional<QString> validateCustomSpec(const core::CustomActivationSpec& spec,
                                                            bool mustExist) const;
    // The defaults of the stored parameter values: a variant without parameters stores the catalog's.
    [[nodiscard]] core::ParameterValues storedDefaults(const QString& id) const;

    Session m_session;
    // View modes, not part of a session: what the pointer or a menu picked out.
    QString m_highlighted;
    QString m_comparedConventionId;
};

// Display text of a number as users type it: shortest round-trip form.
[[nodiscard]] QString formatNumber(double value, int significantDigits = 6);

}  // namespace ax::ui

Q_DECLARE_OPERATORS_FOR_FLAGS(ax::ui::StateChange::Parts)
Q_DECLARE_METATYPE(ax::ui::StateChange)
