#pragma once
// The one object that owns everything a user can change; widgets write to it and listen to it.

#include "core/activation.h"
#include "core/formula/custom_activation.h"
#include "core/framework_conventions.h"

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

enum class Theme { System, Light, Dark };
enum class ChartStyle { Screen, Print };
enum class YAxisMode { Auto, Fixed };

// What a single change touched; widgets recompute only that.
struct StateChange {
    enum Part {
        None = 0x0,
        Enabled = 0x1,      // the set of activations shown
        Parameters = 0x2,   // parameter values of the activations in ids
        Range = 0x4,        // z range or sample count
        Epsilon = 0x8,
        ChartOptions = 0x10,  // second-derivative chart, y-axis mode and limits, style
        Theme = 0x20,
        Highlight = 0x40,
        Activations = 0x80,  // the list of known activations itself (custom ones added/removed)
        DepthLab = 0x100,    // the depth lab's network and inputs
        All = 0x1ff,
    };
    Q_DECLARE_FLAGS(Parts, Part)

    Parts parts = None;
    QStringList ids;  // for Parameters (and Enabled): the activations concerned

    [[nodiscard]] bool touches(Part part) const noexcept { return parts.testFlag(part); }
};

// Weight variance presets of the depth lab; Xavier's 2/(fan-in + fan-out) equals LeCun's 1/fan-in for
// the square layers the lab builds.
enum class WeightInit { LeCun, He, Xavier, Custom };

// The network the depth lab describes and simulates, and the inputs it is fed.
struct DepthLabSettings {
    static constexpr int kMinDepth = 1;
    static constexpr int kMaxDepth = 200;
    static constexpr double kMinCustomWeightVariance = 0.05;
    static constexpr double kMaxCustomWeightVariance = 4.0;
    static constexpr double kMaxBiasVariance = 2.0;
    static constexpr double kMaxInputMean = 3.0;  // and its negative
    static constexpr double kMinInputVariance = 0.01;
    static constexpr double kMaxInputVariance = 10.0;
    static constexpr int kMaxSeed = 1'000'000'000;

    int depth = 30;
    int width = 256;  // 64, 128, 256, 512 or 1024
    WeightInit init = WeightInit::LeCun;
    double customWeightVariance = 1.0;  // σ_w² when init is Custom
    double biasVariance = 0.0;
    double inputMean = 0.0;
    double inputVariance = 1.0;
    int seed = 1;

    // σ_w² the initialisation stands for.
    [[nodiscard]] double weightVariance() const noexcept;
    // A message naming the first value out of range; nullopt when all are fine.
    [[nodiscard]] std::optional<QString> validate() const;
    friend bool operator==(const DepthLabSettings&, const DepthLabSettings&) = default;
};

// Fixed y limits of one chart, used when the y-axis mode is Fixed.
struct YLimits {
    double lo = -1.0;
    double hi = 1.0;
    friend bool operator==(const YLimits&, const YLimits&) = default;
};

class ExplorerState : public QObject {
    Q_OBJECT

public:
    static constexpr int kMinSamples = 2;
    static constexpr int kMaxSamples = 1'000'000;
    static constexpr int kDefaultSamples = 2000;
    static constexpr double kDefaultZMin = -6.0;
    static constexpr double kDefaultZMax = 6.0;
    static constexpr double kDefaultEpsilon = 0.05;
    static constexpr double kMinEpsilon = 1e-4;
    static constexpr double kMaxEpsilon = 0.5;
    static constexpr double kMaxAbsZ = 1e300;
    static constexpr double kMinWidth = 1e-12;
    static constexpr int kFormatVersion = 1;
    // Each custom activation costs a symbolic build when a session is opened: their number is bounded.
    static constexpr int kMaxCustomActivations = 32;

    explicit ExplorerState(QObject* parent = nullptr);

    // --- activations ---
    [[nodiscard]] static QStringList storyIds();  // the source article's order, enabled by default
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
    void resetParameters(const QString& id);

    // --- custom activations (listed after the catalog, colours continuing its sequence) ---
    [[nodiscard]] QStringList customIds() const { return m_customOrder; }
    [[nodiscard]] bool isCustom(const QString& id) const { return m_customs.count(id) > 0; }
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
    // Custom activations built elsewhere (off the GUI thread, from the same document): the next
    // fromJson takes a listed one from here when its spec matches exactly, instead of building it.
    void usePreparedCustomActivations(std::vector<std::shared_ptr<const core::CustomActivation>> prepared);

    // --- framework convention (PyTorch is the catalog itself) ---
    [[nodiscard]] core::Framework convention() const noexcept { return m_convention; }
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
    [[nodiscard]] double zMin() const noexcept { return m_zMin; }
    [[nodiscard]] double zMax() const noexcept { return m_zMax; }
    [[nodiscard]] int samples() const noexcept { return m_samples; }
    [[nodiscard]] double epsilon() const noexcept { return m_epsilon; }
    // Each returns an error message (and changes nothing) when the value is not allowed.
    std::optional<QString> setRange(double zMin, double zMax);
    std::optional<QString> setSamples(int samples);
    std::optional<QString> setEpsilon(double epsilon);
    [[nodiscard]] static std::optional<QString> validateRange(double zMin, double zMax);

    // --- charts and look ---
    [[nodiscard]] bool showSecondDerivative() const noexcept { return m_showSecond; }
    void setShowSecondDerivative(bool show);
    [[nodiscard]] YAxisMode yAxisMode() const noexcept { return m_yAxisMode; }
    void setYAxisMode(YAxisMode mode);
    [[nodiscard]] YLimits functionLimits() const noexcept { return m_functionLimits; }
    [[nodiscard]] YLimits derivativeLimits() const noexcept { return m_derivativeLimits; }
    std::optional<QString> setFunctionLimits(YLimits limits);
    std::optional<QString> setDerivativeLimits(YLimits limits);
    [[nodiscard]] ChartStyle chartStyle() const noexcept { return m_style; }
    void setChartStyle(ChartStyle style);
    [[nodiscard]] Theme theme() const noexcept { return m_theme; }
    void setTheme(Theme theme);
    [[nodiscard]] QString highlightedId() const { return m_highlighted; }
    void setHighlightedId(const QString& id);  // empty: none

    // --- depth lab ---
    [[nodiscard]] const DepthLabSettings& depthLab() const noexcept { return m_depthLab; }
    std::optional<QString> setDepthLab(const DepthLabSettings& settings);

    // --- whole state ---
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
    void rebuildConventionVariants();
    // Adds the custom activations a session lists; the first that cannot be built stops it.
    std::optional<QString> readCustomActivations(const QJsonObject& json);

    QStringList m_enabled;
    QHash<QString, core::ParameterValues> m_parameters;
    double m_zMin = kDefaultZMin;
    double m_zMax = kDefaultZMax;
    int m_samples = kDefaultSamples;
    double m_epsilon = kDefaultEpsilon;
    bool m_showSecond = false;
    YAxisMode m_yAxisMode = YAxisMode::Auto;
    YLimits m_functionLimits{-2.0, 6.0};
    YLimits m_derivativeLimits{-0.5, 1.5};
    ChartStyle m_style = ChartStyle::Screen;
    Theme m_theme = Theme::System;
    QString m_highlighted;
    DepthLabSettings m_depthLab;
    // shared_ptr keeps the pointers handed out by activation() valid while the entry lives.
    std::map<QString, std::shared_ptr<const core::CustomActivation>> m_customs;
    QStringList m_customOrder;
    std::vector<std::shared_ptr<const core::CustomActivation>> m_prepared;  // for the next fromJson only
    core::Framework m_convention = core::Framework::PyTorch;
    std::map<QString, std::shared_ptr<const core::Activation>> m_conventionVariants;
    QString m_comparedConventionId;
};

// Display text of a number as users type it: shortest round-trip form.
[[nodiscard]] QString formatNumber(double value, int significantDigits = 6);

}  // namespace ax::ui

Q_DECLARE_OPERATORS_FOR_FLAGS(ax::ui::StateChange::Parts)
Q_DECLARE_METATYPE(ax::ui::StateChange)
