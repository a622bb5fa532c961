#include "hros/metrics_table.hpp"

#include "hros/scalar.hpp"
#include "hros/terminal_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace hros {
namespace {

std::string scalar_text(const YamlNode* node) {
  return node != nullptr && node->is_scalar() ? node->text : "";
}

// Digits after the decimal point as written ("2.50" has two).
int decimals(const std::string& text) {
  std::size_t point = text.find('.');
  if (point == std::string::npos) {
    return 0;
  }
  std::size_t end = point + 1;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
    ++end;
  }
  return static_cast<int>(std::min<std::size_t>(end - point - 1, 6));
}

std::string signed_number(double value, int places) {
  std::string text = fmt::format("{:+.{}f}", value, places);
  // -0.0 and +0.0 both mean no change.
  if (text.find_first_not_of("+-0.") == std::string::npos) {
    return text.substr(1);
  }
  return text;
}

enum class Align { left, right };

std::string pad(const std::string& text, std::size_t width, Align align) {
  std::size_t used = display_width(text);
  std::string space(width > used ? width - used : 0, ' ');
  return align == Align::left ? text + space : space + text;
}

} // namespace

std::vector<MetricRow> metric_rows(const YamlNode& metrics) {
  std::vector<MetricRow> rows;
  for (const YamlNode& item : metrics.items) {
    if (!item.is_mapping()) {
      continue;
    }
    MetricRow row;
    row.name = scalar_text(item.find("name"));
    row.before = scalar_text(item.find("before"));
    row.after = scalar_text(item.find("after"));
    row.unit = scalar_text(item.find("unit"));
    row.period = scalar_text(item.find("period"));
    row.change = metric_change(row.before, row.after, row.unit);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string metric_change(const std::string& before, const std::string& after,
                          const std::string& unit) {
  std::optional<double> from = parse_number(before);
  std::optional<double> to = parse_number(after);
  if (!from || !to || !std::isfinite(*from) || !std::isfinite(*to)) {
    return "";
  }
  double difference = *to - *from;
  std::string change = signed_number(difference, std::max(decimals(before), decimals(after)));
  if (unit == "%") {
    change += " pp";
  }
  if (*from != 0) {
    change += " (" + signed_number(difference / std::fabs(*from) * 100, 1) + "%)";
  }
  return change;
}

std::vector<Line> render_metrics(const std::vector<MetricRow>& rows, const RenderOptions& options) {
  const std::vector<std::string> headers = {"Metric", "Before", "After",
                                            "Change", "Unit",   "Period"};
  const Align aligns[] = {Align::left,  Align::right, Align::right,
                          Align::right, Align::left,  Align::left};
  std::vector<std::vector<std::string>> cells;
  for (const MetricRow& row : rows) {
    cells.push_back({terminal_safe(row.name), terminal_safe(row.before), terminal_safe(row.after),
                     row.change, terminal_safe(row.unit), terminal_safe(row.period)});
  }
  std::vector<std::size_t> widths(headers.size(), 0);
  for (std::size_t c = 0; c < headers.size(); ++c) {
    for (const std::vector<std::string>& row : cells) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
    // A column nobody filled is left out.
    widths[c] = widths[c] == 0 ? 0 : std::max(widths[c], display_width(headers[c]));
  }
  std::size_t total = 0;
  for (std::size_t width : widths) {
    total += width == 0 ? 0 : width + 2;
  }
  std::vector<Line> lines;
  constexpr std::size_t k_indent = 2;
  constexpr std::size_t k_narrowest_name = 16;
  if (options.width > 0 && total + k_indent > options.width) {
    // The metric's name gives way first, wrapped in its cell.
    std::size_t excess = total + k_indent - options.width;
    widths[0] = widths[0] > k_narrowest_name + excess ? widths[0] - excess : k_narrowest_name;
    total = 0;
    for (std::size_t width : widths) {
      total += width == 0 ? 0 : width + 2;
    }
  }
  if (options.width > 0 && total + k_indent > options.width) {
    // Still too narrow for a table: one wrapped line per metric.
    const char* arrow = options.unicode ? " \xE2\x86\x92 " : " -> ";
    for (const MetricRow& row : rows) {
      std::string text =
          row.name + ": " + (row.before.empty() ? "" : row.before + arrow) + row.after;
      text += row.unit.empty() ? "" : " " + row.unit;
      text += row.change.empty() ? "" : ", " + row.change;
      text += row.period.empty() ? "" : ", over " + row.period;
      std::vector<Line> wrapped =
          wrap_spans({Span{text}}, options.width > 8 ? options.width - 4 : options.width);
      wrapped = prefix_lines(std::move(wrapped), Line{Span{"  "}}, Line{Span{"    "}});
      std::move(wrapped.begin(), wrapped.end(), std::back_inserter(lines));
    }
    return lines;
  }
  auto table_lines = [&](const std::vector<std::string>& row, unsigned style) {
    std::vector<Line> names = wrap_spans({Span{row[0]}}, widths[0]);
    for (std::size_t i = 0; i < names.size(); ++i) {
      Line line{Span{std::string(k_indent, ' ')}};
      for (const Span& span : names[i]) {
        append_span(line, span.text, style);
      }
      append_span(line, std::string(widths[0] - line_width(names[i]), ' '), style);
      for (std::size_t c = 1; c < row.size(); ++c) {
        if (widths[c] != 0) {
          append_span(line, "  ");
          append_span(line, pad(i == 0 ? row[c] : "", widths[c], aligns[c]), style);
        }
      }
      lines.push_back(std::move(line));
    }
  };
  table_lines(headers, k_style_bold);
  for (const std::vector<std::string>& row : cells) {
    table_lines(row, k_style_none);
  }
  return lines;
}

} // namespace hros
