// split_front_matter on in-memory text: where the YAML and the body start,
// the '...' terminator, markers with trailing spaces, empty front matter, and
// the two problems (no opening line, no closing line).
#include "hros/front_matter.hpp"

#include <catch2/catch.hpp>

#include <string>

using hros::FrontMatterSplit;
using hros::split_front_matter;

namespace {

std::string problem_of(const FrontMatterSplit& split) {
  if (!split.problem) {
    return "";
  }
  return std::to_string(split.problem->line) + ":" + std::to_string(split.problem->column) + ": " +
         split.problem->message + " [" + split.problem->rule + "]";
}

const std::string k_missing =
    "1:1: no front matter: a case starts with a '---' line, then its fields, then another "
    "'---' line [frontmatter.missing]";
const std::string k_unclosed = "1:1: the front matter is not closed: add a '---' line after the "
                               "last field [frontmatter.unclosed]";

} // namespace

TEST_CASE("front matter: YAML between two --- lines, then the body", "[front-matter]") {
  std::string text = "---\ntitle: A\nkind: spark\n---\n## What\n\nText.\n";
  FrontMatterSplit split = split_front_matter(text);
  CHECK_FALSE(split.problem.has_value());
  CHECK(split.yaml == "title: A\nkind: spark\n");
  CHECK(split.yaml_start.line == 2);
  CHECK(split.yaml_start.column == 1);
  CHECK(split.yaml_start.offset == 4);
  CHECK(split.body == "## What\n\nText.\n");
  CHECK(split.body_line == 5);
  // The views point into the text, so offsets agree with the file.
  CHECK(split.yaml.data() == text.data() + 4);
  CHECK(split.body.data() == text.data() + 29);
}

TEST_CASE("front matter: '...' also closes it", "[front-matter]") {
  FrontMatterSplit split = split_front_matter("---\ntitle: A\n...\nBody\n");
  CHECK(problem_of(split).empty());
  CHECK(split.yaml == "title: A\n");
  CHECK(split.body == "Body\n");
  CHECK(split.body_line == 4);
}

TEST_CASE("front matter: markers may have trailing spaces and tabs", "[front-matter]") {
  FrontMatterSplit split = split_front_matter("---  \ntitle: A\n---\t \nBody\n");
  CHECK(problem_of(split).empty());
  CHECK(split.yaml == "title: A\n");
  CHECK(split.yaml_start.offset == 6);
  CHECK(split.body == "Body\n");
  CHECK(split.body_line == 4);
}

TEST_CASE("front matter: longer dash lines and text after the marker are not markers",
          "[front-matter]") {
  CHECK(problem_of(split_front_matter("----\ntitle: A\n---\n")) == k_missing);
  CHECK(problem_of(split_front_matter("--- title: A\n---\n")) == k_missing);
  CHECK(problem_of(split_front_matter(" ---\ntitle: A\n---\n")) == k_missing);
  // Inside, `----` and `--- x` do not close the front matter either.
  FrontMatterSplit split = split_front_matter("---\na: |\n  ----\n  --- x\n---\nBody\n");
  CHECK(problem_of(split).empty());
  CHECK(split.yaml == "a: |\n  ----\n  --- x\n");
  CHECK(split.body_line == 6);
}

TEST_CASE("front matter: empty front matter", "[front-matter]") {
  FrontMatterSplit split = split_front_matter("---\n---\nBody\n");
  CHECK(problem_of(split).empty());
  CHECK(split.yaml.empty());
  CHECK(split.yaml_start.line == 2);
  CHECK(split.body == "Body\n");
  CHECK(split.body_line == 3);
}

TEST_CASE("front matter: a closing line at the end of the file, with or without newline",
          "[front-matter]") {
  FrontMatterSplit no_newline = split_front_matter("---\ntitle: A\n---");
  CHECK(problem_of(no_newline).empty());
  CHECK(no_newline.yaml == "title: A\n");
  CHECK(no_newline.body.empty());
  CHECK(no_newline.body_line == 4);

  FrontMatterSplit newline = split_front_matter("---\ntitle: A\n---\n");
  CHECK(problem_of(newline).empty());
  CHECK(newline.body.empty());
  CHECK(newline.body_line == 4);
}

TEST_CASE("front matter: a body --- after the front matter is the body's", "[front-matter]") {
  FrontMatterSplit split = split_front_matter("---\na: 1\n---\nText\n\n---\n\nMore\n");
  CHECK(split.yaml == "a: 1\n");
  CHECK(split.body == "Text\n\n---\n\nMore\n");
  CHECK(split.body_line == 4);
}

TEST_CASE("front matter: no opening line", "[front-matter]") {
  for (const char* text :
       {"", "\n", "title: A\n---\nBody\n", "# A heading\n", "\n---\ntitle: A\n---\n"}) {
    INFO(text);
    FrontMatterSplit split = split_front_matter(text);
    CHECK(problem_of(split) == k_missing);
    CHECK(split.problem->severity == hros::Severity::error);
    CHECK(split.yaml.empty());
    CHECK(split.body == text);
    CHECK(split.body_line == 1);
  }
}

TEST_CASE("front matter: no closing line", "[front-matter]") {
  for (const char* text :
       {"---", "---\n", "---\ntitle: A\n", "---\ntitle: A\nkind: spark", "---\ntitle: A\n--\n"}) {
    INFO(text);
    FrontMatterSplit split = split_front_matter(text);
    CHECK(problem_of(split) == k_unclosed);
    CHECK(split.yaml.empty());
    CHECK(split.body_line == 1);
  }
}
