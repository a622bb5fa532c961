#include "hros/case_document.hpp"

#include "hros/case_check.hpp"
#include "hros/corpus.hpp"
#include "hros/file_io.hpp"
#include "hros/front_matter.hpp"
#include "hros/slug.hpp"
#include "hros/source.hpp"
#include "hros/yaml_load.hpp"

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace hros {

CaseDocumentLoad load_case_document(const fs::path& file) {
  CaseDocumentLoad load;
  CaseDocument& document = load.document;
  document.file = file;
  document.path = display_path(file);
  document.slug = slug_of(file);
  ReadResult read = read_file(file);
  if (!read.ok) {
    load.error = read.error;
    return load;
  }
  document.raw = read.text;
  SourceCheck prepared = prepare_source(std::move(read.text));
  if (prepared.problem) {
    const Diagnostic& problem = *prepared.problem;
    load.error =
        fmt::format("{}:{}:{}: {}", document.path, problem.line, problem.column, problem.message);
    return load;
  }
  document.text = std::move(prepared.source.text);
  FrontMatterSplit split = split_front_matter(document.text);
  if (split.problem) {
    // Show what there is: without a front matter, the whole file is the body.
    document.warnings.push_back(split.problem->message);
    document.body = document.text;
    return load;
  }
  document.body = std::string(split.body);
  document.body_line = split.body_line;
  YamlLoad yaml = load_yaml(split.yaml, split.yaml_start);
  if (!yaml.ok || !yaml.root.is_mapping()) {
    document.warnings.push_back(yaml.diagnostics.empty() ? "the front matter is not a set of fields"
                                                         : yaml.diagnostics[0].message);
    return load;
  }
  document.front = std::move(yaml.root);
  return load;
}

CaseLookup find_case(const fs::path& cases_dir, const std::string& slug,
                     const std::vector<std::string>& ignore) {
  CaseLookup lookup;
  std::error_code error;
  if (!slug_problem(slug)) {
    fs::path direct = cases_dir / (slug + ".md");
    if (fs::is_regular_file(direct, error)) {
      lookup.file = direct;
      return lookup;
    }
  }
  Corpus corpus = discover_cases(display_path(cases_dir), ignore);
  for (const fs::path& file : corpus.files) {
    if (slug_of(file) == slug) {
      lookup.file = file;
      return lookup;
    }
  }
  for (const fs::path& file : corpus.files) {
    lookup.slugs.push_back(slug_of(file));
  }
  return lookup;
}

} // namespace hros
