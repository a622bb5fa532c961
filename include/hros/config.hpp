#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hros/diagnostic.hpp"

namespace hros {

// What a rule does when it fires, as hros.yaml's `rules:` may set it.
enum class RuleSetting { off, warning, error };

// hros.yaml: where the cases are, which schema applies, and how strict to be.
struct Config {
  std::filesystem::path file;        // empty when no hros.yaml was found
  std::filesystem::path cases_dir;   // absolute
  std::filesystem::path bank_root;   // links starting with / resolve here: hros.yaml's folder
  std::filesystem::path schema_file; // empty: the built-in schema
  std::filesystem::path json_schema; // for editors: `hros new` points cases at it; may be empty
  std::map<std::string, RuleSetting> rules; // rule id or prefix ("schema") -> setting
  std::vector<std::string> ignore;          // glob patterns, relative to cases_dir
  std::optional<std::vector<std::string>> promotional_phrases; // replaces the schema's list
  std::map<std::string, std::string> templates; // kind -> template file (for `hros new`)
};

struct ConfigLoad {
  Config config;
  std::vector<Diagnostic> diagnostics; // located in hros.yaml
  bool ok = true;
};

// Looks for hros.yaml in `start` and its parents, as git looks for .git.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Reads hros.yaml. Relative paths in it are relative to its directory.
ConfigLoad load_config(const std::filesystem::path& file);

// The configuration when there is no hros.yaml: ./cases and the built-in schema.
Config default_config(const std::filesystem::path& working_directory);

// The setting for `rule`, by its id or its longest configured prefix
// ("schema.enum", then "schema"); nullopt keeps the rule's own severity.
std::optional<RuleSetting> setting_for(const Config& config, const std::string& rule);

} // namespace hros
