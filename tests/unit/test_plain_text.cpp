// Markdown as the search index reads it: the words a reader sees, one line
// per source line with text, no markup, no comments, no control characters.
#include "hros/plain_text.hpp"

#include <catch2/catch.hpp>

#include <string>

using hros::markdown_plain_text;
using hros::without_controls;

TEST_CASE("plain text: headings, quotes and list markers go", "[plain_text]") {
  CHECK(markdown_plain_text("## Why\n\nBecause.\n") == "Why\nBecause.");
  CHECK(markdown_plain_text("# One\n### Three ###\n") == "One\nThree ###");
  CHECK(markdown_plain_text("> quoted\n>> twice\n") == "quoted\ntwice");
  CHECK(markdown_plain_text("- a\n* b\n+ c\n") == "a\nb\nc");
  CHECK(markdown_plain_text("1. first\n12) twelfth\n") == "first\ntwelfth");
  CHECK(markdown_plain_text("  - nested\n    - deeper\n") == "nested\ndeeper");
  CHECK(markdown_plain_text("> - quoted item\n") == "quoted item");
  // Not markers: no space after them, or a number without a dot.
  CHECK(markdown_plain_text("-5 degrees\n2024 was\n") == "-5 degrees\n2024 was");
}

TEST_CASE("plain text: blank lines, rules and table separators go", "[plain_text]") {
  CHECK(markdown_plain_text("a\n\n\n b\n") == "a\nb");
  CHECK(markdown_plain_text("a\n---\n***\n___\nb\n") == "a\nb");
  CHECK(markdown_plain_text("| x | y |\n|---|:-:|\n| 1 | 2 |\n") == "| x | y |\n| 1 | 2 |");
  CHECK(markdown_plain_text("Title\n=====\n") == "Title");
  CHECK(markdown_plain_text("") == "");
  CHECK(markdown_plain_text("\n\n") == "");
}

TEST_CASE("plain text: emphasis and code marks go, words stay", "[plain_text]") {
  CHECK(markdown_plain_text("**bold** and *it* and ~~gone~~ and `code`") ==
        "bold and it and gone and code");
  CHECK(markdown_plain_text("_under_ and __double__") == "under and double");
  // Underscores inside words are kept: snake_case stays one word.
  CHECK(markdown_plain_text("snake_case_name") == "snake_case_name");
}

TEST_CASE("plain text: links keep their text, images their alt text", "[plain_text]") {
  CHECK(markdown_plain_text("see [the guide](https://example.org/x) now") == "see the guide now");
  CHECK(markdown_plain_text("![a chart](chart.png)") == "a chart");
  CHECK(markdown_plain_text("[ref][1] and [plain]") == "ref1 and plain");
  // An unclosed target keeps what follows.
  CHECK(markdown_plain_text("[a](b") == "a(b");
}

TEST_CASE("plain text: HTML tags and comments go", "[plain_text]") {
  CHECK(markdown_plain_text("a <b>bold</b> c") == "a  bold  c");
  CHECK(markdown_plain_text("x <!-- hidden --> y") == "x   y");
  CHECK(markdown_plain_text("<!-- a\nmany\nlines -->\nafter") == "after");
  // A comment leaves a space where it was, so words on either side stay apart.
  CHECK(markdown_plain_text("before <!-- open\nstill hidden\n--> after") == "before  \nafter");
  CHECK(markdown_plain_text("<!-- one --> two <!-- three -->") == "two  ");
  CHECK(markdown_plain_text("a<!-- x -->b") == "a b");
  // Not tags: a comparison, a lone bracket.
  CHECK(markdown_plain_text("a < b and c > d") == "a < b and c > d");
  CHECK(markdown_plain_text("3<4") == "3<4");
  // An unclosed comment hides the rest.
  CHECK(markdown_plain_text("seen\n<!-- never closed\nhidden") == "seen");
}

TEST_CASE("plain text: control characters become spaces", "[plain_text]") {
  CHECK(markdown_plain_text("a\x1b[31mred\x1b[0m b") == "a 31mred 0m b");
  CHECK(markdown_plain_text("tab\there") == "tab here");
  CHECK(markdown_plain_text("bell\x07 del\x7f") == "bell  del ");
  CHECK(markdown_plain_text("line\r\nnext\r\n") == "line \nnext ");
  // C1 controls (U+0080..U+009F) are two bytes; other accents stay.
  CHECK(markdown_plain_text("a\xc2\x9b"
                            "2Jb é") == "a 2Jb é");
  CHECK(markdown_plain_text("x\xc2\xa0y") == "x\xc2\xa0y");
}

TEST_CASE("plain text: without_controls", "[plain_text]") {
  CHECK(without_controls("plain") == "plain");
  CHECK(without_controls("a\nb\tc") == "a b c");
  CHECK(without_controls("\x1b]0;title\x07") == " ]0;title ");
  CHECK(without_controls("\xc2\x85next line") == " next line");
  CHECK(without_controls("Zürich") == "Zürich");
  CHECK(without_controls(std::string("nul\0byte", 8)) == "nul byte");
  CHECK(without_controls("") == "");
}

TEST_CASE("plain text: long and hostile input stays linear", "[plain_text]") {
  std::string brackets(200000, '[');
  CHECK(markdown_plain_text(brackets).empty());
  std::string openers;
  for (int i = 0; i < 50000; ++i) {
    openers += "<a";
  }
  CHECK(markdown_plain_text(openers) == openers);
  std::string comments;
  for (int i = 0; i < 50000; ++i) {
    comments += "<!--";
  }
  CHECK(markdown_plain_text(comments + "\nx").empty());
}

TEST_CASE("plain text: full-width ASCII is folded", "[plain_text]") {
  using hros::fold_full_width;
  CHECK(fold_full_width("\xef\xbc\xa8\xef\xbc\xb2 \xef\xbd\x90\xef\xbd\x8f\xef\xbd\x8c") ==
        "HR pol");
  CHECK(fold_full_width("\xef\xbc\x81\xef\xbd\x9e") == "!~"); // the first and last of the block
  CHECK(fold_full_width("a\xe3\x80\x80"
                        "b") == "a b"); // ideographic space
  // Neighbours of the block, and cut sequences, stay as they are.
  CHECK(fold_full_width("\xef\xbc\x80") == "\xef\xbc\x80"); // U+FF00, unassigned
  CHECK(fold_full_width("\xef\xbd\x9f") == "\xef\xbd\x9f"); // U+FF5F, a bracket
  CHECK(fold_full_width("\xef\xbc") == "\xef\xbc");
  CHECK(fold_full_width("Zürich") == "Zürich");
  CHECK(without_controls("\xef\xbc\xa8\x01") == "H ");
  CHECK(markdown_plain_text("## \xef\xbc\xb7hy\n") == "Why");
}
