#pragma once

#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include "hros/scaffold.hpp"
#include "hros/schema.hpp"

namespace hros {

// The questions `hros new` asks on a terminal, driven by the schema: each
// needed field in schema order (with its hint, a numbered pick-list for
// enums, defaults in brackets), then optionally the others. Every answer is
// checked on the spot and asked again until it is valid. Reads lines from
// `in`, writes prompts to `out`, so tests drive it with strings.
class Interview {
public:
  Interview(const Schema& schema, const Defaults& defaults, std::istream& in, std::ostream& out);

  // Asks for every field `values` lacks; false when the input ended first.
  bool run(FieldValues& values);

  // One line typed after `prompt`; nothing at the end of the input.
  std::optional<std::string> ask(const std::string& prompt);

  // A yes/no question; Enter gives `fallback`. Nothing at the end of the input.
  std::optional<bool> confirm(const std::string& question, bool fallback);

private:
  bool ask_field(const FieldSpec& field, bool needed, FieldValues& values);
  std::optional<YamlNode> ask_value(const FieldSpec& field, const std::string& name, bool needed,
                                    const std::string& fallback);
  std::optional<YamlNode> ask_mapping(const FieldSpec& spec, const std::string& label,
                                      const std::string& name_default);
  std::optional<YamlNode> ask_items(const FieldSpec& field, bool needed);
  void show_choices(const FieldSpec& field);
  bool ask_optional(FieldValues& values);

  const Schema& m_schema;
  const Defaults& m_defaults;
  std::istream& m_in;
  std::ostream& m_out;
  bool m_ended = false;
};

} // namespace hros
