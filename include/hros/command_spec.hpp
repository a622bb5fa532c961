#pragma once

#include <string>
#include <vector>

namespace hros {

// What an option's value is, so completions and the man page know how to
// offer it. Values that depend on the bank (fields, enum values, slugs) are
// asked of hros itself at completion time, so they follow the bank's schema.
enum class ValueKind {
  none,        // a flag
  text,        // free text: nothing to offer
  choice,      // one of `choices`
  condition,   // FIELD OP VALUE (--where, --set): field names, then the field's values
  field_list,  // FIELD,FIELD (--sort, --columns)
  field_value, // a value of the enum field `field` (--kind KIND)
  slug,        // an existing case's slug
  file,
  directory,
  path, // a file or a directory
};

// One option or positional argument of a command.
struct OptionSpec {
  std::vector<std::string> short_names; // without '-': "f"
  std::vector<std::string> long_names;  // without '--': "format"
  std::string positional;               // the name of a positional argument
  std::string description;
  std::string value_name; // what help shows for the value: DIR, FIELDS
  ValueKind kind = ValueKind::none;
  std::vector<std::string> choices;
  std::string field; // for ValueKind::field_value
  std::string default_value;
  bool repeatable = false; // may be given more than once, or takes several values
  bool required = false;
};

// A command and its subcommands, as the command line defines them.
struct CommandSpec {
  std::string name;
  std::string description;
  std::string footer;              // exit status and examples, as --help prints them
  std::vector<OptionSpec> options; // named options and flags
  std::vector<OptionSpec> positionals;
  std::vector<CommandSpec> commands; // visible subcommands only

  const CommandSpec* find_command(const std::string& command_name) const;
};

// The example lines of a footer: the lines after "Examples:", as written,
// less their common two-space indent.
std::vector<std::string> footer_examples(const std::string& footer);

// The footer without its examples: the prose paragraphs before "Examples:".
std::string footer_prose(const std::string& footer);

} // namespace hros
