// hros export = discover -> read front matter (both cores) -> filter ->
// write: single-stream formats through an atomic output file, the site
// through a directory swap.
#include "hros/cli.hpp"

#include "hros/case_record.hpp"
#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"
#include "hros/export.hpp"
#include "hros/export_data.hpp"
#include "hros/filter.hpp"
#include "hros/interrupt.hpp"
#include "hros/output_file.hpp"

#include <fmt/format.h>

#include <memory>

namespace fs = std::filesystem;

namespace hros::cli {
namespace {

struct ExportCommand {
  std::string format = "json";
  std::string output;
  std::vector<std::string> where;
  std::string bulk_index;
  std::string title;
  bool force = false;
};

// Usage problems found before any case is read; "" when the options fit.
std::string option_problem(const ExportCommand& command, ExportFormat format) {
  if (!command.bulk_index.empty()) {
    if (format != ExportFormat::ndjson) {
      return "--bulk-index goes with --format ndjson";
    }
    if (std::string problem = index_name_problem(command.bulk_index); !problem.empty()) {
      return fmt::format("--bulk-index '{}': {}", command.bulk_index, problem);
    }
  }
  bool to_file = !command.output.empty() && command.output != "-";
  if (format == ExportFormat::sqlite && !to_file) {
    return "--format sqlite writes a database file: give one with -o FILE";
  }
  if (format == ExportFormat::html && !to_file) {
    return "--format html writes a site: give its directory with -o DIR";
  }
  if (command.force && format != ExportFormat::html) {
    return "--force goes with --format html (other formats replace their file atomically)";
  }
  return "";
}

void print_warnings(const std::vector<std::string>& warnings, const GlobalOptions& global) {
  if (global.quiet) {
    return;
  }
  for (const std::string& warning : warnings) {
    fmt::print(stderr, "hros: warning: {}\n", warning);
  }
}

int write_export(const ExportCommand& command, ExportFormat format,
                 const std::vector<const CaseRecord*>& selected, const Context& context,
                 const GlobalOptions& global) {
  ExportOptions options;
  options.bulk_index = command.bulk_index;
  if (!command.title.empty()) {
    options.site_title = command.title;
  }
  ExportResult result;
  if (format == ExportFormat::html) {
    result = export_site(selected, context.schema, options, command.output,
                         command.force ? ReplaceDir::any : ReplaceDir::only_exports);
  } else {
    OutputFile out;
    if (!out.open(command.output)) {
      print_error(out.error());
      return k_exit_usage;
    }
    result = format == ExportFormat::sqlite
                 ? export_sqlite(selected, context.schema, options, out)
                 : export_stream(selected, context.schema, format, options, out);
    if (result.ok && interrupt_signal() == 0 && !out.commit()) {
      result.ok = false;
      result.error = out.error();
    }
    if (!result.ok || interrupt_signal() != 0) {
      out.discard();
    }
  }
  if (interrupt_signal() != 0) {
    die_of_interrupt(); // everything temporary is gone; the old output stands
  }
  print_warnings(result.warnings, global);
  if (!result.ok) {
    print_error(result.error);
    return k_exit_usage;
  }
  if (!global.quiet && !command.output.empty() && command.output != "-") {
    fmt::print(stderr, "hros: exported {} case{} to {}\n", result.cases,
               result.cases == 1 ? "" : "s", command.output);
  }
  return k_exit_ok;
}

int run_export(const ExportCommand& command, const GlobalOptions& global) {
  ExportFormat format{};
  if (!parse_export_format(command.format, format)) {
    print_error(
        fmt::format("unknown format '{}'; use json, ndjson, csv, sqlite or html", command.format));
    return k_exit_usage;
  }
  if (std::string problem = option_problem(command, format); !problem.empty()) {
    print_error(problem);
    return k_exit_usage;
  }
  Context context;
  if (!resolve_context(global, context)) {
    return k_exit_usage;
  }
  std::vector<Condition> conditions;
  for (const std::string& text : command.where) {
    ConditionParse parse = parse_condition(text, context.schema);
    if (!parse.error.empty()) {
      print_error("--where: " + parse.error);
      return k_exit_usage;
    }
    conditions.push_back(parse.condition);
  }
  if (!has_cases_directory(context)) {
    return k_exit_usage;
  }
  install_interrupt_handlers();
  Corpus corpus = discover_cases(display_path(context.config.cases_dir), context.config.ignore);
  std::vector<CaseRecord> records = load_records(corpus.files);
  std::vector<const CaseRecord*> selected;
  for (const CaseRecord& record : records) {
    if (!record.problem.empty()) {
      // Skipped rather than fatal, as in `hros list`: one broken file should
      // not keep the rest of the bank from being published; lint is the gate.
      if (!global.quiet) {
        fmt::print(stderr, "hros: warning: {}: skipped: {} (run 'hros lint')\n", record.path,
                   record.problem);
      }
    } else if (matches_all(record.front, record.slug, conditions)) {
      selected.push_back(&record);
    }
  }
  if (interrupt_signal() != 0) {
    die_of_interrupt();
  }
  if (selected.empty()) {
    if (!global.quiet) {
      fmt::print(stderr, "hros: no case matches; nothing written\n");
    }
    return k_exit_problem;
  }
  return write_export(command, format, selected, context, global);
}

} // namespace

void setup_export(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto command = std::make_shared<ExportCommand>();
  CLI::App* cmd =
      app.add_subcommand("export", "Export cases as JSON, NDJSON, CSV, SQLite or a site");
  cmd->add_option("-f,--format", command->format, "json, ndjson, csv, sqlite or html")
      ->capture_default_str();
  cmd->add_option("-o,--output", command->output,
                  "File to write (default: stdout); the site's directory for html")
      ->type_name("PATH");
  cmd->add_option("-w,--where", command->where,
                  "Keep cases where FIELD OP VALUE holds (OP: = != < <= > >=); repeat to combine")
      ->type_name("COND");
  cmd->add_option("--bulk-index", command->bulk_index,
                  "ndjson: precede each case with an Elasticsearch/OpenSearch bulk action for "
                  "index NAME")
      ->type_name("NAME");
  cmd->add_option("--title", command->title, "html: the site's title")->type_name("TEXT");
  cmd->add_flag("--force", command->force,
                "html: replace DIR even when it is not an earlier hros export");
  cmd->footer(
      "Exit status: 0 exported, 1 no case matches (nothing written), 2 usage or I/O error.\n\n"
      "Every file is written to a temporary name and renamed into place; the site is built\n"
      "beside DIR and swapped in whole, so a failed or interrupted export (Ctrl-C) leaves\n"
      "the previous output as it was. Cases with broken front matter are skipped with a\n"
      "warning.\n\n"
      "Examples:\n"
      "  hros export --format json -o cases.json\n"
      "  hros export --format ndjson --bulk-index hros | curl -H 'Content-Type: "
      "application/x-ndjson' \\\n"
      "      --data-binary @- http://localhost:9200/_bulk\n"
      "  hros export --format csv --where industry=retail > retail.csv\n"
      "  hros export --format sqlite -o bank.sqlite\n"
      "  hros export --format html -o site    # then open site/index.html");
  cmd->callback([command, &global, &exit_code] { exit_code = run_export(*command, global); });
}

} // namespace hros::cli
