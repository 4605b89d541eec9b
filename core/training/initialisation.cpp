#include "core/training/initialisation.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ax::core {

namespace {

struct Named {
    Initialisation scheme;
    std::string_view name;
};
constexpr std::array kNames{Named{Initialisation::Recommended, "recommended"},
                            Named{Initialisation::LeCun, "lecun"}, Named{Initialisation::He, "he"},
                            Named{Initialisation::Glorot, "glorot"}};

constexpr std::array<std::string_view, 22> kHe{
    "relu",         "relu6",      "leaky_relu",  "prelu",     "rrelu",   "threshold",  "elu",  "celu",
    "softplus",     "squareplus", "gelu",        "gelu_tanh", "swish",   "hard_swish", "mish", "quick_gelu",
    "relu_squared", "star_relu",  "sparse_plus", "isrlu",     "tanhexp", "exponential"};
constexpr std::array<std::string_view, 7> kLeCun{"selu",        "identity",    "snake",      "bent_identity",
                                                 "hard_shrink", "soft_shrink", "tanh_shrink"};
constexpr std::array<std::string_view, 14> kGlorot{
    "step",        "sigmoid",        "tanh", "hard_sigmoid", "hard_tanh", "softsign", "gaussian",
    "log_sigmoid", "sparse_sigmoid", "sine", "arctan",       "isru",      "lisht",    "penalized_tanh"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& ids, std::string_view id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

std::string_view initialisationName(Initialisation scheme) noexcept
{
    for (const Named& n : kNames)
        if (n.scheme == scheme) return n.name;
    return {};
}

std::optional<Initialisation> initialisationFromName(std::string_view name) noexcept
{
    for (const Named& n : kNames)
        if (n.name == name) return n.scheme;
    return std::nullopt;
}

Initialisation recommendedInitialisation(const Activation& activation, const ParameterValues& p)
{
    if (listed(kHe, activation.id)) return Initialisation::He;
    if (listed(kLeCun, activation.id)) return Initialisation::LeCun;
    if (listed(kGlorot, activation.id)) return Initialisation::Glorot;
    if (!activation.properties) return Initialisation::Glorot;
    const Properties properties = activation.properties(p);
    if (properties.selfNormalising) return Initialisation::LeCun;
    if (properties.deadRegion || (properties.boundedBelow && !properties.boundedAbove))
        return Initialisation::He;
    return Initialisation::Glorot;
}

Initialisation resolveInitialisation(Initialisation scheme, const Activation& activation,
                                     const ParameterValues& p)
{
    return scheme == Initialisation::Recommended ? recommendedInitialisation(activation, p) : scheme;
}

double initialStandardDeviation(Initialisation scheme, int fanIn, int fanOut) noexcept
{
    switch (scheme) {
        case Initialisation::He:
            return std::sqrt(2.0 / fanIn);
        case Initialisation::Glorot:
            return std::sqrt(2.0 / (fanIn + fanOut));
        default:
            return std::sqrt(1.0 / fanIn);
    }
}

}  // namespace ax::core
