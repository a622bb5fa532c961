#include "hros/query.hpp"

#include "hros/plain_text.hpp"
#include "hros/suggest.hpp"
#include "hros/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

namespace hros {
namespace {

// A NUL cannot come from a command line, but would end FTS5's reading of a
// string early: it separates words like a space.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
}

// Characters FTS5's unicode61 tokenizer (Unicode 6.1 data) reads as
// separators, among those people type or paste: Latin-1 signs, combining
// accents, dashes, typographic quotes and other punctuation, currency,
// arrows, symbols, CJK and full-width punctuation, emoji. Other non-ASCII
// characters count as letters, as most are.
constexpr std::pair<char32_t, char32_t> k_separators[] = {
    {0x80, 0xA9},       {0xAB, 0xB1},       {0xB4, 0xB4},       {0xB6, 0xB8},
    {0xBB, 0xBB},       {0xBF, 0xBF},       {0xD7, 0xD7},       {0xF7, 0xF7},
    {0x300, 0x36F},     {0x2000, 0x2064},   {0x2116, 0x2118},   {0x211E, 0x2123},
    {0x206A, 0x206F},   {0x20A0, 0x20B9},   {0x2190, 0x23F3},   {0x2500, 0x26FF},
    {0x2701, 0x2775},   {0x2794, 0x2B4C},   {0x2E00, 0x2E2E},   {0x3000, 0x3004},
    {0x3008, 0x3020},   {0x3030, 0x3030},   {0xFE00, 0xFE19},   {0xFE30, 0xFE52},
    {0xFE54, 0xFE66},   {0xFE68, 0xFE6B},   {0xFEFF, 0xFEFF},   {0xFF01, 0xFF0F},
    {0xFF1A, 0xFF20},   {0xFF3B, 0xFF40},   {0xFF5B, 0xFF65},   {0x1F300, 0x1F320},
    {0x1F330, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F380, 0x1F393}, {0x1F3A0, 0x1F3C4},
    {0x1F3C6, 0x1F3CA}, {0x1F3E0, 0x1F3F0}, {0x1F400, 0x1F43E}, {0x1F440, 0x1F440},
    {0x1F442, 0x1F4F7}, {0x1F4F9, 0x1F4FC}, {0x1F500, 0x1F53D}, {0x1F540, 0x1F543},
    {0x1F550, 0x1F567}, {0x1F5FB, 0x1F640}, {0x1F645, 0x1F64F}, {0x1F680, 0x1F6C5}};

bool is_separator(char32_t code) {
  return std::any_of(std::begin(k_separators), std::end(k_separators), [code](const auto& range) {
    return code >= range.first && code <= range.second;
  });
}

// Whether FTS5's tokenizer would find a word in the text: ASCII letters and
// digits, or a non-ASCII character that is not a separator. A term without
// one would reach FTS5 as an empty phrase, which matches nothing.
bool has_word(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      if (std::isalnum(byte) != 0) {
        return true;
      }
      ++i;
      continue;
    }
    std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      return true; // not UTF-8: leave it to the tokenizer
    }
    char32_t code = length == 2 ? byte & 0x1f : length == 3 ? byte & 0x0f : byte & 0x07;
    for (std::size_t k = 1; k < length; ++k) {
      code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
    }
    if (!is_separator(code)) {
      return true;
    }
    i += length;
  }
  return false;
}

struct Token {
  QueryTerm term;
  bool excluded = false;
  bool is_or = false;
  int column = 0;
};

class Parser {
public:
  explicit Parser(std::string_view text) : m_text(text) {}

  QueryParse parse() {
    QueryParse result;
    std::vector<Token> tokens;
    while (skip_space()) {
      Token token;
      if (!next_token(token)) {
        result.error = m_error;
        result.column = m_error_column;
        return result;
      }
      if (!token.is_or && !has_word(token.term.text)) {
        continue; // punctuation alone, as in "a - b": nothing to look for
      }
      tokens.push_back(std::move(token));
    }
    return assemble(tokens, result);
  }

private:
  bool skip_space() {
    while (m_at < m_text.size() && is_space(m_text[m_at])) {
      ++m_at;
    }
    return m_at < m_text.size();
  }

  int column() const { return static_cast<int>(m_at) + 1; }

  bool error(std::string message, int at) {
    m_error = std::move(message);
    m_error_column = at;
    return false;
  }

  bool next_token(Token& token) {
    token.column = column();
    if (m_text[m_at] == '-' && m_at + 1 < m_text.size() && !is_space(m_text[m_at + 1])) {
      token.excluded = true;
      ++m_at;
    }
    // A field scope: letters then ':' directly followed by the term.
    std::size_t letters = m_at;
    while (letters < m_text.size() && std::isalpha(static_cast<unsigned char>(m_text[letters]))) {
      ++letters;
    }
    bool url = letters + 1 < m_text.size() && m_text[letters + 1] == '/'; // https://...
    if (letters > m_at && letters < m_text.size() && m_text[letters] == ':' && !url) {
      std::string field = lowercase(m_text.substr(m_at, letters - m_at));
      const std::vector<std::string>& fields = query_fields();
      if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
        std::string suggestion = did_you_mean(field, fields);
        return error(fmt::format("unknown field '{}:'{}{} term can be limited to title:, "
                                 "summary: or body:",
                                 field, suggestion, suggestion.empty() ? "; a" : " A"),
                     static_cast<int>(m_at) + 1);
      }
      token.term.field = field;
      m_at = letters + 1;
      if (m_at >= m_text.size() || is_space(m_text[m_at])) {
        return error(fmt::format("'{}:' needs a word or \"phrase\" right after it, as in {}:hiring",
                                 field, field),
                     static_cast<int>(letters) + 1);
      }
    }
    if (m_text[m_at] == '"') {
      std::size_t close = m_text.find('"', m_at + 1);
      if (close == std::string_view::npos) {
        return error("this quote is not closed; end the phrase with \"", column());
      }
      token.term.text = std::string(m_text.substr(m_at + 1, close - m_at - 1));
      token.term.phrase = true;
      m_at = close + 1;
      if (m_at < m_text.size() && m_text[m_at] == '*') {
        token.term.prefix = true;
        ++m_at;
      }
      return true;
    }
    std::size_t end = m_at;
    while (end < m_text.size() && !is_space(m_text[end]) && m_text[end] != '"') {
      ++end;
    }
    std::string word(m_text.substr(m_at, end - m_at));
    m_at = end;
    if (word == "OR" && !token.excluded && token.term.field.empty()) {
      token.is_or = true;
      return true;
    }
    while (word.size() > 1 && word.back() == '*' && word[word.size() - 2] == '*') {
      word.pop_back();
    }
    if (word.size() > 1 && word.back() == '*') {
      word.pop_back();
      token.term.prefix = true;
    }
    token.term.text = word;
    return true;
  }

  QueryParse& assemble(std::vector<Token>& tokens, QueryParse& result) {
    bool join_next = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      Token& token = tokens[i];
      if (token.is_or) {
        bool after_term = i > 0 && !tokens[i - 1].is_or && !tokens[i - 1].excluded;
        bool before_term = i + 1 < tokens.size() && !tokens[i + 1].is_or;
        if (!after_term || !before_term || tokens[i + 1].excluded) {
          result.error = "OR goes between two words or phrases, as in: hiring OR recruiting";
          result.column = token.column;
          return result;
        }
        join_next = true;
        continue;
      }
      if (token.excluded) {
        result.query.excluded.push_back(std::move(token.term));
      } else if (join_next) {
        result.query.groups.back().push_back(std::move(token.term));
      } else {
        result.query.groups.push_back({std::move(token.term)});
      }
      join_next = false;
    }
    if (result.query.groups.empty()) {
      result.error = result.query.excluded.empty()
                         ? "the query has no words to look for"
                         : "a query cannot only exclude: add a word to look for";
      result.column = 1;
    }
    return result;
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  std::string m_error;
  int m_error_column = 0;
};

std::string fts5_term(const QueryTerm& term) {
  std::string quoted = "\"";
  for (char c : fold_full_width(term.text)) {
    quoted += c == '\0' ? ' ' : c; // a NUL would end the FTS5 string
    if (c == '"') {
      quoted += '"';
    }
  }
  quoted += '"';
  if (term.prefix) {
    quoted += " *";
  }
  return term.field.empty() ? quoted : term.field + " : " + quoted;
}

std::string fts5_any(const std::vector<QueryTerm>& terms) {
  std::string expression;
  for (const QueryTerm& term : terms) {
    expression += expression.empty() ? "" : " OR ";
    expression += fts5_term(term);
  }
  return terms.size() > 1 ? "(" + expression + ")" : expression;
}

} // namespace

const std::vector<std::string>& query_fields() {
  static const std::vector<std::string> fields = {"title", "summary", "body"};
  return fields;
}

QueryParse parse_query(std::string_view text) {
  return Parser(text).parse();
}

std::string to_fts5(const Query& query) {
  std::string expression;
  for (const std::vector<QueryTerm>& group : query.groups) {
    expression += expression.empty() ? "" : " AND ";
    expression += fts5_any(group);
  }
  if (!query.excluded.empty()) {
    expression = "(" + expression + ") NOT " + fts5_any(query.excluded);
  }
  return expression;
}

std::vector<std::string> positive_words(const Query& query) {
  std::vector<std::string> words;
  for (const std::vector<QueryTerm>& group : query.groups) {
    for (const QueryTerm& term : group) {
      if (!term.phrase && !term.prefix) {
        words.push_back(term.text);
      }
    }
  }
  return words;
}

} // namespace hros
