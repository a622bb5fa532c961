#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hros::test {

// A hros process the test controls while it runs: to signal it mid-export,
// or to run it with stdout on a file (/dev/full) or under a file size limit.
struct SpawnOptions {
  std::filesystem::path cwd;
  std::string stdout_path = "/dev/null";
  std::string stderr_path = "/dev/null";
  long file_size_limit_kb = 0; // RLIMIT_FSIZE, as `ulimit -f`; 0: none
};

int spawn_hros(const std::vector<std::string>& args, const SpawnOptions& options);

// Waits for the child; returns its exit code, or -signal when a signal ended it.
int wait_child(int pid);

// A generated bank of `count` valid cases (bench/gen_cases.py), made once per
// test run and shared; large enough that an export takes a noticeable time.
const std::filesystem::path& generated_bank(int count);

// Entries in `dir` whose name starts with `prefix` (leftover temporary files).
std::vector<std::string> leftovers(const std::filesystem::path& dir, const std::string& prefix);

} // namespace hros::test
