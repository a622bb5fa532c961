#include "hros/plain_text.hpp"

#include <cctype>

namespace hros {
namespace {

bool is_control_at(std::string_view text, std::size_t at, std::size_t& length) {
  auto byte = static_cast<unsigned char>(text[at]);
  length = 1;
  if (byte < 0x20 || byte == 0x7f) {
    return true;
  }
  // C1 controls are U+0080..U+009F, encoded as C2 80..C2 9F.
  if (byte == 0xc2 && at + 1 < text.size()) {
    auto next = static_cast<unsigned char>(text[at + 1]);
    if (next >= 0x80 && next <= 0x9f) {
      length = 2;
      return true;
    }
  }
  return false;
}

// The full-width form (U+FF01..U+FF5E, UTF-8 EF BC 81..EF BD 9E) of an ASCII
// character at `i`, if that is what is there; 0 otherwise.
char full_width_ascii_at(std::string_view text, std::size_t i) {
  if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xef) {
    return 0;
  }
  unsigned lead = static_cast<unsigned char>(text[i + 1]);
  unsigned last = static_cast<unsigned char>(text[i + 2]);
  if (last < 0x80 || last > 0xbf || (lead != 0xbc && lead != 0xbd)) {
    return 0;
  }
  unsigned code = 0xf000 | ((lead & 0x3f) << 6) | (last & 0x3f);
  return code >= 0xff01 && code <= 0xff5e ? static_cast<char>(code - 0xfee0) : 0;
}

bool ideographic_space_at(std::string_view text, std::size_t i) {
  return text.substr(i, 3) == "\xe3\x80\x80";
}

void append_clean(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    if (is_control_at(text, i, length)) {
      out += ' ';
    } else if (char ascii = full_width_ascii_at(text, i)) {
      out += ascii;
      length = 3;
    } else if (ideographic_space_at(text, i)) {
      out += ' ';
      length = 3;
    } else {
      out += text[i];
    }
    i += length;
  }
}

// Skips the block markers a line may start with: indentation, '>' quotes,
// '#' headings, list bullets and numbers.
std::string_view strip_block_markers(std::string_view line) {
  std::size_t at = 0;
  for (;;) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) {
      ++at;
    }
    if (at < line.size() && (line[at] == '>' || line[at] == '#')) {
      while (at < line.size() && (line[at] == '>' || line[at] == '#')) {
        ++at;
      }
      continue;
    }
    if (at + 1 < line.size() && (line[at] == '-' || line[at] == '*' || line[at] == '+') &&
        line[at + 1] == ' ') {
      at += 2;
      continue;
    }
    std::size_t digits = at;
    while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') {
      ++digits;
    }
    if (digits > at && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        line[digits + 1] == ' ') {
      at = digits + 2;
      continue;
    }
    return line.substr(at);
  }
}

// Inline markup: emphasis and code marks dropped, `[text](target)` kept as
// text, `<tag>` dropped.
void append_inline(std::string& out, std::string_view line) {
  std::size_t start = out.size();
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '*' || c == '`' || c == '~') {
      continue;
    }
    if (c == '_' && (i == 0 || i + 1 == line.size() || line[i - 1] == ' ' || line[i + 1] == ' ' ||
                     line[i + 1] == '_' || line[i - 1] == '_')) {
      continue;
    }
    if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
      continue;
    }
    if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
      std::size_t close = line.find(')', i + 2);
      if (close != std::string_view::npos) {
        i = close;
        continue;
      }
    }
    if (c == '[' || c == ']') {
      continue;
    }
    if (c == '<') {
      std::size_t close = line.find('>', i + 1);
      if (close != std::string_view::npos && close > i + 1 &&
          (std::isalpha(static_cast<unsigned char>(line[i + 1])) || line[i + 1] == '/')) {
        i = close;
        out += ' ';
        continue;
      }
    }
    out += c;
  }
  std::string cleaned;
  append_clean(cleaned, std::string_view(out).substr(start));
  out.resize(start);
  out += cleaned;
}

} // namespace

std::string fold_full_width(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (char ascii = full_width_ascii_at(text, i)) {
      out += ascii;
      i += 3;
    } else if (ideographic_space_at(text, i)) {
      out += ' ';
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string without_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_clean(out, text);
  return out;
}

std::string markdown_plain_text(std::string_view markdown) {
  std::string out;
  out.reserve(markdown.size());
  bool in_comment = false;
  std::size_t at = 0;
  while (at < markdown.size()) {
    std::size_t end = markdown.find('\n', at);
    if (end == std::string_view::npos) {
      end = markdown.size();
    }
    std::string_view line = markdown.substr(at, end - at);
    at = end + 1;
    // HTML comments (the guidance `hros new` writes) may span lines.
    std::string kept;
    while (!line.empty()) {
      if (in_comment) {
        std::size_t close = line.find("-->");
        if (close == std::string_view::npos) {
          line = {};
          break;
        }
        line.remove_prefix(close + 3);
        in_comment = false;
        continue;
      }
      std::size_t open = line.find("<!--");
      if (open == std::string_view::npos) {
        kept += line;
        break;
      }
      kept += line.substr(0, open);
      kept += ' ';
      line.remove_prefix(open + 4);
      in_comment = true;
    }
    std::string_view content = strip_block_markers(kept);
    if (content.empty() || content.find_first_not_of("-=_*| :") == std::string_view::npos) {
      continue; // blank lines, rules, table separators
    }
    if (!out.empty()) {
      out += '\n';
    }
    append_inline(out, content);
  }
  return out;
}

} // namespace hros
