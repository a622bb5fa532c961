// The bank-dependent half of shell completion: what `hros __complete` prints.
// Shells ask at completion time, so the candidates follow the schema in
// force (hros.yaml's own, or the built-in one).
#include "hros/completion.hpp"

#include "hros/filter.hpp"

#include <algorithm>

namespace hros {
namespace {

// Hints are prose on one line; a tab or newline would break the line format.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\t' || c == '\n' || c == '\r') {
      c = ' ';
    }
  }
  return text;
}

std::string field_hint(const Schema& schema, const std::string& name) {
  if (name == "slug") {
    return "The file name without .md";
  }
  if (name == "year") {
    return "The year of publication";
  }
  const FieldSpec* field = schema.find_field(name);
  return field != nullptr ? one_line(field->hint) : "";
}

bool is_field_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

} // namespace

const std::vector<std::string>& shell_names() {
  static const std::vector<std::string> k_names = {"bash", "zsh", "fish"};
  return k_names;
}

bool parse_shell(std::string_view name, Shell& shell) {
  if (name == "bash") {
    shell = Shell::bash;
  } else if (name == "zsh") {
    shell = Shell::zsh;
  } else if (name == "fish") {
    shell = Shell::fish;
  } else {
    return false;
  }
  return true;
}

std::string completion_script(const CommandSpec& root, Shell shell) {
  switch (shell) {
  case Shell::bash:
    return bash_completion_script(root);
  case Shell::zsh:
    return zsh_completion_script(root);
  case Shell::fish:
    return fish_completion_script(root);
  }
  return "";
}

std::vector<Candidate> complete_field_values(const Schema& schema, const std::string& field) {
  std::vector<Candidate> candidates;
  const FieldSpec* spec = schema.find_field(field);
  if (spec == nullptr) {
    return candidates;
  }
  if (spec->type == FieldType::list && spec->items) {
    spec = spec->items.get();
  }
  if (spec->type == FieldType::enumeration) {
    for (const std::string& value : spec->values) {
      candidates.push_back({value, ""});
    }
  } else if (spec->type == FieldType::boolean) {
    candidates.push_back({"true", ""});
    candidates.push_back({"false", ""});
  }
  return candidates;
}

std::vector<Candidate> complete_condition(const Schema& schema, std::string_view word) {
  std::size_t end = 0;
  while (end < word.size() && is_field_char(word[end])) {
    ++end;
  }
  std::vector<Candidate> candidates;
  if (end == word.size()) {
    for (const std::string& name : filterable_fields(schema)) {
      candidates.push_back({name + "=", field_hint(schema, name)});
    }
    return candidates;
  }
  std::size_t op_end = end;
  while (op_end < word.size() && std::string_view("=!<>").find(word[op_end]) != std::string::npos) {
    ++op_end;
  }
  std::string head(word.substr(0, op_end));
  for (const Candidate& value : complete_field_values(schema, std::string(word.substr(0, end)))) {
    candidates.push_back({head + value.value, ""});
  }
  return candidates;
}

std::vector<Candidate> complete_field_list(const Schema& schema, std::string_view word) {
  std::size_t comma = word.rfind(',');
  std::string head(comma == std::string_view::npos ? "" : word.substr(0, comma + 1));
  std::vector<Candidate> candidates;
  bool descending = word.substr(head.size(), 1) == "-";
  for (const std::string& name : filterable_fields(schema)) {
    candidates.push_back({head + (descending ? "-" : "") + name, field_hint(schema, name)});
  }
  if (!descending) {
    candidates.push_back({head + "path", "The file's path"});
  }
  return candidates;
}

std::string render_candidates(const std::vector<Candidate>& candidates) {
  std::string text;
  for (const Candidate& candidate : candidates) {
    text += candidate.value;
    if (!candidate.description.empty()) {
      text += '\t' + candidate.description;
    }
    text += '\n';
  }
  return text;
}

std::string shell_quote(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

} // namespace hros
