// Any bytes as a case body: the guard that keeps cmark 0.30.2 linear, then
// the outline (sections and links) hros takes from cmark. The guard must keep
// every line ending, so that lines stay the original's, and the outline must
// point into the body.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "hros/markdown.hpp"
#include "hros/markdown_guard.hpp"
#include "hros/source.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hros::fuzz {
namespace {

std::size_t count_line_endings(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++count;
    }
  }
  return count;
}

} // namespace

int markdown(const std::uint8_t* data, std::size_t size) {
  std::string_view raw = as_text(data, size);
  GuardedMarkdown guarded = guard_markdown(raw);
  if (guarded.text) {
    require(count_line_endings(*guarded.text) == count_line_endings(raw),
            "the guard changed the number of lines");
  }
  SourceCheck prepared = prepare_source(std::string(raw));
  if (prepared.problem) {
    return 0;
  }
  std::string_view body = prepared.source.text;
  constexpr int k_first_line = 7; // as if after a six-line front matter
  BodyOutline outline = outline_body(body, k_first_line);
  auto last_line = k_first_line + static_cast<int>(std::count(body.begin(), body.end(), '\n'));
  for (const Section& section : outline.sections) {
    require(section.line >= k_first_line && section.line <= last_line && section.column >= 1,
            "a section at {}:{} outside lines {}-{}", section.line, section.column, k_first_line,
            last_line);
  }
  for (const Link& link : outline.links) {
    require(link.line >= k_first_line && link.line <= last_line && link.column >= 1,
            "a link at {}:{} outside lines {}-{}", link.line, link.column, k_first_line, last_line);
  }
  for (const GuardNote& note : outline.guard_notes) {
    require(note.line >= k_first_line && note.line <= last_line,
            "a guard note on line {} outside lines {}-{}", note.line, k_first_line, last_line);
  }
  return 0;
}

} // namespace hros::fuzz
