#pragma once
// f, f′ and f″ as z tends to +inf or -inf, read off the core's values far out in the tail.

#include "core/activation.h"

namespace ax::core {

// The limits of f, f′ and f″ as z → +inf (towards > 0) or z → -inf (towards < 0).
// The core is exact up to |z| = 1e300, so the tail is probed there: on a ladder of decades
// (1e296 … 1e300) and at points a relative 1e-4 … 4e-4 inside 1e300. A quantity whose nearby
// values disagree by more than 1 % oscillates and has no limit: nan (snake's f′). One that grows
// at least fivefold per decade with a fixed sign diverges: ±inf (relu's f at +inf). One that
// shrinks at least fivefold per decade, or is 0 far out, tends to 0. Anything else has settled
// and its value at 1e300 is the limit (sigmoid's f at +inf is 1).
[[nodiscard]] Derivatives limitAtInfinity(const Activation& activation, const ParameterValues& parameters,
                                          double towards);

}  // namespace ax::core
