#include "hros/html.hpp"

#include "hros/suggest.hpp"

namespace hros {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string safe_link(std::string_view url) {
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      return "";
    }
  }
  std::string lower = lowercase(url.substr(0, 8));
  if (lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0 ||
      lower.rfind("mailto:", 0) == 0) {
    return std::string(url);
  }
  return "";
}

} // namespace hros
