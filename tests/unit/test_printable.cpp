#include "hros/printable.hpp"

#include <catch2/catch.hpp>

using hros::printable;

TEST_CASE("printable writes out control characters and keeps the rest", "[printable]") {
  CHECK(printable("plain caf\xC3\xA9 \xE6\x97\xA5\ttab") == "plain caf\xC3\xA9 \xE6\x97\xA5\ttab");
  CHECK(printable("new\nline\r") == "new\\nline\\r");
  CHECK(printable("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
  CHECK(printable(std::string("nul\0", 4)) == "nul\\x00");
  CHECK(printable("del\x7f") == "del\\x7f");
  CHECK(printable("c1 \xC2\x9B"
                  "2J") == "c1 \\u009b2J");
  CHECK(printable("nbsp \xC2\xA0") == "nbsp \xC2\xA0");
  CHECK_FALSE(hros::has_control("tab\tand caf\xC3\xA9"));
  CHECK(hros::has_control("a\x1b"));
}

TEST_CASE("printable writes out what reorders a line and bytes that are not UTF-8", "[printable]") {
  // A right-to-left override would show "evil.md" as "dm.live"; an isolate too.
  CHECK(printable("\xE2\x80\xAE"
                  "evil.md") == "\\u202eevil.md");
  CHECK(printable("a\xE2\x81\xA6"
                  "b\xE2\x81\xA9") == "a\\u2066b\\u2069");
  CHECK(printable("line\xE2\x80\xA8sep") == "line\\u2028sep");
  // A lone 0x9B is CSI to a terminal that is not in UTF-8 mode.
  CHECK(printable("csi \x9B"
                  "2J") == "csi \\x9b2J");
  CHECK(printable("cut \xC2") == "cut \\xc2");
  CHECK(printable("\xFF\xFE") == "\\xff\\xfe");
  CHECK(hros::has_control("\xE2\x80\xAE"));
  // Right-to-left text itself is kept.
  CHECK(printable("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D") == "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
}
