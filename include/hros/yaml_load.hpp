#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "hros/diagnostic.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// Bounds that keep a hostile file from exhausting the stack or memory.
struct YamlLimits {
  int max_depth = 64;            // nested lists and mappings
  std::size_t max_nodes = 50000; // after alias expansion
  bool fast_path = true;         // false: always use yaml-cpp (for tests)
};

struct YamlLoad {
  YamlNode root;                       // null when the text holds no document
  std::vector<Diagnostic> diagnostics; // path left empty for the caller
  bool ok = true;                      // false when the text could not be parsed at all
};

// Parses one YAML document. `origin` is where `text` starts in its file, so
// that every position reported is a position in the file. Duplicate keys,
// complex keys and exceeded limits become diagnostics, never exceptions.
YamlLoad load_yaml(std::string_view text, Position origin, const YamlLimits& limits = {});

} // namespace hros
