// hros.yaml and the bank's own schema, on fixture trees under
// tests/data/config: finding the file by walking up, `cases:`, `schema:`,
// `rules:` severities, `ignore:`, `promotional_phrases:`, `--config` and
// `--root`, and broken configurations and schemas (located errors, exit 2).
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::TempDir;

namespace {

const std::string k_file = "structured-interviews-for-team-leads.md";
const std::string k_store_file = "structured-interviews-for-store-leads.md";

fs::path config_dir(const std::string& name) {
  return hros::test::data_dir() / "config" / name;
}

RunResult run_from(const fs::path& cwd, const std::vector<std::string>& args) {
  RunOptions options;
  options.cwd = cwd;
  return run_hros(args, options);
}

} // namespace

TEST_CASE("config: hros.yaml is found from a subdirectory", "[lint][config]") {
  // walk-up/hros.yaml: cases: stories, whitespace off, content.promotional an
  // error, drafts/* ignored (its case has no closing '---').
  auto result = run_from(config_dir("walk-up") / "sub" / "deeper", {"lint"});
  std::string path = (config_dir("walk-up") / "stories" / k_file).string();
  CHECK(result.out ==
        path +
            ":33:32: error: promotional phrase 'world-class': the bank shares practice, not sales "
            "pitches [content.promotional]\n"
            "   33 | Four questions, scored against world-class anchors.\n"
            "      |                                ^\n"
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.err.empty());
  CHECK(result.exit_code == 1);
}

TEST_CASE("config: paths are shown relative to the working directory", "[lint][config]") {
  auto result = run_from(config_dir("walk-up"), {"lint"});
  CHECK(result.out ==
        "stories/" + k_file +
            ":33:32: error: promotional phrase 'world-class': the bank shares practice, not sales "
            "pitches [content.promotional]\n"
            "   33 | Four questions, scored against world-class anchors.\n"
            "      |                                ^\n"
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("config: without the settings the same case has warnings only", "[lint][config]") {
  // The same files linted with no hros.yaml in force: --root names the
  // directory and the built-in rules apply. (tests/data has no hros.yaml.)
  TempDir dir;
  fs::copy(config_dir("walk-up") / "stories", dir.path() / "cases", fs::copy_options::recursive);
  auto result = run_from(dir.path(), {"lint"});
  CHECK(
      result.out ==
      "cases/drafts/half-written.md:1:1: error: the front matter is not closed: add a '---' line "
      "after the last field [frontmatter.unclosed]\n"
      "    1 | ---\n"
      "      | ^\n"
      "cases/" +
          k_file +
          ":33:32: warning: promotional phrase 'world-class': the bank shares practice, not sales "
          "pitches [content.promotional]\n"
          "   33 | Four questions, scored against world-class anchors.\n"
          "      |                                ^\n"
          "cases/" +
          k_file +
          ":45:43: warning: trailing whitespace [whitespace.trailing]\n"
          "   45 | Scoring took longer than planned at first.  \n"
          "      |                                           ^\n"
          "1 error and 2 warnings in 2 files checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("config: --root overrides hros.yaml's cases directory", "[lint][config]") {
  // The rules of hros.yaml still apply; only the directory changes.
  auto result = run_from(config_dir("walk-up"), {"--root", "other-cases", "lint"});
  CHECK(result.out ==
        "other-cases/" + k_store_file +
            ":6:11: warning: 'tech' stands for 'technology' in 'industry'; write 'technology' "
            "[schema.synonym]\n"
            "    6 | industry: tech\n"
            "      |           ^\n"
            "0 errors and 1 warning in 1 file checked (0 with errors)\n");
  CHECK(result.exit_code == 0);
}

TEST_CASE("config: ignore globs skip files, also when named on the command line's directory",
          "[lint][config]") {
  auto result = run_from(config_dir("walk-up"), {"lint", "stories"});
  CHECK(result.out.find("half-written") == std::string::npos);
  CHECK(result.out.find("1 error and 0 warnings in 1 file checked (1 with errors)\n") !=
        std::string::npos);
}

TEST_CASE("config: the bank's own schema adds a field and an industry", "[lint][config]") {
  auto result = run_from(config_dir("custom-schema"), {"lint"});
  CHECK(result.out ==
        "cases/" + k_store_file +
            ":24:10: error: unknown funding 'grnt'; did you mean 'grant'? [schema.enum]\n"
            "   24 | funding: grnt\n"
            "      |          ^\n"
            "1 error and 0 warnings in 2 files checked (1 with errors)\n");
  CHECK(result.err.empty());
  CHECK(result.exit_code == 1);
}

TEST_CASE("config: --config FILE from another directory", "[lint][config]") {
  auto result = run_hros({"--config", "config/custom-schema/hros.yaml", "lint"});
  CHECK(result.out ==
        "config/custom-schema/cases/" + k_store_file +
            ":24:10: error: unknown funding 'grnt'; did you mean 'grant'? [schema.enum]\n"
            "   24 | funding: grnt\n"
            "      |          ^\n"
            "1 error and 0 warnings in 2 files checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
  // The same file with the built-in schema: `funding` and `veterinary` are unknown.
  auto builtin = run_hros(
      {"--root", "config/custom-schema/cases", "lint", "config/custom-schema/cases/" + k_file});
  CHECK(
      builtin.out ==
      "config/custom-schema/cases/" + k_file +
          ":6:11: error: unknown industry 'veterinary'; 'hros schema --format markdown' lists the "
          "values [schema.enum]\n"
          "    6 | industry: veterinary\n"
          "      |           ^\n"
          "config/custom-schema/cases/" +
          k_file +
          ":24:1: error: unknown field 'funding' [schema.unknown-field]\n"
          "   24 | funding: grant\n"
          "      | ^\n"
          "2 errors and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(builtin.exit_code == 1);
}

TEST_CASE("config: hros schema prints the bank's schema", "[schema][config]") {
  auto result = run_from(config_dir("custom-schema"), {"schema"});
  CHECK(result.out == hros::test::read_text(config_dir("custom-schema") / "schema" / "bank.yaml"));
  CHECK(result.exit_code == 0);
}

TEST_CASE("config: a rule's own setting wins over its prefix", "[lint][config]") {
  // rules: {schema: warning, schema.enum: error}
  auto result = run_hros({"--config", "config/severities/hros.yaml", "lint"});
  CHECK(result.out ==
        "config/severities/cases/" + k_store_file +
            ":2:8: warning: 'title' is too short: 5 characters, at least 10 expected "
            "[schema.length]\n"
            "    2 | title: Store\n"
            "      |        ^\n"
            "config/severities/cases/" +
            k_file +
            ":6:11: error: 'Retail' should be written 'retail' in 'industry' [schema.enum]\n"
            "    6 | industry: Retail\n"
            "      |           ^\n"
            "1 error and 1 warning in 2 files checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("config: promotional_phrases replaces the schema's list", "[lint][config]") {
  // The case says "world-class" (in the built-in list) and "best practice" (in hros.yaml's).
  auto result = run_hros({"--config", "config/phrases/hros.yaml", "lint"});
  CHECK(result.out ==
        "config/phrases/cases/" + k_file +
            ":33:44: warning: promotional phrase 'best practice': the bank shares practice, not "
            "sales pitches [content.promotional]\n"
            "   33 | Four world-class questions, scored against best practice anchors.\n"
            "      |                                            ^\n"
            "0 errors and 1 warning in 1 file checked (0 with errors)\n");
  CHECK(result.exit_code == 0);
}

TEST_CASE("config: an unknown key in hros.yaml suggests the right one", "[lint][config]") {
  auto result = run_hros({"--config", "config/broken-key/hros.yaml", "lint"});
  CHECK(result.out.empty());
  CHECK(
      result.err ==
      "config/broken-key/hros.yaml:2:1: error: unknown key 'case'; did you mean 'cases'? [config]\n"
      "    2 | case: stories\n"
      "      | ^\n"
      "hros: error: config/broken-key/hros.yaml has errors; fix them first\n");
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: a hros.yaml found by walking up is named relative to the working directory",
          "[lint][config]") {
  // As case files and the schema file are: "hros.yaml", not an absolute path.
  auto result = run_from(config_dir("broken-key"), {"lint"});
  CHECK(result.err == "hros.yaml:2:1: error: unknown key 'case'; did you mean 'cases'? [config]\n"
                      "    2 | case: stories\n"
                      "      | ^\n"
                      "hros: error: hros.yaml has errors; fix them first\n");
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: invalid YAML in hros.yaml", "[lint][config]") {
  auto result = run_hros({"--config", "config/broken-yaml/hros.yaml", "lint"});
  CHECK(result.out.empty());
  CHECK(result.err ==
        "config/broken-yaml/hros.yaml:2:18: error: invalid YAML: illegal map value (check the "
        "indentation, and quote values that contain ': ') [config]\n"
        "    2 | rules: whitespace: off\n"
        "      |                  ^\n"
        "hros: error: config/broken-yaml/hros.yaml has errors; fix them first\n");
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: a rule set to something other than off, warning or error", "[lint][config]") {
  auto result = run_hros({"--config", "config/bad-setting/hros.yaml", "lint"});
  CHECK(result.err == "config/bad-setting/hros.yaml:2:15: error: rule 'whitespace' is set to 'of'; "
                      "use off, warning or error "
                      "[config]\n"
                      "    2 |   whitespace: of\n"
                      "      |               ^\n"
                      "hros: error: config/bad-setting/hros.yaml has errors; fix them first\n");
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: a misspelt rule id is reported, not ignored", "[lint][config]") {
  // `whitespace.trailng: off` would otherwise silently leave the rule on.
  auto result = run_hros({"--config", "config/unknown-rule/hros.yaml", "lint"});
  INFO(result.out);
  CHECK(result.err.find("config/unknown-rule/hros.yaml:3:3: error: unknown rule "
                        "'whitespace.trailng'; did you mean "
                        "'whitespace.trailing'? [config]\n") == 0);
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: a broken schema file gives located errors", "[lint][config][schema]") {
  std::string expected =
      "config/broken-schema/schema.yaml:5:11: error: unknown type 'strng'; did you mean 'string'? "
      "[schema-file]\n"
      "    5 |     type: strng\n"
      "      |           ^\n"
      "config/broken-schema/schema.yaml:8:5: error: enum field 'kind' needs a list of values "
      "[schema-file]\n"
      "    8 |     type: enum\n"
      "      |     ^\n"
      "config/broken-schema/schema.yaml:12:14: error: 'pattern' of field 'slug' is not a valid "
      "regular "
      "expression: Unexpected character within '[...]' in regular expression [schema-file]\n"
      "   12 |     pattern: \"[a-z\"\n"
      "      |              ^\n"
      "hros: error: the schema config/broken-schema/schema.yaml has errors; fix them first\n";
  auto lint = run_hros({"--config", "config/broken-schema/hros.yaml", "lint"});
  CHECK(lint.out.empty());
  CHECK(lint.err == expected);
  CHECK(lint.exit_code == 2);
  auto schema = run_hros({"--config", "config/broken-schema/hros.yaml", "schema"});
  CHECK(schema.out.empty());
  CHECK(schema.err == expected);
  CHECK(schema.exit_code == 2);
}

TEST_CASE("config: a schema file that does not exist", "[lint][config]") {
  TempDir dir;
  dir.write("hros.yaml", "schema: nowhere.yaml\n");
  dir.write("cases/.keep", "");
  auto result = run_from(dir.path(), {"lint"});
  CHECK(result.out.empty());
  CHECK(result.err.rfind("hros: error: cannot read ", 0) == 0);
  CHECK(result.err.find("nowhere.yaml") != std::string::npos);
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: hros.yaml naming a cases directory that does not exist", "[lint][config]") {
  auto result = run_hros({"--config", "config/no-cases/hros.yaml", "lint"});
  CHECK(result.out.empty());
  CHECK(
      result.err ==
      "hros: error: no cases directory at config/no-cases/missing (give one with --root DIR or in "
      "hros.yaml)\n");
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: a cases path with control characters is written out", "[lint][config]") {
  // A cloned bank's hros.yaml names the directory: its bytes must not reach
  // the terminal as they are, whichever command reports it missing.
  TempDir dir;
  dir.write("hros.yaml", "cases: \"evil\\e]0;pwned\\a\\u202Edir\"\n");
  const std::vector<std::vector<std::string>> commands = {
      {"lint"},
      {"list"},
      {"search", "hiring"},
      {"related", "x"},
      {"stats"},
      {"show", "x"},
      {"export", "--format", "json", "-o", "-"}};
  for (const std::vector<std::string>& command : commands) {
    auto result = run_from(dir.path(), command);
    INFO(command[0] << ": " << result.err);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err.rfind("hros: error: no cases directory at evil", 0) == 0);
    CHECK(result.err.find('\x1b') == std::string::npos);
    CHECK(result.err.find('\a') == std::string::npos);
    CHECK(result.err.find("\xE2\x80\xAE") == std::string::npos);
    CHECK(result.err.find("\\x1b]0;pwned\\x07\\u202edir") != std::string::npos);
  }
}

TEST_CASE("config: no hros.yaml and no ./cases", "[lint][config]") {
  TempDir dir;
  auto result = run_from(dir.path(), {"lint"});
  CHECK(result.out.empty());
  CHECK(result.err ==
        "hros: error: no cases directory at cases (give one with --root DIR or in hros.yaml)\n");
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: --root naming a directory that does not exist", "[lint][config]") {
  auto result = run_hros({"--root", "config/nowhere", "lint"});
  CHECK(result.out.empty());
  CHECK(result.err ==
        "hros: error: no cases directory at config/nowhere (give one with --root DIR or in "
        "hros.yaml)\n");
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: --config naming a file that does not exist", "[lint][config]") {
  auto result = run_hros({"--config", "config/nowhere.yaml", "lint"});
  CHECK(result.out.empty());
  CHECK(result.err == "hros: error: no configuration file 'config/nowhere.yaml'\n");
  CHECK(result.exit_code == 2);
}

TEST_CASE("config: a PATH that does not exist is a usage error", "[lint][config]") {
  auto alone = run_hros({"lint", "config/no-such-case.md"});
  CHECK(alone.out.empty());
  CHECK(alone.err == "hros: error: no such file or directory: config/no-such-case.md\n");
  CHECK(alone.exit_code == 2);
  // With a file that does exist, that file is still checked and reported.
  auto mixed =
      run_hros({"lint", "config/no-such-case.md", "config/walk-up/other-cases/" + k_store_file});
  CHECK(mixed.err == "hros: error: no such file or directory: config/no-such-case.md\n");
  CHECK(mixed.out.find("0 errors and 1 warning in 1 file checked (0 with errors)\n") !=
        std::string::npos);
  CHECK(mixed.exit_code == 2);
}
