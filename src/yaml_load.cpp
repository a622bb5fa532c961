// Builds hros's YamlNode tree from yaml-cpp's event parser rather than its
// node API: the node API silently keeps duplicate keys, forgets whether a
// scalar was quoted, and converts values with YAML 1.1 rules. The event stream
// gives every scalar with its position and a tag telling plain ("?") from
// quoted or block ("!") scalars, which is all YAML 1.2 resolution needs.
#include "hros/yaml_load.hpp"

#include "yaml_fast.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <istream>
#include <optional>
#include <streambuf>
#include <string>
#include <unordered_map>

namespace hros {
namespace {

// An std::istream over existing memory, so the text is not copied again.
class MemoryBuffer : public std::streambuf {
public:
  explicit MemoryBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

Diagnostic error_at(Position position, std::string message, const char* rule) {
  return make_diagnostic(position.line, position.column, Severity::error, std::move(message), rule);
}

// Mappings with fewer keys are searched for duplicates directly; a hash
// pays off only past a few dozen.
constexpr std::size_t k_linear_keys = 32;

// Thrown by the builder to stop the parser when a limit is exceeded.
struct LimitExceeded {
  Position position;
  std::string message;
};

class TreeBuilder : public YAML::EventHandler {
public:
  // `exact_marks`: the events come from the fast path, whose marks are where
  // each node is, empty list items included; yaml-cpp's need correcting.
  TreeBuilder(std::string_view text, Position origin, const YamlLimits& limits,
              std::vector<Diagnostic>& diagnostics, bool exact_marks = false)
      : m_text(text), m_origin(origin), m_limits(limits), m_diagnostics(diagnostics),
        m_exact_marks(exact_marks) {}

  YamlNode take_root() { return std::move(m_root); }

  Position position_of(const YAML::Mark& mark) const {
    if (mark.is_null()) {
      return m_origin;
    }
    Position position;
    position.line = m_origin.line + mark.line;
    position.column = (mark.line == 0 ? m_origin.column : 1) + mark.column;
    position.offset = m_origin.offset + static_cast<std::size_t>(mark.pos);
    return position;
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.position = position_of(mark);
    if (!m_exact_marks && !m_stack.empty() && m_stack.back().node.is_sequence() &&
        !m_stack.back().node.flow) {
      node.position = empty_item_position(mark);
    }
    add(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = m_anchors.find(anchor);
    if (found == m_anchors.end()) {
      YamlNode node;
      node.position = position_of(mark);
      add(std::move(node), 0);
      return;
    }
    count_nodes(found->second.size, mark);
    YamlNode copy = found->second.node;
    copy.position = position_of(mark);
    add(std::move(copy), 0, CountNode::no);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlNode::Kind::scalar;
    node.position = position_of(mark);
    node.text = value;
    node.style = style_of(tag, mark);
    add(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(YamlNode::Kind::sequence, mark, anchor, style);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(YamlNode::Kind::mapping, mark, anchor, style);
  }
  void OnMapEnd() override { close(); }

private:
  enum class CountNode { no, yes };

  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor = 0;
    bool expecting_key = true;
    bool skip_value = false; // the value belongs to a rejected key
    std::string key;
    Position key_position;
    std::unordered_map<std::string, int> key_lines; // keys -> first line, for large mappings
  };

  struct Anchored {
    YamlNode node;
    std::size_t size = 0;
  };

  ScalarStyle style_of(const std::string& tag, const YAML::Mark& mark) const {
    if (tag == "?") {
      return ScalarStyle::plain;
    }
    if (!mark.is_null() && static_cast<std::size_t>(mark.pos) < m_text.size()) {
      char first = m_text[static_cast<std::size_t>(mark.pos)];
      if (first == '|' || first == '>') {
        return ScalarStyle::block;
      }
    }
    return ScalarStyle::quoted;
  }

  // Where a comment ending at `end` starts on its line: a '#' at the line's
  // start or after a blank; npos when the text before `end` is no comment.
  std::size_t comment_start(std::size_t end) const {
    std::size_t line_start = m_text.rfind('\n', end - 1);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    for (std::size_t k = line_start; k < end; ++k) {
      if (m_text[k] == '#' && (k == line_start || m_text[k - 1] == ' ' || m_text[k - 1] == '\t')) {
        return k;
      }
    }
    return std::string_view::npos;
  }

  // yaml-cpp marks an empty block list item (`-` and nothing) at the next
  // token, which may be lines later or past the end; the item is its `-`.
  // A null that is written (`- ~`, `- null`, or `~` on a deeper line below
  // the dash) is marked at its text and stays there: the token is the item's
  // own exactly when it stands right of the dash, since a next item or key
  // starts at or left of it.
  Position empty_item_position(const YAML::Mark& mark) const {
    Position position = position_of(mark);
    if (mark.is_null() || mark.pos <= 0) {
      return position;
    }
    std::size_t at = std::min(static_cast<std::size_t>(mark.pos), m_text.size());
    int lines_back = 0;
    for (;;) {
      while (at > 0 &&
             (m_text[at - 1] == ' ' || m_text[at - 1] == '\t' || m_text[at - 1] == '\n')) {
        lines_back += m_text[at - 1] == '\n' ? 1 : 0;
        --at;
      }
      // A comment between the dash and the next token (`- # note`) is skipped too.
      std::size_t comment = at == 0 ? std::string_view::npos : comment_start(at);
      if (comment == std::string_view::npos) {
        break;
      }
      at = comment;
    }
    if (at == 0 || m_text[at - 1] != '-') {
      return position;
    }
    std::size_t dash = at - 1;
    std::size_t line_start = m_text.rfind('\n', dash);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    auto token = static_cast<std::size_t>(mark.pos);
    if (token < m_text.size() && m_text[token] != '\n') {
      std::size_t token_line = m_text.rfind('\n', token - 1);
      token_line = token_line == std::string_view::npos ? 0 : token_line + 1;
      if (token - token_line > dash - line_start) {
        return position;
      }
    }
    position.line -= lines_back;
    position.column = (position.line == m_origin.line ? m_origin.column : 1) +
                      static_cast<int>(dash - line_start);
    position.offset = m_origin.offset + dash;
    return position;
  }

  void count_nodes(std::size_t count, const YAML::Mark& mark) {
    m_nodes += count;
    if (m_nodes > m_limits.max_nodes) {
      throw LimitExceeded{position_of(mark),
                          fmt::format("the front matter expands to more than {} values "
                                      "(aliases repeated too often?)",
                                      m_limits.max_nodes)};
    }
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    if (static_cast<int>(m_stack.size()) >= m_limits.max_depth) {
      throw LimitExceeded{
          position_of(mark),
          fmt::format("lists and fields are nested more than {} levels deep", m_limits.max_depth)};
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.position = position_of(mark);
    frame.node.flow = style == YAML::EmitterStyle::Flow;
    frame.anchor = anchor;
    m_stack.push_back(std::move(frame));
  }

  void close() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    add(std::move(frame.node), frame.anchor);
  }

  static std::size_t size_of(const YamlNode& node) {
    std::size_t size = 1;
    for (const YamlNode& item : node.items) {
      size += size_of(item);
    }
    for (const YamlEntry& entry : node.entries) {
      size += size_of(entry.value);
    }
    return size;
  }

  void add(YamlNode node, YAML::anchor_t anchor, CountNode count = CountNode::yes) {
    if (count == CountNode::yes) {
      m_nodes += 1;
    }
    if (anchor != 0) {
      m_anchors[anchor] = Anchored{node, size_of(node)};
    }
    if (m_stack.empty()) {
      m_root = std::move(node);
      return;
    }
    Frame& top = m_stack.back();
    if (node.is_null() && top.node.kind == YamlNode::Kind::mapping && !top.expecting_key) {
      node.position = top.key_position; // yaml-cpp marks an empty value at the next token
    }
    if (top.node.kind == YamlNode::Kind::sequence) {
      top.node.items.push_back(std::move(node));
    } else if (top.expecting_key) {
      accept_key(top, node);
    } else {
      top.expecting_key = true;
      if (!top.skip_value) {
        top.node.entries.push_back(
            YamlEntry{std::move(top.key), top.key_position, std::move(node)});
      }
    }
  }

  void accept_key(Frame& top, const YamlNode& key) {
    top.expecting_key = false;
    top.skip_value = false;
    top.key_position = key.position;
    if (key.is_null()) {
      report(key.position,
             "a field has no name: YAML reads an empty name, 'null' or '~' as nothing (quote it "
             "if it is meant as text)",
             "yaml.complex-key");
      top.skip_value = true;
      return;
    }
    if (!key.is_scalar()) {
      report(key.position, "a field name must be plain text, not a list or a set of fields",
             "yaml.complex-key");
      top.skip_value = true;
      return;
    }
    int first_line = 0;
    if (top.key_lines.empty() && top.node.entries.size() < k_linear_keys) {
      for (const YamlEntry& entry : top.node.entries) {
        if (entry.key == key.text) {
          first_line = entry.key_position.line;
          break;
        }
      }
    } else {
      // Past a few dozen keys, a hash: a hostile mapping with many keys
      // then costs linear time, not quadratic.
      if (top.key_lines.empty()) {
        for (const YamlEntry& entry : top.node.entries) {
          top.key_lines.emplace(entry.key, entry.key_position.line);
        }
      }
      auto [seen, fresh] = top.key_lines.emplace(key.text, key.position.line);
      first_line = fresh ? 0 : seen->second;
    }
    if (first_line != 0) {
      report(key.position,
             fmt::format("duplicate field '{}' (first set on line {}); keep only one", key.text,
                         first_line),
             "yaml.duplicate-key");
      top.skip_value = true;
      return;
    }
    top.key = key.text;
  }

  void report(Position position, std::string message, const char* rule) {
    m_diagnostics.push_back(error_at(position, std::move(message), rule));
  }

  std::string_view m_text;
  Position m_origin;
  const YamlLimits& m_limits;
  std::vector<Diagnostic>& m_diagnostics;
  bool m_exact_marks = false;
  std::vector<Frame> m_stack;
  YamlNode m_root;
  std::unordered_map<YAML::anchor_t, Anchored> m_anchors;
  std::size_t m_nodes = 0;
};

// yaml-cpp's messages are terse ("illegal map value"); say what to do instead.
std::string explain_parser_error(const std::string& message) {
  if (message == YAML::ErrorMsg::MAP_VALUE || message == YAML::ErrorMsg::BLOCK_ENTRY) {
    return message + " (check the indentation, and quote values that contain ': ')";
  }
  if (message == YAML::ErrorMsg::END_OF_MAP) {
    return message + " (is a value only partly quoted? quote the whole value)";
  }
  if (message == YAML::ErrorMsg::END_OF_SEQ_FLOW || message == YAML::ErrorMsg::END_OF_MAP_FLOW) {
    return message + " (a closing bracket is missing)";
  }
  return message;
}

struct Unclosed {
  std::size_t offset = 0; // in the YAML text
  std::string message;
  bool quote = false; // a quote rather than a bracket
};

// yaml-cpp notices an unclosed bracket or quote only where it runs out of
// text, often many lines later. Front matter keeps lists and quoted values on
// one line, so the first line that opens one without closing it is the place
// a contributor needs to look at.
std::optional<Unclosed> find_unclosed(std::string_view text, std::size_t limit) {
  for (std::size_t begin = 0; begin < text.size() && begin <= limit;) {
    std::size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line = text.substr(begin, end - begin);
    std::vector<std::size_t> open_brackets;
    char quote = 0;
    std::size_t quote_at = 0;
    // A quote or bracket opens a value only where a value starts: at the start
    // of the line, after `key: `, a `- ` indicator, or `[`, `{` and `,` in a
    // flow list. Elsewhere (`it's`, `the '90s`) it is part of plain text.
    char last = 0;               // the last non-space character before i on the line
    bool spaced = true;          // whether a space comes between `last` and i
    bool only_indicators = true; // the line so far is indentation and `- ` indicators
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quote != 0) {
        if (quote == '"' && c == '\\') {
          ++i;
        } else if (c == quote) {
          if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
            last = c;
            spaced = false;
            only_indicators = false;
          }
        }
        continue;
      }
      if (c == ' ') {
        spaced = true;
        continue;
      }
      bool value_start = last == 0 || last == '[' || last == '{' ||
                         (last == ',' && !open_brackets.empty()) ||
                         (spaced && (last == ':' || (last == '-' && only_indicators)));
      if ((c == '"' || c == '\'') && value_start) {
        quote = c;
        quote_at = i;
      } else if (c == '#' && spaced) {
        break;
      } else if (c == '[' && value_start) {
        open_brackets.push_back(i);
      } else if (c == ']' && !open_brackets.empty()) {
        open_brackets.pop_back();
      }
      only_indicators = only_indicators && c == '-' && (i + 1 == line.size() || line[i + 1] == ' ');
      last = c;
      spaced = false;
    }
    if (quote != 0) {
      return Unclosed{begin + quote_at,
                      fmt::format("the quote ({}) opened here is not closed on this line", quote),
                      true};
    }
    if (!open_brackets.empty()) {
      return Unclosed{begin + open_brackets.front(),
                      "the list opened here has no closing bracket ']'"};
    }
    begin = end + 1;
  }
  return std::nullopt;
}

bool has_quoted_scalar_at(const YamlNode& node, std::size_t offset) {
  if (node.is_scalar()) {
    return node.style == ScalarStyle::quoted && node.position.offset == offset;
  }
  for (const YamlNode& item : node.items) {
    if (has_quoted_scalar_at(item, offset)) {
      return true;
    }
  }
  for (const YamlEntry& entry : node.entries) {
    if (has_quoted_scalar_at(entry.value, offset)) {
      return true;
    }
  }
  return false;
}

// yaml-cpp accepts a quote left open to the end of the text: the value then
// swallows every field after it. When yaml-cpp read a quoted value from an
// unclosed quote, and a line after it starts like a top-level `field:`, that
// is what happened.
std::optional<Unclosed> find_swallowing_quote(std::string_view text, const YamlNode& root,
                                              Position origin) {
  std::optional<Unclosed> unclosed = find_unclosed(text, text.size());
  if (!unclosed || !unclosed->quote ||
      !has_quoted_scalar_at(root, origin.offset + unclosed->offset)) {
    return std::nullopt;
  }
  for (std::size_t begin = text.find('\n', unclosed->offset); begin != std::string_view::npos;
       begin = text.find('\n', begin)) {
    ++begin;
    std::size_t i = begin;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                               text[i] == '_' || text[i] == '-')) {
      ++i;
    }
    if (i > begin && i < text.size() && text[i] == ':' &&
        (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      return unclosed;
    }
  }
  return std::nullopt;
}

// The first tab in the indentation of `line` or the line before it, where
// yaml-cpp's message ("illegal map value") would not mention it.
std::optional<std::size_t> find_indenting_tab(std::string_view text, std::size_t error_offset) {
  std::size_t line_start = text.rfind('\n', error_offset == 0 ? 0 : error_offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::size_t previous_start = line_start == 0 ? 0 : text.rfind('\n', line_start - 2);
  previous_start =
      (line_start == 0 || previous_start == std::string_view::npos) ? 0 : previous_start + 1;
  for (std::size_t start : {previous_start, line_start}) {
    for (std::size_t i = start; i < text.size() && (text[i] == ' ' || text[i] == '\t'); ++i) {
      if (text[i] == '\t') {
        return i;
      }
    }
  }
  return std::nullopt;
}

Position offset_position(std::string_view text, Position origin, std::size_t offset) {
  Position position = origin;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      line_start = i + 1;
    }
  }
  position.column =
      (position.line == origin.line ? origin.column : 1) + static_cast<int>(offset - line_start);
  position.offset = origin.offset + offset;
  return position;
}

// Front matter is one YAML document. A directive (`%YAML`) or a `---`/`...`
// line inside it (one with a comment after it, which hros does not take as
// the closing line) would make YAML tools read a second document that
// yaml-cpp and hros never look at, so its fields would go unchecked.
std::optional<Diagnostic> find_second_document(std::string_view text, Position origin) {
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line = text.substr(begin, end - begin);
    bool marker = (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                  (line.size() == 3 || line[3] == ' ' || line[3] == '\t');
    if (marker || (!line.empty() && line[0] == '%')) {
      return error_at(
          offset_position(text, origin, begin),
          marker ? "invalid YAML: this line starts a second YAML document; the front matter ends "
                   "with a line that is only '---'"
                 : "invalid YAML: directives such as '%YAML' are not allowed in front matter",
          "yaml.document");
    }
    begin = end + 1;
  }
  return std::nullopt;
}

// An empty document has no node to take a position from: it is where the text starts.
YamlLoad with_root_position(YamlLoad result, Position origin) {
  if (result.root.is_null() && result.root.position.line == 0) {
    result.root.position = origin;
  }
  return result;
}

// YAML allows no control characters but tab and line breaks (its c-printable
// set), and yaml-cpp takes one, 0x04, for the end of its input, so a file
// holding them would be read differently by each tool, or partly.
std::optional<Diagnostic> find_control_character(std::string_view text, Position origin) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    // C1 controls, U+0080 to U+009F, are C2 80 to C2 9F in UTF-8.
    bool c1 = c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0;
    if (control || c1) {
      unsigned code = c1 ? static_cast<unsigned char>(text[i + 1]) : c;
      return error_at(offset_position(text, origin, i),
                      fmt::format("invalid YAML: the control character U+{:04X} is not allowed "
                                  "in YAML; remove it",
                                  code),
                      "yaml.syntax");
    }
  }
  return std::nullopt;
}

} // namespace

YamlLoad load_yaml(std::string_view text, Position origin, const YamlLimits& limits) {
  YamlLoad result;
  // yaml-cpp skips a byte order mark at the start of its input without
  // counting it in its marks (one after a case's `---` line reaches it), so
  // every offset, and the first line's columns, came out 3 bytes short.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
    origin.offset += 3;
    origin.column += 3;
  }
  for (auto* find : {&find_control_character, &find_second_document}) {
    if (std::optional<Diagnostic> problem = find(text, origin)) {
      result.ok = false;
      result.diagnostics.push_back(std::move(*problem));
      return with_root_position(std::move(result), origin);
    }
  }
  if (limits.fast_path) {
    try {
      TreeBuilder fast(text, origin, limits, result.diagnostics, true);
      if (detail::parse_simple_yaml(text, fast)) {
        result.root = fast.take_root();
        return with_root_position(std::move(result), origin);
      }
    } catch (const LimitExceeded&) {
      // yaml-cpp below reports it, with the same position
    }
    result.diagnostics.clear();
  }
  MemoryBuffer buffer(text);
  std::istream stream(&buffer);
  TreeBuilder builder(text, origin, limits, result.diagnostics);
  try {
    YAML::Parser parser(stream);
    parser.HandleNextDocument(builder);
    result.root = builder.take_root();
    if (std::optional<Unclosed> swallowing = find_swallowing_quote(text, result.root, origin)) {
      result.ok = false;
      result.root = YamlNode();
      result.diagnostics.clear();
      result.diagnostics.push_back(error_at(offset_position(text, origin, swallowing->offset),
                                            "invalid YAML: " + swallowing->message, "yaml.syntax"));
    }
  } catch (const LimitExceeded& limit) {
    result.ok = false;
    result.diagnostics.push_back(error_at(limit.position, limit.message, "yaml.limit"));
  } catch (const YAML::DeepRecursion& deep) {
    result.ok = false;
    result.diagnostics.push_back(error_at(builder.position_of(deep.mark),
                                          "lists and fields are nested too deeply", "yaml.limit"));
  } catch (const YAML::Exception& error) {
    result.ok = false;
    std::size_t error_offset =
        error.mark.is_null() ? text.size() : static_cast<std::size_t>(error.mark.pos);
    bool mentions_tab = error.msg.find("tab") != std::string::npos;
    std::optional<std::size_t> tab =
        mentions_tab ? std::nullopt : find_indenting_tab(text, error_offset);
    if (tab) {
      result.diagnostics.push_back(error_at(
          offset_position(text, origin, *tab),
          "invalid YAML: a tab is used for indentation; YAML allows only spaces", "yaml.syntax"));
    } else if (std::optional<Unclosed> unclosed = find_unclosed(text, error_offset)) {
      result.diagnostics.push_back(error_at(offset_position(text, origin, unclosed->offset),
                                            "invalid YAML: " + unclosed->message, "yaml.syntax"));
    } else {
      result.diagnostics.push_back(error_at(builder.position_of(error.mark),
                                            "invalid YAML: " + explain_parser_error(error.msg),
                                            "yaml.syntax"));
    }
  }
  return with_root_position(std::move(result), origin);
}

} // namespace hros
