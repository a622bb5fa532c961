#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hros/diagnostic.hpp"
#include "hros/markdown.hpp"
#include "hros/schema.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// Checks front matter against the schema: required fields, types, enums (with
// "did you mean"), patterns, lengths, ranges, item counts, uniqueness, dates,
// URLs, emails, conditional rules, unknown fields and YAML 1.1 surprises.
// `source` is the file's (LF-normalised) text, used to offer safe fixes.
void validate_front_matter(const YamlNode& root, const Schema& schema, std::string_view source,
                           std::vector<Diagnostic>& out);

// Checks that the body has the kind's sections, in order, and none is empty
// unless allowed. `body_line` locates problems when a section is missing.
void validate_sections(const BodyOutline& outline, const KindSpec& kind, int body_line,
                       std::vector<Diagnostic>& out);

// Normalises a heading for comparison: case, spacing and curly apostrophes.
std::string normalize_title(std::string_view title);

} // namespace hros
