#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hros/markdown_guard.hpp"

namespace hros {

// A level-2 section of a case body.
struct Section {
  std::string title;
  int line = 0; // file line of the heading
  int column = 1;
  bool has_content = false; // anything besides blank lines and HTML comments
};

// A link or image destination in the body.
struct Link {
  std::string destination;
  int line = 0;
  int column = 1;
  std::string source_line; // a window of the text of `line`, for diagnostics made later
  int source_offset = 0;   // columns of the line left out before `source_line`
};

struct BodyOutline {
  std::vector<Section> sections;
  std::vector<Link> links;
  bool content_before_first_section = false;
  std::vector<GuardNote> guard_notes; // what was neutralised; lines are file lines
};

// Parses a case body with cmark and returns its level-2 sections and links.
// `first_line` is the file line the body starts on, so lines are file lines.
BodyOutline outline_body(std::string_view body, int first_line);

} // namespace hros
