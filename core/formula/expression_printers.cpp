#include "core/formula/expression_printers.h"
#include "core/number_text.h"

#include <charconv>
#include <map>
#include <numbers>
#include <sstream>
#include <vector>

namespace ax::core::formula {

namespace {

constexpr int kPrecAdd = 1;
constexpr int kPrecMul = 2;
constexpr int kPrecPow = 3;
constexpr int kPrecAtom = 4;

class ExpressionPrinter {
public:
    ExpressionPrinter(Dialect dialect, const ParsedFormula& formula) : m_dialect(dialect), m_formula(formula)
    {
    }

    [[nodiscard]] std::string print(const GiNaC::ex& e) const { return printAt(e, 0); }

private:
    struct Printed {
        std::string text;
        int precedence;
    };

    [[nodiscard]] std::string printAt(const GiNaC::ex& e, int parentPrecedence) const
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
            return GiNaC::is_exactly_a<GiNaC::numeric>(last) &&
                   GiNaC::ex_to<GiNaC::numeric>(last).is_negative();
        }
        return false;
    }

    [[nodiscard]] Printed number(const GiNaC::numeric& n) const
    {
        if (!n.is_real()) throw UnsupportedExpression{"a complex number"};
        if (m_dialect == Dialect::MuParser || !n.is_rational()) {
            const double value = n.to_double();
            return {shortestText(value), value < 0.0 ? kPrecAdd : kPrecAtom};
        }
        std::ostringstream os;
        os << n;
        return {os.str(), n.is_negative() ? kPrecAdd : (n.is_integer() ? kPrecAtom : kPrecMul)};
    }

    [[nodiscard]] Printed printed(const GiNaC::ex& e) const
    {
        if (GiNaC::is_exactly_a<GiNaC::numeric>(e)) return number(GiNaC::ex_to<GiNaC::numeric>(e));
        if (GiNaC::is_a<GiNaC::symbol>(e)) return {symbolName(GiNaC::ex_to<GiNaC::symbol>(e)), kPrecAtom};
        if (GiNaC::is_exactly_a<GiNaC::constant>(e)) {
            // muParser's own _pi holds only 13 digits: write the constant out in full.
            if (e.is_equal(GiNaC::Pi))
                return {m_dialect == Dialect::Text ? "pi" : shortestText(std::numbers::pi), kPrecAtom};
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

    [[nodiscard]] std::string symbolName(const GiNaC::symbol& s) const
    {
        if (s.get_name() == "z") return "z";
        for (std::size_t i = 0; i < m_formula.parameterSymbols.size(); ++i) {
            if (s.is_equal(m_formula.parameterSymbols[i]))
                return m_dialect == Dialect::Text ? m_formula.parameterNames[i] : "p" + std::to_string(i);
        }
        throw UnsupportedExpression{"the symbol " + s.get_name()};
    }

    [[nodiscard]] Printed sum(const GiNaC::ex& e) const
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

    [[nodiscard]] Printed product(const GiNaC::ex& e) const
    {
        GiNaC::numeric coefficient(1);
        std::vector<GiNaC::ex> numerator;
        std::vector<GiNaC::ex> denominator;
        for (std::size_t i = 0; i < e.nops(); ++i) {
            const GiNaC::ex factor = e.op(i);
            if (GiNaC::is_exactly_a<GiNaC::numeric>(factor)) {
                coefficient *= GiNaC::ex_to<GiNaC::numeric>(factor);
            } else if (GiNaC::is_exactly_a<GiNaC::power>(factor) &&
                       GiNaC::is_exactly_a<GiNaC::numeric>(factor.op(1)) &&
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
        for (const GiNaC::ex& factor : numerator)
            text += (text.empty() ? "" : "*") + printAt(factor, kPrecMul);
        if (text.empty()) text = "1";
        if (!denominator.empty()) {
            std::string below;
            for (const GiNaC::ex& factor : denominator)
                below += (below.empty() ? "" : "*") + printAt(factor, kPrecMul);
            text += "/" + (denominator.size() == 1 ? printAt(denominator[0], kPrecPow) : "(" + below + ")");
        }
        if (!negative) return {text, kPrecMul};
        // In muParser the sign is applied to a parenthesised group, so its precedence of unary minus
        // against '^' never matters.
        if (m_dialect == Dialect::MuParser) return {"-(" + text + ")", kPrecAdd};
        return {"-" + text, kPrecAdd};
    }

    [[nodiscard]] Printed powerOf(const GiNaC::ex& base, const GiNaC::ex& exponent) const
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

    [[nodiscard]] Printed call(const GiNaC::ex& e) const
    {
        const std::string name = GiNaC::ex_to<GiNaC::function>(e).get_name();
        const bool text = m_dialect == Dialect::Text;
        std::string target;
        if (name == "exp" && e.op(0).is_equal(1))
            return {text ? "e" : shortestText(std::numbers::e), kPrecAtom};
        if (name == "exp" || name == "sin" || name == "cos" || name == "tan" || name == "tanh" ||
            name == "sinh" || name == "cosh" || name == "atan")
            target = name;
        else if (name == "log")
            target = text ? "log" : "ln";
        else if (name == "abs" || name == "ax_abs")
            target = "abs";
        else if (name == "ax_sigmoid")
            target = text ? "sigmoid" : "sigm";
        else if (name == "ax_softplus")
            target = text ? "softplus" : "splus";
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
        } else if (name.starts_with("ax_"))
            target = name.substr(3);
        else if (name == "step")
            target = text ? "step" : "halfstep";
        else if (name == "csgn")
            target = "sign";
        else
            throw UnsupportedExpression{"the function " + name};
        std::string arguments;
        for (std::size_t i = 0; i < e.nops(); ++i)
            arguments += (i ? ", " : "") + printAt(e.op(i), 0);
        return {target + "(" + arguments + ")", kPrecAtom};
    }

    Dialect m_dialect;
    const ParsedFormula& m_formula;
};

}  // namespace

std::string printExpression(const GiNaC::ex& e, const ParsedFormula& formula, Dialect dialect)
{
    return ExpressionPrinter(dialect, formula).print(e);
}

std::string latexOf(const GiNaC::ex& e)
{
    std::ostringstream os;
    os << GiNaC::latex << e;
    return os.str();
}

std::string unicodeSymbol(const std::string& name)
{
    static const std::map<std::string, std::string, std::less<>> greek{
        {"alpha", "α"},   {"beta", "β"},  {"gamma", "γ"}, {"delta", "δ"}, {"lambda", "λ"}, {"mu", "μ"},
        {"sigma", "σ"},   {"theta", "θ"}, {"tau", "τ"},   {"kappa", "κ"}, {"eta", "η"},    {"omega", "ω"},
        {"epsilon", "ε"}, {"rho", "ρ"},   {"nu", "ν"},    {"phi", "φ"},
    };
    const auto it = greek.find(name);
    return it == greek.end() ? name : it->second;
}

}  // namespace ax::core::formula
