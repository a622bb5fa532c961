#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hros/command_spec.hpp"
#include "hros/schema.hpp"

namespace hros {

enum class Shell { bash, zsh, fish };

// The shells `hros completions` writes scripts for, by name.
const std::vector<std::string>& shell_names();
bool parse_shell(std::string_view name, Shell& shell);

// A completion script for `shell` from the command definitions. Values that
// depend on the bank are asked of `hros __complete` when completing.
std::string completion_script(const CommandSpec& root, Shell shell);
std::string bash_completion_script(const CommandSpec& root);
std::string zsh_completion_script(const CommandSpec& root);
std::string fish_completion_script(const CommandSpec& root);

// One completion offered by `hros __complete`: printed as the value, then a
// tab and the description when there is one.
struct Candidate {
  std::string value;
  std::string description;
};

// A `--where` or `--set` word being typed: field names (each followed by
// `=`) until an operator is there, then FIELD OP VALUE for each of the
// field's values.
std::vector<Candidate> complete_condition(const Schema& schema, std::string_view word);

// A comma-separated list of fields being typed (--sort, --columns): the word
// up to its last comma, then each field (and each with '-' for descending).
std::vector<Candidate> complete_field_list(const Schema& schema, std::string_view word);

// The values a field can take: an enum's values (a list's item values), or
// true and false; nothing for free text.
std::vector<Candidate> complete_field_values(const Schema& schema, const std::string& field);

// The lines `hros __complete` prints.
std::string render_candidates(const std::vector<Candidate>& candidates);

// Quotes `text` for a POSIX shell: '...' with each ' written '\''.
std::string shell_quote(std::string_view text);

} // namespace hros
