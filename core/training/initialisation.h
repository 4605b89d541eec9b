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
// - He for the rectifiers and the smooth or gated rectifiers (ReLU, Leaky ReLU, ELU, GELU, Swish,
//   …): they pass on little more than the positive half of a zero-mean input, and 2/fan_in makes
//   up for the lost half of its second moment (He et al. derived it for ReLU and PReLU);
// - LeCun for SELU (its self-normalising fixed point assumes LeCun normal weights), for the
//   identity and the activations close to it (Snake, bent identity), and for the shrinkages,
//   which pass large inputs through unchanged;
// - Glorot for the sigmoid-shaped, bounded or saturating activations (sigmoid, tanh, softsign,
//   step, Gaussian, sine, …), the kind of units Glorot and Bengio studied.
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
