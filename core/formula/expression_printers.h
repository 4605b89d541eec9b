#pragma once
// The printers: an expression written back in the formula grammar (for the derivatives' plain
// text) or in muParser's (for compiling), its LaTeX, and a parameter's typeset symbol.

#include "core/formula/formula_grammar.h"

#include <ginac/ginac.h>

#include <string>

namespace ax::core::formula {

enum class Dialect { Text, MuParser };

// Thrown when an expression holds something the evaluator cannot represent.
struct UnsupportedExpression {
    std::string what;
};

// e in the dialect, parameters named as the formula names them (Text) or p0, p1, … (MuParser);
// throws UnsupportedExpression.
[[nodiscard]] std::string printExpression(const GiNaC::ex& e, const ParsedFormula& formula, Dialect dialect);

[[nodiscard]] std::string latexOf(const GiNaC::ex& e);

// A parameter's name as it is typeset in the window: Greek names as their letter ("alpha" → "α").
[[nodiscard]] std::string unicodeSymbol(const std::string& name);

}  // namespace ax::core::formula
