#pragma once
// User text (ids, keys, names, paths, formulas) inside a one-line message.

#include "core/command_line_syntax.h"

#include <QString>

namespace ax::ui {

// In double quotes, control characters escaped and long text shortened: the same rule as the
// core's parsers, so every message of the program quotes the same way.
[[nodiscard]] inline QString quoted(const QString& text)
{
    return QString::fromStdString(core::quoteText(text.toStdString()));
}

}  // namespace ax::ui
