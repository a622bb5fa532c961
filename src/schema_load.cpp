// The schema is itself YAML, loaded with the same loader as case files, so a
// maintainer's typo in it gets a located diagnostic rather than an exception.
#include "hros/schema_load.hpp"

#include "hros/default_schema.hpp"
#include "hros/scalar.hpp"
#include "hros/schema_pattern.hpp"
#include "hros/source.hpp"
#include "hros/suggest.hpp"
#include "hros/yaml_load.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace hros {
namespace {

const std::vector<std::string> k_top_keys = {"schema_version", "name",  "fields",
                                             "kinds",          "rules", "promotional_phrases"};
const std::vector<std::string> k_field_keys = {
    "type",      "required",   "values",     "synonyms", "ordered", "pattern",
    "message",   "min_length", "max_length", "min",      "max",     "min_items",
    "max_items", "unique",     "hint",       "items",    "fields"};
const std::vector<std::string> k_type_names = {"string",  "text",  "enum",    "date",
                                               "url",     "email", "integer", "number",
                                               "boolean", "list",  "object"};

class SchemaReader {
public:
  SchemaReader(std::vector<Diagnostic>& diagnostics) : m_diagnostics(diagnostics) {}

  void error(const Position& position, std::string message) {
    m_diagnostics.push_back(make_diagnostic(position.line, position.column, Severity::error,
                                            std::move(message), "schema-file"));
  }

  bool expect(const YamlNode& node, YamlNode::Kind kind, const std::string& what) {
    if (node.kind == kind) {
      return true;
    }
    error(node.position, fmt::format("{} must be {}", what,
                                     kind == YamlNode::Kind::mapping    ? "a set of fields"
                                     : kind == YamlNode::Kind::sequence ? "a list"
                                                                        : "a single value"));
    return false;
  }

  std::optional<std::string> text(const YamlNode& node, const std::string& what) {
    if (!expect(node, YamlNode::Kind::scalar, what)) {
      return std::nullopt;
    }
    return node.text;
  }

  bool flag(const YamlNode& node, const std::string& what) {
    if (node.is_scalar() && node.style == ScalarStyle::plain &&
        resolve_plain(node.text) == ScalarType::boolean) {
      return node.text[0] == 't' || node.text[0] == 'T';
    }
    error(node.position, fmt::format("{} must be true or false", what));
    return false;
  }

  std::optional<double> number(const YamlNode& node, const std::string& what) {
    if (node.is_scalar() && node.style == ScalarStyle::plain) {
      if (std::optional<double> value = parse_number(node.text)) {
        return value;
      }
    }
    error(node.position, fmt::format("{} must be a number", what));
    return std::nullopt;
  }

  std::optional<std::size_t> count(const YamlNode& node, const std::string& what) {
    std::optional<double> value = number(node, what);
    // Checked against 2^53 before the cast: a larger double does not fit a size_t.
    if (value && *value >= 0 && *value <= 9007199254740992.0 &&
        *value == static_cast<double>(static_cast<std::size_t>(*value))) {
      return static_cast<std::size_t>(*value);
    }
    if (value) {
      error(node.position, fmt::format("{} must be a whole number of zero or more", what));
    }
    return std::nullopt;
  }

  std::vector<std::string> strings(const YamlNode& node, const std::string& what) {
    std::vector<std::string> result;
    if (!expect(node, YamlNode::Kind::sequence, what)) {
      return result;
    }
    for (const YamlNode& item : node.items) {
      if (std::optional<std::string> value = text(item, what + " item")) {
        result.push_back(*value);
      }
    }
    return result;
  }

  bool known_key(const YamlEntry& entry, const std::vector<std::string>& keys,
                 const std::string& where) {
    for (const std::string& key : keys) {
      if (key == entry.key) {
        return true;
      }
    }
    error(entry.key_position,
          fmt::format("unknown key '{}' in {}{}", entry.key, where, did_you_mean(entry.key, keys)));
    return false;
  }

  FieldSpec field(const std::string& name, const YamlNode& node) {
    FieldSpec spec;
    spec.name = name;
    if (!expect(node, YamlNode::Kind::mapping, fmt::format("field '{}'", name))) {
      return spec;
    }
    const YamlNode* type = node.find("type");
    if (type == nullptr) {
      error(node.position, fmt::format("field '{}' has no type", name));
    } else if (std::optional<std::string> type_name = text(*type, "type")) {
      set_type(spec, *type_name, *type);
    }
    for (const YamlEntry& entry : node.entries) {
      if (known_key(entry, k_field_keys, fmt::format("field '{}'", name))) {
        constraint(spec, entry);
      }
    }
    check_consistency(spec, node);
    return spec;
  }

  void set_type(FieldSpec& spec, const std::string& type_name, const YamlNode& node) {
    for (std::size_t i = 0; i < k_type_names.size(); ++i) {
      if (k_type_names[i] == type_name) {
        spec.type = static_cast<FieldType>(i);
        return;
      }
    }
    error(node.position,
          fmt::format("unknown type '{}'{}", type_name, did_you_mean(type_name, k_type_names)));
  }

  void constraint(FieldSpec& spec, const YamlEntry& entry) {
    const std::string& key = entry.key;
    const YamlNode& value = entry.value;
    const std::string what = fmt::format("'{}' of field '{}'", key, spec.name);
    if (key == "required") {
      spec.required = flag(value, what);
    } else if (key == "values") {
      spec.values = strings(value, what);
    } else if (key == "synonyms") {
      if (expect(value, YamlNode::Kind::mapping, what)) {
        for (const YamlEntry& synonym : value.entries) {
          if (std::optional<std::string> target = text(synonym.value, what)) {
            spec.synonyms[synonym.key] = *target;
          }
        }
      }
    } else if (key == "ordered") {
      spec.ordered = flag(value, what);
    } else if (key == "pattern") {
      compile_pattern(spec, value, what);
    } else if (key == "message") {
      spec.pattern_message = text(value, what).value_or("");
    } else if (key == "min_length") {
      spec.min_length = count(value, what);
    } else if (key == "max_length") {
      spec.max_length = count(value, what);
    } else if (key == "min") {
      spec.min = number(value, what);
    } else if (key == "max") {
      spec.max = number(value, what);
    } else if (key == "min_items") {
      spec.min_items = count(value, what);
    } else if (key == "max_items") {
      spec.max_items = count(value, what);
    } else if (key == "unique") {
      spec.unique = flag(value, what);
    } else if (key == "hint") {
      spec.hint = text(value, what).value_or("");
    } else if (key == "items") {
      spec.items = std::make_shared<const FieldSpec>(field(spec.name + "[]", value));
    } else if (key == "fields") {
      if (expect(value, YamlNode::Kind::mapping, what)) {
        for (const YamlEntry& sub : value.entries) {
          spec.fields.push_back(field(sub.key, sub.value));
        }
      }
    }
  }

  void compile_pattern(FieldSpec& spec, const YamlNode& value, const std::string& what) {
    std::optional<std::string> pattern = text(value, what);
    if (!pattern) {
      return;
    }
    try {
      spec.regex = compile_schema_pattern(*pattern);
      spec.pattern = *pattern;
    } catch (const PatternTooLarge& large) {
      error(value.position, fmt::format("{} is too large to check every value in bounded time: {}",
                                        what, large.what()));
    } catch (const std::regex_error& bad) {
      if (bad.code() == std::regex_constants::error_complexity) {
        error(value.position,
              fmt::format("{} uses a back-reference (\\1 and the like), which hros does not "
                          "support: it cannot be checked in bounded time",
                          what));
      } else {
        error(value.position,
              fmt::format("{} is not a valid regular expression: {}", what, bad.what()));
      }
    }
  }

  void check_consistency(const FieldSpec& spec, const YamlNode& node) {
    if (spec.type == FieldType::enumeration && spec.values.empty()) {
      error(node.position, fmt::format("enum field '{}' needs a list of values", spec.name));
    }
    if (spec.type == FieldType::list && !spec.items) {
      error(node.position,
            fmt::format("list field '{}' needs 'items' (the type of its items)", spec.name));
    }
    if (spec.type == FieldType::object && spec.fields.empty()) {
      error(node.position, fmt::format("object field '{}' needs 'fields'", spec.name));
    }
    for (const auto& [alias, target] : spec.synonyms) {
      if (std::find(spec.values.begin(), spec.values.end(), target) == spec.values.end()) {
        error(node.position,
              fmt::format("synonym '{}' of field '{}' names '{}', which is not one of its values",
                          alias, spec.name, target));
      }
    }
  }

  KindSpec kind(const std::string& name, const YamlNode& node) {
    KindSpec spec;
    spec.name = name;
    if (!expect(node, YamlNode::Kind::mapping, fmt::format("kind '{}'", name))) {
      return spec;
    }
    for (const YamlEntry& entry : node.entries) {
      if (!known_key(entry, {"sections"}, fmt::format("kind '{}'", name)) ||
          !expect(entry.value, YamlNode::Kind::sequence, "sections")) {
        continue;
      }
      for (const YamlNode& item : entry.value.items) {
        spec.sections.push_back(section(item));
      }
    }
    return spec;
  }

  SectionSpec section(const YamlNode& node) {
    SectionSpec spec;
    if (node.is_scalar()) {
      spec.title = node.text;
      return spec;
    }
    if (!expect(node, YamlNode::Kind::mapping, "a section")) {
      return spec;
    }
    for (const YamlEntry& entry : node.entries) {
      if (!known_key(entry, {"title", "required", "allow_empty"}, "a section")) {
        continue;
      }
      if (entry.key == "title") {
        spec.title = text(entry.value, "title").value_or("");
      } else if (entry.key == "required") {
        spec.required = flag(entry.value, "required");
      } else {
        spec.allow_empty = flag(entry.value, "allow_empty");
      }
    }
    if (spec.title.empty()) {
      error(node.position, "a section needs a title");
    }
    return spec;
  }

  ConditionalRule rule(const YamlNode& node, const Schema& schema) {
    ConditionalRule result;
    if (!expect(node, YamlNode::Kind::mapping, "a rule")) {
      return result;
    }
    for (const YamlEntry& entry : node.entries) {
      if (!known_key(entry, {"when", "require", "message"}, "a rule")) {
        continue;
      }
      if (entry.key == "when" && expect(entry.value, YamlNode::Kind::mapping, "when")) {
        for (const YamlEntry& condition : entry.value.entries) {
          known_field(condition.key, condition.key_position, schema);
          result.when.emplace_back(condition.key,
                                   text(condition.value, "a condition").value_or(""));
        }
      } else if (entry.key == "require") {
        result.require = strings(entry.value, "require");
        for (const YamlNode& item : entry.value.items) {
          known_field(item.text, item.position, schema);
        }
      } else if (entry.key == "message") {
        result.message = text(entry.value, "message").value_or("");
      }
    }
    return result;
  }

  void known_field(const std::string& name, const Position& position, const Schema& schema) {
    if (schema.find_field(name) == nullptr) {
      std::vector<std::string> names;
      for (const FieldSpec& spec : schema.fields) {
        names.push_back(spec.name);
      }
      error(position,
            fmt::format("rule names unknown field '{}'{}", name, did_you_mean(name, names)));
    }
  }

private:
  std::vector<Diagnostic>& m_diagnostics;
};

void read_schema(const YamlNode& root, Schema& schema, SchemaReader& reader) {
  if (!reader.expect(root, YamlNode::Kind::mapping, "the schema")) {
    return;
  }
  // Fields first: rules are checked against them.
  if (const YamlNode* fields = root.find("fields")) {
    if (reader.expect(*fields, YamlNode::Kind::mapping, "fields")) {
      for (const YamlEntry& entry : fields->entries) {
        schema.fields.push_back(reader.field(entry.key, entry.value));
      }
    }
  } else {
    reader.error(root.position, "the schema has no 'fields'");
  }
  for (const YamlEntry& entry : root.entries) {
    if (!reader.known_key(entry, k_top_keys, "the schema")) {
      continue;
    }
    const YamlNode& value = entry.value;
    if (entry.key == "schema_version") {
      schema.version = static_cast<int>(reader.count(value, "schema_version").value_or(1));
    } else if (entry.key == "name") {
      schema.name = reader.text(value, "name").value_or("");
    } else if (entry.key == "kinds" && reader.expect(value, YamlNode::Kind::mapping, "kinds")) {
      for (const YamlEntry& kind : value.entries) {
        schema.kinds.push_back(reader.kind(kind.key, kind.value));
      }
    } else if (entry.key == "rules" && reader.expect(value, YamlNode::Kind::sequence, "rules")) {
      for (const YamlNode& item : value.items) {
        schema.rules.push_back(reader.rule(item, schema));
      }
    } else if (entry.key == "promotional_phrases") {
      schema.promotional_phrases = reader.strings(value, "promotional_phrases");
    }
  }
}

} // namespace

SchemaLoad load_schema(std::string_view text, const std::string& path) {
  SchemaLoad result;
  result.schema.source = std::string(text);
  YamlLoad yaml = load_yaml(text, Position{1, 1, 0});
  result.diagnostics = std::move(yaml.diagnostics);
  SchemaReader reader(result.diagnostics);
  if (yaml.ok) {
    read_schema(yaml.root, result.schema, reader);
  }
  std::vector<std::size_t> starts = line_starts(text);
  for (Diagnostic& diagnostic : result.diagnostics) {
    diagnostic.path = path;
    diagnostic.source_line = std::string(line_text(text, starts, diagnostic.line));
    if (diagnostic.rule != "schema-file") {
      diagnostic.rule = "schema-file." + diagnostic.rule;
    }
    result.ok = result.ok && diagnostic.severity != Severity::error;
  }
  return result;
}

const Schema& default_schema() {
  static const Schema k_schema = [] {
    SchemaLoad loaded = load_schema(default_schema_text(), "<built-in schema>");
    if (!loaded.ok) {
      throw std::logic_error("the built-in schema does not load: " +
                             loaded.diagnostics.front().message);
    }
    return loaded.schema;
  }();
  return k_schema;
}

} // namespace hros
