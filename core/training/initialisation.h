#pragma once
// How a network's first weights are scaled: the usual schemes, and the one each activation is
// usually trained with.

#include "core/activation.h"

#include <optional>
#include <string_view>

namespace ax::core {

// Every scheme draws weights W_ij ~ N(0, σ²) and sets the biases to 0; σ² is 1/fan_in (LeCun),
// 2/fan_in (He) or 2/(fan_in + fan_out) (Glorot). Recommended picks one per activation.
enum class Initialisation { Recommended, LeCun, He, Glorot };

// "recommended", "lecun", "he", "glorot".
[[nodiscard]] std::string_view initialisationName(Initialisation scheme) noexcept;
[[nodiscard]] std::optional<Initialisation> initialisationFromName(std::string_view name) noexcept;

// The scheme an activation is usually trained with, never Recommended:
// - He for rectifiers and the smooth or gated rectifiers (ReLU, Leaky ReLU, ELU, GELU, Swish, …):
//   they pass on about half of a zero-mean input's variance, which 2/fan_in restores;
// - LeCun for SELU (its self-normalising fixed point assumes LeCun normal weights) and for the
//   activations that are the identity or nearly so around 0 (identity, Snake, the shrinkages);
// - Glorot for the sigmoids and the other bounded or saturating activations (tanh, step, Gaussian,
//   sine, …), for which Glorot and Bengio derived it.
// An activation the table does not know (a custom one) is judged by its declared properties: a
// self-normalising one gets LeCun, one with a dead region or bounded below only gets He, any other
// Glorot.
[[nodiscard]] Initialisation recommendedInitialisation(const Activation& activation,
                                                       const ParameterValues& p);

// The scheme itself when it is not Recommended, else the activation's recommended one.
[[nodiscard]] Initialisation resolveInitialisation(Initialisation scheme, const Activation& activation,
                                                   const ParameterValues& p);

// σ of the weights of a layer with these fan-in and fan-out; scheme must not be Recommended.
[[nodiscard]] double initialStandardDeviation(Initialisation scheme, int fanIn, int fanOut) noexcept;

}  // namespace ax::core
