#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "hros/command_spec.hpp"
#include "hros/config.hpp"
#include "hros/schema.hpp"

namespace hros::cli {

enum class ColorMode { automatic, always, never };

// Options every command shares.
struct GlobalOptions {
  std::string root;
  std::string config;
  ColorMode color = ColorMode::automatic;
  bool quiet = false;
};

// What a command works on: the configuration, the cases root and the schema.
struct Context {
  Config config;
  Schema schema;
};

// Finds hros.yaml, applies --root and --config, loads the schema. Problems
// are printed to stderr; returns false when the command cannot go on (exit 2).
bool resolve_context(const GlobalOptions& options, Context& context);

// Whether to colour output written to `stream`: a terminal, no NO_COLOR.
bool use_color(const GlobalOptions& options, std::FILE* stream);

// Prints "hros: error: message" to stderr.
void print_error(const std::string& message);

// Prints diagnostics (config or schema file problems) to stderr.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

void setup_lint(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_schema(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_list(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_new(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_init(CLI::App& app, const GlobalOptions& global, int& exit_code);
// `completions` and the hidden `__complete` that its scripts call.
void setup_completions(CLI::App& app, const GlobalOptions& global, int& exit_code);
// The hidden `man`: hros(1) in roff.
void setup_man(CLI::App& app, int& exit_code);

// The visible commands and options of `app` and its subcommands, walked at
// run time, for completions and the man page.
CommandSpec describe_commands(CLI::App& app);

} // namespace hros::cli
