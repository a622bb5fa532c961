#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hros {

// `text` with ASCII letters in lower case.
std::string lowercase(std::string_view text);

// Levenshtein distance, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` if it is close enough to be a likely typo
// (or differs only in case or separators), as ninja suggests tool names.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates);

// " did you mean 'x'?" or "" — ready to append to a message after a ';'.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

} // namespace hros
