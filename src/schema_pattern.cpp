// std::regex's default executor backtracks: `^(a+)+$` against 30 `a`s and a
// `!` takes minutes, and it recurses once per character matched, so a long
// value can also exhaust the stack. A pattern comes from the maintainer but
// the value from any contributor, and `hros lint` runs in CI on every pull
// request, so neither may depend on what the pattern looks like.
//
// libstdc++'s __polynomial flag selects its breadth-first executor
// (bits/regex.tcc, __regex_algo_impl): a Thompson-style simulation that keeps
// one set of automaton states per input position and recurses only through
// moves that consume no character, so its stack is bounded by the pattern,
// not the value. It refuses back-references when compiling (they need
// backtracking), which hros reports as a schema error. Rejecting "nested
// quantifiers" instead would be a heuristic with misses ((a|aa)*, (a|a)*b);
// a length cap alone still lets 30 characters hang.
//
// regex_search itself restarts the executor at every offset, which makes the
// breadth-first search quadratic (about 2 s for 4096 bytes, more under
// sanitizers). The search runs instead as one anchored pass of
// `[\s\S]*(?:pattern)`: the prefix consumes any start, so every start is
// tried in the same pass. `^`, `$` and `\b` still see the real start and end
// of the value, so the meaning is regex_search's.
#include "hros/schema_pattern.hpp"

#if !defined(__GLIBCXX__)
#error "hros runs schema patterns with libstdc++'s polynomial std::regex mode"
#endif

namespace hros {
namespace {

constexpr auto k_flags = std::regex::ECMAScript | std::regex_constants::__polynomial;

} // namespace

std::shared_ptr<const std::regex> compile_schema_pattern(const std::string& pattern) {
  // Compiled alone first, so that a pattern such as `a)|(b` cannot become
  // valid inside the wrapper.
  std::regex alone(pattern, k_flags);
  return std::make_shared<const std::regex>("[\\s\\S]*(?:" + pattern + ")", k_flags);
}

bool pattern_found(const std::regex& compiled, std::string_view text) {
  return std::regex_search(text.data(), text.data() + text.size(), compiled,
                           std::regex_constants::match_continuous);
}

} // namespace hros
