#pragma once

#include "hros/case_document.hpp"
#include "hros/json_value.hpp"
#include "hros/schema.hpp"

namespace hros {

// A case as `hros show --format json` gives it: slug and path, the front
// matter typed by the schema (the same fields as `hros list --format json`),
// the body as Markdown, and its level-2 sections as plain text.
JsonValue case_json(const CaseDocument& document, const Schema& schema);

} // namespace hros
