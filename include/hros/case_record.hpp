#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "hros/schema.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// A case as the reading commands (list, stats) see it: its front matter,
// loaded and positioned but not validated; `hros lint` is the judge of that.
struct CaseRecord {
  std::filesystem::path file;
  std::string path; // as displayed
  std::string slug;
  YamlNode front;
  std::string problem; // why the case could not be read; empty when it was
};

// Reads the front matter of every file, on all cores, in the files' order.
std::vector<CaseRecord> load_records(const std::vector<std::filesystem::path>& files,
                                     unsigned threads = 0);

// A field's value as text for tables and CSV: lists joined with "; ",
// `year` taken from `published`, `slug` and `path` from the record.
std::string field_text(const CaseRecord& record, const std::string& field);

// Orders `a` before `b` by the field's type (ordered enums by their order,
// numbers as numbers, text without case); missing values sort last.
int compare_field(const CaseRecord& a, const CaseRecord& b, const std::string& field,
                  const Schema& schema);

} // namespace hros
