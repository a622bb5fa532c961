#include "run_hros.hpp"

#include <catch2/catch.hpp>

using hros::test::run_hros;

TEST_CASE("the bundled cases are lint-clean", "[lint][cases]") {
  hros::test::RunOptions options;
  options.cwd = hros::test::source_dir();
  auto result = run_hros({"lint", "--strict", "--format", "text"}, options);
  INFO(result.out << result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("files checked, no problems found") != std::string::npos);
}

TEST_CASE("the version flag names the schema", "[cli]") {
  auto result = run_hros({"--version"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("hros 0.1.0") == 0);
}

TEST_CASE("an unknown option is a usage error", "[cli]") {
  auto result = run_hros({"lint", "--no-such-option"});
  CHECK(result.exit_code == 2);
}
