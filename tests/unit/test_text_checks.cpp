#include "hros/text_checks.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <random>
#include <string>

namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

// The obvious algorithm, to check the fast one against.
std::vector<std::pair<int, int>> naive(const std::string& text,
                                       const std::vector<std::string>& phrases) {
  std::string lower = text;
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::vector<std::pair<int, int>> hits;
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '\n') {
      ++line;
      line_start = at + 1;
      continue;
    }
    if (at > 0 && word_char(text[at - 1])) {
      continue;
    }
    for (const std::string& phrase : phrases) {
      if (lower.compare(at, phrase.size(), phrase) == 0 &&
          (at + phrase.size() == text.size() || !word_char(text[at + phrase.size()]))) {
        hits.emplace_back(line, static_cast<int>(at - line_start) + 1);
      }
    }
  }
  return hits;
}

} // namespace

TEST_CASE("promotional phrases are found as whole words, in any case", "[text]") {
  std::vector<hros::Diagnostic> out;
  hros::check_promotional("Our World-Class team.\n(best-in-class) worlds-class\nBook a demo",
                          {"world-class", "best-in-class", "book a demo"}, out);
  REQUIRE(out.size() == 3);
  CHECK(out[0].line == 1);
  CHECK(out[0].column == 5);
  CHECK(out[1].line == 2);
  CHECK(out[1].column == 2);
  CHECK(out[2].line == 3);
  CHECK(out[2].column == 1);
  CHECK(out[0].message ==
        "promotional phrase 'world-class': the bank shares practice, not sales pitches");
}

TEST_CASE("the fast phrase scan agrees with the obvious one", "[text]") {
  const std::vector<std::string> phrases = {"world-class", "book a demo", "our platform",
                                            "free trial", "revolutionary"};
  const std::vector<std::string> pieces = {"world-class",
                                           "World-class",
                                           "book a demo",
                                           "our platform",
                                           "ourplatform",
                                           "free trial",
                                           "revolutionary",
                                           " ",
                                           "\n",
                                           "(",
                                           "*",
                                           "x",
                                           "é",
                                           "class",
                                           "worlds",
                                           "free",
                                           "trial",
                                           "demo",
                                           "our",
                                           "a",
                                           "0",
                                           "-",
                                           "REVOLUTIONARY"};
  std::mt19937 random(7);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    std::size_t length = 1 + random() % 400;
    for (std::size_t i = 0; i < length; ++i) {
      text += pieces[pick(random)];
    }
    std::vector<hros::Diagnostic> out;
    hros::check_promotional(text, phrases, out);
    std::vector<std::pair<int, int>> fast;
    for (const hros::Diagnostic& d : out) {
      fast.emplace_back(d.line, d.column);
    }
    std::sort(fast.begin(), fast.end());
    std::vector<std::pair<int, int>> expected = naive(text, phrases);
    std::sort(expected.begin(), expected.end());
    INFO(text);
    REQUIRE(fast == expected);
  }
}
