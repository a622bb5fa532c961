#include "hros/export_data.hpp"

#include "hros/front_json.hpp"
#include "hros/json_writer.hpp"
#include "hros/list_report.hpp"
#include "hros/scalar.hpp"

#include <fmt/format.h>

#include <cmath>

namespace hros {

JsonValue export_case_json(const CaseRecord& record, const CaseBody& body, const Schema& schema) {
  JsonValue object = JsonValue::object();
  object.set("slug", JsonValue::string(record.slug));
  object.set("path", JsonValue::string(record.path));
  add_front_matter_json(object, record.front, schema);
  object.set("body", JsonValue::string(body.markdown));
  JsonValue sections = JsonValue::array();
  for (const BodySection& section : body.sections) {
    JsonValue item = JsonValue::object();
    item.set("title", JsonValue::string(section.title));
    item.set("text", JsonValue::string(section.text));
    sections.push(std::move(item));
  }
  object.set("sections", std::move(sections));
  return object;
}

std::string bulk_action_line(const std::string& index, const std::string& slug) {
  return "{\"index\":{\"_index\":" + json_string(index) + ",\"_id\":" + json_string(slug) + "}}\n";
}

std::string index_name_problem(const std::string& name) {
  if (name.empty()) {
    return "an index name cannot be empty";
  }
  if (name.size() > 255) {
    return "an index name has at most 255 bytes";
  }
  if (name == "." || name == "..") {
    return "an index name cannot be . or ..";
  }
  if (std::string_view("-_+").find(name[0]) != std::string_view::npos) {
    return fmt::format("an index name cannot start with '{}'", name[0]);
  }
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') {
      return "an index name must be lowercase";
    }
    if (std::string_view("\\/*?\"<>|, #:").find(c) != std::string_view::npos ||
        static_cast<unsigned char>(c) < 0x20) {
      return fmt::format("an index name cannot contain '{}'", c);
    }
  }
  return "";
}

std::vector<std::string> export_csv_columns(const Schema& schema) {
  std::vector<std::string> columns = {"slug", "path"};
  for (const FieldSpec& field : schema.fields) {
    if (field.name != "slug") {
      columns.push_back(field.name);
    }
  }
  return columns;
}

std::string short_number(double value) {
  if (std::isfinite(value) && std::fabs(value) < 1e15 && value == std::floor(value)) {
    return fmt::format("{}", static_cast<long long>(value));
  }
  std::string text = fmt::format("{:.2f}", value);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') {
    text.pop_back();
  }
  return text;
}

MetricChange metric_change(const YamlNode& metric) {
  MetricChange change;
  const YamlNode* before = metric.find("before");
  const YamlNode* after = metric.find("after");
  if (before == nullptr || after == nullptr || !before->is_scalar() || !after->is_scalar()) {
    return change;
  }
  std::optional<double> from = parse_number(before->text);
  std::optional<double> to = parse_number(after->text);
  if (!from || !to) {
    return change;
  }
  double delta = *to - *from;
  change.absolute = (delta > 0 ? "+" : "") + short_number(delta);
  if (*from != 0) {
    double percent = delta / std::fabs(*from) * 100;
    change.relative = (percent > 0 ? "+" : "") + short_number(std::round(percent * 10) / 10) + "%";
  }
  return change;
}

namespace {

std::string scalar_of(const YamlNode& mapping, const char* key) {
  const YamlNode* value = mapping.find(key);
  return value != nullptr && value->is_scalar() ? value->text : "";
}

std::string metrics_text(const YamlNode& metrics) {
  std::string out;
  for (const YamlNode& metric : metrics.items) {
    if (!metric.is_mapping()) {
      continue;
    }
    std::string unit = scalar_of(metric, "unit");
    std::string period = scalar_of(metric, "period");
    std::string text =
        fmt::format("{}: {} -> {}{}", scalar_of(metric, "name"), scalar_of(metric, "before"),
                    scalar_of(metric, "after"), unit.empty() ? "" : " " + unit);
    if (!period.empty()) {
      text += " (" + period + ")";
    }
    out += (out.empty() ? "" : "; ") + text;
  }
  return out;
}

} // namespace

std::string export_csv_header(const std::vector<std::string>& columns) {
  std::string row;
  for (const std::string& column : columns) {
    row += (row.empty() ? "" : ",") + csv_cell(column);
  }
  return row + "\r\n";
}

std::string export_csv_row(const CaseRecord& record, const std::vector<std::string>& columns) {
  std::string row;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const YamlNode* value = record.front.find(columns[c]);
    std::string text = columns[c] == "metrics" && value != nullptr && value->is_sequence()
                           ? metrics_text(*value)
                           : field_text(record, columns[c]);
    row += (c == 0 ? "" : ",") + csv_cell(text);
  }
  return row + "\r\n";
}

} // namespace hros
