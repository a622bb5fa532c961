#include "hros/scalar.hpp"

#include <catch2/catch.hpp>

using hros::ScalarType;

TEST_CASE("plain scalars resolve by YAML 1.2 core rules", "[scalar]") {
  CHECK(hros::resolve_plain("NO") == ScalarType::string);
  CHECK(hros::resolve_plain("yes") == ScalarType::string);
  CHECK(hros::resolve_plain("true") == ScalarType::boolean);
  CHECK(hros::resolve_plain("~") == ScalarType::null);
  CHECK(hros::resolve_plain("null") == ScalarType::null);
  CHECK(hros::resolve_plain("010") == ScalarType::integer);
  CHECK(hros::resolve_plain("0o17") == ScalarType::integer);
  CHECK(hros::resolve_plain("3.5e2") == ScalarType::floating);
  CHECK(hros::resolve_plain("1_000") == ScalarType::string);
  CHECK(hros::resolve_plain("2024-03-18") == ScalarType::string);
}

TEST_CASE("YAML 1.1 readings that differ are named", "[scalar]") {
  CHECK(hros::yaml11_reading("NO") == std::optional<std::string>("the boolean false"));
  CHECK(hros::yaml11_reading("on") == std::optional<std::string>("the boolean true"));
  CHECK(hros::yaml11_reading("010") == std::optional<std::string>("the octal number 8"));
  CHECK_FALSE(hros::yaml11_reading("00").has_value());
  CHECK(hros::yaml11_reading("1:30").has_value());
  CHECK_FALSE(hros::yaml11_reading("Norway").has_value());
  CHECK_FALSE(hros::yaml11_reading("12").has_value());
}

TEST_CASE("numbers parse only when YAML 1.2 says they are numbers", "[scalar]") {
  CHECK(hros::parse_number("71") == Approx(71));
  CHECK(hros::parse_number("-2.5") == Approx(-2.5));
  CHECK(hros::parse_number("0x1F") == Approx(31));
  CHECK_FALSE(hros::parse_number(".inf").has_value());
  CHECK_FALSE(hros::parse_number("seventy").has_value());
}
