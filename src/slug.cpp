// Slugs: titles become file names. Transliteration covers Latin-1 and Latin
// Extended-A, where nearly all accented letters of European names live; any
// other character only separates words, so a title never yields a path.
#include "hros/slug.hpp"

#include "hros/utf8.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdint>

namespace hros {
namespace {

// ASCII for U+00C0..U+017F, one entry per code point ("" drops it).
// clang-format off
const char* const k_latin[] = {
    // U+00C0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00D0
    "d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
    // U+00E0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    // U+00F0
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
    // U+0110
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
    // U+0120
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
    // U+0130
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",
    // U+0140
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
    // U+0150
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
    // U+0160
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
    // U+0170
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
};
// clang-format on

std::uint32_t decode(std::string_view text, std::size_t at, std::size_t length) {
  auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(text[at + i]) & 0xFF; };
  if (length == 2) {
    return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
  }
  if (length == 3) {
    return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
  }
  return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) |
         (byte(3) & 0x3F);
}

bool is_apostrophe(std::uint32_t code) {
  return code == '\'' || code == 0x2019 || code == 0x2018;
}

// Cuts at the last hyphen that keeps the slug within `max_length`, so words stay whole.
std::string bounded(std::string slug, std::size_t max_length) {
  if (slug.size() <= max_length) {
    return slug;
  }
  std::size_t cut = slug.rfind('-', max_length);
  slug.resize(cut == std::string::npos || cut == 0 ? max_length : cut);
  while (!slug.empty() && slug.back() == '-') {
    slug.pop_back();
  }
  return slug;
}

} // namespace

std::string slug_from_title(std::string_view title, std::size_t max_length) {
  std::string slug;
  bool pending_hyphen = false;
  auto append = [&](std::string_view ascii) {
    if (pending_hyphen && !slug.empty()) {
      slug += '-';
    }
    pending_hyphen = false;
    slug += ascii;
  };
  for (std::size_t i = 0; i < title.size();) {
    std::size_t length = utf8_sequence_length(title, i);
    if (length == 0) {
      pending_hyphen = true;
      ++i;
      continue;
    }
    std::uint32_t code =
        length == 1 ? static_cast<unsigned char>(title[i]) : decode(title, i, length);
    i += length;
    if (code < 0x80 && std::isalnum(static_cast<int>(code))) {
      char lower = static_cast<char>(std::tolower(static_cast<int>(code)));
      append(std::string_view(&lower, 1));
    } else if (code >= 0xC0 && code <= 0x17F && k_latin[code - 0xC0][0] != '\0') {
      append(k_latin[code - 0xC0]);
    } else if (!is_apostrophe(code)) {
      pending_hyphen = true;
    }
  }
  return bounded(std::move(slug), max_length);
}

std::optional<std::string> slug_problem(std::string_view slug) {
  if (slug.empty()) {
    return "it is empty";
  }
  if (slug.front() == '/') {
    return "it is an absolute path; give a file name only";
  }
  if (slug.find('/') != std::string_view::npos || slug.find('\\') != std::string_view::npos) {
    return "it contains a directory separator; give a file name only";
  }
  if (slug.find("..") != std::string_view::npos) {
    return "it contains '..'";
  }
  for (char c : slug) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') {
      return "it contains a control character";
    }
  }
  if (slug.size() > 200) {
    return "it is too long for a file name";
  }
  bool valid =
      slug.front() != '-' && slug.back() != '-' && slug.find("--") == std::string_view::npos;
  for (char c : slug) {
    valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  }
  if (!valid) {
    std::string suggestion = slug_from_title(slug);
    return fmt::format("use lowercase letters, digits and single hyphens{}",
                       suggestion.empty() ? "" : fmt::format(", e.g. '{}'", suggestion));
  }
  return std::nullopt;
}

} // namespace hros
