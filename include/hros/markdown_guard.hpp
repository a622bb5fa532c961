#pragma once

#include <string>
#include <string_view>

namespace hros {

// Returns a copy of `body` that cmark 0.30 parses in linear time. Debian's
// cmark 0.30.2 has inputs that take it quadratic time (CVE-2023-22486 and
// others fixed in 0.31); the guard neutralises those constructs while keeping
// every line where it was. Ordinary Markdown comes back unchanged.
std::string guard_markdown(std::string_view body);

} // namespace hros
