#pragma once
// What an activation is: its parameters, its declared properties and its evaluator. No Qt, no I/O.

#include <array>
#include <cstddef>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ax::core {

inline constexpr std::size_t kMaxParameters = 4;

// Parameter values of one activation, in the order of Activation::parameters.
using ParameterValues = std::array<double, kMaxParameters>;

// f, f′ and f″ at one point.
struct Derivatives {
    double f = 0.0;
    double d1 = 0.0;
    double d2 = 0.0;
};

// One tunable constant of an activation (α, λ, β, b, a).
struct Parameter {
    std::string name;    // stable public name: "alpha", "lambda", "beta", "b", "a"
    std::string symbol;  // how it is typeset: "α"
    double defaultValue = 0.0;
    double domainMin = -std::numeric_limits<double>::infinity();
    double domainMax = std::numeric_limits<double>::infinity();
    bool domainMinOpen = false;  // true: domainMin itself is not allowed
    bool domainMaxOpen = false;
    double sliderMin = 0.0;
    double sliderMax = 1.0;
    std::string meaning;  // one line, for tooltips and --list

    [[nodiscard]] bool accepts(double value) const noexcept;
    // The domain as text, e.g. "(0, inf)" or "[0, 1]".
    [[nodiscard]] std::string domainText() const;
};

// A point where f, f′ or f″ is not continuous.
struct Kink {
    double z = 0.0;
    int order = 1;  // lowest derivative that jumps: 0 = f itself, 1 = f′, 2 = f″
};

enum class Smoothness { Discontinuous, C0, C1, C2, CInfinity };

// The group an activation belongs to in the list and in --list, in the order the list shows them.
enum class Family {
    Linear,
    Threshold,
    Sigmoid,
    Rectifier,
    SmoothRectifier,
    Gated,
    Radial,
    Periodic,
    Shrinkage,
    Other
};

inline constexpr int kFamilyCount = 10;

// "smooth rectifier": the name a user reads.
[[nodiscard]] std::string_view familyName(Family family) noexcept;
// "smooth_rectifier": the stable name in JSON output.
[[nodiscard]] std::string_view familyId(Family family) noexcept;
// Every family, in display order.
[[nodiscard]] std::span<const Family> allFamilies() noexcept;

// The spread of a slope drawn at random in training (RReLU's a ~ U(lower, upper) for z < 0): the
// curve is the mean slope, the band the values training may take.
struct RandomSlopeBand {
    double lower = 0.0;
    double upper = 0.0;
};
enum class Saturation { None, Left, Right, Both };

// The set of values f takes over the whole real line.
struct OutputRange {
    double lo = -std::numeric_limits<double>::infinity();
    double hi = std::numeric_limits<double>::infinity();
    bool loIncluded = false;
    bool hiIncluded = false;
    bool onlyEnds = false;  // f takes just the two values lo and hi (the step), not the interval
};

// Properties at given parameter values, declared from the mathematics (tests check them).
struct Properties {
    OutputRange range;
    bool monotonic = false;            // non-decreasing over the whole line
    bool derivativeMonotonic = false;  // f′ non-decreasing (f convex)
    Smoothness smoothness = Smoothness::CInfinity;
    bool boundedBelow = false;
    bool boundedAbove = false;
    Saturation saturates = Saturation::None;  // where f′ → 0 as |z| → ∞
    bool deadRegion = false;                  // f′ exactly 0 on an interval
    bool selfNormalising = false;
    bool identityNearZero = false;  // f(0) = 0 and f′(0) = 1
};

struct Reference {
    std::string authors;
    std::string title;
    std::string venue;
    int year = 0;       // 0 when the function has no single origin
    std::string arxiv;  // e.g. "1511.07289"
    std::string doi;
};

// Fills f, f′, f″ for many points at once; the default loops over evaluate.
using BulkEvaluator = std::function<void(std::span<const double> z, const ParameterValues& p,
                                         std::span<double> f, std::span<double> d1, std::span<double> d2)>;

// One activation: identity, parameters, evaluator, kinks and declared properties.
struct Activation {
    std::string id;       // stable public id, e.g. "elu"
    std::string name;     // display name, e.g. "ELU"
    std::string formula;  // plain Unicode text, e.g. "z if z > 0, else α(eᶻ − 1)"
    Family family = Family::Other;
    std::vector<Parameter> parameters;
    std::function<Derivatives(double z, const ParameterValues& p)> evaluate;
    std::function<std::vector<Kink>(const ParameterValues& p)> kinks;
    std::function<Properties(const ParameterValues& p)> properties;
    BulkEvaluator evaluateMany;  // optional fast path
    Reference reference;
    // A rule that ties parameters together (RReLU's lower ≤ upper): empty when the values are
    // allowed, else why not, in one line. Absent when each parameter's domain is the whole rule.
    std::function<std::string(const ParameterValues& p)> parameterConflict;
    // The training-time slope band for z < 0, if the slope is random in training.
    std::function<RandomSlopeBand(const ParameterValues& p)> randomSlopeBand;

    [[nodiscard]] ParameterValues defaults() const noexcept;
    [[nodiscard]] int parameterIndex(std::string_view parameterName) const noexcept;  // -1 if none
};

// Whether an f′ of exactly 0 makes a unit dead: only where the activation declares a dead region.
// An f′ that merely underflows far out in a tail (sigmoid's at z = −800) is saturated, not dead.
// Empty when the parameter values satisfy the rules that tie them together, else a one-line message
// naming the activation, the parameters and their values.
[[nodiscard]] std::string parameterConflict(const Activation& activation, const ParameterValues& p);

[[nodiscard]] bool zeroDerivativeIsDead(const Activation& activation, const ParameterValues& p);

// f, f′, f″ for every point of z (uses evaluateMany when present).
void evaluateAll(const Activation& activation, const ParameterValues& p, std::span<const double> z,
                 std::span<double> f, std::span<double> d1, std::span<double> d2);

}  // namespace ax::core
