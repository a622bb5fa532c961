#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hros/yaml_tree.hpp"

namespace hros {

// One case read whole, for `hros show`: the file's bytes, its front matter
// and its body. Problems that still leave something to show (a broken front
// matter) are warnings; only an unreadable file is an error.
struct CaseDocument {
  std::filesystem::path file;
  std::string path; // as displayed
  std::string slug; // the file name without .md
  std::string raw;  // the file as it is on disk
  std::string text; // BOM dropped, line endings LF
  YamlNode front;   // a mapping, or null when there is no readable front matter
  std::string body;
  int body_line = 1; // the file line the body starts on
  std::vector<std::string> warnings;
};

struct CaseDocumentLoad {
  CaseDocument document;
  std::string error; // why the file cannot be shown; empty when it can
};

// Reads and splits a case file. Never throws on bad input.
CaseDocumentLoad load_case_document(const std::filesystem::path& file);

// Where a case is: found, or the slugs of every case for a suggestion.
struct CaseLookup {
  std::optional<std::filesystem::path> file;
  std::vector<std::string> slugs; // filled only when not found
};

// Finds the case with `slug` under `cases_dir`: `<cases_dir>/<slug>.md` when
// it exists, which costs one stat however large the bank; otherwise a walk of
// the directory (cases may live in subdirectories), honouring `ignore`.
CaseLookup find_case(const std::filesystem::path& cases_dir, const std::string& slug,
                     const std::vector<std::string>& ignore);

} // namespace hros
