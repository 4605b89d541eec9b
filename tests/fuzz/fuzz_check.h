#pragma once
// What the fuzz targets share: a check that stops the run with a readable reason, so libFuzzer
// saves the input that broke a promise of the parsers, not only inputs that crash them.

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace ax::fuzz {

inline void require(bool condition, const char* promise)
{
    if (condition) return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}

// Messages are shown as one line in a terminal and in the status bar.
[[nodiscard]] inline bool isOneLine(std::string_view message) noexcept
{
    return !message.empty() && message.find('\n') == std::string_view::npos;
}

}  // namespace ax::fuzz
