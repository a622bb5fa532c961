#include "hros/config.hpp"

#include "hros/corpus.hpp"
#include "hros/file_io.hpp"
#include "hros/rules.hpp"
#include "hros/source.hpp"
#include "hros/suggest.hpp"
#include "hros/yaml_load.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace fs = std::filesystem;

namespace hros {
namespace {

const std::vector<std::string> k_config_keys = {
    "cases", "schema", "json_schema", "rules", "ignore", "promotional_phrases", "templates"};

class ConfigReader {
public:
  ConfigReader(ConfigLoad& load, const fs::path& base) : m_load(load), m_base(base) {}

  void error(const Position& position, std::string message) {
    m_load.diagnostics.push_back(make_diagnostic(position.line, position.column, Severity::error,
                                                 std::move(message), "config"));
    m_load.ok = false;
  }

  std::optional<std::string> text(const YamlNode& node, const char* what) {
    if (node.is_scalar()) {
      return node.text;
    }
    error(node.position, fmt::format("'{}' should be a single value", what));
    return std::nullopt;
  }

  std::vector<std::string> strings(const YamlNode& node, const char* what) {
    std::vector<std::string> result;
    if (!node.is_sequence()) {
      error(node.position, fmt::format("'{}' should be a list", what));
      return result;
    }
    for (const YamlNode& item : node.items) {
      if (auto value = text(item, what)) {
        result.push_back(*value);
      }
    }
    return result;
  }

  void read(const YamlNode& root) {
    Config& config = m_load.config;
    if (root.is_null()) {
      return;
    }
    if (!root.is_mapping()) {
      error(root.position, "hros.yaml should be a list of 'key: value' lines");
      return;
    }
    for (const YamlEntry& entry : root.entries) {
      const YamlNode& value = entry.value;
      if (entry.key == "cases") {
        if (auto dir = text(value, "cases")) {
          config.cases_dir = (m_base / *dir).lexically_normal();
        }
      } else if (entry.key == "schema") {
        if (auto file = text(value, "schema")) {
          config.schema_file = (m_base / *file).lexically_normal();
        }
      } else if (entry.key == "json_schema") {
        if (auto file = text(value, "json_schema")) {
          config.json_schema = (m_base / *file).lexically_normal();
        }
      } else if (entry.key == "rules") {
        rules(value);
      } else if (entry.key == "ignore") {
        config.ignore = strings(value, "ignore");
      } else if (entry.key == "promotional_phrases") {
        config.promotional_phrases = strings(value, "promotional_phrases");
      } else if (entry.key == "templates") {
        templates(value);
      } else {
        error(entry.key_position,
              fmt::format("unknown key '{}'{}", entry.key, did_you_mean(entry.key, k_config_keys)));
      }
    }
  }

private:
  void rules(const YamlNode& node) {
    if (!node.is_mapping()) {
      error(node.position, "'rules' should map rule ids to off, warning or error");
      return;
    }
    std::vector<std::string> known;
    for (const RuleInfo& rule : lint_rules()) {
      std::string id(rule.id);
      known.push_back(id);
      std::string prefix = id.substr(0, id.find('.'));
      if (std::find(known.begin(), known.end(), prefix) == known.end()) {
        known.push_back(prefix);
      }
    }
    for (const YamlEntry& entry : node.entries) {
      if (std::find(known.begin(), known.end(), entry.key) == known.end()) {
        error(entry.key_position,
              fmt::format("unknown rule '{}'{}", entry.key, did_you_mean(entry.key, known)));
        continue;
      }
      std::optional<std::string> setting = text(entry.value, "rules");
      if (!setting) {
        continue;
      }
      if (*setting == "off") {
        m_load.config.rules[entry.key] = RuleSetting::off;
      } else if (*setting == "warning") {
        m_load.config.rules[entry.key] = RuleSetting::warning;
      } else if (*setting == "error") {
        m_load.config.rules[entry.key] = RuleSetting::error;
      } else {
        error(entry.value.position,
              fmt::format("rule '{}' is set to '{}'; use off, warning or error", entry.key,
                          *setting));
      }
    }
  }

  void templates(const YamlNode& node) {
    if (!node.is_mapping()) {
      error(node.position, "'templates' should map kinds to template files");
      return;
    }
    for (const YamlEntry& entry : node.entries) {
      if (auto file = text(entry.value, "templates")) {
        m_load.config.templates[entry.key] = (m_base / *file).lexically_normal().string();
      }
    }
  }

  ConfigLoad& m_load;
  fs::path m_base;
};

} // namespace

std::optional<fs::path> find_config(const fs::path& start) {
  std::error_code error;
  fs::path directory = fs::absolute(start, error);
  while (!directory.empty()) {
    fs::path candidate = directory / "hros.yaml";
    if (fs::is_regular_file(candidate, error)) {
      return candidate;
    }
    if (directory == directory.root_path() || directory.parent_path() == directory) {
      break;
    }
    directory = directory.parent_path();
  }
  return std::nullopt;
}

Config default_config(const fs::path& working_directory) {
  Config config;
  std::error_code error;
  config.cases_dir = fs::absolute(working_directory / "cases", error).lexically_normal();
  config.bank_root = fs::absolute(working_directory, error).lexically_normal();
  return config;
}

ConfigLoad load_config(const fs::path& file) {
  ConfigLoad load;
  std::error_code error;
  fs::path absolute = fs::absolute(file, error);
  fs::path base = absolute.parent_path();
  load.config = default_config(base);
  load.config.file = absolute;
  load.config.bank_root = base;
  ReadResult read = read_file(absolute);
  if (!read.ok) {
    load.ok = false;
    load.diagnostics.push_back(make_diagnostic(0, 0, Severity::error, read.error, "config"));
  } else {
    YamlLoad yaml = load_yaml(read.text, Position{1, 1, 0});
    for (Diagnostic& diagnostic : yaml.diagnostics) {
      diagnostic.rule = "config";
      load.ok = load.ok && diagnostic.severity != Severity::error;
      load.diagnostics.push_back(std::move(diagnostic));
    }
    ConfigReader reader(load, base);
    if (yaml.ok) {
      reader.read(yaml.root);
    }
  }
  std::vector<std::size_t> starts = line_starts(read.text);
  for (Diagnostic& diagnostic : load.diagnostics) {
    diagnostic.path = display_path(file);
    diagnostic.source_line = std::string(line_text(read.text, starts, diagnostic.line));
  }
  return load;
}

std::optional<RuleSetting> setting_for(const Config& config, const std::string& rule) {
  std::string key = rule;
  while (true) {
    auto found = config.rules.find(key);
    if (found != config.rules.end()) {
      return found->second;
    }
    std::size_t dot = key.rfind('.');
    if (dot == std::string::npos) {
      return std::nullopt;
    }
    key.resize(dot);
  }
}

} // namespace hros
