#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace hros {

// Text from a case made safe to write to a terminal: C0 and C1 control
// characters (ESC included), DEL, bidirectional overrides and isolates, and
// invalid UTF-8 become U+FFFD, so a case can neither move the cursor, change
// colours, retitle the window nor reorder what the reader sees. A tab becomes
// a space and U+2028/U+2029 a space; '\n' is kept when `keep_newlines`, else
// it becomes a space.
std::string terminal_safe(std::string_view text, bool keep_newlines = false);

// The code point of the UTF-8 sequence at text[i] and its length in bytes;
// an invalid sequence is U+FFFD of length 1.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
};
CodePoint decode_utf8(std::string_view text, std::size_t i);

// Terminal columns a code point takes: 0 for combining marks and zero-width
// characters, 2 for East Asian wide and fullwidth characters and most emoji,
// else 1. A table of the common ranges, not the full Unicode data.
int code_point_width(char32_t c);

// Terminal columns of UTF-8 text, by code_point_width.
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` columns, never inside a character; with an
// ellipsis (U+2026, or "." when not `unicode`) in place of what was cut.
std::string cut_to_width(std::string_view text, std::size_t width, bool unicode = true);

} // namespace hros
