#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hros/diagnostic.hpp"

namespace hros {

enum class LineEnding { lf, crlf, cr, mixed };

// A file's text prepared for parsing: the UTF-8 BOM removed and every line
// ending made LF, so that line numbers agree between hros, yaml-cpp and cmark.
// What was removed is remembered, so that `--fix` edits the original bytes.
struct SourceText {
  std::string text;
  bool had_bom = false;
  LineEnding line_ending = LineEnding::lf;
  std::vector<std::size_t> crlf_at; // offsets in `text` of '\n's that were "\r\n"

  // The offset in the original file of `offset` in `text`.
  std::size_t raw_offset(std::size_t offset) const;
  // The line break the file uses ("\r\n" for CRLF files, else "\n" or "\r").
  const char* newline() const;
};

// Prepares raw file bytes, or explains why they are not a text file hros can
// read (NUL bytes, UTF-16, invalid UTF-8), with the line and column of the fault.
struct SourceCheck {
  SourceText source;
  std::optional<Diagnostic> problem;
};
SourceCheck prepare_source(std::string raw);

// Start offsets of every line of `text`, for turning offsets into lines.
std::vector<std::size_t> line_starts(std::string_view text);

// The text of 1-based `line` (without its newline), or "" past the end.
std::string_view line_text(std::string_view text, const std::vector<std::size_t>& starts, int line);

} // namespace hros
