// Feeds --eval's two inputs to the parsers: the first line is the activation spec ("elu:alpha=0.5"),
// the rest is what standard input would hold (one z per line).

#include "tests/fuzz/fuzz_check.h"

#include "core/activation.h"
#include "core/catalog.h"
#include "core/command_line_syntax.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using ax::fuzz::isOneLine;
using ax::fuzz::require;

bool sameNumber(double a, double b) noexcept
{
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    return a == b && std::signbit(a) == std::signbit(b);
}

// What --eval prints must read back as the value it computed.
void checkRoundTrip(double value)
{
    const auto again = ax::core::parseNumber(ax::core::formatNumber(value));
    require(again.ok(), "formatNumber's text parses");
    require(sameNumber(*again, value), "formatNumber's text parses back to the same value");
}

void checkSpec(const ax::core::ParseResult<ax::core::ActivationSpec>& spec)
{
    if (!spec) {
        require(isOneLine(spec.error()), "a refused spec has a one-line message");
        return;
    }
    const ax::core::Activation* activation = spec->activation;
    require(activation != nullptr, "an accepted spec names an activation");
    require(activation == ax::core::findActivation(activation->id), "the activation is the catalog's");
    for (std::size_t i = 0; i < activation->parameters.size(); ++i)
        require(activation->parameters[i].accepts(spec->values[i]),
                "accepted parameters lie in their domain");
    require(ax::core::parameterConflict(*activation, spec->values).empty(),
            "accepted parameters keep the rules that tie them together (RReLU's lower <= upper)");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const std::string_view specText = input.substr(0, newline);
    const std::string_view stdinText =
        newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

    const auto spec = ax::core::parseActivationSpec(specText);
    checkSpec(spec);

    const auto whole = ax::core::parseNumber(input);
    if (whole)
        checkRoundTrip(*whole);
    else
        require(isOneLine(whole.error()), "a refused number has a one-line message");

    const auto values = ax::core::parseInputLines(stdinText);
    if (!values) {
        require(isOneLine(values.error()), "refused input has a one-line message naming the line");
        require(values.error().rfind("line ", 0) == 0, "the message of refused input starts with the line");
        return 0;
    }
    for (const double z : *values) {
        checkRoundTrip(z);
        if (!spec || !std::isfinite(z)) continue;
        const ax::core::Derivatives d = spec->activation->evaluate(z, spec->values);
        require(!std::isnan(d.f) && !std::isnan(d.d1) && !std::isnan(d.d2),
                "f, f' and f'' are never NaN at a finite z");
    }
    return 0;
}
