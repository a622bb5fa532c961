#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "hros/diagnostic.hpp"
#include "hros/markdown.hpp"
#include "hros/schema.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// What the cross-file checks need to know of a case once it has been checked;
// the body itself is not kept, so a bank of any size streams through.
struct CaseFacts {
  std::filesystem::path file;
  std::string path; // as displayed
  std::string slug;
  std::string title;
  Position title_position;
  std::string title_line; // the source line of the title, for diagnostics made later
  std::vector<Link> links;
};

struct CaseCheck {
  CaseFacts facts;
  std::vector<Diagnostic> diagnostics;
  bool io_error = false; // the file could not be read
};

struct CheckOptions {
  const Schema* schema = nullptr;
  const std::vector<std::string>* promotional_phrases = nullptr;
};

// Checks one case's text: encoding, front matter, schema, sections, slug,
// whitespace and promotional phrases. Never throws on bad input.
CaseCheck check_case_text(const std::filesystem::path& file, std::string raw,
                          const CheckOptions& options);

// Reads and checks one case file; a read failure is an `io_error` diagnostic.
CaseCheck check_case_file(const std::filesystem::path& file, const CheckOptions& options);

// The slug a file name gives: its name without `.md`.
std::string slug_of(const std::filesystem::path& file);

} // namespace hros
