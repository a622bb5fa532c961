// `hros stats` on tests/data/stats/cases: six cases across four industries,
// four company sizes (three sizes never occur), overlapping topics and
// regions, three years and one undated draft, two kinds and three statuses,
// an organisation that starts with '=' (a spreadsheet formula), a tool name
// holding an escape sequence, and one file with broken YAML that stats
// skips with a warning.
#include "run_hros.hpp"

#include "hros/terminal_text.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;

namespace {

const std::string k_broken_warning =
    "hros: warning: stats/cases/broken-yaml.md: skipped: invalid YAML: the list opened here has "
    "no closing bracket ']' (run 'hros lint')\n";

RunResult stats(const std::vector<std::string>& args, const std::string& lang = "C.UTF-8") {
  std::vector<std::string> full = {"--root", "stats/cases", "stats"};
  full.insert(full.end(), args.begin(), args.end());
  RunOptions options;
  options.env = {"LANG=" + lang, "LC_ALL=", "LC_CTYPE=", "COLUMNS="};
  return run_hros(full, options);
}

RunResult quiet_stats(const std::vector<std::string>& args, const std::string& lang = "C.UTF-8") {
  std::vector<std::string> full = {"-q"};
  full.insert(full.end(), args.begin(), args.end());
  RunResult result = stats(full, lang);
  return result;
}

// `n` full blocks, and a partial one of `eighths` (1-7) after them.
std::string blocks(int n, int eighths = 0) {
  static const char* const k_partial[] = {"",
                                          "\xE2\x96\x8F",
                                          "\xE2\x96\x8E",
                                          "\xE2\x96\x8D",
                                          "\xE2\x96\x8C",
                                          "\xE2\x96\x8B",
                                          "\xE2\x96\x8A",
                                          "\xE2\x96\x89"};
  std::string bar;
  for (int i = 0; i < n; ++i) {
    bar += "\xE2\x96\x88";
  }
  return bar + k_partial[eighths];
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    lines.push_back(line);
  }
  return lines;
}

} // namespace

TEST_CASE("stats: help documents the fields, formats and exit status", "[stats]") {
  RunResult result = run_hros({"stats", "--help"});
  CHECK(result.exit_code == 0);
  CHECK(
      result.out.find("Exit status: 0 counts printed, 1 no case matches, 2 usage or I/O error.") !=
      std::string::npos);
  CHECK(result.out.find("industry, topics, company_size, regions, year, kind, status") !=
        std::string::npos);
  CHECK(result.out.find("table, json or csv") != std::string::npos);
  CHECK(result.out.find("Examples:") != std::string::npos);
}

TEST_CASE("stats: by industry most first then by name with bars and a total", "[stats]") {
  RunResult result = stats({"--width", "60"});
  CHECK(result.exit_code == 0);
  CHECK(result.err == k_broken_warning);
  // 60 columns less 30 for the value, count and share leave 30 for the bars.
  CHECK(result.out == "INDUSTRY       CASES       %\n"
                      "retail             3   50.0%  " +
                          blocks(30) +
                          "\n"
                          "healthcare         1   16.7%  " +
                          blocks(10) +
                          "\n"
                          "manufacturing      1   16.7%  " +
                          blocks(10) +
                          "\n"
                          "technology         1   16.7%  " +
                          blocks(10) +
                          "\n"
                          "total              6  100.0%\n");
}

TEST_CASE("stats: company sizes come in their own order with the empty ones", "[stats]") {
  RunResult result = quiet_stats({"--by", "company_size", "--width", "60"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out == "COMPANY_SIZE  CASES       %\n"
                      "1-10              0    0.0%\n"
                      "11-50             0    0.0%\n"
                      "51-200            2   33.3%  " +
                          blocks(31) +
                          "\n"
                          "201-1000          1   16.7%  " +
                          blocks(15, 4) +
                          "\n"
                          "1001-5000         2   33.3%  " +
                          blocks(31) +
                          "\n"
                          "5001-10000        0    0.0%\n"
                          "10001+            1   16.7%  " +
                          blocks(15, 4) +
                          "\n"
                          "total             6  100.0%\n");
}

TEST_CASE("stats: a list field counts each item and says the counts overlap", "[stats]") {
  RunResult result = quiet_stats({"--by", "topics", "--width", "50"}, "C");
  CHECK(result.exit_code == 0);
  CHECK(result.out == "TOPICS                CASES       %\n"
                      "retention                 3   50.0%  #############\n"
                      "compensation              1   16.7%  ####\n"
                      "employee-experience       1   16.7%  ####\n"
                      "internal-mobility         1   16.7%  ####\n"
                      "learning-development      1   16.7%  ####\n"
                      "offboarding               1   16.7%  ####\n"
                      "onboarding                1   16.7%  ####\n"
                      "wellbeing                 1   16.7%  ####\n"
                      "total                     6  100.0%\n"
                      "A case counts once under each of its topics, so\n"
                      "the counts add up to more than the total.\n");
}

TEST_CASE("stats: years come in time order and undated cases as none", "[stats]") {
  RunResult result = quiet_stats({"--by", "year", "--width", "40"}, "C");
  CHECK(result.exit_code == 0);
  CHECK(result.out == "YEAR    CASES       %\n"
                      "2022        2   33.3%  #################\n"
                      "2023        2   33.3%  #################\n"
                      "2024        1   16.7%  #########\n"
                      "(none)      1   16.7%  #########\n"
                      "total       6  100.0%\n");
}

TEST_CASE("stats: every line fits the width", "[stats]") {
  for (const char* width : {"20", "33", "80", "132"}) {
    for (const char* by : {"industry", "topics", "organization", "tools"}) {
      RunResult result = quiet_stats({"--by", by, "--width", width});
      CHECK(result.exit_code == 0);
      for (const std::string& line : lines_of(result.out)) {
        INFO(by << " at " << width << ": " << line);
        CHECK(hros::display_width(line) <= std::stoul(width));
      }
    }
  }
}

TEST_CASE("stats: where filters with the grammar list uses", "[stats]") {
  RunResult retail =
      quiet_stats({"--by", "company_size", "--where", "industry=retail", "--format", "csv"});
  CHECK(retail.exit_code == 0);
  CHECK(retail.out == "company_size,cases,percent\r\n"
                      "1-10,0,0\r\n"
                      "11-50,0,0\r\n"
                      "51-200,1,33.3\r\n"
                      "201-1000,0,0\r\n"
                      "1001-5000,1,33.3\r\n"
                      "5001-10000,0,0\r\n"
                      "10001+,1,33.3\r\n");
  RunResult combined = quiet_stats({"--by", "status", "--where", "company_size>=1001-5000",
                                    "--where", "published>=2022-06", "--format", "csv"});
  CHECK(combined.exit_code == 0);
  CHECK(combined.out == "status,cases,percent\r\npublished,2,100\r\n");
  RunResult topics = quiet_stats({"--by", "regions", "--where", "topics=retention", "--where",
                                  "regions!=US", "--format", "csv"});
  CHECK(topics.out == "regions,cases,percent\r\nGB,1,50\r\nIE,1,50\r\nNO,1,50\r\nSE,1,50\r\n");
}

TEST_CASE("stats: json reads back with counts percentages and null for none", "[stats]") {
  RunResult result = quiet_stats({"--by", "tools", "--format", "json"});
  CHECK(result.exit_code == 0);
  const std::string script = R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(data['field'], data['cases'])
for row in data['counts']:
    print(repr(row['value']), row['count'], row['percent'])
)";
  CHECK(hros::test::python_on(script, result.out) == "tools 6\n"
                                                     "'Excel' 2 33.3\n"
                                                     "'\\x1b[31mRed\\x1b[0m' 1 16.7\n"
                                                     "'Jira' 1 16.7\n"
                                                     "'Slack' 1 16.7\n"
                                                     "'Workday' 1 16.7\n"
                                                     "None 2 33.3\n");
}

TEST_CASE("stats: csv reads back and formulas are made inert", "[stats]") {
  RunResult result = quiet_stats({"--by", "organization", "--format", "csv"});
  CHECK(result.exit_code == 0);
  const std::string script = R"(import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))
print(rows[0])
print(len(rows) - 1, sum(int(row[1]) for row in rows[1:]))
print(' | '.join(rows[1]))
)";
  CHECK(hros::test::python_on(script, result.out) == "['organization', 'cases', 'percent']\n"
                                                     "6 6\n"
                                                     "'=HYPERLINK(\"x\") | 1 | 16.7\n");
}

TEST_CASE("stats: values from cases reach the terminal inert", "[stats]") {
  RunResult result = quiet_stats({"--by", "tools", "--width", "60"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find('\x1b') == std::string::npos);
  CHECK(result.out.find("\xEF\xBF\xBD[31mRed\xEF\xBF\xBD[0m") != std::string::npos);
  CHECK(result.out.find("(none)            2   33.3%") != std::string::npos);
}

TEST_CASE("stats: no matching case exits 1", "[stats]") {
  RunResult result = stats({"--where", "industry=energy"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == k_broken_warning + "hros: no case matches\n");
  RunResult json = quiet_stats({"--where", "industry=energy", "--format", "json"});
  CHECK(json.exit_code == 1);
  CHECK(json.out == "{\n  \"field\": \"industry\",\n  \"cases\": 0,\n  \"counts\": []\n}\n");
}

TEST_CASE("stats: usage errors name the mistake and exit 2", "[stats]") {
  RunResult by = quiet_stats({"--by", "industy"});
  CHECK(by.exit_code == 2);
  CHECK(by.out.empty());
  CHECK(by.err == "hros: error: --by: unknown field 'industy'; did you mean 'industry'?\n");
  RunResult where = quiet_stats({"--where", "industry=retial"});
  CHECK(where.exit_code == 2);
  CHECK(where.err.find("hros: error: --where: ") == 0);
  CHECK(where.err.find("did you mean 'retail'?") != std::string::npos);
  RunResult format = quiet_stats({"--format", "xml"});
  CHECK(format.exit_code == 2);
  CHECK(format.err == "hros: error: unknown format 'xml'; use table, json or csv\n");
  RunResult width = quiet_stats({"--width", "3"});
  CHECK(width.exit_code == 2);
  CHECK(width.err == "hros: error: --width: 3 is too narrow; give 20 or more\n");
}
