// `hros new` without a terminal: every flag, every refusal, and what the
// files it writes look like to `hros lint` (only their empty sections).
#include "dir_snapshot.hpp"
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using hros::test::differences;
using hros::test::file_names;
using hros::test::python_on;
using hros::test::read_text;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::Snapshot;
using hros::test::snapshot;
using hros::test::TempDir;

namespace {

// Runs hros in `dir` with a git configuration of our own: `author` as
// user.name, or none, so the machine's git settings never leak in.
RunResult run_in(const TempDir& dir, const std::vector<std::string>& args,
                 const std::string& author = "") {
  dir.write("home/gitconfig", author.empty() ? "" : "[user]\n\tname = " + author + "\n");
  RunOptions options;
  options.cwd = dir.path();
  options.timeout_seconds = 20;
  options.env = {"HOME=" + (dir.path() / "home").string(),
                 "XDG_CONFIG_HOME=" + (dir.path() / "home").string(), "GIT_CONFIG_NOSYSTEM=1",
                 "GIT_CONFIG_GLOBAL=" + (dir.path() / "home" / "gitconfig").string()};
  return run_hros(args, options);
}

const std::vector<std::string> k_spark = {
    "new",
    "--no-input",
    "--kind",
    "spark",
    "--title",
    "Four-day week for our support team",
    "--set",
    "organization=Example Support Co",
    "--set",
    "industry=technology",
    "--set",
    "company_size=51-200",
    "--set",
    "regions=US,NO",
    "--set",
    "topics=wellbeing,retention",
    "--set",
    "authors[0].name=Jane Doe",
    "--set",
    "summary=We tried a four-day week for six months with 40 agents; here is what happened.",
};

const std::string k_spark_file = "cases/four-day-week-for-our-support-team.md";

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// The rule ids `hros lint` reports for `path`, in order.
std::vector<std::string> lint_rules(const TempDir& dir, const std::string& path) {
  RunResult lint = run_in(dir, {"lint", path});
  std::vector<std::string> rules;
  std::size_t at = 0;
  while ((at = lint.out.find(": error: ", at)) != std::string::npos ||
         (at = lint.out.find(": warning: ", at)) != std::string::npos) {
    std::size_t end = lint.out.find('\n', at);
    std::size_t open = lint.out.rfind('[', end);
    rules.push_back(lint.out.substr(open + 1, end - open - 2));
    at = end;
  }
  return rules;
}

// What follows the front matter and the blank line after it.
std::string body_of(const std::string& text) {
  return text.substr(text.find("---\n\n") + 5);
}

std::vector<std::string> empty_sections(std::size_t count) {
  return std::vector<std::string>(count, "sections.empty");
}

} // namespace

TEST_CASE("new: a spark from flags only", "[new]") {
  TempDir dir;
  RunResult result = run_in(dir, k_spark);
  CHECK(result.exit_code == 0);
  CHECK(result.out.empty());
  CHECK(result.err == "hros: wrote " + k_spark_file +
                          "\n"
                          "What's next:\n"
                          "  - write the sections What, Results, What didn't work, Learnings (each "
                          "comment says what helps readers)\n"
                          "  - check it: hros lint " +
                          k_spark_file + "\n  - then open a pull request\n");
  std::string text = read_text(dir.path() / k_spark_file);
  CHECK(text.substr(0, text.find("## What")) ==
        "---\n"
        "title: Four-day week for our support team\n"
        "kind: spark\n"
        "organization: Example Support Co\n"
        "industry: technology\n"
        "company_size: 51-200\n"
        "regions: [US, \"NO\"]\n"
        "topics: [wellbeing, retention]\n"
        "authors:\n"
        "  - name: Jane Doe\n"
        "status: draft\n"
        "summary: We tried a four-day week for six months with 40 agents; here is what "
        "happened.\n"
        "---\n\n");
  CHECK(text.find("## What\n\n<!--\nWhat did you do") != std::string::npos);
  CHECK(lint_rules(dir, k_spark_file) == empty_sections(4));
}

TEST_CASE("new: a case study needs metrics given by index", "[new]") {
  TempDir dir;
  std::vector<std::string> args = k_spark;
  args[3] = "case-study";
  RunResult missing = run_in(dir, args);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "hros: error: missing required field metrics; give it with:\n"
                       "  --set metrics[0].FIELD=VALUE     What you measured, before and after, "
                       "with a unit and a period.\n");
  CHECK_FALSE(fs::exists(dir.path() / "cases"));
  RunResult result =
      run_in(dir, with(args, {"my-case", "--set", "metrics[0].name=Offer acceptance rate", "--set",
                              "metrics[0].before=71", "--set", "metrics[0].after=84", "--set",
                              "metrics[0].unit=%", "--set", "metrics[1].name=Time to hire", "--set",
                              "tools=Greenhouse,Notion", "--set", "status=published", "--set",
                              "license=cc-by-4.0", "--set", "published=2024-03-18"}));
  CHECK(result.exit_code == 0);
  std::string text = read_text(dir.path() / "cases/my-case.md");
  CHECK(text.find("published: 2024-03-18\n"
                  "status: published\n"
                  "license: CC-BY-4.0\n") != std::string::npos);
  CHECK(text.find("metrics:\n"
                  "  - name: Offer acceptance rate\n"
                  "    before: 71\n"
                  "    after: 84\n"
                  "    unit: \"%\"\n"
                  "  - name: Time to hire\n"
                  "tools: [Greenhouse, Notion]\n") != std::string::npos);
  CHECK(lint_rules(dir, "cases/my-case.md") == empty_sections(6));
}

TEST_CASE("new: every missing required field is named at once", "[new]") {
  TempDir dir;
  RunResult result = run_in(dir, {"new", "--no-input"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.rfind("hros: error: missing required fields title, kind, organization, "
                         "industry, company_size, regions, topics, authors, summary; give them "
                         "with:\n  --title TEXT ",
                         0) == 0);
  CHECK(result.err.find("  --set regions=A,B ") != std::string::npos);
  CHECK(result.err.find("  --set authors[0].FIELD=VALUE ") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / "cases"));
}

TEST_CASE("new: without a terminal it never prompts", "[new]") {
  TempDir dir;
  dir.write("home/gitconfig", "");
  RunOptions options;
  options.cwd = dir.path();
  options.timeout_seconds = 20;
  options.stdin_text = "Four-day week for our support team\nspark\n";
  RunResult result = run_hros({"new"}, options);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("> ") == std::string::npos);
  CHECK(result.err.find("missing required fields title, kind") != std::string::npos);
}

TEST_CASE("new: the first author comes from git config user.name", "[new]") {
  TempDir dir;
  std::vector<std::string> args = k_spark;
  args.erase(args.begin() + 16, args.begin() + 18); // authors[0].name
  RunResult result = run_in(dir, args, "Ola Nordmann");
  CHECK(result.exit_code == 0);
  CHECK(read_text(dir.path() / k_spark_file).find("authors:\n  - name: Ola Nordmann\n") !=
        std::string::npos);
  RunResult no_git_name = run_in(dir, with(args, {"--force"}));
  CHECK(no_git_name.exit_code == 2);
  CHECK(no_git_name.err.rfind("hros: error: missing required field authors;", 0) == 0);
}

TEST_CASE("new: a list item in quotes may hold a comma and other fields keep theirs", "[new]") {
  TempDir dir;
  std::vector<std::string> args = k_spark;
  *std::find(args.begin(), args.end(), "organization=Example Support Co") =
      "organization=Example Support Co, Inc.";
  RunResult made = run_in(
      dir,
      with(args, {"--set", "tools=\"Workday, Inc.\", 'Ben & Jerry''s',Notion, \"a \\\"b\\\"\""}));
  REQUIRE(made.exit_code == 0);
  // Read back the way hros list reads it.
  RunResult listed = run_in(dir, {"list", "--format", "json"});
  CHECK(python_on(R"(
import json, sys
case = json.load(open(sys.argv[1]))[0]
print(json.dumps([case["organization"], case["tools"]]))
)",
                  listed.out) ==
        "[\"Example Support Co, Inc.\", [\"Workday, Inc.\", \"Ben & Jerry's\", \"Notion\", "
        "\"a \\\"b\\\"\"]]\n");
  // A quote left open, or text after the closing one, is refused.
  for (const char* quoted : {"\"Workday, Inc.,Notion", "\"Workday\" Inc.,Notion"}) {
    std::string tools = quoted;
    RunResult refused = run_in(dir, with(k_spark, {"--force", "--set", "tools=" + tools}));
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.rfind("hros: error: 'tools': the item " + tools + " has ", 0) == 0);
    CHECK(refused.err.find("an item that holds a comma goes in double quotes, e.g. \"Workday, "
                           "Inc.\"\n") != std::string::npos);
  }
}

TEST_CASE("new: an existing case is replaced only with --force", "[new]") {
  TempDir dir;
  fs::path existing = dir.write(k_spark_file, "mine\n");
  RunResult refused = run_in(dir, k_spark);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == "hros: error: " + k_spark_file +
                           " already exists; give another slug, or --force to replace it\n");
  CHECK(read_text(existing) == "mine\n");
  RunResult named = run_in(dir, with(k_spark, {"four-day-week-for-our-support-team.md"}));
  CHECK(named.exit_code == 2);
  CHECK(read_text(existing) == "mine\n");
  RunResult forced = run_in(dir, with(k_spark, {"--force"}));
  CHECK(forced.exit_code == 0);
  CHECK(read_text(existing).rfind("---\ntitle: Four-day week", 0) == 0);
  // Replaced in place: no second file, no temporary file left beside it.
  CHECK(file_names(snapshot(dir.path() / "cases")) ==
        std::vector<std::string>{"four-day-week-for-our-support-team.md"});
}

TEST_CASE("new: a slug must be a plain file name", "[new]") {
  TempDir dir;
  struct Refusal {
    std::string slug;
    std::string reason;
  };
  const std::vector<Refusal> refusals = {
      {"../x", "it contains a directory separator; give a file name only"},
      {"..", "it contains '..'"},
      {"/etc/x", "it is an absolute path; give a file name only"},
      {"a/b", "it contains a directory separator; give a file name only"},
      {"a\x01z", "it contains a control character"},
      {"a\nz", "it contains a control character"},
      {"My Case", "use lowercase letters, digits and single hyphens, e.g. 'my-case'"},
  };
  for (const Refusal& refusal : refusals) {
    RunResult result = run_in(dir, with(k_spark, {refusal.slug}));
    CHECK(result.exit_code == 2);
    std::string shown = refusal.slug == "a\x01z" ? "a\\x01z"
                        : refusal.slug == "a\nz" ? "a\nz"
                                                 : refusal.slug;
    CHECK(result.err ==
          "hros: error: cannot use '" + shown + "' as a slug: " + refusal.reason + "\n");
  }
  CHECK_FALSE(fs::exists(dir.path() / "cases"));
  CHECK_FALSE(fs::exists(dir.path() / "x.md"));
}

TEST_CASE("new: a title with no usable letters needs a slug", "[new]") {
  TempDir dir;
  std::vector<std::string> args = k_spark;
  args[5] = "招聘 招聘 招聘 招聘";
  RunResult result = run_in(dir, args);
  CHECK(result.exit_code == 2);
  CHECK(result.err == "hros: error: the title gives no slug; name the file: hros new SLUG\n");
  CHECK(run_in(dir, with(args, {"hiring-pilot"})).exit_code == 0);
  CHECK(fs::exists(dir.path() / "cases/hiring-pilot.md"));
}

TEST_CASE("new: wrong fields and values are all reported with suggestions", "[new]") {
  TempDir dir;
  RunResult result =
      run_in(dir, with(k_spark, {"--set", "industy=retail", "--set", "company_size=51-20", "--set",
                                 "topics=welbeing", "--set", "authors[0].nme=X", "--set",
                                 "nonsense", "--set", "example=maybe", "--set", "title=Again"}));
  CHECK(result.exit_code == 2);
  CHECK(result.err == "hros: error: 'nonsense' is not FIELD=VALUE (--set)\n"
                      "hros: error: unknown field 'industy'; did you mean 'industry'?\n"
                      "hros: error: 'company_size' is given twice\n"
                      "hros: error: 'topics' is given twice\n"
                      "hros: error: 'example' should be yes or no, not 'maybe'\n"
                      "hros: error: 'title' is given twice\n"
                      "hros: error: unknown field 'authors.nme'; did you mean 'name'?\n"
                      "hros: error: missing required field authors; give it with:\n"
                      "  --set authors[0].FIELD=VALUE     Who wrote the case: name, and "
                      "optionally role, email, url.\n");
  RunResult bad_kind = run_in(dir, {"new", "--no-input", "--kind", "sprak", "--set",
                                    "industry=fintec", "--set", "regions=US,XX"});
  CHECK(bad_kind.exit_code == 2);
  CHECK(bad_kind.err.rfind("hros: error: unknown kind 'sprak'; did you mean 'spark'?\n"
                           "hros: error: unknown industry 'fintec'; did you mean 'fintech'?\n"
                           "hros: error: unknown regions 'XX'; did you mean 'AX'?\n"
                           "hros: error: missing required fields title, kind, organization,",
                           0) == 0);
  CHECK_FALSE(fs::exists(dir.path() / "cases"));
}

TEST_CASE("new: --stdout and --dry-run write nothing", "[new]") {
  TempDir dir;
  RunResult printed = run_in(dir, with(k_spark, {"--stdout"}));
  CHECK(printed.exit_code == 0);
  CHECK(printed.out.rfind("---\ntitle: Four-day week for our support team\n", 0) == 0);
  CHECK(printed.out.find("## Learnings\n") != std::string::npos);
  CHECK(printed.err.empty());
  RunResult dry = run_in(dir, with(k_spark, {"--dry-run"}));
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.empty());
  CHECK(dry.err == "hros: would write " + k_spark_file + "\n");
  // Only the git configuration run_in writes, not even a cases directory.
  CHECK(file_names(snapshot(dir.path())) == std::vector<std::string>{"home/gitconfig"});
  dir.write(k_spark_file, "mine\n");
  Snapshot before = snapshot(dir.path() / "cases");
  CHECK(run_in(dir, with(k_spark, {"--dry-run"})).exit_code == 2);
  CHECK(run_in(dir, with(k_spark, {"--stdout"})).exit_code == 0);
  CHECK(differences(before, snapshot(dir.path() / "cases")).empty());
}

TEST_CASE("new: -q prints nothing on success", "[new]") {
  TempDir dir;
  std::vector<std::string> args = k_spark;
  args.insert(args.begin(), "-q");
  RunResult result = run_in(dir, args);
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(fs::exists(dir.path() / k_spark_file));
}

TEST_CASE("new: hros.yaml's cases directory and templates", "[new]") {
  TempDir dir;
  dir.write("hros.yaml", "cases: stories\ntemplates:\n  spark: templates/spark.md\n");
  std::string body = "## What\n\n<!-- Our bank's own guidance. -->\n\n## Results\n\n"
                     "## What didn't work\n\n## Learnings\n\n<!-- Keep it short. -->\n";
  dir.write("templates/spark.md", body);
  RunResult result = run_in(dir, with(k_spark, {"from-template"}));
  CHECK(result.exit_code == 0);
  std::string text = read_text(dir.path() / "stories/from-template.md");
  CHECK(body_of(text) == body);
  CHECK(lint_rules(dir, "stories/from-template.md") == empty_sections(4));
  std::vector<std::string> study = k_spark;
  study[3] = "case-study";
  RunResult built_in = run_in(dir, with(study, {"built-in", "--set", "metrics[0].name=Churn"}));
  CHECK(built_in.exit_code == 0);
  CHECK(read_text(dir.path() / "stories/built-in.md").find("## Why\n\n<!--\nWhat problem") !=
        std::string::npos);
  dir.write("hros.yaml", "templates:\n  spark: templates/missing.md\n");
  RunResult missing = run_in(dir, with(k_spark, {"no-template"}));
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("hros: error: the template for 'spark': cannot read") == 0);
  CHECK_FALSE(fs::exists(dir.path() / "cases/no-template.md"));
}

TEST_CASE("new: a template's body is copied byte for byte", "[new]") {
  TempDir dir;
  dir.write("hros.yaml", "templates:\n  spark: templates/spark.md\n");
  // CRLF lines, a hard line break (two trailing spaces), text hros must not
  // read as a format string, and no newline at the end.
  const std::string body =
      "## What\r\n\r\nFirst line  \r\nsecond {title} {{x}} %s 100%\r\n\r\n"
      "## Results\n\n## What didn't work\n\n## Learnings\n\n---\n\nCaf\xC3\xA9";
  dir.write("templates/spark.md", body);
  RunResult made = run_in(dir, with(k_spark, {"--stdout"}));
  REQUIRE(made.exit_code == 0);
  CHECK(body_of(made.out) == body + "\n");
  // A byte order mark is the editor's, not the body's: before "## What" it
  // would hide the heading.
  dir.write("templates/spark.md", "\xEF\xBB\xBF" + body);
  RunResult marked = run_in(dir, with(k_spark, {"--stdout"}));
  REQUIRE(marked.exit_code == 0);
  CHECK(body_of(marked.out) == body + "\n");
  // Front matter in a template would be a second block in the body.
  dir.write("templates/spark.md", "---\ntitle: Our template\n---\n\n## What\n");
  RunResult fronted = run_in(dir, k_spark);
  CHECK(fronted.exit_code == 2);
  CHECK(fronted.err == "hros: error: the template for 'spark' (templates/spark.md) begins with "
                       "front matter; a template is the body only, hros new writes the front "
                       "matter\n");
  CHECK_FALSE(fs::exists(dir.path() / "cases"));
}

TEST_CASE("new: --root names the cases directory and --help shows examples", "[new]") {
  TempDir dir;
  std::vector<std::string> args = k_spark;
  args.insert(args.begin(), {"--root", "deep/er"});
  CHECK(run_in(dir, args).exit_code == 0);
  CHECK(fs::exists(dir.path() / "deep/er/four-day-week-for-our-support-team.md"));
  RunResult help = run_in(dir, {"new", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--set 'metrics[0].name=Offer acceptance rate'") != std::string::npos);
  CHECK(help.out.find("--no-input") != std::string::npos);
}
