#pragma once
// Activations the user defines by a formula in z: parsed with positions for error messages,
// differentiated symbolically twice, compiled once for fast evaluation, and returned as an ordinary
// Activation so every chart, table and export treats them like the catalog's own.
//
// A new function for formulas: its name in formula_grammar.cpp; where GiNaC has none of its own,
// a symbolic function with its derivative in symbolic_functions.cpp; its text and muParser names
// in expression_printers.cpp, its numeric form in compiled_formula.cpp, and its derivative's size
// in derivative_budget.cpp.

#include "core/activation.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ax::core {

// One parameter of a custom activation as a session stores it.
struct CustomParameterSpec {
    std::string name;
    double defaultValue = 1.0;
    double sliderMin = 0.0;
    double sliderMax = 2.0;

    friend bool operator==(const CustomParameterSpec&, const CustomParameterSpec&) = default;
};

// Everything needed to rebuild a custom activation: plain fields only, so it maps one to one onto
// a JSON object. Parameters not listed take the default 1 with the slider range [0, 2].
struct CustomActivationSpec {
    std::string id;       // e.g. "custom_1"; must not be a catalog id
    std::string name;     // display name
    std::string formula;  // e.g. "z * sigmoid(b*z)"
    std::vector<CustomParameterSpec> parameters;

    friend bool operator==(const CustomActivationSpec&, const CustomActivationSpec&) = default;
};

// Why a formula or spec was refused. position is a 0-based index into the formula, for placing a
// cursor (the grammar is ASCII, so byte and character positions agree up to the first error); the
// message names it as a user counts, from character 1. located is false for refusals about the
// formula as a whole (too complex, not evaluable) or about the spec's fields.
struct FormulaError {
    std::size_t position = 0;
    std::string message;
    bool located = true;
};

// What a formula may be, so that parsing, differentiating and compiling it take bounded time and
// memory whatever its shape.
inline constexpr std::size_t kMaxFormulaLength = 2000;  // characters
inline constexpr int kMaxFormulaNesting = 64;  // parentheses, calls, powers and signs inside one another
// Symbols in f′ or f″, estimated before they are built: twice what the evaluator could compile
// (20,000 characters), leaving room for the estimate being an upper bound.
inline constexpr double kMaxDerivativeSize = 40000.0;

// A successfully built custom activation with its symbolic derivatives in two notations.
struct CustomActivation {
    Activation activation;
    CustomActivationSpec spec;  // normalised: exactly the formula's parameters, in order
    std::string functionLatex;
    std::string derivativeLatex;
    std::string secondDerivativeLatex;
    std::string derivativeText;  // plain text in the formula grammar
    std::string secondDerivativeText;
};

// Either an activation or the first error found.
struct CustomBuildResult {
    std::optional<CustomActivation> custom;
    std::optional<FormulaError> error;

    [[nodiscard]] bool ok() const noexcept { return custom.has_value(); }
};

// The names a formula may call, and the constants it may use; everything else is a parameter.
[[nodiscard]] std::span<const std::string_view> customFunctionNames() noexcept;

// Parses, differentiates and compiles. Never throws: every failure comes back as an error.
[[nodiscard]] CustomBuildResult buildCustomActivation(const CustomActivationSpec& spec);

// Only the syntax check and the parameter names in order of first appearance (for live feedback
// while typing, cheaper than a full build).
struct FormulaCheck {
    std::vector<std::string> parameterNames;
    std::optional<FormulaError> error;
};
[[nodiscard]] FormulaCheck checkFormula(std::string_view formula);

// Slider range offered for a parameter with this default: [0, 2·d] for d > 0, [2·d, 0] for d < 0,
// [−1, 1] for 0.
[[nodiscard]] CustomParameterSpec defaultParameterSpec(std::string name, double defaultValue);

// An equivalent formula in the custom grammar for a catalog id, with the catalog's parameter names
// in the catalog's order; empty for an unknown id.
[[nodiscard]] std::string catalogFormula(std::string_view catalogId);

// The spec of an editable copy of a catalog activation (same parameters, defaults and sliders).
[[nodiscard]] std::optional<CustomActivationSpec> duplicateAsCustom(std::string_view catalogId,
                                                                    std::string newId);

}  // namespace ax::core
