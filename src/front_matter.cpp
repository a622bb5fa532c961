#include "hros/front_matter.hpp"

namespace hros {
namespace {

bool is_marker_line(std::string_view line, std::string_view marker) {
  if (line.substr(0, 3) != marker) {
    return false;
  }
  for (char c : line.substr(3)) {
    if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return true;
}

} // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit split;
  split.body = text;
  std::size_t first_end = text.find('\n');
  std::string_view first_line = text.substr(0, first_end);
  if (!is_marker_line(first_line, "---")) {
    split.problem = make_diagnostic(1, 1, Severity::error,
                                    "no front matter: a case starts with a '---' line, then its "
                                    "fields, then another '---' line",
                                    "frontmatter.missing");
    return split;
  }
  if (first_end == std::string_view::npos) {
    split.problem =
        make_diagnostic(1, 1, Severity::error,
                        "the front matter is not closed: add a '---' line after the last field",
                        "frontmatter.unclosed");
    return split;
  }
  std::size_t yaml_begin = first_end + 1;
  std::size_t line_begin = yaml_begin;
  int line_number = 2;
  while (line_begin <= text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    std::string_view line =
        text.substr(line_begin, line_end == std::string_view::npos ? std::string_view::npos
                                                                   : line_end - line_begin);
    if (is_marker_line(line, "---") || is_marker_line(line, "...")) {
      split.yaml = text.substr(yaml_begin, line_begin - yaml_begin);
      split.yaml_start = Position{2, 1, yaml_begin};
      split.body =
          line_end == std::string_view::npos ? std::string_view() : text.substr(line_end + 1);
      split.body_line = line_number + 1;
      return split;
    }
    if (line_end == std::string_view::npos) {
      break;
    }
    line_begin = line_end + 1;
    ++line_number;
  }
  split.problem =
      make_diagnostic(1, 1, Severity::error,
                      "the front matter is not closed: add a '---' line after the last field",
                      "frontmatter.unclosed");
  return split;
}

} // namespace hros
