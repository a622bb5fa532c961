#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hros {

// A level-2 section of a case body: its heading and the Markdown under it.
struct BodySection {
  std::string title;
  std::string text;
};

// What `hros export` needs of a case beyond its front matter.
struct CaseBody {
  std::string markdown; // the body as written, line endings made LF
  std::vector<BodySection> sections;
  std::string html;    // rendered when asked for
  std::string problem; // why the body could not be read; empty when it was
};

enum class RenderHtml { no, yes };

// Reads the body of a case file. load_records keeps only the front matter so
// that memory stays flat; exports read the body again, one case at a time, on
// the worker that writes it. With RenderHtml::yes the body is rendered by
// cmark without raw HTML (replaced by a comment) and without unsafe link
// schemes; a relative link to `<slug>.md` of a case in `pages` points to that
// case's page instead.
CaseBody read_case_body(const std::filesystem::path& file, RenderHtml render,
                        const std::unordered_map<std::string, std::string>* pages = nullptr);

// Sections and HTML of a body given as text (for tests).
CaseBody parse_case_body(std::string markdown, RenderHtml render,
                         const std::unordered_map<std::string, std::string>* pages = nullptr);

} // namespace hros
