#pragma once

#include <string>
#include <string_view>

namespace hros {

// `text` as a JSON string literal, quotes included. Control characters and
// invalid UTF-8 never reach the output unescaped.
std::string json_string(std::string_view text);

// `text` escaped for XML character data and attribute values.
std::string xml_escape(std::string_view text);

} // namespace hros
