#include "hros/front_json.hpp"

#include "hros/scalar.hpp"

namespace hros {
namespace {

JsonValue typed(const YamlNode& node, const FieldSpec* spec);
JsonValue mapping(const YamlNode& node, const std::vector<FieldSpec>* fields);

JsonValue plain_scalar(const YamlNode& node) {
  if (node.style != ScalarStyle::plain) {
    return JsonValue::string(node.text);
  }
  switch (resolve_plain(node.text)) {
  case ScalarType::null:
    return JsonValue();
  case ScalarType::boolean:
    return JsonValue::boolean(node.text[0] == 't' || node.text[0] == 'T');
  case ScalarType::integer:
  case ScalarType::floating:
    if (std::optional<double> number = parse_number(node.text)) {
      return JsonValue::number(*number);
    }
    return JsonValue::string(node.text);
  case ScalarType::string:
    break;
  }
  return JsonValue::string(node.text);
}

void add_entries(JsonValue& object, const YamlNode& node, const std::vector<FieldSpec>* fields) {
  for (const YamlEntry& entry : node.entries) {
    const FieldSpec* spec = nullptr;
    if (fields != nullptr) {
      for (const FieldSpec& field : *fields) {
        if (field.name == entry.key) {
          spec = &field;
        }
      }
    }
    object.set(entry.key, typed(entry.value, spec));
  }
}

JsonValue mapping(const YamlNode& node, const std::vector<FieldSpec>* fields) {
  JsonValue object = JsonValue::object();
  add_entries(object, node, fields);
  return object;
}

JsonValue typed(const YamlNode& node, const FieldSpec* spec) {
  switch (node.kind) {
  case YamlNode::Kind::null:
    return JsonValue();
  case YamlNode::Kind::sequence: {
    JsonValue array = JsonValue::array();
    for (const YamlNode& item : node.items) {
      array.push(typed(item, spec != nullptr && spec->items ? spec->items.get() : nullptr));
    }
    return array;
  }
  case YamlNode::Kind::mapping:
    return mapping(node, spec != nullptr ? &spec->fields : nullptr);
  case YamlNode::Kind::scalar:
    break;
  }
  if (spec == nullptr) {
    return plain_scalar(node);
  }
  switch (spec->type) {
  case FieldType::integer:
  case FieldType::number:
  case FieldType::boolean:
    return plain_scalar(node);
  default:
    return JsonValue::string(node.text);
  }
}

} // namespace

JsonValue front_matter_json(const YamlNode& front, const Schema& schema) {
  return mapping(front, &schema.fields);
}

void add_front_matter_json(JsonValue& object, const YamlNode& front, const Schema& schema) {
  add_entries(object, front, &schema.fields);
}

} // namespace hros
