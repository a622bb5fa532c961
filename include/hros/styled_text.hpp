#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hros {

// How a piece of text looks on a colour terminal; plain output ignores it.
enum StyleBits : unsigned {
  k_style_none = 0,
  k_style_bold = 1u << 0,
  k_style_italic = 1u << 1,
  k_style_underline = 1u << 2,
  k_style_dim = 1u << 3,
  k_style_code = 1u << 4,
  k_style_link = 1u << 5,
  k_style_no_break = 1u << 6, // a URL: wrapping never cuts it, however long
};

// A run of text in one style; `url` makes it a hyperlink on a colour terminal.
struct Span {
  Span() = default;
  Span(std::string span_text, unsigned span_style = k_style_none, std::string span_url = {})
      : text(std::move(span_text)), style(span_style), url(std::move(span_url)) {}

  std::string text;
  unsigned style = k_style_none;
  std::string url;
};

using Line = std::vector<Span>;

// Appends text to a line, merged into the last span when it looks the same.
void append_span(Line& line, std::string_view text, unsigned style = k_style_none,
                 const std::string& url = {});

// Terminal columns a line takes.
std::size_t line_width(const Line& line);

// Fills lines of at most `width` columns (0: no limit) with the spans' words,
// breaking at spaces (runs of spaces become one) and at '\n' (a hard break).
// A word wider than a line is cut between characters, unless it is a URL.
std::vector<Line> wrap_spans(const std::vector<Span>& spans, std::size_t width);

// `lines` with `first` before the first and `rest` before the others.
std::vector<Line> prefix_lines(std::vector<Line> lines, const Line& first, const Line& rest);

// Writes lines as text. With `color`, styles become ANSI SGR sequences and
// URLs OSC 8 hyperlinks; these are the only escape sequences in the output,
// since every span's text and URL is made terminal-safe here. Spaces at the
// end of a line are dropped.
std::string emit_lines(const std::vector<Line>& lines, bool color);

} // namespace hros
