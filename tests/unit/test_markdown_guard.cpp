#include "hros/markdown.hpp"
#include "hros/markdown_guard.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace {

std::string repeat(const std::string& text, std::size_t count) {
  std::string out;
  out.reserve(text.size() * count);
  for (std::size_t i = 0; i < count; ++i) {
    out += text;
  }
  return out;
}

std::size_t newlines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("guard: ordinary Markdown is left alone", "[markdown][guard]") {
  std::string body = "## Why\n\nWe *had* a [problem](other-case.md).\n\n"
                     "- one\n  - two\n    - three\n\n> quoted\n> > twice\n\n"
                     "![a chart](chart.png) and ![another](b.png)\n\n1. first\n2. second\n\n"
                     "```\ncode  \n```\n\n* * *\n";
  hros::GuardedMarkdown guarded = hros::guard_markdown(body);
  CHECK_FALSE(guarded.text.has_value());
  CHECK(guarded.notes.empty());
}

TEST_CASE("guard: nesting deeper than the limit is escaped, lines kept", "[markdown][guard]") {
  std::string body = repeat("- ", 100) + "x\n" + repeat("\n", 50) + "## After\n";
  hros::GuardLimits limits;
  hros::GuardedMarkdown guarded = hros::guard_markdown(body, limits);
  REQUIRE(guarded.text.has_value());
  CHECK(newlines(*guarded.text) == newlines(body));
  CHECK(guarded.text->find("\\-") == 2 * static_cast<std::size_t>(limits.max_container_depth));
  REQUIRE(guarded.notes.size() == 1);
  CHECK(guarded.notes[0].line == 1);
  CHECK(guarded.notes[0].message ==
        "lists and quotes nested deeper than 32 levels; the deeper ones are read as text");
  CHECK_FALSE(guarded.notes[0].dropped_content);
}

TEST_CASE("guard: many image openers against links are made text", "[markdown][guard]") {
  std::string body = "Intro.\n\n" + repeat("![", 1000) + repeat("[a](b)", 100) + "\n";
  hros::GuardedMarkdown guarded = hros::guard_markdown(body);
  REQUIRE(guarded.text.has_value());
  CHECK(guarded.text->find("![") == std::string::npos);
  CHECK(std::count(guarded.text->begin(), guarded.text->end(), '\\') == 1000);
  REQUIRE(guarded.notes.size() == 1);
  CHECK(guarded.notes[0].line == 3);
  // A paragraph of badges is not touched.
  CHECK_FALSE(hros::guard_markdown(repeat("![b](x.svg) ", 150) + "\n").text.has_value());
}

TEST_CASE("guard: content past the size cap is blanked, line count kept", "[markdown][guard]") {
  hros::GuardLimits limits;
  limits.max_body_bytes = 1000;
  std::string body = repeat("A line of text that goes on.\n", 100);
  hros::GuardedMarkdown guarded = hros::guard_markdown(body, limits);
  REQUIRE(guarded.text.has_value());
  CHECK(newlines(*guarded.text) == 100);
  CHECK(guarded.text->size() < 1100);
  REQUIRE(guarded.notes.size() == 1);
  CHECK(guarded.notes[0].dropped_content);
  CHECK(guarded.notes[0].line == 35);
}

TEST_CASE("guard: notes are bounded", "[markdown][guard]") {
  std::string body;
  for (int i = 0; i < 100; ++i) {
    body += repeat("> ", 40) + "x\n\n";
  }
  hros::GuardedMarkdown guarded = hros::guard_markdown(body);
  REQUIRE(guarded.notes.size() == 21);
  CHECK(guarded.notes.back().message == "... and 80 more places like these");
}

TEST_CASE("outline: headings keep their file lines after guarding", "[markdown]") {
  std::string body =
      "## Why\n\ntext\n\n" + repeat("- ", 5000) + "x\n" + repeat("\n", 3000) + "## What\n\nmore\n";
  hros::BodyOutline outline = hros::outline_body(body, 20);
  REQUIRE(outline.sections.size() == 2);
  CHECK(outline.sections[0].line == 20);
  CHECK(outline.sections[1].title == "What");
  CHECK(outline.sections[1].line == 20 + 5 + 3000);
  CHECK(outline.sections[1].has_content);
  REQUIRE(outline.guard_notes.size() == 1);
  CHECK(outline.guard_notes[0].line == 24);
}
