#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hros {

// What a plain scalar means under the YAML 1.2 core schema.
enum class ScalarType { null, boolean, integer, floating, string };

// Resolves a plain (unquoted) scalar by YAML 1.2 core schema rules:
// `NO` and `yes` are strings, `010` is ten, `~` and `null` are null.
ScalarType resolve_plain(std::string_view text);

// How a YAML 1.1 reader (PyYAML, yaml-cpp's as<T>(), many editors) would read
// this plain scalar differently from YAML 1.2, e.g. "the boolean false" for
// `NO`; nothing when both agree.
std::optional<std::string> yaml11_reading(std::string_view text);

// The number a plain scalar denotes under YAML 1.2, if it is one.
std::optional<double> parse_number(std::string_view text);

// The number of days in `month` (1-12) of `year` in the Gregorian calendar,
// or 0 for a month that does not exist; for checking dates such as 2023-02-29.
int days_in_month(int year, int month);

} // namespace hros
