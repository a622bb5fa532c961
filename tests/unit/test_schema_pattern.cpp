// compile_schema_pattern and pattern_found: the meaning of std::regex_search (found
// anywhere, ^ $ \b at the value's real ends), but linear time and a bounded
// stack on hostile patterns and long values.
#include "hros/schema_pattern.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <regex>
#include <string>
#include <vector>

namespace {

bool found(const std::string& pattern, const std::string& text) {
  return hros::pattern_found(*hros::compile_schema_pattern(pattern), text);
}

double seconds_for(const std::string& pattern, const std::string& text, bool& result) {
  auto compiled = hros::compile_schema_pattern(pattern);
  auto start = std::chrono::steady_clock::now();
  result = hros::pattern_found(*compiled, text);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

TEST_CASE("schema pattern: the same answers as regex_search", "[schema][pattern]") {
  const std::vector<std::string> patterns = {"",
                                             "a",
                                             "^a",
                                             "a$",
                                             "^a$",
                                             "^$",
                                             "\\bcd",
                                             "cd\\b",
                                             "^HR-\\d{4}$",
                                             "[a-z]+-[0-9]",
                                             "^(a|ab)(c|bcd)$",
                                             "a.c",
                                             "(?=b)bc",
                                             "x*?y",
                                             "^[^\\n]*$",
                                             "(a+)+$",
                                             "^[a-z0-9]+(-[a-z0-9]+)*$"};
  const std::vector<std::string> texts = {
      "",       "a",   "ab",   "ba",   "abcd", "ab cd",  "xcdx",        "HR-0042", "HR-42",
      "abc\nd", "xxy", "aaa!", "ok-1", "-ok",  "a-b-c-", "a\xc3\xa9-b", "bc",      "\n"};
  for (const std::string& pattern : patterns) {
    std::regex reference(pattern, std::regex::ECMAScript);
    for (const std::string& text : texts) {
      INFO("pattern " << pattern << " text " << text);
      CHECK(found(pattern, text) == std::regex_search(text, reference));
    }
  }
}

TEST_CASE("schema pattern: invalid patterns and back-references are refused", "[schema][pattern]") {
  CHECK_THROWS_AS(hros::compile_schema_pattern("[a-z"), std::regex_error);
  // Valid inside the wrapper, not alone.
  CHECK_THROWS_AS(hros::compile_schema_pattern("a)|(b"), std::regex_error);
  try {
    hros::compile_schema_pattern("(a)\\1");
    FAIL("a back-reference compiled");
  } catch (const std::regex_error& error) {
    CHECK(error.code() == std::regex_constants::error_complexity);
  }
}

TEST_CASE("schema pattern: catastrophic backtracking takes linear time", "[schema][pattern]") {
  // With regex_search these take minutes to hours even at 30 characters.
  const std::string evil = std::string(hros::k_pattern_max_value - 1, 'a') + "!";
  for (const char* pattern : {"^(a+)+$", "(a+)+$", "(a|aa)*c", "^(a|a)*$", "(a*)*b"}) {
    INFO(pattern);
    bool result = true;
    CHECK(seconds_for(pattern, evil, result) < 2.0);
    CHECK_FALSE(result);
  }
}

TEST_CASE("schema pattern: a long matching value does not grow the stack", "[schema][pattern]") {
  // The backtracking executor recurses a few frames per character: 100 KB of
  // a slug overflows an 8 MB stack with it, 20 KB under AddressSanitizer.
  std::string slug;
  while (slug.size() < 200000) {
    slug += "abc-123-";
  }
  slug += "z";
  bool result = false;
  CHECK(seconds_for("^[a-z0-9]+(-[a-z0-9]+)*$", slug, result) < 20.0);
  CHECK(result);
}

TEST_CASE("schema pattern: repetitions that multiply past the bound are refused",
          "[schema][pattern]") {
  // The matcher's time is the value's length times the automaton's size.
  CHECK_THROWS_AS(hros::compile_schema_pattern("(a{1,300}){1,300}"), hros::PatternTooLarge);
  CHECK_THROWS_AS(hros::compile_schema_pattern("(((a{1,9}){1,9}){1,9}){1,9}"),
                  hros::PatternTooLarge);
  CHECK_THROWS_AS(hros::compile_schema_pattern("[a-z]{6000}"), hros::PatternTooLarge);
  // Ordinary patterns, generous ones included, are far below it.
  for (const char* pattern :
       {"^[a-z0-9]{1,64}(-[a-z0-9]{1,64})*$", "^HR-\\d{4}$", "^[A-Z]{2}-[0-9]{4}-[a-z0-9]{1,200}$",
        "^(?:[^{}]|\\{\\})*$", "^[a-z]{2,}$", "x{1000}", "[{]{1,2}"}) {
    INFO(pattern);
    CHECK_NOTHROW(hros::compile_schema_pattern(pattern));
  }
  // A pattern as large as allowed still checks the longest value quickly.
  bool result = true;
  CHECK(seconds_for("^[ab]{2400}$", std::string(hros::k_pattern_max_value, 'a'), result) < 5.0);
  CHECK_FALSE(result);
}
