#pragma once

#include <string>
#include <string_view>

namespace hros {

// `text` with its control characters written out (`\n`, `\r`, `\x1b`,
// `\u0085`), tabs kept: what a case or a file name holds is printed to a
// terminal or a CI log, and must not move the cursor, change colours, or
// start a line of its own that looks like a report. Bidirectional overrides
// and isolates (`\u202e`), U+2028/U+2029 and bytes that are not UTF-8
// (`\xff`) are written out too, so the result is as safe as terminal_safe's
// and still says which character it was.
std::string printable(std::string_view text);

// Whether `text` holds a control character `printable` would write out.
bool has_control(std::string_view text);

} // namespace hros
