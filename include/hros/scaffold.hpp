#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hros/schema.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// The front matter `hros new` has gathered so far: field name -> value.
using FieldValues = std::map<std::string, YamlNode>;

// Values `hros new` may fill in when nobody gave one.
struct Defaults {
  std::string today;  // YYYY-MM-DD, local time
  std::string author; // `git config user.name`, or empty
};

// The fields that need a value given the values so far: the required ones
// and those a conditional rule requires ("when kind is case-study, metrics"),
// in schema order, whether or not they have one.
std::vector<const FieldSpec*> needed_fields(const Schema& schema, const FieldValues& values);

// The needed fields that have no value yet.
std::vector<const FieldSpec*> missing_fields(const Schema& schema, const FieldValues& values);

// The default for a field, if it has one: `status: draft` when the status
// enum has draft; today for a date field that is needed; the git user as the
// first author. Returns a null node when there is none.
YamlNode default_value(const Schema& schema, const FieldSpec& field, const FieldValues& values,
                       const Defaults& defaults);

// Fills every missing field that has a default.
void apply_defaults(const Schema& schema, const Defaults& defaults, FieldValues& values);

// A scalar as YAML: plain where every YAML reader agrees on its meaning
// (1.1 and 1.2 alike), double-quoted otherwise. `in_flow` is true inside
// `[a, b]`, where commas and brackets need quotes too.
std::string yaml_scalar(const YamlNode& node, bool in_flow);

// The front matter lines (without the `---` fences), fields in schema order.
std::string render_front_matter(const Schema& schema, const FieldValues& values);

// Short guidance for a section, as an HTML comment's text.
std::string section_guidance(std::string_view title);

// The built-in body of a kind: each section's heading and guidance comment.
std::string render_body(const KindSpec& kind);

// The body a bank's template for a kind gives: its text byte for byte, but
// for a UTF-8 byte order mark (an editor's, which before "## What" would hide
// the heading). `problem` is set when the template begins with front matter,
// which would become a second block in the body.
struct TemplateBody {
  std::string text;
  std::string problem;
};
TemplateBody template_body(std::string_view text);

// A whole case file: fenced front matter, a blank line, then `body`.
// `first_line`, when given, opens the front matter (a YAML comment such as
// the YAML language server's schema modeline).
std::string render_case(const Schema& schema, const FieldValues& values, std::string_view body,
                        std::string_view first_line = {});

} // namespace hros
