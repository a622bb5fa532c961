#include "hros/source.hpp"

#include "hros/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace hros {
namespace {

Diagnostic encoding_problem(std::string_view text, std::size_t offset, std::string message) {
  int line = 1 + static_cast<int>(
                     std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = (line_start == std::string_view::npos || offset == 0) ? 0 : line_start + 1;
  return make_diagnostic(line, static_cast<int>(offset - line_start) + 1, Severity::error,
                         std::move(message), "file.encoding");
}

LineEnding detect_line_ending(std::string_view text) {
  bool lf = false;
  bool crlf = false;
  bool cr = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        crlf = true;
        ++i;
      } else {
        cr = true;
      }
    } else if (text[i] == '\n') {
      lf = true;
    }
  }
  int kinds = int(lf) + int(crlf) + int(cr);
  if (kinds > 1) {
    return LineEnding::mixed;
  }
  return crlf ? LineEnding::crlf : cr ? LineEnding::cr : LineEnding::lf;
}

std::string to_lf(std::string_view text, std::vector<std::size_t>& crlf_at) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        crlf_at.push_back(result.size());
        ++i;
      }
      result.push_back('\n');
    } else {
      result.push_back(text[i]);
    }
  }
  return result;
}

} // namespace

SourceCheck prepare_source(std::string raw) {
  SourceCheck check;
  if (raw.size() >= 2 &&
      ((raw[0] == '\xFF' && raw[1] == '\xFE') || (raw[0] == '\xFE' && raw[1] == '\xFF'))) {
    check.problem = make_diagnostic(1, 1, Severity::error, "the file is UTF-16; save it as UTF-8",
                                    "file.encoding");
    return check;
  }
  std::string_view text = raw;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    check.source.had_bom = true;
    text.remove_prefix(3);
  }
  for (std::size_t i = 0; i < text.size();) {
    // Most text is ASCII: skip eight bytes at a time when none has the high
    // bit set and none is NUL.
    if (i + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + i, 8);
      bool ascii = (word & 0x8080808080808080ull) == 0;
      bool has_zero = ((word - 0x0101010101010101ull) & ~word & 0x8080808080808080ull) != 0;
      if (ascii && !has_zero) {
        i += 8;
        continue;
      }
    }
    if (text[i] == '\0') {
      check.problem =
          encoding_problem(text, i, "the file contains a NUL byte; is it a binary file?");
      return check;
    }
    std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      check.problem =
          encoding_problem(text, i,
                           fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                                       static_cast<unsigned char>(text[i])));
      return check;
    }
    i += length;
  }
  check.source.line_ending = detect_line_ending(text);
  if (check.source.line_ending == LineEnding::lf) {
    // The common case: reuse the buffer rather than copy the file.
    std::size_t bom = check.source.had_bom ? 3 : 0;
    check.source.text = std::move(raw);
    check.source.text.erase(0, bom);
  } else {
    check.source.text = to_lf(text, check.source.crlf_at);
  }
  return check;
}

std::size_t SourceText::raw_offset(std::size_t offset) const {
  std::size_t shift = static_cast<std::size_t>(
      std::lower_bound(crlf_at.begin(), crlf_at.end(), offset) - crlf_at.begin());
  return offset + shift + (had_bom ? 3 : 0);
}

const char* SourceText::newline() const {
  return line_ending == LineEnding::crlf ? "\r\n" : line_ending == LineEnding::cr ? "\r" : "\n";
}

std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts.push_back(i + 1);
    }
  }
  return starts;
}

std::string_view line_text(std::string_view text, const std::vector<std::size_t>& starts,
                           int line) {
  if (line < 1 || static_cast<std::size_t>(line) > starts.size()) {
    return {};
  }
  std::size_t begin = starts[static_cast<std::size_t>(line) - 1];
  std::size_t end = text.find('\n', begin);
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

} // namespace hros
