// Turns CLI11's definitions into a CommandSpec at run time, so completions
// and the man page follow whatever commands and options exist, without a
// list of them anywhere else. What a value is comes from the option's names
// and the value name its help shows (DIR, FILE, COND, FIELDS, SLUG, KIND).
#include "hros/cli.hpp"

#include <algorithm>
#include <cctype>

namespace hros::cli {
namespace {

std::string lowercase(std::string text) {
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

bool has_name(const OptionSpec& spec, const char* long_name) {
  return std::find(spec.long_names.begin(), spec.long_names.end(), long_name) !=
         spec.long_names.end();
}

// "table, json, ndjson, csv or paths" and "Output: text, json or github":
// the values a --format option lists in its help, or none when the help is
// not such a list.
std::vector<std::string> listed_values(std::string text) {
  std::size_t colon = text.find(": ");
  if (colon != std::string::npos) {
    text.erase(0, colon + 2);
  }
  std::string plain;
  int depth = 0;
  for (char c : text) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth == 0 && c != ')') {
      plain += c;
    }
  }
  std::vector<std::string> values;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && word != "or") {
      values.push_back(word);
    }
    word.clear();
  };
  for (char c : plain) {
    if (c == ' ' || c == ',') {
      flush();
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') {
      word += c;
    } else {
      return {}; // prose, not a list
    }
  }
  flush();
  return values;
}

// "WHEN:{auto,always,never}" -> WHEN and the IsMember set.
void split_type_name(const std::string& full, OptionSpec& spec) {
  std::size_t colon = full.find(":{");
  spec.value_name = full.substr(0, colon);
  if (colon == std::string::npos || full.back() != '}') {
    return;
  }
  std::string set = full.substr(colon + 2, full.size() - colon - 3);
  std::size_t begin = 0;
  while (begin <= set.size()) {
    std::size_t end = std::min(set.find(',', begin), set.size());
    if (end > begin) {
      spec.choices.push_back(set.substr(begin, end - begin));
    }
    begin = end + 1;
  }
}

ValueKind value_kind(OptionSpec& spec) {
  const std::string& name = spec.value_name;
  if (!spec.choices.empty()) {
    return ValueKind::choice;
  }
  if (has_name(spec, "where") || name == "COND" || name == "FIELD=VALUE") {
    return ValueKind::condition;
  }
  if (name == "FIELDS" || name == "FIELD") {
    return ValueKind::field_list;
  }
  if (name == "SLUG" ||
      (!spec.positional.empty() && lowercase(spec.positional) == "slug" && name == "TEXT")) {
    return ValueKind::slug;
  }
  if (name == "DIR") {
    return ValueKind::directory;
  }
  if (name == "FILE") {
    return ValueKind::file;
  }
  if (name == "PATH" || lowercase(spec.positional) == "paths" ||
      lowercase(spec.positional) == "path") {
    return ValueKind::path;
  }
  if (has_name(spec, "format")) {
    spec.choices = listed_values(spec.description);
    if (!spec.choices.empty()) {
      return ValueKind::choice;
    }
  }
  bool upper = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c)) || c == '_';
  });
  if (upper && name != "TEXT" && name != "INT" && name != "UINT" && name != "FLOAT" &&
      name != "N" && name != "NUMBER" && name != "NAME") {
    spec.field = lowercase(name); // --kind KIND: the values of the field `kind`, if an enum
    return ValueKind::field_value;
  }
  return ValueKind::text;
}

OptionSpec describe_option(const CLI::Option& option) {
  OptionSpec spec;
  spec.short_names = option.get_snames();
  spec.long_names = option.get_lnames();
  if (option.get_positional()) {
    spec.positional = option.get_name(true, false);
  }
  spec.description = option.get_description();
  spec.required = option.get_required();
  spec.repeatable = option.get_items_expected_max() > 1 ||
                    option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  if (option.get_items_expected_max() == 0) {
    spec.kind = ValueKind::none;
    return spec;
  }
  split_type_name(option.get_type_name(), spec);
  spec.default_value = option.get_default_str();
  spec.kind = value_kind(spec);
  return spec;
}

} // namespace

CommandSpec describe_commands(CLI::App& app) {
  CommandSpec spec;
  spec.name = app.get_name();
  spec.description = app.get_description();
  spec.footer = app.get_footer();
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) {
      continue; // hidden
    }
    OptionSpec described = describe_option(*option);
    (described.positional.empty() ? spec.options : spec.positionals).push_back(described);
  }
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) {
    if (command->get_group().empty()) {
      continue; // hidden: __complete, man
    }
    spec.commands.push_back(describe_commands(*command));
  }
  return spec;
}

} // namespace hros::cli
