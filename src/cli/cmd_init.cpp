// hros init [DIR] = the files of a new bank -> refuse if any exists -> write
// each atomically. Nothing is written unless every file is new.
#include "hros/cli.hpp"

#include "hros/bank_init.hpp"
#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"
#include "hros/file_io.hpp"
#include "hros/schema_load.hpp"

#include <fmt/format.h>

#include <memory>

namespace fs = std::filesystem;

namespace hros::cli {
namespace {

int run_init(const std::string& directory, const GlobalOptions& global) {
  fs::path root = directory.empty() ? fs::path(".") : fs::path(directory);
  std::error_code error;
  if (fs::exists(root, error) && !fs::is_directory(root, error)) {
    print_error(fmt::format("{} exists and is not a directory", display_path(root)));
    return k_exit_usage;
  }
  std::vector<BankFile> files = bank_files(default_schema());
  bool clash = false;
  for (const BankFile& file : files) {
    fs::path target = root / file.path;
    if (fs::exists(fs::symlink_status(target, error))) {
      print_error(
          fmt::format("{} already exists; hros init never replaces a file", display_path(target)));
      clash = true;
    }
  }
  if (clash) {
    print_error("nothing was written");
    return k_exit_usage;
  }
  for (const BankFile& file : files) {
    fs::path target = root / file.path;
    fs::create_directories(target.parent_path(), error);
    WriteResult written = write_file_atomic(target, file.text);
    if (!written.ok) {
      print_error(written.error);
      return k_exit_usage;
    }
    if (!global.quiet) {
      fmt::print(stderr, "hros: wrote {}\n", display_path(target));
    }
  }
  if (!global.quiet) {
    std::string cd = directory.empty() || directory == "." ? "" : "cd " + directory + " && ";
    fmt::print(stderr,
               "What's next:\n"
               "  - check the example: {}hros lint\n"
               "  - fit schema/hros.yaml to the bank, then: hros schema --format json-schema > {}\n"
               "  - add a case: hros new\n",
               cd, k_init_json_schema);
  }
  return k_exit_ok;
}

} // namespace

void setup_init(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto directory = std::make_shared<std::string>();
  CLI::App* init = app.add_subcommand("init", "Start a new bank: configuration, schema, example, "
                                              "CI workflow, contributors' guide");
  init->add_option("dir", *directory, "Where to start it (default: the current directory)")
      ->type_name("DIR");
  init->footer(
      "Writes hros.yaml, schema/hros.yaml (a copy of the built-in schema to fit to the bank),\n"
      "schema/hros.schema.json (for editors), cases/ with one example case,\n"
      ".github/workflows/hros.yml (hros lint with annotations on pull requests),\n"
      "CONTRIBUTING.md (generated from the schema) and .pre-commit-hooks.yaml.\n\n"
      "Exit status: 0 written; 2 a file is already there (nothing is written) or an I/O error.\n\n"
      "Examples:\n"
      "  hros init my-bank             start a bank in ./my-bank\n"
      "  hros init                     add hros to the bank in the current directory");
  init->callback([directory, &global, &exit_code] { exit_code = run_init(*directory, global); });
}

} // namespace hros::cli
