// hros: builds the command line, dispatches to one command, maps every
// outcome to the documented exit codes. All the work is in hros_core.
#include "hros/cli.hpp"

#include "hros/default_schema.hpp"
#include "hros/exit_code.hpp"
#include "hros/schema.hpp"
#include "hros/schema_load.hpp"
#include "hros/version.hpp"

#include <fmt/format.h>

#include <exception>
#include <map>

namespace {

std::string version_text() {
  const hros::Schema& schema = hros::default_schema();
  return fmt::format("hros {} (built-in schema {} version {})", hros::version(), schema.name,
                     schema.version);
}

} // namespace

int main(int argc, char** argv) {
  using namespace hros;
  cli::GlobalOptions global;
  int exit_code = k_exit_ok;
  CLI::App app("hros: the toolkit of an open knowledge bank of HR case studies.", "hros");
  app.set_version_flag("-V,--version", version_text());
  app.add_option("--root", global.root,
                 "Directory holding the case files (default: from hros.yaml, else ./cases)");
  app.add_option("--config", global.config,
                 "Configuration file (default: hros.yaml here or in a parent directory)");
  std::map<std::string, cli::ColorMode> colors = {{"auto", cli::ColorMode::automatic},
                                                  {"always", cli::ColorMode::always},
                                                  {"never", cli::ColorMode::never}};
  app.add_option("--color", global.color,
                 "Colour output: auto, always or never (NO_COLOR is honoured)")
      ->transform(CLI::CheckedTransformer(colors, CLI::ignore_case));
  app.add_flag("-q,--quiet", global.quiet,
               "Print only what was asked for: no summaries or progress");
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Exit status: 0 success; 1 the command found a problem (lint errors, no match);\n"
             "2 a usage error or a file/IO failure.\n\n"
             "Run 'hros COMMAND --help' for a command's options and examples.");
  cli::setup_lint(app, global, exit_code);
  cli::setup_schema(app, global, exit_code);
  try {
    app.parse(argc, argv);
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
  return exit_code;
}
