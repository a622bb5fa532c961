#pragma once

#include <string>

#include "hros/command_spec.hpp"

namespace hros {

// What the man page says beyond the command definitions.
struct ManInfo {
  std::string version;     // "0.1.0"
  std::string schema_name; // the built-in schema's name and version
  int schema_version = 1;
};

// hros(1) in roff (man macros): every command with its options, exit
// status, files, environment and examples, from the command definitions.
std::string man_page(const CommandSpec& root, const ManInfo& info);

} // namespace hros
