#include "hros/printable.hpp"

#include "hros/terminal_text.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace hros {
namespace {

// Characters that change what the reader sees without being control
// characters: bidirectional overrides and isolates reorder the rest of the
// line (a file name could make a report read differently), and the Unicode
// line separators start a new line in some viewers.
bool reorders_or_breaks(char32_t c) {
  return c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x2028 || c == 0x2029;
}

// The character at text[i]: its length in bytes, and whether printable
// writes it out: a control character, one of the above, or a byte that is not
// valid UTF-8 (a lone 0x9B is CSI to a terminal not in UTF-8 mode).
struct Span {
  std::size_t length = 1;
  bool written_out = false;
};

Span span_at(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    return {1, (c < 0x20 && c != '\t') || c == 0x7f};
  }
  CodePoint point = decode_utf8(text, i);
  bool invalid = point.value == 0xFFFD && point.length == 1;
  return {point.length, invalid || point.value < 0xA0 || reorders_or_breaks(point.value)};
}

} // namespace

std::string printable(std::string_view text) {
  if (!has_control(text)) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    Span span = span_at(text, i);
    if (!span.written_out) {
      out.append(text.substr(i, span.length));
    } else if (span.length > 1) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(decode_utf8(text, i).value));
    } else if (text[i] == '\n') {
      out += "\\n";
    } else if (text[i] == '\r') {
      out += "\\r";
    } else {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
    }
    i += span.length;
  }
  return out;
}

bool has_control(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    Span span = span_at(text, i);
    if (span.written_out) {
      return true;
    }
    i += span.length;
  }
  return false;
}

} // namespace hros
