// File stamps: what the search index compares to tell a changed file, taken
// during the walk of a bank on two threads, and the digest of a whole bank.
#include "hros/corpus.hpp"
#include "hros/file_stamp.hpp"
#include "scratch_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>

namespace fs = std::filesystem;
using hros::FileStamp;
using hros::StampDigest;

namespace {

struct Scratch : ScratchDir {
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << text;
  }
};

FileStamp stat_stamp(const fs::path& file) {
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  return hros::stamp_of(info);
}

} // namespace

TEST_CASE("file stamps: the walk stats every case file it lists", "[file_stamp]") {
  Scratch bank;
  // More files than one batch of entries, in the root and below, so the
  // second thread takes part; and entries that are not case files.
  for (int i = 0; i < 1300; ++i) {
    bank.write("case-" + std::to_string(i) + ".md", std::string(static_cast<std::size_t>(i), 'x'));
  }
  for (int i = 0; i < 300; ++i) {
    bank.write("retail/r-" + std::to_string(i) + ".md", "r");
  }
  bank.write("notes.txt", "not a case");
  bank.write("retail/image.png", "png");

  hros::Corpus plain = hros::discover_cases(bank.root, {});
  hros::DiscoverOptions options;
  options.stamps = true;
  hros::Corpus stamped = hros::discover_cases(bank.root, {}, options);
  CHECK(plain.stamps.empty());
  REQUIRE(stamped.files == plain.files);
  REQUIRE(stamped.relative == plain.relative);
  REQUIRE(stamped.files.size() == 1600);
  REQUIRE(stamped.stamps.size() == stamped.files.size());
  for (std::size_t i = 0; i < stamped.files.size(); ++i) {
    INFO(stamped.relative[i]);
    CHECK(stamped.stamps[i] == stat_stamp(stamped.files[i]));
  }
  // The same stamps as stat-ing the listed files afterwards.
  CHECK(hros::stat_files(bank.root, stamped.relative, 2) == stamped.stamps);

  // Unsorted: the same files with the same stamps, in some order.
  options.sorted = false;
  hros::Corpus unsorted = hros::discover_cases(bank.root, {}, options);
  REQUIRE(unsorted.files.size() == plain.files.size());
  std::vector<std::pair<std::string, FileStamp>> pairs;
  for (std::size_t i = 0; i < unsorted.files.size(); ++i) {
    CHECK(unsorted.files[i] == bank.root / unsorted.relative[i]);
    pairs.emplace_back(unsorted.relative[i], unsorted.stamps[i]);
  }
  // Without full paths: the same, with `files` left empty.
  options.full_paths = false;
  hros::Corpus lean = hros::discover_cases(bank.root, {}, options);
  CHECK(lean.files.empty());
  CHECK(lean.relative.size() == plain.relative.size());
  CHECK(lean.stamps.size() == plain.relative.size());
  std::sort(pairs.begin(), pairs.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    CHECK(pairs[i].first == stamped.relative[i]);
    CHECK(pairs[i].second == stamped.stamps[i]);
  }
}

TEST_CASE("file stamps: a file gone before it is stat-ed has no stamp", "[file_stamp]") {
  Scratch bank;
  bank.write("here.md", "x");
  std::vector<FileStamp> stamps = hros::stat_files(bank.root, {"here.md", "gone.md"}, 2);
  REQUIRE(stamps.size() == 2);
  CHECK(stamps[0].known());
  CHECK(stamps[0].size == 1);
  CHECK_FALSE(stamps[1].known());
}

TEST_CASE("file stamps: the digest of a bank", "[file_stamp]") {
  FileStamp one{1000, 10, 7};
  FileStamp two{2000, 20, 8};
  StampDigest forward;
  forward.add("a.md", one);
  forward.add("b.md", two);
  StampDigest backward;
  backward.add("b.md", two);
  backward.add("a.md", one);
  CHECK(forward == backward); // order does not matter
  CHECK(forward.count == 2);

  SECTION("any part of a stamp changes it") {
    for (FileStamp changed :
         {FileStamp{1001, 10, 7}, FileStamp{1000, 11, 7}, FileStamp{1000, 10, 9}}) {
      StampDigest other;
      other.add("a.md", changed);
      other.add("b.md", two);
      CHECK_FALSE(other == forward);
    }
  }
  SECTION("so does a rename, or stamps swapped between files") {
    StampDigest renamed;
    renamed.add("c.md", one);
    renamed.add("b.md", two);
    CHECK_FALSE(renamed == forward);
    StampDigest swapped;
    swapped.add("a.md", two);
    swapped.add("b.md", one);
    CHECK_FALSE(swapped == forward);
  }
  SECTION("removing a file undoes adding it") {
    StampDigest digest = forward;
    digest.remove("b.md", two);
    StampDigest only_one;
    only_one.add("a.md", one);
    CHECK(digest == only_one);
    digest.remove("a.md", one);
    CHECK(digest == StampDigest{});
  }
}
