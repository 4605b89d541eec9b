#pragma once
// Parsing of the command line's small languages (numbers, activation specs, ranges, sizes,
// parameter assignments, sweeps, stdin input): pure functions that return a value or a one-line
// error message, so the command line, the session code and the fuzzers share one set of rules.

#include "core/activation.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ax::core {

// Either a parsed value or the message that says why the text was refused.
template <typename T>
class ParseResult {
public:
    // Implicit, so a parser can simply return the value it parsed.
    ParseResult(T value)
        : m_state(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
    [[nodiscard]] static ParseResult failure(std::string message)
    {
        return ParseResult(std::in_place_index<1>, std::move(message));
    }

    [[nodiscard]] bool ok() const noexcept { return m_state.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }
    // Only when ok().
    [[nodiscard]] const T& value() const { return std::get<0>(m_state); }
    [[nodiscard]] const T& operator*() const { return value(); }
    [[nodiscard]] const T* operator->() const { return &value(); }
    // Only when !ok().
    [[nodiscard]] const std::string& error() const { return std::get<1>(m_state); }

private:
    template <std::size_t I, typename U>
    ParseResult(std::in_place_index_t<I> index, U&& content) : m_state(index, std::forward<U>(content))
    {
    }

    std::variant<T, std::string> m_state;
};

// Ranges (and sweep ends) stay within what the core evaluates accurately.
inline constexpr double kLargestRangeEnd = 1e300;
// The largest image side the export accepts: big enough for print, small enough to allocate.
inline constexpr int kLargestImageSide = 16384;

// An activation with parameter values, e.g. from "elu:alpha=0.5".
struct ActivationSpec {
    const Activation* activation = nullptr;
    ParameterValues values{};
};

struct Range {
    double lo = 0.0;
    double hi = 0.0;
};

struct ImageSize {
    int width = 0;
    int height = 0;
};

// One parameter of one activation set to a value, e.g. from "elu.alpha=0.5".
struct ParameterAssignment {
    const Activation* activation = nullptr;
    int index = -1;  // into activation->parameters
    double value = 0.0;
};

// One parameter of one activation moved from one value to another, e.g. "elu.alpha=0.1:2".
struct ParameterSweep {
    const Activation* activation = nullptr;
    int index = -1;
    double from = 0.0;
    double to = 0.0;
};

// User text inside a one-line message: in double quotes, control bytes escaped as \xNN (a quote
// and a backslash escaped with a backslash), shortened to its first 60 bytes (never inside a UTF-8
// sequence) with "..." after them. Every message that quotes what a user typed goes through this.
[[nodiscard]] std::string quoteText(std::string_view text);

// A whole message made one line: control bytes escaped as \xNN, nothing else changed.
[[nodiscard]] std::string escapeControlBytes(std::string_view text);

// A real number, strictly: the whole text must be one decimal number (an optional sign, digits,
// optional fraction and exponent), "nan", "inf" or "infinity" (any case, optional sign). Rejects
// empty text, surrounding spaces, hexadecimal, a comma as decimal mark, a dangling exponent and
// magnitudes beyond double precision; rounds magnitudes below it towards zero. Locale-independent.
[[nodiscard]] ParseResult<double> parseNumber(std::string_view text);

// The shortest text that parseNumber reads back as the same value with 17 significant digits
// ("%.17g" in the C locale), with "nan", "inf" and "-inf" for the non-finite values.
[[nodiscard]] std::string formatNumber(double value);

// "ID" or "ID:name=value,name=value": every name must be a parameter of ID and given once, every
// value inside its domain; parameters not named keep their defaults.
[[nodiscard]] ParseResult<ActivationSpec> parseActivationSpec(std::string_view text);

// "MIN,MAX": two finite numbers within ±kLargestRangeEnd with MIN < MAX.
[[nodiscard]] ParseResult<Range> parseRange(std::string_view text);

// The saturation threshold ε: a finite number greater than zero.
[[nodiscard]] ParseResult<double> parseEpsilon(std::string_view text);

// "WxH" in pixels, each side a whole number from 1 to kLargestImageSide.
[[nodiscard]] ParseResult<ImageSize> parseSize(std::string_view text);

// "ID.NAME=VALUE" with VALUE inside the parameter's domain.
[[nodiscard]] ParseResult<ParameterAssignment> parseParamAssignment(std::string_view text);

// "ID.NAME=FROM:TO" with both ends inside the parameter's domain and FROM ≠ TO (TO < FROM sweeps
// downwards).
[[nodiscard]] ParseResult<ParameterSweep> parseSweep(std::string_view text);

// The z values of standard input: one number per line, surrounding whitespace (and a Windows
// line end) ignored. A final newline at the end of the text is optional; any other empty line is
// an error. The message of an error names the line (counted from 1) and quotes its text.
[[nodiscard]] ParseResult<std::vector<double>> parseInputLines(std::string_view text);

}  // namespace ax::core
