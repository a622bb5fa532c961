#include "hros/validate.hpp"

#include "hros/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace hros {

std::string normalize_title(std::string_view title) {
  std::string result;
  bool space = false;
  for (std::size_t i = 0; i < title.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(title[i]);
    if (title.substr(i, 3) == "\xE2\x80\x99" || title.substr(i, 3) == "\xE2\x80\x98") {
      result += '\'';
      i += 2;
      continue;
    }
    if (std::isspace(c)) {
      space = !result.empty();
      continue;
    }
    if (space) {
      result += ' ';
      space = false;
    }
    result += static_cast<char>(std::tolower(c));
  }
  return result;
}

namespace {

Diagnostic section_problem(int line, int column, std::string message, const char* rule) {
  return make_diagnostic(line, column, Severity::error, std::move(message), rule);
}

// A heading that matches no expected section but looks like one, as a hint
// for "missing section" messages ("## Learning" for "Learnings").
std::string look_alike(const std::string& expected, const std::vector<Section>& sections,
                       const std::vector<bool>& matched) {
  std::vector<std::string> candidates;
  std::vector<const Section*> owners;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    if (!matched[i]) {
      candidates.push_back(normalize_title(sections[i].title));
      owners.push_back(&sections[i]);
    }
  }
  std::optional<std::string> match = closest_match(normalize_title(expected), candidates);
  if (!match) {
    return "";
  }
  auto index = static_cast<std::size_t>(std::find(candidates.begin(), candidates.end(), *match) -
                                        candidates.begin());
  return fmt::format("; is '## {}' on line {} meant to be it?", owners[index]->title,
                     owners[index]->line);
}

} // namespace

void validate_sections(const BodyOutline& outline, const KindSpec& kind, int body_line,
                       std::vector<Diagnostic>& out) {
  const std::vector<Section>& sections = outline.sections;
  std::vector<bool> matched(sections.size(), false);
  std::vector<long> found_at(kind.sections.size(), -1);
  for (std::size_t k = 0; k < kind.sections.size(); ++k) {
    std::string wanted = normalize_title(kind.sections[k].title);
    for (std::size_t i = 0; i < sections.size(); ++i) {
      if (!matched[i] && normalize_title(sections[i].title) == wanted) {
        matched[i] = true;
        found_at[k] = static_cast<long>(i);
        break;
      }
    }
  }

  int last_line = sections.empty() ? body_line : sections.back().line;
  long previous = -1;
  std::size_t previous_spec = 0;
  for (std::size_t k = 0; k < kind.sections.size(); ++k) {
    const SectionSpec& spec = kind.sections[k];
    if (found_at[k] < 0) {
      if (spec.required) {
        // Point at the heading that should follow the missing one, if any.
        int line = last_line;
        for (std::size_t later = k + 1; later < kind.sections.size(); ++later) {
          if (found_at[later] >= 0) {
            line = sections[static_cast<std::size_t>(found_at[later])].line;
            break;
          }
        }
        out.push_back(
            section_problem(line, 1,
                            fmt::format(
                                "missing section '## {}' (a {} has: {}){}", spec.title, kind.name,
                                [&] {
                                  std::string list;
                                  for (const SectionSpec& s : kind.sections) {
                                    list += (list.empty() ? "" : ", ") + s.title;
                                  }
                                  return list;
                                }(),
                                look_alike(spec.title, sections, matched)),
                            "sections.missing"));
      }
      continue;
    }
    const Section& section = sections[static_cast<std::size_t>(found_at[k])];
    if (found_at[k] < previous) {
      out.push_back(section_problem(section.line, section.column,
                                    fmt::format("section '## {}' should come after '## {}'",
                                                section.title, kind.sections[previous_spec].title),
                                    "sections.order"));
    } else {
      previous = found_at[k];
      previous_spec = k;
    }
    if (!section.has_content && !spec.allow_empty) {
      out.push_back(
          section_problem(section.line, section.column,
                          fmt::format("section '## {}' is empty; write it, or say why there is "
                                      "nothing to report",
                                      section.title),
                          "sections.empty"));
    }
  }
}

} // namespace hros
