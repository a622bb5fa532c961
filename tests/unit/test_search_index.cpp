// The search index's ranking split across two connections (on banks of
// 20k cases and more) must give exactly what one connection gives.
#include "hros/corpus.hpp"
#include "hros/query.hpp"
#include "hros/search_index.hpp"
#include "scratch_dir.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <fcntl.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Scratch : ScratchDir {
  Scratch() { fs::create_directories(root / "cases"); }
};

// Cases whose words repeat at different rates, so ranks differ and tie.
void write_bank(const fs::path& cases, int count) {
  const char* industries[] = {"retail", "health", "logistics"};
  for (int i = 0; i < count; ++i) {
    std::ofstream file(cases / ("case-" + std::to_string(i) + ".md"));
    file << "---\ntitle: Case " << i << " on hiring\nindustry: " << industries[i % 3]
         << "\n---\n\n## What\n\n";
    for (int k = 0; k <= i % 7; ++k) {
      file << "hiring ";
    }
    file << (i % 5 == 0 ? "onboarding mentors\n" : "retention\n");
  }
}

struct Ranked {
  std::vector<std::string> paths;
  std::vector<double> scores;
  bool more = false;
};

Ranked run(hros::SearchIndex& index, const std::string& text, std::size_t limit, bool filtered) {
  hros::QueryParse parse = hros::parse_query(text);
  REQUIRE(parse.error.empty());
  std::function<bool(const hros::IndexedCase&)> keep;
  if (filtered) {
    keep = [](const hros::IndexedCase& item) { return item.industry != "health"; };
  }
  Ranked ranked;
  for (const hros::SearchHit& hit : index.search(parse.query, limit, keep, ranked.more)) {
    ranked.paths.push_back(hit.item.path);
    ranked.scores.push_back(hit.score);
  }
  return ranked;
}

Ranked run_paths(hros::SearchIndex& index, const std::string& text, std::size_t limit) {
  hros::QueryParse parse = hros::parse_query(text);
  REQUIRE(parse.error.empty());
  Ranked ranked;
  for (const hros::SearchHit& hit : index.search_paths(parse.query, limit, ranked.more)) {
    ranked.paths.push_back(hit.item.path);
    ranked.scores.push_back(hit.score);
  }
  return ranked;
}

} // namespace

TEST_CASE("search index: ranking split over two connections equals one", "[search_index]") {
  Scratch scratch;
  write_bank(scratch.root / "cases", 90);
  hros::Corpus corpus = hros::discover_cases(scratch.root / "cases", {});
  hros::IndexOptions whole;
  whole.cache = scratch.root / "cache.sqlite";
  whole.split_ranking_from = 1000000;
  hros::IndexOptions split = whole;
  split.split_ranking_from = 1;

  hros::SearchIndex one(scratch.root / "cases", corpus, whole);
  REQUIRE_FALSE(one.status().in_memory);
  hros::SearchIndex two(scratch.root / "cases", corpus, split);
  for (const char* text : {"hiring", "onboarding", "hiring -mentors", "retention OR mentors"}) {
    for (std::size_t limit : {0, 1, 5, 40}) {
      for (bool filtered : {false, true}) {
        INFO(text << " limit " << limit << (filtered ? " filtered" : ""));
        Ranked expected = run(one, text, limit, filtered);
        Ranked got = run(two, text, limit, filtered);
        CHECK_FALSE(expected.paths.empty());
        CHECK(got.paths == expected.paths);
        CHECK(got.scores == expected.scores);
        CHECK(got.more == expected.more);
      }
    }
  }
  // Paths only: the same cases, scores and "more", whichever way paths are read.
  for (std::size_t limit : {0, 1, 5, 40}) {
    INFO("paths, limit " << limit);
    Ranked expected = run(one, "hiring", limit, false);
    Ranked got = run_paths(two, "hiring", limit);
    CHECK(got.paths == expected.paths);
    CHECK(got.scores == expected.scores);
    CHECK(got.more == expected.more);
  }
  // Ties are broken by the order the cases were indexed in, the same way
  // whichever half they are in.
  Ranked all = run(two, "hiring", 0, false);
  CHECK(all.paths.size() == 90);
}

TEST_CASE("search index: paths only equal the full results on a bigger bank", "[search_index]") {
  // Over a thousand results: the paths are read in one pass, not one by one.
  Scratch scratch;
  write_bank(scratch.root / "cases", 1100);
  hros::Corpus corpus = hros::discover_cases(scratch.root / "cases", {});
  hros::IndexOptions options;
  options.cache = scratch.root / "cache.sqlite";
  hros::SearchIndex index(scratch.root / "cases", corpus, options);
  for (std::size_t limit : {0, 5}) {
    Ranked expected = run(index, "hiring", limit, false);
    Ranked got = run_paths(index, "hiring", limit);
    CHECK(got.paths.size() == (limit == 0 ? 1100 : limit));
    CHECK(got.paths == expected.paths);
    CHECK(got.more == expected.more);
  }
}

TEST_CASE("search index: a filter that passes few of the first ranked rows", "[search_index]") {
  // With a headroom of one row per result, the first ranking holds too few
  // rows that pass the filter, and the search ranks every match: the results
  // are those of a search that ranked every match from the start.
  Scratch scratch;
  write_bank(scratch.root / "cases", 90);
  hros::Corpus corpus = hros::discover_cases(scratch.root / "cases", {});
  hros::IndexOptions options;
  options.cache = scratch.root / "cache.sqlite";
  hros::IndexOptions narrow = options;
  narrow.filtered_headroom = 1;
  hros::SearchIndex wide_index(scratch.root / "cases", corpus, options);
  hros::SearchIndex narrow_index(scratch.root / "cases", corpus, narrow);
  for (const char* text : {"hiring", "onboarding", "retention OR mentors"}) {
    Ranked all = run(wide_index, text, 0, true);
    REQUIRE(all.paths.size() > 3);
    for (std::size_t limit : {1, 2, 3, 10, 40, 200}) {
      INFO(text << " limit " << limit);
      Ranked got = run(narrow_index, text, limit, true);
      std::size_t expected_size = std::min(limit, all.paths.size());
      CHECK(got.paths ==
            std::vector<std::string>(all.paths.begin(), all.paths.begin() + expected_size));
      CHECK(got.more == (all.paths.size() > limit));
      CHECK(run(wide_index, text, limit, true).paths == got.paths);
    }
  }
}

TEST_CASE("search index: a file changed long before it was read is trusted by its stamp",
          "[search_index]") {
  // Files read within the settling time of a change are read again by the
  // next refresh (their stamps cannot show a second change in the same
  // tick); a file changed long before is not, or every search would read it.
  Scratch scratch;
  write_bank(scratch.root / "cases", 3);
  fs::path file = scratch.root / "cases" / "case-1.md";
  struct timespec hour_ago[2] = {{::time(nullptr) - 3600, 0}, {::time(nullptr) - 3600, 0}};
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), hour_ago, 0) == 0);
  hros::IndexOptions options;
  options.cache = scratch.root / "cache.sqlite";
  hros::Corpus corpus = hros::discover_cases(scratch.root / "cases", {});
  { hros::SearchIndex first(scratch.root / "cases", corpus, options); }
  // The same size and time, other words: only a read would see them.
  std::string text;
  {
    std::ifstream in(file);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  text.replace(text.find("retention"), 9, "furloughs");
  {
    std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
    out << text;
  }
  REQUIRE(::utimensat(AT_FDCWD, file.c_str(), hour_ago, 0) == 0);
  hros::SearchIndex second(scratch.root / "cases", corpus, options);
  CHECK(second.status().changed == 0);
  CHECK(second.status().added == 0);
  CHECK(run(second, "furloughs", 0, false).paths.empty());
  CHECK(run(second, "retention", 0, false).paths.size() == 2);
}
