#include "hros/filter.hpp"

#include "hros/scalar.hpp"
#include "hros/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace hros {
namespace {

// The type a condition compares by: a list's item type for lists.
const FieldSpec* compared_spec(const FieldSpec* spec) {
  return spec != nullptr && spec->type == FieldType::list && spec->items ? spec->items.get() : spec;
}

bool is_date_prefix(std::string_view value);

// A year, a year and month, or a full date that exists.
bool is_real_date_prefix(std::string_view value) {
  if (!is_date_prefix(value)) {
    return false;
  }
  if (value.size() == 4) {
    return true;
  }
  int year = std::stoi(std::string(value.substr(0, 4)));
  int month = std::stoi(std::string(value.substr(5, 2)));
  if (days_in_month(year, month) == 0) {
    return false;
  }
  if (value.size() == 7) {
    return true;
  }
  int day = std::stoi(std::string(value.substr(8, 2)));
  return day >= 1 && day <= days_in_month(year, month);
}

bool is_date_prefix(std::string_view value) {
  static const char* k_shape = "dddd-dd-dd";
  if (value.size() != 4 && value.size() != 7 && value.size() != 10) {
    return false;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(value[i])) != 0;
    if ((k_shape[i] == 'd') != digit || (!digit && value[i] != '-')) {
      return false;
    }
  }
  return true;
}

// Returned when a value cannot be ordered against the wanted one (a size
// that is not one of the sizes, text in a number field): it meets only `!=`.
constexpr int k_incomparable = 1 << 30;

// Negative, zero or positive as `actual` sorts before, with or after `wanted`.
int compare_scalar(const std::string& actual, const std::string& wanted, const FieldSpec* spec) {
  FieldType type = spec == nullptr ? FieldType::string : spec->type;
  switch (type) {
  case FieldType::enumeration:
    if (spec->ordered) {
      auto index = [&](const std::string& value) {
        return std::find(spec->values.begin(), spec->values.end(), value) - spec->values.begin();
      };
      auto size = static_cast<long>(spec->values.size());
      if (index(actual) == size || index(wanted) == size) {
        return k_incomparable;
      }
      return static_cast<int>(index(actual) - index(wanted));
    }
    return lowercase(actual).compare(lowercase(wanted));
  case FieldType::date:
    return actual.substr(0, wanted.size()).compare(wanted);
  case FieldType::integer:
  case FieldType::number: {
    std::optional<double> a = parse_number(actual);
    std::optional<double> b = parse_number(wanted);
    if (!a || !b) {
      return k_incomparable;
    }
    return *a < *b ? -1 : *a > *b ? 1 : 0;
  }
  default:
    return lowercase(actual).compare(lowercase(wanted));
  }
}

bool holds(int order, CompareOp op) {
  if (order == k_incomparable) {
    return op == CompareOp::not_equal;
  }
  switch (op) {
  case CompareOp::equal:
    return order == 0;
  case CompareOp::not_equal:
    return order != 0;
  case CompareOp::less:
    return order < 0;
  case CompareOp::less_equal:
    return order <= 0;
  case CompareOp::greater:
    return order > 0;
  case CompareOp::greater_equal:
    return order >= 0;
  }
  return false;
}

std::string check_value(const Condition& condition) {
  const FieldSpec* spec = compared_spec(condition.spec);
  bool ordering = condition.op != CompareOp::equal && condition.op != CompareOp::not_equal;
  if (condition.field == "year") {
    return is_date_prefix(condition.value) && condition.value.size() == 4
               ? ""
               : fmt::format("'year' compares with a year like 2024, not '{}'", condition.value);
  }
  if (spec == nullptr) {
    return "";
  }
  switch (spec->type) {
  case FieldType::enumeration: {
    if (std::find(spec->values.begin(), spec->values.end(), condition.value) ==
        spec->values.end()) {
      std::string suggestion = did_you_mean(condition.value, spec->values);
      return fmt::format("'{}' is not a value of '{}'{}", condition.value, condition.field,
                         suggestion.empty() ? "; 'hros schema --format markdown' lists the values"
                                            : suggestion);
    }
    if (ordering && !spec->ordered) {
      return fmt::format("'{}' has no order; use = or !=", condition.field);
    }
    return "";
  }
  case FieldType::date:
    return is_real_date_prefix(condition.value)
               ? ""
               : fmt::format("'{}' compares with a date like 2024, 2024-03 or 2024-03-18, not '{}'",
                             condition.field, condition.value);
  case FieldType::integer:
  case FieldType::number:
    return parse_number(condition.value) ? ""
                                         : fmt::format("'{}' compares with a number, not '{}'",
                                                       condition.field, condition.value);
  case FieldType::boolean:
    if (condition.value != "true" && condition.value != "false") {
      return fmt::format("'{}' is true or false, not '{}'", condition.field, condition.value);
    }
    return ordering ? fmt::format("'{}' has no order; use = or !=", condition.field) : "";
  case FieldType::object:
    return fmt::format("'{}' is a set of fields and cannot be compared", condition.field);
  default:
    return "";
  }
}

std::string year_of(const YamlNode& front) {
  const YamlNode* published = front.find("published");
  return published != nullptr && published->is_scalar() ? published->text.substr(0, 4) : "";
}

} // namespace

std::vector<std::string> filterable_fields(const Schema& schema) {
  std::vector<std::string> names = {"slug", "year"};
  for (const FieldSpec& field : schema.fields) {
    names.push_back(field.name);
  }
  return names;
}

ConditionParse parse_condition(std::string_view text, const Schema& schema) {
  ConditionParse parse;
  std::size_t end = 0;
  while (end < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
    ++end;
  }
  static const std::pair<std::string_view, CompareOp> k_ops[] = {
      {"!=", CompareOp::not_equal}, {"<=", CompareOp::less_equal}, {">=", CompareOp::greater_equal},
      {"=", CompareOp::equal},      {"<", CompareOp::less},        {">", CompareOp::greater}};
  std::string_view rest = text.substr(end);
  auto op = std::find_if(std::begin(k_ops), std::end(k_ops), [&](const auto& candidate) {
    return rest.substr(0, candidate.first.size()) == candidate.first;
  });
  if (end == 0 || op == std::end(k_ops)) {
    parse.error =
        fmt::format("'{}' is not a condition; write FIELD=VALUE, with = != < <= > or >=", text);
    return parse;
  }
  Condition& condition = parse.condition;
  condition.field = std::string(text.substr(0, end));
  condition.op = op->second;
  condition.value = std::string(rest.substr(op->first.size()));
  if (condition.field != "slug" && condition.field != "year") {
    condition.spec = schema.find_field(condition.field);
    if (condition.spec == nullptr) {
      parse.error = fmt::format("unknown field '{}'{}", condition.field,
                                did_you_mean(condition.field, filterable_fields(schema)));
      return parse;
    }
  }
  // A schema-declared synonym (industry=tech) means its value, as in lint.
  if (const FieldSpec* spec = compared_spec(condition.spec); spec != nullptr) {
    auto synonym = spec->synonyms.find(condition.value);
    if (synonym != spec->synonyms.end()) {
      condition.value = synonym->second;
    }
  }
  parse.error = check_value(condition);
  return parse;
}

bool matches(const YamlNode& front, const std::string& slug, const Condition& condition) {
  if (condition.field == "slug" || condition.field == "year") {
    std::string actual = condition.field == "slug" ? slug : year_of(front);
    if (actual.empty()) {
      return condition.op == CompareOp::not_equal;
    }
    return holds(compare_scalar(actual, condition.value, nullptr), condition.op);
  }
  const YamlNode* value = front.find(condition.field);
  if (value == nullptr || value->is_null()) {
    return condition.op == CompareOp::not_equal;
  }
  const FieldSpec* spec = compared_spec(condition.spec);
  if (value->is_sequence()) {
    bool any_equal = false;
    bool any_holds = false;
    for (const YamlNode& item : value->items) {
      if (item.is_scalar()) {
        int order = compare_scalar(item.text, condition.value, spec);
        any_equal = any_equal || order == 0;
        any_holds = any_holds || holds(order, condition.op);
      }
    }
    return condition.op == CompareOp::not_equal ? !any_equal : any_holds;
  }
  if (!value->is_scalar()) {
    return condition.op == CompareOp::not_equal;
  }
  return holds(compare_scalar(value->text, condition.value, spec), condition.op);
}

bool matches_all(const YamlNode& front, const std::string& slug,
                 const std::vector<Condition>& conditions) {
  return std::all_of(conditions.begin(), conditions.end(),
                     [&](const Condition& condition) { return matches(front, slug, condition); });
}

} // namespace hros
