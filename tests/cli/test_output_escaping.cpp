// What a case holds is printed to terminals and CI logs: control characters
// in it (an escape sequence in a body line, a quoted `\e` in the front matter,
// a newline in a file name) are written out, never sent raw. Found by the
// case_check fuzz target. Odd file names are made at run time, never
// committed.
#include "hostile_inputs.hpp"
#include "run_hros.hpp"

#include "hros/terminal_text.hpp"
#include "hros/utf8.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using hros::test::python_on;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::TempDir;
namespace hostile = hros::test::hostile;

namespace {

const std::string k_case = "---\n"
                           "title: \"Structured interviews \\e[2J for everyone\"\n"
                           "kind: spark\n"
                           "organization: Example Co\n"
                           "industry: \"retail\\e[2J\"\n"
                           "company_size: 51-200\n"
                           "regions: [NO]\n"
                           "topics: [hiring]\n"
                           "summary: We moved every interview to a scored rubric.\n"
                           "---\n"
                           "\n"
                           "## What we did\n"
                           "\n"
                           "We wrote a \x1b]0;owned\x07rubric. \n";

// File names that would retitle the window, start a line of their own, or
// show the reader "md.txt" for a file that is "\u202etxt.md"; and how reports
// write them.
struct OddName {
  std::string name;
  std::string shown;
};
const std::vector<OddName> k_odd_names = {
    {"evil\x1b]0;x\x07.md", "evil\\x1b]0;x\\x07.md"},
    {"a\nb.md", "a\\nb.md"},
    {"\xE2\x80\xAE"
     "dm.txt.md",
     "\\u202edm.txt.md"},
};

// What in `text` could act on a terminal or reorder what it shows: a control
// character other than '\n', a bidirectional override or isolate, or a byte
// that is not UTF-8. Empty when there is nothing.
std::string unsafe_in(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    if (hros::utf8_sequence_length(text, i) == 0) {
      return "a byte that is not UTF-8 at " + std::to_string(i);
    }
    hros::CodePoint point = hros::decode_utf8(text, i);
    char32_t c = point.value;
    if ((c < 0x20 && c != '\n') || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2066 && c <= 0x2069)) {
      return "U+" + std::to_string(static_cast<unsigned>(c)) + " at " + std::to_string(i);
    }
    i += point.length;
  }
  return "";
}

RunResult run_in(const TempDir& dir, const std::vector<std::string>& args) {
  RunOptions options;
  options.cwd = dir.path();
  return run_hros(args, options);
}

bool has_raw_control(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7f;
  });
}

} // namespace

TEST_CASE("lint output writes out control characters from a case", "[lint][escaping]") {
  TempDir dir;
  dir.write("cases/structured-interviews.md", k_case);
  RunOptions options;
  options.cwd = dir.path();
  for (const char* format : {"text", "github"}) {
    INFO(format);
    auto result = run_hros({"lint", "--format", format}, options);
    CHECK_FALSE(has_raw_control(result.out));
    CHECK(result.out.find("unknown industry 'retail\\x1b[2J'") != std::string::npos);
    CHECK(result.out.find("whitespace.trailing") != std::string::npos);
  }
  auto text = run_hros({"lint"}, options);
  // The caret stays under the trailing space, counting the written-out form.
  CHECK(text.out.find("   14 | We wrote a \\x1b]0;owned\\x07rubric. \n      | " +
                      std::string(34, ' ') + "^\n") != std::string::npos);
}

TEST_CASE("list output writes out control characters from a case", "[list][escaping]") {
  TempDir dir;
  dir.write("cases/structured-interviews.md", k_case);
  RunOptions options;
  options.cwd = dir.path();
  auto result = run_hros({"list", "--columns", "slug,title"}, options);
  CHECK(result.exit_code == 0);
  CHECK_FALSE(has_raw_control(result.out));
  CHECK(result.out.find("Structured interviews \\x1b[2J for everyone") != std::string::npos);
}

TEST_CASE("lint and list write out what a file name holds", "[lint][list][escaping]") {
  for (const OddName& odd : k_odd_names) {
    INFO(odd.shown);
    TempDir dir;
    const std::string path = "cases/" + odd.name;
    const std::string shown = "cases/" + odd.shown;
    // A diagnostic about the file: its slug is not its name.
    dir.write(path, hostile::make_case("x"));
    for (const char* format : {"text", "github"}) {
      RunResult lint = run_in(dir, {"lint", "--format", format});
      CHECK(lint.exit_code == 1);
      CHECK(unsafe_in(lint.out + lint.err).empty());
      CHECK(lint.out.find(shown) != std::string::npos);
    }
    // What --fix changed, on stderr.
    dir.write(path,
              hostile::replace_first(hostile::make_case("x"), "## ", "Trailing spaces.   \n\n## "));
    RunResult fixed = run_in(dir, {"lint", "--fix"});
    CHECK(unsafe_in(fixed.out + fixed.err).empty());
    CHECK(fixed.err.find("hros: fixed " + shown + ": ") != std::string::npos);
    // A path given on the command line that does not exist.
    RunResult missing = run_in(dir, {"lint", "cases/missing-" + odd.name});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err ==
          "hros: error: no such file or directory: cases/missing-" + odd.shown + "\n");
    // list's warning about a case it skips.
    dir.write(path, "---\ntitle: [unclosed\n---\n");
    RunResult list = run_in(dir, {"list"});
    CHECK(unsafe_in(list.out + list.err).empty());
    CHECK(list.err.rfind("hros: warning: " + shown + ": skipped: ", 0) == 0);
  }
}

TEST_CASE("lint's JSON and SARIF keep a file name exact", "[lint][escaping]") {
  TempDir dir;
  for (const OddName& odd : k_odd_names) {
    dir.write("cases/" + odd.name, hostile::make_case("x"));
  }
  RunResult json = run_in(dir, {"lint", "--format", "json"});
  CHECK(python_on(R"(
import json, sys
report = json.load(open(sys.argv[1]))
print(json.dumps(sorted({d["path"] for d in report["diagnostics"]})))
)",
                  json.out) ==
        "[\"cases/a\\nb.md\", \"cases/evil\\u001b]0;x\\u0007.md\", \"cases/\\u202edm.txt.md\"]\n");
  RunResult sarif = run_in(dir, {"lint", "--format", "sarif"});
  CHECK(python_on(R"(
import json, sys, urllib.parse
report = json.load(open(sys.argv[1]))
uris = {urllib.parse.unquote(location["physicalLocation"]["artifactLocation"]["uri"])
        for result in report["runs"][0]["results"] for location in result["locations"]}
print(json.dumps(sorted(uris)))
)",
                  sarif.out) ==
        "[\"cases/a\\nb.md\", \"cases/evil\\u001b]0;x\\u0007.md\", \"cases/\\u202edm.txt.md\"]\n");
}

TEST_CASE("lint's caret counts a wide character as two columns", "[lint][escaping]") {
  TempDir dir;
  const std::string line = "東京で研修を変えた。 "; // ten wide characters, then a space
  dir.write("cases/x.md", hostile::replace_first(hostile::make_case("x"), "## ", line + "\n\n## "));
  RunResult lint = run_in(dir, {"lint"});
  CHECK(lint.out.find(" | " + line + "\n      | " + std::string(20, ' ') + "^\n") !=
        std::string::npos);
}
