#include "hros/case_record.hpp"

#include "hros/case_check.hpp"
#include "hros/corpus.hpp"
#include "hros/file_io.hpp"
#include "hros/front_matter.hpp"
#include "hros/lint.hpp"
#include "hros/scalar.hpp"
#include "hros/source.hpp"
#include "hros/yaml_load.hpp"

#include "hros/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace hros {
namespace {

CaseRecord load_record(const std::filesystem::path& file) {
  CaseRecord record;
  record.file = file;
  record.path = display_path(file);
  record.slug = slug_of(file);
  ReadResult read = read_file(file);
  if (!read.ok) {
    record.problem = read.error;
    return record;
  }
  SourceCheck prepared = prepare_source(std::move(read.text));
  if (prepared.problem) {
    record.problem = prepared.problem->message;
    return record;
  }
  FrontMatterSplit split = split_front_matter(prepared.source.text);
  if (split.problem) {
    record.problem = split.problem->message;
    return record;
  }
  YamlLoad yaml = load_yaml(split.yaml, split.yaml_start);
  if (!yaml.ok || !yaml.root.is_mapping()) {
    record.problem = yaml.diagnostics.empty() ? "the front matter is not a set of fields"
                                              : yaml.diagnostics[0].message;
    return record;
  }
  record.front = std::move(yaml.root);
  return record;
}

} // namespace

std::vector<CaseRecord> load_records(const std::vector<std::filesystem::path>& files,
                                     unsigned threads) {
  std::vector<CaseRecord> records(files.size());
  parallel_for(files.size(), threads, [&](std::size_t i) { records[i] = load_record(files[i]); });
  return records;
}

std::string field_text(const CaseRecord& record, const std::string& field) {
  if (field == "slug") {
    return record.slug;
  }
  if (field == "path") {
    return record.path;
  }
  if (field == "year") {
    std::string published = field_text(record, "published");
    return published.substr(0, 4);
  }
  const YamlNode* value = record.front.find(field);
  if (value == nullptr || value->is_null()) {
    return "";
  }
  if (value->is_scalar()) {
    return value->text;
  }
  std::string joined;
  for (const YamlNode& item : value->items) {
    std::string text = item.is_scalar()                         ? item.text
                       : item.is_mapping() && item.find("name") ? item.find("name")->text
                                                                : "";
    joined += (joined.empty() ? "" : "; ") + text;
  }
  return joined;
}

int compare_field(const CaseRecord& a, const CaseRecord& b, const std::string& field,
                  const Schema& schema) {
  std::string left = field_text(a, field);
  std::string right = field_text(b, field);
  if (left.empty() != right.empty()) {
    return left.empty() ? 1 : -1;
  }
  const FieldSpec* spec = schema.find_field(field);
  if (spec != nullptr && spec->type == FieldType::enumeration && spec->ordered) {
    auto index = [&](const std::string& value) {
      return std::find(spec->values.begin(), spec->values.end(), value) - spec->values.begin();
    };
    return static_cast<int>(index(left) - index(right));
  }
  if (spec != nullptr && (spec->type == FieldType::integer || spec->type == FieldType::number)) {
    std::optional<double> x = parse_number(left);
    std::optional<double> y = parse_number(right);
    if (x && y) {
      return *x < *y ? -1 : *x > *y ? 1 : 0;
    }
  }
  return lowercase(left).compare(lowercase(right));
}

} // namespace hros
