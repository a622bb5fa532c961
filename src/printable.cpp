#include "hros/printable.hpp"

#include <fmt/format.h>

namespace hros {
namespace {

// The length of the control character at text[i] (1, or 2 for a C1 control
// in UTF-8), or 0 if there is none.
std::size_t control_at(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if ((c < 0x20 && c != '\t') || c == 0x7f) {
    return 1;
  }
  bool c1 = c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) < 0xa0;
  return c1 ? 2 : 0;
}

} // namespace

std::string printable(std::string_view text) {
  if (!has_control(text)) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::size_t length = control_at(text, i);
    if (length == 0) {
      out += text[i];
    } else if (length == 2) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else if (text[i] == '\n') {
      out += "\\n";
    } else if (text[i] == '\r') {
      out += "\\r";
    } else {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
    }
  }
  return out;
}

bool has_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (control_at(text, i) != 0) {
      return true;
    }
  }
  return false;
}

} // namespace hros
