// expression := term (('+' | '-') term)*
// term       := unary (('*' | '/') unary)*
// unary      := ('+' | '-') unary | power
// power      := primary (('^' | '**') unary)?      right-associative, binds tighter than unary minus
// primary    := number | name | name '(' expression (',' expression)* ')' | '(' expression ')'

#include "core/formula/formula_grammar.h"

#include "core/formula/custom_activation.h"
#include "core/formula/symbolic_functions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <utility>

namespace ax::core::formula {

namespace {

enum class FunctionKind {
    Exp,
    Log,
    Log1p,
    Expm1,
    Sqrt,
    Abs,
    Sin,
    Cos,
    Tan,
    Tanh,
    Sinh,
    Cosh,
    Atan,
    Erf,
    Erfc,
    Sigmoid,
    Softplus,
    Max,
    Min,
    Relu,
    Step
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

const std::array<std::string_view, kFunctions.size() + kConstants.size()>& allReservedNames()
{
    static const auto names = [] {
        std::array<std::string_view, kFunctions.size() + kConstants.size()> all{};
        std::size_t i = 0;
        for (const FunctionEntry& f : kFunctions)
            all[i++] = f.name;
        for (const std::string_view c : kConstants)
            all[i++] = c;
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

// Positions in messages count characters from 1, as a user does.
std::string at(std::size_t position)
{
    return " at character " + std::to_string(position + 1);
}

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

std::string latexSymbolName(const std::string& name)
{
    static const std::map<std::string, std::string, std::less<>> greek{
        {"alpha", "\\alpha"},     {"beta", "\\beta"},   {"gamma", "\\gamma"}, {"delta", "\\delta"},
        {"lambda", "\\lambda"},   {"mu", "\\mu"},       {"sigma", "\\sigma"}, {"theta", "\\theta"},
        {"tau", "\\tau"},         {"kappa", "\\kappa"}, {"eta", "\\eta"},     {"omega", "\\omega"},
        {"epsilon", "\\epsilon"}, {"rho", "\\rho"},     {"nu", "\\nu"},       {"phi", "\\phi"},
    };
    const auto it = greek.find(name);
    if (it != greek.end()) return it->second;
    // Multi-letter names stay upright words; underscores would start a subscript.
    std::string escaped;
    for (const char c : name) {
        if (c == '_')
            escaped += "\\_";
        else
            escaped += c;
    }
    return name.size() == 1 ? escaped : "\\mathrm{" + escaped + "}";
}

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
            if (m_text[m_pos] == ')')
                throw ParseFailure{m_pos, "unexpected ')'" + at(m_pos) + " (no '(' to close)"};
            const std::string what = describe(m_pos);
            const bool stray = what.starts_with("character") || what.starts_with("non-ASCII");
            throw ParseFailure{m_pos,
                               "unexpected " + what + at(m_pos) + (stray ? "" : " (missing operator?)")};
        }
        return std::move(m_result);
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
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
            while (end < m_text.size() &&
                   (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
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
            const bool known =
                std::isalnum(c) || c == '_' || c == '.' || std::strchr("+-*/^(),", c) != nullptr;
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
        GiNaC::ex base = primary();
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
                throw ParseFailure{operatorAt,
                                   "0 to a power that is not positive is undefined" + at(operatorAt)};
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
        while (m_pos < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[m_pos])) ||
                                         m_text[m_pos] == '.' || m_text[m_pos] == '_')) {
            malformed = true;
            ++m_pos;
        }
        if (malformed)
            throw ParseFailure{start, "malformed number '" +
                                          std::string(m_text.substr(start, m_pos - start)) + "'" + at(start)};
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
            throw ParseFailure{start,
                               "'" + word + "' is a function" + at(start) + ": write " + word + "(...)"};
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
            return m_result
                .parameterSymbols[static_cast<std::size_t>(known - m_result.parameterNames.begin())];
        if (m_result.parameterNames.size() == kMaxParameters)
            throw ParseFailure{start, "too many parameters: '" + word + "'" + at(start) +
                                          " would be number " + std::to_string(kMaxParameters + 1) +
                                          ", at most " + std::to_string(kMaxParameters) + " are allowed"};
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
            throw ParseFailure{m_pos, std::string(function.name) + " needs " +
                                          std::to_string(function.arity) +
                                          (function.arity == 1 ? " argument" : " arguments") + at(m_pos)};
        }
        arguments.push_back(expression());
        while (peek(',')) {
            ++m_pos;
            arguments.push_back(expression());
        }
        closeParenthesis(open);
        if (static_cast<int>(arguments.size()) != function.arity)
            throw ParseFailure{start, std::string(function.name) + " takes " +
                                          std::to_string(function.arity) +
                                          (function.arity == 1 ? " argument" : " arguments") + ", not " +
                                          std::to_string(arguments.size()) + at(start)};
        const GiNaC::ex& x = arguments[0];
        switch (function.kind) {
            case FunctionKind::Exp:
                return GiNaC::exp(x);
            case FunctionKind::Log:
                return GiNaC::log(x);
            case FunctionKind::Log1p:
                return symbolic::ax_log1p(x);
            case FunctionKind::Expm1:
                return symbolic::ax_expm1(x);
            case FunctionKind::Sqrt:
                return GiNaC::sqrt(x);
            case FunctionKind::Sin:
                return GiNaC::sin(x);
            case FunctionKind::Cos:
                return GiNaC::cos(x);
            case FunctionKind::Tan:
                return GiNaC::tan(x);
            case FunctionKind::Tanh:
                return symbolic::ax_tanh(x);
            case FunctionKind::Sinh:
                return GiNaC::sinh(x);
            case FunctionKind::Cosh:
                return GiNaC::cosh(x);
            case FunctionKind::Atan:
                return GiNaC::atan(x);
            case FunctionKind::Erf:
                return symbolic::ax_erf(x);
            case FunctionKind::Erfc:
                return symbolic::ax_erfc(x);
            case FunctionKind::Sigmoid:
                return symbolic::ax_sigmoid(x);
            case FunctionKind::Softplus:
                return symbolic::ax_softplus(x);
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

}  // namespace

std::span<const std::string_view> reservedNames() noexcept
{
    const auto& names = allReservedNames();
    return {names.data(), names.size()};
}

ParsedFormula parseFormula(std::string_view text)
{
    return Parser(text).parse();
}

}  // namespace ax::core::formula
