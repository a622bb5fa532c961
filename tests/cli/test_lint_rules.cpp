// One fixture per lint rule under tests/data/rules/<rule-id>/cases: a valid
// case with exactly one thing changed, so each run shows exactly the
// diagnostic under test, with its position, source line and caret, the
// summary and the exit code. Then `lint --fix` on copies of the fixtures.
#include "run_hros.hpp"

#include "hros/rules.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace fs = std::filesystem;
using hros::test::read_text;
using hros::test::run_hros;
using hros::test::RunResult;
using hros::test::TempDir;

namespace {

const std::string k_file = "structured-interviews-for-team-leads.md";
const std::string k_store_file = "structured-interviews-for-store-leads.md";

// The displayed path of a fixture file, relative to tests/data.
std::string fixture(const std::string& rule, const std::string& file = k_file) {
  return "rules/" + rule + "/cases/" + file;
}

// `hros --root rules/<rule>/cases lint [extra...]`, run from tests/data.
RunResult lint_rule(const std::string& rule, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"--root", "rules/" + rule + "/cases", "lint"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_hros(args);
}

// `hros --config rules/<rule>/hros.yaml lint`: fixtures with their own schema.
RunResult lint_rule_with_config(const std::string& rule) {
  return run_hros({"--config", "rules/" + rule + "/hros.yaml", "lint"});
}

// The two lines a located diagnostic shows under its message.
std::string source(int line, const std::string& text, int column) {
  std::string gutter = std::to_string(line);
  gutter = std::string(5 - gutter.size(), ' ') + gutter;
  return gutter + " | " + text + "\n" + "      | " +
         std::string(static_cast<std::size_t>(column - 1), ' ') + "^\n";
}

// Replaces the first `from` in `text` by `to`; `from` must be there.
void replace_in(std::string& text, const std::string& from, const std::string& to) {
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

ino_t inode_of(const fs::path& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_ino;
}

// Copies a fixture's cases into `dir`/cases and returns that directory.
fs::path copy_cases(const std::string& rule, const TempDir& dir) {
  fs::path target = dir.path() / "cases";
  fs::create_directories(target);
  fs::copy(hros::test::data_dir() / "rules" / rule / "cases", target, fs::copy_options::recursive);
  return target;
}

RunResult run_in(const TempDir& dir, const std::vector<std::string>& args) {
  hros::test::RunOptions options;
  options.cwd = dir.path();
  return run_hros(args, options);
}

} // namespace

TEST_CASE("every lint rule has a fixture under tests/data/rules", "[lint][rules]") {
  // Rules covered elsewhere: they need unreadable, huge or symlinked files.
  const std::set<std::string> elsewhere = {
      "file.read",      "file.too-large",        "file.symlink", "file.too-many-problems",
      "file.extension", "frontmatter.too-large", "yaml.limit",   "yaml.document",
      "body.limit"};
  for (const hros::RuleInfo& rule : hros::lint_rules()) {
    std::string id(rule.id);
    if (elsewhere.count(id) != 0) {
      continue;
    }
    INFO(id);
    CHECK(fs::is_directory(hros::test::data_dir() / "rules" / id / "cases"));
  }
}

TEST_CASE("rules: the unchanged base case is clean", "[lint][rules]") {
  auto result = lint_rule("valid", {"--strict"});
  CHECK(result.out == "1 file checked, no problems found\n");
  CHECK(result.err.empty());
  CHECK(result.exit_code == 0);
}

TEST_CASE("rules: a BOM and CRLF line endings are fine", "[lint][rules]") {
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : text) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  }
  dir.write("cases/" + k_file, crlf);
  auto result = run_in(dir, {"lint", "--strict"});
  CHECK(result.out == "1 file checked, no problems found\n");
  CHECK(result.exit_code == 0);
}

TEST_CASE("rules: file.encoding locates an invalid UTF-8 byte", "[lint][rules]") {
  auto result = lint_rule("file.encoding");
  CHECK(result.out ==
        fixture("file.encoding") +
            ":29:27: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8 [file.encoding]\n"
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: file.encoding names UTF-16 and NUL bytes", "[lint][rules]") {
  TempDir dir;
  dir.write("cases/utf-sixteen.md", std::string("\xFF\xFE-\0-\0-\0\n\0", 10));
  dir.write("cases/with-nul.md", std::string("---\ntitle: a\0b\n", 15));
  auto result = run_in(dir, {"lint"});
  CHECK(result.out ==
        "cases/utf-sixteen.md:1:1: error: the file is UTF-16; save it as UTF-8 [file.encoding]\n"
        "cases/with-nul.md:2:9: error: the file contains a NUL byte; is it a binary file? "
        "[file.encoding]\n"
        "2 errors and 0 warnings in 2 files checked (2 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: frontmatter.missing", "[lint][rules]") {
  auto result = lint_rule("frontmatter.missing");
  CHECK(result.out ==
        fixture("frontmatter.missing") +
            ":1:1: error: no front matter: a case starts with a '---' line, then its fields, then "
            "another '---' line [frontmatter.missing]\n" +
            source(1, "title: Structured interviews for warehouse team leads", 1) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: frontmatter.unclosed", "[lint][rules]") {
  auto result = lint_rule("frontmatter.unclosed");
  CHECK(result.out ==
        fixture("frontmatter.unclosed") +
            ":1:1: error: the front matter is not closed: add a '---' line after the last field "
            "[frontmatter.unclosed]\n" +
            source(1, "---", 1) + "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: yaml.syntax points at the list whose bracket is not closed", "[lint][rules]") {
  // `regions: [US, CA` on line 8; the next line is fine. yaml-cpp notices the
  // problem on line 9, but the contributor has to fix line 8.
  auto result = lint_rule("yaml.syntax", {fixture("yaml.syntax")});
  CHECK(result.out ==
        fixture("yaml.syntax") +
            ":8:10: error: invalid YAML: the list opened here has no closing bracket ']' "
            "[yaml.syntax]\n" +
            source(8, "regions: [US, CA", 10) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: yaml.syntax points at a quote that is not closed", "[lint][rules]") {
  // `title: "Structured interviews ...` on line 2 never closes its quote;
  // yaml-cpp stumbles over it only at line 21.
  auto result = lint_rule("yaml.syntax", {fixture("yaml.syntax", "unclosed-quote.md")});
  CHECK(result.out ==
        fixture("yaml.syntax", "unclosed-quote.md") +
            ":2:8: error: invalid YAML: the quote (\") opened here is not closed on this line "
            "[yaml.syntax]\n" +
            source(2, "title: \"Structured interviews for warehouse team leads", 8) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: yaml.syntax for a single quote that is not closed", "[lint][rules]") {
  // Without the closing quote, the title would swallow every later field and
  // the contributor would see nine "missing required field" errors instead.
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(text, "title: Structured interviews", "title: 'Structured interviews");
  dir.write("cases/" + k_file, text);
  auto result = run_in(dir, {"lint"});
  CHECK(result.out ==
        "cases/" + k_file +
            ":2:8: error: invalid YAML: the quote (') opened here is not closed on this line "
            "[yaml.syntax]\n" +
            source(2, "title: 'Structured interviews for warehouse team leads", 8) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: yaml.syntax explains an illegal map value", "[lint][rules]") {
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(text, "We replaced unstructured", "We replaced: unstructured");
  dir.write("cases/" + k_file, text);
  auto result = run_in(dir, {"lint"});
  CHECK(result.out == "cases/" + k_file +
                          ":16:21: error: invalid YAML: illegal map value (check the indentation, "
                          "and quote values that "
                          "contain ': ') [yaml.syntax]\n" +
                          source(16,
                                 "summary: We replaced: unstructured chats with four scored "
                                 "questions for every team lead role.",
                                 21) +
                          "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: yaml.duplicate-key names the first line", "[lint][rules]") {
  auto result = lint_rule("yaml.duplicate-key");
  CHECK(result.out ==
        fixture("yaml.duplicate-key") +
            ":15:1: error: duplicate field 'status' (first set on line 14); keep only one "
            "[yaml.duplicate-key]\n" +
            source(15, "status: draft", 1) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: yaml.complex-key", "[lint][rules]") {
  auto result = lint_rule("yaml.complex-key");
  CHECK(result.out ==
        fixture("yaml.complex-key") +
            ":24:1: error: a field name must be plain text, not a list or a set of fields "
            "[yaml.complex-key]\n" +
            source(24, "[a, b]: c", 1) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: yaml.ambiguous warns about NO and 010", "[lint][rules]") {
  // The field is 'regions' to a contributor; 'regions[]' is hros's internal name.
  std::string expected = fixture("yaml.ambiguous") +
                         ":8:11: warning: 'NO' in 'regions' is read as the boolean false by YAML "
                         "1.1 tools; quote it (\"NO\") to "
                         "be unambiguous [yaml.ambiguous]\n" +
                         source(8, "regions: [NO]", 11) + fixture("yaml.ambiguous") +
                         ":22:13: warning: '010' in 'metrics.period' is read as the octal number 8 "
                         "by YAML 1.1 tools; quote it "
                         "(\"010\") to be unambiguous [yaml.ambiguous]\n" +
                         source(22, "    period: 010", 13) +
                         "0 errors and 2 warnings in 1 file checked (0 with errors)\n";
  auto result = lint_rule("yaml.ambiguous");
  CHECK(result.out == expected);
  CHECK(result.exit_code == 0);
  auto strict = lint_rule("yaml.ambiguous", {"--strict"});
  CHECK(strict.out == expected);
  CHECK(strict.exit_code == 1);
}

TEST_CASE("rules: schema.required gives the field's hint", "[lint][rules]") {
  auto result = lint_rule("schema.required");
  CHECK(result.out ==
        fixture("schema.required") +
            ":2:1: error: missing required field 'organization' (Who ran the initiative. Mark "
            "fictional organisations with example: true.) [schema.required]\n" +
            source(2, "title: Structured interviews for warehouse team leads", 1) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.unknown-field suggests the field meant", "[lint][rules]") {
  // A misspelt required field is both unknown and missing; both are reported.
  auto result = lint_rule("schema.unknown-field");
  CHECK(result.out ==
        fixture("schema.unknown-field") +
            ":2:1: error: missing required field 'industry' (The organisation's main industry.) "
            "[schema.required]\n" +
            source(2, "title: Structured interviews for warehouse team leads", 1) +
            fixture("schema.unknown-field") +
            ":6:1: error: unknown field 'industy'; did you mean 'industry'? "
            "[schema.unknown-field]\n" +
            source(6, "industy: logistics", 1) +
            "2 errors and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.type shows how to write a list", "[lint][rules]") {
  auto result = lint_rule("schema.type");
  CHECK(result.out ==
        fixture("schema.type") +
            ":8:10: error: field 'regions' should be a list, like [US], not a single value "
            "[schema.type]\n" +
            source(8, "regions: US", 10) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.enum suggests a close value and the right case", "[lint][rules]") {
  auto result = lint_rule("schema.enum");
  CHECK(result.out ==
        fixture("schema.enum", k_store_file) +
            ":6:11: error: 'Retail' should be written 'retail' in 'industry' [schema.enum]\n" +
            source(6, "industry: Retail", 11) + fixture("schema.enum") +
            ":6:11: error: unknown industry 'fintec'; did you mean 'fintech'? [schema.enum]\n" +
            source(6, "industry: fintec", 11) +
            "2 errors and 0 warnings in 2 files checked (2 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.synonym is a warning", "[lint][rules]") {
  std::string expected =
      fixture("schema.synonym") +
      ":6:11: warning: 'tech' stands for 'technology' in 'industry'; write 'technology' "
      "[schema.synonym]\n" +
      source(6, "industry: tech", 11) +
      "0 errors and 1 warning in 1 file checked (0 with errors)\n";
  auto result = lint_rule("schema.synonym");
  CHECK(result.out == expected);
  CHECK(result.exit_code == 0);
  auto strict = lint_rule("schema.synonym", {"--strict"});
  CHECK(strict.out == expected);
  CHECK(strict.exit_code == 1);
}

TEST_CASE("rules: list items are named by their field", "[lint][rules]") {
  // 'topics[]' and 'regions[]' are hros's internal names; a contributor wrote
  // 'topics' and 'regions'.
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(text, "regions: [US, CA]", "regions: [us, CA]");
  replace_in(text, "topics: [recruiting,", "topics: [hiring,");
  dir.write("cases/" + k_file, text);
  auto result = run_in(dir, {"lint"});
  std::string path = "cases/" + k_file;
  CHECK(result.out ==
        path + ":8:11: error: 'us' should be written 'US' in 'regions' [schema.enum]\n" +
            source(8, "regions: [us, CA]", 11) + path +
            ":9:10: warning: 'hiring' stands for 'recruiting' in 'topics'; write 'recruiting' "
            "[schema.synonym]\n" +
            source(9, "topics: [hiring, candidate-experience]", 10) +
            "1 error and 1 warning in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: a synonym written in capitals is still a synonym", "[lint][rules]") {
  // `dei` is a declared synonym of diversity-equity-inclusion; `DEI` is how
  // most people write it.
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(text, "topics: [recruiting, candidate-experience]", "topics: [recruiting, DEI]");
  dir.write("cases/" + k_file, text);
  std::string expected =
      "cases/" + k_file +
      ":9:22: warning: 'DEI' stands for 'diversity-equity-inclusion' in 'topics'; write "
      "'diversity-equity-inclusion' [schema.synonym]\n" +
      source(9, "topics: [recruiting, DEI]", 22) +
      "0 errors and 1 warning in 1 file checked (0 with errors)\n";
  auto result = run_in(dir, {"lint"});
  CHECK(result.out == expected);
  CHECK(result.exit_code == 0);
  auto fixed = run_in(dir, {"lint", "--fix"});
  CHECK(fixed.err == "hros: fixed cases/" + k_file + ": 'DEI' -> 'diversity-equity-inclusion'\n");
  CHECK(read_text(dir.path() / "cases" / k_file)
            .find("\ntopics: [recruiting, diversity-equity-inclusion]\n") != std::string::npos);
}

TEST_CASE("rules: schema.pattern uses the schema's message", "[lint][rules]") {
  auto result = lint_rule_with_config("schema.pattern");
  CHECK(result.out ==
        fixture("schema.pattern") +
            ":24:10: error: 'case_id': write HR- and four digits, e.g. HR-0042 [schema.pattern]\n" +
            source(24, "case_id: HR-42", 10) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.err.empty());
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.length counts characters", "[lint][rules]") {
  auto result = lint_rule("schema.length");
  CHECK(result.out == fixture("schema.length") +
                          ":2:8: error: 'title' is too short: 6 characters, at least 10 expected "
                          "[schema.length]\n" +
                          source(2, "title: Hiring", 8) +
                          "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.range checks the minimum and the maximum", "[lint][rules]") {
  // Three files: 0 (below 1), 501 (above 500) and 500 (the maximum itself, fine).
  auto result = lint_rule_with_config("schema.range");
  CHECK(result.out ==
        fixture("schema.range", k_store_file) +
            ":24:12: error: 'team_size' is 501, above the maximum 500 [schema.range]\n" +
            source(24, "team_size: 501", 12) + fixture("schema.range") +
            ":24:12: error: 'team_size' is 0, below the minimum 1 [schema.range]\n" +
            source(24, "team_size: 0", 12) +
            "2 errors and 0 warnings in 3 files checked (2 with errors)\n");
  CHECK(result.err.empty());
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.items", "[lint][rules]") {
  auto result = lint_rule("schema.items");
  CHECK(result.out == fixture("schema.items") +
                          ":9:9: error: 'topics' has 7 items, at most 6 allowed [schema.items]\n" +
                          source(9,
                                 "topics: [recruiting, candidate-experience, onboarding, culture, "
                                 "retention, benefits, wellbeing]",
                                 9) +
                          "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.unique points at the repeated item", "[lint][rules]") {
  auto result = lint_rule("schema.unique");
  CHECK(result.out ==
        fixture("schema.unique") +
            ":8:19: error: 'regions' lists 'US' twice (also on line 8) [schema.unique]\n" +
            source(8, "regions: [US, CA, US]", 19) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.date knows leap years", "[lint][rules]") {
  // 2023-02-29 does not exist; the second file's 2024-02-29 does.
  auto result = lint_rule("schema.date");
  CHECK(result.out ==
        fixture("schema.date") +
            ":13:12: error: '2023-02-29' in 'published' is not a date that exists [schema.date]\n" +
            source(13, "published: 2023-02-29", 12) +
            "1 error and 0 warnings in 2 files checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.url", "[lint][rules]") {
  auto result = lint_rule("schema.url");
  CHECK(result.out ==
        fixture("schema.url") +
            ":24:10: error: 'website' should be a web address starting with https://, not "
            "'www.example.org/interviews' [schema.url]\n" +
            source(24, "website: www.example.org/interviews", 10) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.email", "[lint][rules]") {
  auto result = lint_rule("schema.email");
  CHECK(result.out ==
        fixture("schema.email") +
            ":13:12: error: 'authors.email' should be an email address like name@example.org, not "
            "'jane.example.org' [schema.email]\n" +
            source(13, "    email: jane.example.org", 12) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: schema.conditional points at the condition", "[lint][rules]") {
  // `license` is missing because `status: published` (line 14) asks for it;
  // pointing at the title line (the first field) would send the reader there.
  auto result = lint_rule("schema.conditional");
  CHECK(result.out ==
        fixture("schema.conditional") +
            ":14:1: error: field 'license' is required when status is 'published': a published "
            "case needs a publication date and a licence [schema.conditional]\n" +
            source(14, "status: published", 1) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: slug.filename", "[lint][rules]") {
  auto result = lint_rule("slug.filename");
  CHECK(result.out ==
        fixture("slug.filename", "Structured_Interviews.md") +
            ": error: the file name 'Structured_Interviews.md' is not a valid slug: use lowercase "
            "letters, digits and single hyphens, e.g. 'structured-interviews.md' [slug.filename]\n"
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: slug.mismatch", "[lint][rules]") {
  auto result = lint_rule("slug.mismatch");
  CHECK(result.out ==
        fixture("slug.mismatch") +
            ":4:7: error: slug 'structured-interviews' does not match the file name "
            "'structured-interviews-for-team-leads.md'; rename one of them [slug.mismatch]\n" +
            source(4, "slug: structured-interviews", 7) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: sections.missing points where the section belongs", "[lint][rules]") {
  auto result = lint_rule("sections.missing");
  CHECK(result.out ==
        fixture("sections.missing") +
            ":35:1: error: missing section '## How' (a case-study has: Why, What, How, Results, "
            "What didn't work, Learnings, Resources) [sections.missing]\n" +
            source(35, "## Results", 1) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: sections.order", "[lint][rules]") {
  auto result = lint_rule("sections.order");
  CHECK(result.out ==
        fixture("sections.order") +
            ":27:1: error: section '## What' should come after '## Why' [sections.order]\n" +
            source(27, "## What", 1) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: sections.empty", "[lint][rules]") {
  auto result = lint_rule("sections.empty");
  CHECK(result.out ==
        fixture("sections.empty") +
            ":35:1: error: section '## How' is empty; write it, or say why there is nothing to "
            "report [sections.empty]\n" +
            source(35, "## How", 1) + "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: bank.duplicate-slug across subdirectories", "[lint][rules]") {
  auto result = lint_rule("bank.duplicate-slug");
  CHECK(result.out == "rules/bank.duplicate-slug/cases/2024/" + k_file +
                          ": error: slug 'structured-interviews-for-team-leads' is also used by "
                          "rules/bank.duplicate-slug/cases/2023/" +
                          k_file + " [bank.duplicate-slug]\n" +
                          "1 error and 0 warnings in 2 files checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: bank.duplicate-title shows the title line", "[lint][rules]") {
  auto result = lint_rule("bank.duplicate-title");
  CHECK(result.out == fixture("bank.duplicate-title") + ":2:8: error: the title is also used by " +
                          fixture("bank.duplicate-title", k_store_file) +
                          " [bank.duplicate-title]\n" +
                          source(2, "title: Structured interviews for warehouse team leads", 8) +
                          "1 error and 0 warnings in 2 files checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: links.broken shows the link", "[lint][rules]") {
  auto result = lint_rule("links.broken");
  CHECK(
      result.out ==
      fixture("links.broken") +
          ":49:59: error: link to 'pilot-interviews.md', which does not exist [links.broken]\n" +
          source(49,
                 "Write the anchors before the questions, as in [our pilot](pilot-interviews.md).",
                 59) +
          "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: content.promotional is a warning", "[lint][rules]") {
  std::string expected =
      fixture("content.promotional") +
      ":33:32: warning: promotional phrase 'world-class': the bank shares practice, not sales "
      "pitches [content.promotional]\n" +
      source(33, "Four questions, scored against world-class anchors.", 32) +
      "0 errors and 1 warning in 1 file checked (0 with errors)\n";
  auto result = lint_rule("content.promotional");
  CHECK(result.out == expected);
  CHECK(result.exit_code == 0);
  auto strict = lint_rule("content.promotional", {"--strict"});
  CHECK(strict.out == expected);
  CHECK(strict.exit_code == 1);
}

TEST_CASE("rules: whitespace.trailing is a warning", "[lint][rules]") {
  std::string expected = fixture("whitespace.trailing") +
                         ":45:43: warning: trailing whitespace [whitespace.trailing]\n" +
                         source(45, "Scoring took longer than planned at first.   ", 43) +
                         "0 errors and 1 warning in 1 file checked (0 with errors)\n";
  auto result = lint_rule("whitespace.trailing");
  CHECK(result.out == expected);
  CHECK(result.exit_code == 0);
  auto strict = lint_rule("whitespace.trailing", {"--strict"});
  CHECK(strict.exit_code == 1);
}

TEST_CASE("rules: whitespace.final-newline is a warning", "[lint][rules]") {
  std::string expected =
      fixture("whitespace.final-newline") +
      ":52:34: warning: no newline at the end of the file [whitespace.final-newline]\n" +
      source(52, "None: the questions are internal.", 34) +
      "0 errors and 1 warning in 1 file checked (0 with errors)\n";
  auto result = lint_rule("whitespace.final-newline");
  CHECK(result.out == expected);
  CHECK(result.exit_code == 0);
  auto strict = lint_rule("whitespace.final-newline", {"--strict"});
  CHECK(strict.exit_code == 1);
}

TEST_CASE("rules: lint FILE checks only that file", "[lint][rules]") {
  auto result = run_hros({"lint", fixture("schema.enum")});
  CHECK(result.out ==
        fixture("schema.enum") +
            ":6:11: error: unknown industry 'fintec'; did you mean 'fintech'? [schema.enum]\n" +
            source(6, "industry: fintec", 11) +
            "1 error and 0 warnings in 1 file checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("rules: whitespace in fenced code of either fence character is kept", "[lint][rules]") {
  // A ``` line inside a ~~~ block is code, not the end of the block; the
  // trailing spaces after the block (line 7) are still reported.
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(
      text, "Hiring managers asked different questions of every candidate.\n",
      "Hiring managers asked different questions of every candidate.\n\n~~~\ntilde code  \n```\n"
      "still code  \n~~~\n\nAfter the code.   \n");
  dir.write("cases/" + k_file, text);
  auto result = run_in(dir, {"lint"});
  CHECK(result.out == "cases/" + k_file +
                          ":37:16: warning: trailing whitespace [whitespace.trailing]\n" +
                          source(37, "After the code.   ", 16) +
                          "0 errors and 1 warning in 1 file checked (0 with errors)\n");
}

TEST_CASE("rules: whitespace in an indented code block is kept", "[lint][rules]") {
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(
      text, "Hiring managers asked different questions of every candidate.\n",
      "Hiring managers asked different questions of every candidate.\n\n    indented code   \n");
  dir.write("cases/" + k_file, text);
  auto result = run_in(dir, {"lint", "--strict"});
  CHECK(result.out == "1 file checked, no problems found\n");
  CHECK(result.exit_code == 0);
}

TEST_CASE("rules: links from the bank's root resolve from the bank's root", "[lint][rules]") {
  // On GitHub, /cases/other.md in a case is the file at the repository root,
  // not at the root of the reviewer's file system.
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  std::string other = text;
  replace_in(other, "warehouse team leads", "depot team leads");
  dir.write("cases/other-case.md", other);
  replace_in(text, "Write the anchors before the questions.",
             "Write the anchors first, as in [the depot](/cases/other-case.md).");
  dir.write("cases/" + k_file, text);
  dir.write("hros.yaml", "cases: cases\n");
  auto result = run_in(dir, {"lint"});
  CHECK(result.out == "2 files checked, no problems found\n");
  CHECK(result.exit_code == 0);
}

TEST_CASE("rules: a case saved as .MD is not silently skipped", "[lint][rules]") {
  // A contributor's editor may save `My-Case.MD`; skipping it would let CI pass
  // while the case never appears in the bank.
  TempDir dir;
  dir.write("cases/" + k_file, read_text(hros::test::data_dir() / fixture("valid")));
  std::string other = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(other, "warehouse team leads", "depot team leads");
  dir.write("cases/depot-team-leads.MD", other);
  auto result = run_in(dir, {"lint"});
  INFO(result.out);
  CHECK(result.out.find("cases/depot-team-leads.MD") != std::string::npos);
}

// --- lint --fix ---------------------------------------------------------------

TEST_CASE("fix: enum case and synonyms are rewritten", "[lint][fix]") {
  TempDir dir;
  fs::path cases = copy_cases("schema.enum", dir);
  fs::copy(hros::test::data_dir() / fixture("schema.synonym"), cases / "tech-case.md");
  // The synonym copy needs its own title and slug to stay a clean bank.
  std::string tech = read_text(cases / "tech-case.md");
  replace_in(tech, "warehouse team leads", "tech support leads");
  dir.write("cases/tech-case.md", tech);
  std::string before_store = read_text(cases / k_store_file);

  auto result = run_in(dir, {"lint", "--fix"});
  CHECK(result.err == "hros: fixed cases/" + k_store_file + ": 'Retail' -> 'retail'\n" +
                          "hros: fixed cases/tech-case.md: 'tech' -> 'technology'\n");
  std::string after_store = read_text(cases / k_store_file);
  std::string expected_store = before_store;
  replace_in(expected_store, "industry: Retail", "industry: retail");
  CHECK(after_store == expected_store);
  CHECK(read_text(cases / "tech-case.md").find("\nindustry: technology\n") != std::string::npos);
  // `fintec` has no safe fix: it is reported after the fixes, and the file is untouched.
  CHECK(read_text(cases / k_file) == read_text(hros::test::data_dir() / fixture("schema.enum")));
  CHECK(result.out ==
        "cases/" + k_file +
            ":6:11: error: unknown industry 'fintec'; did you mean 'fintech'? [schema.enum]\n" +
            source(6, "industry: fintec", 11) +
            "1 error and 0 warnings in 3 files checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("fix: a quoted enum value keeps its quotes", "[lint][fix]") {
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(text, "industry: logistics", "industry: \"Logistics\"");
  dir.write("cases/" + k_file, text);
  auto result = run_in(dir, {"lint", "--fix"});
  CHECK(result.err == "hros: fixed cases/" + k_file + ": 'Logistics' -> 'logistics'\n");
  std::string expected = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(expected, "industry: logistics", "industry: \"logistics\"");
  CHECK(read_text(dir.path() / "cases" / k_file) == expected);
  CHECK(result.out == "1 file checked, no problems found\n");
  CHECK(result.exit_code == 0);
}

TEST_CASE("fix: trailing whitespace and the final newline", "[lint][fix]") {
  TempDir dir;
  fs::path cases = copy_cases("whitespace.trailing", dir);
  fs::copy(hros::test::data_dir() / fixture("whitespace.final-newline"), cases / "no-newline.md");
  std::string other = read_text(cases / "no-newline.md");
  replace_in(other, "warehouse team leads", "depot team leads");
  dir.write("cases/no-newline.md", other);

  auto result = run_in(dir, {"lint", "--fix"});
  CHECK(result.err == "hros: fixed cases/no-newline.md: added a final newline\n"
                      "hros: fixed cases/" +
                          k_file + ": removed trailing whitespace\n");
  CHECK(result.out == "2 files checked, no problems found\n");
  CHECK(result.exit_code == 0);
  std::string trailing = read_text(hros::test::data_dir() / fixture("whitespace.trailing"));
  replace_in(trailing, "at first.   ", "at first.");
  CHECK(read_text(cases / k_file) == trailing);
  CHECK(read_text(cases / "no-newline.md") == other + "\n");
}

TEST_CASE("fix: hard breaks, fenced code and block scalars keep their spaces", "[lint][fix]") {
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("valid"));
  replace_in(text, "summary: We replaced ", "summary: >-\n  We replaced   \n  ");
  replace_in(text, "Hiring managers asked different questions of every candidate.\n",
             "Hiring managers asked different questions  \nof every candidate.  \n\n```\ncode line "
             "  \n```\n"
             "A last line.\t\n");
  dir.write("cases/" + k_file, text);
  auto result = run_in(dir, {"lint", "--fix"});
  // Only the paragraph end (before a blank line) and the tab are trailing whitespace.
  CHECK(result.err == "hros: fixed cases/" + k_file + ": removed trailing whitespace\n" +
                          "hros: fixed cases/" + k_file + ": removed trailing whitespace\n");
  std::string expected = text;
  replace_in(expected, "of every candidate.  \n", "of every candidate.\n");
  replace_in(expected, "A last line.\t\n", "A last line.\n");
  CHECK(read_text(dir.path() / "cases" / k_file) == expected);
  CHECK(result.out == "1 file checked, no problems found\n");
  CHECK(result.exit_code == 0);
}

TEST_CASE("fix: a BOM and CRLF line endings are kept", "[lint][fix]") {
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("schema.synonym"));
  replace_in(text, "at first.", "at first.  ");
  auto to_crlf = [](const std::string& lf) {
    std::string out = "\xEF\xBB\xBF";
    for (char c : lf) {
      out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    return out;
  };
  dir.write("cases/" + k_file, to_crlf(text));
  auto result = run_in(dir, {"lint", "--fix"});
  CHECK(result.err == "hros: fixed cases/" + k_file + ": 'tech' -> 'technology'\n" +
                          "hros: fixed cases/" + k_file + ": removed trailing whitespace\n");
  std::string expected = text;
  replace_in(expected, "industry: tech", "industry: technology");
  replace_in(expected, "at first.  ", "at first.");
  CHECK(read_text(dir.path() / "cases" / k_file) == to_crlf(expected));
  CHECK(result.exit_code == 0);
}

TEST_CASE("fix: mixed line endings are left as they were", "[lint][fix]") {
  // The first five lines end in CRLF, the rest in LF; fixing one value must
  // not rewrite every line ending.
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / fixture("schema.synonym"));
  std::string mixed;
  int newlines = 0;
  for (char c : text) {
    mixed += c == '\n' && newlines++ < 5 ? std::string("\r\n") : std::string(1, c);
  }
  dir.write("cases/" + k_file, mixed);
  auto result = run_in(dir, {"lint", "--fix"});
  CHECK(result.err == "hros: fixed cases/" + k_file + ": 'tech' -> 'technology'\n");
  std::string expected = mixed;
  replace_in(expected, "industry: tech", "industry: technology");
  CHECK(read_text(dir.path() / "cases" / k_file) == expected);
}

TEST_CASE("fix: files with nothing to fix are not rewritten", "[lint][fix]") {
  TempDir dir;
  fs::path cases = copy_cases("valid", dir);
  fs::copy(hros::test::data_dir() / fixture("schema.synonym"), cases / "tech-case.md");
  std::string tech = read_text(cases / "tech-case.md");
  replace_in(tech, "warehouse team leads", "tech support leads");
  dir.write("cases/tech-case.md", tech);
  fs::path clean = cases / k_file;
  auto old_time = fs::last_write_time(clean) - std::chrono::hours(24);
  fs::last_write_time(clean, old_time);
  ino_t inode = inode_of(clean);

  auto result = run_in(dir, {"lint", "--fix"});
  CHECK(result.err == "hros: fixed cases/tech-case.md: 'tech' -> 'technology'\n");
  CHECK(result.exit_code == 0);
  CHECK(fs::last_write_time(clean) == old_time);
  CHECK(inode_of(clean) == inode);

  // A second run has nothing to fix and rewrites nothing.
  auto tech_time = fs::last_write_time(cases / "tech-case.md") - std::chrono::hours(1);
  fs::last_write_time(cases / "tech-case.md", tech_time);
  auto again = run_in(dir, {"lint", "--fix"});
  CHECK(again.err.empty());
  CHECK(again.out == "2 files checked, no problems found\n");
  CHECK(fs::last_write_time(cases / "tech-case.md") == tech_time);
}

TEST_CASE("fix: -q does not list the changes", "[lint][fix]") {
  TempDir dir;
  copy_cases("schema.synonym", dir);
  auto result = run_in(dir, {"-q", "lint", "--fix"});
  CHECK(result.err.empty());
  CHECK(result.out.empty());
  CHECK(result.exit_code == 0);
  CHECK(read_text(dir.path() / "cases" / k_file).find("\nindustry: technology\n") !=
        std::string::npos);
}
