// `hros lint --format ...` on tests/data/formats/cases: a file named with a
// space whose front matter carries <script>, quotes, & and %, a clean file and
// a file with only a warning. Machine formats are parsed back with Python's
// json and xml.etree, so escaping mistakes show up as parse errors or as
// values that differ from the text output.
#include "run_hros.hpp"

#include "hros/rules.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

using hros::test::read_text;
using hros::test::run_hros;
using hros::test::RunResult;
using hros::test::TempDir;

namespace {

const std::string k_space_file = "formats/cases/a case.md";
const std::string k_warned_file = "formats/cases/warned-case.md";
const std::string k_clean_file = "formats/cases/clean-case.md";

const std::string k_slug_message =
    "the file name 'a case.md' is not a valid slug: use lowercase letters, digits and "
    "single hyphens, e.g. 'structured-interviews.md'";
const std::string k_enum_message = "unknown industry '<script>alert(\"x\")</script> & 100%'; "
                                   "'hros schema --format markdown' lists the values";
const std::string k_synonym_message =
    "'tech' stands for 'technology' in 'industry'; write 'technology'";

RunResult lint_formats(const std::string& format) {
  return run_hros({"--root", "formats/cases", "lint", "--format", format});
}

} // namespace

TEST_CASE("formats: text is the default", "[lint][format]") {
  auto text = lint_formats("text");
  auto plain = run_hros({"--root", "formats/cases", "lint"});
  CHECK(text.out == plain.out);
  CHECK(text.out == k_space_file + ": error: " + k_slug_message + " [slug.filename]\n" +
                        k_space_file + ":6:11: error: " + k_enum_message + " [schema.enum]\n" +
                        "    6 | industry: '<script>alert(\"x\")</script> & 100%'\n"
                        "      |           ^\n" +
                        k_warned_file + ":6:11: warning: " + k_synonym_message +
                        " [schema.synonym]\n" +
                        "    6 | industry: tech\n"
                        "      |           ^\n"
                        "2 errors and 1 warning in 3 files checked (1 with errors)\n");
  CHECK(text.exit_code == 1);
}

TEST_CASE("formats: -q drops the summary line", "[lint][format]") {
  auto result = run_hros({"-q", "--root", "formats/cases", "lint", k_clean_file});
  CHECK(result.out.empty());
  CHECK(result.exit_code == 0);
}

TEST_CASE("formats: json parses back to the same diagnostics", "[lint][format]") {
  auto result = lint_formats("json");
  CHECK(result.exit_code == 1);
  CHECK(result.err.empty());
  std::string printed = hros::test::python_on(R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(sorted(data.keys()))
print(data['files'], data['errors'], data['warnings'])
for d in data['diagnostics']:
    print(json.dumps([d['path'], d['line'], d['column'], d['severity'], d['rule'], d['message'], d.get('fix')]))
)",
                                              result.out);
  CHECK(
      printed ==
      "['diagnostics', 'errors', 'files', 'warnings']\n"
      "3 2 1\n"
      R"(["formats/cases/a case.md", 0, 0, "error", "slug.filename", "the file name 'a case.md' is not a valid slug: use lowercase letters, digits and single hyphens, e.g. 'structured-interviews.md'", null])"
      "\n"
      R"(["formats/cases/a case.md", 6, 11, "error", "schema.enum", "unknown industry '<script>alert(\"x\")</script> & 100%'; 'hros schema --format markdown' lists the values", null])"
      "\n"
      R"(["formats/cases/warned-case.md", 6, 11, "warning", "schema.synonym", "'tech' stands for 'technology' in 'industry'; write 'technology'", "'tech' -> 'technology'"])"
      "\n");
}

TEST_CASE("formats: json with no problems", "[lint][format]") {
  auto result = run_hros({"--root", "formats/cases", "lint", "--format", "json", k_clean_file});
  CHECK(result.exit_code == 0);
  std::string printed = hros::test::python_on(R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(data == {'files': 1, 'errors': 0, 'warnings': 0, 'diagnostics': []})
)",
                                              result.out);
  CHECK(printed == "True\n");
}

TEST_CASE("formats: github workflow commands", "[lint][format]") {
  auto result = lint_formats("github");
  CHECK(
      result.out ==
      "::error file=formats/cases/a case.md,title=hros slug.filename::" + k_slug_message + "\n" +
          "::error file=formats/cases/a case.md,line=6,col=11,title=hros schema.enum::"
          "unknown industry '<script>alert(\"x\")</script> & 100%25'; 'hros schema --format "
          "markdown' lists the values\n"
          "::warning file=formats/cases/warned-case.md,line=6,col=11,title=hros schema.synonym::" +
          k_synonym_message + "\n" + "2 errors and 1 warning in 3 files checked (1 with errors)\n");
  CHECK(result.exit_code == 1);
}

TEST_CASE("formats: github escapes newlines, colons and commas in properties", "[lint][format]") {
  TempDir dir;
  std::string text = read_text(hros::test::data_dir() / k_warned_file);
  dir.write("cases/a,b:c.md", text);
  hros::test::RunOptions options;
  options.cwd = dir.path();
  auto result = run_hros({"lint", "--format", "github"}, options);
  CHECK(result.out.rfind("::error file=cases/a%2Cb%3Ac.md,title=hros slug.filename::the file name "
                         "'a,b:c.md' is not "
                         "a valid slug",
                         0) == 0);
  CHECK(result.out.find("::warning file=cases/a%2Cb%3Ac.md,line=6,col=11,title=hros "
                        "schema.synonym::'tech' stands "
                        "for 'technology' in 'industry'; write 'technology'\n") !=
        std::string::npos);
}

TEST_CASE("formats: sarif 2.1.0", "[lint][format]") {
  auto result = lint_formats("sarif");
  CHECK(result.exit_code == 1);
  CHECK(result.err.empty());
  std::string printed = hros::test::python_on(R"(import json, sys
log = json.load(open(sys.argv[1], encoding='utf-8'))
print(log['version'])
print(log['$schema'])
print(len(log['runs']))
run = log['runs'][0]
driver = run['tool']['driver']
print(driver['name'], driver['version'])
ids = [r['id'] for r in driver['rules']]
print(' '.join(ids))
print(all(r['shortDescription']['text'] for r in driver['rules']))
for r in run['results']:
    location = r['locations'][0]['physicalLocation']
    region = location.get('region')
    assert ids[r['ruleIndex']] == r['ruleId'], r
    print(json.dumps([r['ruleId'], r['level'], r['message']['text'], location['artifactLocation']['uri'],
                      region and [region['startLine'], region['startColumn']]]))
)",
                                              result.out);
  std::string rule_ids;
  for (const hros::RuleInfo& rule : hros::lint_rules()) {
    rule_ids += (rule_ids.empty() ? "" : " ") + std::string(rule.id);
  }
  CHECK(
      printed ==
      "2.1.0\n"
      "https://json.schemastore.org/sarif-2.1.0.json\n"
      "1\n"
      "hros 0.1.0\n" +
          rule_ids + "\n" + "True\n" +
          R"(["slug.filename", "error", "the file name 'a case.md' is not a valid slug: use lowercase letters, digits and single hyphens, e.g. 'structured-interviews.md'", "formats/cases/a%20case.md", null])"
          "\n"
          R"(["schema.enum", "error", "unknown industry '<script>alert(\"x\")</script> & 100%'; 'hros schema --format markdown' lists the values", "formats/cases/a%20case.md", [6, 11]])"
          "\n"
          R"(["schema.synonym", "warning", "'tech' stands for 'technology' in 'industry'; write 'technology'", "formats/cases/warned-case.md", [6, 11]])"
          "\n");
}

TEST_CASE("formats: sarif with no problems has an empty results list", "[lint][format]") {
  auto result = run_hros({"--root", "formats/cases", "lint", "--format", "sarif", k_clean_file});
  CHECK(result.exit_code == 0);
  std::string printed = hros::test::python_on(R"(import json, sys
log = json.load(open(sys.argv[1], encoding='utf-8'))
print(log['runs'][0]['results'])
)",
                                              result.out);
  CHECK(printed == "[]\n");
}

TEST_CASE("formats: junit has a test case per file", "[lint][format]") {
  auto result = lint_formats("junit");
  CHECK(result.exit_code == 1);
  CHECK(result.err.empty());
  // A test case fails once however many errors its file has; `failures`
  // counts failing test cases, so it can never exceed `tests`.
  std::string printed = hros::test::python_on(R"(import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
print(root.tag)
suites = root.findall('testsuite')
print(len(suites))
suite = suites[0]
cases = suite.findall('testcase')
failing = [c for c in cases if c.findall('failure')]
print(suite.get('name'), suite.get('tests'), suite.get('failures'), suite.get('errors'))
print(len(cases), len(failing))
for case in cases:
    failures = case.findall('failure')
    text = '\n'.join((f.get('message') or '') + '\n' + (f.text or '') for f in failures)
    out = ''.join(o.text or '' for o in case.findall('system-out'))
    print('CASE', case.get('classname'), case.get('name'), bool(failures))
    for needle in ["the file name 'a case.md' is not a valid slug",
                   "6:11: error: unknown industry '<script>alert(\"x\")</script> & 100%'",
                   "[slug.filename]", "[schema.enum]"]:
        if needle in text:
            print('  failure has', needle)
    if out:
        print('  out', out.strip())
)",
                                              result.out);
  CHECK(printed ==
        "testsuites\n"
        "1\n"
        "hros lint 3 1 0\n"
        "3 1\n"
        "CASE hros.lint formats/cases/a case.md True\n"
        "  failure has the file name 'a case.md' is not a valid slug\n"
        "  failure has 6:11: error: unknown industry '<script>alert(\"x\")</script> & 100%'\n"
        "  failure has [slug.filename]\n"
        "  failure has [schema.enum]\n"
        "CASE hros.lint formats/cases/clean-case.md False\n"
        "CASE hros.lint formats/cases/warned-case.md False\n"
        "  out formats/cases/warned-case.md:6:11: warning: 'tech' stands for 'technology' in "
        "'industry'; "
        "write 'technology' [schema.synonym]\n");
}

TEST_CASE("formats: junit with only passing files", "[lint][format]") {
  auto result = run_hros({"--root", "formats/cases", "lint", "--format", "junit", k_clean_file});
  CHECK(result.exit_code == 0);
  std::string printed = hros::test::python_on(R"(import sys
import xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot().find('testsuite')
print(suite.get('tests'), suite.get('failures'), [c.get('name') for c in suite.findall('testcase')])
)",
                                              result.out);
  CHECK(printed == "1 0 ['formats/cases/clean-case.md']\n");
}

TEST_CASE("formats: --strict fails on warnings in every format", "[lint][format]") {
  for (const char* format : {"text", "json", "github", "sarif", "junit"}) {
    INFO(format);
    auto result = run_hros(
        {"--root", "formats/cases", "lint", "--strict", "--format", format, k_warned_file});
    CHECK(result.exit_code == 1);
    auto lenient = run_hros({"--root", "formats/cases", "lint", "--format", format, k_warned_file});
    CHECK(lenient.exit_code == 0);
    CHECK(lenient.out == result.out);
  }
}

TEST_CASE("formats: an unknown format is a usage error", "[lint][format]") {
  auto result = lint_formats("xml");
  CHECK(result.out.empty());
  CHECK(result.err ==
        "hros: error: unknown format 'xml'; use text, json, github, sarif or junit\n");
  CHECK(result.exit_code == 2);
}
