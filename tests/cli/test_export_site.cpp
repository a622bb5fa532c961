// The exported site in a real browser: headless chromium loads index.html
// from disk (file://), a query is typed key by key, a facet is ticked with a
// mouse click, and the visible results, the case page's metrics table and
// the console are checked. tests/cli/browser_check.py drives chromium over
// the DevTools protocol; screenshots are kept in the build directory, under
// test-artifacts/. Without chromium the test warns, and fails when CI is set.
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace hros::test;

namespace {

std::string find_chromium() {
  if (const char* chosen = std::getenv("HROS_CHROMIUM"); chosen != nullptr && *chosen != '\0') {
    return chosen;
  }
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    for (const char* name : {"chromium", "chromium-browser"}) {
      fs::path candidate = fs::path(dir) / name;
      if (::access(candidate.c_str(), X_OK) == 0) {
        return candidate.string();
      }
    }
  }
  return "";
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0' && std::string(ci) != "false" && std::string(ci) != "0";
}

} // namespace

TEST_CASE("export html searches and filters in headless chromium", "[export][html][browser]") {
  std::string chromium = find_chromium();
  if (chromium.empty()) {
    if (in_ci()) {
      FAIL("chromium is not installed (scripts/install-deps.sh installs it)");
    }
    WARN("chromium is not installed: the browser test did not run");
    return;
  }
  TempDir dir;
  fs::path site = dir.path() / "site";
  RunResult exported =
      run_hros({"-q", "--root", "export/cases", "export", "--format", "html", "-o", site.string()});
  REQUIRE(exported.exit_code == 0);
  fs::path artifacts = fs::path(HROS_BINARY).parent_path() / "test-artifacts" / "export-site";
  int status = 0;
  std::string report = run_python(read_text(source_dir() / "tests" / "cli" / "browser_check.py"),
                                  {chromium, site.string(), "check", "ONBOARDING nurse", "industry",
                                   "healthcare", artifacts.string()},
                                  &status);
  INFO(report);
  REQUIRE(status == 0);
  // "ONBOARDING nurse": case-insensitive, every word must match, and "nurse"
  // matches "nurses" as a word's start. The hostile case's title is text.
  CHECK(report == "cases: 5\n"
                  "total: 5 cases\n"
                  "query: 2: A buddy for every new nurse | <script>alert(\"title\")</script> "
                  "\"Quotes\" & 'apostrophes' in a title\n"
                  "facet: 1: A buddy for every new nurse\n"
                  "facet-count: 1\n"
                  "page: A buddy for every new nurse\n"
                  "metric: First-year leavers | 31.5% | 22% | -9.5% | 12 months\n"
                  "errors: 0\n");
  CHECK(fs::file_size(artifacts / "index.png") > 1000);
  CHECK(fs::file_size(artifacts / "case.png") > 1000);
}
