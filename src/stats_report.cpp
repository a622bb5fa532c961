#include "hros/stats_report.hpp"

#include "hros/json_value.hpp"
#include "hros/list_report.hpp"
#include "hros/styled_text.hpp"
#include "hros/terminal_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace hros {
namespace {

double percent(std::size_t count, std::size_t total) {
  return total == 0 ? 0.0 : std::round(static_cast<double>(count) * 1000.0 / total) / 10.0;
}

// A bar of `count` against `largest` in `width` columns: Unicode blocks in
// eighths of a column, or '#'. A count above zero always shows something.
std::string bar(std::size_t count, std::size_t largest, std::size_t width, bool unicode) {
  if (count == 0 || largest == 0 || width == 0) {
    return "";
  }
  std::size_t units = unicode ? 8 : 1;
  auto length = static_cast<std::size_t>(
      std::lround(static_cast<double>(count) * static_cast<double>(width * units) /
                  static_cast<double>(largest)));
  length = std::max<std::size_t>(length, 1);
  if (!unicode) {
    return std::string(length, '#');
  }
  // U+2588 FULL BLOCK, then U+2589..U+258F for seven eighths down to one.
  static const char* const k_partial[] = {"",
                                          "\xE2\x96\x8F",
                                          "\xE2\x96\x8E",
                                          "\xE2\x96\x8D",
                                          "\xE2\x96\x8C",
                                          "\xE2\x96\x8B",
                                          "\xE2\x96\x8A",
                                          "\xE2\x96\x89"};
  std::string out;
  for (std::size_t i = 0; i < length / 8; ++i) {
    out += "\xE2\x96\x88";
  }
  return out + k_partial[length % 8];
}

std::string pad_right(const std::string& text, std::size_t width) {
  std::size_t used = display_width(text);
  return text + std::string(width > used ? width - used : 0, ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
  std::size_t used = display_width(text);
  return std::string(width > used ? width - used : 0, ' ') + text;
}

std::string render_table(const Stats& stats, const StatsStyle& style) {
  std::string header = stats.field;
  std::transform(header.begin(), header.end(), header.begin(), [](char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  });
  std::vector<std::string> values;
  std::size_t value_width = std::max<std::size_t>(display_width(header), 5); // "total"
  std::size_t largest = 0;
  for (const StatsRow& row : stats.rows) {
    values.push_back(terminal_safe(row.value));
    value_width = std::max(value_width, display_width(values.back()));
    largest = std::max(largest, row.count);
  }
  std::size_t count_width = std::max<std::size_t>(5, fmt::format("{}", stats.cases).size());
  constexpr std::size_t k_percent_width = 6; // "100.0%"
  constexpr std::size_t k_narrowest_bars = 10;
  constexpr std::size_t k_narrowest_value = 8;
  std::size_t fixed = 2 + count_width + 2 + k_percent_width;
  std::size_t room = style.width > fixed ? style.width - fixed : 0; // for the value and bars
  std::size_t bar_width = 0;
  if (room >= value_width + 2 + k_narrowest_bars) {
    bar_width = room - value_width - 2;
  } else if (room >= k_narrowest_value + 2 + k_narrowest_bars) {
    // Long values (tools, organisations) give way to the bars, down to a point.
    value_width = room - 2 - k_narrowest_bars;
    bar_width = k_narrowest_bars;
  } else {
    value_width = std::min(value_width, std::max<std::size_t>(room, 5));
  }

  auto line = [&](const std::string& value, const std::string& count, const std::string& share,
                  const std::string& drawn) {
    std::string text = pad_right(cut_to_width(value, value_width, style.unicode), value_width) +
                       "  " + pad_left(count, count_width) + "  " +
                       pad_left(share, k_percent_width) + "  " + drawn;
    text.erase(text.find_last_not_of(' ') + 1);
    return text + "\n";
  };
  std::string out = line(header, "CASES", "%", "");
  for (std::size_t i = 0; i < stats.rows.size(); ++i) {
    const StatsRow& row = stats.rows[i];
    out += line(values[i], fmt::format("{}", row.count),
                fmt::format("{:.1f}%", percent(row.count, stats.cases)),
                bar(row.count, largest, bar_width, style.unicode));
  }
  out += line("total", fmt::format("{}", stats.cases), "100.0%", "");
  if (stats.several) {
    std::string note = fmt::format(
        "A case counts once under each of its {}, so the counts add up to more than the total.",
        stats.field);
    out += emit_lines(wrap_spans({Span{note}}, style.width), false);
  }
  return out;
}

std::string render_json(const Stats& stats) {
  JsonValue object = JsonValue::object();
  object.set("field", JsonValue::string(stats.field));
  object.set("cases", JsonValue::number(static_cast<double>(stats.cases)));
  JsonValue counts = JsonValue::array();
  for (const StatsRow& row : stats.rows) {
    JsonValue entry = JsonValue::object();
    entry.set("value", row.none ? JsonValue() : JsonValue::string(row.value));
    entry.set("count", JsonValue::number(static_cast<double>(row.count)));
    entry.set("percent", JsonValue::number(percent(row.count, stats.cases)));
    counts.push(std::move(entry));
  }
  object.set("counts", std::move(counts));
  return object.dump();
}

std::string render_csv(const Stats& stats) {
  std::string out = csv_cell(stats.field) + ",cases,percent\r\n";
  for (const StatsRow& row : stats.rows) {
    out += fmt::format("{},{},{}\r\n", csv_cell(row.value), row.count,
                       percent(row.count, stats.cases));
  }
  return out;
}

} // namespace

bool parse_stats_format(const std::string& name, StatsFormat& format) {
  if (name == "table") {
    format = StatsFormat::table;
  } else if (name == "json") {
    format = StatsFormat::json;
  } else if (name == "csv") {
    format = StatsFormat::csv;
  } else {
    return false;
  }
  return true;
}

std::string render_stats(const Stats& stats, StatsFormat format, const StatsStyle& style) {
  switch (format) {
  case StatsFormat::table:
    return render_table(stats, style);
  case StatsFormat::json:
    return render_json(stats);
  case StatsFormat::csv:
    return render_csv(stats);
  }
  return "";
}

} // namespace hros
