// Every input a fuzz target once failed on is kept in fuzz/regressions/<target>/
// and replayed here through the same entry function libFuzzer calls, so the
// normal test suite (any compiler, no libFuzzer) keeps each fix fixed.
#include "fuzz_targets.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

using Entry = int (*)(const std::uint8_t*, std::size_t);

struct Target {
  const char* name;
  Entry entry;
};

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {
#define HROS_FUZZ_TARGET(name) {#name, &hros::fuzz::name},
#include "targets.def"
#undef HROS_FUZZ_TARGET
  };
  return all;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

// Feeds every file under `dir` to `entry`; returns how many there were.
std::size_t replay(const fs::path& dir, Entry entry) {
  std::size_t count = 0;
  if (!fs::is_directory(dir)) {
    return count;
  }
  for (const fs::directory_entry& file : fs::recursive_directory_iterator(dir)) {
    if (!file.is_regular_file()) {
      continue;
    }
    std::string bytes = read_bytes(file.path());
    INFO(file.path().string());
    CHECK_NOTHROW(entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    ++count;
  }
  return count;
}

} // namespace

TEST_CASE("fuzz regressions replay cleanly through their targets", "[fuzz]") {
  const fs::path fuzz_dir = fs::path(HROS_SOURCE_DIR) / "fuzz";
  std::size_t total = 0;
  for (const Target& target : targets()) {
    total += replay(fuzz_dir / "regressions" / target.name, target.entry);
    total += replay(fuzz_dir / "seeds" / target.name, target.entry);
  }
  CHECK(total > 0);
}

TEST_CASE("the bundled cases pass every fuzz target", "[fuzz]") {
  // A property that fails on real cases would be a broken target, not a find.
  const fs::path cases = fs::path(HROS_SOURCE_DIR) / "cases";
  for (const Target& target : targets()) {
    INFO(target.name);
    CHECK(replay(cases, target.entry) > 0);
  }
}

TEST_CASE("a broken property fails the replay", "[fuzz]") {
  CHECK_THROWS_AS(hros::fuzz::require(false, "what was broken"), hros::fuzz::Violation);
  CHECK_NOTHROW(hros::fuzz::require(true, "nothing"));
}
