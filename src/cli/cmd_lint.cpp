// hros lint = discover -> check (both cores) -> cross-check -> report, and
// with --fix: apply safe fixes, then check again so the report is current.
#include "hros/cli.hpp"

#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"
#include "hros/fix.hpp"
#include "hros/lint.hpp"
#include "hros/lint_report.hpp"
#include "hros/printable.hpp"

#include <fmt/format.h>

#include <memory>

namespace fs = std::filesystem;

namespace hros::cli {
namespace {

struct LintCommand {
  std::vector<std::string> paths;
  std::string format = "text";
  bool strict = false;
  bool fix = false;
  unsigned jobs = 0;
};

struct Targets {
  std::vector<fs::path> files;
  std::vector<Diagnostic> diagnostics;
  bool io_error = false;
};

Targets collect_targets(const LintCommand& command, const Context& context) {
  Targets targets;
  auto add_directory = [&](const fs::path& directory) {
    Corpus corpus = discover_cases(directory, context.config.ignore);
    targets.files.insert(targets.files.end(), corpus.files.begin(), corpus.files.end());
    targets.diagnostics.insert(targets.diagnostics.end(), corpus.diagnostics.begin(),
                               corpus.diagnostics.end());
    targets.io_error = targets.io_error || corpus.io_error;
  };
  if (command.paths.empty()) {
    if (!has_cases_directory(context)) {
      targets.io_error = true;
      return targets;
    }
    fs::path root = context.config.cases_dir;
    add_directory(root.is_absolute() ? fs::path(display_path(root)) : root);
    return targets;
  }
  for (const std::string& path : command.paths) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
      add_directory(path);
    } else if (fs::exists(path, error)) {
      targets.files.emplace_back(path);
    } else {
      print_error(fmt::format("no such file or directory: {}", printable(path)));
      targets.io_error = true;
    }
  }
  return targets;
}

LintResult run_checks(const Targets& targets, const Context& context, unsigned jobs) {
  LintOptions options;
  options.threads = jobs;
  LintResult result = lint_files(targets.files, context.schema, context.config, options);
  result.diagnostics.insert(result.diagnostics.begin(), targets.diagnostics.begin(),
                            targets.diagnostics.end());
  for (const Diagnostic& diagnostic : targets.diagnostics) {
    (diagnostic.severity == Severity::error ? result.errors : result.warnings) += 1;
  }
  result.io_error = result.io_error || targets.io_error;
  return result;
}

// Prints what --fix changed; returns false if a file could not be rewritten.
bool report_fixes(const std::vector<FixOutcome>& outcomes, bool quiet) {
  bool ok = true;
  for (const FixOutcome& outcome : outcomes) {
    if (!outcome.error.empty()) {
      print_error(printable(outcome.error));
      ok = false;
      continue;
    }
    if (!quiet) {
      for (const std::string& change : outcome.applied) {
        fmt::print(stderr, "hros: fixed {}: {}\n", printable(outcome.path), printable(change));
      }
    }
  }
  return ok;
}

int run_lint(const LintCommand& command, const GlobalOptions& global) {
  LintFormat format{};
  if (!parse_lint_format(command.format, format)) {
    print_error(
        fmt::format("unknown format '{}'; use text, json, github, sarif or junit", command.format));
    return k_exit_usage;
  }
  Context context;
  if (!resolve_context(global, context)) {
    return k_exit_usage;
  }
  Targets targets = collect_targets(command, context);
  if (targets.files.empty() && targets.io_error) {
    return k_exit_usage;
  }
  LintResult result = run_checks(targets, context, command.jobs);
  bool fixes_ok = true;
  if (command.fix) {
    fixes_ok = report_fixes(apply_fixes(result.diagnostics), global.quiet);
    result = run_checks(targets, context, command.jobs);
  }
  std::vector<std::string> files;
  for (const fs::path& file : targets.files) {
    files.push_back(display_path(file));
  }
  ReportStyle style;
  style.color = format == LintFormat::text && use_color(global, stdout);
  style.quiet = global.quiet;
  std::string report = render_lint(result, files, format, style);
  write_output(report);
  if (result.io_error || !fixes_ok) {
    return k_exit_usage;
  }
  if (result.errors > 0 || (command.strict && result.warnings > 0)) {
    return k_exit_problem;
  }
  return k_exit_ok;
}

} // namespace

void setup_lint(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto command = std::make_shared<LintCommand>();
  CLI::App* lint = app.add_subcommand("lint", "Check cases against the schema; CI's gate");
  lint->add_option("paths", command->paths,
                   "Files or directories to check (default: the cases directory)");
  lint->add_option("-f,--format", command->format, "Output: text, json, github, sarif or junit")
      ->capture_default_str();
  lint->add_flag("--strict", command->strict, "Fail (exit 1) on warnings too");
  lint->add_flag(
      "--fix", command->fix,
      "Apply fixes that cannot change meaning (enum case, synonyms, trailing whitespace, final "
      "newline), then check again");
  lint->add_option("-j,--jobs", command->jobs, "Threads to check files on (default: one per core)");
  lint->footer("Exit status: 0 no errors, 1 errors found (or warnings with --strict), 2 usage or "
               "I/O error.\n\n"
               "Examples:\n"
               "  hros lint                       check every case in the cases directory\n"
               "  hros lint cases/my-case.md      check one file\n"
               "  hros lint --format github       annotations for a GitHub Actions run\n"
               "  hros lint --format sarif > hros.sarif\n"
               "  hros lint --fix                 fix what is safe to fix, report the rest");
  lint->callback([command, &global, &exit_code] { exit_code = run_lint(*command, global); });
}

} // namespace hros::cli
