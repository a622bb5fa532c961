#include "hros/styled_text.hpp"

#include "hros/terminal_text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hros {
namespace {

// Printable ASCII only: an OSC 8 target ends at the first control character,
// so anything else is percent-encoded and the sequence cannot be broken out of.
std::string safe_url(std::string_view url) {
  std::string out;
  for (char c : url) {
    auto byte = static_cast<unsigned char>(c);
    if (byte > 0x20 && byte < 0x7F) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

std::string sgr(unsigned style) {
  std::string codes;
  auto add = [&](const char* code) { codes += (codes.empty() ? "" : ";") + std::string(code); };
  if ((style & k_style_bold) != 0) {
    add("1");
  }
  if ((style & k_style_dim) != 0) {
    add("2");
  }
  if ((style & k_style_italic) != 0) {
    add("3");
  }
  if ((style & k_style_underline) != 0) {
    add("4");
  }
  if ((style & k_style_code) != 0) {
    add("36");
  } else if ((style & k_style_link) != 0) {
    add("34");
  }
  return codes.empty() ? std::string() : "\x1b[" + codes + "m";
}

// The line without the spaces at its end, which a prefix or padding may leave.
Line trimmed(Line line) {
  while (!line.empty()) {
    std::string& text = line.back().text;
    text.erase(text.find_last_not_of(' ') + 1);
    if (!text.empty()) {
      break;
    }
    line.pop_back();
  }
  return line;
}

class Wrapper {
public:
  explicit Wrapper(std::size_t width) : m_width(width) {}

  void add(const Span& span) {
    std::string_view text = span.text;
    std::size_t i = 0;
    while (i < text.size()) {
      if (text[i] == '\n') {
        flush_word();
        end_line();
        ++i;
      } else if (text[i] == ' ') {
        flush_word();
        if (m_column > 0) {
          m_space = true;
          m_space_style = span.style;
          m_space_url = span.url;
        }
        ++i;
      } else {
        std::size_t end = std::min(text.find_first_of(" \n", i), text.size());
        add_run(text.substr(i, end - i), span);
        i = end;
      }
    }
  }

  std::vector<Line> finish() {
    flush_word();
    if (!m_line.empty() || m_lines.empty()) {
      m_lines.push_back(std::move(m_line));
    }
    return std::move(m_lines);
  }

private:
  // Text without spaces: part of one word, except that a line may end after
  // any wide character, since Chinese and Japanese are written without spaces.
  void add_run(std::string_view run, const Span& span) {
    bool may_be_wide = std::any_of(run.begin(), run.end(),
                                   [](char c) { return static_cast<unsigned char>(c) >= 0xE1; });
    if (!may_be_wide) {
      append_span(m_word, run, span.style, span.url);
      m_word_width += display_width(run);
      return;
    }
    std::size_t i = 0;
    while (i < run.size()) {
      CodePoint point = decode_utf8(run, i);
      int columns = code_point_width(point.value);
      append_span(m_word, run.substr(i, point.length), span.style, span.url);
      m_word_width += static_cast<std::size_t>(columns);
      if (columns == 2) {
        flush_word();
      }
      i += point.length;
    }
  }

  void end_line() {
    m_lines.push_back(std::move(m_line));
    m_line.clear();
    m_column = 0;
    m_space = false;
  }

  void flush_word() {
    if (m_word.empty()) {
      return;
    }
    std::size_t space = m_space ? 1 : 0;
    if (m_width > 0 && m_column > 0 && m_column + space + m_word_width > m_width) {
      end_line();
    }
    if (m_space && m_column > 0) {
      append_span(m_line, " ", m_space_style, m_space_url);
      ++m_column;
    }
    m_space = false;
    bool no_break = (m_word.front().style & k_style_no_break) != 0;
    if (m_width == 0 || m_column + m_word_width <= m_width || no_break) {
      for (const Span& piece : m_word) {
        append_span(m_line, piece.text, piece.style, piece.url);
      }
      m_column += m_word_width;
    } else {
      cut_word();
    }
    m_word.clear();
    m_word_width = 0;
  }

  // A word wider than the line (a long identifier, text without spaces):
  // cut between characters, never inside one.
  void cut_word() {
    for (const Span& piece : m_word) {
      std::size_t i = 0;
      while (i < piece.text.size()) {
        CodePoint point = decode_utf8(piece.text, i);
        auto columns = static_cast<std::size_t>(code_point_width(point.value));
        if (m_column > 0 && m_column + columns > m_width) {
          end_line();
        }
        append_span(m_line, std::string_view(piece.text).substr(i, point.length), piece.style,
                    piece.url);
        m_column += columns;
        i += point.length;
      }
    }
  }

  std::size_t m_width;
  std::vector<Line> m_lines;
  Line m_line;
  std::size_t m_column = 0;
  Line m_word;
  std::size_t m_word_width = 0;
  bool m_space = false;
  unsigned m_space_style = k_style_none;
  std::string m_space_url;
};

} // namespace

void append_span(Line& line, std::string_view text, unsigned style, const std::string& url) {
  if (text.empty()) {
    return;
  }
  if (!line.empty() && line.back().style == style && line.back().url == url) {
    line.back().text.append(text);
    return;
  }
  line.push_back(Span{std::string(text), style, url});
}

std::size_t line_width(const Line& line) {
  std::size_t width = 0;
  for (const Span& span : line) {
    width += display_width(span.text);
  }
  return width;
}

std::vector<Line> wrap_spans(const std::vector<Span>& spans, std::size_t width) {
  Wrapper wrapper(width);
  for (const Span& span : spans) {
    wrapper.add(span);
  }
  return wrapper.finish();
}

std::vector<Line> prefix_lines(std::vector<Line> lines, const Line& first, const Line& rest) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line prefixed = i == 0 ? first : rest;
    for (Span& span : lines[i]) {
      append_span(prefixed, span.text, span.style, span.url);
    }
    lines[i] = std::move(prefixed);
  }
  return lines;
}

std::string emit_lines(const std::vector<Line>& lines, bool color) {
  std::string out;
  for (const Line& raw : lines) {
    Line line = trimmed(raw);
    unsigned style = k_style_none;
    std::string url;
    for (const Span& span : line) {
      if (color && span.url != url) {
        if (!url.empty()) {
          out += "\x1b]8;;\x1b\\";
        }
        url = span.url;
        if (!url.empty()) {
          out += "\x1b]8;;" + safe_url(url) + "\x1b\\";
        }
      }
      unsigned visible = span.style & ~k_style_no_break;
      if (color && visible != style) {
        out += style != k_style_none ? "\x1b[0m" : "";
        out += sgr(visible);
        style = visible;
      }
      out += terminal_safe(span.text);
    }
    if (!url.empty()) {
      out += "\x1b]8;;\x1b\\";
    }
    if (style != k_style_none) {
      out += "\x1b[0m";
    }
    out += '\n';
  }
  return out;
}

} // namespace hros
