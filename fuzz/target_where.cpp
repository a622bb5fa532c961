// A `--where` condition (the first line) against the built-in schema, then,
// when it is valid, matched against a front matter (the rest of the input) as
// `hros list` does, and that case rendered as `hros list` prints it: the JSON
// must be well formed whatever the front matter holds, and the CSV cells
// never start a formula.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "hros/case_record.hpp"
#include "hros/filter.hpp"
#include "hros/list_report.hpp"
#include "hros/schema_load.hpp"
#include "hros/source.hpp"
#include "hros/yaml_load.hpp"

namespace hros::fuzz {

int where(const std::uint8_t* data, std::size_t size) {
  std::string_view input = as_text(data, size);
  std::size_t newline = input.find('\n');
  std::string_view condition_text = input.substr(0, newline);
  const Schema& schema = default_schema();
  ConditionParse parsed = parse_condition(condition_text, schema);
  if (!parsed.error.empty()) {
    return 0;
  }
  require(!parsed.condition.field.empty(), "a valid condition without a field");
  if (newline == std::string_view::npos) {
    return 0;
  }
  SourceCheck prepared = prepare_source(std::string(input.substr(newline + 1)));
  if (prepared.problem) {
    return 0;
  }
  YamlLoad load = load_yaml(prepared.source.text, Position{2, 1, 4});
  if (!load.ok) {
    return 0;
  }
  CaseRecord record;
  record.file = "cases/fuzz-case.md";
  record.path = "cases/fuzz-case.md";
  record.slug = "fuzz-case";
  record.front = std::move(load.root);
  if (!matches_all(record.front, record.slug, {parsed.condition})) {
    return 0;
  }
  std::vector<const CaseRecord*> records{&record};
  ListStyle style;
  style.columns = filterable_fields(schema);
  require_json(render_list(records, schema, ListFormat::json, style), "hros list --format json");
  std::string ndjson = render_list(records, schema, ListFormat::ndjson, style);
  require(!ndjson.empty() && ndjson.back() == '\n' && ndjson.find('\n') == ndjson.size() - 1,
          "an NDJSON record is not one line");
  require_json(ndjson, "hros list --format ndjson");
  render_list(records, schema, ListFormat::csv, style);
  require_printable(render_list(records, schema, ListFormat::table, style), "hros list");
  return 0;
}

} // namespace hros::fuzz
