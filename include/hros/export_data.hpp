#pragma once

#include <string>
#include <vector>

#include "hros/case_record.hpp"
#include "hros/export_case.hpp"
#include "hros/json_value.hpp"
#include "hros/schema.hpp"

namespace hros {

// One case as JSON: slug, path, the front matter typed by the schema (dates
// as ISO strings, numbers as numbers), the body's Markdown and its sections
// as [{"title", "text"}].
JsonValue export_case_json(const CaseRecord& record, const CaseBody& body, const Schema& schema);

// The action line of the Elasticsearch/OpenSearch bulk API that precedes a
// document: {"index":{"_index":NAME,"_id":SLUG}}.
std::string bulk_action_line(const std::string& index, const std::string& slug);

// Why NAME cannot be an Elasticsearch/OpenSearch index name, or "" if it can:
// lowercase, no \ / * ? " < > | , # : or space, not starting with - _ +,
// not . or .., at most 255 bytes.
std::string index_name_problem(const std::string& name);

// The columns of the CSV export: slug, path, then the schema's top-level
// fields in the schema's order.
std::vector<std::string> export_csv_columns(const Schema& schema);

// A CSV row (RFC 4180, CRLF-terminated): lists joined with "; ", metrics as
// "name: before -> after unit (period)", formula-leading cells neutralised.
std::string export_csv_row(const CaseRecord& record, const std::vector<std::string>& columns);
std::string export_csv_header(const std::vector<std::string>& columns);

// A metric's value text and the change from before to after, e.g. "+13" and
// "+18.3%", for tables and CSV. Empty when a side is missing or not a number.
struct MetricChange {
  std::string absolute;
  std::string relative;
};
MetricChange metric_change(const YamlNode& metric);

// A number as short text: integers without a decimal point, others to at
// most two decimals.
std::string short_number(double value);

} // namespace hros
