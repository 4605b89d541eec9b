// Custom activations: the grammar parses a formula into a GiNaC expression (so every error has an
// exact position), GiNaC differentiates it twice within a budget known in advance, the printers
// typeset it and write it out in muParser's syntax, and the compiled programs evaluate it, so
// evaluation never touches the symbolic form again.

#include "core/formula/custom_activation.h"

#include "core/catalog.h"
#include "core/formula/compiled_formula.h"
#include "core/formula/derivative_budget.h"
#include "core/formula/expression_printers.h"
#include "core/formula/formula_grammar.h"
#include "core/formula/symbolic_functions.h"
#include "core/measurements.h"

#include <ginac/ginac.h>
#include <muParser.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace ax::core {

namespace {

using formula::CompiledFormula;
using formula::CornerProgram;
using formula::Dialect;
using formula::ParsedFormula;
using formula::ParseFailure;
using formula::TooComplex;
using formula::UnsupportedExpression;

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

std::vector<Kink> kinksOf(const Activation& a, const std::shared_ptr<CompiledFormula>& compiled,
                          const ParameterValues& p)
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
            return FormulaError{0,
                                "parameter '" + parameter.name + "': default and slider ends must be finite"};
        if (!(parameter.sliderMin < parameter.sliderMax))
            return FormulaError{
                0, "parameter '" + parameter.name + "': the slider minimum must be below its maximum"};
        if (parameter.defaultValue < parameter.sliderMin || parameter.defaultValue > parameter.sliderMax)
            return FormulaError{
                0, "parameter '" + parameter.name + "': the default must lie within the slider range"};
    }
    return std::nullopt;
}

}  // namespace

std::span<const std::string_view> customFunctionNames() noexcept
{
    return formula::reservedNames();
}

FormulaCheck checkFormula(std::string_view formula)
{
    const std::lock_guard lock(symbolic::symbolicMutex());
    FormulaCheck check;
    try {
        ParsedFormula parsed = formula::parseFormula(formula);
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

    const std::lock_guard lock(symbolic::symbolicMutex());
    try {
        ParsedFormula parsed = formula::parseFormula(spec.formula);
        const GiNaC::realsymbol& z = symbolic::variable();
        const GiNaC::ex f = parsed.expression;
        // Each derivative is built only once its size is known to stay within the budget, so a
        // formula whose derivatives would explode (nested abs doubles at every level) is refused
        // in a few milliseconds instead of exhausting time and memory.
        const auto differentiate = [&](const GiNaC::ex& e, const char* which) {
            try {
                static_cast<void>(formula::derivativeSize(e));
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
            custom.spec.parameters.push_back(
                given != spec.parameters.end() ? *given : defaultParameterSpec(name, 1.0));
        }

        custom.functionLatex = formula::latexOf(f);
        custom.derivativeLatex = formula::latexOf(d1);
        custom.secondDerivativeLatex = formula::latexOf(d2);
        custom.derivativeText = formula::printExpression(d1, parsed, Dialect::Text);
        custom.secondDerivativeText = formula::printExpression(d2, parsed, Dialect::Text);

        auto program = std::make_shared<CompiledFormula>(parsed.parameterNames.size());
        const auto compile = [&](const GiNaC::ex& e, const char* what) {
            std::string source = formula::printExpression(e, parsed, Dialect::MuParser);
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
            parameter.symbol = formula::unicodeSymbol(p.name);
            parameter.defaultValue = p.defaultValue;
            parameter.sliderMin = p.sliderMin;
            parameter.sliderMax = p.sliderMax;
            parameter.meaning = "parameter of the formula " + spec.formula;
            a.parameters.push_back(std::move(parameter));
        }
        a.evaluate = [program](double zValue, const ParameterValues& p) {
            return program->evaluate(zValue, p);
        };
        a.evaluateMany = [program](std::span<const double> zs, const ParameterValues& p, std::span<double> fs,
                                   std::span<double> d1s,
                                   std::span<double> d2s) { program->evaluateMany(zs, p, fs, d1s, d2s); };
        // The kink search and the measured properties need an activation that can evaluate but
        // does not yet know its own kinks or properties.
        Activation evaluatorOnly;
        evaluatorOnly.evaluate = a.evaluate;
        evaluatorOnly.evaluateMany = a.evaluateMany;
        a.kinks = [program, evaluatorOnly](const ParameterValues& p) {
            return kinksOf(evaluatorOnly, program, p);
        };
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
        {"hard_shrink", "z - z*step(lambda - abs(z))"},
        {"soft_shrink", "max(0, z - lambda) + min(0, z + lambda)"},
        {"tanh_shrink", "z - tanh(z)"},
        {"log_sigmoid", "-softplus(-z)"},
        {"rrelu", "max(0, z) + (lower + upper)/2*min(0, z)"},
        {"threshold", "z*step(z - threshold) + value*(1 - step(z - threshold))"},
        {"exponential", "exp(z)"},
        {"sparse_plus", "(max(0, z + 1)^2 - max(0, z - 1)^2)/4"},
        {"sparse_sigmoid", "min(max(0, (z + 1)/2), 1)"},
        {"relu_squared", "max(0, z)^2"},
        {"star_relu", "s*max(0, z)^2 + b"},
        {"quick_gelu", "z*sigmoid(1.702*z)"},
        {"sine", "sin(omega*z)"},
        {"arctan", "atan(z)"},
        {"isru", "z/sqrt(1 + alpha*z^2)"},
        {"isrlu", "max(0, z) + min(0, z)/sqrt(1 + alpha*min(0, z)^2)"},
        {"bent_identity", "(sqrt(z^2 + 1) - 1)/2 + z"},
        {"lisht", "z*tanh(z)"},
        {"tanhexp", "z*tanh(exp(z))"},
        {"penalized_tanh", "tanh(max(0, z)) + a*tanh(min(0, z))"},
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

}  // namespace ax::core
