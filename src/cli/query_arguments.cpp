// `hros search` reads `-word` as "without this word", but a command-line
// parser reads it as options: `-sales` as -s -a -l..., `-wages` as
// `--where ages`. Before parsing, each such argument after `search` is marked
// as a query word, unless it is one of the options the command really has.
#include "hros/cli.hpp"

#include <algorithm>
#include <cctype>

namespace hros::cli {
namespace {

// Whether `-Xvalue` reads as option X with a value attached, for the values
// hros's options take: a number of cases, a format, a condition.
bool plausible_attached_value(char option, const std::string& value) {
  switch (option) {
  case 'n':
    return std::all_of(value.begin(), value.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  case 'f':
    return value == "text" || value == "json" || value == "paths";
  case 'w':
    return value.find_first_of("=<>") != std::string::npos;
  default:
    return false;
  }
}

struct OptionNames {
  std::vector<std::string> takes_value; // "-n", "--limit"
  std::vector<std::string> flags;       // "-q", "--no-cache"
};

OptionNames option_names(const std::vector<const CLI::App*>& apps) {
  OptionNames names;
  for (const CLI::App* app : apps) {
    for (const CLI::Option* option : app->get_options()) {
      std::vector<std::string>& into =
          option->get_expected_min() > 0 ? names.takes_value : names.flags;
      for (const std::string& name : option->get_snames()) {
        into.push_back("-" + name);
      }
      for (const std::string& name : option->get_lnames()) {
        into.push_back("--" + name);
      }
    }
  }
  return names;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

} // namespace

std::vector<std::string> mark_query_words(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  auto search = std::find(args.begin() + std::min(argc, 1), args.end(), "search");
  const CLI::App* command = nullptr;
  for (const CLI::App* subcommand : app.get_subcommands({})) {
    command = subcommand->get_name() == "search" ? subcommand : command;
  }
  if (search == args.end() || command == nullptr) {
    return args;
  }
  OptionNames names = option_names({&app, command});
  bool value_next = false;
  for (auto it = search + 1; it != args.end(); ++it) {
    std::string& arg = *it;
    if (value_next) {
      value_next = false;
      continue;
    }
    if (arg == "--") {
      break; // the parser takes everything after it as words already
    }
    if (arg.size() < 2 || arg[0] != '-') {
      continue;
    }
    if (arg[1] == '-') {
      value_next = arg.find('=') == std::string::npos && contains(names.takes_value, arg);
      continue; // long options are never query words
    }
    std::string name = arg.substr(0, 2);
    if (arg.size() == 2 && (contains(names.takes_value, name) || contains(names.flags, name))) {
      value_next = contains(names.takes_value, name);
      continue;
    }
    if (contains(names.takes_value, name) && plausible_attached_value(arg[1], arg.substr(2))) {
      continue;
    }
    arg.insert(0, k_query_word_mark);
  }
  return args;
}

} // namespace hros::cli
