// hros list = discover -> read front matter (both cores) -> filter -> sort -> print.
#include "hros/cli.hpp"

#include "terminal.hpp"

#include "hros/case_record.hpp"
#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"
#include "hros/filter.hpp"
#include "hros/list_report.hpp"
#include "hros/printable.hpp"
#include "hros/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <sys/ioctl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros::cli {
namespace {

struct ListCommand {
  std::vector<std::string> where;
  std::string sort = "slug";
  std::string columns = "slug,title,organization,industry,company_size,year";
  std::string format = "table";
  int limit = 0;
};

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = std::min(text.find(',', begin), text.size());
    std::string part = text.substr(begin, end - begin);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) {
      parts.push_back(part);
    }
    begin = end + 1;
  }
  return parts;
}

// The table fits the terminal; off one, $COLUMNS columns when it is set (as
// `hros show` takes it), else rows are printed whole for pipes and files.
std::size_t table_width() {
  std::size_t width = terminal_width();
  return width > 0 ? width : columns_variable();
}

// Checks that every column or sort key names a field; prints what is wrong.
bool known_fields(const std::vector<std::string>& names, const Schema& schema, const char* option) {
  std::vector<std::string> fields = filterable_fields(schema);
  fields.push_back("path");
  for (const std::string& raw : names) {
    std::string name = raw[0] == '-' ? raw.substr(1) : raw;
    if (std::find(fields.begin(), fields.end(), name) == fields.end()) {
      print_error(
          fmt::format("{}: unknown field '{}'{}", option, name, did_you_mean(name, fields)));
      return false;
    }
  }
  return true;
}

int run_list(const ListCommand& command, const GlobalOptions& global) {
  ListFormat format{};
  if (!parse_list_format(command.format, format)) {
    print_error(
        fmt::format("unknown format '{}'; use table, json, ndjson, csv or paths", command.format));
    return k_exit_usage;
  }
  Context context;
  if (!resolve_context(global, context)) {
    return k_exit_usage;
  }
  std::vector<Condition> conditions;
  if (!parse_conditions(command.where, context.schema, conditions)) {
    return k_exit_usage;
  }
  std::vector<std::string> sort_keys = split_list(command.sort);
  ListStyle style;
  style.columns = split_list(command.columns);
  if (style.columns.empty()) {
    print_error("--columns: name at least one field, e.g. slug,title");
    return k_exit_usage;
  }
  if (command.limit < 0) {
    print_error(fmt::format("--limit: {} is not a number of cases; give 1 or more", command.limit));
    return k_exit_usage;
  }
  if (!known_fields(sort_keys, context.schema, "--sort") ||
      !known_fields(style.columns, context.schema, "--columns")) {
    return k_exit_usage;
  }
  Corpus corpus;
  if (!discover_bank(context, corpus)) {
    return k_exit_usage;
  }
  std::vector<CaseRecord> records = load_records(corpus.files);

  std::vector<const CaseRecord*> selected;
  for (const CaseRecord& record : records) {
    if (!record.problem.empty()) {
      if (!global.quiet) {
        fmt::print(stderr, "hros: warning: {}: skipped: {} (run 'hros lint')\n",
                   printable(record.path), printable(record.problem));
      }
    } else if (matches_all(record.front, record.slug, conditions)) {
      selected.push_back(&record);
    }
  }
  std::stable_sort(selected.begin(), selected.end(), [&](const CaseRecord* a, const CaseRecord* b) {
    for (const std::string& key : sort_keys) {
      bool descending = key[0] == '-';
      std::string field = descending ? key.substr(1) : key;
      // Cases without the field come last whichever the direction.
      bool a_missing = field_text(*a, field).empty();
      bool b_missing = field_text(*b, field).empty();
      if (a_missing != b_missing) {
        return b_missing;
      }
      int order = compare_field(*a, *b, field, context.schema);
      if (order != 0) {
        return descending ? order > 0 : order < 0;
      }
    }
    return false;
  });
  if (command.limit > 0 && selected.size() > static_cast<std::size_t>(command.limit)) {
    selected.resize(static_cast<std::size_t>(command.limit));
  }
  style.width = format == ListFormat::table ? table_width() : 0;
  std::string text = render_list(selected, context.schema, format, style);
  if (!selected.empty() || format == ListFormat::json) {
    write_output(text);
  }
  if (selected.empty() && !global.quiet) {
    fmt::print(stderr, "hros: no case matches\n");
  }
  return selected.empty() ? k_exit_problem : k_exit_ok;
}

} // namespace

void setup_list(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto command = std::make_shared<ListCommand>();
  CLI::App* list = app.add_subcommand("list", "List and filter cases");
  list->add_option("-w,--where", command->where,
                   "Keep cases where FIELD OP VALUE holds (OP: = != < <= > >=); repeat to combine")
      ->type_name("COND");
  list->add_option("-s,--sort", command->sort,
                   "Sort by fields, '-' first for descending, e.g. -published,title")
      ->type_name("FIELDS")
      ->capture_default_str();
  list->add_option("-c,--columns", command->columns, "Columns of the table and CSV")
      ->type_name("FIELDS")
      ->capture_default_str();
  list->add_option("-f,--format", command->format, "table, json, ndjson, csv or paths")
      ->capture_default_str();
  list->add_option("-n,--limit", command->limit, "Show at most N cases")->type_name("N");
  list->footer(
      "Exit status: 0 cases listed, 1 no case matches, 2 usage or I/O error.\n\n"
      "Conditions compare by the field's type: ordered values (company_size) by their order,\n"
      "dates by date (2022 means the year), lists match when any item does ('!=' when none "
      "does).\n\n"
      "Examples:\n"
      "  hros list --where industry=retail --where topics=onboarding\n"
      "  hros list --where 'company_size>=201-1000' --where 'published>=2022' --sort -published\n"
      "  hros list --where status=in-review --format paths\n"
      "  hros list --columns slug,title,regions --format csv > cases.csv");
  list->callback([command, &global, &exit_code] { exit_code = run_list(*command, global); });
}

} // namespace hros::cli
