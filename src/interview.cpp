// The interview keeps no state beyond the values it has collected: it asks
// for the first needed field that is missing, again and again, so a rule
// that an answer switches on ("a case study reports metrics") is asked next.
#include "hros/interview.hpp"

#include "hros/answer.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hros {
namespace {

// Enums longer than this (country codes) are typed, not listed.
constexpr std::size_t k_max_listed_values = 30;

const FieldSpec* choice_spec(const FieldSpec& field) {
  if (field.type == FieldType::enumeration) {
    return &field;
  }
  if (field.type == FieldType::list && field.items && field.items->type == FieldType::enumeration) {
    return field.items.get();
  }
  return nullptr;
}

std::string shown(const YamlNode& node) {
  if (node.is_scalar()) {
    return node.text;
  }
  std::string text;
  for (const YamlNode& item : node.items) {
    text += (text.empty() ? "" : ", ") + (item.is_scalar() ? item.text : std::string("..."));
  }
  return text;
}

// Fields asked one subfield at a time: objects and lists of them.
bool has_subfields(const FieldSpec& field) {
  return field.type == FieldType::object ||
         (field.type == FieldType::list && field.items && field.items->type == FieldType::object);
}

} // namespace

Interview::Interview(const Schema& schema, const Defaults& defaults, std::istream& in,
                     std::ostream& out)
    : m_schema(schema), m_defaults(defaults), m_in(in), m_out(out) {}

std::optional<std::string> Interview::ask(const std::string& prompt) {
  m_out << prompt << std::flush;
  std::string line;
  if (m_ended || !std::getline(m_in, line)) {
    m_ended = true;
    m_out << "\n";
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') {
    line.pop_back();
  }
  return line;
}

std::optional<bool> Interview::confirm(const std::string& question, bool fallback) {
  while (true) {
    std::optional<std::string> line = ask(question + (fallback ? " [Y/n]> " : " [y/N]> "));
    if (!line) {
      return std::nullopt;
    }
    std::string_view text = trim(*line);
    if (text.empty()) {
      return fallback;
    }
    char first = static_cast<char>(std::tolower(static_cast<unsigned char>(text.front())));
    if (first == 'y' || first == 'n') {
      return first == 'y';
    }
    m_out << "  ! please answer y or n\n";
  }
}

void Interview::show_choices(const FieldSpec& field) {
  const FieldSpec* choices = choice_spec(field);
  if (choices == nullptr) {
    return;
  }
  if (choices->values.size() > k_max_listed_values) {
    m_out << "  Type the values; 'hros schema --format markdown' lists them all.\n";
    return;
  }
  std::size_t width = 0;
  for (const std::string& value : choices->values) {
    width = std::max(width, value.size());
  }
  std::size_t columns = std::max<std::size_t>(1, 76 / (width + 6));
  for (std::size_t i = 0; i < choices->values.size(); ++i) {
    bool row_end = (i + 1) % columns == 0 || i + 1 == choices->values.size();
    m_out << fmt::format("  {:>2}) {}", i + 1, choices->values[i]);
    m_out << (row_end ? "\n" : std::string(width - choices->values[i].size(), ' '));
  }
  m_out << (field.type == FieldType::list ? "  Type numbers or names, separated by commas.\n"
                                          : "  Type a number or a name.\n");
}

std::optional<YamlNode> Interview::ask_value(const FieldSpec& field, const std::string& name,
                                             bool needed, const std::string& fallback) {
  std::string prompt = fmt::format("{}{}{}> ", name, needed ? "" : " (Enter skips)",
                                   fallback.empty() ? "" : " [" + fallback + "]");
  while (true) {
    std::optional<std::string> line = ask(prompt);
    if (!line) {
      return std::nullopt;
    }
    std::string_view text = trim(*line);
    if (text.empty() && !fallback.empty()) {
      text = fallback;
    } else if (text.empty() && !needed) {
      return YamlNode{};
    } else if (text.empty()) {
      m_out << fmt::format("  ! '{}' is required\n", name);
      continue;
    }
    Answer answer = parse_answer(field, name, text, Typing::interactive);
    if (answer.value) {
      return answer.value;
    }
    for (const std::string& problem : answer.problems) {
      m_out << "  ! " << problem << "\n";
    }
  }
}

std::optional<YamlNode> Interview::ask_mapping(const FieldSpec& spec, const std::string& label,
                                               const std::string& name_default) {
  YamlNode item;
  item.kind = YamlNode::Kind::mapping;
  for (const FieldSpec& sub : spec.fields) {
    std::optional<YamlNode> value = ask_value(sub, label + " " + sub.name, sub.required,
                                              sub.name == "name" ? name_default : "");
    if (!value) {
      return std::nullopt;
    }
    if (!value->is_null()) {
      item.entries.push_back(YamlEntry{sub.name, {}, std::move(*value)});
    }
  }
  return item;
}

std::optional<YamlNode> Interview::ask_items(const FieldSpec& field, bool needed) {
  if (!needed) {
    std::optional<bool> add = confirm(fmt::format("Add {}?", field.name), false);
    if (!add || !*add) {
      return add ? std::optional<YamlNode>(YamlNode{}) : std::nullopt;
    }
  }
  bool is_list = field.type == FieldType::list;
  while (true) {
    YamlNode value;
    value.kind = YamlNode::Kind::sequence;
    for (std::size_t number = 1;; ++number) {
      bool first_author = number == 1 && field.name == "authors";
      std::optional<YamlNode> item =
          ask_mapping(is_list ? *field.items : field,
                      is_list ? fmt::format("{} {}", field.name, number) : field.name,
                      first_author ? m_defaults.author : "");
      if (!item) {
        return std::nullopt;
      }
      if (!is_list) {
        value = std::move(*item);
        break;
      }
      value.items.push_back(std::move(*item));
      std::optional<bool> more = confirm(fmt::format("Add another to {}?", field.name), false);
      if (!more) {
        return std::nullopt;
      }
      if (!*more) {
        break;
      }
    }
    std::vector<std::string> problems = check_value(field, field.name, value);
    if (problems.empty()) {
      return value;
    }
    for (const std::string& problem : problems) {
      m_out << "  ! " << problem << "\n";
    }
    m_out << fmt::format("  Let's do {} again.\n", field.name);
  }
}

bool Interview::ask_field(const FieldSpec& field, bool needed, FieldValues& values) {
  m_out << fmt::format("\n{}{}{}\n", field.name, needed ? "" : " (optional)",
                       field.hint.empty() ? "" : ": " + field.hint);
  std::optional<YamlNode> value;
  if (has_subfields(field)) {
    value = ask_items(field, needed);
  } else {
    show_choices(field);
    YamlNode fallback = default_value(m_schema, field, values, m_defaults);
    value = ask_value(field, field.name, needed, fallback.is_null() ? "" : shown(fallback));
  }
  if (!value) {
    return false;
  }
  if (!value->is_null()) {
    values[field.name] = std::move(*value);
  }
  return true;
}

bool Interview::ask_optional(FieldValues& values) {
  std::vector<const FieldSpec*> optional;
  std::vector<const FieldSpec*> needed = needed_fields(m_schema, values);
  std::string names;
  for (const FieldSpec& field : m_schema.fields) {
    // The slug is the file name; it is asked separately when needed.
    if (field.name == "slug" || values.count(field.name) != 0 ||
        std::find(needed.begin(), needed.end(), &field) != needed.end()) {
      continue;
    }
    optional.push_back(&field);
    names += (names.empty() ? "" : ", ") + field.name;
  }
  if (optional.empty()) {
    return true;
  }
  std::optional<bool> more = confirm(
      fmt::format("\nThat is all that is required. Fill in optional fields too ({})?", names),
      false);
  if (!more) {
    return false;
  }
  for (const FieldSpec* field : optional) {
    if (*more && !ask_field(*field, false, values)) {
      return false;
    }
  }
  return true;
}

bool Interview::run(FieldValues& values) {
  m_out << "Answer a few questions about your case; Enter accepts a [default], Ctrl-C stops.\n"
           "Nothing is saved until the last answer.\n";
  bool optional_done = false;
  while (true) {
    std::vector<const FieldSpec*> missing = missing_fields(m_schema, values);
    if (!missing.empty()) {
      if (!ask_field(*missing.front(), true, values)) {
        return false;
      }
      continue;
    }
    if (optional_done) {
      return true;
    }
    optional_done = true;
    if (!ask_optional(values)) {
      return false;
    }
  }
}

} // namespace hros
