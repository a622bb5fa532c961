#include "hros/case_json.hpp"

#include "hros/front_json.hpp"
#include "hros/markdown_render.hpp"

namespace hros {

JsonValue case_json(const CaseDocument& document, const Schema& schema) {
  JsonValue object = JsonValue::object();
  object.set("slug", JsonValue::string(document.slug));
  object.set("path", JsonValue::string(document.path));
  if (document.front.is_mapping()) {
    add_front_matter_json(object, document.front, schema);
  }
  // Set again, and body and sections last, so that a front matter field of
  // the same name cannot stand in for them.
  object.set("slug", JsonValue::string(document.slug));
  object.set("path", JsonValue::string(document.path));
  object.set("body", JsonValue::string(document.body));
  JsonValue sections = JsonValue::array();
  for (const SectionText& section : section_texts(document.body, document.body_line)) {
    JsonValue entry = JsonValue::object();
    entry.set("title", JsonValue::string(section.title));
    entry.set("line", JsonValue::number(section.line));
    entry.set("text", JsonValue::string(section.text));
    sections.push(std::move(entry));
  }
  object.set("sections", std::move(sections));
  return object;
}

} // namespace hros
