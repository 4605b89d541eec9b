// Custom activations: a small recursive-descent parser builds a GiNaC expression (so every error
// has an exact position), GiNaC differentiates it twice and typesets it, and the three expressions
// are printed into muParser's syntax and compiled once, so evaluation never touches the symbolic
// form again.
//
// Piecewise functions (max, min, abs, step) differentiate through a two-argument selector
// H(d, d′): 1 where d > 0, or where d = 0 and d′ ≥ 0 (d about to become positive). At a corner it
// therefore picks the branch that holds just to the right, which is the catalog's convention: every
// derivative at a kink is its right-hand limit.

#include "custom_activation.h"

#include "core/bisection.h"
#include "core/special_functions.h"

#include <ginac/ginac.h>
#include <muParser.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <numbers>
#include <numeric>
#include <sstream>
#include <utility>

namespace ax::core {

namespace symbolic {

// The one variable every formula is written in. Derivative rules below refer to it because the
// selector of a piecewise function needs the direction in which its argument moves.
const GiNaC::realsymbol& variable()
{
    static const GiNaC::realsymbol z("z");
    return z;
}

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
DECLARE_FUNCTION_2P(ax_left)   // its complement 1 − H(d, d′), kept exact rather than formed as a difference
DECLARE_FUNCTION_2P(ax_sign)   // 2·H(d, d′) − 1
DECLARE_FUNCTION_1P(ax_tanh)
DECLARE_FUNCTION_1P(ax_sech2)  // 1 − tanh², evaluated without the cancellation in the tails

namespace {

GiNaC::ex selector(const GiNaC::ex& d) { return ax_right(d, d.diff(variable())); }
GiNaC::ex complement(const GiNaC::ex& d) { return ax_left(d, d.diff(variable())); }

bool isNumber(const GiNaC::ex& e) { return GiNaC::is_exactly_a<GiNaC::numeric>(e); }

GiNaC::ex sigmoidDerivative(const GiNaC::ex& x, unsigned) { return ax_sigmoid(x) * ax_sigmoid(-x); }
GiNaC::ex softplusDerivative(const GiNaC::ex& x, unsigned) { return ax_sigmoid(x); }
GiNaC::ex erfDerivative(const GiNaC::ex& x, unsigned)
{
    return 2 / GiNaC::sqrt(GiNaC::Pi) * GiNaC::exp(-GiNaC::pow(x, 2));
}
GiNaC::ex erfcDerivative(const GiNaC::ex& x, unsigned)
{
    return -2 / GiNaC::sqrt(GiNaC::Pi) * GiNaC::exp(-GiNaC::pow(x, 2));
}
GiNaC::ex log1pDerivative(const GiNaC::ex& x, unsigned) { return GiNaC::pow(1 + x, -1); }
GiNaC::ex expm1Derivative(const GiNaC::ex& x, unsigned) { return GiNaC::exp(x); }
GiNaC::ex absDerivative(const GiNaC::ex& x, unsigned) { return ax_sign(x, x.diff(variable())); }
GiNaC::ex maxDerivative(const GiNaC::ex& a, const GiNaC::ex& b, unsigned parameter)
{
    return parameter == 0 ? selector(a - b) : complement(a - b);
}
GiNaC::ex minDerivative(const GiNaC::ex& a, const GiNaC::ex& b, unsigned parameter)
{
    return parameter == 0 ? selector(b - a) : complement(b - a);
}
GiNaC::ex constantDerivative(const GiNaC::ex&, const GiNaC::ex&, unsigned) { return 0; }
GiNaC::ex tanhDerivative(const GiNaC::ex& x, unsigned) { return ax_sech2(x); }
GiNaC::ex sech2Derivative(const GiNaC::ex& x, unsigned) { return -2 * ax_tanh(x) * ax_sech2(x); }

GiNaC::ex absEval(const GiNaC::ex& x)
{
    if (isNumber(x)) return GiNaC::abs(GiNaC::ex_to<GiNaC::numeric>(x));
    return ax_abs(x).hold();
}
GiNaC::ex maxEval(const GiNaC::ex& a, const GiNaC::ex& b)
{
    if (isNumber(a) && isNumber(b)) return GiNaC::ex_to<GiNaC::numeric>(a) < GiNaC::ex_to<GiNaC::numeric>(b) ? b : a;
    return ax_max(a, b).hold();
}
GiNaC::ex minEval(const GiNaC::ex& a, const GiNaC::ex& b)
{
    if (isNumber(a) && isNumber(b)) return GiNaC::ex_to<GiNaC::numeric>(b) < GiNaC::ex_to<GiNaC::numeric>(a) ? b : a;
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
void sigmoidLatex(const GiNaC::ex& x, const GiNaC::print_context& c) { latexWrap(c, "\\sigma\\left(", x, "\\right)"); }
void softplusLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\operatorname{softplus}\\left(", x, "\\right)");
}
void erfLatex(const GiNaC::ex& x, const GiNaC::print_context& c) { latexWrap(c, "\\operatorname{erf}\\left(", x, "\\right)"); }
void erfcLatex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\operatorname{erfc}\\left(", x, "\\right)");
}
void log1pLatex(const GiNaC::ex& x, const GiNaC::print_context& c) { latexWrap(c, "\\ln\\left(1+", x, "\\right)"); }
void expm1Latex(const GiNaC::ex& x, const GiNaC::print_context& c) { latexWrap(c, "\\left(e^{", x, "}-1\\right)"); }
void absLatex(const GiNaC::ex& x, const GiNaC::print_context& c) { latexWrap(c, "\\left|", x, "\\right|"); }
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
void tanhLatex(const GiNaC::ex& x, const GiNaC::print_context& c) { latexWrap(c, "\\tanh\\left(", x, "\\right)"); }
void sech2Latex(const GiNaC::ex& x, const GiNaC::print_context& c)
{
    latexWrap(c, "\\operatorname{sech}^{2}\\left(", x, "\\right)");
}

}  // namespace

REGISTER_FUNCTION(ax_sigmoid, derivative_func(sigmoidDerivative).print_func<GiNaC::print_latex>(sigmoidLatex))
REGISTER_FUNCTION(ax_softplus, derivative_func(softplusDerivative).print_func<GiNaC::print_latex>(softplusLatex))
REGISTER_FUNCTION(ax_erf, derivative_func(erfDerivative).print_func<GiNaC::print_latex>(erfLatex))
REGISTER_FUNCTION(ax_erfc, derivative_func(erfcDerivative).print_func<GiNaC::print_latex>(erfcLatex))
REGISTER_FUNCTION(ax_log1p, derivative_func(log1pDerivative).print_func<GiNaC::print_latex>(log1pLatex))
REGISTER_FUNCTION(ax_expm1, derivative_func(expm1Derivative).print_func<GiNaC::print_latex>(expm1Latex))
REGISTER_FUNCTION(ax_abs, eval_func(absEval).derivative_func(absDerivative).print_func<GiNaC::print_latex>(absLatex))
REGISTER_FUNCTION(ax_max, eval_func(maxEval).derivative_func(maxDerivative).print_func<GiNaC::print_latex>(maxLatex))
REGISTER_FUNCTION(ax_min, eval_func(minEval).derivative_func(minDerivative).print_func<GiNaC::print_latex>(minLatex))
REGISTER_FUNCTION(ax_right,
                  eval_func(rightEval).derivative_func(constantDerivative).print_func<GiNaC::print_latex>(rightLatex))
REGISTER_FUNCTION(ax_left,
                  eval_func(leftEval).derivative_func(constantDerivative).print_func<GiNaC::print_latex>(leftLatex))
REGISTER_FUNCTION(ax_sign,
                  eval_func(signEval).derivative_func(constantDerivative).print_func<GiNaC::print_latex>(signLatex))
REGISTER_FUNCTION(ax_tanh, derivative_func(tanhDerivative).print_func<GiNaC::print_latex>(tanhLatex))
REGISTER_FUNCTION(ax_sech2, derivative_func(sech2Derivative).print_func<GiNaC::print_latex>(sech2Latex))

}  // namespace symbolic

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// GiNaC keeps global reference-counted state; builds may come from more than one thread.
std::mutex& symbolicMutex()
{
    static std::mutex m;
    return m;
}

// ---- the grammar -------------------------------------------------------------------------------

enum class FunctionKind {
    Exp, Log, Log1p, Expm1, Sqrt, Abs, Sin, Cos, Tan, Tanh, Sinh, Cosh, Atan, Erf, Erfc, Sigmoid, Softplus,
    Max, Min, Relu, Step
};

struct FunctionEntry {
    std::string_view name;
    FunctionKind kind;
    int arity;
};

constexpr std::array kFunctions{
    FunctionEntry{"exp", FunctionKind::Exp, 1},         FunctionEntry{"log", FunctionKind::Log, 1},
    FunctionEntry{"ln", FunctionKind::Log, 1},          FunctionEntry{"log1p", FunctionKind::Log1p, 1},
    FunctionEntry{"expm1", FunctionKind::Expm1, 1},     FunctionEntry{"sqrt", FunctionKind::Sqrt, 1},
    FunctionEntry{"abs", FunctionKind::Abs, 1},         FunctionEntry{"sin", FunctionKind::Sin, 1},
    FunctionEntry{"cos", FunctionKind::Cos, 1},         FunctionEntry{"tan", FunctionKind::Tan, 1},
    FunctionEntry{"tanh", FunctionKind::Tanh, 1},       FunctionEntry{"sinh", FunctionKind::Sinh, 1},
    FunctionEntry{"cosh", FunctionKind::Cosh, 1},       FunctionEntry{"atan", FunctionKind::Atan, 1},
    FunctionEntry{"erf", FunctionKind::Erf, 1},         FunctionEntry{"erfc", FunctionKind::Erfc, 1},
    FunctionEntry{"sigmoid", FunctionKind::Sigmoid, 1}, FunctionEntry{"softplus", FunctionKind::Softplus, 1},
    FunctionEntry{"max", FunctionKind::Max, 2},         FunctionEntry{"min", FunctionKind::Min, 2},
    FunctionEntry{"relu", FunctionKind::Relu, 1},       FunctionEntry{"step", FunctionKind::Step, 1},
};

constexpr std::array<std::string_view, 2> kConstants{"pi", "e"};

const std::array<std::string_view, kFunctions.size() + kConstants.size()>& reservedNames()
{
    static const auto names = [] {
        std::array<std::string_view, kFunctions.size() + kConstants.size()> all{};
        std::size_t i = 0;
        for (const FunctionEntry& f : kFunctions) all[i++] = f.name;
        for (const std::string_view c : kConstants) all[i++] = c;
        return all;
    }();
    return names;
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Thrown only inside the parser and caught at its boundary.
struct ParseFailure {
    std::size_t position;
    std::string message;
};

// Positions in messages count characters from 1, as a user does.
std::string at(std::size_t position)
{
    return " at character " + std::to_string(position + 1);
}

struct ParsedFormula {
    GiNaC::ex expression;
    std::vector<std::string> parameterNames;  // order of first appearance
    std::vector<GiNaC::realsymbol> parameterSymbols;
    std::vector<GiNaC::ex> cornerArguments;  // d of every piecewise part: a corner may sit where d = 0
};

// ---- bounds on the symbolic work ---------------------------------------------------------------

// How many bits the numbers of an expression may reach when GiNaC multiplies them together or
// raises them to a power: an upper bound, since coefficients only combine by these operations.
constexpr double kMaxCoefficientBits = 40000.0;

double numberBits(const GiNaC::numeric& n)
{
    if (!n.is_rational()) return 64.0;
    return static_cast<double>(n.numer().int_length() + n.denom().int_length()) + 1.0;
}

double coefficientBits(const GiNaC::ex& e)
{
    if (GiNaC::is_exactly_a<GiNaC::numeric>(e)) return numberBits(GiNaC::ex_to<GiNaC::numeric>(e));
    if (GiNaC::is_exactly_a<GiNaC::power>(e) && GiNaC::is_exactly_a<GiNaC::numeric>(e.op(1))) {
        const GiNaC::numeric& n = GiNaC::ex_to<GiNaC::numeric>(e.op(1));
        return coefficientBits(e.op(0)) * std::max(1.0, std::fabs(n.to_double())) + numberBits(n);
    }
    double bits = 0.0;  // a symbol or a constant has no digits of its own
    for (std::size_t i = 0; i < e.nops(); ++i)
        bits += coefficientBits(e.op(i));
    return bits;
}

// Thrown when the symbolic work would exceed its budget; caught at the build's boundary.
struct TooComplex {
    std::string message;
};

// Upper bounds, computed before GiNaC differentiates, on the size of an expression's tree (one per
// node as op() presents it, so also what printing walks) and on the tree its derivative in z will
// have, which also bounds the work diff() does. Each rule follows how GiNaC builds the derivative
// (sum rule, n-ary product rule, the power rule in its two forms, a function's partial derivative
// times its argument's derivative), with the partial derivatives of this file's own functions.
// The walk itself stops once the tree is past the budget, so estimating is bounded too.
struct TreeSize {
    double tree = 0.0;
    double derivative = 0.0;
};

class DerivativeEstimate {
public:
    explicit DerivativeEstimate(double budget) : m_budget(budget) {}

    TreeSize of(const GiNaC::ex& e)
    {
        if (++m_visited > 4.0 * m_budget) throw TooComplex{};
        if (GiNaC::is_exactly_a<GiNaC::numeric>(e) || GiNaC::is_a<GiNaC::symbol>(e) ||
            GiNaC::is_exactly_a<GiNaC::constant>(e))
            return {1.0, 1.0};
        std::vector<TreeSize> parts;
        parts.reserve(e.nops());
        double total = 1.0;
        for (std::size_t i = 0; i < e.nops(); ++i) {
            parts.push_back(of(e.op(i)));
            total += parts.back().tree;
        }
        if (GiNaC::is_exactly_a<GiNaC::add>(e)) {
            // A term's derivative may be a sum that a number in front is then distributed over,
            // giving each of its terms a coefficient: two more symbols per term at most.
            double d = 1.0;
            for (const TreeSize& p : parts)
                d += p.derivative + 3.0;
            return {total, d};
        }
        if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
            // D(a·b·c) = D(a)·b·c + a·D(b)·c + a·b·D(c); a factor xⁿ is differentiated in place as
            // n·xⁿ⁻¹·D(x), which its own estimate (a power) already covers.
            double d = 1.0;
            for (const TreeSize& p : parts)
                d += (total - p.tree) + p.derivative + 3.0;
            return {total, d};
        }
        if (GiNaC::is_exactly_a<GiNaC::power>(e)) {
            const TreeSize& b = parts[0];
            const TreeSize& x = parts[1];
            if (GiNaC::is_exactly_a<GiNaC::numeric>(e.op(1))) return {total, b.tree + b.derivative + 6.0};
            // D(bˣ) = bˣ·(D(x)·ln b + x·D(b)·b⁻¹)
            return {total, total + x.derivative + b.tree + x.tree + b.derivative + b.tree + 10.0};
        }
        if (GiNaC::is_a<GiNaC::function>(e)) return {total, total + functionDerivative(e, parts)};
        // Nothing else is built by the parser; should it appear, every part is assumed copied twice.
        double d = 2.0 * total;
        for (const TreeSize& p : parts)
            d += p.derivative;
        return {total, d};
    }

private:
    // Σ over arguments of (partial derivative + D(argument) + the product joining them). The slack
    // covers GiNaC's own rewrites of a partial derivative (cos(atan x) becomes (1 + x²)^(−1/2)).
    static double functionDerivative(const GiNaC::ex& e, const std::vector<TreeSize>& args)
    {
        const std::string name = GiNaC::ex_to<GiNaC::function>(e).get_name();
        double arguments = 0.0;
        double argumentDerivatives = 0.0;
        for (const TreeSize& a : args) {
            arguments += a.tree;
            argumentDerivatives += a.derivative;
        }
        double copies = 1.0;     // how often the partial derivative repeats the arguments
        double derivatives = 0;  // ... and their derivatives (the selector's tie-break)
        if (name == "ax_sigmoid" || name == "ax_sech2")
            copies = 2.0;
        else if (name == "ax_abs" || name == "ax_max" || name == "ax_min")
            derivatives = 1.0;
        else if (name == "ax_right" || name == "ax_left" || name == "ax_sign")
            copies = 0.0;
        const double partials = static_cast<double>(args.size()) *
                                (copies * arguments + derivatives * argumentDerivatives + 10.0);
        return partials + argumentDerivatives + 3.0 * static_cast<double>(args.size());
    }

    double m_budget;
    double m_visited = 0.0;
};

// The estimate for e's derivative; throws TooComplex past the budget.
double derivativeSize(const GiNaC::ex& e)
{
    DerivativeEstimate estimate(kMaxDerivativeSize);
    const double size = estimate.of(e).derivative;
    if (!(size <= kMaxDerivativeSize)) throw TooComplex{};
    return size;
}

// An upper bound on the degree in z of a polynomial, or −1 when e is not seen to be one; unlike
// expand() it never multiplies anything out, so (a + z)^40 costs nothing.
int degreeBound(const GiNaC::ex& e, const GiNaC::ex& z)
{
    if (!e.has(z)) return 0;
    if (e.is_equal(z)) return 1;
    if (GiNaC::is_exactly_a<GiNaC::add>(e) || GiNaC::is_exactly_a<GiNaC::mul>(e)) {
        int degree = 0;
        for (std::size_t i = 0; i < e.nops(); ++i) {
            const int d = degreeBound(e.op(i), z);
            if (d < 0) return -1;
            degree = GiNaC::is_exactly_a<GiNaC::add>(e) ? std::max(degree, d) : degree + d;
            if (degree > 2) return -1;
        }
        return degree;
    }
    if (GiNaC::is_exactly_a<GiNaC::power>(e) && GiNaC::is_exactly_a<GiNaC::numeric>(e.op(1))) {
        const GiNaC::numeric& n = GiNaC::ex_to<GiNaC::numeric>(e.op(1));
        if (!n.is_pos_integer() || n > 2) return -1;
        const int d = degreeBound(e.op(0), z);
        return d < 0 ? -1 : d * n.to_int();
    }
    return -1;
}

std::string latexSymbolName(const std::string& name)
{
    static const std::map<std::string, std::string, std::less<>> greek{
        {"alpha", "\\alpha"}, {"beta", "\\beta"},   {"gamma", "\\gamma"}, {"delta", "\\delta"},
        {"lambda", "\\lambda"}, {"mu", "\\mu"},     {"sigma", "\\sigma"}, {"theta", "\\theta"},
        {"tau", "\\tau"},     {"kappa", "\\kappa"}, {"eta", "\\eta"},     {"omega", "\\omega"},
        {"epsilon", "\\epsilon"}, {"rho", "\\rho"}, {"nu", "\\nu"},       {"phi", "\\phi"},
    };
    const auto it = greek.find(name);
    if (it != greek.end()) return it->second;
    // Multi-letter names stay upright words; underscores would start a subscript.
    std::string escaped;
    for (const char c : name) {
        if (c == '_') escaped += "\\_";
        else escaped += c;
    }
    return name.size() == 1 ? escaped : "\\mathrm{" + escaped + "}";
}

std::string unicodeSymbol(const std::string& name)
{
    static const std::map<std::string, std::string, std::less<>> greek{
        {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"lambda", "λ"}, {"mu", "μ"},
        {"sigma", "σ"}, {"theta", "θ"}, {"tau", "τ"}, {"kappa", "κ"}, {"eta", "η"}, {"omega", "ω"},
        {"epsilon", "ε"}, {"rho", "ρ"}, {"nu", "ν"}, {"phi", "φ"},
    };
    const auto it = greek.find(name);
    return it == greek.end() ? name : it->second;
}

// expression := term (('+' | '-') term)*
// term       := unary (('*' | '/') unary)*
// unary      := ('+' | '-') unary | power
// power      := primary (('^' | '**') unary)?      right-associative, binds tighter than unary minus
// primary    := number | name | name '(' expression (',' expression)* ')' | '(' expression ')'
class Parser {
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    ParsedFormula parse()
    {
        if (m_text.size() > kMaxFormulaLength)
            throw ParseFailure{kMaxFormulaLength, "the formula is " + std::to_string(m_text.size()) +
                                                      " characters long; at most " +
                                                      std::to_string(kMaxFormulaLength) + " are allowed"};
        skipSpace();
        if (m_pos == m_text.size()) throw ParseFailure{0, "the formula is empty"};
        m_result.expression = expression();
        skipSpace();
        if (m_pos < m_text.size()) {
            if (m_text[m_pos] == ')') throw ParseFailure{m_pos, "unexpected ')'" + at(m_pos) + " (no '(' to close)"};
            const std::string what = describe(m_pos);
            const bool stray = what.starts_with("character") || what.starts_with("non-ASCII");
            throw ParseFailure{m_pos, "unexpected " + what + at(m_pos) + (stray ? "" : " (missing operator?)")};
        }
        return std::move(m_result);
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
    }

    [[nodiscard]] bool peek(char c)
    {
        skipSpace();
        return m_pos < m_text.size() && m_text[m_pos] == c;
    }

    [[nodiscard]] std::string describe(std::size_t position) const
    {
        if (position >= m_text.size()) return "end of formula";
        const auto c = static_cast<unsigned char>(m_text[position]);
        if (c >= 0x80) return "non-ASCII character";
        if (std::isalpha(c) || c == '_') {
            std::size_t end = position;
            while (end < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
                ++end;
            return "'" + std::string(m_text.substr(position, end - position)) + "'";
        }
        if (std::isdigit(c) || c == '.') return "number";
        if (std::strchr("+-*/^(),", static_cast<int>(c)) == nullptr)
            return "character '" + std::string(1, static_cast<char>(c)) + "'";
        return "'" + std::string(1, static_cast<char>(c)) + "'";
    }

    [[noreturn]] void expected(const char* what)
    {
        skipSpace();
        if (m_pos < m_text.size()) {
            const auto c = static_cast<unsigned char>(m_text[m_pos]);
            const bool known = std::isalnum(c) || c == '_' || c == '.' || std::strchr("+-*/^(),", c) != nullptr;
            if (!known) throw ParseFailure{m_pos, "unexpected " + describe(m_pos) + at(m_pos)};
        }
        throw ParseFailure{m_pos, "unexpected " + describe(m_pos) + at(m_pos) + " (expected " + what + ")"};
    }

    GiNaC::ex expression()
    {
        GiNaC::ex value = term();
        while (true) {
            if (peek('+')) {
                ++m_pos;
                value = value + term();
            } else if (peek('-')) {
                ++m_pos;
                value = value - term();
            } else {
                return value;
            }
        }
    }

    GiNaC::ex term()
    {
        GiNaC::ex value = unary();
        while (true) {
            skipSpace();
            if (m_pos + 1 < m_text.size() && m_text[m_pos] == '*' && m_text[m_pos + 1] == '*') return value;
            if (peek('*')) {
                ++m_pos;
                value = value * unary();
            } else if (peek('/')) {
                ++m_pos;
                value = value / unary();
            } else {
                return value;
            }
        }
    }

    // Every nested construct (parenthesis, call argument, exponent, sign) passes through unary(), so
    // counting here bounds the recursion of the parser and of every later walk over the expression.
    class NestingGuard {
    public:
        explicit NestingGuard(Parser& parser) : m_parser(parser)
        {
            if (++m_parser.m_depth > kMaxFormulaNesting) {
                m_parser.skipSpace();
                throw ParseFailure{m_parser.m_pos, "the formula nests more than " +
                                                       std::to_string(kMaxFormulaNesting) + " levels deep" +
                                                       at(m_parser.m_pos) +
                                                       " (parentheses, calls, powers and signs)"};
            }
        }
        ~NestingGuard() { --m_parser.m_depth; }
        NestingGuard(const NestingGuard&) = delete;
        NestingGuard& operator=(const NestingGuard&) = delete;

    private:
        Parser& m_parser;
    };

    GiNaC::ex unary()
    {
        const NestingGuard guard(*this);
        if (peek('-')) {
            ++m_pos;
            return -unary();
        }
        if (peek('+')) {
            ++m_pos;
            return unary();
        }
        return power();
    }

    GiNaC::ex power()
    {
        const GiNaC::ex base = primary();
        skipSpace();
        const std::size_t operatorAt = m_pos;
        if (peek('^')) {
            ++m_pos;
            return raise(base, unary(), operatorAt);
        }
        if (m_pos + 1 < m_text.size() && m_text[m_pos] == '*' && m_text[m_pos + 1] == '*') {
            m_pos += 2;
            return raise(base, unary(), operatorAt);
        }
        return base;
    }

    // GiNaC evaluates a power of two numbers exactly, digit by digit: "9^9^9" would take hours and
    // all memory while the user is still typing. Constants beyond double precision are refused first.
    GiNaC::ex raise(const GiNaC::ex& base, const GiNaC::ex& exponent, std::size_t operatorAt)
    {
        if (GiNaC::is_a<GiNaC::numeric>(exponent)) {
            // A whole power of a product is distributed over its factors, numbers included
            // ((2·z)^n becomes 2^n·zⁿ), and a power of a fraction keeps every digit (1.0000001^1e9):
            // the digits such a power can reach are bounded before GiNaC computes them.
            const double power = std::fabs(GiNaC::ex_to<GiNaC::numeric>(exponent).to_double());
            if (!(power * coefficientBits(base) <= kMaxCoefficientBits))
                throw ParseFailure{operatorAt, GiNaC::is_a<GiNaC::numeric>(base)
                                                   ? "number out of range" + at(operatorAt)
                                                   : "power too large for exact arithmetic" + at(operatorAt)};
        }
        if (GiNaC::is_a<GiNaC::numeric>(base) && GiNaC::is_a<GiNaC::numeric>(exponent)) {
            const double magnitude = std::fabs(GiNaC::ex_to<GiNaC::numeric>(base).to_double());
            const double power = GiNaC::ex_to<GiNaC::numeric>(exponent).to_double();
            if (magnitude != 0.0 && magnitude != 1.0 && !(std::fabs(power * std::log10(magnitude)) <= 330.0))
                throw ParseFailure{operatorAt, "number out of range" + at(operatorAt)};
            // GiNaC throws for these from inside a half-built term, which it then never frees.
            if (magnitude == 0.0 && !(power > 0.0))
                throw ParseFailure{operatorAt, "0 to a power that is not positive is undefined" + at(operatorAt)};
        }
        return GiNaC::pow(base, exponent);
    }

    GiNaC::ex primary()
    {
        skipSpace();
        if (m_pos >= m_text.size()) expected("a number, a name or '('");
        const char c = m_text[m_pos];
        if (c == '(') {
            const std::size_t open = m_pos++;
            GiNaC::ex inner = expression();
            closeParenthesis(open);
            return inner;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') return name();
        expected("a number, a name or '('");
    }

    void closeParenthesis(std::size_t open)
    {
        if (peek(')')) {
            ++m_pos;
            return;
        }
        if (m_pos >= m_text.size())
            throw ParseFailure{m_pos, "missing ')'" + at(m_pos) + " to close the '('" + at(open)};
        expected("')' or an operator");
    }

    // Decimal literals become exact rationals, so the derivatives print as exact fractions.
    GiNaC::ex number()
    {
        const std::size_t start = m_pos;
        std::string digits;
        long long scale = 0;  // value = digits · 10^scale
        bool anyDigit = false;
        while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
            digits += m_text[m_pos++];
            anyDigit = true;
        }
        if (m_pos < m_text.size() && m_text[m_pos] == '.') {
            ++m_pos;
            while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
                digits += m_text[m_pos++];
                --scale;
                anyDigit = true;
            }
        }
        bool malformed = !anyDigit;
        if (!malformed && m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
            // "2e" followed by a name character is a malformed number, not 2·e.
            std::size_t p = m_pos + 1;
            if (p < m_text.size() && (m_text[p] == '+' || m_text[p] == '-')) ++p;
            if (p < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[p]))) {
                long long exponent = 0;
                const auto r = std::from_chars(m_text.data() + m_pos + 1 + (m_text[m_pos + 1] == '+' ? 1 : 0),
                                               m_text.data() + m_text.size(), exponent);
                if (r.ec != std::errc{} || exponent > 400 || exponent < -400)
                    throw ParseFailure{start, "number out of range" + at(start)};
                m_pos = static_cast<std::size_t>(r.ptr - m_text.data());
                scale += exponent;
            } else {
                malformed = true;
                m_pos = p;
            }
        }
        while (m_pos < m_text.size() &&
               (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '.' || m_text[m_pos] == '_')) {
            malformed = true;
            ++m_pos;
        }
        if (malformed)
            throw ParseFailure{start, "malformed number '" + std::string(m_text.substr(start, m_pos - start)) + "'" +
                                          at(start)};
        const std::size_t firstNonZero = digits.find_first_not_of('0');
        if (firstNonZero == std::string::npos) return 0;
        digits.erase(0, firstNonZero);
        const long long magnitude = static_cast<long long>(digits.size()) + scale;
        if (magnitude > 309) throw ParseFailure{start, "number out of range" + at(start)};
        const GiNaC::numeric mantissa(digits.c_str());
        return mantissa * GiNaC::pow(GiNaC::numeric(10), GiNaC::numeric(static_cast<long>(scale)));
    }

    GiNaC::ex name()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() &&
               (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) || m_text[m_pos] == '_'))
            ++m_pos;
        const std::string word(m_text.substr(start, m_pos - start));
        const bool call = peek('(');
        const auto function = std::find_if(kFunctions.begin(), kFunctions.end(),
                                           [&](const FunctionEntry& f) { return f.name == word; });
        if (call) {
            if (function == kFunctions.end()) throw unknownFunction(word, start);
            return callFunction(*function, start);
        }
        if (function != kFunctions.end())
            throw ParseFailure{start, "'" + word + "' is a function" + at(start) + ": write " + word + "(...)"};
        if (word == "z") return symbolic::variable();
        if (word == "pi") return GiNaC::Pi;
        if (word == "e") return GiNaC::exp(GiNaC::ex(1));
        return parameter(word, start);
    }

    // A suggestion only for a near miss: one edit in a name of up to five letters, two in a longer
    // one. "foo" is as far from "log" as from "cos"; guessing would mislead, so the known names are
    // listed instead.
    ParseFailure unknownFunction(const std::string& word, std::size_t start) const
    {
        const std::size_t allowed = word.size() <= 5 ? 1 : 2;
        std::string best;
        std::size_t bestDistance = allowed + 1;
        for (const FunctionEntry& f : kFunctions) {
            const std::size_t d = editDistance(word, f.name);
            if (d < bestDistance) {
                bestDistance = d;
                best = f.name;
            }
        }
        std::string message = "unknown function '" + word + "'" + at(start);
        if (!best.empty()) return ParseFailure{start, message + " (did you mean " + std::string(best) + "?)"};
        message += "; the functions are";
        for (std::size_t i = 0; i < kFunctions.size(); ++i)
            message += (i == 0 ? " " : ", ") + std::string(kFunctions[i].name);
        return ParseFailure{start, message};
    }

    GiNaC::ex parameter(const std::string& word, std::size_t start)
    {
        const auto known = std::find(m_result.parameterNames.begin(), m_result.parameterNames.end(), word);
        if (known != m_result.parameterNames.end())
            return m_result.parameterSymbols[static_cast<std::size_t>(known - m_result.parameterNames.begin())];
        if (m_result.parameterNames.size() == kMaxParameters)
            throw ParseFailure{start, "too many parameters: '" + word + "'" + at(start) + " would be number " +
                                          std::to_string(kMaxParameters + 1) + ", at most " +
                                          std::to_string(kMaxParameters) + " are allowed"};
        m_result.parameterNames.push_back(word);
        m_result.parameterSymbols.emplace_back(word, latexSymbolName(word));
        return m_result.parameterSymbols.back();
    }

    GiNaC::ex callFunction(const FunctionEntry& function, std::size_t start)
    {
        skipSpace();
        const std::size_t open = m_pos++;  // the '(' seen by name()
        std::vector<GiNaC::ex> arguments;
        if (peek(')')) {
            throw ParseFailure{m_pos, std::string(function.name) + " needs " + std::to_string(function.arity) +
                                          (function.arity == 1 ? " argument" : " arguments") + at(m_pos)};
        }
        arguments.push_back(expression());
        while (peek(',')) {
            ++m_pos;
            arguments.push_back(expression());
        }
        closeParenthesis(open);
        if (static_cast<int>(arguments.size()) != function.arity)
            throw ParseFailure{start, std::string(function.name) + " takes " + std::to_string(function.arity) +
                                          (function.arity == 1 ? " argument" : " arguments") + ", not " +
                                          std::to_string(arguments.size()) + at(start)};
        const GiNaC::ex& x = arguments[0];
        switch (function.kind) {
            case FunctionKind::Exp: return GiNaC::exp(x);
            case FunctionKind::Log: return GiNaC::log(x);
            case FunctionKind::Log1p: return symbolic::ax_log1p(x);
            case FunctionKind::Expm1: return symbolic::ax_expm1(x);
            case FunctionKind::Sqrt: return GiNaC::sqrt(x);
            case FunctionKind::Sin: return GiNaC::sin(x);
            case FunctionKind::Cos: return GiNaC::cos(x);
            case FunctionKind::Tan: return GiNaC::tan(x);
            case FunctionKind::Tanh: return symbolic::ax_tanh(x);
            case FunctionKind::Sinh: return GiNaC::sinh(x);
            case FunctionKind::Cosh: return GiNaC::cosh(x);
            case FunctionKind::Atan: return GiNaC::atan(x);
            case FunctionKind::Erf: return symbolic::ax_erf(x);
            case FunctionKind::Erfc: return symbolic::ax_erfc(x);
            case FunctionKind::Sigmoid: return symbolic::ax_sigmoid(x);
            case FunctionKind::Softplus: return symbolic::ax_softplus(x);
            case FunctionKind::Abs:
                m_result.cornerArguments.push_back(x);
                return symbolic::ax_abs(x);
            case FunctionKind::Max:
                m_result.cornerArguments.push_back(x - arguments[1]);
                return symbolic::ax_max(x, arguments[1]);
            case FunctionKind::Min:
                m_result.cornerArguments.push_back(x - arguments[1]);
                return symbolic::ax_min(x, arguments[1]);
            case FunctionKind::Relu:
                m_result.cornerArguments.push_back(x);
                return symbolic::ax_max(x, 0);
            case FunctionKind::Step:
                m_result.cornerArguments.push_back(x);
                return symbolic::selector(x);
        }
        return x;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
    ParsedFormula m_result;
};

// ---- printing: the formula grammar and muParser's ----------------------------------------------

enum class Dialect { Text, MuParser };

constexpr int kPrecAdd = 1;
constexpr int kPrecMul = 2;
constexpr int kPrecPow = 3;
constexpr int kPrecAtom = 4;

std::string doubleText(double value)
{
    char buffer[40];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, r.ptr);
}

// Thrown when an expression holds something the evaluator cannot represent.
struct UnsupportedExpression {
    std::string what;
};

class ExpressionPrinter {
public:
    ExpressionPrinter(Dialect dialect, const ParsedFormula& formula) : m_dialect(dialect), m_formula(formula) {}

    [[nodiscard]] std::string print(const GiNaC::ex& e) const { return printAt(e, 0); }

private:
    struct Printed {
        std::string text;
        int precedence;
    };

    std::string printAt(const GiNaC::ex& e, int parentPrecedence) const
    {
        Printed p = printed(e);
        if (p.precedence < parentPrecedence) return "(" + p.text + ")";
        return p.text;
    }

    [[nodiscard]] bool isNegative(const GiNaC::ex& e) const
    {
        if (GiNaC::is_exactly_a<GiNaC::numeric>(e)) return GiNaC::ex_to<GiNaC::numeric>(e).is_negative();
        if (GiNaC::is_exactly_a<GiNaC::mul>(e)) {
            const GiNaC::ex last = e.op(e.nops() - 1);
            return GiNaC::is_exactly_a<GiNaC::numeric>(last) && GiNaC::ex_to<GiNaC::numeric>(last).is_negative();
        }
        return false;
    }

    Printed number(const GiNaC::numeric& n) const
    {
        if (!n.is_real()) throw UnsupportedExpression{"a complex number"};
        if (m_dialect == Dialect::MuParser || !n.is_rational()) {
            const double value = n.to_double();
            return {doubleText(value), value < 0.0 ? kPrecAdd : kPrecAtom};
        }
        std::ostringstream os;
        os << n;
        return {os.str(), n.is_negative() ? kPrecAdd : (n.is_integer() ? kPrecAtom : kPrecMul)};
    }

    Printed printed(const GiNaC::ex& e) const
    {
        if (GiNaC::is_exactly_a<GiNaC::numeric>(e)) return number(GiNaC::ex_to<GiNaC::numeric>(e));
        if (GiNaC::is_a<GiNaC::symbol>(e)) return {symbolName(GiNaC::ex_to<GiNaC::symbol>(e)), kPrecAtom};
        if (GiNaC::is_exactly_a<GiNaC::constant>(e)) {
            // muParser's own _pi holds only 13 digits: write the constant out in full.
            if (e.is_equal(GiNaC::Pi)) return {m_dialect == Dialect::Text ? "pi" : doubleText(std::numbers::pi), kPrecAtom};
            std::ostringstream os;
            os << e;
            throw UnsupportedExpression{"the constant " + os.str()};
        }
        if (GiNaC::is_exactly_a<GiNaC::add>(e)) return sum(e);
        if (GiNaC::is_exactly_a<GiNaC::mul>(e)) return product(e);
        if (GiNaC::is_exactly_a<GiNaC::power>(e)) return powerOf(e.op(0), e.op(1));
        if (GiNaC::is_a<GiNaC::function>(e)) return call(e);
        std::ostringstream os;
        os << e;
        throw UnsupportedExpression{"'" + os.str() + "'"};
    }

    std::string symbolName(const GiNaC::symbol& s) const
    {
        if (s.get_name() == "z") return "z";
        for (std::size_t i = 0; i < m_formula.parameterSymbols.size(); ++i) {
            if (s.is_equal(m_formula.parameterSymbols[i]))
                return m_dialect == Dialect::Text ? m_formula.parameterNames[i] : "p" + std::to_string(i);
        }
        throw UnsupportedExpression{"the symbol " + s.get_name()};
    }

    Printed sum(const GiNaC::ex& e) const
    {
        std::string text;
        for (std::size_t i = 0; i < e.nops(); ++i) {
            const GiNaC::ex term = e.op(i);
            if (i == 0) {
                text = printAt(term, kPrecAdd);
            } else if (isNegative(term)) {
                text += " - " + printAt(-term, kPrecMul);
            } else {
                text += " + " + printAt(term, kPrecAdd);
            }
        }
        return {text, kPrecAdd};
    }

    Printed product(const GiNaC::ex& e) const
    {
        GiNaC::numeric coefficient(1);
        std::vector<GiNaC::ex> numerator;
        std::vector<GiNaC::ex> denominator;
        for (std::size_t i = 0; i < e.nops(); ++i) {
            const GiNaC::ex factor = e.op(i);
            if (GiNaC::is_exactly_a<GiNaC::numeric>(factor)) {
                coefficient *= GiNaC::ex_to<GiNaC::numeric>(factor);
            } else if (GiNaC::is_exactly_a<GiNaC::power>(factor) && GiNaC::is_exactly_a<GiNaC::numeric>(factor.op(1)) &&
                       GiNaC::ex_to<GiNaC::numeric>(factor.op(1)).is_negative()) {
                denominator.push_back(GiNaC::pow(factor.op(0), -factor.op(1)));
            } else {
                numerator.push_back(factor);
            }
        }
        const bool negative = coefficient.is_negative();
        if (negative) coefficient = -coefficient;
        if (coefficient.is_rational() && m_dialect == Dialect::Text) {
            if (coefficient.numer() != 1) numerator.insert(numerator.begin(), coefficient.numer());
            if (coefficient.denom() != 1) denominator.insert(denominator.begin(), coefficient.denom());
        } else if (coefficient != 1) {
            numerator.insert(numerator.begin(), coefficient);
        }
        std::string text;
        for (const GiNaC::ex& factor : numerator) text += (text.empty() ? "" : "*") + printAt(factor, kPrecMul);
        if (text.empty()) text = "1";
        if (!denominator.empty()) {
            std::string below;
            for (const GiNaC::ex& factor : denominator) below += (below.empty() ? "" : "*") + printAt(factor, kPrecMul);
            text += "/" + (denominator.size() == 1 ? printAt(denominator[0], kPrecPow) : "(" + below + ")");
        }
        if (!negative) return {text, kPrecMul};
        // In muParser the sign is applied to a parenthesised group, so its precedence of unary minus
        // against '^' never matters.
        if (m_dialect == Dialect::MuParser) return {"-(" + text + ")", kPrecAdd};
        return {"-" + text, kPrecAdd};
    }

    Printed powerOf(const GiNaC::ex& base, const GiNaC::ex& exponent) const
    {
        if (GiNaC::is_exactly_a<GiNaC::numeric>(exponent)) {
            const GiNaC::numeric& n = GiNaC::ex_to<GiNaC::numeric>(exponent);
            if (n == GiNaC::numeric(1, 2)) return {"sqrt(" + printAt(base, 0) + ")", kPrecAtom};
            if (n.is_negative()) {
                return {"1/" + printAt(GiNaC::pow(base, -exponent), kPrecPow), kPrecMul};
            }
            if (m_dialect == Dialect::MuParser) {
                if (n == 2) return {"sq(" + printAt(base, 0) + ")", kPrecAtom};
                if (n == 3) return {"cube(" + printAt(base, 0) + ")", kPrecAtom};
                if (n == GiNaC::numeric(3, 2)) {
                    const std::string b = printAt(base, 0);
                    return {"(" + b + ")*sqrt(" + b + ")", kPrecMul};
                }
            }
        }
        return {printAt(base, kPrecAtom) + "^" + printAt(exponent, kPrecAtom), kPrecPow};
    }

    Printed call(const GiNaC::ex& e) const
    {
        const std::string name = GiNaC::ex_to<GiNaC::function>(e).get_name();
        const bool text = m_dialect == Dialect::Text;
        std::string target;
        if (name == "exp" && e.op(0).is_equal(1)) return {text ? "e" : doubleText(std::numbers::e), kPrecAtom};
        if (name == "exp" || name == "sin" || name == "cos" || name == "tan" || name == "tanh" || name == "sinh" ||
            name == "cosh" || name == "atan")
            target = name;
        else if (name == "log") target = text ? "log" : "ln";
        else if (name == "abs" || name == "ax_abs") target = "abs";
        else if (name == "ax_sigmoid") target = text ? "sigmoid" : "sigm";
        else if (name == "ax_softplus") target = text ? "softplus" : "splus";
        else if (name == "ax_sech2") {
            if (text) return {"(1 - tanh(" + printAt(e.op(0), 0) + ")^2)", kPrecAtom};
            target = "sech2";
        } else if (name == "ax_right" || name == "ax_left" || name == "ax_sign") {
            if (text) {
                const std::string step = "step(" + printAt(e.op(0), 0) + ")";
                if (name == "ax_right") return {step, kPrecAtom};
                if (name == "ax_left") return {"(1 - " + step + ")", kPrecAtom};
                return {"(2*" + step + " - 1)", kPrecAtom};
            }
            target = name == "ax_sign" ? "sgn2" : name.substr(3);
        } else if (name.starts_with("ax_")) target = name.substr(3); else if (name == "step") target = text ? "step" : "halfstep";
        else if (name == "csgn") target = "sign";
        else throw UnsupportedExpression{"the function " + name};
        std::string arguments;
        for (std::size_t i = 0; i < e.nops(); ++i) arguments += (i ? ", " : "") + printAt(e.op(i), 0);
        return {target + "(" + arguments + ")", kPrecAtom};
    }

    Dialect m_dialect;
    const ParsedFormula& m_formula;
};

std::string latexOf(const GiNaC::ex& e)
{
    std::ostringstream os;
    os << GiNaC::latex << e;
    return os.str();
}

// ---- compiled evaluation -----------------------------------------------------------------------

double muSigmoid(double x) { return logistic(x).s; }
double muSoftplus(double x) { return log1pexp(x); }
double muErf(double x) { return std::erf(x); }
double muErfc(double x) { return std::erfc(x); }
double muLog1p(double x) { return std::log1p(x); }
double muExpm1(double x) { return std::expm1(x); }
double muSquare(double x) { return x * x; }
double muCube(double x) { return x * x * x; }
double muRight(double d, double dd)
{
    if (std::isnan(d)) return kNaN;
    return d > 0.0 || (d == 0.0 && dd >= 0.0) ? 1.0 : 0.0;
}
double muLeft(double d, double dd)
{
    if (std::isnan(d)) return kNaN;
    return 1.0 - muRight(d, dd);
}
double muSign(double d, double dd)
{
    if (std::isnan(d)) return kNaN;
    return 2.0 * muRight(d, dd) - 1.0;
}
// 1 − tanh²x as 4e/(1 + e)² with e = e^(−2|x|): no cancellation where tanh is near ±1.
double muSech2(double x)
{
    const double e = std::exp(-2.0 * std::fabs(x));
    const double q = 1.0 + e;
    return (4.0 * e / q) / q;
}
double muHalfStep(double x)
{
    if (std::isnan(x)) return kNaN;
    return x > 0.0 ? 1.0 : (x < 0.0 ? 0.0 : 0.5);
}

// Where a corner of a piecewise part may sit: the zero of d, linear in z (found in closed form)
// or not (found by a scan).
struct CornerProgram {
    bool linear = true;
    std::size_t slope = 0;   // program indices
    std::size_t offset = 0;
    std::size_t argument = 0;
};

// f, f′, f″ and the corner arguments compiled into muParser programs sharing one set of variable
// buffers. muParser programs are stateful, so every use holds the mutex.
class CompiledFormula {
public:
    explicit CompiledFormula(std::size_t parameterCount) : m_parameterCount(parameterCount)
    {
        m_z.assign(1, 0.0);
        for (auto& buffer : m_p) buffer.assign(1, 0.0);
    }

    CompiledFormula(const CompiledFormula&) = delete;
    CompiledFormula& operator=(const CompiledFormula&) = delete;

    // Adds a program; throws mu::ParserError if the text does not compile.
    std::size_t add(const std::string& text)
    {
        auto parser = std::make_unique<mu::Parser>();
        parser->DefineFun("sigm", &muSigmoid);
        parser->DefineFun("splus", &muSoftplus);
        parser->DefineFun("erf", &muErf);
        parser->DefineFun("erfc", &muErfc);
        parser->DefineFun("log1p", &muLog1p);
        parser->DefineFun("expm1", &muExpm1);
        parser->DefineFun("sq", &muSquare);
        parser->DefineFun("cube", &muCube);
        parser->DefineFun("right", &muRight);
        parser->DefineFun("left", &muLeft);
        parser->DefineFun("sgn2", &muSign);
        parser->DefineFun("sech2", &muSech2);
        parser->DefineFun("halfstep", &muHalfStep);
        parser->DefineVar("z", m_z.data());
        for (std::size_t i = 0; i < m_parameterCount; ++i) parser->DefineVar("p" + std::to_string(i), m_p[i].data());
        parser->SetExpr(text);
        parser->Eval();  // compiles now, so errors surface at build time
        m_programs.push_back(std::move(parser));
        return m_programs.size() - 1;
    }

    void addCorner(CornerProgram corner) { m_corners.push_back(corner); }

    [[nodiscard]] Derivatives evaluate(double z, const ParameterValues& p) noexcept
    {
        const std::lock_guard lock(m_mutex);
        setPoint(z, p);
        const double f = run(0);
        // Where f itself is undefined its derivatives mean nothing (log z has f′ = 1/z for z < 0).
        if (!std::isfinite(f)) return {f, kNaN, kNaN};
        return {f, run(1), run(2)};
    }

    // One lock for the whole batch, then muParser's single-point path per point: its bulk mode
    // spreads the work over OpenMP threads, which on a busy two-core machine cost far more than
    // it saved (measured: tens of milliseconds instead of under one).
    void evaluateMany(std::span<const double> z, const ParameterValues& p, std::span<double> f, std::span<double> d1,
                      std::span<double> d2) noexcept
    {
        const std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < m_parameterCount; ++i) m_p[i][0] = p[i];
        for (std::size_t i = 0; i < z.size(); ++i) {
            m_z[0] = z[i];
            f[i] = run(0);
            d1[i] = std::isfinite(f[i]) ? run(1) : kNaN;
            d2[i] = std::isfinite(f[i]) ? run(2) : kNaN;
        }
    }

    // Candidate corners: zeros of each corner argument.
    [[nodiscard]] std::vector<double> cornerCandidates(const ParameterValues& p) noexcept
    {
        const std::lock_guard lock(m_mutex);
        std::vector<double> result;
        for (const CornerProgram& corner : m_corners) {
            if (corner.linear) {
                setPoint(0.0, p);
                const double slope = run(corner.slope);
                const double offset = run(corner.offset);
                if (slope != 0.0 && std::isfinite(slope) && std::isfinite(offset)) result.push_back(-offset / slope);
            } else {
                scanZeros(corner.argument, p, result);
            }
        }
        return result;
    }

private:
    void setPoint(double z, const ParameterValues& p) noexcept
    {
        m_z[0] = z;
        for (std::size_t i = 0; i < m_parameterCount; ++i) m_p[i][0] = p[i];
    }

    [[nodiscard]] double run(std::size_t program) noexcept
    {
        try {
            return m_programs[program]->Eval();
        } catch (const mu::Parser::exception_type&) {
            return kNaN;
        }
    }

    // Sign changes of d on a grid uniform in asinh(z) over [−10⁴, 10⁴] (fine near 0, coarse far
    // out), each refined by bisection; exact zeros on the grid count too.
    void scanZeros(std::size_t program, const ParameterValues& p, std::vector<double>& out) noexcept
    {
        constexpr int kHalf = 2000;
        const double uMax = std::asinh(1e4);
        auto d = [&](double z) {
            setPoint(z, p);
            return run(program);
        };
        double previousZ = std::sinh(-uMax);
        double previous = d(previousZ);
        for (int i = -kHalf + 1; i <= kHalf; ++i) {
            const double z = i == 0 ? 0.0 : std::sinh(uMax * i / kHalf);
            const double value = d(z);
            if (value == 0.0) {
                if (previous != 0.0) out.push_back(z);
            } else if (std::isfinite(value) && std::isfinite(previous) && previous != 0.0 &&
                       (value > 0.0) != (previous > 0.0)) {
                double lo = previousZ;
                double hi = z;
                const bool loPositive = previous > 0.0;
                for (int k = 0; k < 200; ++k) {
                    const double mid = 0.5 * lo + 0.5 * hi;
                    if (mid <= lo || mid >= hi) break;
                    const double m = d(mid);
                    if (m == 0.0) {
                        lo = hi = mid;
                        break;
                    }
                    if ((m > 0.0) == loPositive) lo = mid;
                    else hi = mid;
                }
                out.push_back(lo == hi ? lo : hi);
            }
            previousZ = z;
            previous = value;
        }
    }

    std::size_t m_parameterCount;
    std::vector<double> m_z;
    std::array<std::vector<double>, kMaxParameters> m_p;
    std::vector<std::unique_ptr<mu::Parser>> m_programs;  // f, f′, f″, then corner arguments
    std::vector<CornerProgram> m_corners;
    std::mutex m_mutex;
};

// Lowest derivative order (0, 1, 2) that jumps at z0, or −1 when none does: compares the
// one-sided values at two offsets, so a smooth slope (difference shrinking with the offset) is not
// mistaken for a jump.
int jumpOrder(const Activation& a, const ParameterValues& p, double z0)
{
    const double scale = std::max(1.0, std::fabs(z0));
    const auto difference = [&](double h) {
        const Derivatives left = a.evaluate(z0 - h * scale, p);
        const Derivatives right = a.evaluate(z0 + h * scale, p);
        return std::array<double, 3>{right.f - left.f, right.d1 - left.d1, right.d2 - left.d2};
    };
    const auto wide = difference(1e-4);
    const auto narrow = difference(1e-7);
    const Derivatives at = a.evaluate(z0, p);
    const std::array<double, 3> magnitude{std::fabs(at.f), std::fabs(at.d1), std::fabs(at.d2)};
    for (int order = 0; order < 3; ++order) {
        const double n = std::fabs(narrow[static_cast<std::size_t>(order)]);
        const double w = std::fabs(wide[static_cast<std::size_t>(order)]);
        if (!std::isfinite(n) || !std::isfinite(w)) continue;
        if (n > 1e-6 * (1.0 + magnitude[static_cast<std::size_t>(order)]) && n > 0.5 * w) return order;
    }
    return -1;
}

std::vector<Kink> kinksOf(const Activation& a, const std::shared_ptr<CompiledFormula>& compiled, const ParameterValues& p)
{
    std::vector<double> candidates = compiled->cornerCandidates(p);
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<Kink> kinks;
    for (const double z0 : candidates) {
        if (!std::isfinite(z0)) continue;
        const int order = jumpOrder(a, p, z0);
        if (order >= 0) kinks.push_back(Kink{z0, order});
    }
    return kinks;
}

// The window over which a custom activation's Activation::properties measures.
constexpr double kPropertyWindow = 10.0;

std::optional<FormulaError> validateSpecFields(const CustomActivationSpec& spec)
{
    if (spec.id.empty()) return FormulaError{0, "the activation needs an id"};
    if (findActivation(spec.id) != nullptr)
        return FormulaError{0, "the id '" + spec.id + "' belongs to the catalog; choose another"};
    for (const CustomParameterSpec& parameter : spec.parameters) {
        if (!std::isfinite(parameter.defaultValue) || !std::isfinite(parameter.sliderMin) ||
            !std::isfinite(parameter.sliderMax))
            return FormulaError{0, "parameter '" + parameter.name + "': default and slider ends must be finite"};
        if (!(parameter.sliderMin < parameter.sliderMax))
            return FormulaError{0, "parameter '" + parameter.name + "': the slider minimum must be below its maximum"};
        if (parameter.defaultValue < parameter.sliderMin || parameter.defaultValue > parameter.sliderMax)
            return FormulaError{0, "parameter '" + parameter.name + "': the default must lie within the slider range"};
    }
    return std::nullopt;
}

}  // namespace

std::span<const std::string_view> customFunctionNames() noexcept
{
    const auto& names = reservedNames();
    return {names.data(), names.size()};
}

FormulaCheck checkFormula(std::string_view formula)
{
    const std::lock_guard lock(symbolicMutex());
    FormulaCheck check;
    try {
        ParsedFormula parsed = Parser(formula).parse();
        check.parameterNames = std::move(parsed.parameterNames);
    } catch (const ParseFailure& failure) {
        check.error = FormulaError{failure.position, failure.message};
    } catch (const std::exception& e) {
        check.error = FormulaError{0, std::string("the formula cannot be used: ") + e.what(), false};
    }
    return check;
}

CustomParameterSpec defaultParameterSpec(std::string name, double defaultValue)
{
    CustomParameterSpec spec;
    spec.name = std::move(name);
    spec.defaultValue = defaultValue;
    if (defaultValue > 0.0) {
        spec.sliderMin = 0.0;
        spec.sliderMax = 2.0 * defaultValue;
    } else if (defaultValue < 0.0) {
        spec.sliderMin = 2.0 * defaultValue;
        spec.sliderMax = 0.0;
    } else {
        spec.sliderMin = -1.0;
        spec.sliderMax = 1.0;
    }
    return spec;
}

CustomBuildResult buildCustomActivation(const CustomActivationSpec& spec)
{
    CustomBuildResult result;
    if (auto error = validateSpecFields(spec)) {
        error->located = false;
        result.error = std::move(error);
        return result;
    }

    const std::lock_guard lock(symbolicMutex());
    try {
        ParsedFormula parsed = Parser(spec.formula).parse();
        const GiNaC::realsymbol& z = symbolic::variable();
        const GiNaC::ex f = parsed.expression;
        // Each derivative is built only once its size is known to stay within the budget, so a
        // formula whose derivatives would explode (nested abs doubles at every level) is refused
        // in a few milliseconds instead of exhausting time and memory.
        const auto differentiate = [&](const GiNaC::ex& e, const char* which) {
            try {
                static_cast<void>(derivativeSize(e));
            } catch (const TooComplex&) {
                throw TooComplex{std::string("the formula is too complex: its ") + which +
                                 " derivative would have more than " +
                                 std::to_string(static_cast<int>(kMaxDerivativeSize)) + " symbols"};
            }
            return e.diff(z);
        };
        const GiNaC::ex d1 = differentiate(f, "first");
        const GiNaC::ex d2 = differentiate(d1, "second");

        CustomActivation custom;
        custom.spec.id = spec.id;
        custom.spec.name = spec.name.empty() ? spec.formula : spec.name;
        custom.spec.formula = spec.formula;
        for (const std::string& name : parsed.parameterNames) {
            const auto given = std::find_if(spec.parameters.begin(), spec.parameters.end(),
                                            [&](const CustomParameterSpec& p) { return p.name == name; });
            custom.spec.parameters.push_back(given != spec.parameters.end() ? *given : defaultParameterSpec(name, 1.0));
        }

        const ExpressionPrinter text(Dialect::Text, parsed);
        const ExpressionPrinter compiled(Dialect::MuParser, parsed);
        custom.functionLatex = latexOf(f);
        custom.derivativeLatex = latexOf(d1);
        custom.secondDerivativeLatex = latexOf(d2);
        custom.derivativeText = text.print(d1);
        custom.secondDerivativeText = text.print(d2);

        auto program = std::make_shared<CompiledFormula>(parsed.parameterNames.size());
        const auto compile = [&](const GiNaC::ex& e, const char* what) {
            std::string source = compiled.print(e);
            if (source.size() > static_cast<std::size_t>(mu::MaxLenExpression))
                throw TooComplex{std::string("the formula is too complex: ") + what + " would be " +
                                 std::to_string(source.size()) + " characters long to evaluate, at most " +
                                 std::to_string(mu::MaxLenExpression) + " are possible"};
            return program->add(source);
        };
        compile(f, "f");
        compile(d1, "its first derivative");
        compile(d2, "its second derivative");
        for (const GiNaC::ex& argument : parsed.cornerArguments) {
            if (!argument.has(z)) continue;
            CornerProgram corner;
            if (degreeBound(argument, z) == 1) {
                // Linear in z: the slope has no z left, and the value at 0 is the offset.
                const GiNaC::ex slope = argument.diff(z);
                if (slope.has(z)) continue;
                corner.slope = compile(slope, "a corner's slope");
                corner.offset = compile(argument.subs(z == 0), "a corner's offset");
            } else {
                corner.linear = false;
                corner.argument = compile(argument, "a corner's argument");
            }
            program->addCorner(corner);
        }

        Activation& a = custom.activation;
        a.id = custom.spec.id;
        a.name = custom.spec.name;
        a.formula = spec.formula;
        for (const CustomParameterSpec& p : custom.spec.parameters) {
            Parameter parameter;
            parameter.name = p.name;
            parameter.symbol = unicodeSymbol(p.name);
            parameter.defaultValue = p.defaultValue;
            parameter.sliderMin = p.sliderMin;
            parameter.sliderMax = p.sliderMax;
            parameter.meaning = "parameter of the formula " + spec.formula;
            a.parameters.push_back(std::move(parameter));
        }
        a.evaluate = [program](double zValue, const ParameterValues& p) { return program->evaluate(zValue, p); };
        a.evaluateMany = [program](std::span<const double> zs, const ParameterValues& p, std::span<double> fs,
                                   std::span<double> d1s, std::span<double> d2s) {
            program->evaluateMany(zs, p, fs, d1s, d2s);
        };
        // The kink search and the measured properties need an activation that can evaluate but
        // does not yet know its own kinks or properties.
        Activation evaluatorOnly;
        evaluatorOnly.evaluate = a.evaluate;
        evaluatorOnly.evaluateMany = a.evaluateMany;
        a.kinks = [program, evaluatorOnly](const ParameterValues& p) { return kinksOf(evaluatorOnly, program, p); };
        Activation measurable = evaluatorOnly;
        measurable.kinks = a.kinks;
        a.properties = [measurable](const ParameterValues& p) {
            return measureProperties(measurable, p, -kPropertyWindow, kPropertyWindow);
        };
        result.custom = std::move(custom);
    } catch (const ParseFailure& failure) {
        result.error = FormulaError{failure.position, failure.message};
    } catch (const TooComplex& tooComplex) {
        result.error = FormulaError{0, tooComplex.message, false};
    } catch (const UnsupportedExpression& unsupported) {
        result.error = FormulaError{
            0, "the formula leads to " + unsupported.what + ", which cannot be evaluated", false};
    } catch (const mu::Parser::exception_type& e) {
        result.error = FormulaError{0, "the formula could not be compiled: " + e.GetMsg(), false};
    } catch (const std::exception& e) {
        result.error = FormulaError{0, std::string("the formula cannot be used: ") + e.what(), false};
    }
    return result;
}

std::string catalogFormula(std::string_view catalogId)
{
    // Written for accuracy as well as equality: expm1 where eᶻ − 1 would cancel, erfc for Φ in the
    // negative tail, the logistic form of the tanh approximation.
    static const std::map<std::string, std::string, std::less<>> formulas{
        {"identity", "z"},
        {"step", "step(z)"},
        {"sigmoid", "sigmoid(z)"},
        {"tanh", "tanh(z)"},
        {"hard_sigmoid", "min(max(z/6 + 1/2, 0), 1)"},
        {"hard_tanh", "min(max(z, -1), 1)"},
        {"softsign", "z/(1 + abs(z))"},
        {"relu", "max(0, z)"},
        {"relu6", "min(max(0, z), 6)"},
        {"leaky_relu", "max(0, z) + alpha*min(0, z)"},
        {"prelu", "max(0, z) + alpha*min(0, z)"},
        {"elu", "max(0, z) + min(0, alpha*expm1(z))"},
        {"celu", "max(0, z) + min(0, alpha*expm1(z/alpha))"},
        {"selu", "lambda*(max(0, z) + min(0, alpha*expm1(z)))"},
        {"softplus", "softplus(beta*z)/beta"},
        {"gelu", "z/2*erfc(-z/sqrt(2))"},
        {"gelu_tanh", "z*sigmoid(2*sqrt(2/pi)*(z + 0.044715*z^3))"},
        {"swish", "z*sigmoid(beta*z)"},
        {"hard_swish", "z*min(max(0, z + 3), 6)/6"},
        {"mish", "z*tanh(softplus(z))"},
        {"squareplus", "(z + sqrt(z^2 + b))/2"},
        {"gaussian", "exp(-z^2)"},
        {"snake", "z + sin(a*z)^2/a"},
    };
    const auto it = formulas.find(catalogId);
    return it == formulas.end() ? std::string{} : it->second;
}

std::optional<CustomActivationSpec> duplicateAsCustom(std::string_view catalogId, std::string newId)
{
    const Activation* original = findActivation(catalogId);
    if (original == nullptr) return std::nullopt;
    CustomActivationSpec spec;
    spec.id = std::move(newId);
    spec.name = original->name + " (custom)";
    spec.formula = catalogFormula(catalogId);
    for (const Parameter& p : original->parameters)
        spec.parameters.push_back(CustomParameterSpec{p.name, p.defaultValue, p.sliderMin, p.sliderMax});
    return spec;
}

// ---- measurements that work for any activation ------------------------------------------------

namespace {

bool finite(const Derivatives& d) noexcept { return std::isfinite(d.f) && std::isfinite(d.d1) && std::isfinite(d.d2); }

std::vector<double> gridWithKinks(const Activation& a, const ParameterValues& p, double zMin, double zMax,
                                  std::size_t count)
{
    std::vector<double> z;
    z.reserve(count + 8);
    for (std::size_t i = 0; i < count; ++i)
        z.push_back(std::lerp(zMin, zMax, static_cast<double>(i) / static_cast<double>(count - 1)));
    z.back() = zMax;
    if (zMin < 0.0 && zMax > 0.0) z.push_back(0.0);
    if (a.kinks) {
        for (const Kink& k : a.kinks(p)) {
            if (k.z > zMin && k.z < zMax) {
                z.push_back(k.z);
                z.push_back(std::nextafter(k.z, -kInf));
            }
        }
    }
    std::sort(z.begin(), z.end());
    z.erase(std::unique(z.begin(), z.end()), z.end());
    return z;
}

// The last point at which good(z) still holds, between goodZ and badZ.
template <typename Good>
double boundary(double goodZ, double badZ, Good good)
{
    return bisect(goodZ, badZ, good).same;
}

}  // namespace

std::vector<Interval> nonFiniteIntervals(const Activation& activation, const ParameterValues& p, double zMin,
                                         double zMax)
{
    std::vector<Interval> result;
    if (!(zMin < zMax) || !activation.evaluate) return result;
    const std::vector<double> z = gridWithKinks(activation, p, zMin, zMax, 4097);
    std::vector<double> f(z.size()), d1(z.size()), d2(z.size());
    evaluateAll(activation, p, z, f, d1, d2);
    const auto good = [&](double x) { return finite(activation.evaluate(x, p)); };
    const auto goodAt = [&](std::size_t i) {
        return std::isfinite(f[i]) && std::isfinite(d1[i]) && std::isfinite(d2[i]);
    };
    const auto add = [&](double lo, double hi) {
        if (!result.empty() && lo <= result.back().hi) result.back().hi = std::max(result.back().hi, hi);
        else result.push_back({lo, hi});
    };

    std::size_t i = 0;
    while (i < z.size()) {
        if (goodAt(i)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j + 1 < z.size() && !goodAt(j + 1)) ++j;
        const double lo = i == 0 ? zMin : boundary(z[i - 1], z[i], good);
        const double hi = j + 1 == z.size() ? zMax : boundary(z[j + 1], z[j], good);
        add(lo, hi);
        i = j + 1;
    }

    // Poles between two finite probes: f changes sign across them (1/z), or |f| peaks sharply
    // (1/z²). Narrowing in on such a point makes |f| grow without bound, unlike at a zero or a
    // smooth bump.
    const auto divergesBetween = [&](double lo, double hi, bool signChange) -> std::optional<Interval> {
        const auto value = [&](double x) { return activation.evaluate(x, p).f; };
        if (signChange) {
            const bool loPositive = value(lo) > 0.0;
            for (int k = 0; k < 400; ++k) {
                const double mid = 0.5 * lo + 0.5 * hi;
                if (mid == lo || mid == hi) break;
                const double m = value(mid);
                if (!std::isfinite(m)) return Interval{mid, mid};
                if ((m > 0.0) == loPositive) lo = mid;
                else hi = mid;
            }
        } else {
            for (int k = 0; k < 400; ++k) {
                const double a = lo + (hi - lo) / 3.0;
                const double b = hi - (hi - lo) / 3.0;
                if (!(a > lo && b < hi && a < b)) break;
                const double fa = std::fabs(value(a));
                const double fb = std::fabs(value(b));
                if (!std::isfinite(fa)) return Interval{a, a};
                if (!std::isfinite(fb)) return Interval{b, b};
                if (fa < fb) lo = a;
                else hi = b;
            }
        }
        const double edge = std::min(std::fabs(value(lo)), std::fabs(value(hi)));
        if (!(edge < 1e100)) return Interval{lo, hi};
        return std::nullopt;
    };
    std::vector<Interval> poles;
    for (std::size_t k = 0; k + 1 < z.size(); ++k) {
        if (!goodAt(k) || !goodAt(k + 1)) continue;
        if ((f[k] > 0.0 && f[k + 1] < 0.0) || (f[k] < 0.0 && f[k + 1] > 0.0)) {
            if (auto pole = divergesBetween(z[k], z[k + 1], true)) poles.push_back(*pole);
        }
        if (k > 0 && goodAt(k - 1)) {
            const double here = std::fabs(f[k]);
            const double left = std::fabs(f[k - 1]);
            const double right = std::fabs(f[k + 1]);
            if (here >= left && here >= right && here > 4.0 * std::min(left, right)) {
                if (auto pole = divergesBetween(z[k - 1], z[k + 1], false)) poles.push_back(*pole);
            }
        }
    }
    for (const Interval& pole : poles) result.push_back(pole);
    std::sort(result.begin(), result.end(), [](const Interval& a, const Interval& b) { return a.lo < b.lo; });
    std::vector<Interval> merged;
    for (const Interval& interval : result) {
        if (!merged.empty() && interval.lo <= merged.back().hi) merged.back().hi = std::max(merged.back().hi, interval.hi);
        else merged.push_back(interval);
    }
    return merged;
}

Properties measureProperties(const Activation& activation, const ParameterValues& p, double zMin, double zMax)
{
    Properties r;
    r.smoothness = Smoothness::CInfinity;
    if (!(zMin < zMax) || !activation.evaluate) return r;
    const std::vector<double> z = gridWithKinks(activation, p, zMin, zMax, 2001);
    std::vector<double> f(z.size()), d1(z.size()), d2(z.size());
    evaluateAll(activation, p, z, f, d1, d2);

    double lo = kInf;
    double hi = -kInf;
    double maxSlope = 0.0;
    double maxCurvature = 0.0;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (std::isfinite(f[i])) {
            lo = std::min(lo, f[i]);
            hi = std::max(hi, f[i]);
        }
        if (std::isfinite(d1[i])) maxSlope = std::max(maxSlope, std::fabs(d1[i]));
        if (std::isfinite(d2[i])) maxCurvature = std::max(maxCurvature, std::fabs(d2[i]));
    }
    if (lo <= hi) r.range = OutputRange{lo, hi, true, true};

    // Rounding may push a true zero of f′ or f″ a few units below zero.
    const double slopeTolerance = 1e-12 * (1.0 + maxSlope);
    const double curvatureTolerance = 1e-12 * (1.0 + maxCurvature);
    const double valueTolerance = 1e-12 * (1.0 + std::max(std::fabs(lo), std::fabs(hi)));
    bool monotonic = true;
    bool convex = true;
    bool dead = false;
    double previousF = kNaN;
    double previousD1 = kNaN;
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (std::isfinite(d1[i]) && d1[i] < -slopeTolerance) monotonic = false;
        if (std::isfinite(d2[i]) && d2[i] < -curvatureTolerance) convex = false;
        if (std::isfinite(f[i]) && std::isfinite(previousF) && f[i] < previousF - valueTolerance) monotonic = false;
        if (std::isfinite(d1[i]) && std::isfinite(previousD1) && d1[i] < previousD1 - slopeTolerance) convex = false;
        if (i > 0 && d1[i] == 0.0 && d1[i - 1] == 0.0) dead = true;
        previousF = f[i];
        previousD1 = d1[i];
    }
    r.monotonic = monotonic;
    r.derivativeMonotonic = convex;
    r.deadRegion = dead;

    if (activation.kinks) {
        int lowest = 3;
        for (const Kink& k : activation.kinks(p))
            if (k.z >= zMin && k.z <= zMax) lowest = std::min(lowest, k.order);
        r.smoothness = lowest == 0 ? Smoothness::Discontinuous
                       : lowest == 1 ? Smoothness::C0
                       : lowest == 2 ? Smoothness::C1
                                     : Smoothness::CInfinity;
    }

    const Derivatives atZero = activation.evaluate(0.0, p);
    const bool zeroAtZero = std::fabs(atZero.f) <= 1e-15;
    r.zeroCentred = zeroAtZero && lo < 0.0 && hi > 0.0;
    r.identityNearZero = zeroAtZero && std::fabs(atZero.d1 - 1.0) <= 1e-12;

    // Far probes decide what the window alone cannot: growth without bound and vanishing slope.
    bool unboundedAbove = false;
    bool unboundedBelow = false;
    std::array<bool, 2> saturated{true, true};
    for (std::size_t side = 0; side < 2; ++side) {
        const double s = side == 0 ? -1.0 : 1.0;
        const double near = activation.evaluate(s * 1e4, p).f;
        const double far = activation.evaluate(s * 1e8, p).f;
        const double reference = std::isfinite(near) ? 1.5 * std::fabs(near) + 1.0 : kInf;
        if (far > reference || far == kInf) unboundedAbove = true;
        if (-far > reference || far == -kInf) unboundedBelow = true;
        for (const double distance : {1e7, 2.3e7, 5.1e7, 1e8}) {
            const double slope = activation.evaluate(s * distance, p).d1;
            if (!(std::fabs(slope) < 1e-5)) saturated[side] = false;
        }
    }
    r.boundedAbove = !unboundedAbove && hi > -kInf;
    r.boundedBelow = !unboundedBelow && lo < kInf;
    r.saturates = saturated[0] && saturated[1] ? Saturation::Both
                  : saturated[0]               ? Saturation::Left
                  : saturated[1]               ? Saturation::Right
                                               : Saturation::None;
    return r;
}

}  // namespace ax::core
