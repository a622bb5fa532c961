#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hros/answer.hpp"
#include "hros/scaffold.hpp"
#include "hros/schema.hpp"

namespace hros {

// One `--set` of `hros new`: `field=value`, or for a list of sets of fields
// `field[N].subfield=value` (`field.subfield` is `field[0].subfield`).
struct Assignment {
  std::string field;
  std::optional<std::size_t> index;
  std::string subfield;
  std::string value;
};

// Parses "field=value", "field[N].sub=value" or "field.sub=value"; nullopt
// with `problem` set when it is none of them.
std::optional<Assignment> parse_assignment(std::string_view text, std::string& problem);

struct Assembly {
  FieldValues values;
  std::vector<std::string> problems; // every refusal, in plain words
};

// Turns assignments into checked values: unknown fields (with "did you
// mean"), a field given twice, gaps in item numbers and every value the
// schema refuses are all reported, not only the first.
Assembly assemble_values(const Schema& schema, const std::vector<Assignment>& assignments,
                         Typing typing = Typing::exact);

} // namespace hros
