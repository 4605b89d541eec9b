// Piecewise functions (max, min, abs, step) differentiate through a two-argument selector
// H(d, d′): 1 where d > 0, or where d = 0 and d′ ≥ 0 (d about to become positive). At a corner it
// therefore picks the branch that holds just to the right, which is the catalog's convention: every
// derivative at a kink is its right-hand limit.

#include "core/formula/symbolic_functions.h"

namespace ax::core::symbolic {

const GiNaC::realsymbol& variable()
{
    static const GiNaC::realsymbol z("z");
    return z;
}

GiNaC::ex selector(const GiNaC::ex& d)
{
    return ax_right(d, d.diff(variable()));
}

std::mutex& symbolicMutex()
{
    static std::mutex m;
    return m;
}

namespace {

GiNaC::ex complement(const GiNaC::ex& d)
{
    return ax_left(d, d.diff(variable()));
}

bool isNumber(const GiNaC::ex& e)
{
    return GiNaC::is_exactly_a<GiNaC::numeric>(e);
}

GiNaC::ex sigmoidDerivative(const GiNaC::ex& x, unsigned)
{
    return ax_sigmoid(x) * ax_sigmoid(-x);
}
GiNaC::ex softplusDerivative(const GiNaC::ex& x, unsigned)
{
    return ax_sigmoid(x);
}
GiNaC::ex erfDerivative(const GiNaC::ex& x, unsigned)
{
    return 2 / GiNaC::sqrt(GiNaC::Pi) * GiNaC::exp(-GiNaC::pow(x, 2));
}
GiNaC::ex erfcDerivative(const GiNaC::ex& x, unsigned)
{
    return -2 / GiNaC::sqrt(GiNaC::Pi) * GiNaC::exp(-GiNaC::pow(x, 2));
}
GiNaC::ex log1pDerivative(const GiNaC::ex& x, unsigned)
{
    return GiNaC::pow(1 + x, -1);
}
GiNaC::ex expm1Derivative(const GiNaC::ex& x, unsigned)
{
    return GiNaC::exp(x);
}
GiNaC::ex absDerivative(const GiNaC::ex& x, unsigned)
{
    return ax_sign(x, x.diff(variable()));
}
GiNaC::ex maxDerivative(const GiNaC::ex& a, const GiNaC::ex& b, unsigned parameter)
{
    return parameter == 0 ? selector(a - b) : complement(a - b);
}
GiNaC::ex minDerivative(const GiNaC::ex& a, const GiNaC::ex& b, unsigned parameter)
{
    return parameter == 0 ? selector(b - a) : complement(b - a);
}
GiNaC::ex constantDerivative(const GiNaC::ex&, const GiNaC::ex&, unsigned)
{
    return 0;
}
GiNaC::ex tanhDerivative(const GiNaC::ex& x, unsigned)
{
    return ax_sech2(x);
}
GiNaC::ex sech2Derivative(const GiNaC::ex& x, unsigned)
{
    return -2 * ax_tanh(x) * ax_sech2(x);
}

GiNaC::ex absEval(const GiNaC::ex& x)
{
    if (isNumber(x)) return GiNaC::abs(GiNaC::ex_to<GiNaC::numeric>(x));
    return ax_abs(x).hold();
}
GiNaC::ex maxEval(const GiNaC::ex& a, const GiNaC::ex& b)
{
    if (isNumber(a) && isNumber(b))
        return GiNaC::ex_to<GiNaC::numeric>(a) < GiNaC::ex_to<GiNaC::numeric>(b) ? b : a;
    return ax_max(a, b).hold();
}
GiNaC::ex minEval(const GiNaC::ex& a, const GiNaC::ex& b)
{
    if (isNumber(a) && isNumber(b))
        return GiNaC::ex_to<GiNaC::numeric>(b) < GiNaC::ex_to<GiNaC::numeric>(a) ? b : a;
    return ax_min(a, b).hold();
}
GiNaC::ex rightEval(const GiNaC::ex& d, const GiNaC::ex& dd)
{
    if (isNumber(d)) {
        const GiNaC::numeric& n = GiNaC::ex_to<GiNaC::numeric>(d);
        if (n.is_positive()) return 1;
        if (n.is_negative()) return 0;
        if (isNumber(dd)) return GiNaC::ex_to<GiNaC::numeric>(dd).is_negative() ? 0 : 1;
    }
    return ax_right(d, dd).hold();
}
GiNaC::ex leftEval(const GiNaC::ex& d, const GiNaC::ex& dd)
{
    const GiNaC::ex right = rightEval(d, dd);
    if (isNumber(right)) return 1 - right;
    return ax_left(d, dd).hold();
}
GiNaC::ex signEval(const GiNaC::ex& d, const GiNaC::ex& dd)
{
    const GiNaC::ex right = rightEval(d, dd);
    if (isNumber(right)) return 2 * right - 1;
    return ax_sign(d, dd).hold();
}

void latexWrap(const GiNaC::print_context& c, const char* before, const GiNaC::ex& x, const char* after)
{
    c.s << before;
    x.print(c);
    c.s << after;
}
void sigmoidLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\sigma\\left(", x, "\\right)");
}
void softplusLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\operatorname{softplus}\\left(", x, "\\right)");
}
void erfLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\operatorname{erf}\\left(", x, "\\right)");
}
void erfcLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\operatorname{erfc}\\left(", x, "\\right)");
}
void log1pLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\ln\\left(1+", x, "\\right)");
}
void expm1Latex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\left(e^{", x, "}-1\\right)");
}
void absLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\left|", x, "\\right|");
}
void maxLatex(const GiNaC::ex& a, const GiNaC::ex& b, const GiNaC::print_context& c)
{
    latexWrap(c, "\\max\\left(", a, ", ");
    latexWrap(c, "", b, "\\right)");
}
void minLatex(const GiNaC::ex& a, const GiNaC::ex& b, const GiNaC::print_context& c)
{
    latexWrap(c, "\\min\\left(", a, ", ");
    latexWrap(c, "", b, "\\right)");
}
// The tie-break argument only matters exactly at a corner; the reader sees the Heaviside step.
void rightLatex(const GiNaC::ex& d, const GiNaC::ex&, const GiNaC::print_context& c)
{
    latexWrap(c, "H\\left(", d, "\\right)");
}
void leftLatex(const GiNaC::ex& d, const GiNaC::ex&, const GiNaC::print_context& c)
{
    latexWrap(c, "\\left(1-H\\left(", d, "\\right)\\right)");
}
void signLatex(const GiNaC::ex& d, const GiNaC::ex&, const GiNaC::print_context& c)
{
    latexWrap(c, "\\operatorname{sgn}\\left(", d, "\\right)");
}
void tanhLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\tanh\\left(", x, "\\right)");
}
void sech2Latex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\operatorname{sech}^{2}\\left(", x, "\\right)");
}

}  // namespace

REGISTER_FUNCTION(ax_sigmoid, derivative_func(sigmoidDerivative).print_func<GiNaC::print_latex>(sigmoidLatex))
REGISTER_FUNCTION(ax_softplus,
                  derivative_func(softplusDerivative).print_func<GiNaC::print_latex>(softplusLatex))
REGISTER_FUNCTION(ax_erf, derivative_func(erfDerivative).print_func<GiNaC::print_latex>(erfLatex))
REGISTER_FUNCTION(ax_erfc, derivative_func(erfcDerivative).print_func<GiNaC::print_latex>(erfcLatex))
REGISTER_FUNCTION(ax_log1p, derivative_func(log1pDerivative).print_func<GiNaC::print_latex>(log1pLatex))
REGISTER_FUNCTION(ax_expm1, derivative_func(expm1Derivative).print_func<GiNaC::print_latex>(expm1Latex))
REGISTER_FUNCTION(ax_abs,
                  eval_func(absEval).derivative_func(absDerivative).print_func<GiNaC::print_latex>(absLatex))
REGISTER_FUNCTION(ax_max,
                  eval_func(maxEval).derivative_func(maxDerivative).print_func<GiNaC::print_latex>(maxLatex))
REGISTER_FUNCTION(ax_min,
                  eval_func(minEval).derivative_func(minDerivative).print_func<GiNaC::print_latex>(minLatex))
REGISTER_FUNCTION(
    ax_right,
    eval_func(rightEval).derivative_func(constantDerivative).print_func<GiNaC::print_latex>(rightLatex))
REGISTER_FUNCTION(
    ax_left,
    eval_func(leftEval).derivative_func(constantDerivative).print_func<GiNaC::print_latex>(leftLatex))
REGISTER_FUNCTION(
    ax_sign,
    eval_func(signEval).derivative_func(constantDerivative).print_func<GiNaC::print_latex>(signLatex))
REGISTER_FUNCTION(ax_tanh, derivative_func(tanhDerivative).print_func<GiNaC::print_latex>(tanhLatex))
REGISTER_FUNCTION(ax_sech2, derivative_func(sech2Derivative).print_func<GiNaC::print_latex>(sech2Latex))

}  // namespace ax::core::symbolic
