#pragma once

#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace hros {

enum class FieldType {
  string,
  text,
  enumeration,
  date,
  url,
  email,
  integer,
  number,
  boolean,
  list,
  object
};

// The schema file's name for a type ("enum" for enumeration).
const char* field_type_name(FieldType type);

// One field of the front matter, or the item type of a list.
struct FieldSpec {
  std::string name;
  FieldType type = FieldType::string;
  bool required = false;
  std::vector<std::string> values;             // enumeration
  std::map<std::string, std::string> synonyms; // enumeration: accepted alias -> value
  bool ordered = false;                        // enumeration values compare by position
  std::string pattern;
  std::string pattern_message;
  std::shared_ptr<const std::regex> regex; // `pattern` compiled: see schema_pattern.hpp
  std::optional<std::size_t> min_length;
  std::optional<std::size_t> max_length;
  std::optional<double> min;
  std::optional<double> max;
  std::optional<std::size_t> min_items;
  std::optional<std::size_t> max_items;
  bool unique = false;
  std::string hint;
  std::shared_ptr<const FieldSpec> items; // list
  std::vector<FieldSpec> fields;          // object

  // The subfield called `field_name` of an object, or nullptr.
  const FieldSpec* find(const std::string& field_name) const;
};

// A level-2 section a kind of case has.
struct SectionSpec {
  std::string title;
  bool required = true;
  bool allow_empty = false;
};

struct KindSpec {
  std::string name;
  std::vector<SectionSpec> sections; // in the order they must appear
};

// "When `status` is `published`, `published` is required."
struct ConditionalRule {
  std::vector<std::pair<std::string, std::string>> when; // field = value, all must hold
  std::vector<std::string> require;
  std::string message;
};

struct Schema {
  int version = 1;
  std::string name;
  std::string source; // the YAML text it was loaded from
  std::vector<FieldSpec> fields;
  std::vector<KindSpec> kinds;
  std::vector<ConditionalRule> rules;
  std::vector<std::string> promotional_phrases;

  const FieldSpec* find_field(const std::string& field_name) const;
  const KindSpec* find_kind(const std::string& kind_name) const;
};

} // namespace hros
