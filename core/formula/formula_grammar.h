#pragma once
// The formula grammar: text in z parsed by recursive descent into a GiNaC expression, every error
// with its exact position, and the names a formula may call.

#include <ginac/ginac.h>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ax::core::formula {

// Thrown only inside the parser and caught at its boundary.
struct ParseFailure {
    std::size_t position;
    std::string message;
};

struct ParsedFormula {
    GiNaC::ex expression;
    std::vector<std::string> parameterNames;  // order of first appearance
    std::vector<GiNaC::realsymbol> parameterSymbols;
    std::vector<GiNaC::ex> cornerArguments;  // d of every piecewise part: a corner may sit where d = 0
};

// The functions and constants of the grammar; every other name is a parameter.
[[nodiscard]] std::span<const std::string_view> reservedNames() noexcept;

// The formula as an expression in symbolic::variable(); throws ParseFailure. Holds no lock: the
// caller holds symbolic::symbolicMutex().
[[nodiscard]] ParsedFormula parseFormula(std::string_view text);

}  // namespace ax::core::formula
