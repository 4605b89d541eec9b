#pragma once
// The symbolic registry: the functions a formula may call beyond GiNaC's own, each registered with
// its derivative and its LaTeX form, and the variable z every formula is differentiated in.

#include <ginac/ginac.h>

#include <mutex>

namespace ax::core::symbolic {

// The one variable every formula is written in. Derivative rules refer to it because the selector
// of a piecewise function needs the direction in which its argument moves.
[[nodiscard]] const GiNaC::realsymbol& variable();

DECLARE_FUNCTION_1P(ax_sigmoid)
DECLARE_FUNCTION_1P(ax_softplus)
DECLARE_FUNCTION_1P(ax_erf)
DECLARE_FUNCTION_1P(ax_erfc)
DECLARE_FUNCTION_1P(ax_log1p)
DECLARE_FUNCTION_1P(ax_expm1)
DECLARE_FUNCTION_1P(ax_abs)
DECLARE_FUNCTION_2P(ax_max)
DECLARE_FUNCTION_2P(ax_min)
DECLARE_FUNCTION_2P(ax_right)  // the selector H(d, d′)
DECLARE_FUNCTION_2P(ax_left)  // its complement 1 − H(d, d′), kept exact rather than formed as a difference
DECLARE_FUNCTION_2P(ax_sign)  // 2·H(d, d′) − 1
DECLARE_FUNCTION_1P(ax_tanh)
DECLARE_FUNCTION_1P(ax_sech2)  // 1 − tanh², evaluated without the cancellation in the tails

// The selector H(d, d′) of d: the step that picks the branch holding just to the right of a corner.
[[nodiscard]] GiNaC::ex selector(const GiNaC::ex& d);

// GiNaC keeps global reference-counted state; builds may come from more than one thread.
[[nodiscard]] std::mutex& symbolicMutex();

}  // namespace ax::core::symbolic
