#pragma once
// Everything a user can change, as one copyable, comparable value; ExplorerState wraps it.

#include "core/activation.h"
#include "core/formula/custom_activation.h"
#include "core/framework_conventions.h"
#include "core/training/training_race.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <optional>

namespace ax::ui {

enum class Theme { System, Light, Dark };
// Screen follows the window's colours; print is black on white with dashed curves; presentation is
// sized and contrasted for a lecture hall's back row.
enum class ChartStyle { Screen, Print, Presentation };

// "screen", "print", "presentation": the names session files and the command line use.
[[nodiscard]] QString chartStyleName(ChartStyle style);
[[nodiscard]] std::optional<ChartStyle> chartStyleFromName(const QString& name);
enum class YAxisMode { Auto, Fixed };

// Weight variance presets of the depth lab; Xavier's 2/(fan-in + fan-out) equals LeCun's 1/fan-in for
// the square layers the lab builds.
enum class WeightInit { LeCun, He, Xavier, Custom };

// The network the depth lab describes and simulates, and the inputs it is fed.
struct DepthLabNetwork {
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
    friend bool operator==(const DepthLabNetwork&, const DepthLabNetwork&) = default;
};

// Fixed y limits of one chart, used when the y-axis mode is Fixed.
struct YLimits {
    double lo = -1.0;
    double hi = 1.0;
    friend bool operator==(const YLimits&, const YLimits&) = default;
};

// One session: what settings and session files keep, and what a sweep frame copies. Custom
// activations and convention variants are shared, never changed once built, so a copy is cheap.
struct Session {
    static constexpr int kDefaultSamples = 2000;
    static constexpr double kDefaultZMin = -6.0;
    static constexpr double kDefaultZMax = 6.0;
    static constexpr double kDefaultEpsilon = 0.05;

    Session();  // the defaults: the story's activations at their catalog parameters

    [[nodiscard]] static QStringList storyIds();      // the source article's order, enabled by default
    [[nodiscard]] QStringList activationIds() const;  // catalog order (then custom ones)
    [[nodiscard]] const core::Activation* activation(const QString& id) const;
    [[nodiscard]] QStringList enabledIds() const;  // in catalog order
    [[nodiscard]] core::ParameterValues parameters(const QString& id) const;
    // Replaces the convention variants by those of convention.
    void rebuildConventionVariants();

    QStringList enabled;
    QHash<QString, core::ParameterValues> parameterValues;
    double zMin = kDefaultZMin;
    double zMax = kDefaultZMax;
    int samples = kDefaultSamples;
    double epsilon = kDefaultEpsilon;
    bool showSecond = false;
    YAxisMode yAxisMode = YAxisMode::Auto;
    YLimits functionLimits{-2.0, 6.0};
    YLimits derivativeLimits{-0.5, 1.5};
    ChartStyle style = ChartStyle::Screen;
    Theme theme = Theme::System;
    DepthLabNetwork depthLab;
    // The training lab's problem, network and optimiser; its runners are the shown activations.
    core::RaceSettings trainingLab;
    // The comparison table's columns the user hid, by key (ComparisonModel::columnKey).
    QStringList hiddenTableColumns;
    // shared_ptr keeps the pointers handed out by activation() valid while an entry lives.
    std::map<QString, std::shared_ptr<const core::CustomActivation>> customs;
    QStringList customOrder;
    core::Framework convention = core::Framework::PyTorch;
    // Derived from convention; kept so activation() hands out stable pointers.
    std::map<QString, std::shared_ptr<const core::Activation>> conventionVariants;

    // Custom activations compare by what they were built from; variants follow from the convention.
    friend bool operator==(const Session& a, const Session& b);
};

}  // namespace ax::ui
