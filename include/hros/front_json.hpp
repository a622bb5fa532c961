#pragma once

#include "hros/json_value.hpp"
#include "hros/schema.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// Front matter as JSON typed by the schema: numbers as numbers, booleans as
// booleans, dates as ISO strings, lists as arrays. Fields the schema does not
// know are typed by YAML 1.2 rules.
JsonValue front_matter_json(const YamlNode& front, const Schema& schema);

// Adds the typed front matter's fields to an existing JSON object.
void add_front_matter_json(JsonValue& object, const YamlNode& front, const Schema& schema);

} // namespace hros
