#include "hros/index_document.hpp"

#include "hros/case_check.hpp"
#include "hros/file_io.hpp"
#include "hros/front_matter.hpp"
#include "hros/plain_text.hpp"
#include "hros/source.hpp"
#include "hros/yaml_load.hpp"

namespace hros {
namespace {

std::string scalar_text(const YamlNode& front, const char* key) {
  const YamlNode* value = front.find(key);
  return value != nullptr && value->is_scalar() ? without_controls(value->text) : std::string();
}

// Scalars, list items and the `name` of list objects (authors, metrics), as
// one line of words.
void append_words(std::string& out, const YamlNode* value) {
  if (value == nullptr) {
    return;
  }
  auto add = [&out](const std::string& text) {
    out += out.empty() ? "" : " ";
    out += without_controls(text);
  };
  if (value->is_scalar()) {
    add(value->text);
    return;
  }
  for (const YamlNode& item : value->items) {
    if (item.is_scalar()) {
      add(item.text);
    } else if (const YamlNode* name = item.find("name"); name != nullptr && name->is_scalar()) {
      add(name->text);
    }
  }
}

void fill_from_front(IndexDocument& document, const YamlNode& front) {
  document.title = scalar_text(front, "title");
  document.summary = scalar_text(front, "summary");
  document.organization = scalar_text(front, "organization");
  document.industry = scalar_text(front, "industry");
  document.company_size = scalar_text(front, "company_size");
  document.year = scalar_text(front, "published").substr(0, 4);
  for (const char* key :
       {"organization", "industry", "kind", "topics", "regions", "tools", "authors", "metrics"}) {
    append_words(document.meta, front.find(key));
  }
}

} // namespace

IndexDocument read_index_document(const std::filesystem::path& file) {
  IndexDocument document;
  document.slug = slug_of(file);
  ReadResult read = read_file(file);
  if (!read.ok) {
    document.problem = read.error;
    return document;
  }
  SourceCheck prepared = prepare_source(std::move(read.text));
  if (prepared.problem) {
    document.problem = prepared.problem->message;
    return document;
  }
  const std::string& text = prepared.source.text;
  FrontMatterSplit split = split_front_matter(text);
  if (split.problem) {
    document.problem = split.problem->message;
    document.body = markdown_plain_text(text);
    return document;
  }
  document.body = markdown_plain_text(split.body);
  document.front = std::string(split.yaml);
  document.front_line = split.yaml_start.line;
  YamlLoad yaml = load_yaml(split.yaml, split.yaml_start);
  if (!yaml.ok || !yaml.root.is_mapping()) {
    document.problem = yaml.diagnostics.empty() ? "the front matter is not a set of fields"
                                                : yaml.diagnostics[0].message;
    return document;
  }
  fill_from_front(document, yaml.root);
  return document;
}

} // namespace hros
