#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "hros/case_record.hpp"
#include "hros/schema.hpp"

namespace hros {

// How many cases have one value of a field.
struct StatsRow {
  std::string value;
  bool none = false; // the cases without the field
  std::size_t count = 0;
};

// Counts of cases by the values of one field.
struct Stats {
  std::string field;
  std::size_t cases = 0;      // cases counted
  bool several = false;       // a list field: a case counts once under each of its items
  std::vector<StatsRow> rows; // in the order to show
};

// Counts `records` by `field` (any field `--where` takes, `year` included).
// A list counts each distinct item of a case; lists of objects count their
// `name`. Rows come by count, most first, then by value; an ordered
// enumeration (company_size) lists every value in the schema's order, zero
// counts included, and years come in order. Cases without the field are
// one row at the end, marked `none`.
Stats count_by(const std::vector<const CaseRecord*>& records, const std::string& field,
               const Schema& schema);

} // namespace hros
