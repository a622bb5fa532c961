// A line-oriented recursive-descent parser for the common subset of YAML.
// Every construct it is unsure of makes it give up (return false) rather than
// guess, so its output always equals yaml-cpp's; tests compare the two.
#include "yaml_fast.hpp"

#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/mark.h>

#include <string>
#include <vector>

namespace hros::detail {
namespace {

struct Line {
  std::size_t start = 0; // offset of the first content byte
  int indent = 0;
  int number = 0;           // 0-based
  std::string_view content; // from the first non-space byte to the end of line
};

struct GiveUp {};

bool is_key_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_key_char(char c) {
  return is_key_start(c) || c == '-' || c == '.';
}

bool is_null_string(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

class SimpleParser {
public:
  SimpleParser(std::string_view text, YAML::EventHandler& handler)
      : m_text(text), m_handler(handler) {}

  bool run() {
    split_lines();
    m_handler.OnDocumentStart(mark_at(0, 0, 0));
    if (!m_lines.empty()) {
      const Line& first = m_lines[0];
      if (first.indent != 0 || is_sequence_line(first.content)) {
        throw GiveUp{}; // a root list or indented root: rare, let yaml-cpp do it
      }
      mapping(0, first.content, first);
      if (m_next < m_lines.size()) {
        throw GiveUp{};
      }
    }
    m_handler.OnDocumentEnd();
    return true;
  }

private:
  YAML::Mark mark_at(std::size_t offset, int line, int column) const {
    YAML::Mark mark;
    mark.pos = static_cast<int>(offset);
    mark.line = line;
    mark.column = column;
    return mark;
  }

  YAML::Mark mark_of(const Line& line, std::size_t offset) const {
    return mark_at(offset, line.number,
                   static_cast<int>(offset - (line.start - static_cast<std::size_t>(line.indent))));
  }

  // Significant lines only: blank lines and whole-line comments are dropped.
  void split_lines() {
    int number = 0;
    for (std::size_t begin = 0; begin < m_text.size(); ++number) {
      std::size_t end = m_text.find('\n', begin);
      if (end == std::string_view::npos) {
        end = m_text.size();
      }
      std::string_view raw = m_text.substr(begin, end - begin);
      std::size_t indent = raw.find_first_not_of(' ');
      if (indent != std::string_view::npos) {
        if (raw.find_first_of("\t\r") != std::string_view::npos) {
          throw GiveUp{};
        }
        std::string_view content = raw.substr(indent);
        if (content[0] != '#') {
          if (indent == 0 && (content.substr(0, 3) == "---" || content.substr(0, 3) == "..." ||
                              content[0] == '%')) {
            throw GiveUp{};
          }
          m_lines.push_back(Line{begin + indent, static_cast<int>(indent), number, content});
        }
      }
      begin = end + 1;
    }
  }

  static bool is_sequence_line(std::string_view content) {
    return content == "-" || (content.size() >= 2 && content[0] == '-' && content[1] == ' ');
  }

  // "key: rest" or "key:"; returns the key length, or 0 if not a simple key.
  static std::size_t key_length(std::string_view content) {
    if (content.empty() || !is_key_start(content[0])) {
      return 0;
    }
    std::size_t i = 1;
    while (i < content.size() && is_key_char(content[i])) {
      ++i;
    }
    if (i < content.size() && content[i] == ':' &&
        (i + 1 == content.size() || content[i + 1] == ' ')) {
      return i;
    }
    return 0;
  }

  // A block mapping whose first key is at `line` (content may start after a "- ").
  void mapping(int indent, std::string_view content, const Line& line) {
    m_handler.OnMapStart(
        mark_of(line, line.start + static_cast<std::size_t>(line.content.size() - content.size())),
        "?", 0, YAML::EmitterStyle::Block);
    std::string_view current = content;
    const Line* current_line = &line;
    ++m_next;
    while (true) {
      entry(indent, current, *current_line);
      if (m_next >= m_lines.size()) {
        break;
      }
      const Line& following = m_lines[m_next];
      if (following.indent < indent) {
        break;
      }
      if (following.indent > indent || is_sequence_line(following.content)) {
        if (following.indent == indent && is_sequence_line(following.content)) {
          break; // a sequence at the parent's level ends this mapping
        }
        throw GiveUp{};
      }
      current = following.content;
      current_line = &following;
      ++m_next;
    }
    m_handler.OnMapEnd();
  }

  // One "key: value" whose line has been consumed.
  void entry(int indent, std::string_view content, const Line& line) {
    std::size_t key = key_length(content);
    if (key == 0) {
      throw GiveUp{};
    }
    std::size_t key_offset = line.start + (line.content.size() - content.size());
    std::string_view key_text = content.substr(0, key);
    if (is_null_string(key_text)) {
      m_handler.OnNull(mark_of(line, key_offset), 0); // as yaml-cpp reads `null:`
    } else {
      m_handler.OnScalar(mark_of(line, key_offset), "?", 0, std::string(key_text));
    }
    std::size_t value_start = content.find_first_not_of(' ', key + 1);
    if (value_start == std::string_view::npos || content[value_start] == '#') {
      nested_value(indent, line, key_offset);
      return;
    }
    inline_value(content.substr(value_start), line, key_offset + value_start, indent);
  }

  // The value of "key:" with nothing after it: a block below, or null.
  void nested_value(int indent, const Line& line, std::size_t key_offset) {
    if (m_next < m_lines.size()) {
      const Line& child = m_lines[m_next];
      if (child.indent > indent) {
        block_node(child);
        return;
      }
      if (child.indent == indent && is_sequence_line(child.content)) {
        sequence(child);
        return;
      }
    }
    m_handler.OnNull(mark_of(line, key_offset), 0);
  }

  void block_node(const Line& line) {
    if (is_sequence_line(line.content)) {
      sequence(line);
    } else {
      mapping(line.indent, line.content, line);
    }
  }

  void sequence(const Line& first) {
    int indent = first.indent;
    m_handler.OnSequenceStart(mark_of(first, first.start), "?", 0, YAML::EmitterStyle::Block);
    while (m_next < m_lines.size()) {
      const Line& line = m_lines[m_next];
      if (line.indent < indent || (line.indent == indent && !is_sequence_line(line.content))) {
        break;
      }
      if (line.indent > indent) {
        throw GiveUp{};
      }
      item(line);
    }
    m_handler.OnSequenceEnd();
  }

  void item(const Line& line) {
    std::size_t start = line.content.find_first_not_of(' ', 1);
    if (start == std::string_view::npos || line.content[start] == '#') {
      ++m_next;
      if (m_next < m_lines.size() && m_lines[m_next].indent > line.indent) {
        block_node(m_lines[m_next]);
      } else {
        m_handler.OnNull(mark_of(line, line.start), 0);
      }
      return;
    }
    std::string_view rest = line.content.substr(start);
    if (key_length(rest) > 0) {
      mapping(line.indent + static_cast<int>(start), rest, line);
      return;
    }
    if (is_sequence_line(rest)) {
      throw GiveUp{};
    }
    ++m_next;
    inline_value(rest, line, line.start + start, line.indent);
    if (m_next < m_lines.size() && m_lines[m_next].indent > line.indent) {
      throw GiveUp{}; // a multi-line plain scalar
    }
  }

  // A value on the rest of a line: plain, quoted, a one-line [flow, list],
  // or the header of a block scalar whose lines follow.
  void inline_value(std::string_view rest, const Line& line, std::size_t offset,
                    int parent_indent) {
    char first = rest[0];
    if (first == '|' || first == '>') {
      block_scalar(rest, line, offset, parent_indent);
      return;
    }
    if (first == '"' || first == '\'') {
      std::size_t end = 0;
      std::string value = quoted(rest, end);
      expect_line_end(rest.substr(end));
      m_handler.OnScalar(mark_of(line, offset), "!", 0, value);
    } else if (first == '[') {
      flow_sequence(rest, line, offset);
    } else {
      std::string_view value = plain(rest, false);
      if (is_null_string(value)) {
        m_handler.OnNull(mark_of(line, offset), 0);
      } else {
        m_handler.OnScalar(mark_of(line, offset), "?", 0, std::string(value));
      }
    }
    if (m_next < m_lines.size() && m_lines[m_next].indent > line.indent &&
        !is_sequence_line(line.content)) {
      throw GiveUp{}; // a continuation line: a multi-line scalar
    }
  }

  // `|` or `>`, optionally with `-`, then lines indented deeper than the
  // parent. Keep chomping (`+`), indentation indicators, leading blank lines
  // and more-indented lines in folded scalars are left to yaml-cpp.
  void block_scalar(std::string_view header, const Line& line, std::size_t offset,
                    int parent_indent) {
    bool literal = header[0] == '|';
    std::size_t i = 1;
    bool strip = i < header.size() && header[i] == '-';
    if (strip) {
      ++i;
    }
    if (i < header.size() && header[i] != ' ') {
      throw GiveUp{};
    }
    expect_line_end(header.substr(i));
    std::size_t begin = line.start + line.content.size() + 1; // the next raw line
    std::vector<std::string_view> lines;                      // content, indentation removed
    std::size_t content_indent = 0;
    std::size_t end_of_block = begin;
    while (begin < m_text.size()) {
      std::size_t end = m_text.find('\n', begin);
      if (end == std::string_view::npos) {
        end = m_text.size();
      }
      std::string_view raw = m_text.substr(begin, end - begin);
      std::size_t indent = raw.find_first_not_of(' ');
      if (indent == std::string_view::npos) {
        if (lines.empty() || raw.size() > content_indent) {
          throw GiveUp{}; // leading blank lines, or spaces deeper than the text
        }
        lines.emplace_back();
      } else if (static_cast<int>(indent) <= parent_indent) {
        break;
      } else {
        if (lines.empty()) {
          content_indent = indent;
        }
        if (indent < content_indent || (!literal && indent > content_indent)) {
          throw GiveUp{};
        }
        lines.push_back(raw.substr(content_indent));
        end_of_block = end;
      }
      begin = end + 1;
    }
    while (!lines.empty() && lines.back().empty()) {
      lines.pop_back();
    }
    if (lines.empty()) {
      throw GiveUp{};
    }
    std::string value;
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (k > 0) {
        // Folding: a single break between text lines is a space; each blank
        // line in between stands for one newline.
        bool fold = !literal && !lines[k].empty() && !lines[k - 1].empty();
        if (fold) {
          value += ' ';
        } else if (literal || !lines[k].empty() || lines[k - 1].empty()) {
          value += '\n';
        }
      }
      value += lines[k];
    }
    if (!strip) {
      value += '\n';
    }
    m_handler.OnScalar(mark_of(line, offset), "!", 0, value);
    while (m_next < m_lines.size() && m_lines[m_next].start < end_of_block) {
      ++m_next;
    }
  }

  // A plain scalar up to a comment or, in flow context, a ',' or ']'.
  static std::string_view plain(std::string_view rest, bool in_flow) {
    static const std::string_view k_indicators = "-?:,[]{}#&*!|>'\"%@`";
    if (k_indicators.find(rest[0]) != std::string_view::npos) {
      bool dash_value = rest[0] == '-' && rest.size() > 1 && rest[1] != ' ';
      if (!dash_value) {
        throw GiveUp{};
      }
    }
    std::size_t end = rest.size();
    for (std::size_t i = 0; i < rest.size(); ++i) {
      char c = rest[i];
      if (c == ':' && (i + 1 == rest.size() || rest[i + 1] == ' ' || in_flow)) {
        throw GiveUp{};
      }
      if (in_flow && c == '?') {
        throw GiveUp{}; // yaml-cpp reads `a?]` as a key indicator, an error
      }
      if (c == '#' && rest[i - 1] == ' ') {
        end = i;
        break;
      }
      if (in_flow && (c == ',' || c == ']' || c == '[' || c == '{' || c == '}')) {
        end = i;
        break;
      }
    }
    std::string_view value = rest.substr(0, end);
    std::size_t last = value.find_last_not_of(' ');
    return last == std::string_view::npos ? std::string_view() : value.substr(0, last + 1);
  }

  // A one-line quoted scalar; `end` is set past its closing quote.
  static std::string quoted(std::string_view rest, std::size_t& end) {
    char quote = rest[0];
    std::string value;
    for (std::size_t i = 1; i < rest.size(); ++i) {
      char c = rest[i];
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < rest.size() && rest[i + 1] == '\'') {
            value += '\'';
            ++i;
            continue;
          }
          end = i + 1;
          return value;
        }
        value += c;
        continue;
      }
      if (c == '"') {
        end = i + 1;
        return value;
      }
      if (c != '\\') {
        value += c;
        continue;
      }
      if (++i >= rest.size()) {
        throw GiveUp{};
      }
      switch (rest[i]) {
      case '"':
      case '\\':
      case '/':
        value += rest[i];
        break;
      case 'n':
        value += '\n';
        break;
      case 't':
        value += '\t';
        break;
      default:
        throw GiveUp{}; // \u, \x and friends: leave to yaml-cpp
      }
    }
    throw GiveUp{}; // the scalar goes on past the line
  }

  static void expect_line_end(std::string_view rest) {
    std::size_t next = rest.find_first_not_of(' ');
    if (next != std::string_view::npos && !(rest[next] == '#' && next > 0)) {
      throw GiveUp{};
    }
  }

  void flow_sequence(std::string_view rest, const Line& line, std::size_t offset) {
    m_handler.OnSequenceStart(mark_of(line, offset), "?", 0, YAML::EmitterStyle::Flow);
    std::size_t i = 1;
    bool expect_item = true;
    while (true) {
      i = rest.find_first_not_of(' ', i);
      if (i == std::string_view::npos) {
        throw GiveUp{}; // continues on the next line
      }
      char c = rest[i];
      if (c == ']') {
        if (expect_item && i > 1 && rest.find_first_not_of(' ', 1) != i) {
          throw GiveUp{}; // a trailing comma
        }
        ++i;
        break;
      }
      if (!expect_item) {
        if (c != ',') {
          throw GiveUp{};
        }
        expect_item = true;
        ++i;
        continue;
      }
      std::size_t item_offset = offset + i;
      if (c == '"' || c == '\'') {
        std::size_t end = 0;
        std::string value = quoted(rest.substr(i), end);
        m_handler.OnScalar(mark_of(line, item_offset), "!", 0, value);
        i += end;
      } else {
        std::string_view value = plain(rest.substr(i), true);
        if (value.empty()) {
          throw GiveUp{};
        }
        if (is_null_string(value)) {
          m_handler.OnNull(mark_of(line, item_offset), 0);
        } else {
          m_handler.OnScalar(mark_of(line, item_offset), "?", 0, std::string(value));
        }
        i += value.size();
      }
      expect_item = false;
    }
    expect_line_end(rest.substr(i));
    m_handler.OnSequenceEnd();
  }

  std::string_view m_text;
  YAML::EventHandler& m_handler;
  std::vector<Line> m_lines;
  std::size_t m_next = 0;
};

} // namespace

bool parse_simple_yaml(std::string_view text, YAML::EventHandler& handler) {
  try {
    return SimpleParser(text, handler).run();
  } catch (const GiveUp&) {
    return false;
  }
}

} // namespace hros::detail
