#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hros {

// The longest slug hros new makes from a title; long titles are cut at a hyphen.
constexpr std::size_t k_max_slug_length = 60;

// A slug from a title: common Latin accents transliterated to ASCII ("Café"
// -> "cafe", "ß" -> "ss"), lowercase, every other run of characters one
// hyphen, apostrophes dropped ("didn't" -> "didnt"), at most `max_length`
// characters. Empty when the title has no letter or digit it can keep.
std::string slug_from_title(std::string_view title, std::size_t max_length = k_max_slug_length);

// Why a slug a user typed cannot name a case file ("it contains '/'"), or
// nothing when it is a valid slug: a plain file name of lowercase letters,
// digits and single hyphens, so the file lands in the cases directory and
// passes `hros lint`'s slug.filename rule.
std::optional<std::string> slug_problem(std::string_view slug);

} // namespace hros
