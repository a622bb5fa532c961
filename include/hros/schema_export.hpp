#pragma once

#include <string>

#include "hros/schema.hpp"

namespace hros {

// The front matter schema as JSON Schema draft 2020-12, for editors (the YAML
// language server) and other validators.
std::string schema_to_json_schema(const Schema& schema);

// A contributor's reference: every field, its type, whether it is required,
// its allowed values and hint; then each kind's sections and the rules.
std::string schema_to_markdown(const Schema& schema);

} // namespace hros
