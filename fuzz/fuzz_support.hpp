#pragma once

// What the fuzz targets share: turning bytes into text, and the properties
// more than one of them checks.
#include "hros/diagnostic.hpp"
#include "hros/yaml_tree.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hros::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Every node and key of `root` lies in `text`, and its line and column are
// those of its offset (as hros reports them: 1-based, columns in bytes).
void require_positions(const YamlNode& root, std::string_view text);

// Diagnostics are located in `text` (line 0 meaning the whole file), name a
// rule and say something.
void require_located(const std::vector<Diagnostic>& diagnostics, std::string_view text);

// `json` is one well-formed JSON value: strings escaped, brackets balanced.
void require_json(std::string_view json, const std::string& what);

// `output` (what a command prints) holds no control character but tab and
// line feed: untrusted text must not move a terminal's cursor, change its
// colours or start a CI log command. C1 controls (U+0080-U+009F) count too.
void require_printable(std::string_view output, const std::string& what);

// A stable text form of a tree, positions included, for comparing two trees.
std::string describe_tree(const YamlNode& node);

} // namespace hros::fuzz
