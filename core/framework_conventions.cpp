// Framework variants. Each citation names the source file (and function or class) that defines
// the behaviour, with the versions it was checked for: PyTorch 2.x, TensorFlow 2.4–2.15 with its
// bundled Keras 2, Keras 3.x, JAX 0.4.x.

#include "core/framework_conventions.h"

#include "core/bisection.h"
#include "core/catalog.h"
#include "core/special_functions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <utility>

namespace ax::core {

namespace {

constexpr std::array kFrameworks{Framework::PyTorch, Framework::TensorFlowKeras2, Framework::Keras3,
                                 Framework::Jax};

constexpr std::array<std::string_view, 13> kIds{
    "hard_sigmoid", "gelu",  "leaky_relu", "softplus",    "elu",         "selu",       "hard_swish",
    "swish",        "rrelu", "threshold",  "soft_shrink", "hard_shrink", "sparse_plus"};

// PyTorch's Softplus switches to the identity where β·x exceeds this.
constexpr double kTorchSoftplusThreshold = 20.0;

// Keras 2 (tf.keras before TensorFlow 2.16): 0.2·x + 0.5 clipped to [0, 1], corners at ±2.5.
Derivatives keras2HardSigmoid(double z) noexcept
{
    if (z < -2.5) return {0.0, 0.0, 0.0};
    if (z < 2.5) return {0.2 * z + 0.5, 0.2, 0.0};
    if (std::isnan(z)) return {kNaN, kNaN, kNaN};
    return {1.0, 0.0, 0.0};
}

// The catalog's exact softplus, except that past β·x > 20 PyTorch returns x itself (slope 1,
// curvature 0); f jumps there by ln(1 + e⁻²⁰)/β ≈ 2·10⁻⁹/β.
Derivatives torchSoftplus(const Activation& exact, double z, const ParameterValues& p) noexcept
{
    if (p[0] * z > kTorchSoftplusThreshold) return {z, 1.0, 0.0};
    return exact.evaluate(z, p);
}

const Activation& catalogEntry(std::string_view id)
{
    const Activation* a = findActivation(id);
    return *a;  // every id used here is in the catalog
}

std::string suffixed(const Activation& base, Framework framework)
{
    return base.name + " (" + std::string(frameworkName(framework)) + ")";
}

// The catalog's activation unchanged apart from its name.
Activation renamed(const Activation& base, Framework framework)
{
    Activation a = base;
    a.name = suffixed(base, framework);
    return a;
}

// The catalog's activation with its parameters fixed (a framework that exposes none, such as
// SiLU without β): the variant has no sliders.
Activation withFixedParameters(const Activation& base, Framework framework)
{
    Activation a;
    a.id = base.id;
    a.name = suffixed(base, framework);
    a.formula = base.formula;
    a.reference = base.reference;
    const ParameterValues fixed = base.defaults();
    const auto evaluate = base.evaluate;
    a.evaluate = [evaluate, fixed](double z, const ParameterValues&) { return evaluate(z, fixed); };
    if (base.evaluateMany) {
        const auto many = base.evaluateMany;
        a.evaluateMany = [many, fixed](std::span<const double> z, const ParameterValues&, std::span<double> f,
                                       std::span<double> d1,
                                       std::span<double> d2) { many(z, fixed, f, d1, d2); };
    }
    const auto kinks = base.kinks;
    a.kinks = [kinks, fixed](const ParameterValues&) { return kinks ? kinks(fixed) : std::vector<Kink>{}; };
    const auto properties = base.properties;
    a.properties = [properties, fixed](const ParameterValues&) { return properties(fixed); };
    return a;
}

Activation withDefault(const Activation& base, Framework framework, double defaultValue)
{
    Activation a = renamed(base, framework);
    a.parameters[0].defaultValue = defaultValue;
    return a;
}

ConventionVariant variant(Framework framework, Activation activation, std::string citation, std::string note)
{
    return ConventionVariant{framework, std::move(activation), std::move(citation), std::move(note)};
}

std::optional<ConventionVariant> hardSigmoid(Framework framework)
{
    const Activation& base = catalogEntry("hard_sigmoid");
    switch (framework) {
        case Framework::PyTorch:
            return variant(framework, renamed(base, framework),
                           "torch/nn/modules/activation.py: Hardsigmoid; torch/nn/functional.py: hardsigmoid "
                           "(PyTorch 1.6 to 2.x)",
                           "relu6(x + 3)/6 = clamp(x/6 + 1/2, 0, 1), as in the catalog");
        case Framework::TensorFlowKeras2: {
            Activation a = renamed(base, framework);
            a.formula = "clamp(0.2 z + 0.5, 0, 1)";
            a.evaluate = [](double z, const ParameterValues&) { return keras2HardSigmoid(z); };
            a.evaluateMany = {};
            a.kinks = [](const ParameterValues&) { return std::vector<Kink>{{-2.5, 1}, {2.5, 1}}; };
            return variant(
                framework, std::move(a),
                "keras/activations.py: hard_sigmoid, computed by keras/backend.py: hard_sigmoid "
                "(Keras 2.x, tf.keras in TensorFlow up to 2.15)",
                "0.2x + 0.5 clipped to [0, 1]: slope 0.2 instead of 1/6, flat beyond ±2.5 instead of ±3");
        }
        case Framework::Keras3:
            return variant(framework, renamed(base, framework),
                           "keras/src/activations/activations.py: hard_sigmoid, via keras/src/ops/nn.py: "
                           "hard_sigmoid (Keras 3.x)",
                           "relu6(x + 3)/6, as in the catalog (Keras 3 dropped the 0.2x + 0.5 form)");
        case Framework::Jax:
            return variant(framework, renamed(base, framework),
                           "jax/_src/nn/functions.py: hard_sigmoid (JAX 0.4.x)",
                           "relu6(x + 3)/6, as in the catalog");
    }
    return std::nullopt;
}

std::optional<ConventionVariant> gelu(Framework framework)
{
    const Activation& exact = catalogEntry("gelu");
    switch (framework) {
        case Framework::PyTorch:
            return variant(framework, renamed(exact, framework),
                           "torch/nn/modules/activation.py: GELU(approximate='none') (PyTorch 1.12 to 2.x)",
                           "exact erf form by default; approximate='tanh' selects the tanh form");
        case Framework::TensorFlowKeras2:
            return variant(
                framework, renamed(exact, framework),
                "keras/activations.py: gelu(x, approximate=False), tf.nn.gelu (TensorFlow 2.4 to 2.15)",
                "exact erf form by default");
        case Framework::Keras3:
            return variant(framework, renamed(exact, framework),
                           "keras/src/activations/activations.py: gelu(x, approximate=False) (Keras 3.x)",
                           "exact erf form by default");
        case Framework::Jax: {
            Activation a = renamed(catalogEntry("gelu_tanh"), framework);
            a.id = exact.id;
            a.name = suffixed(exact, framework);
            return variant(framework, std::move(a),
                           "jax/_src/nn/functions.py: gelu(x, approximate=True) (JAX 0.4.x)",
                           "the tanh approximation by default; approximate=False gives the exact form");
        }
    }
    return std::nullopt;
}

std::optional<ConventionVariant> leakyRelu(Framework framework)
{
    const Activation& base = catalogEntry("leaky_relu");
    switch (framework) {
        case Framework::PyTorch:
            return variant(framework, withDefault(base, framework, 0.01),
                           "torch/nn/modules/activation.py: LeakyReLU(negative_slope=0.01) (PyTorch 2.x)",
                           "slope 0.01, as in the catalog");
        case Framework::TensorFlowKeras2:
            return variant(
                framework, withDefault(base, framework, 0.3),
                "keras/layers/activation/leaky_relu.py: LeakyReLU(alpha=0.3) (Keras 2.x); the function "
                "tf.nn.leaky_relu defaults to alpha=0.2",
                "slope 0.3 for the Keras layer");
        case Framework::Keras3:
            return variant(
                framework, withDefault(base, framework, 0.2),
                "keras/src/activations/activations.py: leaky_relu(x, negative_slope=0.2) (Keras 3.x); "
                "the layer keras.layers.LeakyReLU keeps negative_slope=0.3",
                "slope 0.2 for the activation function");
        case Framework::Jax:
            return variant(framework, withDefault(base, framework, 0.01),
                           "jax/_src/nn/functions.py: leaky_relu(x, negative_slope=1e-2) (JAX 0.4.x)",
                           "slope 0.01, as in the catalog");
    }
    return std::nullopt;
}

std::optional<ConventionVariant> softplus(Framework framework)
{
    const Activation& exact = catalogEntry("softplus");
    switch (framework) {
        case Framework::PyTorch: {
            Activation a = renamed(exact, framework);
            a.formula = "(1/β) ln(1 + e^(β z)), but z itself where β z > 20";
            a.evaluate = [exact](double z, const ParameterValues& p) { return torchSoftplus(exact, z, p); };
            a.evaluateMany = {};
            a.kinks = [](const ParameterValues& p) {
                return std::vector<Kink>{{kTorchSoftplusThreshold / p[0], 0}};
            };
            return variant(
                framework, std::move(a),
                "torch/nn/modules/activation.py: Softplus(beta=1.0, threshold=20.0) (PyTorch 1.x to 2.x)",
                "returns x unchanged where beta·x > threshold = 20: a jump of about 2e-9/β there");
        }
        case Framework::TensorFlowKeras2:
            return variant(
                framework, withFixedParameters(exact, framework),
                "keras/activations.py: softplus, computed by tf.math.softplus (Keras 2.x, TensorFlow "
                "2.x)",
                "log(exp(x) + 1) without a β parameter");
        case Framework::Keras3:
            return variant(framework, withFixedParameters(exact, framework),
                           "keras/src/activations/activations.py: softplus (Keras 3.x)",
                           "log(exp(x) + 1) without a β parameter");
        case Framework::Jax:
            return variant(framework, withFixedParameters(exact, framework),
                           "jax/_src/nn/functions.py: softplus = logaddexp(x, 0) (JAX 0.4.x)",
                           "log(1 + exp(x)) without a β parameter");
    }
    return std::nullopt;
}

std::optional<ConventionVariant> sameEverywhere(Framework framework, std::string_view id, std::string torch,
                                                std::string keras2, std::string keras3, std::string jax,
                                                const std::string& note)
{
    const Activation& base = catalogEntry(id);
    switch (framework) {
        case Framework::PyTorch:
            return variant(framework, renamed(base, framework), std::move(torch), note);
        case Framework::TensorFlowKeras2:
            return variant(framework, renamed(base, framework), std::move(keras2), note);
        case Framework::Keras3:
            return variant(framework, renamed(base, framework), std::move(keras3), note);
        case Framework::Jax:
            return variant(framework, renamed(base, framework), std::move(jax), note);
    }
    return std::nullopt;
}

std::optional<ConventionVariant> swish(Framework framework)
{
    const Activation& base = catalogEntry("swish");
    std::string citation;
    switch (framework) {
        case Framework::PyTorch:
            citation = "torch/nn/modules/activation.py: SiLU (PyTorch 1.7 to 2.x)";
            break;
        case Framework::TensorFlowKeras2:
            citation = "keras/activations.py: swish, tf.nn.silu (TensorFlow 2.2 to 2.15)";
            break;
        case Framework::Keras3:
            citation = "keras/src/activations/activations.py: silu, alias swish (Keras 3.x)";
            break;
        case Framework::Jax:
            citation = "jax/_src/nn/functions.py: silu, alias swish (JAX 0.4.x)";
            break;
    }
    return variant(framework, withFixedParameters(base, framework), std::move(citation),
                   "x·sigmoid(x), that is β fixed at 1 (SiLU)");
}

// A function only some frameworks have: the others give no variant, and the notes say so.
std::optional<ConventionVariant> onlyIn(
    Framework framework, std::string_view id,
    std::initializer_list<std::pair<Framework, std::pair<const char*, const char*>>> in)
{
    for (const auto& [which, text] : in)
        if (which == framework)
            return variant(framework, renamed(catalogEntry(id), framework), text.first, text.second);
    return std::nullopt;
}

// The first point between good (predicate false) and bad (true) where the predicate turns true.
template <typename Predicate>
double refine(double outside, double inside, Predicate differs)
{
    return bisect(outside, inside, [&](double z) { return !differs(z); }).changed;
}

}  // namespace

std::span<const Framework> frameworks() noexcept
{
    return kFrameworks;
}

std::string_view frameworkName(Framework framework) noexcept
{
    switch (framework) {
        case Framework::PyTorch:
            return "PyTorch";
        case Framework::TensorFlowKeras2:
            return "TensorFlow / Keras 2";
        case Framework::Keras3:
            return "Keras 3";
        case Framework::Jax:
            return "JAX";
    }
    return {};
}

std::string_view frameworkKey(Framework framework) noexcept
{
    switch (framework) {
        case Framework::PyTorch:
            return "pytorch";
        case Framework::TensorFlowKeras2:
            return "keras2";
        case Framework::Keras3:
            return "keras3";
        case Framework::Jax:
            return "jax";
    }
    return {};
}

std::optional<Framework> frameworkFromKey(std::string_view key) noexcept
{
    for (const Framework f : kFrameworks)
        if (frameworkKey(f) == key) return f;
    return std::nullopt;
}

std::span<const std::string_view> conventionIds() noexcept
{
    return kIds;
}

std::optional<ConventionVariant> conventionVariant(Framework framework, std::string_view id)
{
    if (id == "hard_sigmoid") return hardSigmoid(framework);
    if (id == "gelu") return gelu(framework);
    if (id == "leaky_relu") return leakyRelu(framework);
    if (id == "softplus") return softplus(framework);
    if (id == "swish") return swish(framework);
    if (id == "elu")
        return sameEverywhere(framework, id, "torch/nn/modules/activation.py: ELU(alpha=1.0) (PyTorch 2.x)",
                              "keras/activations.py: elu(x, alpha=1.0) (Keras 2.x)",
                              "keras/src/activations/activations.py: elu(x, alpha=1.0) (Keras 3.x)",
                              "jax/_src/nn/functions.py: elu(x, alpha=1.0) (JAX 0.4.x)",
                              "α(eˣ − 1) below 0 with α = 1 in every framework");
    if (id == "selu")
        return sameEverywhere(framework, id, "torch/nn/modules/activation.py: SELU (PyTorch 2.x)",
                              "keras/activations.py: selu, computed by tf.nn.selu (Keras 2.x; its "
                              "documentation rounds the constants "
                              "to 1.67326324 and 1.05070098)",
                              "keras/src/activations/activations.py: selu (Keras 3.x)",
                              "jax/_src/nn/functions.py: selu (JAX 0.4.x)",
                              "λ = 1.0507009873554804934, α = 1.6732632423543772848 in every framework");
    if (id == "rrelu")
        return onlyIn(
            framework, id,
            {{Framework::PyTorch,
              {"torch/nn/modules/activation.py: RReLU(lower=1/8, upper=1/3); torch/nn/functional.py: "
               "rrelu(training=False) (PyTorch 1.x to 2.x)",
               "in training mode every negative input gets its own slope, drawn from U(lower, upper) "
               "at each forward pass; after model.eval() the slope is fixed at (lower + upper)/2, "
               "the curve drawn here"}}});
    if (id == "threshold")
        return onlyIn(
            framework, id,
            {{Framework::PyTorch,
              {"torch/nn/modules/activation.py: Threshold(threshold, value) (PyTorch 1.x to 2.x)",
               "x if x > threshold, else value; both arguments have to be given"}},
             {Framework::Keras3,
              {"keras/src/ops/nn.py: threshold(x, threshold, default_value) (Keras 3, a later 3.x "
               "release)",
               "the same function; the output below the threshold is named default_value, not value"}}});
    if (id == "soft_shrink")
        return onlyIn(framework, id,
                      {{Framework::PyTorch,
                        {"torch/nn/modules/activation.py: Softshrink(lambd=0.5) (PyTorch 1.x to 2.x)",
                         "λ is named lambd, default 0.5"}},
                       {Framework::Keras3,
                        {"keras/src/ops/nn.py: soft_shrink(x, threshold=0.5) (Keras 3, a later 3.x release)",
                         "the same function; λ is named threshold, default 0.5"}}});
    if (id == "hard_shrink")
        return onlyIn(framework, id,
                      {{Framework::PyTorch,
                        {"torch/nn/modules/activation.py: Hardshrink(lambd=0.5) (PyTorch 1.x to 2.x)",
                         "λ is named lambd, default 0.5"}},
                       {Framework::Keras3,
                        {"keras/src/ops/nn.py: hard_shrink(x, threshold=0.5) (Keras 3, a later 3.x release)",
                         "the same function; λ is named threshold, default 0.5"}}});
    if (id == "sparse_plus")
        return onlyIn(framework, id,
                      {{Framework::Keras3,
                        {"keras/src/ops/nn.py: sparse_plus (Keras 3, a later 3.x release)",
                         "0, (x + 1)²/4, x on the three pieces, as in the catalog"}},
                       {Framework::Jax,
                        {"jax/_src/nn/functions.py: sparse_plus (JAX 0.4.x)",
                         "0, (x + 1)²/4, x on the three pieces, as in the catalog"}}});
    if (id == "hard_swish")
        return sameEverywhere(framework, id, "torch/nn/modules/activation.py: Hardswish (PyTorch 1.6 to 2.x)",
                              "keras/applications/mobilenet_v3.py: hard_swish (Keras 2.x has no hard swish "
                              "in keras.activations)",
                              "keras/src/activations/activations.py: hard_silu, alias hard_swish (Keras 3.x)",
                              "jax/_src/nn/functions.py: hard_silu, alias hard_swish (JAX 0.4.x)",
                              "x·relu6(x + 3)/6 in every framework");
    return std::nullopt;
}

std::vector<Interval> conventionDifferences(std::string_view id, Framework a, Framework b, double zMin,
                                            double zMax, double threshold, int order)
{
    std::vector<Interval> result;
    const auto first = conventionVariant(a, id);
    const auto second = conventionVariant(b, id);
    if (!first || !second || !(zMin < zMax) || order < 0 || order > 2) return result;
    const Activation& fa = first->activation;
    const Activation& fb = second->activation;
    const ParameterValues pa = fa.defaults();
    const ParameterValues pb = fb.defaults();
    const auto pick = [order](const Derivatives& d) { return order == 0 ? d.f : (order == 1 ? d.d1 : d.d2); };
    const auto differs = [&](double z) {
        const double gap = std::fabs(pick(fa.evaluate(z, pa)) - pick(fb.evaluate(z, pb)));
        return gap > threshold || std::isnan(gap);
    };

    constexpr std::size_t kProbes = 4097;
    std::vector<double> z;
    z.reserve(kProbes + 8);
    for (std::size_t i = 0; i < kProbes; ++i)
        z.push_back(std::lerp(zMin, zMax, static_cast<double>(i) / static_cast<double>(kProbes - 1)));
    z.back() = zMax;
    for (const Activation* activation : {&fa, &fb}) {
        if (!activation->kinks) continue;
        for (const Kink& k : activation->kinks(activation == &fa ? pa : pb)) {
            if (k.z > zMin && k.z < zMax) {
                z.push_back(k.z);
                z.push_back(std::nextafter(k.z, -kInf));
            }
        }
    }
    std::sort(z.begin(), z.end());
    z.erase(std::unique(z.begin(), z.end()), z.end());

    std::vector<char> flags(z.size());
    for (std::size_t i = 0; i < z.size(); ++i)
        flags[i] = differs(z[i]) ? 1 : 0;
    std::size_t i = 0;
    while (i < z.size()) {
        if (!flags[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j + 1 < z.size() && flags[j + 1])
            ++j;
        const double lo = i == 0 ? zMin : refine(z[i - 1], z[i], differs);
        const double hi = j + 1 == z.size() ? zMax : refine(z[j + 1], z[j], differs);
        result.push_back({lo, hi});
        i = j + 1;
    }
    return result;
}

std::vector<ConventionDifference> visibleConventionDifferences(std::string_view id, double zMin, double zMax)
{
    std::vector<ConventionDifference> result;
    const auto all = frameworks();
    for (int order = 0; order <= 1; ++order)
        for (std::size_t i = 0; i < all.size(); ++i)
            for (std::size_t j = i + 1; j < all.size(); ++j) {
                auto intervals = conventionDifferences(id, all[i], all[j], zMin, zMax,
                                                       kVisibleConventionDifference, order);
                if (!intervals.empty()) result.push_back({all[i], all[j], order, std::move(intervals)});
            }
    return result;
}

std::vector<Interval> shadedConventionIntervals(std::string_view id, double zMin, double zMax, int order)
{
    std::vector<Interval> all;
    for (const ConventionDifference& d : visibleConventionDifferences(id, zMin, zMax))
        if (d.order == order) all.insert(all.end(), d.intervals.begin(), d.intervals.end());
    return mergedIntervals(std::move(all));
}

}  // namespace ax::core
