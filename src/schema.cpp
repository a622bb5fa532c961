#include "hros/schema.hpp"

namespace hros {

const char* field_type_name(FieldType type) {
  switch (type) {
  case FieldType::string:
    return "string";
  case FieldType::text:
    return "text";
  case FieldType::enumeration:
    return "enum";
  case FieldType::date:
    return "date";
  case FieldType::url:
    return "url";
  case FieldType::email:
    return "email";
  case FieldType::integer:
    return "integer";
  case FieldType::number:
    return "number";
  case FieldType::boolean:
    return "boolean";
  case FieldType::list:
    return "list";
  case FieldType::object:
    return "object";
  }
  return "string";
}

const FieldSpec* FieldSpec::find(const std::string& field_name) const {
  for (const FieldSpec& field : fields) {
    if (field.name == field_name) {
      return &field;
    }
  }
  return nullptr;
}

const FieldSpec* Schema::find_field(const std::string& field_name) const {
  for (const FieldSpec& field : fields) {
    if (field.name == field_name) {
      return &field;
    }
  }
  return nullptr;
}

const KindSpec* Schema::find_kind(const std::string& kind_name) const {
  for (const KindSpec& kind : kinds) {
    if (kind.name == kind_name) {
      return &kind;
    }
  }
  return nullptr;
}

} // namespace hros
