// `hros list` on tests/data/list/cases: seven lint-clean cases chosen so that
// every company size, industry mix, region, topic, status and publication
// date (one undated draft) tells the filters apart, plus one file with broken
// YAML that list skips with a warning. Titles that start with '=' and '-' and
// an organisation starting with '@' exercise CSV formula neutralising; 'NO'
// unquoted in regions is Norway, not false. tests/data/list/ignore is a bank
// whose hros.yaml ignores its drafts folder.
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

using hros::test::read_text;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::TempDir;

namespace {

using Slugs = std::vector<std::string>;

const std::string k_broken_warning =
    "hros: warning: list/cases/broken-front-matter.md: skipped: invalid YAML: the list opened "
    "here has no closing bracket ']' (run 'hros lint')\n";

const std::string k_buddy = "buddy-program-for-new-nurses";              // 1001-5000, 2022-03-18
const std::string k_engagement = "engagement-beyond-the-spreadsheet";    // 1-10, 2021-12-31
const std::string k_exit = "exit-interviews-people-answer";              // 51-200, undated
const std::string k_four_day = "four-day-week-pilot";                    // 11-50, "2022-11-30"
const std::string k_pay_bands = "pay-bands-in-the-open";                 // 10001+, 2022-03-02
const std::string k_skills = "skills-matrix-for-internal-moves";         // 5001-10000, 2023-06-01
const std::string k_interviews = "structured-interviews-for-team-leads"; // 201-1000, 2024-03-18

const Slugs k_all = {k_buddy,     k_engagement, k_exit,      k_four_day,
                     k_pay_bands, k_skills,     k_interviews};

RunResult list(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"--root", "list/cases", "list"};
  full.insert(full.end(), args.begin(), args.end());
  return run_hros(full);
}

RunResult list_quiet(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"-q", "--root", "list/cases", "list"};
  full.insert(full.end(), args.begin(), args.end());
  return run_hros(full);
}

// The slugs `hros list --format paths` prints for `args`, in its order.
Slugs slugs(const std::vector<std::string>& args) {
  std::vector<std::string> full = args;
  full.insert(full.end(), {"--format", "paths"});
  RunResult result = list_quiet(full);
  INFO(result.err);
  CHECK((result.exit_code == 0 || result.exit_code == 1));
  Slugs found;
  std::istringstream lines(result.out);
  std::string line;
  const std::string prefix = "list/cases/";
  while (std::getline(lines, line)) {
    if (line.rfind(prefix, 0) == 0 && line.size() > prefix.size() + 3) {
      line = line.substr(prefix.size(), line.size() - prefix.size() - 3);
    }
    found.push_back(line);
  }
  return found;
}

Slugs where(const std::string& condition) {
  return slugs({"--where", condition});
}

void check_usage_error(const std::vector<std::string>& args, const std::string& message) {
  RunResult result = list(args);
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "hros: error: " + message + "\n");
}

} // namespace

TEST_CASE("list: help documents the grammar and the exit status", "[list]") {
  RunResult result = run_hros({"list", "--help"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("--where COND") != std::string::npos);
  CHECK(result.out.find("= != < <= > >=") != std::string::npos);
  CHECK(result.out.find("Exit status: 0 cases listed, 1 no case matches, 2 usage or I/O error.") !=
        std::string::npos);
  CHECK(result.out.find("table, json, ndjson, csv or paths") != std::string::npos);
}

TEST_CASE("list: the default table lists every readable case by slug", "[list]") {
  RunResult result = list({});
  CHECK(result.exit_code == 0);
  CHECK(result.err == k_broken_warning);
  CHECK(result.out ==
        "SLUG                                  TITLE                                           "
        "ORGANIZATION           INDUSTRY       COMPANY_SIZE  YEAR\n"
        "buddy-program-for-new-nurses          A buddy for every new nurse                     "
        "@Home Care Collective  healthcare     1001-5000     2022\n"
        "engagement-beyond-the-spreadsheet     =SUM(A1) is not how we measure engagement       "
        "Example Shelter        nonprofit      1-10          2021\n"
        "exit-interviews-people-answer         Exit interviews people actually answer          "
        "Example Grocers        retail         51-200\n"
        "four-day-week-pilot                   -40% overtime with a four-day week pilot        "
        "Example Apps           technology     11-50         2022\n"
        "pay-bands-in-the-open                 Pay bands, published to every employee          "
        "Example Outfitters     retail         10001+        2022\n"
        "skills-matrix-for-internal-moves      Skills matrix for internal moves                "
        "Example Machines       manufacturing  5001-10000    2023\n"
        "structured-interviews-for-team-leads  Structured interviews for warehouse team leads  "
        "Example Freight        logistics      201-1000      2024\n");
}

TEST_CASE("list: table lines end without padding", "[list]") {
  // The undated draft's YEAR is empty: its line stops after COMPANY_SIZE.
  RunResult result = list_quiet({"--where", "industry=retail", "--columns", "slug,published"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out == "SLUG                           PUBLISHED\n"
                      "exit-interviews-people-answer\n"
                      "pay-bands-in-the-open          2022-03-02\n");
}

TEST_CASE("list: a broken file is skipped with a warning and -q silences it", "[list]") {
  RunResult loud = list({"--format", "paths"});
  CHECK(loud.exit_code == 0);
  CHECK(loud.err == k_broken_warning);
  CHECK(loud.out.find("broken-front-matter") == std::string::npos);
  RunResult quiet = list_quiet({"--format", "paths"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());
  CHECK(quiet.out == loud.out);
}

TEST_CASE("list: the fixture bank is lint-clean but for the broken file", "[list]") {
  RunResult result = run_hros({"--root", "list/cases", "lint"});
  CHECK(result.exit_code == 1);
  std::string all = result.out + result.err;
  CHECK(all.find("1 error and 1 warning in 8 files checked (1 with errors)") != std::string::npos);
  CHECK(all.find("list/cases/broken-front-matter.md:3:7: error:") != std::string::npos);
}

TEST_CASE("list: an ordered enum compares by its order", "[list][filter]") {
  CHECK(where("company_size=201-1000") == Slugs{k_interviews});
  CHECK(where("company_size!=201-1000") ==
        Slugs{k_buddy, k_engagement, k_exit, k_four_day, k_pay_bands, k_skills});
  CHECK(where("company_size<201-1000") == Slugs{k_engagement, k_exit, k_four_day});
  CHECK(where("company_size<=201-1000") == Slugs{k_engagement, k_exit, k_four_day, k_interviews});
  CHECK(where("company_size>201-1000") == Slugs{k_buddy, k_pay_bands, k_skills});
  CHECK(where("company_size>=201-1000") == Slugs{k_buddy, k_pay_bands, k_skills, k_interviews});
  CHECK(where("company_size>=10001+") == Slugs{k_pay_bands});
  CHECK(where("company_size<=1-10") == Slugs{k_engagement});
}

TEST_CASE("list: dates compare at the precision given", "[list][filter]") {
  // Year precision.
  CHECK(where("published=2022") == Slugs{k_buddy, k_four_day, k_pay_bands});
  CHECK(where("published!=2022") == Slugs{k_engagement, k_exit, k_skills, k_interviews});
  CHECK(where("published<2022") == Slugs{k_engagement});
  CHECK(where("published<=2022") == Slugs{k_buddy, k_engagement, k_four_day, k_pay_bands});
  CHECK(where("published>2022") == Slugs{k_skills, k_interviews});
  CHECK(where("published>=2023") == Slugs{k_skills, k_interviews});
  // Month precision.
  CHECK(where("published=2022-03") == Slugs{k_buddy, k_pay_bands});
  CHECK(where("published!=2022-03") ==
        Slugs{k_engagement, k_exit, k_four_day, k_skills, k_interviews});
  CHECK(where("published<2022-03") == Slugs{k_engagement});
  CHECK(where("published<=2022-03") == Slugs{k_buddy, k_engagement, k_pay_bands});
  CHECK(where("published>2022-03") == Slugs{k_four_day, k_skills, k_interviews});
  CHECK(where("published>=2022-03") ==
        Slugs{k_buddy, k_four_day, k_pay_bands, k_skills, k_interviews});
  // Day precision.
  CHECK(where("published=2022-03-18") == Slugs{k_buddy});
  CHECK(where("published!=2022-03-18") ==
        Slugs{k_engagement, k_exit, k_four_day, k_pay_bands, k_skills, k_interviews});
  CHECK(where("published<2022-03-18") == Slugs{k_engagement, k_pay_bands});
  CHECK(where("published<=2022-03-18") == Slugs{k_buddy, k_engagement, k_pay_bands});
  CHECK(where("published>2022-03-18") == Slugs{k_four_day, k_skills, k_interviews});
  CHECK(where("published>=2022-03-18") == Slugs{k_buddy, k_four_day, k_skills, k_interviews});
}

TEST_CASE("list: lists match on any item and != on none", "[list][filter]") {
  CHECK(where("topics=retention") == Slugs{k_buddy, k_exit});
  CHECK(where("topics!=retention") ==
        Slugs{k_engagement, k_four_day, k_pay_bands, k_skills, k_interviews});
  CHECK(where("topics=onboarding") == Slugs{k_buddy});
  CHECK(where("regions=US") == Slugs{k_exit, k_pay_bands, k_interviews});
  CHECK(where("regions!=US") == Slugs{k_buddy, k_engagement, k_four_day, k_skills});
  // Unquoted NO is Norway.
  CHECK(where("regions=NO") == Slugs{k_four_day});
  CHECK(where("regions=SE") == Slugs{k_four_day});
  // A list of strings takes order comparisons item by item.
  CHECK(where("tools=notion") == Slugs{k_interviews});
  CHECK(where("tools<h") == Slugs{k_buddy, k_pay_bands, k_interviews});
}

TEST_CASE("list: text compares without regard to case", "[list][filter]") {
  CHECK(where("title=a buddy for EVERY new nurse") == Slugs{k_buddy});
  CHECK(where("title!=A BUDDY FOR EVERY NEW NURSE") ==
        Slugs{k_engagement, k_exit, k_four_day, k_pay_bands, k_skills, k_interviews});
  CHECK(where("title=a buddy").empty());
  CHECK(where("title<b") == Slugs{k_buddy, k_engagement, k_four_day});
  CHECK(where("title>=S") == Slugs{k_skills, k_interviews});
  CHECK(where("title>skills matrix for internal moves") == Slugs{k_interviews});
  CHECK(where("title<=-40% overtime with a four-day week pilot") == Slugs{k_four_day});
  CHECK(where("organization=example apps") == Slugs{k_four_day});
}

TEST_CASE("list: slug and year are fields too", "[list][filter]") {
  CHECK(where("slug=four-day-week-pilot") == Slugs{k_four_day});
  CHECK(where("slug!=four-day-week-pilot") ==
        Slugs{k_buddy, k_engagement, k_exit, k_pay_bands, k_skills, k_interviews});
  CHECK(where("slug<f") == Slugs{k_buddy, k_engagement, k_exit});
  CHECK(where("slug<=four-day-week-pilot") == Slugs{k_buddy, k_engagement, k_exit, k_four_day});
  CHECK(where("slug>pay-bands-in-the-open") == Slugs{k_skills, k_interviews});
  CHECK(where("slug>=p") == Slugs{k_pay_bands, k_skills, k_interviews});
  CHECK(where("year=2022") == Slugs{k_buddy, k_four_day, k_pay_bands});
  // The undated draft has no year: it meets only !=.
  CHECK(where("year!=2022") == Slugs{k_engagement, k_exit, k_skills, k_interviews});
  CHECK(where("year<2022") == Slugs{k_engagement});
  CHECK(where("year<=2022") == Slugs{k_buddy, k_engagement, k_four_day, k_pay_bands});
  CHECK(where("year>2022") == Slugs{k_skills, k_interviews});
  CHECK(where("year>=2024") == Slugs{k_interviews});
}

TEST_CASE("list: enums and booleans compare with = and !=", "[list][filter]") {
  CHECK(where("status=in-review") == Slugs{k_skills});
  CHECK(where("status!=published") == Slugs{k_engagement, k_exit, k_skills});
  CHECK(where("kind=spark") == Slugs{k_engagement, k_four_day});
  CHECK(where("license=CC0-1.0") == Slugs{k_four_day});
  CHECK(where("license!=CC-BY-4.0") == Slugs{k_buddy, k_engagement, k_exit, k_four_day, k_skills});
  CHECK(where("example=true") == k_all);
}

TEST_CASE("list: several conditions must all hold", "[list][filter]") {
  CHECK(slugs({"--where", "industry=retail", "--where", "company_size>=201-1000"}) ==
        Slugs{k_pay_bands});
  CHECK(slugs({"--where", "regions=US", "--where", "published>=2022", "--where",
               "topics!=compensation"}) == Slugs{k_interviews});
  CHECK(slugs({"-w", "company_size>=11-50", "-w", "company_size<=1001-5000", "-w", "year=2022"}) ==
        Slugs{k_buddy, k_four_day});
}

TEST_CASE("list: no match exits 1 and says so", "[list]") {
  RunResult result = list({"--where", "industry=energy"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == k_broken_warning + "hros: no case matches\n");
  RunResult both = list_quiet({"--where", "industry=retail", "--where", "company_size=1-10"});
  CHECK(both.exit_code == 1);
  CHECK(both.out.empty());
  RunResult paths = list_quiet({"--where", "industry=energy", "--format", "paths"});
  CHECK(paths.exit_code == 1);
  CHECK(paths.out.empty());
  // JSON still prints a document: an empty array.
  RunResult json = list_quiet({"--where", "industry=energy", "--format", "json"});
  CHECK(json.exit_code == 1);
  CHECK(json.out == "[]\n");
}

TEST_CASE("list: an unknown field suggests a close one", "[list][filter]") {
  check_usage_error({"--where", "industri=retail"},
                    "--where: unknown field 'industri'; did you mean 'industry'?");
  check_usage_error({"--where", "compnay_size>=1-10"},
                    "--where: unknown field 'compnay_size'; did you mean 'company_size'?");
  check_usage_error({"--where", "colour=red"}, "--where: unknown field 'colour'");
}

TEST_CASE("list: an enum value typo suggests a value", "[list][filter]") {
  check_usage_error({"--where", "industry=retial"},
                    "--where: 'retial' is not a value of 'industry'; did you mean 'retail'?");
  check_usage_error({"--where", "topics=onbording"},
                    "--where: 'onbording' is not a value of 'topics'; did you mean 'onboarding'?");
  check_usage_error({"--where", "company_size>=201-100"},
                    "--where: '201-100' is not a value of 'company_size'; did you mean "
                    "'201-1000'?");
  check_usage_error({"--where", "industry=xyzzy"},
                    "--where: 'xyzzy' is not a value of 'industry'; 'hros schema --format "
                    "markdown' lists the values");
}

TEST_CASE("list: ordering an enum without an order is refused", "[list][filter]") {
  check_usage_error({"--where", "industry<retail"},
                    "--where: 'industry' has no order; use = or !=");
  check_usage_error({"--where", "status>=draft"}, "--where: 'status' has no order; use = or !=");
  check_usage_error({"--where", "topics>onboarding"},
                    "--where: 'topics' has no order; use = or !=");
  check_usage_error({"--where", "example<true"}, "--where: 'example' has no order; use = or !=");
}

TEST_CASE("list: a malformed condition is refused", "[list][filter]") {
  const std::string tail = "' is not a condition; write FIELD=VALUE, with = != < <= > or >=";
  check_usage_error({"--where", "industry"}, "--where: 'industry" + tail);
  check_usage_error({"--where", "=retail"}, "--where: '=retail" + tail);
  check_usage_error({"--where", "industry~retail"}, "--where: 'industry~retail" + tail);
  check_usage_error({"--where", ""}, "--where: '" + tail);
  // The first bad condition is reported even after good ones.
  check_usage_error({"--where", "industry=retail", "--where", "oops"}, "--where: 'oops" + tail);
}

TEST_CASE("list: a bad date or year is refused", "[list][filter]") {
  const std::string date =
      "--where: 'published' compares with a date like 2024, 2024-03 or 2024-03-18, not ";
  check_usage_error({"--where", "published>=2022-3"}, date + "'2022-3'");
  check_usage_error({"--where", "published=March"}, date + "'March'");
  check_usage_error({"--where", "published<20220318"}, date + "'20220318'");
  check_usage_error({"--where", "year=22"},
                    "--where: 'year' compares with a year like 2024, not '22'");
  check_usage_error({"--where", "example=yes"}, "--where: 'example' is true or false, not 'yes'");
  check_usage_error({"--where", "authors=Jane"},
                    "--where: 'authors' is a set of fields and cannot be compared");
}

TEST_CASE("list: a date that is not in the calendar is refused", "[list][filter]") {
  const std::string date =
      "--where: 'published' compares with a date like 2024, 2024-03 or 2024-03-18, not ";
  check_usage_error({"--where", "published>=2022-13"}, date + "'2022-13'");
  check_usage_error({"--where", "published=2022-02-30"}, date + "'2022-02-30'");
}

TEST_CASE("list: sort by an ordered enum follows its order", "[list]") {
  CHECK(slugs({"--sort", "company_size"}) ==
        Slugs{k_engagement, k_four_day, k_exit, k_interviews, k_buddy, k_skills, k_pay_bands});
  CHECK(slugs({"--sort", "-company_size"}) ==
        Slugs{k_pay_bands, k_skills, k_buddy, k_interviews, k_exit, k_four_day, k_engagement});
}

TEST_CASE("list: sort by several keys and descending", "[list]") {
  CHECK(slugs({"--sort", "industry,-company_size"}) ==
        Slugs{k_buddy, k_interviews, k_skills, k_engagement, k_pay_bands, k_exit, k_four_day});
  CHECK(slugs({"--sort", "industry,company_size"}) ==
        Slugs{k_buddy, k_interviews, k_skills, k_engagement, k_exit, k_pay_bands, k_four_day});
  CHECK(slugs({"-s", "-slug"}) ==
        Slugs{k_interviews, k_skills, k_pay_bands, k_four_day, k_exit, k_engagement, k_buddy});
  // Spaces around keys are allowed.
  CHECK(slugs({"--sort", " industry , -company_size "}) ==
        Slugs{k_buddy, k_interviews, k_skills, k_engagement, k_pay_bands, k_exit, k_four_day});
}

TEST_CASE("list: sort by date puts undated cases last either way", "[list]") {
  CHECK(slugs({"--sort", "published"}) ==
        Slugs{k_engagement, k_pay_bands, k_buddy, k_four_day, k_skills, k_interviews, k_exit});
  // Newest first: the draft without a date comes after every dated case.
  CHECK(slugs({"--sort", "-published,slug"}) ==
        Slugs{k_interviews, k_skills, k_four_day, k_buddy, k_pay_bands, k_engagement, k_exit});
  CHECK(slugs({"--sort", "-year,slug"}) ==
        Slugs{k_interviews, k_skills, k_buddy, k_four_day, k_pay_bands, k_engagement, k_exit});
}

TEST_CASE("list: sort and columns refuse unknown fields", "[list]") {
  check_usage_error({"--sort", "sluggo"}, "--sort: unknown field 'sluggo'; did you mean 'slug'?");
  check_usage_error({"--sort", "title,-publishd"},
                    "--sort: unknown field 'publishd'; did you mean 'published'?");
  check_usage_error({"--columns", "slug,titel"},
                    "--columns: unknown field 'titel'; did you mean 'title'?");
  check_usage_error({"--columns", "slug,colour"}, "--columns: unknown field 'colour'");
}

TEST_CASE("list: an empty column list is refused", "[list]") {
  // Nothing to print per case: a usage error rather than a blank line each.
  RunResult result = list_quiet({"--columns", ""});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err.rfind("hros: error: --columns", 0) == 0);
}

TEST_CASE("list: columns choose what the table shows", "[list]") {
  RunResult result =
      list_quiet({"--columns", "path,regions,topics,company_size", "--where", "regions=US"});
  CHECK(result.exit_code == 0);
  CHECK(result.out ==
        "PATH                                                REGIONS  TOPICS                      "
        "      COMPANY_SIZE\n"
        "list/cases/exit-interviews-people-answer.md         US; MX   offboarding; retention      "
        "      51-200\n"
        "list/cases/pay-bands-in-the-open.md                 US       compensation; culture       "
        "      10001+\n"
        "list/cases/structured-interviews-for-team-leads.md  US; CA   recruiting; "
        "candidate-experience  201-1000\n");
}

TEST_CASE("list: table cells with line breaks stay on one line", "[list]") {
  RunResult result = list_quiet({"--columns", "slug,summary", "--where", "slug=" + k_engagement});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "SLUG                               SUMMARY\n"
                      "engagement-beyond-the-spreadsheet  A team of eight replaced an engagement "
                      "score with a monthly conversation. Each month the team chose one thing to "
                      "change.\n");
}

TEST_CASE("list: limit keeps the first cases after sorting", "[list]") {
  CHECK(slugs({"--sort", "-company_size", "--limit", "2"}) == Slugs{k_pay_bands, k_skills});
  CHECK(slugs({"-n", "1", "--where", "industry=retail"}) == Slugs{k_exit});
  CHECK(slugs({"--limit", "100"}) == k_all);
  CHECK(slugs({"--limit", "0"}) == k_all);
}

TEST_CASE("list: a negative or non-numeric limit is refused", "[list]") {
  RunResult negative = list_quiet({"--limit", "-1"});
  CHECK(negative.exit_code == 2);
  CHECK(negative.out.empty());
  RunResult word = list_quiet({"--limit", "many"});
  CHECK(word.exit_code == 2);
  CHECK(word.out.empty());
}

TEST_CASE("list: json is typed front matter with slug and path", "[list]") {
  RunResult result = list({"--format", "json"});
  CHECK(result.exit_code == 0);
  CHECK(result.err == k_broken_warning);
  const std::string script = R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(len(data))
for case in data:
    assert list(case)[:2] == ['slug', 'path'], list(case)
    assert case['path'] == 'list/cases/' + case['slug'] + '.md', case['path']
    assert case['example'] is True
    assert isinstance(case['regions'], list) and isinstance(case['topics'], list)
    assert isinstance(case['authors'][0], dict)
    print(case['slug'], case['company_size'], case.get('published'), ','.join(case['regions']))
by = {case['slug']: case for case in data}
metric = by['buddy-program-for-new-nurses']['metrics'][0]
print(type(metric['before']).__name__, metric['before'], type(metric['after']).__name__, metric['after'], metric['unit'])
print(by['four-day-week-pilot']['title'])
print(repr(by['engagement-beyond-the-spreadsheet']['summary']))
print('published' in by['exit-interviews-people-answer'])
print(by['pay-bands-in-the-open']['tools'])
)";
  CHECK(hros::test::python_on(script, result.out) ==
        "7\n"
        "buddy-program-for-new-nurses 1001-5000 2022-03-18 GB\n"
        "engagement-beyond-the-spreadsheet 1-10 2021-12-31 KE\n"
        "exit-interviews-people-answer 51-200 None US,MX\n"
        "four-day-week-pilot 11-50 2022-11-30 NO,SE\n"
        "pay-bands-in-the-open 10001+ 2022-03-02 US\n"
        "skills-matrix-for-internal-moves 5001-10000 2023-06-01 DE\n"
        "structured-interviews-for-team-leads 201-1000 2024-03-18 US,CA\n"
        "float 31.5 int 22 %\n"
        "-40% overtime with a four-day week pilot\n"
        "'A team of eight replaced an engagement score with a monthly conversation.\\nEach month "
        "the team chose one thing to change.'\n"
        "False\n"
        "['Workday', 'Confluence']\n");
}

TEST_CASE("list: json follows the filter sort and limit", "[list]") {
  RunResult result = list_quiet(
      {"--format", "json", "--where", "published>=2022", "--sort", "-published", "-n", "3"});
  CHECK(result.exit_code == 0);
  const std::string script = R"(import json, sys
for case in json.load(open(sys.argv[1], encoding='utf-8')):
    print(case['slug'])
)";
  CHECK(hros::test::python_on(script, result.out) ==
        k_interviews + "\n" + k_skills + "\n" + k_four_day + "\n");
}

TEST_CASE("list: ndjson is one object a line", "[list]") {
  RunResult result = list_quiet({"--format", "ndjson", "--sort", "company_size"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const std::string script = R"(import json, sys
text = open(sys.argv[1], encoding='utf-8').read()
assert text.endswith('\n')
lines = text.split('\n')[:-1]
print(len(lines))
for line in lines:
    case = json.loads(line)
    assert isinstance(case, dict)
    print(case['slug'], case['path'], case['company_size'], type(case['example']).__name__)
)";
  CHECK(hros::test::python_on(script, result.out) ==
        "7\n"
        "engagement-beyond-the-spreadsheet list/cases/engagement-beyond-the-spreadsheet.md 1-10 "
        "bool\n"
        "four-day-week-pilot list/cases/four-day-week-pilot.md 11-50 bool\n"
        "exit-interviews-people-answer list/cases/exit-interviews-people-answer.md 51-200 bool\n"
        "structured-interviews-for-team-leads list/cases/structured-interviews-for-team-leads.md "
        "201-1000 bool\n"
        "buddy-program-for-new-nurses list/cases/buddy-program-for-new-nurses.md 1001-5000 bool\n"
        "skills-matrix-for-internal-moves list/cases/skills-matrix-for-internal-moves.md "
        "5001-10000 bool\n"
        "pay-bands-in-the-open list/cases/pay-bands-in-the-open.md 10001+ bool\n");
}

TEST_CASE("list: csv reads back with a header and inert formulas", "[list]") {
  RunResult result =
      list_quiet({"--format", "csv", "--columns", "slug,title,organization,regions,tools,year"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const std::string script = R"(import csv, sys
raw = open(sys.argv[1], encoding='utf-8', newline='').read()
print(raw.count('\r\n'), raw.count('\n'))
for row in csv.reader(open(sys.argv[1], encoding='utf-8', newline='')):
    print('|'.join(row))
)";
  CHECK(hros::test::python_on(script, result.out) ==
        "8 8\n"
        "slug|title|organization|regions|tools|year\n"
        "buddy-program-for-new-nurses|A buddy for every new nurse|'@Home Care Collective|GB|"
        "Excel|2022\n"
        "engagement-beyond-the-spreadsheet|'=SUM(A1) is not how we measure engagement|Example "
        "Shelter|KE||2021\n"
        "exit-interviews-people-answer|Exit interviews people actually answer|Example "
        "Grocers|US; MX||\n"
        "four-day-week-pilot|'-40% overtime with a four-day week pilot|Example Apps|NO; SE||2022\n"
        "pay-bands-in-the-open|Pay bands, published to every employee|Example Outfitters|US|"
        "Workday; Confluence|2022\n"
        "skills-matrix-for-internal-moves|Skills matrix for internal moves|Example "
        "Machines|DE||2023\n"
        "structured-interviews-for-team-leads|Structured interviews for warehouse team "
        "leads|Example Freight|US; CA|Greenhouse; Notion|2024\n");
}

TEST_CASE("list: csv keeps line breaks inside a quoted cell", "[list]") {
  RunResult result = list_quiet(
      {"--format", "csv", "--columns", "slug,summary", "--where", "slug=" + k_engagement});
  CHECK(result.exit_code == 0);
  const std::string script = R"(import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
print(len(rows))
print(repr(rows[1][1]))
)";
  CHECK(hros::test::python_on(script, result.out) ==
        "2\n'A team of eight replaced an engagement score with a monthly conversation.\\nEach "
        "month the team chose one thing to change.'\n");
}

TEST_CASE("list: paths are one a line", "[list]") {
  RunResult result = list_quiet({"--format", "paths", "--where", "status!=published"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == "list/cases/engagement-beyond-the-spreadsheet.md\n"
                      "list/cases/exit-interviews-people-answer.md\n"
                      "list/cases/skills-matrix-for-internal-moves.md\n");
}

TEST_CASE("list: an unknown format is a usage error", "[list]") {
  check_usage_error({"--format", "xml"}, "unknown format 'xml'; use table, json, ndjson, csv or "
                                         "paths");
}

TEST_CASE("list: a missing cases directory is a usage error", "[list]") {
  RunResult result = run_hros({"--root", "list/nowhere", "list"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "hros: error: no cases directory at list/nowhere (give one with --root DIR "
                      "or in hros.yaml)\n");
}

TEST_CASE("list: hros.yaml ignore globs keep files out", "[list]") {
  // Found by walking up from the working directory.
  RunOptions options;
  options.cwd = hros::test::data_dir() / "list" / "ignore";
  RunResult found = run_hros({"list", "--format", "paths"}, options);
  CHECK(found.exit_code == 0);
  CHECK(found.err.empty());
  CHECK(found.out == "cases/pay-bands-in-the-open.md\n");
  // Named with --config.
  RunResult named = run_hros({"--config", "list/ignore/hros.yaml", "list", "--format", "paths"});
  CHECK(named.exit_code == 0);
  CHECK(named.err.empty());
  CHECK(named.out == "list/ignore/cases/pay-bands-in-the-open.md\n");
  // Without the configuration the drafts folder is listed, broken file and all.
  RunResult all = run_hros({"--root", "list/ignore/cases", "list", "--format", "paths"});
  CHECK(all.exit_code == 0);
  CHECK(all.out == "list/ignore/cases/drafts/exit-interviews-people-answer.md\n"
                   "list/ignore/cases/pay-bands-in-the-open.md\n");
  CHECK(all.err == "hros: warning: list/ignore/cases/drafts/broken-front-matter.md: skipped: "
                   "invalid YAML: the list opened here has no closing bracket ']' (run 'hros "
                   "lint')\n");
}
