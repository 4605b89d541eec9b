#pragma once
// The application the headless --export command draws in.

#include "app/commands/export_options.h"

namespace ax::app {

// Creates the application (on the offscreen platform when there is no display) and runs the export.
[[nodiscard]] int runExport(char** argv, const ExportArguments& arguments);

}  // namespace ax::app
