#include "hros/list_report.hpp"

#include "hros/front_json.hpp"
#include "hros/json_value.hpp"
#include "hros/printable.hpp"
#include "hros/terminal_text.hpp"

#include <algorithm>
#include <map>

namespace hros {
namespace {

// `text` in exactly `width` terminal columns: cut with an ellipsis when it is
// wider (never inside a character, a wide one included), else padded.
std::string fit(const std::string& text, std::size_t width) {
  std::string cell = cut_to_width(text, width);
  return cell + std::string(width - display_width(cell), ' ');
}

std::string one_line(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return printable(text);
}

std::string render_table(const std::vector<const CaseRecord*>& records, const ListStyle& style) {
  const std::vector<std::string>& columns = style.columns;
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  for (const std::string& column : columns) {
    widths.push_back(display_width(column));
  }
  for (const CaseRecord* record : records) {
    std::vector<std::string> row;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      row.push_back(one_line(field_text(*record, columns[c])));
      widths[c] = std::max(widths[c], display_width(row.back()));
    }
    cells.push_back(std::move(row));
  }
  // Fit the terminal: take columns from the widest until the row fits.
  std::size_t gaps = columns.empty() ? 0 : 2 * (columns.size() - 1);
  auto total = [&] {
    std::size_t sum = gaps;
    for (std::size_t width : widths) {
      sum += width;
    }
    return sum;
  };
  while (style.width > 0 && total() > style.width) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= 8) {
      break;
    }
    *widest -= std::min(*widest - 8, total() - style.width);
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string out;
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += (c == 0 ? "" : "  ") + fit(row[c], widths[c]);
    }
    out.erase(out.find_last_not_of(' ') + 1); // no padding at the end of a line
    return out + "\n";
  };
  std::vector<std::string> header;
  for (const std::string& column : columns) {
    std::string name = column;
    std::transform(name.begin(), name.end(), name.begin(), [](char c) {
      return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    });
    header.push_back(name);
  }
  std::string out = line(header);
  for (const std::vector<std::string>& row : cells) {
    out += line(row);
  }
  return out;
}

JsonValue record_json(const CaseRecord& record, const Schema& schema) {
  JsonValue object = JsonValue::object();
  object.set("slug", JsonValue::string(record.slug));
  object.set("path", JsonValue::string(record.path));
  add_front_matter_json(object, record.front, schema);
  return object;
}

} // namespace

bool parse_list_format(const std::string& name, ListFormat& format) {
  static const std::map<std::string, ListFormat> k_formats = {{"table", ListFormat::table},
                                                              {"json", ListFormat::json},
                                                              {"ndjson", ListFormat::ndjson},
                                                              {"csv", ListFormat::csv},
                                                              {"paths", ListFormat::paths}};
  auto found = k_formats.find(name);
  if (found == k_formats.end()) {
    return false;
  }
  format = found->second;
  return true;
}

std::string csv_cell(const std::string& text) {
  std::string cell = text;
  // =, +, -, @, tab or CR first would make a spreadsheet run the cell.
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell[0]) != std::string_view::npos) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos &&
      (cell.empty() || (cell.front() != ' ' && cell.back() != ' '))) {
    return cell;
  }
  std::string quoted = "\"";
  for (char c : cell) {
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return quoted + "\"";
}

std::string render_list(const std::vector<const CaseRecord*>& records, const Schema& schema,
                        ListFormat format, const ListStyle& style) {
  std::string out;
  switch (format) {
  case ListFormat::table:
    return render_table(records, style);
  case ListFormat::paths:
    for (const CaseRecord* record : records) {
      out += record->path + "\n";
    }
    return out;
  case ListFormat::csv: {
    std::string header;
    for (const std::string& column : style.columns) {
      header += (header.empty() ? "" : ",") + csv_cell(column);
    }
    out = header + "\r\n";
    for (const CaseRecord* record : records) {
      std::string row;
      for (std::size_t c = 0; c < style.columns.size(); ++c) {
        row += (c == 0 ? "" : ",") + csv_cell(field_text(*record, style.columns[c]));
      }
      out += row + "\r\n";
    }
    return out;
  }
  case ListFormat::ndjson:
    for (const CaseRecord* record : records) {
      out += record_json(*record, schema).dump(false) + "\n";
    }
    return out;
  case ListFormat::json: {
    JsonValue array = JsonValue::array();
    for (const CaseRecord* record : records) {
      array.push(record_json(*record, schema));
    }
    return array.dump();
  }
  }
  return out;
}

} // namespace hros
