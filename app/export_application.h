#pragma once
// The application the headless --export command draws in.

#include "app/commands/export_options.h"
#include "app/commands/train_command.h"

namespace ax::app {

// Creates the application (on the offscreen platform when there is no display) and runs the export.
[[nodiscard]] int runExport(char** argv, const ExportArguments& arguments);
// Likewise for the headless --train command.
[[nodiscard]] int runTrain(char** argv, const TrainArguments& arguments);

}  // namespace ax::app
