#pragma once

#include <string>
#include <vector>

#include "hros/schema.hpp"

namespace hros {

// One file `hros init` writes, relative to the new bank's directory.
struct BankFile {
  std::string path;
  std::string text;
};

// Where `hros init` puts the JSON Schema that editors read, relative to the
// bank; hros.yaml's `json_schema:` names it.
inline constexpr const char* k_init_json_schema = "schema/hros.schema.json";

// Every file of a new bank, from `schema` (the built-in one): hros.yaml, a
// copy of the schema and its JSON Schema, one example case, a CI workflow,
// a contributors' guide and a pre-commit hook.
std::vector<BankFile> bank_files(const Schema& schema);

// CONTRIBUTING.md: how to add a case, then the schema's fields, enums,
// sections per kind and rules.
std::string contributing_guide(const Schema& schema);

// The first line of a case's front matter that points the YAML language
// server at `json_schema`, a path relative to the case's directory.
std::string schema_modeline(const std::string& json_schema);

} // namespace hros
