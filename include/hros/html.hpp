#pragma once

#include <string>
#include <string_view>

namespace hros {

// `text` escaped for HTML text and double-quoted attribute values: & < > " '.
std::string html_escape(std::string_view text);

// `url` when it is safe to put in an href from front matter: http, https or
// mailto, with no control characters or spaces; "" otherwise (javascript:,
// data:, relative paths and anything odd are dropped). Not yet escaped.
std::string safe_link(std::string_view url);

} // namespace hros
