// hros: builds the command line, dispatches to one command, maps every
// outcome to the documented exit codes. All the work is in hros_core.
#include "hros/cli.hpp"

#include "hros/default_schema.hpp"
#include "hros/exit_code.hpp"
#include "hros/schema.hpp"
#include "hros/schema_load.hpp"
#include "hros/suggest.hpp"
#include "hros/version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <optional>
#include <vector>

namespace {

std::string version_text() {
  const hros::Schema& schema = hros::default_schema();
  return fmt::format("hros {} (built-in schema {} version {})", hros::version(), schema.name,
                     schema.version);
}

// CLI11 reports a mistyped command as "A subcommand is required"; say what
// was typed and what was probably meant instead.
std::optional<std::string> unknown_command(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands({})) {
    names.push_back(command->get_name());
  }
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--root" || arg == "--config" || arg == "--color") {
      ++i; // its value
      continue;
    }
    if (arg.empty() || arg[0] == '-') {
      continue;
    }
    if (std::find(names.begin(), names.end(), arg) != names.end()) {
      return std::nullopt;
    }
    std::string suggestion = hros::did_you_mean(arg, names);
    return fmt::format("unknown command '{}'{}", arg,
                       suggestion.empty() ? "; run 'hros --help' for the list" : suggestion);
  }
  return std::nullopt;
}

} // namespace

int main(int argc, char** argv) {
  using namespace hros;
  cli::GlobalOptions global;
  int exit_code = k_exit_ok;
  CLI::App app("hros: the toolkit of an open knowledge bank of HR case studies.", "hros");
  app.set_version_flag("-V,--version", version_text());
  app.add_option("--root", global.root,
                 "Directory holding the case files (default: from hros.yaml, else ./cases)")
      ->type_name("DIR");
  app.add_option("--config", global.config,
                 "Configuration file (default: hros.yaml here or in a parent directory)")
      ->type_name("FILE");
  std::string color = "auto";
  app.add_option("--color", color,
                 "Colour: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", global.quiet,
               "Print only what was asked for: no summaries or progress");
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Exit status: 0 success; 1 the command found a problem (lint errors, no match);\n"
             "2 a usage error or a file/IO failure.\n\n"
             "Run 'hros COMMAND --help' for a command's options and examples.");
  app.parse_complete_callback([&] {
    global.color = color == "always"  ? cli::ColorMode::always
                   : color == "never" ? cli::ColorMode::never
                                      : cli::ColorMode::automatic;
  });
  cli::setup_lint(app, global, exit_code);
  cli::setup_schema(app, global, exit_code);
  cli::setup_list(app, global, exit_code);
  cli::setup_new(app, global, exit_code);
  cli::setup_search(app, global, exit_code);
  cli::setup_related(app, global, exit_code);
  cli::setup_show(app, global, exit_code);
  cli::setup_stats(app, global, exit_code);
  cli::setup_export(app, global, exit_code);
  cli::setup_init(app, global, exit_code);
  cli::setup_completions(app, global, exit_code);
  cli::setup_man(app, exit_code);
  if (std::optional<std::string> unknown = unknown_command(app, argc, argv)) {
    cli::print_error(*unknown);
    return k_exit_usage;
  }
  if (argc == 1) {
    std::fputs(app.help().c_str(), stderr);
    return k_exit_usage;
  }
  try {
    std::vector<std::string> args = cli::mark_query_words(app, argc, argv);
    std::reverse(args.begin(), args.end()); // CLI11 takes them last first
    args.pop_back();                        // the program's name
    app.parse(std::move(args));
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& shown) {
    return app.exit(shown);
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return k_exit_usage;
  } catch (const std::exception& error) {
    cli::print_error(error.what());
    return k_exit_usage;
  }
  // Output lost to a full disk or a closed pipe must not pass for success.
  int flushed = std::fflush(stdout);
  int failure = cli::output_errno() != 0 ? cli::output_errno() : flushed != 0 ? errno : 0;
  if (failure != 0 || std::ferror(stdout)) {
    cli::print_error(
        fmt::format("cannot write the output: {}", std::strerror(failure != 0 ? failure : EIO)));
    return k_exit_usage;
  }
  return exit_code;
}
