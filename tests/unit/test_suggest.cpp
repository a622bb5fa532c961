#include "hros/suggest.hpp"

#include <catch2/catch.hpp>

TEST_CASE("edit distance counts a swap of neighbours as one edit", "[suggest]") {
  CHECK(hros::edit_distance("lint", "lint") == 0);
  CHECK(hros::edit_distance("lnit", "lint") == 1);
  CHECK(hros::edit_distance("fintec", "fintech") == 1);
  CHECK(hros::edit_distance("Retail", "retail") == 0);
  CHECK(hros::edit_distance("", "abc") == 3);
  CHECK(hros::edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("suggestions are offered only for likely typos", "[suggest]") {
  std::vector<std::string> commands = {"lint", "schema"};
  CHECK(hros::did_you_mean("lnit", commands) == "; did you mean 'lint'?");
  CHECK(hros::did_you_mean("shcema", commands) == "; did you mean 'schema'?");
  CHECK(hros::did_you_mean("export", commands).empty());
  CHECK(hros::did_you_mean("", commands).empty());
}
