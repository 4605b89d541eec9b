#include "core/command_line_syntax.h"

#include "core/catalog.h"
#include "core/number_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace ax::core {

namespace {

constexpr std::size_t kLongestQuotedText = 60;

bool isBlank(char c) noexcept
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trimmed(std::string_view text) noexcept
{
    while (!text.empty() && isBlank(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isBlank(text.back()))
        text.remove_suffix(1);
    return text;
}

// For a well-formed decimal number that from_chars found out of range: whether its magnitude is
// below 1 (an underflow) rather than huge. Works on the text, as the exponent may not fit any type.
bool decimalMagnitudeIsBelowOne(std::string_view text) noexcept
{
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
    const auto e = text.find_first_of("eE");
    const std::string_view mantissa = text.substr(0, e);
    const std::string_view exponent = e == std::string_view::npos ? std::string_view() : text.substr(e + 1);
    // The power of ten of the mantissa's first significant digit.
    const auto point = mantissa.find('.');
    const std::string_view whole = mantissa.substr(0, point);
    const auto firstWhole = whole.find_first_not_of('0');
    long long lead = 0;
    if (firstWhole != std::string_view::npos) {
        lead = static_cast<long long>(whole.size() - firstWhole) - 1;
    } else {
        const std::string_view fraction =
            point == std::string_view::npos ? std::string_view() : mantissa.substr(point + 1);
        const auto firstFraction = fraction.find_first_not_of('0');
        if (firstFraction == std::string_view::npos) return true;  // zero
        lead = -static_cast<long long>(firstFraction) - 1;
    }
    // The exponent, saturated: any exponent beyond ±1e15 decides the matter alone.
    bool negative = false;
    std::string_view exponentDigits = exponent;
    if (!exponentDigits.empty() && (exponentDigits.front() == '-' || exponentDigits.front() == '+')) {
        negative = exponentDigits.front() == '-';
        exponentDigits.remove_prefix(1);
    }
    constexpr long long kSaturated = 1'000'000'000'000'000LL;
    long long power = 0;
    for (const char c : exponentDigits)
        power = std::min(kSaturated, power * 10 + (c - '0'));
    if (negative) power = -power;
    return lead + power < 0;
}

std::string validIds()
{
    std::string ids;
    for (const Activation& activation : catalog()) {
        if (!ids.empty()) ids += ", ";
        ids += activation.id;
    }
    return ids;
}

std::string parameterNames(const Activation& activation)
{
    std::string names;
    for (const Parameter& parameter : activation.parameters) {
        if (!names.empty()) names += ", ";
        names += parameter.name;
    }
    return names;
}

ParseResult<const Activation*> lookUpActivation(std::string_view id)
{
    if (id.empty())
        return ParseResult<const Activation*>::failure("no activation id given; valid ids: " + validIds());
    if (const Activation* activation = findActivation(id)) return activation;
    return ParseResult<const Activation*>::failure("unknown activation " + quoteText(id) +
                                                   "; valid ids: " + validIds());
}

ParseResult<int> lookUpParameter(const Activation& activation, std::string_view name)
{
    if (const int index = activation.parameterIndex(name); index >= 0) return index;
    if (activation.parameters.empty())
        return ParseResult<int>::failure("unknown parameter " + quoteText(name) + " for " + activation.id +
                                         ", which has no parameters");
    return ParseResult<int>::failure("unknown parameter " + quoteText(name) + " for " + activation.id +
                                     "; valid names: " + parameterNames(activation));
}

// A parameter value: a number inside the parameter's domain.
ParseResult<double> parameterValue(const Activation& activation, int index, std::string_view text)
{
    const Parameter& parameter = activation.parameters[static_cast<std::size_t>(index)];
    const auto number = parseNumber(text);
    if (!number)
        return ParseResult<double>::failure("bad value for " + parameter.name + " of " + activation.id +
                                            ": " + number.error());
    if (!parameter.accepts(*number))
        return ParseResult<double>::failure(parameter.name + " of " + activation.id + " must be in " +
                                            parameter.domainText() + "; " + shortestText(*number) +
                                            " is not");
    return *number;
}

// "ID.NAME" of an assignment or a sweep.
ParseResult<std::pair<const Activation*, int>> parameterPath(std::string_view path, std::string_view whole,
                                                             std::string_view form)
{
    using Result = ParseResult<std::pair<const Activation*, int>>;
    const auto dot = path.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == path.size())
        return Result::failure("expected " + std::string(form) + ", got " + quoteText(whole));
    const auto activation = lookUpActivation(trimmed(path.substr(0, dot)));
    if (!activation) return Result::failure(activation.error());
    const auto index = lookUpParameter(**activation, trimmed(path.substr(dot + 1)));
    if (!index) return Result::failure(index.error());
    return std::pair{*activation, *index};
}

}  // namespace

std::string quoteText(std::string_view text)
{
    bool shortened = false;
    if (text.size() > kLongestQuotedText) {
        std::size_t cut = kLongestQuotedText;
        // Do not split a UTF-8 sequence.
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            --cut;
        text = text.substr(0, cut);
        shortened = true;
    }
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    out += shortened ? "...\"" : "\"";
    return escapeControlBytes(out);
}

std::string escapeControlBytes(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            out += "\\x";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

ParseResult<double> parseNumber(std::string_view text)
{
    if (text.empty()) return ParseResult<double>::failure("expected a number, got nothing");
    const auto notANumber = [text] {
        return ParseResult<double>::failure(quoteText(text) + " is not a number");
    };

    // from_chars refuses a leading '+', which people write (+1e3); accept exactly one.
    std::string_view digits = text;
    if (digits.front() == '+') {
        digits.remove_prefix(1);
        if (digits.empty() || digits.front() == '+' || digits.front() == '-') return notANumber();
    }
    const char* const first = digits.data();
    const char* const last = first + digits.size();

    double value = 0.0;
    const auto [end, error] = std::from_chars(first, last, value, std::chars_format::general);
    if (error == std::errc() && end == last) return value;
    if (error != std::errc::result_out_of_range || end != last) return notANumber();

    // Out of double's range: long double tells an overflow (refused) from an underflow (rounded).
    long double wide = 0.0L;
    const auto [wideEnd, wideError] = std::from_chars(first, last, wide, std::chars_format::general);
    if (wideError == std::errc() && wideEnd == last &&
        std::fabs(wide) <= static_cast<long double>(std::numeric_limits<double>::max()))
        return static_cast<double>(wide);
    // Beyond long double too (1e-5000): the decimal exponent says which way it went.
    if (decimalMagnitudeIsBelowOne(digits)) return digits.front() == '-' ? -0.0 : 0.0;
    return ParseResult<double>::failure(quoteText(text) +
                                        " is out of the range of double precision (magnitude up to "
                                        "1.7976931348623157e308)");
}

std::string formatNumber(double value)
{
    if (std::isnan(value)) return "nan";
    char buffer[40];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17);
    return std::string(buffer, result.ptr);
}

ParseResult<ActivationSpec> parseActivationSpec(std::string_view text)
{
    using Result = ParseResult<ActivationSpec>;
    const auto colon = text.find(':');
    const auto activation = lookUpActivation(trimmed(text.substr(0, colon)));
    if (!activation) return Result::failure(activation.error());

    ActivationSpec spec{*activation, (*activation)->defaults()};
    if (colon == std::string_view::npos) return spec;

    std::string_view rest = text.substr(colon + 1);
    if (trimmed(rest).empty())
        return Result::failure("nothing after \":\" in " + quoteText(text) + "; expected name=value");

    std::vector<bool> given(spec.activation->parameters.size(), false);
    while (true) {
        const auto comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        const auto equals = item.find('=');
        if (equals == std::string_view::npos || trimmed(item.substr(0, equals)).empty())
            return Result::failure("expected name=value, got " + quoteText(item));
        const auto index = lookUpParameter(*spec.activation, trimmed(item.substr(0, equals)));
        if (!index) return Result::failure(index.error());
        const auto slot = static_cast<std::size_t>(*index);
        if (given[slot])
            return Result::failure("parameter " + spec.activation->parameters[slot].name + " of " +
                                   spec.activation->id + " is given twice");
        given[slot] = true;
        const auto value = parameterValue(*spec.activation, *index, trimmed(item.substr(equals + 1)));
        if (!value) return Result::failure(value.error());
        spec.values[slot] = *value;
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    if (std::string conflict = parameterConflict(*spec.activation, spec.values); !conflict.empty())
        return Result::failure(std::move(conflict));
    return spec;
}

ParseResult<Range> parseRange(std::string_view text)
{
    using Result = ParseResult<Range>;
    const auto comma = text.find(',');
    if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos)
        return Result::failure("expected the range as MIN,MAX (e.g. -6,6), got " + quoteText(text));
    const auto lo = parseNumber(trimmed(text.substr(0, comma)));
    if (!lo) return Result::failure("range minimum: " + lo.error());
    const auto hi = parseNumber(trimmed(text.substr(comma + 1)));
    if (!hi) return Result::failure("range maximum: " + hi.error());
    if (!std::isfinite(*lo) || !std::isfinite(*hi))
        return Result::failure("the range ends must be finite numbers; got " + shortestText(*lo) + "," +
                               shortestText(*hi));
    if (std::fabs(*lo) > kLargestRangeEnd || std::fabs(*hi) > kLargestRangeEnd)
        return Result::failure("the range ends must lie within [-1e300, 1e300]; got " + shortestText(*lo) +
                               "," + shortestText(*hi));
    if (*lo == *hi)
        return Result::failure("the range " + shortestText(*lo) + "," + shortestText(*hi) +
                               " is empty: MIN must be less than MAX");
    if (*lo > *hi)
        return Result::failure("the range " + shortestText(*lo) + "," + shortestText(*hi) +
                               " is inverted: MIN must be less than MAX");
    return Range{*lo, *hi};
}

ParseResult<double> parseEpsilon(std::string_view text)
{
    const auto epsilon = parseNumber(trimmed(text));
    if (!epsilon) return ParseResult<double>::failure("epsilon: " + epsilon.error());
    if (!std::isfinite(*epsilon) || !(*epsilon > 0.0))
        return ParseResult<double>::failure("epsilon must be a finite number greater than 0; got " +
                                            shortestText(*epsilon));
    return *epsilon;
}

ParseResult<ImageSize> parseSize(std::string_view text)
{
    using Result = ParseResult<ImageSize>;
    const auto x = text.find_first_of("xX");
    if (x == std::string_view::npos)
        return Result::failure("expected the size as WxH in pixels (e.g. 1920x1080), got " + quoteText(text));
    const auto side = [](std::string_view digits, const char* what) -> ParseResult<int> {
        const std::string rangeText =
            " must be a whole number of pixels from 1 to " + std::to_string(kLargestImageSide);
        const bool onlyDigits = !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                                               [](char c) { return c >= '0' && c <= '9'; });
        int value = 0;
        if (onlyDigits) {
            const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
            if (error == std::errc() && end == digits.data() + digits.size() && value >= 1 &&
                value <= kLargestImageSide)
                return value;
        }
        return ParseResult<int>::failure(std::string("the ") + what + rangeText + "; got " +
                                         quoteText(digits));
    };
    const auto width = side(text.substr(0, x), "width");
    if (!width) return Result::failure(width.error());
    const auto height = side(text.substr(x + 1), "height");
    if (!height) return Result::failure(height.error());
    return ImageSize{*width, *height};
}

ParseResult<ParameterAssignment> parseParamAssignment(std::string_view text)
{
    using Result = ParseResult<ParameterAssignment>;
    constexpr std::string_view kForm = "ID.NAME=VALUE (e.g. elu.alpha=0.5)";
    const auto equals = text.find('=');
    if (equals == std::string_view::npos)
        return Result::failure("expected " + std::string(kForm) + ", got " + quoteText(text));
    const auto path = parameterPath(text.substr(0, equals), text, kForm);
    if (!path) return Result::failure(path.error());
    const auto [activation, index] = *path;
    const auto value = parameterValue(*activation, index, trimmed(text.substr(equals + 1)));
    if (!value) return Result::failure(value.error());
    return ParameterAssignment{activation, index, *value};
}

ParseResult<ParameterSweep> parseSweep(std::string_view text)
{
    using Result = ParseResult<ParameterSweep>;
    constexpr std::string_view kForm = "ID.NAME=FROM:TO (e.g. elu.alpha=0.1:2)";
    const auto equals = text.find('=');
    if (equals == std::string_view::npos)
        return Result::failure("expected " + std::string(kForm) + ", got " + quoteText(text));
    const auto path = parameterPath(text.substr(0, equals), text, kForm);
    if (!path) return Result::failure(path.error());
    const auto [activation, index] = *path;

    const std::string_view ends = text.substr(equals + 1);
    const auto colon = ends.find(':');
    if (colon == std::string_view::npos || ends.find(':', colon + 1) != std::string_view::npos)
        return Result::failure("expected " + std::string(kForm) + ", got " + quoteText(text));
    const auto from = parameterValue(*activation, index, trimmed(ends.substr(0, colon)));
    if (!from) return Result::failure("sweep start: " + from.error());
    const auto to = parameterValue(*activation, index, trimmed(ends.substr(colon + 1)));
    if (!to) return Result::failure("sweep end: " + to.error());
    if (*from == *to)
        return Result::failure(
            "the sweep of " + activation->parameters[static_cast<std::size_t>(index)].name + " of " +
            activation->id + " starts and ends at " + shortestText(*from) + "; FROM and TO must differ");
    return ParameterSweep{activation, index, *from, *to};
}

ParseResult<std::vector<double>> parseInputLines(std::string_view text)
{
    using Result = ParseResult<std::vector<double>>;
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const auto newline = text.find('\n');
        const std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);

        const std::string_view token = trimmed(line);
        if (token.empty())
            return Result::failure("line " + std::to_string(lineNumber) +
                                   " is empty; expected one number per line");
        const auto number = parseNumber(token);
        if (!number) return Result::failure("line " + std::to_string(lineNumber) + ": " + number.error());
        values.push_back(*number);
    }
    return values;
}

}  // namespace ax::core
