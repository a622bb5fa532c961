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

TEST_CASE("a mistyped command is named, with the command meant", "[cli]") {
  auto result = run_hros({"lnit"});
  CHECK(result.exit_code == 2);
  CHECK(result.err == "hros: error: unknown command 'lnit'; did you mean 'lint'?\n");
  auto unknown = run_hros({"--root", "cases", "frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err ==
        "hros: error: unknown command 'frobnicate'; run 'hros --help' for the list\n");
}

TEST_CASE("no command prints the help and exits 2", "[cli]") {
  auto result = run_hros({});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("Usage: hros [OPTIONS] SUBCOMMAND") != std::string::npos);
  CHECK(result.err.find("Exit status: 0 success") != std::string::npos);
}

TEST_CASE("colour is never used off a terminal unless asked for", "[cli]") {
  hros::test::RunOptions options;
  options.cwd = hros::test::data_dir() / "rules" / "schema.enum";
  auto plain = run_hros({"lint"}, options);
  CHECK(plain.out.find("\x1b[") == std::string::npos);
  auto forced = run_hros({"--color", "always", "lint"}, options);
  CHECK(forced.out.find("\x1b[1;31merror\x1b[0m") != std::string::npos);
  auto bad = run_hros({"--color", "purple", "lint"}, options);
  CHECK(bad.exit_code == 2);
}
