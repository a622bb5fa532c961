// One case, start to finish: prepare the bytes, split the front matter, load
// it, validate it, outline the body, then run the text checks. Each step that
// fails reports and stops only the steps that depend on it.
#include "hros/case_check.hpp"

#include "hros/corpus.hpp"
#include "hros/file_io.hpp"
#include "hros/front_matter.hpp"
#include "hros/source.hpp"
#include "hros/text_checks.hpp"
#include "hros/validate.hpp"
#include "hros/yaml_load.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hros {
namespace {

constexpr std::size_t k_max_front_matter = 1u << 20;

bool is_valid_slug(std::string_view slug) {
  if (slug.empty() || slug.front() == '-' || slug.back() == '-') {
    return false;
  }
  char previous = 0;
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) {
      return false;
    }
    previous = c;
  }
  return true;
}

void check_slug(const YamlNode& root, CaseCheck& check) {
  const std::string& slug = check.facts.slug;
  if (!is_valid_slug(slug)) {
    check.diagnostics.push_back(make_diagnostic(
        0, 0, Severity::error,
        fmt::format(
            "the file name '{}' is not a valid slug: use lowercase letters, digits and single "
            "hyphens, e.g. 'structured-interviews.md'",
            slug + ".md"),
        "slug.filename"));
  }
  const YamlNode* field = root.find("slug");
  if (field != nullptr && field->is_scalar() && field->text != slug) {
    check.diagnostics.push_back(make_diagnostic(
        field->position.line, field->position.column, Severity::error,
        fmt::format("slug '{}' does not match the file name '{}.md'; rename one of them",
                    field->text, slug),
        "slug.mismatch"));
  }
}

void remember_title(const YamlNode& root, std::string_view text, CaseFacts& facts) {
  const YamlNode* title = root.find("title");
  if (title != nullptr && title->is_scalar()) {
    facts.title = title->text;
    facts.title_position = title->position;
    std::size_t begin = text.rfind('\n', title->position.offset);
    begin = begin == std::string_view::npos ? 0 : begin + 1;
    std::size_t end = text.find('\n', title->position.offset);
    facts.title_line = std::string(
        text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
  }
}

void check_body(const YamlNode& root, const FrontMatterSplit& split, const Schema& schema,
                CaseCheck& check) {
  BodyOutline outline = outline_body(split.body, split.body_line);
  check.facts.links = std::move(outline.links);
  for (const GuardNote& note : outline.guard_notes) {
    // Dropped content means part of the case goes unchecked: an error.
    check.diagnostics.push_back(
        make_diagnostic(note.line, 1, note.dropped_content ? Severity::error : Severity::warning,
                        note.message, "body.limit"));
  }
  const YamlNode* kind_node = root.find("kind");
  if (kind_node == nullptr || !kind_node->is_scalar()) {
    return;
  }
  if (const KindSpec* kind = schema.find_kind(kind_node->text)) {
    validate_sections(outline, *kind, split.body_line, check.diagnostics);
  }
}

// A hostile file can hold a problem per line; past this many, one note says
// how many more there are, so a report stays readable and bounded.
constexpr std::size_t k_max_diagnostics = 100;

void limit_diagnostics(std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.size() <= k_max_diagnostics) {
    return;
  }
  sort_diagnostics(diagnostics);
  std::size_t hidden = diagnostics.size() - k_max_diagnostics;
  bool hidden_error =
      std::any_of(diagnostics.begin() + k_max_diagnostics, diagnostics.end(),
                  [](const Diagnostic& d) { return d.severity == Severity::error; });
  diagnostics.resize(k_max_diagnostics);
  diagnostics.push_back(
      make_diagnostic(0, 0, hidden_error ? Severity::error : Severity::warning,
                      fmt::format("{} more problems in this file are not shown", hidden),
                      "file.too-many-problems"));
}

void attach_source_lines(std::string_view text, CaseCheck& check) {
  limit_diagnostics(check.diagnostics);
  if (check.diagnostics.empty()) {
    return;
  }
  std::vector<std::size_t> starts = line_starts(text);
  for (Diagnostic& diagnostic : check.diagnostics) {
    diagnostic.path = check.facts.path;
    if (diagnostic.line > 0) {
      set_source_line(diagnostic, line_text(text, starts, diagnostic.line));
    }
  }
}

} // namespace

std::string slug_of(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  return name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0
             ? name.substr(0, name.size() - 3)
             : name;
}

CaseCheck check_case_text(const std::filesystem::path& file, std::string raw,
                          const CheckOptions& options) {
  CaseCheck check;
  check.facts.file = file;
  check.facts.path = display_path(file);
  check.facts.slug = slug_of(file);
  const Schema& schema = *options.schema;

  SourceCheck prepared = prepare_source(std::move(raw));
  if (prepared.problem) {
    check.diagnostics.push_back(*prepared.problem);
    for (Diagnostic& diagnostic : check.diagnostics) {
      diagnostic.path = check.facts.path;
    }
    return check;
  }
  const std::string& text = prepared.source.text;
  FrontMatterSplit split = split_front_matter(text);
  if (split.problem) {
    check.diagnostics.push_back(*split.problem);
  } else if (split.yaml.size() > k_max_front_matter) {
    check.diagnostics.push_back(make_diagnostic(
        1, 1, Severity::error,
        fmt::format("the front matter is {} KiB; more than {} KiB is not a case's front matter",
                    split.yaml.size() >> 10, k_max_front_matter >> 10),
        "frontmatter.too-large"));
  } else {
    YamlLoad yaml = load_yaml(split.yaml, split.yaml_start);
    for (Diagnostic& diagnostic : yaml.diagnostics) {
      check.diagnostics.push_back(std::move(diagnostic));
    }
    if (yaml.ok) {
      if (yaml.root.is_null()) {
        yaml.root.position = split.yaml_start;
      }
      validate_front_matter(yaml.root, schema, text, check.diagnostics);
      remember_title(yaml.root, text, check.facts);
      check_slug(yaml.root, check);
      check_body(yaml.root, split, schema, check);
    }
  }
  check_whitespace(text, split.problem ? 1 : split.body_line, check.diagnostics);
  check_promotional(
      text, options.promotional_phrases ? *options.promotional_phrases : schema.promotional_phrases,
      check.diagnostics);
  attach_source_lines(text, check);
  return check;
}

CaseCheck check_case_file(const std::filesystem::path& file, const CheckOptions& options) {
  ReadResult read = read_file(file);
  if (!read.ok) {
    CaseCheck check;
    check.facts.file = file;
    check.facts.path = display_path(file);
    check.facts.slug = slug_of(file);
    Diagnostic diagnostic = make_diagnostic(0, 0, Severity::error, read.error,
                                            read.too_large ? "file.too-large" : "file.read");
    diagnostic.path = check.facts.path;
    check.diagnostics.push_back(std::move(diagnostic));
    check.io_error = !read.too_large;
    return check;
  }
  return check_case_text(file, std::move(read.text), options);
}

} // namespace hros
