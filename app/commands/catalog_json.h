#pragma once
// The catalog as JSON, for --list: what a script needs to know about every activation.

#include <QJsonDocument>

namespace ax::app {

// {"application", "version", "activations": [...]}: per activation its id, name, formula,
// parameters (default, domain, slider range, meaning), kinks and properties at the defaults, and
// reference. JSON has no infinities, so unbounded ends are the strings "inf" and "-inf".
[[nodiscard]] QJsonDocument catalogJson();

}  // namespace ax::app
