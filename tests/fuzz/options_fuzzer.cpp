// Feeds the same text to the parsers of --param, --range, --size, --epsilon and --sweep, and checks
// that whatever they accept is something the rest of the program can use as it is.

#include "tests/fuzz/fuzz_check.h"

#include "core/activation.h"
#include "core/catalog.h"
#include "core/command_line_syntax.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using ax::fuzz::isOneLine;
using ax::fuzz::require;

const ax::core::Parameter* parameterOf(const ax::core::Activation* activation, int index)
{
    require(activation != nullptr && activation == ax::core::findActivation(activation->id),
            "an accepted option names a catalog activation");
    require(index >= 0 && static_cast<std::size_t>(index) < activation->parameters.size(),
            "an accepted option names one of its parameters");
    return &activation->parameters[static_cast<std::size_t>(index)];
}

std::string pathOf(const ax::core::Activation* activation, const ax::core::Parameter& parameter)
{
    return activation->id + "." + parameter.name;
}

void checkRange(std::string_view text)
{
    const auto range = ax::core::parseRange(text);
    if (!range) {
        require(isOneLine(range.error()), "a refused range has a one-line message");
        return;
    }
    require(std::isfinite(range->lo) && std::isfinite(range->hi), "an accepted range is finite");
    require(range->lo < range->hi, "an accepted range is ordered and not empty");
    require(std::fabs(range->lo) <= ax::core::kLargestRangeEnd &&
                std::fabs(range->hi) <= ax::core::kLargestRangeEnd,
            "an accepted range stays within the evaluated interval");
    const auto again =
        ax::core::parseRange(ax::core::formatNumber(range->lo) + "," + ax::core::formatNumber(range->hi));
    require(again && again->lo == range->lo && again->hi == range->hi, "a range survives being written out");
}

void checkSize(std::string_view text)
{
    const auto size = ax::core::parseSize(text);
    if (!size) {
        require(isOneLine(size.error()), "a refused size has a one-line message");
        return;
    }
    require(size->width >= 1 && size->width <= ax::core::kLargestImageSide,
            "an accepted width is allocatable");
    require(size->height >= 1 && size->height <= ax::core::kLargestImageSide,
            "an accepted height is allocatable");
}

void checkEpsilon(std::string_view text)
{
    const auto epsilon = ax::core::parseEpsilon(text);
    if (!epsilon) {
        require(isOneLine(epsilon.error()), "a refused epsilon has a one-line message");
        return;
    }
    require(std::isfinite(*epsilon) && *epsilon > 0.0, "an accepted epsilon is finite and positive");
}

void checkAssignment(std::string_view text)
{
    const auto assignment = ax::core::parseParamAssignment(text);
    if (!assignment) {
        require(isOneLine(assignment.error()), "a refused --param has a one-line message");
        return;
    }
    const ax::core::Parameter* parameter = parameterOf(assignment->activation, assignment->index);
    require(parameter->accepts(assignment->value), "an accepted --param value lies in its domain");
    const auto again = ax::core::parseParamAssignment(pathOf(assignment->activation, *parameter) + "=" +
                                                      ax::core::formatNumber(assignment->value));
    require(again && again->activation == assignment->activation && again->index == assignment->index &&
                again->value == assignment->value,
            "a --param survives being written out");
}

void checkSweep(std::string_view text)
{
    const auto sweep = ax::core::parseSweep(text);
    if (!sweep) {
        require(isOneLine(sweep.error()), "a refused --sweep has a one-line message");
        return;
    }
    const ax::core::Parameter* parameter = parameterOf(sweep->activation, sweep->index);
    require(parameter->accepts(sweep->from) && parameter->accepts(sweep->to),
            "both sweep ends lie in the domain");
    require(sweep->from != sweep->to, "a sweep moves");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    checkRange(text);
    checkSize(text);
    checkEpsilon(text);
    checkAssignment(text);
    checkSweep(text);
    return 0;
}
