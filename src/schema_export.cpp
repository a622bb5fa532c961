#include "hros/schema_export.hpp"

#include "hros/json_value.hpp"

#include <fmt/format.h>

namespace hros {
namespace {

JsonValue strings(const std::vector<std::string>& values) {
  JsonValue array = JsonValue::array();
  for (const std::string& value : values) {
    array.push(JsonValue::string(value));
  }
  return array;
}

JsonValue field_schema(const FieldSpec& field);

JsonValue object_schema(const std::vector<FieldSpec>& fields) {
  JsonValue object = JsonValue::object();
  object.set("type", JsonValue::string("object"));
  JsonValue properties = JsonValue::object();
  std::vector<std::string> required;
  for (const FieldSpec& field : fields) {
    properties.set(field.name, field_schema(field));
    if (field.required) {
      required.push_back(field.name);
    }
  }
  object.set("properties", std::move(properties));
  if (!required.empty()) {
    object.set("required", strings(required));
  }
  object.set("additionalProperties", JsonValue::boolean(false));
  return object;
}

JsonValue field_schema(const FieldSpec& field) {
  JsonValue json = JsonValue::object();
  if (!field.hint.empty()) {
    json.set("description", JsonValue::string(field.hint));
  }
  switch (field.type) {
  case FieldType::string:
  case FieldType::text:
    json.set("type", JsonValue::string("string"));
    break;
  case FieldType::enumeration:
    json.set("enum", strings(field.values));
    break;
  case FieldType::date:
    json.set("type", JsonValue::string("string"));
    json.set("format", JsonValue::string("date"));
    break;
  case FieldType::url:
    json.set("type", JsonValue::string("string"));
    json.set("format", JsonValue::string("uri"));
    json.set("pattern", JsonValue::string("^[Hh][Tt][Tt][Pp][Ss]?://"));
    break;
  case FieldType::email:
    json.set("type", JsonValue::string("string"));
    json.set("format", JsonValue::string("email"));
    break;
  case FieldType::integer:
    json.set("type", JsonValue::string("integer"));
    break;
  case FieldType::number:
    json.set("type", JsonValue::string("number"));
    break;
  case FieldType::boolean:
    json.set("type", JsonValue::string("boolean"));
    break;
  case FieldType::list:
    json.set("type", JsonValue::string("array"));
    if (field.items) {
      json.set("items", field_schema(*field.items));
    }
    break;
  case FieldType::object: {
    JsonValue object = object_schema(field.fields);
    if (!field.hint.empty()) {
      object.set("description", JsonValue::string(field.hint));
    }
    return object;
  }
  }
  if (!field.pattern.empty()) {
    json.set("pattern", JsonValue::string(field.pattern));
  }
  if (field.min_length) {
    json.set("minLength", JsonValue::number(static_cast<double>(*field.min_length)));
  }
  if (field.max_length) {
    json.set("maxLength", JsonValue::number(static_cast<double>(*field.max_length)));
  }
  if (field.min) {
    json.set("minimum", JsonValue::number(*field.min));
  }
  if (field.max) {
    json.set("maximum", JsonValue::number(*field.max));
  }
  if (field.min_items) {
    json.set("minItems", JsonValue::number(static_cast<double>(*field.min_items)));
  }
  if (field.max_items) {
    json.set("maxItems", JsonValue::number(static_cast<double>(*field.max_items)));
  }
  if (field.unique) {
    json.set("uniqueItems", JsonValue::boolean(true));
  }
  return json;
}

std::string type_label(const FieldSpec& field) {
  if (field.type == FieldType::list && field.items) {
    return "list of " + type_label(*field.items);
  }
  return field_type_name(field.type);
}

std::string escape_cell(std::string text) {
  std::string out;
  for (char c : text) {
    out += c == '|' ? std::string("\\|") : c == '\n' ? std::string(" ") : std::string(1, c);
  }
  return out;
}

std::string constraints(const FieldSpec& field) {
  const FieldSpec& values_of = field.type == FieldType::list && field.items ? *field.items : field;
  std::vector<std::string> parts;
  if (!values_of.values.empty()) {
    std::string list;
    for (const std::string& value : values_of.values) {
      list += (list.empty() ? "`" : ", `") + value + "`";
    }
    parts.push_back((values_of.ordered ? "ordered: " : "one of: ") + list);
  }
  if (field.min_length || field.max_length) {
    parts.push_back(fmt::format("{}–{} characters", field.min_length.value_or(0),
                                field.max_length ? std::to_string(*field.max_length) : "any"));
  }
  if (field.min_items || field.max_items) {
    parts.push_back(fmt::format("{}–{} items", field.min_items.value_or(0),
                                field.max_items ? std::to_string(*field.max_items) : "any"));
  }
  if (field.unique) {
    parts.push_back("no duplicates");
  }
  if (!field.pattern_message.empty()) {
    parts.push_back(field.pattern_message);
  }
  if (field.type == FieldType::object) {
    std::string subfields;
    for (const FieldSpec& sub : field.fields) {
      subfields += (subfields.empty() ? "" : ", ") + std::string("`") + sub.name + "`" +
                   (sub.required ? " (required)" : "");
    }
    parts.push_back("fields: " + subfields);
  }
  if (field.type == FieldType::list && field.items && field.items->type == FieldType::object) {
    parts.push_back(constraints(*field.items));
  }
  std::string joined;
  for (const std::string& part : parts) {
    joined += (joined.empty() ? "" : "; ") + part;
  }
  return joined;
}

} // namespace

std::string schema_to_json_schema(const Schema& schema) {
  JsonValue root = JsonValue::object();
  root.set("$schema", JsonValue::string("https://json-schema.org/draft/2020-12/schema"));
  root.set("title", JsonValue::string(fmt::format("Front matter of a case ({})", schema.name)));
  root.set("type", JsonValue::string("object"));
  JsonValue properties = JsonValue::object();
  std::vector<std::string> required;
  for (const FieldSpec& field : schema.fields) {
    properties.set(field.name, field_schema(field));
    if (field.required) {
      required.push_back(field.name);
    }
  }
  root.set("properties", std::move(properties));
  root.set("required", strings(required));
  root.set("additionalProperties", JsonValue::boolean(false));
  if (!schema.rules.empty()) {
    JsonValue all_of = JsonValue::array();
    for (const ConditionalRule& rule : schema.rules) {
      JsonValue condition = JsonValue::object();
      JsonValue condition_properties = JsonValue::object();
      std::vector<std::string> condition_required;
      for (const auto& [field, value] : rule.when) {
        JsonValue constant = JsonValue::object();
        constant.set("const", JsonValue::string(value));
        condition_properties.set(field, std::move(constant));
        condition_required.push_back(field);
      }
      condition.set("properties", std::move(condition_properties));
      condition.set("required", strings(condition_required));
      JsonValue then = JsonValue::object();
      then.set("required", strings(rule.require));
      JsonValue clause = JsonValue::object();
      clause.set("if", std::move(condition));
      clause.set("then", std::move(then));
      all_of.push(std::move(clause));
    }
    root.set("allOf", std::move(all_of));
  }
  return root.dump();
}

std::string schema_to_markdown(const Schema& schema) {
  std::string out = fmt::format("# Case front matter ({})\n\n", schema.name);
  out += "| Field | Type | Required | Allowed | Description |\n|---|---|---|---|---|\n";
  for (const FieldSpec& field : schema.fields) {
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", field.name, type_label(field),
                       field.required ? "yes" : "no", escape_cell(constraints(field)),
                       escape_cell(field.hint));
  }
  out += "\n## Sections\n\nLevel-2 headings (`## Title`) each kind of case has, in this order.\n\n";
  for (const KindSpec& kind : schema.kinds) {
    out += fmt::format("- **{}**: ", kind.name);
    std::string list;
    for (const SectionSpec& section : kind.sections) {
      list += (list.empty() ? "" : ", ") + section.title +
              (!section.required     ? " (optional)"
               : section.allow_empty ? " (may be empty)"
                                     : "");
    }
    out += list + "\n";
  }
  if (!schema.rules.empty()) {
    out += "\n## Rules\n\n";
    for (const ConditionalRule& rule : schema.rules) {
      std::string condition;
      for (const auto& [field, value] : rule.when) {
        condition += (condition.empty() ? "" : " and ") + fmt::format("`{}` is `{}`", field, value);
      }
      std::string required;
      for (const std::string& field : rule.require) {
        required += (required.empty() ? "`" : "`, `") + field;
      }
      out += fmt::format("- When {}, {}` {} required{}.\n", condition, required,
                         rule.require.size() == 1 ? "is" : "are",
                         rule.message.empty() ? "" : ": " + rule.message);
    }
  }
  return out;
}

} // namespace hros
