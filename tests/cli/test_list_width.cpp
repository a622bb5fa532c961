// `hros list`'s table on tests/data/list/wide: Japanese titles and
// organisations (two columns a character) and accents written as a letter
// plus a combining mark (no column). Widths are measured here with Python's
// Unicode database, not with hros's own table, so the two must agree.
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <string>

using hros::test::python_on;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;

namespace {

RunResult list_in_columns(const std::string& columns) {
  RunOptions options;
  options.env = {"COLUMNS=" + columns};
  return run_hros({"--root", "list/wide", "list"}, options);
}

// "ok" when the table is valid UTF-8, every line fits `columns`, the widest
// fills it, every cell starts at its heading's column on every row (nothing
// is cut inside a character), and no combining mark is torn from its letter.
const std::string k_check_table = R"(
import sys, unicodedata

def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1

lines = open(sys.argv[1], "rb").read().decode("utf-8").split("\n")
assert lines.pop() == "", "no newline at the end"
header = lines[0]
starts = [i for i, ch in enumerate(header) if ch != " " and (i == 0 or header[i - 1] == " ")]
problems = []
widest = 0
for number, line in enumerate(lines, 1):
    at = {}  # display column -> the character starting there
    x = 0
    previous = " "
    for ch in line:
        if width(ch) > 0:
            at[x] = ch
        elif previous in (" ", "\u2026"):
            problems.append(f"line {number}: a combining mark torn from its letter")
        x += width(ch)
        previous = ch
    widest = max(widest, x)
    if x > columns:
        problems.append(f"line {number} is {x} columns wide")
    for start in starts[1:]:
        if start >= x:
            continue
        if at.get(start - 2) != " " or at.get(start - 1) != " " or start not in at:
            problems.append(f"line {number}: no cell starts at column {start}")
if widest != columns:
    problems.append(f"the widest line is {widest} columns, not {columns}")
print("\n".join(problems) if problems else "ok")
)";

std::string check_table(const std::string& table, const std::string& columns) {
  return python_on("columns = " + columns + "\n" + k_check_table, table);
}

} // namespace

TEST_CASE("list: wide and combining characters fit COLUMNS exactly", "[list][width]") {
  // Odd and even widths, so that a cut lands both beside and inside a
  // two-column character.
  for (const char* columns : {"60", "57", "58", "59", "61", "62", "63", "64", "75", "90"}) {
    INFO("COLUMNS=" << columns);
    RunResult result = list_in_columns(columns);
    REQUIRE(result.exit_code == 0);
    CHECK(result.err.empty());
    INFO(result.out);
    CHECK(check_table(result.out, columns) == "ok\n");
  }
}

TEST_CASE("list: a cell cut short keeps its accents and ends in an ellipsis", "[list][width]") {
  RunResult result = list_in_columns("60");
  REQUIRE(result.exit_code == 0);
  // "Café Sérgio & Filhos", its accents combining marks, cut to eight
  // columns: the accent stays with its letter.
  CHECK(result.out.find("  Cafe\xCC\x81 Se\xCC\x81\xE2\x80\xA6  ") != std::string::npos);
  // "東京の物流センター…" in eight columns: three characters and the ellipsis,
  // padded by one column where a fourth would not fit.
  CHECK(result.out.find("  東京の\xE2\x80\xA6   株式会\xE2\x80\xA6   ") != std::string::npos);
  // Without a width (a pipe, no COLUMNS) rows are printed whole.
  RunResult whole = run_hros({"--root", "list/wide", "list"});
  CHECK(whole.out.find("東京の物流センターで新人研修を一から作り直した話") != std::string::npos);
  CHECK(whole.out.find("\xE2\x80\xA6") == std::string::npos);
}
