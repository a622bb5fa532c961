#include "hros/styled_text.hpp"
#include "hros/terminal_text.hpp"

#include <catch2/catch.hpp>

using namespace hros;

namespace {

std::string plain(const std::vector<Line>& lines) {
  return emit_lines(lines, false);
}

} // namespace

TEST_CASE("terminal_safe replaces controls and bidi overrides and keeps text", "[terminal]") {
  CHECK(terminal_safe("plain text") == "plain text");
  CHECK(terminal_safe("a\x1b[31mb") == "a\xEF\xBF\xBD[31mb");
  CHECK(terminal_safe("bell\a del\x7f") == "bell\xEF\xBF\xBD del\xEF\xBF\xBD");
  CHECK(terminal_safe("c1 \xC2\x9B"
                      "2J") == "c1 \xEF\xBF\xBD"
                               "2J");
  CHECK(terminal_safe("rlo \xE2\x80\xAE"
                      "x \xE2\x81\xA6"
                      "y") == "rlo \xEF\xBF\xBD"
                              "x \xEF\xBF\xBD"
                              "y");
  CHECK(terminal_safe("bad \xFF utf8") == "bad \xEF\xBF\xBD utf8");
  CHECK(terminal_safe("tab\tcr\r") == "tab cr\xEF\xBF\xBD");
  CHECK(terminal_safe("two\nlines") == "two lines");
  CHECK(terminal_safe("two\nlines", true) == "two\nlines");
  // Letters, accents, CJK and the marks right-to-left text needs stay.
  CHECK(terminal_safe("caf\xC3\xA9 \xE6\x97\xA5 \xE2\x80\x8F") ==
        "caf\xC3\xA9 \xE6\x97\xA5 \xE2\x80\x8F");
}

TEST_CASE("display_width counts columns not bytes", "[terminal]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("caf\xC3\xA9") == 4);
  CHECK(display_width("cafe\xCC\x81") == 4); // combining acute accent
  CHECK(display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);
  CHECK(display_width("\xF0\x9F\x98\x80") == 2); // emoji
  CHECK(cut_to_width("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4) == "\xE6\x97\xA5\xE2\x80\xA6");
  CHECK(cut_to_width("abcdef", 4, false) == "abc.");
  CHECK(cut_to_width("abc", 4) == "abc");
}

TEST_CASE("wrap_spans breaks at spaces and keeps styles across the break", "[terminal]") {
  std::vector<Line> lines =
      wrap_spans({Span{"one two "}, Span{"three four", k_style_bold}, Span{" five"}}, 10);
  CHECK(plain(lines) == "one two\nthree four\nfive\n");
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].size() == 1);
  CHECK(lines[1][0].style == k_style_bold);
  CHECK(emit_lines(lines, true) == "one two\n\x1b[1mthree four\x1b[0m\nfive\n");
}

TEST_CASE("wrap_spans cuts words wider than a line between characters", "[terminal]") {
  CHECK(plain(wrap_spans({Span{"abcdefghij"}}, 4)) == "abcd\nefgh\nij\n");
  CHECK(plain(wrap_spans({Span{"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"}}, 2)) ==
        "\xC3\xA9\xC3\xA9\n\xC3\xA9\xC3\xA9\n\xC3\xA9\n");
  // A URL is never cut: it overflows instead, so it can still be copied.
  CHECK(plain(wrap_spans({Span{"see "}, Span{"<https://example.org/long>", k_style_no_break}},
                         8)) == "see\n<https://example.org/long>\n");
}

TEST_CASE("wrap_spans breaks between wide characters and at hard breaks", "[terminal]") {
  CHECK(plain(wrap_spans({Span{"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3\x81\x99"}},
                         4)) ==
        "\xE6\x97\xA5\xE6\x9C\xAC\n\xE8\xAA\x9E\xE3\x81\xA7\n\xE3\x81\x99\n");
  CHECK(plain(wrap_spans({Span{"a\nb  c"}}, 0)) == "a\nb c\n");
}

TEST_CASE("emit_lines writes only its own escape sequences", "[terminal]") {
  Line line{Span{"link \x1b]0;t\x07", k_style_link, "https://x.example/\x1b\\evil"}};
  std::string out = emit_lines({line}, true);
  CHECK(out == "\x1b]8;;https://x.example/%1B\\evil\x1b\\\x1b[34mlink \xEF\xBF\xBD]0;t\xEF\xBF\xBD"
               "\x1b]8;;\x1b\\\x1b[0m\n");
}
