// std::regex's default executor backtracks: `^(a+)+$` against 30 `a`s and a
// `!` takes minutes, and it recurses once per character matched, so a long
// value can also exhaust the stack. A pattern comes from the maintainer but
// the value from any contributor, and `hros lint` runs in CI on every pull
// request, so neither may depend on what the pattern looks like.
//
// The matcher's time is the value's length times the size of the pattern's
// automaton, which nested counted repetitions multiply (`(a{1,300}){1,300}` is
// 90,000 states); patterns past k_pattern_max_states are a schema error.
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
// of the value, so the meaning is regex_search's (but for `^` and `\b` inside
// a lookahead, where libstdc++ restarts its view of the text).
#include "hros/schema_pattern.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#if !defined(__GLIBCXX__)
#error "hros runs schema patterns with libstdc++'s polynomial std::regex mode"
#endif

namespace hros {
namespace {

constexpr auto k_flags = std::regex::ECMAScript | std::regex_constants::__polynomial;

std::size_t saturating_add(std::size_t a, std::size_t b) {
  return a > k_pattern_max_states - b ? k_pattern_max_states + 1 : a + b;
}

std::size_t saturating_times(std::size_t a, std::size_t b) {
  return b != 0 && a > k_pattern_max_states / b ? k_pattern_max_states + 1 : a * b;
}

// The number after `{` at `i` (moved past it), or none.
std::optional<std::size_t> count_at(std::string_view pattern, std::size_t& i) {
  std::size_t start = i;
  std::size_t value = 0;
  while (i < pattern.size() && pattern[i] >= '0' && pattern[i] <= '9') {
    value = saturating_add(saturating_times(value, 10), static_cast<std::size_t>(pattern[i] - '0'));
    ++i;
  }
  return i == start ? std::nullopt : std::optional<std::size_t>(value);
}

// An upper bound on the states of the automaton libstdc++ builds for a valid
// `pattern` (regex_compiler.tcc copies an atom for each repetition counted in
// braces, twice for `+`), saturating above k_pattern_max_states.
std::size_t estimated_states(std::string_view pattern) {
  struct Group {
    std::size_t total = 0;
    std::size_t last = 0; // the atom a quantifier would repeat
  };
  std::vector<Group> groups(1);
  auto atom = [&](std::size_t states) {
    groups.back().last = states;
    groups.back().total = saturating_add(groups.back().total, states);
  };
  // Replaces the last atom, `times` copies plus a repeat state each.
  auto repeat = [&](std::size_t times) {
    Group& group = groups.back();
    group.total = saturating_add(group.total - group.last,
                                 saturating_times(group.last + 1, std::max<std::size_t>(times, 1)));
    group.last = 0;
  };
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\') {
      ++i;
      atom(1);
    } else if (c == '[') {
      // A class is one state; `]` right after `[` or `[^` closes it in ECMAScript.
      ++i;
      while (i < pattern.size() && pattern[i] != ']') {
        i += pattern[i] == '\\' ? 2 : 1;
      }
      atom(1);
    } else if (c == '(') {
      groups.emplace_back();
    } else if (c == ')' && groups.size() > 1) {
      std::size_t inner = saturating_add(groups.back().total, 2);
      groups.pop_back();
      atom(inner);
    } else if (c == '*' || c == '?') {
      if (groups.back().last != 0) {
        repeat(1);
      } // else the `?` of a lazy quantifier or of `(?:`
    } else if (c == '+') {
      repeat(2);
    } else if (c == '{') {
      std::size_t at = i + 1;
      std::optional<std::size_t> low = count_at(pattern, at);
      std::optional<std::size_t> high = low;
      if (low && at < pattern.size() && pattern[at] == ',') {
        ++at;
        high = count_at(pattern, at);
        if (!high) {
          high = saturating_add(*low, 1); // {n,}: n copies and a star
        }
      }
      if (low && at < pattern.size() && pattern[at] == '}') {
        repeat(*high);
        i = at;
      } else {
        atom(1);
      }
    } else if (c == '|') {
      atom(2);
      groups.back().last = 0;
    } else {
      atom(1);
    }
  }
  std::size_t total = 0;
  for (const Group& group : groups) {
    total = saturating_add(total, group.total);
  }
  return total;
}

} // namespace

std::shared_ptr<const std::regex> compile_schema_pattern(const std::string& pattern) {
  // Estimated before compiling: libstdc++ would build all the states first.
  if (estimated_states(pattern) > k_pattern_max_states) {
    throw PatternTooLarge("its counted repetitions ({n,m}) expand to more than " +
                          std::to_string(k_pattern_max_states) +
                          " matcher states; write long runs with * or +");
  }
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
