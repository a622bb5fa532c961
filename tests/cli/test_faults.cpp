// Faults while writing: a full disk (RLIMIT_FSIZE, /dev/full, a small tmpfs)
// or a read-only cases directory during `hros new` and `hros lint --fix`
// loses nothing and leaves no partial or temporary file, and the command
// says so and exits 2. Tests run as root in CI, where chmod stops nothing, so
// read-only and small file systems are mounted in a private mount namespace
// (unshare); where that is not permitted those tests only warn.
#include "dir_snapshot.hpp"
#include "hostile_inputs.hpp"
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using hros::test::differences;
using hros::test::DirectoryTimes;
using hros::test::read_text;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::Snapshot;
using hros::test::snapshot;
using hros::test::TempDir;
using hros::test::temporary_leftovers;
namespace hostile = hros::test::hostile;

namespace {

const std::vector<std::string> k_new = {
    "new",
    "four-day-week-for-our-support-team",
    "--no-input",
    "--kind",
    "spark",
    "--title",
    "Four-day week for our support team",
    "--set",
    "organization=Example Support Co",
    "--set",
    "industry=technology",
    "--set",
    "company_size=51-200",
    "--set",
    "regions=US,NO",
    "--set",
    "topics=wellbeing,retention",
    "--set",
    "authors[0].name=Jane Doe",
    "--set",
    "summary=We tried a four-day week for six months with 40 agents; here is what happened.",
};
const std::string k_new_file = "cases/four-day-week-for-our-support-team.md";

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// A case `--fix` changes: a synonym, an enum's case and trailing spaces.
std::string fixable_case() {
  std::string text = hostile::make_case("fixable");
  text = hostile::replace_first(text, "## ", "Trailing spaces.   \n\n## ");
  return text;
}

RunOptions in(const TempDir& dir) {
  RunOptions options;
  options.cwd = dir.path();
  options.timeout_seconds = 30;
  options.env = {"HOME=" + dir.path().string(), "GIT_CONFIG_NOSYSTEM=1",
                 "GIT_CONFIG_GLOBAL=/dev/null"};
  return options;
}

// Files and links only: making and removing a temporary file changes a
// directory's time and loses nothing.
Snapshot files_under(const TempDir& dir) {
  return snapshot(dir.path(), DirectoryTimes::ignore);
}

// Nothing changed under `dir` and no temporary file was left behind.
void require_untouched(const TempDir& dir, const Snapshot& before) {
  Snapshot after = files_under(dir);
  std::vector<std::string> changes = differences(before, after);
  INFO(changes.size() << " changes, the first: " << (changes.empty() ? "" : changes.front()));
  CHECK(changes.empty());
  CHECK(temporary_leftovers(after).empty());
}

// Whether this machine lets the tests mount file systems in a private mount
// namespace (unshare --mount --map-root-user), asked once.
bool can_mount() {
  static const bool permitted = [] {
    TempDir dir;
    RunOptions options;
    options.cwd = dir.path();
    options.wrapper = {"unshare",
                       "--mount",
                       "--map-root-user",
                       "sh",
                       "-c",
                       "mount -t tmpfs -o size=64k tmpfs \"$0\" && exit 7",
                       dir.path().string()};
    // hros is never reached: the script exits 7 once the mount worked.
    return run_hros({"--version"}, options).exit_code == 7;
  }();
  if (!permitted) {
    WARN("mounting in a private namespace is not permitted here; the read-only and small "
         "file system cases are covered by RLIMIT_FSIZE and /dev/full only");
  }
  return permitted;
}

// Runs hros with `dir`/cases bind-mounted read-only.
RunResult run_read_only(const TempDir& dir, const std::vector<std::string>& args) {
  RunOptions options = in(dir);
  options.wrapper = hros::test::read_only_wrapper(dir.path() / "cases");
  return run_hros(args, options);
}

// Runs hros with `dir`/cases on a 256 KiB tmpfs, seeded from `dir`/seed and
// filled up; afterwards the script prints what the tmpfs holds (it goes with
// the namespace): after a line "--- after", `ls -A` and then every file.
RunResult run_on_full_disk(const TempDir& dir, const std::vector<std::string>& args) {
  RunOptions options = in(dir);
  options.wrapper = {
      "unshare",
      "--mount",
      "--map-root-user",
      "sh",
      "-c",
      "mount -t tmpfs -o size=256k tmpfs \"$0/cases\" && cp -a \"$0/seed/.\" \"$0/cases/\" && "
      "{ cat /dev/zero > \"$0/cases/.filler\"; } 2>/dev/null; "
      "rm -f \"$0/cases/.filler\"; head -c 260000 /dev/zero > \"$0/cases/.filler\" 2>/dev/null; "
      "\"$@\"; status=$?; rm -f \"$0/cases/.filler\"; echo '--- after'; ls -A \"$0/cases\"; "
      "for f in \"$0/cases\"/*; do echo \"--- $f\"; cat \"$f\"; done; exit $status",
      dir.path().string()};
  return run_hros(args, options);
}

} // namespace

TEST_CASE("faults: hros new past the file size limit writes nothing", "[faults][new]") {
  TempDir dir;
  dir.write("cases/.keep", "");
  Snapshot before = files_under(dir);
  RunOptions options = in(dir);
  options.file_size_limit = 100; // the case is some 1.5 KB
  RunResult result = run_hros(k_new, options);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("cannot write") != std::string::npos);
  CHECK(result.err.find("File too large") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / k_new_file));
  require_untouched(dir, before);
  // The same command without the limit works, so the limit made the difference.
  CHECK(run_hros(k_new, in(dir)).exit_code == 0);
  CHECK(fs::exists(dir.path() / k_new_file));
}

TEST_CASE("faults: hros new --force past the file size limit keeps the old case", "[faults][new]") {
  TempDir dir;
  dir.write(k_new_file, "the old case\n");
  Snapshot before = files_under(dir);
  RunOptions options = in(dir);
  options.file_size_limit = 100;
  RunResult result = run_hros(with(k_new, {"--force"}), options);
  CHECK(result.exit_code == 2);
  CHECK(read_text(dir.path() / k_new_file) == "the old case\n");
  require_untouched(dir, before);
}

TEST_CASE("faults: hros lint --fix past the file size limit keeps the file", "[faults][fix]") {
  TempDir dir;
  std::string original = fixable_case();
  dir.write("cases/fixable.md", original);
  Snapshot before = files_under(dir);
  RunOptions options = in(dir);
  options.file_size_limit = 100;
  RunResult result = run_hros({"lint", "--fix"}, options);
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("cases/fixable.md") != std::string::npos);
  CHECK(result.err.find("File too large") != std::string::npos);
  CHECK(read_text(dir.path() / "cases/fixable.md") == original);
  require_untouched(dir, before);
  // Without the limit the fix is applied: there was something to lose.
  CHECK(run_hros({"lint", "--fix"}, in(dir)).exit_code == 0);
  CHECK(read_text(dir.path() / "cases/fixable.md") != original);
}

TEST_CASE("faults: output to a full device is an error, not success", "[faults][output]") {
  TempDir dir;
  dir.write("cases/fixable.md", fixable_case());
  Snapshot before = files_under(dir);
  RunOptions options = in(dir);
  options.stdout_path = "/dev/full";
  for (const std::vector<std::string>& args : {std::vector<std::string>{"lint"},
                                               {"lint", "--format", "json"},
                                               {"list"},
                                               {"list", "--format", "json"},
                                               {"schema"},
                                               with(k_new, {"--stdout"})}) {
    INFO(args.front() << " " << args.back());
    RunResult result = run_hros(args, options);
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("cannot write the output: No space left on device") != std::string::npos);
  }
  require_untouched(dir, before);
}

TEST_CASE("faults: a read-only cases directory loses nothing", "[faults][new][fix]") {
  if (!can_mount()) {
    return;
  }
  TempDir dir;
  std::string original = fixable_case();
  dir.write("cases/fixable.md", original);
  Snapshot before = files_under(dir);
  RunResult created = run_read_only(dir, k_new);
  CHECK(created.exit_code == 2);
  CHECK(created.err.find("Read-only file system") != std::string::npos);
  RunResult fixed = run_read_only(dir, {"lint", "--fix"});
  CHECK(fixed.exit_code == 2);
  CHECK(fixed.err.find("cases/fixable.md") != std::string::npos);
  CHECK(fixed.err.find("Read-only file system") != std::string::npos);
  CHECK(read_text(dir.path() / "cases/fixable.md") == original);
  require_untouched(dir, before);
}

TEST_CASE("faults: a full file system loses nothing", "[faults][new][fix]") {
  if (!can_mount()) {
    return;
  }
  TempDir dir;
  std::string original = fixable_case();
  dir.write("seed/fixable.md", original);
  dir.write("cases/.keep", "");

  RunResult created = run_on_full_disk(dir, k_new);
  CHECK(created.exit_code == 2);
  CHECK(created.err.find("No space left on device") != std::string::npos);
  // The tmpfs holds exactly the seed: no new case, no temporary file.
  CHECK(created.out ==
        "--- after\nfixable.md\n--- " + dir.path().string() + "/cases/fixable.md\n" + original);

  RunResult fixed = run_on_full_disk(dir, {"lint", "--fix"});
  CHECK(fixed.exit_code == 2);
  CHECK(fixed.err.find("No space left on device") != std::string::npos);
  std::size_t after = fixed.out.find("--- after\n");
  REQUIRE(after != std::string::npos);
  CHECK(fixed.out.substr(after) ==
        "--- after\nfixable.md\n--- " + dir.path().string() + "/cases/fixable.md\n" + original);
}
