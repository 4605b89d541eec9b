#pragma once
// A number inside a message or a printed formula: the shortest text that reads back as exactly the
// same value, locale-independent, with "nan", "inf" and "-inf" for the values that are not finite.

#include <charconv>
#include <cmath>
#include <string>

namespace ax::core {

[[nodiscard]] inline std::string shortestText(double value)
{
    // to_chars writes "-nan" for a NaN whose sign bit is set; a NaN has no sign worth showing.
    if (std::isnan(value)) return "nan";
    char buffer[40];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace ax::core
