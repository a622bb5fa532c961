// `hros init` on fresh temporary directories: every file, a bank that passes
// `hros lint --strict`, files that agree with the schema, a refusal that
// writes nothing, and the modeline `hros new` writes in such a bank.
#include "dir_snapshot.hpp"
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

using hros::test::differences;
using hros::test::python_on;
using hros::test::read_text;
using hros::test::run_hros;
using hros::test::run_python;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::Snapshot;
using hros::test::snapshot;
using hros::test::TempDir;

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_files = {
    "hros.yaml",
    "schema/hros.yaml",
    "schema/hros.schema.json",
    "cases/example-exit-interviews-by-a-peer.md",
    ".github/workflows/hros.yml",
    "CONTRIBUTING.md",
    ".pre-commit-hooks.yaml",
};

RunOptions in(const fs::path& directory) {
  RunOptions options;
  options.cwd = directory;
  return options;
}

} // namespace

TEST_CASE("init: writes a bank that passes hros lint --strict", "[init]") {
  TempDir dir;
  RunResult init = run_hros({"init", "bank"}, in(dir.path()));
  REQUIRE(init.exit_code == 0);
  for (const std::string& file : k_files) {
    INFO(file);
    CHECK(fs::is_regular_file(dir.path() / "bank" / file));
    CHECK(init.err.find("wrote bank/" + file) != std::string::npos);
  }
  fs::path bank = dir.path() / "bank";
  RunResult lint = run_hros({"lint", "--strict"}, in(bank));
  CHECK(lint.exit_code == 0);
  CHECK(lint.out == "1 file checked, no problems found\n");
  // From a subdirectory too: hros.yaml is found by walking up.
  RunResult from_cases = run_hros({"lint", "--strict", "--format", "github"}, in(bank / "cases"));
  CHECK(from_cases.exit_code == 0);
  RunResult listed = run_hros({"list", "--format", "paths"}, in(bank));
  CHECK(listed.out == "cases/example-exit-interviews-by-a-peer.md\n");
}

TEST_CASE("init: the schema copy, JSON Schema and guide agree with the schema", "[init]") {
  TempDir dir;
  REQUIRE(run_hros({"init", "-q"}, in(dir.path())).exit_code == 0);
  std::string built_in = run_hros({"schema"}).out;
  CHECK(read_text(dir.path() / "schema/hros.yaml") == built_in);
  // The bank now uses its own copy: editing it changes what hros enforces.
  CHECK(run_hros({"schema"}, in(dir.path())).out == built_in);
  CHECK(read_text(dir.path() / "schema/hros.schema.json") ==
        run_hros({"schema", "--format", "json-schema"}, in(dir.path())).out);

  std::string guide = read_text(dir.path() / "CONTRIBUTING.md");
  CHECK(guide.rfind("# Contributing a case\n", 0) == 0);
  for (const char* text :
       {"`title`", "`company_size`", "`metrics`", "hospitality", "10001+", "**case-study**",
        "**spark**", "What didn't work", "hros new", "hros lint"}) {
    INFO(text);
    CHECK(guide.find(text) != std::string::npos);
  }
}

TEST_CASE("init: the CI workflow and pre-commit hook run hros lint", "[init]") {
  TempDir dir;
  REQUIRE(run_hros({"init", "-q"}, in(dir.path())).exit_code == 0);
  std::string check = R"(
import re, sys, yaml
workflow = yaml.safe_load(open(sys.argv[1] + "/.github/workflows/hros.yml"))
steps = workflow["jobs"]["lint"]["steps"]
print("lint:", any(s.get("run", "").strip() == "hros lint --format github" for s in steps))
print("pull_request:", "pull_request" in workflow[True])
hooks = yaml.safe_load(open(sys.argv[1] + "/.pre-commit-hooks.yaml"))
hook = hooks[0]
print("hook:", hook["id"], "|", hook["entry"], "|", hook["language"])
files = re.compile(hook["files"])
print("matches case:", bool(files.search("cases/example-exit-interviews-by-a-peer.md")))
print("matches guide:", bool(files.search("CONTRIBUTING.md")))
)";
  CHECK(run_python(check, {dir.path().string()}) == "lint: True\n"
                                                    "pull_request: True\n"
                                                    "hook: hros-lint | hros lint | system\n"
                                                    "matches case: True\n"
                                                    "matches guide: False\n");
  // What the hook runs, on what it would be given.
  RunResult hook = run_hros({"lint", "cases/example-exit-interviews-by-a-peer.md"}, in(dir.path()));
  CHECK(hook.exit_code == 0);
}

TEST_CASE("init: refuses to replace any file and writes nothing", "[init]") {
  TempDir dir;
  dir.write("bank/CONTRIBUTING.md", "our own guide\n");
  dir.write("bank/cases/ours.md", "not touched\n");
  Snapshot before = snapshot(dir.path());
  RunResult init = run_hros({"init", "bank"}, in(dir.path()));
  CHECK(init.exit_code == 2);
  CHECK(init.err.find("bank/CONTRIBUTING.md already exists") != std::string::npos);
  CHECK(init.err.find("nothing was written") != std::string::npos);
  // Not a file, a directory or a temporary file more, and nothing changed.
  CHECK(differences(before, snapshot(dir.path())).empty());
  // A second init over a complete bank names every file.
  TempDir full;
  REQUIRE(run_hros({"init", "-q"}, in(full.path())).exit_code == 0);
  Snapshot complete = snapshot(full.path());
  RunResult again = run_hros({"init"}, in(full.path()));
  CHECK(again.exit_code == 2);
  for (const std::string& file : k_files) {
    INFO(file);
    CHECK(again.err.find(file + " already exists") != std::string::npos);
  }
  CHECK(differences(complete, snapshot(full.path())).empty());
  // A file where the directory should be.
  dir.write("plain-file", "x\n");
  CHECK(run_hros({"init", "plain-file"}, in(dir.path())).exit_code == 2);
}

TEST_CASE("init: hros new in the bank points editors at the JSON Schema", "[init]") {
  TempDir dir;
  REQUIRE(run_hros({"init", "-q"}, in(dir.path())).exit_code == 0);
  std::string example = read_text(dir.path() / "cases/example-exit-interviews-by-a-peer.md");
  CHECK(example.rfind("---\n# yaml-language-server: $schema=../schema/hros.schema.json\n", 0) == 0);
  RunResult made = run_hros({"new",
                             "four-day-week",
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
                             "regions=US,CA",
                             "--set",
                             "topics=wellbeing",
                             "--set",
                             "authors[0].name=Jane Doe",
                             "--set",
                             "summary=We tried a four-day week for six months with 40 agents."},
                            in(dir.path() / "cases"));
  REQUIRE(made.exit_code == 0);
  std::string text = read_text(dir.path() / "cases/four-day-week.md");
  CHECK(text.rfind("---\n# yaml-language-server: $schema=../schema/hros.schema.json\n", 0) == 0);
  // The modeline is a YAML comment: lint reports only the empty sections.
  RunResult lint = run_hros({"lint", "--format", "json"}, in(dir.path()));
  std::string rules = python_on(R"(
import json, sys
report = json.load(open(sys.argv[1]))
print(sorted({d["rule"] for d in report["diagnostics"]}))
)",
                                lint.out);
  CHECK(rules == "['sections.empty']\n");
  // The schema file the modeline names parses as JSON and knows the fields.
  CHECK(python_on("import json, sys\nprint(sorted(json.load(open(sys.argv[1]))['properties'])[:3])",
                  read_text(dir.path() / "schema/hros.schema.json")) ==
        "['authors', 'company_size', 'example']\n");
  // Without json_schema: in hros.yaml, no modeline.
  TempDir plain;
  RunResult bare = run_hros({"new",
                             "--stdout",
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
                             "regions=US",
                             "--set",
                             "topics=wellbeing",
                             "--set",
                             "authors[0].name=Jane Doe",
                             "--set",
                             "summary=We tried a four-day week for six months with 40 agents."},
                            in(plain.path()));
  REQUIRE(bare.exit_code == 0);
  CHECK(bare.out.rfind("---\ntitle:", 0) == 0);
}
