#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hros/diagnostic.hpp"

namespace hros {

// Trailing whitespace and a missing final newline, with fixes. Whitespace that
// carries meaning is left alone: Markdown hard breaks (two spaces before a
// continued paragraph line), code blocks, and YAML block scalars.
void check_whitespace(std::string_view text, int body_line, std::vector<Diagnostic>& out);

// Sales language ("book a demo", "world-class"): the bank shares practice,
// not pitches. Case-insensitive, whole words, anywhere in the file.
void check_promotional(std::string_view text, const std::vector<std::string>& phrases,
                       std::vector<Diagnostic>& out);

} // namespace hros
