#pragma once

#include <cstddef>
#include <string_view>

namespace hros {

// The byte length of the UTF-8 sequence starting at text[i], or 0 if it is
// invalid (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

} // namespace hros
