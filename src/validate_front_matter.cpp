// Front matter validation walks the YAML tree alongside the schema. Values are
// typed by YAML 1.2 rules from their source text and style; where a YAML 1.1
// reader would see something else (NO as false, 010 as eight), a warning says
// so, because other tools in a contributor's chain may read the file that way.
#include "hros/validate.hpp"

#include "hros/scalar.hpp"
#include "hros/schema_pattern.hpp"
#include "hros/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace hros {
namespace {

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// YYYY-MM-DD naming a day that exists.
bool is_real_date(std::string_view text, bool& well_formed) {
  well_formed = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    well_formed = well_formed && std::isdigit(static_cast<unsigned char>(text[i]));
  }
  if (!well_formed) {
    return false;
  }
  int year = std::stoi(std::string(text.substr(0, 4)));
  int month = std::stoi(std::string(text.substr(5, 2)));
  int day = std::stoi(std::string(text.substr(8, 2)));
  return day >= 1 && day <= days_in_month(year, month);
}

bool has_space_or_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; });
}

bool is_url(std::string_view text) {
  std::size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos || has_space_or_control(text)) {
    return false;
  }
  std::string scheme;
  for (char c : text.substr(0, scheme_end)) {
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::string_view rest = text.substr(scheme_end + 3);
  std::size_t host_end = rest.find_first_of("/?#");
  std::string_view host = rest.substr(0, host_end);
  return (scheme == "http" || scheme == "https") && !host.empty() && host.front() != '.' &&
         host.front() != ':';
}

bool is_email(std::string_view text) {
  std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos ||
      has_space_or_control(text)) {
    return false;
  }
  std::string_view domain = text.substr(at + 1);
  std::size_t dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

std::string format_number(double value) {
  return fmt::format("{}", value);
}

// A canonical text of a node, for uniqueness checks of list items.
std::string canonical(const YamlNode& node) {
  switch (node.kind) {
  case YamlNode::Kind::null:
    return "~";
  case YamlNode::Kind::scalar:
    return "s:" + node.text;
  case YamlNode::Kind::sequence: {
    std::string text = "[";
    for (const YamlNode& item : node.items) {
      text += canonical(item) + ",";
    }
    return text + "]";
  }
  case YamlNode::Kind::mapping: {
    std::vector<std::string> parts;
    for (const YamlEntry& entry : node.entries) {
      parts.push_back(entry.key + "=" + canonical(entry.value));
    }
    std::sort(parts.begin(), parts.end());
    std::string text = "{";
    for (const std::string& part : parts) {
      text += part + ",";
    }
    return text + "}";
  }
  }
  return "";
}

class FrontMatterValidator {
public:
  FrontMatterValidator(const Schema& schema, std::string_view source, std::vector<Diagnostic>& out)
      : m_schema(schema), m_source(source), m_out(out) {}

  void validate(const YamlNode& root) {
    if (!root.is_mapping()) {
      report(root.position, Severity::error,
             "the front matter must be a list of 'field: value' lines", "schema.type");
      return;
    }
    std::vector<std::string> names;
    for (const FieldSpec& field : m_schema.fields) {
      names.push_back(field.name);
    }
    fields(root, m_schema.fields, names, "");
    conditional_rules(root);
  }

private:
  void report(const Position& position, Severity severity, std::string message, const char* rule,
              std::optional<Fix> fix = std::nullopt) {
    Diagnostic diagnostic =
        make_diagnostic(position.line, position.column, severity, std::move(message), rule);
    diagnostic.fix = std::move(fix);
    m_out.push_back(std::move(diagnostic));
  }

  // A fix replacing a scalar's text, offered only when the source at the
  // node's position is exactly that text (plain) or that text in quotes.
  std::optional<Fix> replace_scalar(const YamlNode& node, const std::string& replacement,
                                    std::string description) const {
    std::size_t offset = node.position.offset;
    if (node.style == ScalarStyle::quoted) {
      ++offset;
    } else if (node.style != ScalarStyle::plain) {
      return std::nullopt;
    }
    if (m_source.substr(offset, node.text.size()) != node.text) {
      return std::nullopt;
    }
    return Fix{offset, node.text.size(), replacement, std::move(description)};
  }

  void fields(const YamlNode& mapping, const std::vector<FieldSpec>& specs,
              const std::vector<std::string>& names, const std::string& prefix) {
    for (const YamlEntry& entry : mapping.entries) {
      auto spec = std::find_if(specs.begin(), specs.end(),
                               [&](const FieldSpec& field) { return field.name == entry.key; });
      if (spec == specs.end()) {
        report(entry.key_position, Severity::error,
               fmt::format("unknown field '{}{}'{}", prefix, entry.key,
                           did_you_mean(entry.key, names)),
               "schema.unknown-field");
        continue;
      }
      value(entry.value, *spec, prefix + entry.key);
    }
    for (const FieldSpec& spec : specs) {
      const YamlNode* present = mapping.find(spec.name);
      if (spec.required && present == nullptr) {
        report(mapping.position, Severity::error,
               fmt::format("missing required field '{}{}'{}", prefix, spec.name,
                           spec.hint.empty() ? "" : " (" + spec.hint + ")"),
               "schema.required");
      }
    }
  }

  void value(const YamlNode& node, const FieldSpec& spec, const std::string& name) {
    if (node.is_null() || (node.is_scalar() && node.style == ScalarStyle::plain &&
                           resolve_plain(node.text) == ScalarType::null)) {
      if (spec.required) {
        report(node.position, Severity::error, fmt::format("field '{}' is empty", name),
               "schema.required");
      }
      return;
    }
    switch (spec.type) {
    case FieldType::list:
      list(node, spec, name);
      return;
    case FieldType::object:
      object(node, spec, name);
      return;
    default:
      break;
    }
    if (!node.is_scalar()) {
      report(node.position, Severity::error,
             fmt::format("field '{}' should be a single {}, not {}", name,
                         field_type_name(spec.type), describe_kind(node)),
             "schema.type");
      return;
    }
    scalar(node, spec, name);
  }

  void warn_yaml11(const YamlNode& node, const std::string& name) {
    if (node.style != ScalarStyle::plain) {
      return;
    }
    if (std::optional<std::string> reading = yaml11_reading(node.text)) {
      report(node.position, Severity::warning,
             fmt::format("'{}' in '{}' is read as {} by YAML 1.1 tools; quote it (\"{}\") to be "
                         "unambiguous",
                         node.text, name, *reading, node.text),
             "yaml.ambiguous");
    }
  }

  void scalar(const YamlNode& node, const FieldSpec& spec, const std::string& name) {
    const std::string& text = node.text;
    switch (spec.type) {
    case FieldType::integer:
    case FieldType::number:
      number(node, spec, name);
      return;
    case FieldType::boolean:
      if (node.style != ScalarStyle::plain || resolve_plain(text) != ScalarType::boolean) {
        report(node.position, Severity::error,
               fmt::format("field '{}' should be true or false, not '{}'", name, text),
               "schema.type");
      }
      return;
    case FieldType::enumeration:
      warn_yaml11(node, name);
      enumeration(node, spec, name);
      return;
    default:
      break;
    }
    warn_yaml11(node, name);
    std::size_t length = utf8_length(text);
    if (spec.min_length && length < *spec.min_length) {
      report(node.position, Severity::error,
             fmt::format("'{}' is too short: {} characters, at least {} expected", name, length,
                         *spec.min_length),
             "schema.length");
    }
    if (spec.max_length && length > *spec.max_length) {
      report(node.position, Severity::error,
             fmt::format("'{}' is too long: {} characters, at most {} allowed", name, length,
                         *spec.max_length),
             "schema.length");
    }
    if (spec.type == FieldType::date) {
      bool well_formed = false;
      if (!is_real_date(text, well_formed)) {
        report(node.position, Severity::error,
               well_formed
                   ? fmt::format("'{}' in '{}' is not a date that exists", text, name)
                   : fmt::format("'{}' should be a date written YYYY-MM-DD, not '{}'", name, text),
               "schema.date");
      }
    } else if (spec.type == FieldType::url && !is_url(text)) {
      report(
          node.position, Severity::error,
          fmt::format("'{}' should be a web address starting with https://, not '{}'", name, text),
          "schema.url");
    } else if (spec.type == FieldType::email && !is_email(text)) {
      report(node.position, Severity::error,
             fmt::format("'{}' should be an email address like name@example.org, not '{}'", name,
                         text),
             "schema.email");
    }
    if (spec.regex && text.size() <= k_pattern_max_value && !pattern_found(*spec.regex, text)) {
      report(node.position, Severity::error,
             spec.pattern_message.empty()
                 ? fmt::format("'{}' does not match the pattern {}", name, spec.pattern)
                 : fmt::format("'{}': {}", name, spec.pattern_message),
             "schema.pattern");
    }
  }

  void number(const YamlNode& node, const FieldSpec& spec, const std::string& name) {
    std::optional<double> parsed =
        node.style == ScalarStyle::plain ? parse_number(node.text) : std::nullopt;
    if (!parsed ||
        (spec.type == FieldType::integer && resolve_plain(node.text) != ScalarType::integer)) {
      bool quoted_number = node.style == ScalarStyle::quoted && parse_number(node.text).has_value();
      report(node.position, Severity::error,
             fmt::format("'{}' should be {}, not '{}'{}", name,
                         spec.type == FieldType::integer ? "a whole number" : "a number", node.text,
                         quoted_number ? "; remove the quotes" : ""),
             "schema.type");
      return;
    }
    warn_yaml11(node, name);
    if (spec.min && *parsed < *spec.min) {
      report(node.position, Severity::error,
             fmt::format("'{}' is {}, below the minimum {}", name, node.text,
                         format_number(*spec.min)),
             "schema.range");
    }
    if (spec.max && *parsed > *spec.max) {
      report(node.position, Severity::error,
             fmt::format("'{}' is {}, above the maximum {}", name, node.text,
                         format_number(*spec.max)),
             "schema.range");
    }
  }

  void enumeration(const YamlNode& node, const FieldSpec& spec, const std::string& name) {
    const std::string& text = node.text;
    if (std::find(spec.values.begin(), spec.values.end(), text) != spec.values.end()) {
      return;
    }
    for (const std::string& allowed : spec.values) {
      if (allowed.size() == text.size() && edit_distance(allowed, text) == 0) {
        report(node.position, Severity::error,
               fmt::format("'{}' should be written '{}' in '{}'", text, allowed, name),
               "schema.enum",
               replace_scalar(node, allowed, fmt::format("'{}' -> '{}'", text, allowed)));
        return;
      }
    }
    auto synonym = std::find_if(spec.synonyms.begin(), spec.synonyms.end(), [&](const auto& entry) {
      return entry.first.size() == text.size() && edit_distance(entry.first, text) == 0;
    });
    if (synonym != spec.synonyms.end()) {
      report(node.position, Severity::warning,
             fmt::format("'{}' stands for '{}' in '{}'; write '{}'", text, synonym->second, name,
                         synonym->second),
             "schema.synonym",
             replace_scalar(node, synonym->second,
                            fmt::format("'{}' -> '{}'", text, synonym->second)));
      return;
    }
    std::string suggestion = did_you_mean(text, spec.values);
    if (suggestion.empty() && spec.values.size() <= 12) {
      std::string list;
      for (const std::string& allowed : spec.values) {
        list += (list.empty() ? "" : ", ") + allowed;
      }
      suggestion = "; expected one of: " + list;
    } else if (suggestion.empty()) {
      suggestion = "; 'hros schema --format markdown' lists the values";
    }
    std::string field = name.size() > 2 && name.substr(name.size() - 2) == "[]"
                            ? name.substr(0, name.size() - 2)
                            : name;
    report(node.position, Severity::error,
           fmt::format("unknown {} '{}'{}", field, text, suggestion), "schema.enum");
  }

  void list(const YamlNode& node, const FieldSpec& spec, const std::string& name) {
    if (!node.is_sequence()) {
      report(node.position, Severity::error,
             fmt::format("field '{}' should be a list{}, not {}", name,
                         node.is_scalar() ? fmt::format(", like [{}]", node.text) : "",
                         describe_kind(node)),
             "schema.type");
      return;
    }
    std::size_t count = node.items.size();
    if (spec.min_items && count < *spec.min_items) {
      report(node.position, Severity::error,
             fmt::format("'{}' has {} item{}, at least {} expected", name, count,
                         count == 1 ? "" : "s", *spec.min_items),
             "schema.items");
    }
    if (spec.max_items && count > *spec.max_items) {
      report(node.position, Severity::error,
             fmt::format("'{}' has {} items, at most {} allowed", name, count, *spec.max_items),
             "schema.items");
    }
    std::unordered_map<std::string, int> seen; // canonical item -> line
    for (const YamlNode& item : node.items) {
      if (spec.items) {
        value(item, *spec.items, name);
      }
      if (!spec.unique) {
        continue;
      }
      auto [earlier, fresh] = seen.emplace(canonical(item), item.position.line);
      if (!fresh) {
        report(item.position, Severity::error,
               fmt::format("'{}' lists {} twice (also on line {})", name,
                           item.is_scalar() ? "'" + item.text + "'" : "the same item",
                           earlier->second),
               "schema.unique");
      }
    }
  }

  void object(const YamlNode& node, const FieldSpec& spec, const std::string& name) {
    if (!node.is_mapping()) {
      report(node.position, Severity::error,
             fmt::format(
                 "'{}' should be a set of fields ({}), not {}", name,
                 [&] {
                   std::string list;
                   for (const FieldSpec& field : spec.fields) {
                     list += (list.empty() ? "" : ", ") + field.name;
                   }
                   return list;
                 }(),
                 describe_kind(node)),
             "schema.type");
      return;
    }
    std::vector<std::string> names;
    for (const FieldSpec& field : spec.fields) {
      names.push_back(field.name);
    }
    fields(node, spec.fields, names, name + ".");
  }

  void conditional_rules(const YamlNode& root) {
    for (const ConditionalRule& rule : m_schema.rules) {
      bool holds = !rule.when.empty();
      std::string condition;
      Position where = root.position; // the line that makes the rule apply
      for (const auto& [field, expected] : rule.when) {
        const YamlNode* actual = root.find(field);
        holds = holds && actual != nullptr && actual->is_scalar() && actual->text == expected;
        if (holds && where.offset == root.position.offset) {
          for (const YamlEntry& entry : root.entries) {
            if (entry.key == field) {
              where = entry.key_position;
            }
          }
        }
        condition +=
            (condition.empty() ? "" : " and ") + fmt::format("{} is '{}'", field, expected);
      }
      if (!holds) {
        continue;
      }
      for (const std::string& required : rule.require) {
        const YamlNode* present = root.find(required);
        if (present == nullptr || present->is_null()) {
          report(where, Severity::error,
                 fmt::format("field '{}' is required when {}{}", required, condition,
                             rule.message.empty() ? "" : ": " + rule.message),
                 "schema.conditional");
        }
      }
    }
  }

  const Schema& m_schema;
  std::string_view m_source;
  std::vector<Diagnostic>& m_out;
};

} // namespace

void validate_front_matter(const YamlNode& root, const Schema& schema, std::string_view source,
                           std::vector<Diagnostic>& out) {
  FrontMatterValidator(schema, source, out).validate(root);
}

} // namespace hros
