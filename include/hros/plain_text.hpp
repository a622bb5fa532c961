#pragma once

#include <string>
#include <string_view>

namespace hros {

// Markdown reduced to the words a reader sees, for the search index and its
// snippets: HTML comments and tags, heading and list markers, emphasis marks
// and link targets go; control characters become spaces, so the text can be
// printed to a terminal and markers put around matches stay unambiguous;
// full-width ASCII becomes ASCII.
// Line-based and linear: it never builds a tree, so any input is cheap.
std::string markdown_plain_text(std::string_view markdown);

// `text` with every control character (C0, DEL, C1) replaced by a space,
// and full-width letters, digits and signs folded as `fold_full_width` does.
std::string without_controls(std::string_view text);

// Full-width ASCII (ＨＲ, typed with an East Asian input method) as ASCII,
// and the ideographic space as a space: the index's tokenizer folds case
// and accents but not these, so the index and queries fold them first.
std::string fold_full_width(std::string_view text);

} // namespace hros
