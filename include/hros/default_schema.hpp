#pragma once

#include <string_view>

namespace hros {

// The built-in HROS schema (schema/default.yaml), used when hros.yaml names none.
std::string_view default_schema_text();

} // namespace hros
