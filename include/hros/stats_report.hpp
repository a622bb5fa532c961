#pragma once

#include <cstddef>
#include <string>

#include "hros/stats.hpp"

namespace hros {

enum class StatsFormat { table, json, csv };

// Parses a --format value of `hros stats`; false if unknown.
bool parse_stats_format(const std::string& name, StatsFormat& format);

struct StatsStyle {
  std::size_t width = 80; // the table's width, bars included
  bool unicode = false;   // bars of Unicode blocks (eighths), else '#'
};

// Renders counts: a table with each value's count, its share of the cases and
// a bar proportional to the largest count, then the total; JSON (values, null
// for cases without the field); or CSV (RFC 4180, cells made inert for
// spreadsheets). Text from cases is made terminal-safe in the table.
std::string render_stats(const Stats& stats, StatsFormat format, const StatsStyle& style);

} // namespace hros
