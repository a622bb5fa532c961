#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "hros/command_spec.hpp"
#include "hros/config.hpp"
#include "hros/corpus.hpp"
#include "hros/filter.hpp"
#include "hros/schema.hpp"

namespace hros {
class SearchIndex;
}

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
// Whether the bank's cases directory is there; when not, says so (the path
// written out: it may come from a cloned bank's hros.yaml).
bool has_cases_directory(const Context& context);

// Writes a command's output to stdout. A failed write (a full disk, a closed
// pipe) is remembered: `main` reports it and exits 2 rather than 0.
void write_output(std::string_view text);

// The errno of the first failed write_output, or 0.
int output_errno();

// Prints diagnostics (config or schema file problems) to stderr.
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

// Parses every `--where` condition against the schema; prints the first
// error and returns false when one is malformed (a usage error).
bool parse_conditions(const std::vector<std::string>& texts, const Schema& schema,
                      std::vector<Condition>& conditions);

// The case files of the bank; prints an error and returns false when the
// cases directory does not exist (a usage error).
bool discover_bank(const Context& context, Corpus& corpus, const DiscoverOptions& options = {});

// Marks the arguments after `search` that are excluded query words (`-sales`)
// rather than options, by putting k_query_word_mark before them, so the
// parser takes them as words; `search` removes the mark.
inline constexpr const char* k_query_word_mark = "\x1e";
std::vector<std::string> mark_query_words(CLI::App& app, int argc, char** argv);

// Opens the bank's search index (the cache unless `no_cache`) and runs
// `work` on it; when the cache fails under the command, tells the user once
// and runs `work` again on an index in memory. Returns `work`'s exit code.
int with_index(const GlobalOptions& global, const Context& context, const Corpus& corpus,
               bool no_cache, const std::function<int(SearchIndex&)>& work);

// The width of the terminal on stdout, or 0 when stdout is not a terminal.
std::size_t terminal_width();

void setup_lint(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_schema(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_list(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_new(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_search(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_related(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_show(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_stats(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_export(CLI::App& app, const GlobalOptions& global, int& exit_code);
void setup_init(CLI::App& app, const GlobalOptions& global, int& exit_code);
// `completions` and the hidden `__complete` that its scripts call.
void setup_completions(CLI::App& app, const GlobalOptions& global, int& exit_code);
// The hidden `man`: hros(1) in roff.
void setup_man(CLI::App& app, int& exit_code);

// The visible commands and options of `app` and its subcommands, walked at
// run time, for completions and the man page.
CommandSpec describe_commands(CLI::App& app);

} // namespace hros::cli
