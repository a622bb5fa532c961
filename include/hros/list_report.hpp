#pragma once

#include <string>
#include <vector>

#include "hros/case_record.hpp"
#include "hros/schema.hpp"

namespace hros {

enum class ListFormat { table, json, ndjson, csv, paths };

// Parses a --format value of `hros list`; false if unknown.
bool parse_list_format(const std::string& name, ListFormat& format);

struct ListStyle {
  std::vector<std::string> columns; // for table and csv
  std::size_t width = 0;            // table width to fit; 0: no limit
};

// Renders the records. Printers only format: json and ndjson carry the whole
// typed front matter plus slug and path; csv is RFC 4180, lists joined with
// "; ", and cells a spreadsheet would run as a formula are made inert.
std::string render_list(const std::vector<const CaseRecord*>& records, const Schema& schema,
                        ListFormat format, const ListStyle& style);

// A CSV cell: quoted when needed, formula-leading characters neutralised.
std::string csv_cell(const std::string& text);

} // namespace hros
