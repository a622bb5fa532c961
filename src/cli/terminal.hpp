#pragma once

#include <cstddef>
#include <string>

namespace hros::cli {

// The columns to lay text out in: `forced` when it is not negative, else the
// terminal's width when stdout is one, else $COLUMNS, else 80.
std::size_t output_width(int forced);

// $COLUMNS when it holds a width (1 to 9999), else 0.
std::size_t columns_variable();

// Whether the locale (LC_ALL, LC_CTYPE, LANG) says the terminal takes UTF-8,
// so that Unicode bullets and block characters will show.
bool utf8_locale();

// Writes `text` to stdout, through a pager when stdout is a terminal, paging
// is allowed and the text is taller than the screen: $PAGER (default
// "less -R"), split into words and run without a shell, the text on its
// standard input. Falls back to stdout when the pager cannot be started.
void write_paged(const std::string& text, bool allow_pager);

} // namespace hros::cli
