// `hros related` on tests/data/related/cases: a target case (retail, 201-1000,
// GB, topics onboarding + retention) and four others whose likeness is known:
// both topics in another industry, one topic in the same industry, the same
// industry only, and nothing in common at all.
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using hros::test::python_on;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::TempDir;

namespace {

RunResult related(const TempDir& cache, const std::vector<std::string>& args) {
  std::vector<std::string> full = {"--root", "related/cases", "related"};
  full.insert(full.end(), args.begin(), args.end());
  RunOptions options;
  options.env = {"HROS_CACHE_DIR=" + cache.path().string()};
  return run_hros(full, options);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    out.push_back(line);
  }
  return out;
}

const std::vector<std::string> k_expected = {
    "related/cases/both-topics-other-industry.md",
    "related/cases/one-topic-same-industry.md",
    "related/cases/same-industry-only.md",
};

} // namespace

TEST_CASE("related ranks shared topics first then industry and leaves out unrelated cases") {
  TempDir cache;
  RunResult result = related(cache, {"target-store-onboarding", "--format", "paths", "-n", "0"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(lines(result.out) == k_expected);
}

TEST_CASE("related takes the path of a case file as well as its slug") {
  TempDir cache;
  RunResult result =
      related(cache, {"related/cases/target-store-onboarding.md", "--format", "paths"});
  CHECK(result.exit_code == 0);
  CHECK(lines(result.out) == k_expected);
}

TEST_CASE("related text output says what the cases share") {
  TempDir cache;
  RunResult result = related(cache, {"target-store-onboarding", "--limit", "1"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find(" 1. A buddy programme for new nurses") != std::string::npos);
  CHECK(result.out.find("shared topics: onboarding, retention") != std::string::npos);
  CHECK(result.out.find("Keeping seasonal retail staff") == std::string::npos);
}

TEST_CASE("related json is parsed back with scores in descending order") {
  TempDir cache;
  RunResult result = related(cache, {"target-store-onboarding", "--format", "json"});
  REQUIRE(result.exit_code == 0);
  std::string parsed = python_on(R"(
import json, sys
rows = json.load(open(sys.argv[1]))
scores = [r["score"] for r in rows]
assert scores == sorted(scores, reverse=True), scores
print(" ".join(r["slug"] for r in rows))
print(rows[1]["shared"])
print(rows[0]["front_matter"]["topics"])
)",
                                 result.out);
  CHECK(parsed == "both-topics-other-industry one-topic-same-industry same-industry-only\n"
                  "shared topics: retention; same industry: retail\n"
                  "['onboarding', 'retention']\n");
}

TEST_CASE("related applies where conditions to the candidates") {
  TempDir cache;
  RunResult result =
      related(cache, {"target-store-onboarding", "--where", "industry=retail", "-f", "paths"});
  CHECK(result.exit_code == 0);
  CHECK(lines(result.out) == std::vector<std::string>{k_expected[1], k_expected[2]});

  RunResult none =
      related(cache, {"target-store-onboarding", "--where", "industry=fintech", "-f", "json"});
  CHECK(none.exit_code == 1);
  CHECK(none.out == "[]\n");
}

TEST_CASE("related on an unknown slug exits 1 and suggests the closest") {
  TempDir cache;
  RunResult typo = related(cache, {"target-stor-onboarding"});
  CHECK(typo.exit_code == 1);
  CHECK(typo.err.find("no case 'target-stor-onboarding'") != std::string::npos);
  CHECK(typo.err.find("did you mean 'target-store-onboarding'?") != std::string::npos);

  RunResult part = related(cache, {"seasonal-retail"});
  CHECK(part.exit_code == 1);
  CHECK(part.err.find("did you mean") == std::string::npos);
  RunResult prefix = related(cache, {"one-topic"});
  CHECK(prefix.err.find("did you mean 'one-topic-same-industry'?") != std::string::npos);
}

TEST_CASE("related usage errors exit 2") {
  TempDir cache;
  CHECK(related(cache, {"target-store-onboarding", "--format", "xml"}).exit_code == 2);
  CHECK(related(cache, {"target-store-onboarding", "--limit", "-1"}).exit_code == 2);
  CHECK(related(cache, {"target-store-onboarding", "--where", "industri=retail"}).exit_code == 2);
  CHECK(related(cache, {}).exit_code == 2);
}

TEST_CASE("related with no-cache writes nothing to the cache directory") {
  TempDir cache;
  RunResult result = related(cache, {"target-store-onboarding", "--no-cache", "-f", "paths"});
  CHECK(result.exit_code == 0);
  CHECK(lines(result.out) == k_expected);
  CHECK(std::filesystem::is_empty(cache.path()));
}
