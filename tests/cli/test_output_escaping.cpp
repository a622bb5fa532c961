// What a case holds is printed to terminals and CI logs: control characters
// in it (an escape sequence in a body line, a quoted `\e` in the front matter,
// a newline in a file name) are written out, never sent raw. Found by the
// case_check fuzz target.
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::TempDir;

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
