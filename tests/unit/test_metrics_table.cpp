#include "hros/metrics_table.hpp"

#include <catch2/catch.hpp>

using hros::metric_change;

TEST_CASE("metric_change is a difference in the values' decimals and a percentage", "[metrics]") {
  CHECK(metric_change("71", "84", "") == "+13 (+18.3%)");
  CHECK(metric_change("7.9", "6.1", "days") == "-1.8 (-22.8%)");
  CHECK(metric_change("2.50", "2.75", "") == "+0.25 (+10.0%)");
  // 0.1 + 0.2 style noise never shows: the difference keeps the inputs' decimals.
  CHECK(metric_change("0.3", "0.1", "") == "-0.2 (-66.7%)");
}

TEST_CASE("metric_change of a percentage is in percentage points", "[metrics]") {
  CHECK(metric_change("71.5", "84", "%") == "+12.5 pp (+17.5%)");
  CHECK(metric_change("14", "9", "%") == "-5 pp (-35.7%)");
}

TEST_CASE("metric_change without a base or a number", "[metrics]") {
  CHECK(metric_change("0", "3", "") == "+3");            // no percentage of zero
  CHECK(metric_change("-4", "-2", "") == "+2 (+50.0%)"); // of the magnitude
  CHECK(metric_change("5", "5", "") == "0 (0.0%)");
  CHECK(metric_change("", "4.2", "") == "");
  CHECK(metric_change("many", "few", "") == "");
  CHECK(metric_change(".inf", "1", "") == "");
}
