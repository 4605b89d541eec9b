#pragma once
// How the deep-learning frameworks define the activations on which they disagree (formula or
// default), each variant with a citation, and where two of them differ visibly.

#include "core/activation.h"
#include "core/measurements.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ax::core {

enum class Framework { PyTorch, TensorFlowKeras2, Keras3, Jax };

// All frameworks, in the order a selector lists them.
[[nodiscard]] std::span<const Framework> frameworks() noexcept;
// "PyTorch", "TensorFlow / Keras 2", "Keras 3", "JAX".
[[nodiscard]] std::string_view frameworkName(Framework framework) noexcept;
// Stable lower-case key for files and the command line: "pytorch", "keras2", "keras3", "jax".
[[nodiscard]] std::string_view frameworkKey(Framework framework) noexcept;
[[nodiscard]] std::optional<Framework> frameworkFromKey(std::string_view key) noexcept;

// One framework's definition of one catalog activation.
struct ConventionVariant {
    Framework framework = Framework::PyTorch;
    // Same id as the catalog entry, the framework's formula and defaults, name "ELU (PyTorch)".
    Activation activation;
    std::string citation;  // source file or documentation page, with the version it describes
    std::string note;      // how it differs from the catalog's definition, or "as in the catalog"
};

// Catalog ids whose definition or default differs between at least two frameworks, or that a
// user is likely to check (ELU, SELU, Swish) even though they agree.
[[nodiscard]] std::span<const std::string_view> conventionIds() noexcept;

// The variant, or nothing for an id outside conventionIds().
[[nodiscard]] std::optional<ConventionVariant> conventionVariant(Framework framework, std::string_view id);

// Where the two frameworks' variants of id differ by more than threshold in f (order 0), f′ (1)
// or f″ (2) within [zMin, zMax], each at its own default parameters; ends refined by bisection.
// Empty when they agree, when id has no conventions, or when the range is empty.
[[nodiscard]] std::vector<Interval> conventionDifferences(std::string_view id, Framework a, Framework b,
                                                          double zMin, double zMax, double threshold = 1e-3,
                                                          int order = 0);

// The difference a reader sees on a chart: 0.001 in f or f′.
inline constexpr double kVisibleConventionDifference = 1e-3;

// Where one pair of frameworks disagrees, in f (order 0) or f′ (order 1).
struct ConventionDifference {
    Framework first = Framework::PyTorch;
    Framework second = Framework::PyTorch;
    int order = 0;
    std::vector<Interval> intervals;
};

// Every pair of frameworks whose variants of id differ visibly within [zMin, zMax], in f and in f′.
[[nodiscard]] std::vector<ConventionDifference> visibleConventionDifferences(std::string_view id, double zMin,
                                                                             double zMax);
// The union of the intervals of one order, merged and sorted: what the charts shade.
[[nodiscard]] std::vector<Interval> shadedConventionIntervals(std::string_view id, double zMin, double zMax,
                                                              int order);

}  // namespace ax::core
