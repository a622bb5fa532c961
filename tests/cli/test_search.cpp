// `hros search` on tests/data/search/cases: thirteen lint-clean sparks whose
// words are placed so every answer is known. "mentoring" is in one title, one
// summary and one body; "sabbatical" three times in one body and once in
// another; "ferry" and "commute" meet in one case only; "night shift" is a
// phrase in one case and two words apart in another; "apprentices",
// "apprenticeship", "recruited", "hiring", "résumé" and "Zürich" appear once
// each; "Quillfeather", "analytics", "Trello" and "Ingrid" only in the
// organisation, topics, tools and authors. Every case has the section
// heading "Learnings", so `learnings` finds them all and shows the --where
// filters at work. Industries, sizes, dates and topics are spread so each
// condition selects a different set; one draft has no date.
//
// Every run gets its own cache directory (HROS_CACHE_DIR); tests that change
// a bank copy it to a temporary directory first.
#include "run_hros.hpp"

#include "hros/dir_listing.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <thread>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

using hros::test::data_dir;
using hros::test::python_on;
using hros::test::read_text;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::source_dir;
using hros::test::TempDir;

namespace {

using Slugs = std::vector<std::string>;
using Args = std::vector<std::string>;

const std::string k_mentoring = "mentoring-circles-for-new-managers"; // finance 201-1000 2021-05-10
const std::string k_coaching =
    "peer-coaching-for-team-supervisors";                       // hospitality 51-200 2022-02-14
const std::string k_handover = "handover-notes-at-a-care-home"; // healthcare 11-50 2022-09-01
const std::string k_library =
    "long-service-leave-at-a-city-library";                    // government 201-1000 2022-12-31
const std::string k_ferry = "ferry-fares-for-island-staff";    // logistics 1001-5000 2023-03-20
const std::string k_locum = "locum-rota-for-an-island-clinic"; // healthcare 51-200 2023-07-01
const std::string k_zurich = "office-days-in-zurich";          // technology 11-50 2024-01-15
const std::string k_night =
    "night-shift-rota-at-a-bottling-plant";                   // manufacturing 5001-10000 2024-06-03
const std::string k_swaps = "swap-requests-in-a-call-centre"; // telecoms 1001-5000 2021-11-11
const std::string k_apprentices =
    "apprentices-in-a-joinery-workshop";                         // construction 11-50 2020-04-01
const std::string k_bakers = "apprenticeship-scheme-for-bakers"; // consumer-goods 51-200 2021-08-30
const std::string k_canoe = "canoe-days-for-a-small-charity";    // nonprofit 1-10 undated draft
const std::string k_pay_bands = "pay-bands-for-store-pickers";   // retail 10001+ 2024-11-20

const Slugs k_all = {k_apprentices, k_bakers, k_canoe,  k_ferry,     k_handover, k_library, k_locum,
                     k_mentoring,   k_night,  k_zurich, k_pay_bands, k_coaching, k_swaps};

Slugs sorted(Slugs slugs) {
  std::sort(slugs.begin(), slugs.end());
  return slugs;
}

std::string slug_of_path(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  return name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0
             ? name.substr(0, name.size() - 3)
             : name;
}

Slugs lines_of(const std::string& text) {
  Slugs lines;
  std::istringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) {
    lines.push_back(line);
  }
  return lines;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Stderr says nothing of the engine underneath.
void check_no_engine_wording(const RunResult& result) {
  std::string all = result.out + result.err;
  std::transform(all.begin(), all.end(), all.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  CHECK_FALSE(contains(all, "fts5"));
  CHECK_FALSE(contains(all, "sqlite"));
  CHECK_FALSE(contains(all, "syntax error"));
}

// A bank to search, with a cache directory of its own.
class Bank {
public:
  explicit Bank(fs::path root = "search/cases") : m_root(std::move(root)) {}

  const fs::path& root() const { return m_root; }
  const fs::path& cache_dir() const { return m_cache.path(); }

  // `hros [global...] --root ROOT search ARGS`, with this bank's cache.
  RunResult run(const Args& args, const Args& global = {}, Args env = {}) const {
    Args full = global;
    full.insert(full.end(), {"--root", m_root.string(), "search"});
    full.insert(full.end(), args.begin(), args.end());
    RunOptions options;
    options.env = env.empty() ? Args{"HROS_CACHE_DIR=" + m_cache.path().string()} : std::move(env);
    return run_hros(full, options);
  }

  // The slugs `--format paths` prints for the query words `query` (after
  // `--`, so -excluded words are not read as options) and `options`, in order.
  Slugs slugs(const Args& query, const Args& options = {}) const {
    Args args = options;
    args.insert(args.end(), {"-q", "--format", "paths", "--limit", "0", "--"});
    args.insert(args.end(), query.begin(), query.end());
    RunResult result = run(args);
    INFO(result.err);
    CHECK((result.exit_code == 0 || result.exit_code == 1));
    CHECK(result.err.empty());
    Slugs found;
    for (const std::string& line : lines_of(result.out)) {
      found.push_back(slug_of_path(line));
    }
    return found;
  }

  Slugs where(const std::string& condition) const {
    return sorted(slugs({"learnings"}, {"--where", condition}));
  }

private:
  fs::path m_root;
  TempDir m_cache;
};

// A copy of the fixture bank that tests may change.
class BankCopy {
public:
  BankCopy() {
    fs::copy(data_dir() / "search" / "cases", m_dir.path() / "cases", fs::copy_options::recursive);
  }
  fs::path root() const { return m_dir.path() / "cases"; }
  fs::path file(const std::string& slug) const { return root() / (slug + ".md"); }

private:
  TempDir m_dir;
};

// The cache files in `dir`, by name; the directory listing kept beside each
// (`.dirs`) is left out.
Slugs cache_files(const fs::path& dir) {
  Slugs names;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->path().extension() != ".dirs") {
      names.push_back(it->path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

fs::path the_cache_file(const fs::path& dir) {
  Slugs names = cache_files(dir);
  REQUIRE(names.size() == 1);
  REQUIRE(fs::path(names[0]).extension() == ".sqlite");
  return dir / names[0];
}

void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream stream(path, std::ios::binary | std::ios::trunc);
  stream << bytes;
}

// A usage error on the query: exit 2, nothing on stdout, the message with a
// column and a caret under it, and no engine wording.
void check_query_error(const Bank& bank, const std::string& query, const std::string& message,
                       int column) {
  RunResult result = bank.run({"--", query});
  INFO(query);
  INFO(result.err);
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  std::string caret = std::string(static_cast<std::size_t>(column) + 1, ' ') + "^";
  CHECK(result.err == "hros: error: in the query at column " + std::to_string(column) + ": " +
                          message + "\n  " + query + "\n" + caret + "\n");
  check_no_engine_wording(result);
}

} // namespace

// --- the fixture bank -------------------------------------------------------

TEST_CASE("search: the fixture bank is lint-clean", "[search]") {
  RunResult result = run_hros({"--root", "search/cases", "lint", "--strict"});
  CHECK(result.exit_code == 0);
  CHECK(result.out + result.err == "13 files checked, no problems found\n");
}

TEST_CASE("search: help documents the query language and exit status", "[search]") {
  RunResult result = run_hros({"search", "--help"});
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, "\"exact phrase\"; -word excludes; a OR b; prefix*; title:word"));
  CHECK(contains(result.out, "--where COND"));
  CHECK(contains(result.out, "--no-cache"));
  CHECK(
      contains(result.out, "Exit status: 0 cases found, 1 no case matches, 2 usage or I/O error."));
  CHECK(contains(result.out, "Examples:"));
}

TEST_CASE("search: -word excludes wherever it stands among the options", "[search][query]") {
  Bank bank;
  const std::string locum = "search/cases/" + k_locum + ".md\n";
  RunResult bare = bank.run({"-f", "paths", "ferry", "-commute"});
  INFO(bare.err);
  CHECK(bare.exit_code == 0);
  CHECK(bare.out == locum);
  // Words that start like an option (-f, -n, -w with something attached
  // that is no format, number or condition) are words too.
  RunResult lookalikes = bank.run({"ferry", "-fares", "-nurses", "-wages", "-f", "paths"});
  CHECK(lookalikes.exit_code == 0);
  CHECK(lookalikes.out == locum);
  // Options with values attached stay options.
  RunResult attached = bank.run({"-fpaths", "-n1", "-wcompany_size>=11-50", "ferry", "-commute"});
  CHECK(attached.exit_code == 0);
  CHECK(attached.out == locum);
  // A query after -- is taken whole, options first.
  RunResult dashed = bank.run(
      {"--where", "company_size>=11-50", "--limit", "5", "-f", "paths", "--", "ferry", "-commute"});
  CHECK(dashed.exit_code == 0);
  CHECK(dashed.out == locum);
  // The help's example on the bundled bank.
  RunResult help = run_hros({"search", "--help"});
  CHECK(contains(help.out, "hros search onboard* -sales -wages --where 'company_size>=201-1000' "
                           "--limit 5\n"));
  Bank bundled(source_dir() / "cases");
  RunResult example = bundled.run(
      {"onboard*", "-sales", "-wages", "--where", "company_size>=201-1000", "--limit", "5"});
  CHECK(example.exit_code == 0);
  CHECK(contains(example.out, "onboarding-buddies-for-warehouse-staff.md"));
}

// --- ranking ------------------------------------------------------------------

TEST_CASE("search: title ranks above summary, summary above body", "[search][rank]") {
  Bank bank;
  CHECK(bank.slugs({"mentoring"}) == Slugs{k_mentoring, k_coaching, k_handover});
}

TEST_CASE("search: more occurrences rank higher in the same field", "[search][rank]") {
  Bank bank;
  // Three times in one body, once in the other, whose body is shorter.
  CHECK(bank.slugs({"sabbatical"}) == Slugs{k_handover, k_library});
}

TEST_CASE("search: json scores descend with the rank", "[search][rank][format]") {
  Bank bank;
  RunResult result = bank.run({"learnings", "--format", "json", "--limit", "0"});
  CHECK(result.exit_code == 0);
  std::string printed = python_on(R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(len(data))
print([r['rank'] for r in data] == list(range(1, len(data) + 1)))
scores = [r['score'] for r in data]
print(all(isinstance(s, float) and s > 0 for s in scores))
print(scores == sorted(scores, reverse=True))
)",
                                  result.out);
  CHECK(printed == "13\nTrue\nTrue\nTrue\n");
}

// --- the query language -------------------------------------------------------

TEST_CASE("search: every word must match", "[search][query]") {
  Bank bank;
  CHECK(bank.slugs({"ferry"}) == Slugs{k_ferry, k_locum});
  CHECK(sorted(bank.slugs({"commute"})) == sorted(Slugs{k_ferry, k_zurich}));
  CHECK(bank.slugs({"ferry", "commute"}) == Slugs{k_ferry});
  // Words may also come as one argument.
  CHECK(bank.slugs({"ferry commute"}) == Slugs{k_ferry});
  CHECK(bank.slugs({"ferry", "canoe"}).empty());
}

TEST_CASE("search: an exact phrase needs the words together", "[search][query]") {
  Bank bank;
  CHECK(bank.slugs({"\"night shift\""}) == Slugs{k_night});
  CHECK(sorted(bank.slugs({"night", "shift"})) == sorted(Slugs{k_night, k_swaps}));
  CHECK(bank.slugs({"\"shift night\""}).empty());
  CHECK(bank.slugs({"title:\"night shift\""}) == Slugs{k_night});
}

TEST_CASE("search: excluded words and phrases", "[search][query]") {
  Bank bank;
  CHECK(bank.slugs({"ferry", "-commute"}) == Slugs{k_locum});
  CHECK(bank.slugs({"commute", "-ferry"}) == Slugs{k_zurich});
  CHECK(bank.slugs({"shift", "-\"night shift\""}) == Slugs{k_swaps});
  CHECK(bank.slugs({"-\"night shift\"", "shift"}) == Slugs{k_swaps});
  // A phrase excluded only where the words are together.
  CHECK(bank.slugs({"night", "-\"shift night\""}) == bank.slugs({"night"}));
  CHECK(sorted(bank.slugs({"learnings", "-ferry", "-mentoring", "-sabbatical"})) ==
        sorted(Slugs{k_apprentices, k_bakers, k_canoe, k_zurich, k_night, k_pay_bands, k_swaps}));
  // A lone '-' is punctuation, not an exclusion.
  CHECK(bank.slugs({"ferry", "-"}) == Slugs{k_ferry, k_locum});
}

TEST_CASE("search: OR matches either side", "[search][query]") {
  Bank bank;
  CHECK(sorted(bank.slugs({"tram", "OR", "canoe"})) == sorted(Slugs{k_canoe, k_zurich}));
  CHECK(sorted(bank.slugs({"tram OR canoe OR sabbatical"})) ==
        sorted(Slugs{k_canoe, k_handover, k_library, k_zurich}));
  // OR binds its two neighbours; the other words must still match.
  CHECK(bank.slugs({"commute", "tram", "OR", "ferry"}) == Slugs{k_ferry, k_zurich});
  CHECK(sorted(bank.slugs({"island", "ferry", "OR", "tram"})) == sorted(Slugs{k_ferry, k_locum}));
  // Lowercase 'or' is a word like any other.
  CHECK(bank.slugs({"tram", "or", "canoe"}).empty());
}

TEST_CASE("search: a prefix finds every word that starts with it", "[search][query]") {
  Bank bank;
  CHECK(sorted(bank.slugs({"apprentic*"})) == sorted(Slugs{k_apprentices, k_bakers}));
  CHECK(bank.slugs({"apprentice"}) == Slugs{k_apprentices});
  CHECK(bank.slugs({"apprenticeship"}) == Slugs{k_bakers});
  CHECK(sorted(bank.slugs({"sabbat*"})) == sorted(Slugs{k_handover, k_library}));
  CHECK(bank.slugs({"\"night shi\"*"}) == Slugs{k_night});
}

TEST_CASE("search: title, summary and body scopes", "[search][query]") {
  Bank bank;
  CHECK(bank.slugs({"title:mentoring"}) == Slugs{k_mentoring});
  CHECK(bank.slugs({"summary:mentoring"}) == Slugs{k_coaching});
  CHECK(bank.slugs({"body:mentoring"}) == Slugs{k_handover});
  CHECK(bank.slugs({"TITLE:mentoring"}) == Slugs{k_mentoring});
  CHECK(bank.slugs({"title:ferry", "OR", "body:tram"}) == Slugs{k_ferry, k_zurich});
  CHECK(bank.slugs({"mentoring", "-title:mentoring", "-summary:mentoring"}) == Slugs{k_handover});
  // Words only in the organisation are in no scope.
  CHECK(bank.slugs({"title:quillfeather"}).empty());
  CHECK(bank.slugs({"body:quillfeather"}).empty());
}

TEST_CASE("search: words match in any form", "[search][query]") {
  Bank bank;
  // "recruited" and "hiring" are in the bank; no other form is.
  CHECK(bank.slugs({"recruiting"}) == Slugs{k_apprentices});
  CHECK(bank.slugs({"recruits"}) == Slugs{k_apprentices});
  CHECK(bank.slugs({"hires"}) == Slugs{k_bakers});
  CHECK(bank.slugs({"hired"}) == Slugs{k_bakers});
}

TEST_CASE("search: case and accents do not matter", "[search][query]") {
  Bank bank;
  CHECK(bank.slugs({"resume"}) == Slugs{k_coaching});
  CHECK(bank.slugs({"RÉSUMÉ"}) == Slugs{k_coaching});
  CHECK(bank.slugs({"ZURICH"}) == Slugs{k_zurich});
  CHECK(bank.slugs({"zürich"}) == Slugs{k_zurich});
  CHECK(bank.slugs({"MENTORING"}) == Slugs{k_mentoring, k_coaching, k_handover});
}

TEST_CASE("search: organisation, topics, tools and authors are searched", "[search][query]") {
  Bank bank;
  CHECK(bank.slugs({"quillfeather"}) == Slugs{k_apprentices});
  CHECK(bank.slugs({"analytics"}) == Slugs{k_bakers});
  CHECK(bank.slugs({"\"people analytics\""}) == Slugs{k_bakers});
  CHECK(bank.slugs({"trello"}) == Slugs{k_locum});
  CHECK(bank.slugs({"ingrid"}) == Slugs{k_pay_bands});
}

// --- --where ------------------------------------------------------------------

TEST_CASE("search: where on an enum", "[search][where]") {
  Bank bank;
  CHECK(bank.where("industry=healthcare") == sorted(Slugs{k_handover, k_locum}));
  Slugs others = k_all;
  others.erase(
      std::remove_if(others.begin(), others.end(),
                     [](const std::string& slug) { return slug == k_handover || slug == k_locum; }),
      others.end());
  CHECK(bank.where("industry!=healthcare") == sorted(others));
  // A synonym means its value.
  CHECK(bank.where("industry=tech") == sorted(Slugs{k_zurich}));
  // An enum without an order takes only = and !=.
  for (const char* condition :
       {"industry<retail", "industry<=retail", "industry>retail", "industry>=retail"}) {
    RunResult result = bank.run({"learnings", "--where", condition});
    INFO(condition);
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err == "hros: error: --where: 'industry' has no order; use = or !=\n");
  }
}

TEST_CASE("search: where on an ordered enum", "[search][where]") {
  Bank bank;
  CHECK(bank.where("company_size=51-200") == sorted(Slugs{k_bakers, k_locum, k_coaching}));
  CHECK(bank.where("company_size!=51-200") ==
        sorted(Slugs{k_apprentices, k_canoe, k_ferry, k_handover, k_library, k_mentoring, k_night,
                     k_zurich, k_pay_bands, k_swaps}));
  CHECK(bank.where("company_size<51-200") ==
        sorted(Slugs{k_apprentices, k_canoe, k_handover, k_zurich}));
  CHECK(bank.where("company_size<=51-200") ==
        sorted(Slugs{k_apprentices, k_bakers, k_canoe, k_handover, k_locum, k_zurich, k_coaching}));
  CHECK(bank.where("company_size>1001-5000") == sorted(Slugs{k_night, k_pay_bands}));
  CHECK(bank.where("company_size>=1001-5000") ==
        sorted(Slugs{k_ferry, k_night, k_pay_bands, k_swaps}));
}

TEST_CASE("search: where on a date at year precision", "[search][where]") {
  Bank bank;
  CHECK(bank.where("published=2022") == sorted(Slugs{k_handover, k_library, k_coaching}));
  // The undated draft meets only !=.
  CHECK(bank.where("published!=2022") ==
        sorted(Slugs{k_apprentices, k_bakers, k_canoe, k_ferry, k_locum, k_mentoring, k_night,
                     k_zurich, k_pay_bands, k_swaps}));
  CHECK(bank.where("published<2021") == sorted(Slugs{k_apprentices}));
  CHECK(bank.where("published<=2021") ==
        sorted(Slugs{k_apprentices, k_bakers, k_mentoring, k_swaps}));
  CHECK(bank.where("published>2023") == sorted(Slugs{k_night, k_zurich, k_pay_bands}));
  CHECK(bank.where("published>=2023") ==
        sorted(Slugs{k_ferry, k_locum, k_night, k_zurich, k_pay_bands}));
  // Finer precision: 2022-12-31 is in December, not after it.
  CHECK(bank.where("published>2022-12") == bank.where("published>=2023"));
  CHECK(bank.where("published<=2021-08-30") == sorted(Slugs{k_apprentices, k_bakers, k_mentoring}));
}

TEST_CASE("search: where on a list field", "[search][where]") {
  Bank bank;
  CHECK(bank.where("topics=benefits") == sorted(Slugs{k_ferry, k_library}));
  CHECK(bank.where("topics=learning-development") ==
        sorted(Slugs{k_apprentices, k_bakers, k_mentoring}));
  CHECK(bank.where("topics!=learning-development") ==
        sorted(Slugs{k_canoe, k_ferry, k_handover, k_library, k_locum, k_night, k_zurich,
                     k_pay_bands, k_coaching, k_swaps}));
  CHECK(bank.where("regions=MX") == sorted(Slugs{k_pay_bands}));
}

TEST_CASE("search: where combines with the query and other conditions", "[search][where]") {
  Bank bank;
  CHECK(bank.slugs({"mentoring"}, {"--where", "industry=healthcare"}) == Slugs{k_handover});
  CHECK(bank.slugs({"mentoring"}, {"--where", "published>=2022"}) == Slugs{k_coaching, k_handover});
  CHECK(bank.slugs({"learnings"}, {"--where", "industry=healthcare", "--where",
                                   "published>=2023"}) == Slugs{k_locum});
  CHECK(bank.slugs({"ferry"}, {"-w", "topics=benefits", "-w", "company_size>=1001-5000"}) ==
        Slugs{k_ferry});
  RunResult none = bank.run({"ferry", "--where", "industry=retail"});
  CHECK(none.exit_code == 1);
  CHECK(none.out.empty());
  CHECK(none.err == "hros: no case matches these words and filters\n");
}

TEST_CASE("search: an invalid condition is a usage error with a suggestion", "[search][where]") {
  Bank bank;
  RunResult field = bank.run({"learnings", "--where", "industy=retail"});
  CHECK(field.exit_code == 2);
  CHECK(field.out.empty());
  CHECK(field.err == "hros: error: --where: unknown field 'industy'; did you mean 'industry'?\n");
  RunResult value = bank.run({"learnings", "--where", "industry=retial"});
  CHECK(value.exit_code == 2);
  CHECK(value.err ==
        "hros: error: --where: 'retial' is not a value of 'industry'; did you mean 'retail'?\n");
  RunResult date = bank.run({"learnings", "--where", "published>=2023-13"});
  CHECK(date.exit_code == 2);
  CHECK(contains(date.err, "compares with a date like 2024, 2024-03 or 2024-03-18"));
  RunResult shape = bank.run({"learnings", "--where", "industry"});
  CHECK(shape.exit_code == 2);
  CHECK(contains(shape.err, "is not a condition"));
}

// --- formats --------------------------------------------------------------------

TEST_CASE("search: json has ranks, paths, snippets and typed front matter", "[search][format]") {
  Bank bank;
  RunResult result = bank.run({"pay", "bands", "--format", "json"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  std::string checked = python_on(R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(len(data))
r = data[0]
print(sorted(r.keys()))
print(r['rank'], r['slug'], r['path'])
print(r['snippet'])
fm = r['front_matter']
print(fm['title'], '|', fm['published'], type(fm['published']).__name__)
print(fm['example'], fm['regions'], fm['authors'])
m = fm['metrics'][0]
print(m['before'], type(m['before']).__name__, m['after'], type(m['after']).__name__)
)",
                                  result.out);
  std::string path = (bank.root() / (k_pay_bands + ".md")).string();
  CHECK(checked ==
        "1\n"
        "['front_matter', 'path', 'rank', 'score', 'slug', 'snippet']\n"
        "1 " +
            k_pay_bands + " " + path +
            "\n"
            "…What One page per store with every picker grade, its **band** and what moves someone "
            "to the next grade. Results **Pay** questions to the…\n"
            "Published pay bands for online order pickers | 2024-11-20 str\n"
            "True ['US', 'MX'] [{'name': 'Ingrid Example'}]\n"
            "120 int 38.5 float\n");
  CHECK(fs::is_regular_file(data_dir() / path));
}

TEST_CASE("search: json marks every matched word in the snippet", "[search][format]") {
  Bank bank;
  RunResult result = bank.run({"ferry", "commute", "--format", "json"});
  CHECK(result.exit_code == 0);
  std::string printed = python_on(R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(data[0]['slug'])
print(data[0]['snippet'])
)",
                                  result.out);
  CHECK(printed == k_ferry + "\n" +
                       "…What The company paid the **ferry** season ticket for everyone whose "
                       "daily **commute** crossed the fjord. Results Late arrivals on the first "
                       "crossing fell…\n");
}

TEST_CASE("search: a match only in the facts still gets a snippet", "[search][format]") {
  Bank bank;
  // "Levain" is only the organization's name, in the front matter.
  RunResult result = bank.run({"levain", "--format", "json"});
  CHECK(result.exit_code == 0);
  std::string printed = python_on(R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(len(data), data[0]['snippet'])
)",
                                  result.out);
  CHECK(printed.rfind("1 ", 0) == 0);
  CHECK(printed.find("**Levain**") != std::string::npos);
}

TEST_CASE("search: paths are one existing file per line", "[search][format]") {
  Bank bank;
  RunResult result = bank.run({"learnings", "--format", "paths", "--limit", "0"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  Slugs lines = lines_of(result.out);
  CHECK(lines.size() == 13);
  Slugs slugs;
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(fs::is_regular_file(data_dir() / line));
    slugs.push_back(slug_of_path(line));
  }
  CHECK(sorted(slugs) == sorted(k_all));
  // Paths carry no summary line, with or without -q.
  RunResult quiet = bank.run({"learnings", "--format", "paths", "--limit", "0"}, {"-q"});
  CHECK(quiet.out == result.out);
}

TEST_CASE("search: text shows rank, title, facts, path, snippet and a count", "[search][format]") {
  Bank bank;
  std::string root = bank.root().string();
  RunResult result = bank.run({"sabbatical"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out ==
        " 1. Written handover notes between care home teams\n"
        "    Elmwood Care · healthcare · 11-50 · 2022\n"
        "    " +
            root + "/" + k_handover +
            ".md\n"
            "    …Staff who came back from a **sabbatical** said the notes were the fastest\n"
            "    way back in. We offered a **sabbatical** after five years and…\n"
            "\n"
            " 2. Long service leave at a city library\n"
            "    Harbourview City Libraries · government · 201-1000 · 2022\n"
            "    " +
            root + "/" + k_library +
            ".md\n"
            "    …Staff who asked for a **sabbatical** instead were given the same terms. The\n"
            "    branches planned the cover rota a year ahead. Results Voluntary turnover…\n"
            "\n"
            "2 cases\n");
  // -q keeps the results and drops the count.
  RunResult quiet = bank.run({"sabbatical"}, {"-q"});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out + "\n2 cases\n" == result.out);
}

TEST_CASE("search: text of a title match shows the summary", "[search][format]") {
  Bank bank;
  RunResult result = bank.run({"title:canoe"});
  CHECK(result.exit_code == 0);
  // The draft has no date: its facts line stops at the size.
  CHECK(result.out ==
        " 1. Canoe days for a small charity team\n"
        "    Riverbend Youth Trust · nonprofit · 1-10\n"
        "    " +
            bank.root().string() + "/" + k_canoe +
            ".md\n"
            "    A charity team of six spent one day each quarter on the river together\n"
            "    instead of an away day indoors.\n"
            "\n"
            "1 case\n");
}

TEST_CASE("search: --limit caps the results and says more match", "[search][format]") {
  Bank bank;
  RunResult three = bank.run({"learnings", "--limit", "3"});
  CHECK(three.exit_code == 0);
  Slugs numbered;
  for (const std::string& line : lines_of(three.out)) {
    if (line.size() > 4 && line[0] == ' ' && line[2] == '.') {
      numbered.push_back(line.substr(0, 3));
    }
  }
  CHECK(numbered == Slugs{" 1.", " 2.", " 3."});
  CHECK(contains(three.out, "\n3 cases shown; more match (--limit 6 to see more)\n"));
  // The default shows ten.
  RunResult ten = bank.run({"learnings"});
  CHECK(contains(ten.out, "\n10 cases shown; more match (--limit 20 to see more)\n"));
  CHECK(contains(ten.out, "\n10. "));
  CHECK_FALSE(contains(ten.out, "\n11. "));
  // 0 shows all, and nothing more matches.
  RunResult all = bank.run({"learnings", "--limit", "0"});
  CHECK(contains(all.out, "\n13. "));
  CHECK(contains(all.out, "\n13 cases\n"));
  CHECK_FALSE(contains(all.out, "more match"));
  // Exactly as many as match: no "more".
  RunResult exact = bank.run({"mentoring", "-n", "3"});
  CHECK(contains(exact.out, "\n3 cases\n"));
  CHECK_FALSE(contains(exact.out, "more match"));
  // The limit applies to paths and json too, best first.
  CHECK(lines_of(bank.run({"mentoring", "-n", "2", "-f", "paths"}).out).size() == 2);
  Slugs two = lines_of(bank.run({"mentoring", "-n", "2", "-f", "paths"}).out);
  CHECK(slug_of_path(two[0]) == k_mentoring);
  CHECK(slug_of_path(two[1]) == k_coaching);
  // With -q, the "more match" line goes too.
  RunResult quiet = bank.run({"learnings", "--limit", "3"}, {"-q"});
  CHECK_FALSE(contains(quiet.out, "shown"));
  CHECK_FALSE(contains(quiet.out, "more match"));
}

TEST_CASE("search: bad --limit and --format are usage errors", "[search][format]") {
  Bank bank;
  RunResult negative = bank.run({"ferry", "--limit", "-1"});
  CHECK(negative.exit_code == 2);
  CHECK(negative.out.empty());
  RunResult word = bank.run({"ferry", "--limit", "many"});
  CHECK(word.exit_code == 2);
  RunResult format = bank.run({"ferry", "--format", "yaml"});
  CHECK(format.exit_code == 2);
  CHECK(format.err == "hros: error: unknown format 'yaml'; use text, json or paths\n");
}

// --- no match ---------------------------------------------------------------------

TEST_CASE("search: no match exits 1 and says so", "[search][nomatch]") {
  Bank bank;
  RunResult result = bank.run({"ferry", "canoe"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "hros: no case matches\n");
  RunResult json = bank.run({"ferry", "canoe", "--format", "json"});
  CHECK(json.exit_code == 1);
  CHECK(json.out == "[]\n");
  RunResult paths = bank.run({"ferry", "canoe", "--format", "paths"});
  CHECK(paths.exit_code == 1);
  CHECK(paths.out.empty());
  // -q keeps the exit status and drops the message.
  RunResult quiet = bank.run({"ferry", "canoe"}, {"-q"});
  CHECK(quiet.exit_code == 1);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
}

TEST_CASE("search: an unknown word gets a suggestion", "[search][nomatch]") {
  Bank bank;
  RunResult typo = bank.run({"mentorng"});
  CHECK(typo.exit_code == 1);
  CHECK(typo.err ==
        "hros: no case matches; no case has the word 'mentorng'; did you mean 'mentoring'?\n");
  // The suggestion is a word as a case writes it, not the index's stem.
  RunResult stem = bank.run({"quilfeather"});
  CHECK(stem.err == "hros: no case matches; no case has the word 'quilfeather'; did you mean "
                    "'quillfeather'?\n");
  RunResult accent = bank.run({"zurch"});
  CHECK(accent.err ==
        "hros: no case matches; no case has the word 'zurch'; did you mean 'zürich'?\n");
  // The unknown word is named even among known ones.
  RunResult among = bank.run({"ferry", "xylophonist"});
  CHECK(among.exit_code == 1);
  CHECK(among.err == "hros: no case matches; no case has the word 'xylophonist'\n");
  RunResult json = bank.run({"mentorng", "--format", "json"});
  CHECK(json.exit_code == 1);
  CHECK(json.out == "[]\n");
}

// --- malformed queries -----------------------------------------------------------

TEST_CASE("search: malformed queries name the column", "[search][query][errors]") {
  Bank bank;
  const std::string or_message =
      "OR goes between two words or phrases, as in: hiring OR recruiting";
  check_query_error(bank, "ferry \"night shift", "this quote is not closed; end the phrase with \"",
                    7);
  check_query_error(bank, "\"", "this quote is not closed; end the phrase with \"", 1);
  check_query_error(bank, "OR", or_message, 1);
  check_query_error(bank, "OR ferry", or_message, 1);
  check_query_error(bank, "ferry OR", or_message, 7);
  check_query_error(bank, "ferry OR OR tram", or_message, 7);
  check_query_error(bank, "ferry OR -tram", or_message, 7);
  check_query_error(bank, "-ferry", "a query cannot only exclude: add a word to look for", 1);
  check_query_error(bank, "-ferry -\"night shift\"",
                    "a query cannot only exclude: add a word to look for", 1);
  check_query_error(bank, "ferry titel:shift",
                    "unknown field 'titel:'; did you mean 'title'? A term can be limited to "
                    "title:, summary: or body:",
                    7);
  check_query_error(
      bank, "col:", "unknown field 'col:'; a term can be limited to title:, summary: or body:", 1);
  check_query_error(bank, "title: ferry",
                    "'title:' needs a word or \"phrase\" right after it, as in title:hiring", 6);
  check_query_error(bank, "", "the query has no words to look for", 1);
  check_query_error(bank, "   ", "the query has no words to look for", 1);
  check_query_error(bank, "!!! ... ?", "the query has no words to look for", 1);
  check_query_error(bank, "*", "the query has no words to look for", 1);
  check_query_error(bank, "(((", "the query has no words to look for", 1);
  check_query_error(bank, "\"\"", "the query has no words to look for", 1);
  check_query_error(bank, "— … 😀", "the query has no words to look for", 1);
}

TEST_CASE("search: engine syntax is read as plain words", "[search][query][errors]") {
  Bank bank;
  struct Expected {
    std::string query;
    Slugs slugs; // empty: no match (exit 1)
  };
  const std::vector<Expected> cases = {
      // The bank has no word "near": as plain words nothing matches.
      {"NEAR(ferry commute)", {}},
      {"NEAR(a b)", {}},
      // "and" is a word of the clinic's text, not an operator.
      {"ferry AND", {k_locum}},
      {"ferry AND commute", {}},
      {"ferry NOT commute", {}},
      {"^ferry", {k_ferry, k_locum}},
      {"{title}: ferry", {}},
      {"\"ferry\" + \"commute\"", {k_ferry}},
      {"ferry*", {k_ferry, k_locum}},
      {"ferry**", {k_ferry, k_locum}},
      {":ferry", {k_ferry, k_locum}},
      {"(ferry)", {k_ferry, k_locum}},
      {"ferry -*", {k_ferry, k_locum}},
      {"\"ferry\"\"\"", {k_ferry, k_locum}},
      {"title:ferry:", {k_ferry}},
      {"ferry'", {k_ferry, k_locum}},
      {"ferry; DROP TABLE files; --", {}},
      // Typographic punctuation separates words, as in the index.
      {"ferry — commute", {k_ferry}},
      {"“night shift”", {k_night, k_swaps}},
      {"«ferry» ™", {k_ferry, k_locum}},
  };
  for (const Expected& expected : cases) {
    INFO(expected.query);
    RunResult result = bank.run({"-q", "--format", "paths", "--", expected.query});
    INFO(result.err);
    CHECK(result.signal == 0);
    CHECK(result.exit_code == (expected.slugs.empty() ? 1 : 0));
    Slugs found;
    for (const std::string& line : lines_of(result.out)) {
      found.push_back(slug_of_path(line));
    }
    CHECK(sorted(found) == sorted(expected.slugs));
    check_no_engine_wording(result);
  }
  // The bank is intact afterwards.
  CHECK(bank.slugs({"ferry"}) == Slugs{k_ferry, k_locum});
}

// --- the cache ---------------------------------------------------------------------

TEST_CASE("search: the cache follows added, edited, deleted and renamed files", "[search][cache]") {
  BankCopy copy;
  Bank bank(copy.root());
  CHECK(bank.slugs({"zeppelin"}).empty());
  CHECK(cache_files(bank.cache_dir()).size() == 1);

  std::string added = read_text(copy.file(k_canoe));
  std::string marker = "One day a quarter in a canoe";
  added.replace(added.find(marker), marker.size(), "One day a quarter in a zeppelin");
  write_bytes(copy.root() / "zeppelin-days.md", added);
  CHECK(bank.slugs({"zeppelin"}) == Slugs{"zeppelin-days"});

  // An edit that keeps the size: only the contents and mtime change.
  std::string edited = read_text(copy.file(k_ferry));
  edited.replace(edited.find("season ticket"), 13, "annual ticket");
  write_bytes(copy.file(k_ferry), edited);
  CHECK(bank.slugs({"annual"}) == Slugs{k_ferry});

  // An edit that removes a word.
  std::string locum = read_text(copy.file(k_locum));
  locum.replace(locum.find("took the ferry over"), 19, "took the boat over");
  write_bytes(copy.file(k_locum), locum);
  CHECK(bank.slugs({"ferry"}) == Slugs{k_ferry});
  CHECK(bank.slugs({"boat"}) == Slugs{k_locum});

  fs::remove(copy.file(k_ferry));
  CHECK(bank.slugs({"ferry"}).empty());
  CHECK(bank.slugs({"annual"}).empty());

  fs::rename(copy.file(k_locum), copy.root() / "island-clinic-cover.md");
  CHECK(bank.slugs({"boat"}) == Slugs{"island-clinic-cover"});
  CHECK(bank.slugs({"learnings"}).size() == 13);
  // Still one cache file, and a fresh cache agrees.
  CHECK(cache_files(bank.cache_dir()).size() == 1);
  Bank fresh(copy.root());
  CHECK(fresh.slugs({"learnings"}) == bank.slugs({"learnings"}));
}

namespace {

struct timespec mtime_of(const fs::path& file) {
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  return info.st_mtim;
}

// Rewrites `file` in place with `from` replaced by `to` (of the same length),
// and gives it back the modification time it had: a second edit within the
// same tick of the file system's clock looks just like that.
void rewrite_in_the_same_tick(const fs::path& file, const std::string& from,
                              const std::string& to) {
  REQUIRE(from.size() == to.size());
  struct timespec before = mtime_of(file);
  std::string text = read_text(file);
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), to);
  {
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    stream.seekp(0);
    stream << text;
  }
  struct timespec times[2] = {{0, UTIME_OMIT}, before};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}

} // namespace

TEST_CASE("search: a file edited twice in the same clock tick is read again", "[search][cache]") {
  // Indexed right after a change, a file's stamp cannot show a second change
  // that keeps its size and time: it is read again by the next search.
  BankCopy copy;
  Bank bank(copy.root());
  std::string text = read_text(copy.file(k_ferry));
  text.replace(text.find("season ticket"), 13, "annual ticket");
  write_bytes(copy.file(k_ferry), text);
  CHECK(bank.slugs({"annual"}) == Slugs{k_ferry});
  rewrite_in_the_same_tick(copy.file(k_ferry), "annual ticket", "yearly ticket");
  CHECK(bank.slugs({"yearly"}) == Slugs{k_ferry});
  CHECK(bank.slugs({"annual"}).empty());
  // And again: still within the settling time, it is read again.
  rewrite_in_the_same_tick(copy.file(k_ferry), "yearly ticket", "zephyr ticket");
  CHECK(bank.slugs({"zephyr"}) == Slugs{k_ferry});
  CHECK(bank.slugs({"yearly"}).empty());
  Bank fresh(copy.root());
  CHECK(fresh.slugs({"learnings"}) == bank.slugs({"learnings"}));
}

TEST_CASE("search: a file in a subdirectory and one renamed over another", "[search][cache]") {
  BankCopy copy;
  Bank bank(copy.root());
  CHECK(bank.slugs({"canoe"}) == Slugs{k_canoe});
  // Replaced by another file under the same name (a new inode).
  fs::copy_file(copy.file(k_zurich), copy.root() / "tmp.md");
  fs::rename(copy.root() / "tmp.md", copy.file(k_canoe));
  CHECK(bank.slugs({"canoe"}).empty());
  CHECK(sorted(bank.slugs({"tram"})) == sorted(Slugs{k_canoe, k_zurich}));
}

TEST_CASE("search: full-width letters match their ASCII", "[search][unicode]") {
  BankCopy copy;
  Bank bank(copy.root());
  // A case typed with an East Asian input method: full-width letters and an
  // ideographic space between the words.
  std::string text = read_text(copy.file(k_canoe));
  std::string marker = "One day a quarter in a canoe";
  text.replace(text.find(marker), marker.size(),
               "One day a quarter in a \xef\xbc\xab\xef\xbd\x81\xef\xbd\x99\xef\xbd\x81\xef\xbd\x8b"
               "\xe3\x80\x80\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x94");
  write_bytes(copy.root() / "kayak-days.md", text);
  CHECK(bank.slugs({"kayak"}) == Slugs{"kayak-days"});
  CHECK(bank.slugs({"\"kayak 2024\""}) == Slugs{"kayak-days"});
  // And a full-width query finds ASCII text.
  CHECK(bank.slugs({"\xef\xbd\x86\xef\xbd\x85\xef\xbd\x92\xef\xbd\x92\xef\xbd\x99"}) ==
        bank.slugs({"ferry"}));
  CHECK_FALSE(bank.slugs({"ferry"}).empty());
}

TEST_CASE("search: a damaged cache is rebuilt or bypassed", "[search][cache]") {
  Bank bank;
  const Slugs expected = {k_mentoring, k_coaching, k_handover};
  REQUIRE(bank.slugs({"mentoring"}) == expected);
  fs::path cache = the_cache_file(bank.cache_dir());
  std::string intact = read_text(cache);
  REQUIRE(intact.size() > 4096);

  SECTION("overwritten with garbage") {
    write_bytes(cache, std::string(intact.size(), '\x5a'));
  }
  SECTION("truncated to half") {
    write_bytes(cache, intact.substr(0, intact.size() / 2));
  }
  SECTION("emptied") {
    write_bytes(cache, "");
  }
  SECTION("a text file") {
    write_bytes(cache, "not a database\n");
  }
  SECTION("pages damaged in the middle") {
    std::string damaged = intact;
    for (std::size_t i = 4096; i < damaged.size(); i += 97) {
      damaged[i] = static_cast<char>(damaged[i] ^ 0xa5);
    }
    write_bytes(cache, damaged);
  }
  RunResult result = bank.run({"-f", "paths", "-n", "0", "mentoring"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  Slugs found;
  for (const std::string& line : lines_of(result.out)) {
    found.push_back(slug_of_path(line));
  }
  CHECK(found == expected);
  // At most one line, a note.
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') <= 1);
  if (!result.err.empty()) {
    CHECK(result.err.rfind("hros: note: ", 0) == 0);
  }
  // The next search is right, and quiet.
  RunResult again = bank.run({"-f", "paths", "-n", "0", "mentoring"});
  CHECK(again.exit_code == 0);
  CHECK(again.out == result.out);
  CHECK(again.err.empty());
}

TEST_CASE("search: a foreign database at the cache path is replaced", "[search][cache]") {
  Bank bank;
  REQUIRE(bank.slugs({"ferry"}) == Slugs{k_ferry, k_locum});
  fs::path cache = the_cache_file(bank.cache_dir());
  SECTION("other tables") {
    fs::remove(cache);
    std::string made = python_on(R"py(import sqlite3, sys
db = sqlite3.connect(open(sys.argv[1]).read().strip())
db.execute('CREATE TABLE files(id INTEGER PRIMARY KEY, path TEXT)')
db.execute("INSERT INTO files(path) VALUES ('ghost.md')")
db.commit()
)py",
                                 cache.string());
    CHECK(made.empty());
  }
  SECTION("another user_version") {
    std::string made = python_on(R"py(import sqlite3, sys
db = sqlite3.connect(open(sys.argv[1]).read().strip())
db.execute('PRAGMA user_version = 99')
db.commit()
)py",
                                 cache.string());
    CHECK(made.empty());
  }
  SECTION("another application id, no tables") {
    fs::remove(cache);
    std::string made = python_on(R"py(import sqlite3, sys
db = sqlite3.connect(open(sys.argv[1]).read().strip())
db.execute('PRAGMA application_id = 1234')
db.commit()
)py",
                                 cache.string());
    CHECK(made.empty());
  }
  REQUIRE(fs::exists(cache));
  RunResult result = bank.run({"-f", "paths", "ferry"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(lines_of(result.out).size() == 2);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') <= 1);
  RunResult again = bank.run({"-f", "paths", "ferry"});
  CHECK(again.out == result.out);
  CHECK(again.err.empty());
  CHECK(cache_files(bank.cache_dir()) == Slugs{cache.filename().string()});
}

TEST_CASE("search: an unusable cache directory means a search without cache", "[search][cache]") {
  TempDir dir;
  fs::path blocker = dir.write("file", "a regular file\n");
  Bank bank;
  RunResult result =
      bank.run({"-f", "paths", "ferry"}, {}, {"HROS_CACHE_DIR=" + (blocker / "sub").string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(lines_of(result.out).size() == 2);
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
  CHECK(result.err.rfind("hros: note: ", 0) == 0);
  CHECK(contains(result.err, "searching without it"));
  CHECK(read_text(blocker) == "a regular file\n");
  // -q silences the note, not the results.
  RunResult quiet =
      bank.run({"-f", "paths", "ferry"}, {"-q"}, {"HROS_CACHE_DIR=" + (blocker / "sub").string()});
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.out == result.out);
  CHECK(quiet.err.empty());
}

TEST_CASE("search: --no-cache writes no file", "[search][cache]") {
  TempDir dir;
  fs::path missing = dir.path() / "cache";
  Bank bank;
  RunResult result =
      bank.run({"--no-cache", "-f", "paths", "ferry"}, {}, {"HROS_CACHE_DIR=" + missing.string()});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(lines_of(result.out).size() == 2);
  CHECK_FALSE(fs::exists(missing));
  RunResult existing = bank.run({"--no-cache", "ferry"});
  CHECK(existing.exit_code == 0);
  CHECK(cache_files(bank.cache_dir()).empty());
  // Nor a listing of the directories.
  CHECK(fs::is_empty(bank.cache_dir()));
}

TEST_CASE("search: two searches on a fresh cache at once", "[search][cache]") {
  Bank bank;
  const Args args = {"-f", "json", "-n", "0", "learnings"};
  std::future<RunResult> first = std::async(std::launch::async, [&] { return bank.run(args); });
  std::future<RunResult> second = std::async(std::launch::async, [&] { return bank.run(args); });
  RunResult a = first.get();
  RunResult b = second.get();
  INFO(a.err);
  INFO(b.err);
  CHECK(a.exit_code == 0);
  CHECK(b.exit_code == 0);
  CHECK(a.err.empty());
  CHECK(b.err.empty());
  CHECK(a.out == b.out);
  CHECK_FALSE(a.out.empty());
  RunResult third = bank.run(args);
  CHECK(third.exit_code == 0);
  CHECK(third.err.empty());
  CHECK(third.out == a.out);
  // One cache file and no build left behind.
  Slugs files = cache_files(bank.cache_dir());
  CHECK(std::count_if(files.begin(), files.end(), [](const std::string& name) {
          return fs::path(name).extension() == ".tmp";
        }) == 0);
  CHECK(std::count_if(files.begin(), files.end(), [](const std::string& name) {
          return fs::path(name).extension() == ".sqlite";
        }) == 1);
}

TEST_CASE("search: the cache goes to XDG_CACHE_HOME, else HOME/.cache", "[search][cache]") {
  TempDir dir;
  Bank bank;
  fs::path xdg = dir.path() / "xdg";
  fs::path home = dir.path() / "home";
  RunResult with_xdg =
      bank.run({"ferry"}, {}, {"XDG_CACHE_HOME=" + xdg.string(), "HOME=" + home.string()});
  CHECK(with_xdg.exit_code == 0);
  CHECK(cache_files(xdg / "hros").size() == 1);
  CHECK_FALSE(fs::exists(home / ".cache"));

  // An empty or relative XDG_CACHE_HOME is ignored, as the specification says.
  for (const std::string& value : {std::string(""), std::string("relative/cache")}) {
    TempDir other;
    fs::path other_home = other.path() / "home";
    RunResult with_home =
        bank.run({"ferry"}, {}, {"XDG_CACHE_HOME=" + value, "HOME=" + other_home.string()});
    INFO(value);
    CHECK(with_home.exit_code == 0);
    CHECK(cache_files(other_home / ".cache" / "hros").size() == 1);
  }
  // HROS_CACHE_DIR wins over both.
  fs::path own = dir.path() / "own";
  RunResult with_own =
      bank.run({"ferry"}, {}, {"HROS_CACHE_DIR=" + own.string(), "XDG_CACHE_HOME=" + xdg.string()});
  CHECK(with_own.exit_code == 0);
  CHECK(cache_files(own).size() == 1);
  CHECK(cache_files(xdg / "hros").size() == 1);
}

// --- the saved directory listings --------------------------------------------------

namespace {

// The listing file kept beside the bank's cache file.
fs::path the_listing_file(const Bank& bank) {
  return the_cache_file(bank.cache_dir()).string() + ".dirs";
}

// `hros search ARGS` on `bank`, bounded in time.
RunResult search_bounded(const Bank& bank, const Args& args, bool no_cache = false) {
  Args full = {"--root", bank.root().string(), "search"};
  if (no_cache) {
    full.push_back("--no-cache");
  }
  full.insert(full.end(), args.begin(), args.end());
  RunOptions options;
  options.env = {"HROS_CACHE_DIR=" + bank.cache_dir().string()};
  options.timeout_seconds = 20;
  return run_hros(full, options);
}

// The paths `hros search` prints for `query`, in order, with the cache and
// without: they must be the same.
void check_as_without_cache(const Bank& bank, const Args& query) {
  Args args = {"-f", "paths", "-n", "0", "--"};
  args.insert(args.end(), query.begin(), query.end());
  RunResult cached = search_bounded(bank, args);
  RunResult uncached = search_bounded(bank, args, true);
  INFO("query: " << query.front());
  INFO(cached.err);
  CHECK_FALSE(cached.timed_out);
  CHECK(cached.exit_code == uncached.exit_code);
  CHECK(sorted(lines_of(cached.out)) == sorted(lines_of(uncached.out)));
  CHECK(cached.err.empty());
}

// A copy of `from` with `word` in place of its first "Learnings".
std::string with_word(const fs::path& from, const std::string& word) {
  std::string text = read_text(from);
  std::string heading = "Learnings";
  std::size_t at = text.find(heading);
  REQUIRE(at != std::string::npos);
  return text.replace(at, heading.size(), word + " learnings");
}

bool is_a_listing(const fs::path& file) {
  return fs::is_regular_file(file) && read_text(file).rfind(std::string("HROSDIR\x02", 8), 0) == 0;
}

} // namespace

TEST_CASE("search: settled directory listings follow every change", "[search][cache][listing]") {
  BankCopy copy;
  // Each change below happens in a directory of its own, whose listing is
  // settled until that change.
  for (const auto& [directory, slug] :
       {std::pair{"edit", k_ferry}, std::pair{"delete", k_locum}, std::pair{"rename", k_zurich},
        std::pair{"nest", k_canoe}, std::pair{"add", k_night}}) {
    fs::create_directories(copy.root() / directory);
    fs::rename(copy.file(slug), copy.root() / directory / (slug + ".md"));
  }
  auto changed = std::chrono::steady_clock::now();
  Bank bank(copy.root());
  // The only sleep of this file: until every directory is old enough for
  // its listing to be trusted.
  std::this_thread::sleep_until(changed + std::chrono::milliseconds(3200));
  REQUIRE(bank.slugs({"learnings"}).size() == 13);
  fs::path listing_file = the_listing_file(bank);
  REQUIRE(is_a_listing(listing_file));
  {
    hros::ListingSet saved = hros::ListingSet::load(listing_file);
    REQUIRE(saved.listings().size() == 6);
    for (const hros::DirectoryListing& listing : saved.listings()) {
      INFO(listing.relative);
      CHECK(listing.settled());
    }
  }
  check_as_without_cache(bank, {"learnings"});

  // One change after another, each checked by the very next search.
  write_bytes(copy.root() / "zeppelin-days.md", with_word(copy.file(k_apprentices), "zeppelin"));
  CHECK(bank.slugs({"zeppelin"}) == Slugs{"zeppelin-days"});
  check_as_without_cache(bank, {"learnings"});

  // Edited in place, its size kept: no directory changes, so the listing
  // stands and only the file's stamp tells.
  fs::path edited_file = copy.root() / "edit" / (k_ferry + ".md");
  std::string edited = read_text(edited_file);
  edited.replace(edited.find("season ticket"), 13, "annual ticket");
  write_bytes(edited_file, edited);
  CHECK(bank.slugs({"annual"}) == Slugs{k_ferry});
  check_as_without_cache(bank, {"annual"});

  fs::remove(copy.root() / "delete" / (k_locum + ".md"));
  CHECK(bank.slugs({"locum"}).empty());
  check_as_without_cache(bank, {"learnings"});

  fs::rename(copy.root() / "rename" / (k_zurich + ".md"),
             copy.root() / "rename" / "office-days-in-basel.md");
  CHECK(bank.slugs({"zurich"}) == Slugs{"office-days-in-basel"});
  check_as_without_cache(bank, {"zurich"});

  // A new subdirectory with a case, then a second case in it.
  fs::create_directories(copy.root() / "nest" / "deeper");
  write_bytes(copy.root() / "nest" / "deeper" / "blimp-days.md",
              with_word(copy.file(k_apprentices), "blimp"));
  CHECK(bank.slugs({"blimp"}) == Slugs{"blimp-days"});
  write_bytes(copy.root() / "nest" / "deeper" / "kite-days.md",
              with_word(copy.file(k_apprentices), "kite"));
  CHECK(bank.slugs({"kite"}) == Slugs{"kite-days"});
  check_as_without_cache(bank, {"learnings"});

  // A case added to a subdirectory that was there all along.
  write_bytes(copy.root() / "add" / "airship-days.md",
              with_word(copy.file(k_apprentices), "airship"));
  CHECK(bank.slugs({"airship"}) == Slugs{"airship-days"});
  CHECK(bank.slugs({"learnings"}).size() == 16);
  check_as_without_cache(bank, {"learnings"});
  check_as_without_cache(bank, {"ferry"});
  CHECK(is_a_listing(listing_file));
  CHECK(cache_files(bank.cache_dir()).size() == 1);
}

TEST_CASE("search: a broken listing file is silently replaced", "[search][cache][listing]") {
  Bank bank;
  REQUIRE(bank.slugs({"ferry"}) == Slugs{k_ferry, k_locum});
  fs::path listing_file = the_listing_file(bank);
  REQUIRE(is_a_listing(listing_file));
  std::string intact = read_text(listing_file);
  bool replaceable = true;
  SECTION("garbage") {
    write_bytes(listing_file, std::string(intact.size(), '\x5a'));
  }
  SECTION("empty") {
    write_bytes(listing_file, "");
  }
  SECTION("truncated") {
    write_bytes(listing_file, intact.substr(0, intact.size() / 2));
  }
  SECTION("a huge sparse file") {
    write_bytes(listing_file, "");
    fs::resize_file(listing_file, std::uintmax_t{2} << 30);
  }
  SECTION("a directory") {
    fs::remove(listing_file);
    fs::create_directories(listing_file / "inside");
    replaceable = false;
  }
  SECTION("a FIFO") {
    fs::remove(listing_file);
    REQUIRE(::mkfifo(listing_file.c_str(), 0644) == 0);
  }
  SECTION("a symlink to /dev/zero") {
    fs::remove(listing_file);
    fs::create_symlink("/dev/zero", listing_file);
  }
  SECTION("a file no one may read") {
    // Garbage too: root reads it all the same.
    write_bytes(listing_file, std::string(intact.size(), '\x5a'));
    fs::permissions(listing_file, fs::perms::none);
  }
  for (const Args& query : {Args{"ferry"}, Args{"learnings"}, Args{"mentoring"}}) {
    RunResult result = search_bounded(bank, {"-f", "paths", "-n", "0", "--", query.front()});
    RunResult uncached =
        search_bounded(bank, {"-f", "paths", "-n", "0", "--", query.front()}, true);
    INFO(result.err);
    CHECK_FALSE(result.timed_out);
    CHECK(result.exit_code == 0);
    CHECK(result.out == uncached.out);
    CHECK(result.err.empty());
    // Well below the 2 GiB of the sparse file.
    CHECK(result.max_rss_kb < 1024 * 1024);
  }
  if (replaceable) {
    CHECK(fs::symlink_status(listing_file).type() == fs::file_type::regular);
    CHECK(is_a_listing(listing_file));
    CHECK(fs::file_size(listing_file) < 64 * 1024);
    // Readable by its owner, whatever mode the broken one had.
    CHECK((fs::status(listing_file).permissions() & fs::perms::owner_read) != fs::perms::none);
    CHECK_FALSE(hros::ListingSet::load(listing_file).listings().empty());
  } else {
    CHECK(fs::is_directory(listing_file / "inside"));
  }
  CHECK(fs::exists("/dev/zero"));
  // No temporary file left beside it.
  CHECK(cache_files(bank.cache_dir()).size() == 1);
}

TEST_CASE("search: a read-only cache directory keeps its listing unchanged",
          "[search][cache][listing]") {
  BankCopy copy;
  Bank bank(copy.root());
  REQUIRE(bank.slugs({"ferry"}) == Slugs{k_ferry, k_locum});
  fs::path listing_file = the_listing_file(bank);
  std::string before = read_text(listing_file);
  // A change, so that the walk reads the root again and would save.
  write_bytes(copy.root() / "zeppelin-days.md", with_word(copy.file(k_apprentices), "zeppelin"));
  RunOptions options;
  options.env = {"HROS_CACHE_DIR=" + bank.cache_dir().string()};
  options.timeout_seconds = 20;
  options.wrapper = hros::test::read_only_wrapper(bank.cache_dir());
  Args args = {"--root", copy.root().string(), "search", "-f", "paths", "-n", "0", "zeppelin"};
  RunResult result = run_hros(args, options);
  if (result.exit_code != 0 && (contains(result.err, "unshare") || contains(result.err, "mount"))) {
    WARN("mounting in a private namespace is not permitted here: " << result.err);
    return;
  }
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(lines_of(result.out).size() == 1);
  CHECK(contains(result.out, "zeppelin-days.md"));
  // At most the cache's own note; nothing about the listing.
  CHECK(std::count(result.err.begin(), result.err.end(), '\n') <= 1);
  CHECK_FALSE(contains(result.err, "dirs"));
  CHECK_FALSE(contains(result.err, "listing"));
  CHECK(read_text(listing_file) == before);
  CHECK(cache_files(bank.cache_dir()).size() == 1);
}

// --- hostile files ---------------------------------------------------------------

TEST_CASE("search: control characters never reach the terminal", "[search][hostile]") {
  TempDir dir;
  fs::create_directories(dir.path() / "cases");
  fs::copy(data_dir() / "search" / "cases" / (k_canoe + ".md"), dir.path() / "cases" / "a.md");
  std::string text = read_text(dir.path() / "cases" / "a.md");
  auto replace_line = [&text](const std::string& start, const std::string& line) {
    std::size_t at = text.find(start);
    text.replace(at, text.find('\n', at) - at, line);
  };
  replace_line("title: ", "title: \"\\e]0;pwned\\a\\e[31mCanoe\\e[0m days for a charity\"");
  replace_line("organization: ", "organization: \"\\e[5mRiverbend\\x9b2J Trust\"");
  text.replace(text.find("One day a quarter"), 17,
               "One \x1b[2J\x1b[31mday\x07 a \xc2\x9b"
               "31mquarter\r\x08");
  dir.write("cases/a.md", text);
  // A file name with an escape sequence.
  dir.write("cases/b\x1b[31m.md", "---\ntitle: x\n---\nA canoe.\n");
  Bank bank(dir.path() / "cases");
  RunResult result = bank.run({"canoe"});
  INFO(result.out);
  CHECK(result.exit_code == 0);
  CHECK(contains(result.out, ".  ]0;pwned  [31mCanoe [0m days for a charity\n"));
  CHECK(contains(result.out, "     [5mRiverbend 2J Trust · nonprofit · 1-10\n"));
  CHECK(contains(result.out, "/cases/b\xef\xbf\xbd[31m.md\n")); // U+FFFD for ESC
  CHECK(contains(result.out, "\n2 cases\n"));
  CHECK(result.out.find('\x1b') == std::string::npos);
  CHECK(result.out.find('\x07') == std::string::npos);
  CHECK(result.out.find('\r') == std::string::npos);
  CHECK(result.out.find('\x08') == std::string::npos);
  CHECK(result.out.find("\xc2\x9b") == std::string::npos);
  CHECK(contains(result.out, "Canoe"));
  CHECK(contains(result.out, "quarter"));
  // The words around the escapes are still found.
  CHECK(bank.slugs({"pwned"}) == Slugs{"a"});
  // JSON escapes them instead.
  RunResult json = bank.run({"pwned", "--format", "json"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.find('\x1b') == std::string::npos);
  std::string printed = python_on(R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print('\x1b' in data[0]['front_matter']['title'])
)",
                                  json.out);
  CHECK(printed == "True\n");
}

TEST_CASE("search: a case with broken front matter is found by its body", "[search][hostile]") {
  TempDir dir;
  fs::copy(data_dir() / "search" / "cases", dir.path() / "cases", fs::copy_options::recursive);
  dir.write("cases/broken.md", "---\n"
                               "title: [A zeppelin hangar\n"
                               "industry: retail\n"
                               "---\n"
                               "We turned the old zeppelin hangar into a training hall.\n");
  Bank bank(dir.path() / "cases");
  RunResult result = bank.run({"zeppelin"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == " 1. broken\n"
                      "    front matter unreadable (run 'hros lint')\n"
                      "    " +
                          (dir.path() / "cases" / "broken.md").string() +
                          "\n"
                          "    We turned the old **zeppelin** hangar into a training hall.\n"
                          "\n"
                          "1 case\n");
  RunResult json = bank.run({"zeppelin", "--format", "json"});
  std::string printed = python_on(R"(import json, sys
data = json.load(open(sys.argv[1], encoding='utf-8'))
print(data[0]['slug'], 'front_matter' in data[0], bool(data[0]['problem']))
)",
                                  json.out);
  CHECK(printed == "broken False True\n");
  // Its fields cannot be tested: a filter leaves it out either way.
  for (const char* condition : {"industry=retail", "industry!=retail"}) {
    RunResult filtered = bank.run({"zeppelin", "--where", condition});
    INFO(condition);
    CHECK(filtered.exit_code == 1);
    CHECK(filtered.out.empty());
  }
  // The other cases filter as before.
  CHECK(bank.slugs({"learnings"}, {"--where", "industry=retail"}) == Slugs{k_pay_bands});
}

TEST_CASE("search: unclosed front matter and an empty file", "[search][hostile]") {
  TempDir dir;
  dir.write("cases/unclosed.md", "---\ntitle: Zeppelin notes\nno closing line, zeppelin\n");
  dir.write("cases/empty.md", "");
  dir.write("cases/binary.md", std::string("zeppelin\0\xff\xfe", 12));
  Bank bank(dir.path() / "cases");
  RunResult result = bank.run({"zeppelin", "-f", "paths"});
  INFO(result.err);
  CHECK(result.signal == 0);
  CHECK((result.exit_code == 0 || result.exit_code == 1));
  CHECK(contains(result.out, "unclosed.md"));
}

// --- the bundled bank ----------------------------------------------------------

TEST_CASE("search: the bundled bank finds its onboarding cases", "[search]") {
  Bank bank(source_dir() / "cases");
  Slugs found = bank.slugs({"onboarding"});
  CHECK(std::find(found.begin(), found.end(),
                  "a-written-onboarding-handbook-for-a-nine-person-studio") != found.end());
  CHECK(std::find(found.begin(), found.end(), "onboarding-buddies-for-warehouse-staff") !=
        found.end());
  CHECK(sorted(bank.slugs({"title:onboarding"})) ==
        sorted(Slugs{"a-written-onboarding-handbook-for-a-nine-person-studio",
                     "onboarding-buddies-for-warehouse-staff"}));
}
