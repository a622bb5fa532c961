#pragma once

#include <filesystem>
#include <string>

namespace hros {

// What the search index keeps of one case file: the texts it searches (title,
// summary, `meta` = organisation, industry, topics, regions, tools, authors;
// body as plain text), the fields results show, and the raw front matter, so
// `--where` filters can be applied without reading the file again.
struct IndexDocument {
  std::string slug;
  std::string title;
  std::string summary;
  std::string meta;
  std::string body;
  std::string organization;
  std::string industry;
  std::string company_size;
  std::string year;
  std::string front; // the YAML between the --- lines
  int front_line = 2;
  std::string problem; // why the front matter could not be read; empty if it could
};

// Reads a case file and extracts its document. Never throws on bad input: an
// unreadable file or broken front matter is recorded in `problem`, and what
// can still be searched (the body) is kept.
IndexDocument read_index_document(const std::filesystem::path& file);

} // namespace hros
