// Case files come from strangers' pull requests, and `hros show` writes them
// to reviewers' terminals: everything that could act on a terminal is made
// visible instead of passed through.
#include "hros/terminal_text.hpp"

#include "hros/utf8.hpp"

#include <algorithm>
#include <iterator>

namespace hros {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

struct Range {
  char32_t first;
  char32_t last;
};

bool in_ranges(char32_t c, const Range* begin, const Range* end) {
  const Range* found = std::lower_bound(
      begin, end, c, [](const Range& range, char32_t x) { return range.last < x; });
  return found != end && found->first <= c;
}

// Combining marks, variation selectors and zero-width characters (sorted).
constexpr Range k_zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489},   {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7},   {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670},
    {0x06D6, 0x06DC}, {0x06DF, 0x06E4},   {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902},
    {0x093A, 0x093A}, {0x093C, 0x093C},   {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},   {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x2060, 0x2064},   {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
    {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian Wide and Fullwidth, and emoji shown two columns wide (sorted).
constexpr Range k_wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},
    {0x23F0, 0x23F0},   {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},
    {0x2648, 0x2653},   {0x267F, 0x267F},   {0x2693, 0x2693},   {0x26A1, 0x26A1},
    {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},   {0x26CE, 0x26CE},
    {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},
    {0x2728, 0x2728},   {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},
    {0x2757, 0x2757},   {0x2795, 0x2797},   {0x27B0, 0x27B0},   {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},   {0x2E80, 0x303E},
    {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x3FFFD},
};

bool is_unsafe(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

} // namespace

CodePoint decode_utf8(std::string_view text, std::size_t i) {
  std::size_t length = utf8_sequence_length(text, i);
  if (length == 0) {
    return {0xFFFD, 1};
  }
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  char32_t value = 0;
  switch (length) {
  case 1:
    value = byte(0);
    break;
  case 2:
    value = (char32_t{byte(0)} & 0x1Fu) << 6 | (byte(1) & 0x3Fu);
    break;
  case 3:
    value =
        (char32_t{byte(0)} & 0x0Fu) << 12 | (char32_t{byte(1)} & 0x3Fu) << 6 | (byte(2) & 0x3Fu);
    break;
  default:
    value = (char32_t{byte(0)} & 0x07u) << 18 | (char32_t{byte(1)} & 0x3Fu) << 12 |
            (char32_t{byte(2)} & 0x3Fu) << 6 | (byte(3) & 0x3Fu);
    break;
  }
  return {value, length};
}

std::string terminal_safe(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // Printable ASCII, nearly all of a case, is copied as it is.
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    CodePoint point = decode_utf8(text, i);
    if (point.value == '\n') {
      out += keep_newlines ? '\n' : ' ';
    } else if (point.value == '\t' || point.value == 0x2028 || point.value == 0x2029) {
      out += ' ';
    } else if (is_unsafe(point.value) || (point.value == 0xFFFD && point.length == 1)) {
      out += k_replacement;
    } else {
      out.append(text.substr(i, point.length));
    }
    i += point.length;
  }
  return out;
}

int code_point_width(char32_t c) {
  if (c < 0x300) {
    return 1;
  }
  if (in_ranges(c, std::begin(k_zero_width), std::end(k_zero_width))) {
    return 0;
  }
  return in_ranges(c, std::begin(k_wide), std::end(k_wide)) ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++width;
      ++i;
      continue;
    }
    CodePoint point = decode_utf8(text, i);
    width += static_cast<std::size_t>(code_point_width(point.value));
    i += point.length;
  }
  return width;
}

std::string cut_to_width(std::string_view text, std::size_t width, bool unicode) {
  if (display_width(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return "";
  }
  std::string out;
  std::size_t columns = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    CodePoint point = decode_utf8(text, i);
    auto columns_here = static_cast<std::size_t>(code_point_width(point.value));
    if (columns + columns_here + 1 > width) {
      break;
    }
    out.append(text.substr(i, point.length));
    columns += columns_here;
    i += point.length;
  }
  return out + (unicode ? "\xE2\x80\xA6" : ".");
}

} // namespace hros
