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
  CHECK(printable("cut \xC2") == "cut \xC2");
  CHECK_FALSE(hros::has_control("tab\tand caf\xC3\xA9"));
  CHECK(hros::has_control("a\x1b"));
}
