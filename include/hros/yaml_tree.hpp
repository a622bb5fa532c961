#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace hros {

// Where something starts in its file: 1-based line and column (in bytes), and
// the 0-based byte offset from the start of the file.
struct Position {
  int line = 0;
  int column = 0;
  std::size_t offset = 0;
};

// How a scalar was written. Only plain scalars are subject to type resolution;
// a quoted or block scalar is always a string.
enum class ScalarStyle { plain, quoted, block };

struct YamlEntry;

// A YAML node as hros keeps it: scalars keep their source text and style, so
// that types are resolved by YAML 1.2 rules rather than yaml-cpp's YAML 1.1
// conversions, and every key and value keeps its position for diagnostics.
struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };

  Kind kind = Kind::null;
  ScalarStyle style = ScalarStyle::plain;
  bool flow = false; // written as [a, b] or {a: b}
  Position position;
  std::string text;               // scalar value
  std::vector<YamlNode> items;    // sequence items
  std::vector<YamlEntry> entries; // mapping entries, in source order

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }

  // The value of `key` in a mapping, or nullptr.
  const YamlNode* find(const std::string& key) const;
};

// A mapping entry. Keys are scalars; hros rejects complex keys while loading.
struct YamlEntry {
  std::string key;
  Position key_position;
  YamlNode value;
};

// A short human name for a node's kind: "a list", "a mapping", "text", "nothing".
const char* describe_kind(const YamlNode& node);

} // namespace hros
