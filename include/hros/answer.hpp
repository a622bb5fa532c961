#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hros/schema.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// How forgiving to be with a typed enum value. Both accept any case and the
// schema's synonyms; `interactive` also takes a number from the pick-list
// shown and a unique prefix ("fin" is ambiguous, "fint" is fintech), which a
// script should not rely on.
enum class Typing { exact, interactive };

struct EnumChoice {
  std::optional<std::string> value; // the schema's spelling
  std::string problem;              // set when the text is ambiguous
};

// The enum value `text` stands for, if any.
EnumChoice resolve_enum(const FieldSpec& spec, std::string_view text, Typing typing);

// A checked value, or the reasons it was refused in plain words.
struct Answer {
  std::optional<YamlNode> value;
  std::vector<std::string> problems;
};

// Parses one typed answer for a field of scalars or a list of scalars (items
// separated by commas, "[a, b]" also fine; an item in quotes may hold commas:
// "Workday, Inc.",Notion) and checks it against the schema. A scalar keeps
// its commas.
// `name` is how messages name the field ("authors.name").
Answer parse_answer(const FieldSpec& spec, const std::string& name, std::string_view text,
                    Typing typing);

// Checks any value (scalar, list or object) with the same rules `hros lint`
// applies to the field; every problem found, or none.
std::vector<std::string> check_value(const FieldSpec& spec, const std::string& name,
                                     const YamlNode& value);

// A scalar node. Strings are `quoted` (never typed as a number or boolean);
// numbers and booleans are `plain`.
YamlNode scalar_node(std::string text, ScalarStyle style);

// `text` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view text);

} // namespace hros
