#pragma once

#include <string>
#include <string_view>

namespace hros {

// Markdown reduced to the words a reader sees, for the search index and its
// snippets: HTML comments and tags, heading and list markers, emphasis marks
// and link targets go; control characters become spaces, so the text can be
// printed to a terminal and markers put around matches stay unambiguous.
// Line-based and linear: it never builds a tree, so any input is cheap.
std::string markdown_plain_text(std::string_view markdown);

// `text` with every control character (C0, DEL, C1) replaced by a space.
std::string without_controls(std::string_view text);

} // namespace hros
