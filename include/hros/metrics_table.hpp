#pragma once

#include <string>
#include <vector>

#include "hros/markdown_render.hpp"
#include "hros/styled_text.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// One metric of a case, as text ready for a table.
struct MetricRow {
  std::string name;
  std::string before;
  std::string after;
  std::string change; // "+13 pp (+18.3%)"; empty when before or after is not a number
  std::string unit;
  std::string period;
};

// The rows of a `metrics:` list; items that are not mappings are skipped.
std::vector<MetricRow> metric_rows(const YamlNode& metrics);

// The change from `before` to `after` as an absolute difference, in as many
// decimals as the values were written with, and a percentage of `before`
// when it is not zero. A "%" unit makes the difference percentage points.
std::string metric_change(const std::string& before, const std::string& after,
                          const std::string& unit);

// The metrics as a table (numbers right-aligned), or one line per metric when
// the table does not fit the width.
std::vector<Line> render_metrics(const std::vector<MetricRow>& rows, const RenderOptions& options);

} // namespace hros
