// `hros export` on tests/data/export/cases: four lint-clean cases from the
// list fixtures, one with broken YAML (skipped with a warning), and
// hostile-values-stay-inert.md, whose title, summary, authors, metrics, tools,
// website and body carry script tags, quotes, javascript: links and
// spreadsheet formulas. Every format is read back by a real consumer:
// python3's json and csv modules, the sqlite3 shell, and (test_export_site)
// chromium.
#include "dir_snapshot.hpp"
#include "export_helpers.hpp"
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace hros::test;

namespace {

const std::string k_root = "export/cases";
const std::string k_hostile = "hostile-values-stay-inert";
const std::string k_broken_warning =
    "hros: warning: export/cases/broken-front-matter.md: skipped: invalid YAML: the list opened "
    "here has no closing bracket ']' (run 'hros lint')\n";

RunResult export_cases(const std::vector<std::string>& args) {
  std::vector<std::string> full = {"--root", k_root, "export"};
  full.insert(full.end(), args.begin(), args.end());
  return run_hros(full);
}

std::string sqlite(const fs::path& db, const std::string& sql) {
  TempDir dir;
  fs::path out = dir.path() / "out.txt";
  std::string command =
      "sqlite3 -bail '" + db.string() + "' \"" + sql + "\" > '" + out.string() + "' 2>&1";
  int status = std::system(command.c_str());
  std::string text = read_text(out);
  return status == 0 ? text : text + "[sqlite3 failed]\n";
}

std::string all_pages(const fs::path& site) {
  std::string text;
  for (const auto& entry : fs::recursive_directory_iterator(site)) {
    if (entry.path().extension() == ".html") {
      text += read_text(entry.path());
    }
  }
  return text;
}

} // namespace

TEST_CASE("export json is one array of typed cases with body and sections", "[export]") {
  RunResult result = export_cases({"--format", "json"});
  CHECK(result.exit_code == 0);
  CHECK(result.err == k_broken_warning);
  std::string checked = python_on(R"py(
import json, sys
cases = json.load(open(sys.argv[1]))
print(len(cases), [c["slug"] for c in cases])
buddy = next(c for c in cases if c["slug"] == "buddy-program-for-new-nurses")
print(type(buddy["published"]).__name__, buddy["published"])
print(buddy["metrics"][0]["before"], type(buddy["metrics"][0]["after"]).__name__)
print(buddy["example"], buddy["path"])
print([s["title"] for s in buddy["sections"]])
print(buddy["sections"][0]["text"])
print(buddy["body"].startswith("*This is an example case"))
four = next(c for c in cases if c["slug"] == "four-day-week-pilot")
print(four["regions"], four["published"])
)py",
                                  result.out);
  CHECK(checked ==
        "5 ['buddy-program-for-new-nurses', 'four-day-week-pilot', 'hostile-values-stay-inert', "
        "'pay-bands-in-the-open', 'skills-matrix-for-internal-moves']\n"
        "str 2022-03-18\n"
        "31.5 int\n"
        "True export/cases/buddy-program-for-new-nurses.md\n"
        "['Why', 'What', 'How', 'Results', \"What didn't work\", 'Learnings', 'Resources']\n"
        "Too many nurses left within their first year.\n"
        "True\n"
        "['NO', 'SE'] 2022-11-30\n");
}

TEST_CASE("export ndjson is one case a line and bulk actions precede each", "[export]") {
  RunResult plain = export_cases({"--format", "ndjson", "--where", "industry=healthcare"});
  CHECK(plain.exit_code == 0);
  CHECK(python_on("import json, sys\nfor line in open(sys.argv[1]):\n"
                  "    print(json.loads(line)['slug'])\n",
                  plain.out) == "buddy-program-for-new-nurses\n");

  RunResult bulk = export_cases({"-q", "--format", "ndjson", "--bulk-index", "hr-cases"});
  CHECK(bulk.exit_code == 0);
  CHECK(bulk.err.empty());
  std::string checked = python_on(R"py(
import json, sys
lines = open(sys.argv[1]).read().splitlines()
print(len(lines))
for action, doc in zip(lines[0::2], lines[1::2]):
    a = json.loads(action)["index"]
    d = json.loads(doc)
    print(a["_index"], a["_id"] == d["slug"], d["kind"])
)py",
                                  bulk.out);
  CHECK(checked == "10\nhr-cases True case-study\nhr-cases True spark\nhr-cases True "
                   "case-study\nhr-cases True case-study\nhr-cases True case-study\n");
}

TEST_CASE("export rejects options that do not fit the format", "[export]") {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  };
  for (const Case& c : std::vector<Case>{
           {{"--format", "yaml"},
            "hros: error: unknown format 'yaml'; use json, ndjson, csv, sqlite or html\n"},
           {{"--format", "json", "--bulk-index", "x"},
            "hros: error: --bulk-index goes with --format ndjson\n"},
           {{"--format", "ndjson", "--bulk-index", "HR"},
            "hros: error: --bulk-index 'HR': an index name must be lowercase\n"},
           {{"--format", "ndjson", "--bulk-index", "_x"},
            "hros: error: --bulk-index '_x': an index name cannot start with '_'\n"},
           {{"--format", "sqlite"},
            "hros: error: --format sqlite writes a database file: give one with -o FILE\n"},
           {{"--format", "html"},
            "hros: error: --format html writes a site: give its directory with -o DIR\n"},
           {{"--where", "industy=retail"},
            "hros: error: --where: unknown field 'industy'; did you mean 'industry'?\n"},
       }) {
    RunResult result = export_cases(c.args);
    INFO(c.args[1]);
    CHECK(result.exit_code == 2);
    CHECK(result.err == c.error);
    CHECK(result.out.empty());
  }
}

TEST_CASE("export csv reads back with a CSV reader and formulas are inert", "[export]") {
  RunResult result = export_cases({"-q", "--format", "csv"});
  CHECK(result.exit_code == 0);
  std::string checked = python_on(R"py(
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
print(len(rows), list(rows[0].keys())[:5])
h = next(r for r in rows if r["slug"] == "hostile-values-stay-inert")
for field in ["title", "organization", "authors", "tools", "website", "regions"]:
    print(field, repr(h[field]))
print(repr(h["metrics"]))
b = next(r for r in rows if r["slug"] == "buddy-program-for-new-nurses")
print(repr(b["organization"]), repr(b["example"]))
for r in rows:
    for k, v in r.items():
        if v and v[0] in "=+-@\t\r":
            print("live formula", k, repr(v))
)py",
                                  result.out);
  CHECK(checked ==
        "5 ['slug', 'path', 'title', 'kind', 'example']\n"
        "title '<script>alert(\"title\")</script> \"Quotes\" & \\'apostrophes\\' in a title'\n"
        "organization '\\'=HYPERLINK(\"http://example.invalid\",\"click\")'\n"
        "authors '<img src=x onerror=alert(\"author\")>'\n"
        "tools \"'-2+3; @Greenhouse; \\tTabbed\"\n"
        "website 'javascript:alert(\"website\")'\n"
        "regions 'US; NO'\n"
        "'<i>Time</i> to hire: 40 -> 30 days (6 months); @SUM(1+1): 10 -> 15 % (a year)'\n"
        "\"'@Home Care Collective\" 'true'\n");
}

TEST_CASE("export writes files atomically and nothing when no case matches", "[export]") {
  TempDir dir;
  fs::path file = dir.path() / "cases.json";
  RunResult none = export_cases({"--where", "industry=energy", "-o", file.string()});
  CHECK(none.exit_code == 1);
  CHECK(none.err == k_broken_warning + "hros: no case matches; nothing written\n");
  CHECK_FALSE(fs::exists(file));

  RunResult written = export_cases({"-q", "-o", file.string()});
  CHECK(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(python_on("import json, sys\nprint(len(json.load(open(sys.argv[1]))))\n",
                  read_text(file)) == "5\n");
  CHECK(leftovers(dir.path(), ".cases.json").empty());

  RunResult into_dir = export_cases({"-q", "-o", dir.path().string()});
  CHECK(into_dir.exit_code == 2);
  CHECK(into_dir.err ==
        "hros: error: cannot write " + dir.path().string() + ": it is a directory\n");
}

TEST_CASE("export sqlite has normalised tables, foreign keys and full-text search",
          "[export][sqlite]") {
  TempDir dir;
  fs::path db = dir.path() / "bank.sqlite";
  RunResult result = export_cases({"--format", "sqlite", "-o", db.string()});
  CHECK(result.exit_code == 0);
  CHECK(result.err == k_broken_warning + "hros: exported 5 cases to " + db.string() + "\n");
  CHECK(sqlite(db, "PRAGMA integrity_check; PRAGMA foreign_key_check;") == "ok\n");
  CHECK(sqlite(db, "SELECT (SELECT count(*) FROM cases), (SELECT count(*) FROM authors), "
                   "(SELECT count(*) FROM topics), (SELECT count(*) FROM regions), "
                   "(SELECT count(*) FROM metrics), (SELECT count(*) FROM sections), "
                   "(SELECT count(*) FROM cases_fts);") == "5|5|10|7|5|32|5\n");
  CHECK(sqlite(db, "SELECT c.slug, m.name, m.before, m.after, m.change, m.unit FROM metrics m "
                   "JOIN cases c ON c.id = m.case_id WHERE c.industry = 'healthcare';") ==
        "buddy-program-for-new-nurses|First-year leavers|31.5|22.0|-9.5|%\n");
  CHECK(sqlite(db, "SELECT c.slug FROM cases_fts JOIN cases c ON c.id = cases_fts.rowid "
                   "WHERE cases_fts MATCH 'nurses' ORDER BY rank;") ==
        "buddy-program-for-new-nurses\nhostile-values-stay-inert\n");
  CHECK(sqlite(db, "SELECT slug, year, company_size_rank, example FROM cases "
                   "WHERE published IS NULL OR year >= 2023 ORDER BY slug;") ==
        "hostile-values-stay-inert|2023|4|1\nskills-matrix-for-internal-moves|2023|6|1\n");
  CHECK(sqlite(db, "SELECT c.slug FROM cases c JOIN regions r ON r.case_id = c.id "
                   "WHERE r.region = 'NO' ORDER BY 1;") ==
        "four-day-week-pilot\nhostile-values-stay-inert\n");
  CHECK(sqlite(db, "SELECT s.title, length(text) > 0 FROM sections s JOIN cases c ON c.id = "
                   "s.case_id WHERE c.slug = 'four-day-week-pilot' ORDER BY position;") ==
        "What|1\nResults|1\nWhat didn't work|1\nLearnings|1\n");
  CHECK(sqlite(db, "SELECT json_extract(front_matter, '$.metrics[0].before') FROM cases "
                   "WHERE slug = 'buddy-program-for-new-nurses';") == "31.5\n");
  // Values are stored as written: the injection text is data, not SQL.
  CHECK(sqlite(db, "SELECT organization FROM cases WHERE slug = 'hostile-values-stay-inert';") ==
        "=HYPERLINK(\"http://example.invalid\",\"click\")\n");
  CHECK(sqlite(db, "PRAGMA foreign_keys = ON; DELETE FROM cases WHERE slug = "
                   "'four-day-week-pilot'; SELECT count(*) FROM topics;") == "8\n");
  CHECK(leftovers(dir.path(), ".bank.sqlite").empty());
}

TEST_CASE("export html writes a site with relative links and inert values", "[export][html]") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  RunResult result = export_cases({"-q", "--format", "html", "-o", site.string()});
  CHECK(result.exit_code == 0);
  for (const char* file :
       {"index.html", "stats.html", ".hros-export", "assets/site.css", "assets/search.js",
        "assets/search-index.js", "cases/buddy-program-for-new-nurses.html",
        "industries/index.html", "industries/healthcare.html", "topics/onboarding.html"}) {
    INFO(file);
    CHECK(fs::is_regular_file(site / file));
  }
  std::string pages = all_pages(site);
  // No network: nothing loaded from elsewhere, no absolute links into the host.
  CHECK_FALSE(std::regex_search(pages, std::regex("src=\"(https?:)?//")));
  CHECK_FALSE(std::regex_search(pages, std::regex("<link[^>]*href=\"(https?:)?//")));
  CHECK_FALSE(std::regex_search(pages, std::regex("(src|href)=\"/")));
  CHECK(pages.find("@import") == std::string::npos);
  // Only our own two scripts, and only on the index page.
  std::string scripts;
  std::regex script_tag("<script[^>]*>");
  for (auto it = std::sregex_iterator(pages.begin(), pages.end(), script_tag);
       it != std::sregex_iterator(); ++it) {
    scripts += it->str() + "\n";
  }
  CHECK(scripts == "<script src=\"assets/search-index.js\">\n<script src=\"assets/search.js\">\n");
  CHECK(pages.find("javascript:") == std::string::npos);
  CHECK(pages.find("data:text") == std::string::npos);
  CHECK(pages.find("<iframe") == std::string::npos);
  CHECK(pages.find("onerror=") == pages.find("onerror=alert(&quot;")); // only as text

  std::string hostile = read_text(site / "cases" / (k_hostile + ".html"));
  CHECK(hostile.find("<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; "
                     "&quot;Quotes&quot; &amp; &#39;apostrophes&#39; in a title</h1>") !=
        std::string::npos);
  CHECK(hostile.find("<!-- raw HTML omitted -->") != std::string::npos);
  CHECK(hostile.find("<a href=\"\">script link</a>") != std::string::npos);
  CHECK(hostile.find("<a href=\"buddy-program-for-new-nurses.html#results\">") !=
        std::string::npos);
  CHECK(hostile.find("<dt>Website</dt>") == std::string::npos); // javascript: dropped
  CHECK(hostile.find("<th scope=\"row\">&lt;i&gt;Time&lt;/i&gt; to hire</th><td "
                     "class=\"num\">40 days</td><td class=\"num\">30 days</td><td "
                     "class=\"num\"><span class=\"down\">-10 days (-25%)</span></td><td>6 "
                     "months</td>") != std::string::npos);
  // The search index is a script file: its strings are JSON, so </script> in
  // a summary is only text, and it defines one global.
  std::string index = read_text(site / "assets" / "search-index.js");
  CHECK(index.rfind("window.HROS_INDEX={\"n\":5,", 0) == 0);
  CHECK(python_on("import json, sys\ntext = open(sys.argv[1]).read()\n"
                  "data = json.loads(text[len('window.HROS_INDEX='):].rstrip().rstrip(';'))\n"
                  "print(data['n'], data['docs']['page'][0], 'nurses' in data['terms'])\n",
                  index) == "5 skills-matrix-for-internal-moves True\n");
}

TEST_CASE("export html replaces only an earlier export unless forced", "[export][html]") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  fs::create_directories(site);
  std::ofstream(site / "notes.txt") << "mine\n";
  RunResult refused = export_cases({"-q", "--format", "html", "-o", site.string()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == "hros: error: " + site.string() +
                           " is not an earlier hros export (it has no .hros-export file); "
                           "refusing to replace it: choose another directory or add --force\n");
  CHECK(read_text(site / "notes.txt") == "mine\n");
  CHECK(leftovers(dir.path(), ".site").empty());

  RunResult forced = export_cases({"-q", "--format", "html", "--force", "-o", site.string()});
  CHECK(forced.exit_code == 0);
  CHECK_FALSE(fs::exists(site / "notes.txt"));
  CHECK(fs::exists(site / ".hros-export"));

  // A later export replaces the earlier one whole: pages of cases no longer
  // selected go away.
  RunResult again = export_cases(
      {"-q", "--format", "html", "--where", "industry=healthcare", "-o", site.string()});
  CHECK(again.exit_code == 0);
  CHECK(fs::exists(site / "cases/buddy-program-for-new-nurses.html"));
  CHECK_FALSE(fs::exists(site / "cases/four-day-week-pilot.html"));
  CHECK(leftovers(dir.path(), ".site").empty());

  std::ofstream(dir.path() / "file") << "x";
  RunResult onto_file =
      export_cases({"-q", "--format", "html", "-o", (dir.path() / "file").string()});
  CHECK(onto_file.exit_code == 2);
  CHECK(read_text(dir.path() / "file") == "x");
}

namespace {

// Starts an export of a large bank, waits until its temporary output exists
// beside `target`, sends `signal`, and returns how the process ended.
int interrupt_export(const std::vector<std::string>& args, const fs::path& target, int signal) {
  const fs::path& bank = generated_bank(3000);
  std::vector<std::string> full = {"--root", bank.string(), "export"};
  full.insert(full.end(), args.begin(), args.end());
  SpawnOptions options;
  options.cwd = bank.parent_path();
  int pid = spawn_hros(full, options);
  std::string prefix = "." + target.filename().string() + ".hros-";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (leftovers(target.parent_path(), prefix).empty() &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  ::kill(pid, signal);
  return wait_child(pid);
}

} // namespace

TEST_CASE("export interrupted by SIGINT or SIGTERM leaves the previous output",
          "[export][signal]") {
  TempDir dir;
  fs::path site = dir.path() / "site";
  fs::path db = dir.path() / "bank.sqlite";
  fs::path json = dir.path() / "bank.json";
  REQUIRE(export_cases({"-q", "--format", "html", "-o", site.string()}).exit_code == 0);
  REQUIRE(export_cases({"-q", "--format", "sqlite", "-o", db.string()}).exit_code == 0);
  REQUIRE(export_cases({"-q", "--format", "json", "-o", json.string()}).exit_code == 0);
  Snapshot site_before = snapshot(site);
  std::string db_before = read_text(db);
  std::string json_before = read_text(json);

  CHECK(interrupt_export({"--format", "html", "-o", site.string()}, site, SIGINT) == -SIGINT);
  CHECK(differences(site_before, snapshot(site)).empty());
  CHECK(leftovers(dir.path(), ".site").empty());

  CHECK(interrupt_export({"--format", "sqlite", "-o", db.string()}, db, SIGTERM) == -SIGTERM);
  CHECK(read_text(db) == db_before);
  CHECK(leftovers(dir.path(), ".bank.sqlite").empty());

  CHECK(interrupt_export({"--format", "json", "-o", json.string()}, json, SIGINT) == -SIGINT);
  CHECK(read_text(json) == json_before);
  CHECK(leftovers(dir.path(), ".bank.json").empty());
}

TEST_CASE("export on a full disk or past a file size limit loses nothing", "[export][disk]") {
  TempDir dir;
  fs::path err = dir.path() / "err.txt";
  SpawnOptions full_disk;
  full_disk.cwd = data_dir();
  full_disk.stdout_path = "/dev/full";
  full_disk.stderr_path = err.string();
  CHECK(wait_child(spawn_hros({"-q", "--root", k_root, "export"}, full_disk)) == 2);
  CHECK(read_text(err) == "hros: error: cannot write the output: No space left on device\n");

  fs::path site = dir.path() / "site";
  fs::path db = dir.path() / "bank.sqlite";
  fs::path json = dir.path() / "bank.json";
  REQUIRE(export_cases({"-q", "--format", "html", "-o", site.string()}).exit_code == 0);
  REQUIRE(export_cases({"-q", "--format", "sqlite", "-o", db.string()}).exit_code == 0);
  REQUIRE(export_cases({"-q", "--format", "json", "-o", json.string()}).exit_code == 0);
  Snapshot site_before = snapshot(site);
  std::string db_before = read_text(db);
  std::string json_before = read_text(json);

  // 64 KiB: the generated bank's site, database and JSON are all larger.
  const fs::path& bank = generated_bank(3000);
  SpawnOptions limited;
  limited.cwd = bank.parent_path();
  limited.file_size_limit_kb = 64;
  limited.stderr_path = err.string();
  for (const auto& [format, target] : std::vector<std::pair<std::string, fs::path>>{
           {"html", site}, {"sqlite", db}, {"json", json}}) {
    INFO(format);
    CHECK(wait_child(spawn_hros(
              {"-q", "--root", bank.string(), "export", "--format", format, "-o", target.string()},
              limited)) == 2);
    std::string error = read_text(err);
    CHECK((error.find("File too large") != std::string::npos ||
           error.find("over a size limit") != std::string::npos));
  }
  CHECK(differences(site_before, snapshot(site)).empty());
  CHECK(read_text(db) == db_before);
  CHECK(read_text(json) == json_before);
  for (const char* name : {".site", ".bank.sqlite", ".bank.json"}) {
    CHECK(leftovers(dir.path(), name).empty());
  }
}

TEST_CASE("export to a read-only place fails cleanly", "[export][disk]") {
  // /proc refuses new files even to root.
  for (const auto& [format, target] : std::vector<std::pair<std::string, std::string>>{
           {"html", "/proc/hros-site"}, {"sqlite", "/proc/hros.sqlite"}, {"csv", "/proc/x.csv"}}) {
    RunResult result = export_cases({"-q", "--format", format, "-o", target});
    INFO(format);
    CHECK(result.exit_code == 2);
    CHECK(result.err.rfind("hros: error: cannot write", 0) == 0);
  }
  if (::geteuid() == 0) {
    return; // root writes into read-only directories
  }
  TempDir dir;
  fs::path file = dir.path() / "cases.csv";
  std::ofstream(file) << "old\n";
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  RunResult result = export_cases({"-q", "--format", "csv", "-o", file.string()});
  fs::permissions(dir.path(), fs::perms::owner_all);
  CHECK(result.exit_code == 2);
  CHECK(read_text(file) == "old\n");
}

TEST_CASE("export html re-export links unchanged pages and rewrites changed ones",
          "[export][html]") {
  TempDir dir;
  fs::path cases = dir.path() / "cases";
  fs::create_directories(cases);
  for (const auto& entry : fs::directory_iterator(data_dir() / k_root)) {
    fs::copy_file(entry.path(), cases / entry.path().filename());
  }
  fs::path site = dir.path() / "site";
  auto run = [&] {
    return run_hros(
               {"-q", "--root", cases.string(), "export", "--format", "html", "-o", site.string()})
        .exit_code;
  };
  auto inode = [](const fs::path& file) {
    struct stat info {};
    ::stat(file.c_str(), &info);
    return info.st_ino;
  };
  REQUIRE(run() == 0);
  fs::path same = site / "cases" / "pay-bands-in-the-open.html";
  fs::path changed = site / "cases" / "four-day-week-pilot.html";
  auto same_inode = inode(same);
  auto changed_inode = inode(changed);
  std::string same_text = read_text(same);

  std::string text = read_text(cases / "four-day-week-pilot.md");
  text.replace(text.find("Four working days"), 17, "Four shorter days");
  std::ofstream(cases / "four-day-week-pilot.md", std::ios::trunc) << text;
  REQUIRE(run() == 0);
  CHECK(inode(same) == same_inode);
  CHECK(read_text(same) == same_text);
  CHECK(fs::hard_link_count(same) == 1); // the old directory is gone
  CHECK(inode(changed) != changed_inode);
  CHECK(read_text(changed).find("Four shorter days") != std::string::npos);
}
