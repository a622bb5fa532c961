#pragma once

#include <string>
#include <vector>

#include "hros/schema.hpp"
#include "hros/search_index.hpp"

namespace hros {

enum class SearchFormat { text, json, paths };

// "text", "json" or "paths"; false for anything else.
bool parse_search_format(const std::string& name, SearchFormat& format);

struct SearchStyle {
  bool color = false;    // ANSI styles, matches highlighted
  std::size_t width = 0; // wrap snippets to this many columns; 0: 80
};

// One result with what `related` found in common, or the search's snippet.
struct ResultLine {
  SearchHit hit;
  std::string reasons; // "shared topics: onboarding; same industry", for related
};

// Renders results. Text: a numbered block per case (title, organisation,
// industry, size, year, path, snippet); json: an array of objects with the
// typed front matter; paths: one path per line, for pipes.
std::string render_results(const std::vector<ResultLine>& results, const Schema& schema,
                           SearchFormat format, const SearchStyle& style);

// A snippet with its match markers (\x01 \x02) turned into ANSI bold or into
// `**`, whitespace collapsed.
std::string render_snippet(const std::string& snippet, bool color);

} // namespace hros
