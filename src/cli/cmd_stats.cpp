// hros stats = discover -> read front matter (both cores) -> filter -> count
// by one field -> print.
#include "hros/cli.hpp"

#include "terminal.hpp"

#include "hros/case_record.hpp"
#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"
#include "hros/filter.hpp"
#include "hros/stats.hpp"
#include "hros/stats_report.hpp"
#include "hros/suggest.hpp"
#include "hros/terminal_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace fs = std::filesystem;

namespace hros::cli {
namespace {

struct StatsCommand {
  std::string by = "industry";
  std::vector<std::string> where;
  std::string format = "table";
  int width = -1;
};

int run_stats(const StatsCommand& command, const GlobalOptions& global) {
  StatsFormat format{};
  if (!parse_stats_format(command.format, format)) {
    print_error(
        fmt::format("unknown format '{}'; use table, json or csv", terminal_safe(command.format)));
    return k_exit_usage;
  }
  if (command.width != -1 && command.width < 20) {
    print_error(fmt::format("--width: {} is too narrow; give 20 or more", command.width));
    return k_exit_usage;
  }
  Context context;
  if (!resolve_context(global, context)) {
    return k_exit_usage;
  }
  std::vector<std::string> fields = filterable_fields(context.schema);
  if (std::find(fields.begin(), fields.end(), command.by) == fields.end()) {
    print_error(fmt::format("--by: unknown field '{}'{}", terminal_safe(command.by),
                            did_you_mean(command.by, fields)));
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
  Corpus corpus = discover_cases(display_path(context.config.cases_dir), context.config.ignore);
  std::vector<CaseRecord> records = load_records(corpus.files);

  std::vector<const CaseRecord*> selected;
  for (const CaseRecord& record : records) {
    if (!record.problem.empty()) {
      if (!global.quiet) {
        fmt::print(stderr, "hros: warning: {}: skipped: {} (run 'hros lint')\n",
                   terminal_safe(record.path), terminal_safe(record.problem));
      }
    } else if (matches_all(record.front, record.slug, conditions)) {
      selected.push_back(&record);
    }
  }
  if (selected.empty()) {
    if (format == StatsFormat::json) {
      std::string text = render_stats(count_by(selected, command.by, context.schema), format, {});
      std::fwrite(text.data(), 1, text.size(), stdout);
    }
    if (!global.quiet) {
      fmt::print(stderr, "hros: no case matches\n");
    }
    return k_exit_problem;
  }
  StatsStyle style;
  style.width = output_width(command.width);
  style.unicode = utf8_locale();
  std::string text = render_stats(count_by(selected, command.by, context.schema), format, style);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return k_exit_ok;
}

} // namespace

void setup_stats(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto command = std::make_shared<StatsCommand>();
  CLI::App* stats =
      app.add_subcommand("stats", "Count cases by industry, topic, size, region, year");
  stats
      ->add_option("-b,--by", command->by,
                   "The field to count by: industry, topics, company_size, regions, year, kind, "
                   "status or any other")
      ->type_name("FIELD")
      ->capture_default_str();
  stats
      ->add_option("-w,--where", command->where,
                   "Count only cases where FIELD OP VALUE holds (OP: = != < <= > >=); repeat to "
                   "combine")
      ->type_name("COND");
  stats->add_option("-f,--format", command->format, "table, json or csv")->capture_default_str();
  stats->add_option("--width", command->width, "Fit the table to N columns (default: the terminal)")
      ->type_name("N");
  stats->footer(
      "Exit status: 0 counts printed, 1 no case matches, 2 usage or I/O error.\n\n"
      "Values come by count, most first; company_size in its own order and years in time order.\n"
      "A list field (topics, regions) counts a case once under each item. Cases without the\n"
      "field are counted as (none).\n\n"
      "Examples:\n"
      "  hros stats --by topics\n"
      "  hros stats --by company_size --where industry=retail\n"
      "  hros stats --by year --where status=published --format csv > per-year.csv\n"
      "  hros stats --by regions --where 'published>=2023' --format json");
  stats->callback([command, &global, &exit_code] { exit_code = run_stats(*command, global); });
}

} // namespace hros::cli
