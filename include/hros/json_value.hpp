#pragma once

#include <string>
#include <utility>
#include <vector>

namespace hros {

// A small ordered JSON document, for output that must be pretty-printed with
// keys in a chosen order (JSON Schema, exports). Not a parser.
class JsonValue {
public:
  enum class Type { null, boolean, number, string, array, object };

  JsonValue() = default;
  static JsonValue boolean(bool value);
  static JsonValue number(double value);
  static JsonValue string(std::string value);
  static JsonValue array();
  static JsonValue object();

  // Appends to an array.
  JsonValue& push(JsonValue value);
  // Sets a key of an object, keeping the order of first insertion.
  JsonValue& set(const std::string& key, JsonValue value);
  bool empty() const { return m_items.empty() && m_members.empty(); }

  // Two-space indented JSON with a final newline when `indent` is true.
  std::string dump(bool indent = true) const;

private:
  void write(std::string& out, int depth, bool indent) const;

  Type m_type = Type::null;
  bool m_bool = false;
  double m_number = 0;
  std::string m_string;
  std::vector<JsonValue> m_items;
  std::vector<std::pair<std::string, JsonValue>> m_members;
};

} // namespace hros
