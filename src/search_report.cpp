#include "hros/search_report.hpp"

#include "hros/front_json.hpp"
#include "hros/json_value.hpp"
#include "hros/terminal_text.hpp"
#include "hros/yaml_load.hpp"

#include <fmt/format.h>

namespace hros {
namespace {

constexpr const char* k_bold = "\033[1m";
constexpr const char* k_dim = "\033[2m";
constexpr const char* k_match = "\033[1;33m";
constexpr const char* k_reset = "\033[0m";

std::string styled(const std::string& text, const char* style, bool color) {
  return color ? fmt::format("{}{}{}", style, text, k_reset) : text;
}

// Columns a word takes, not counting the ANSI styles hros put in it.
std::size_t visible_width(const std::string& word) {
  std::string visible;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\033') {
      std::size_t end = word.find('m', i);
      if (end != std::string::npos) {
        i = end;
        continue;
      }
    }
    visible += word[i];
  }
  return display_width(visible);
}

// Wraps words to `width` columns, each line after the first indented.
std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  std::string out = indent;
  std::size_t column = indent.size();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {
      continue;
    }
    std::size_t columns = visible_width(word);
    if (column > indent.size() && column + 1 + columns > width) {
      out += "\n" + indent;
      column = indent.size();
    } else if (column > indent.size()) {
      out += ' ';
      ++column;
    }
    out += word;
    column += columns;
  }
  return out;
}

std::string facts_line(const IndexedCase& item) {
  std::string line;
  for (const std::string* part :
       {&item.organization, &item.industry, &item.company_size, &item.year}) {
    if (!part->empty()) {
      line += line.empty() ? "" : " · ";
      line += *part;
    }
  }
  if (!item.problem.empty()) {
    line += line.empty() ? "" : " · ";
    line += "front matter unreadable (run 'hros lint')";
  }
  return line;
}

JsonValue result_json(const ResultLine& result, std::size_t rank, const Schema& schema) {
  const IndexedCase& item = result.hit.item;
  JsonValue object = JsonValue::object();
  object.set("rank", JsonValue::number(static_cast<double>(rank)));
  object.set("score", JsonValue::number(result.hit.score));
  object.set("slug", JsonValue::string(item.slug));
  object.set("path", JsonValue::string(item.path));
  if (!result.reasons.empty()) {
    object.set("shared", JsonValue::string(result.reasons));
  } else {
    object.set("snippet", JsonValue::string(render_snippet(result.hit.snippet, false)));
  }
  if (!item.problem.empty()) {
    object.set("problem", JsonValue::string(item.problem));
    return object;
  }
  YamlLoad yaml = load_yaml(item.front, Position{item.front_line, 1, 0});
  JsonValue front = yaml.ok && yaml.root.is_mapping() ? front_matter_json(yaml.root, schema)
                                                      : JsonValue::object();
  object.set("front_matter", std::move(front));
  return object;
}

} // namespace

bool parse_search_format(const std::string& name, SearchFormat& format) {
  if (name == "text") {
    format = SearchFormat::text;
  } else if (name == "json") {
    format = SearchFormat::json;
  } else if (name == "paths") {
    format = SearchFormat::paths;
  } else {
    return false;
  }
  return true;
}

std::string render_snippet(const std::string& snippet, bool color) {
  // The text comes from strangers: every run between markers goes through
  // terminal_safe, so only the styles hros adds reach the terminal.
  std::string out;
  std::string run;
  auto flush = [&] {
    std::string safe = terminal_safe(run);
    run.clear();
    bool space = false;
    for (char c : safe) {
      if (c == ' ') {
        space = true;
        continue;
      }
      if (space && !out.empty() && out.back() != ' ') {
        out += ' ';
      }
      space = false;
      out += c;
    }
    if (space && !out.empty()) {
      out += ' ';
    }
  };
  for (char c : snippet) {
    if (c == '\x01' || c == '\x02') {
      flush();
      out += c == '\x01' ? (color ? k_match : "**") : (color ? k_reset : "**");
    } else {
      run += c;
    }
  }
  flush();
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

std::string render_results(const std::vector<ResultLine>& results, const Schema& schema,
                           SearchFormat format, const SearchStyle& style) {
  std::string out;
  switch (format) {
  case SearchFormat::paths:
    for (const ResultLine& result : results) {
      out += result.hit.item.path + "\n";
    }
    break;
  case SearchFormat::json: {
    JsonValue array = JsonValue::array();
    std::size_t rank = 0;
    for (const ResultLine& result : results) {
      array.push(result_json(result, ++rank, schema));
    }
    out = array.dump();
    break;
  }
  case SearchFormat::text: {
    std::size_t width = style.width == 0 ? 80 : std::max<std::size_t>(style.width, 40);
    std::size_t rank = 0;
    for (const ResultLine& result : results) {
      const IndexedCase& item = result.hit.item;
      std::string title = terminal_safe(item.title.empty() ? item.slug : item.title);
      out += rank > 0 ? "\n" : "";
      out += fmt::format("{:>2}. {}\n", ++rank, styled(title, k_bold, style.color));
      std::string facts = terminal_safe(facts_line(item));
      if (!facts.empty()) {
        out += "    " + facts + "\n";
      }
      out += "    " + styled(terminal_safe(item.path), k_dim, style.color) + "\n";
      std::string detail = !result.reasons.empty() ? result.reasons
                           : !result.hit.snippet.empty()
                               ? render_snippet(result.hit.snippet, style.color)
                               : render_snippet(item.summary, false);
      if (!detail.empty()) {
        out += wrap(detail, width, "    ") + "\n";
      }
    }
    break;
  }
  }
  return out;
}

} // namespace hros
