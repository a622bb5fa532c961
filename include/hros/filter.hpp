#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hros/schema.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

enum class CompareOp { equal, not_equal, less, less_equal, greater, greater_equal };

// One `--where` condition, e.g. `company_size>=201-1000`, checked against the
// schema when parsed: the field exists, the value is one of an enum's values
// and the operator suits the field's type.
struct Condition {
  std::string field;
  CompareOp op = CompareOp::equal;
  std::string value;
  const FieldSpec* spec = nullptr; // nullptr for the derived fields `slug` and `year`
};

struct ConditionParse {
  Condition condition;
  std::string error; // empty when the condition is valid
};

// Parses "FIELD OP VALUE" with OP one of = != < <= > >=.
ConditionParse parse_condition(std::string_view text, const Schema& schema);

// Whether a case's front matter meets the condition, comparing by the
// field's type: ordered enums by their order, dates by date (a value of
// `2022` or `2022-03` compares that part of the date), numbers as numbers,
// text without regard to case. A list field meets `=` and the order
// comparisons when any item does, and `!=` when no item equals the value.
// A missing field meets only `!=`.
bool matches(const YamlNode& front, const std::string& slug, const Condition& condition);

bool matches_all(const YamlNode& front, const std::string& slug,
                 const std::vector<Condition>& conditions);

// The fields a condition or a sort key may name, for help and suggestions.
std::vector<std::string> filterable_fields(const Schema& schema);

} // namespace hros
