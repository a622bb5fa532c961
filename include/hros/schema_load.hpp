#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hros/diagnostic.hpp"
#include "hros/schema.hpp"

namespace hros {

struct SchemaLoad {
  Schema schema;
  std::vector<Diagnostic> diagnostics; // located in the schema file
  bool ok = true;                      // false when any diagnostic is an error
};

// Reads a schema file's text. Every mistake in it (unknown keys, wrong types,
// bad patterns, rules naming unknown fields) is reported with its position.
SchemaLoad load_schema(std::string_view text, const std::string& path);

// The built-in HROS schema; it is checked by the tests, so it always loads.
const Schema& default_schema();

} // namespace hros
