#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace hros::fuzz {
namespace {

class PositionChecker {
public:
  explicit PositionChecker(std::string_view text) : m_text(text) {
    m_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_starts.push_back(i + 1);
      }
    }
  }

  void check(const Position& position, const char* what) const {
    require(position.offset <= m_text.size(), "{} at offset {} is past the end ({})", what,
            position.offset, m_text.size());
    auto line = static_cast<std::size_t>(
        std::upper_bound(m_starts.begin(), m_starts.end(), position.offset) - m_starts.begin());
    std::size_t column = position.offset - m_starts[line - 1] + 1;
    require(static_cast<std::size_t>(position.line) == line &&
                static_cast<std::size_t>(position.column) == column,
            "{} at offset {} is said to be at {}:{}, but is at {}:{}", what, position.offset,
            position.line, position.column, line, column);
  }

  void walk(const YamlNode& node) const {
    check(node.position, "a node");
    for (const YamlNode& item : node.items) {
      walk(item);
    }
    for (const YamlEntry& entry : node.entries) {
      check(entry.key_position, "a key");
      walk(entry.value);
    }
  }

private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

// A strict recursive-descent reader of JSON (RFC 8259) that only answers
// whether the text is well formed.
class JsonReader {
public:
  explicit JsonReader(std::string_view text) : m_text(text) {}

  bool document() {
    space();
    if (!value(0)) {
      return false;
    }
    space();
    return m_at == m_text.size();
  }

private:
  bool value(int depth) {
    if (depth > 200 || m_at >= m_text.size()) {
      return false;
    }
    char c = m_text[m_at];
    if (c == '{') {
      return container(depth, '}', true);
    }
    if (c == '[') {
      return container(depth, ']', false);
    }
    if (c == '"') {
      return string();
    }
    for (std::string_view word : {"true", "false", "null"}) {
      if (m_text.substr(m_at, word.size()) == word) {
        m_at += word.size();
        return true;
      }
    }
    return number();
  }

  bool container(int depth, char close, bool object) {
    ++m_at;
    space();
    if (peek() == close) {
      ++m_at;
      return true;
    }
    while (true) {
      space();
      if (object) {
        if (!string()) {
          return false;
        }
        space();
        if (peek() != ':') {
          return false;
        }
        ++m_at;
        space();
      }
      if (!value(depth + 1)) {
        return false;
      }
      space();
      char c = peek();
      ++m_at;
      if (c == close) {
        return true;
      }
      if (c != ',') {
        return false;
      }
    }
  }

  bool string() {
    if (peek() != '"') {
      return false;
    }
    for (++m_at; m_at < m_text.size(); ++m_at) {
      auto c = static_cast<unsigned char>(m_text[m_at]);
      if (c == '"') {
        ++m_at;
        return true;
      }
      if (c < 0x20) {
        return false;
      }
      if (c == '\\') {
        ++m_at;
        char e = peek();
        if (e == 'u') {
          for (int i = 0; i < 4; ++i) {
            ++m_at;
            if (!std::isxdigit(static_cast<unsigned char>(peek()))) {
              return false;
            }
          }
        } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos || e == 0) {
          return false;
        }
      }
    }
    return false;
  }

  bool number() {
    if (peek() == '-') {
      ++m_at;
    }
    if (peek() == '0') {
      ++m_at; // no leading zeros
    } else if (!digits()) {
      return false;
    }
    if (peek() == '.') {
      ++m_at;
      if (!digits()) {
        return false;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      ++m_at;
      if (peek() == '+' || peek() == '-') {
        ++m_at;
      }
      if (!digits()) {
        return false;
      }
    }
    return true;
  }

  bool digits() {
    std::size_t start = m_at;
    while (std::isdigit(static_cast<unsigned char>(peek()))) {
      ++m_at;
    }
    return m_at > start;
  }

  void space() {
    while (m_at < m_text.size() &&
           std::string_view(" \t\n\r").find(m_text[m_at]) != std::string_view::npos) {
      ++m_at;
    }
  }

  char peek() const { return m_at < m_text.size() ? m_text[m_at] : '\0'; }

  std::string_view m_text;
  std::size_t m_at = 0;
};

void describe_into(const YamlNode& node, std::string& out) {
  out += fmt::format("{}:{}@{}", node.position.line, node.position.column, node.position.offset);
  switch (node.kind) {
  case YamlNode::Kind::null:
    out += '~';
    break;
  case YamlNode::Kind::scalar:
    out += node.style == ScalarStyle::plain    ? "p["
           : node.style == ScalarStyle::quoted ? "q["
                                               : "b[";
    out += node.text;
    out += ']';
    break;
  case YamlNode::Kind::sequence:
    out += node.flow ? "Fseq(" : "Bseq(";
    for (const YamlNode& item : node.items) {
      describe_into(item, out);
      out += ',';
    }
    out += ')';
    break;
  case YamlNode::Kind::mapping:
    out += node.flow ? "Fmap(" : "Bmap(";
    for (const YamlEntry& entry : node.entries) {
      out += fmt::format("{}:{}@{}{}=", entry.key_position.line, entry.key_position.column,
                         entry.key_position.offset, entry.key);
      describe_into(entry.value, out);
      out += ',';
    }
    out += ')';
    break;
  }
}

} // namespace

void require(bool holds, const std::string& what) {
  if (!holds) {
    throw Violation(what);
  }
}

void require_positions(const YamlNode& root, std::string_view text) {
  PositionChecker(text).walk(root);
}

void require_located(const std::vector<Diagnostic>& diagnostics, std::string_view text) {
  auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const Diagnostic& diagnostic : diagnostics) {
    require(diagnostic.line >= 0 && diagnostic.line <= lines && diagnostic.column >= 0,
            "a diagnostic at {}:{} in a text of {} lines: {}", diagnostic.line, diagnostic.column,
            lines, diagnostic.message);
    require(!diagnostic.rule.empty() && !diagnostic.message.empty(),
            "a diagnostic without a rule or a message");
    if (diagnostic.fix) {
      require(diagnostic.fix->offset + diagnostic.fix->length <= text.size(),
              "a fix past the end of the text: " + diagnostic.fix->description);
    }
  }
}

void require_json(std::string_view json, const std::string& what) {
  require(JsonReader(json).document(), what + " is not well-formed JSON:\n" + std::string(json));
}

void require_printable(std::string_view output, const std::string& what) {
  for (std::size_t i = 0; i < output.size(); ++i) {
    auto c = static_cast<unsigned char>(output[i]);
    bool control =
        (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f ||
        (c == 0xc2 && i + 1 < output.size() && static_cast<unsigned char>(output[i + 1]) < 0xa0);
    require(!control, "{} prints the control character 0x{:02x} at byte {}:\n{}", what,
            c == 0xc2 ? static_cast<unsigned char>(output[i + 1]) : c, i, output);
  }
}

std::string describe_tree(const YamlNode& node) {
  std::string out;
  describe_into(node, out);
  return out;
}

} // namespace hros::fuzz
