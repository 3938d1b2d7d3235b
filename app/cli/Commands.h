// Each `i2v` subcommand registers itself on the CLI11 app; main() runs whichever was chosen.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>

namespace i2v::cli {

// A subcommand's action returns the process exit code.
using Action = std::function<int()>;

void addTokenizeCommand(CLI::App& app, Action& action);
void addGenerateCommand(CLI::App& app, Action& action);
void addInfoCommand(CLI::App& app, Action& action);
void addDownloadCommand(CLI::App& app, Action& action);
void addModelsCommand(CLI::App& app, Action& action);

} // namespace i2v::cli
