#pragma once

// A schema's `pattern:` as hros runs it on contributors' values: found
// anywhere in the value (JSON Schema's meaning), in time linear in the
// value's length, whatever the maintainer wrote.

#include <cstddef>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hros {

// Longer values are not checked against a pattern: the time a check takes is
// the value's length times the size of the pattern's automaton.
constexpr std::size_t k_pattern_max_value = 4096;

// The largest automaton (states, estimated from the pattern) a schema pattern
// may need; `^[a-z0-9]{1,64}(-[a-z0-9]{1,64})*$` is estimated at 262.
constexpr std::size_t k_pattern_max_states = 5000;

// A valid pattern whose automaton would exceed k_pattern_max_states.
struct PatternTooLarge : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Compiles an ECMAScript `pattern` for pattern_found. Throws std::regex_error
// when it is not a valid expression, with error_complexity when it uses a
// back-reference (\1), which no linear-time matcher can run; PatternTooLarge.
std::shared_ptr<const std::regex> compile_schema_pattern(const std::string& pattern);

// Whether the pattern `compiled` (from compile_schema_pattern) occurs in `text`.
bool pattern_found(const std::regex& compiled, std::string_view text);

} // namespace hros
