#include "hros/yaml_tree.hpp"

namespace hros {

const YamlNode* YamlNode::find(const std::string& key) const {
  for (const YamlEntry& entry : entries) {
    if (entry.key == key) {
      return &entry.value;
    }
  }
  return nullptr;
}

const char* describe_kind(const YamlNode& node) {
  switch (node.kind) {
  case YamlNode::Kind::null:
    return "nothing";
  case YamlNode::Kind::scalar:
    return "a single value";
  case YamlNode::Kind::sequence:
    return "a list";
  case YamlNode::Kind::mapping:
    return "a set of fields";
  }
  return "a value";
}

} // namespace hros
