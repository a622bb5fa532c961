// One answer at a time: what a contributor types (or a --set gives) becomes a
// YAML node and is checked by validate_front_matter against a schema holding
// only that field, so `hros new` refuses exactly what `hros lint` would.
#include "hros/answer.hpp"

#include "hros/suggest.hpp"
#include "hros/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace hros {
namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && text.size() < 6 && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

std::optional<std::string> by_number(const FieldSpec& spec, std::string_view text) {
  if (!all_digits(text)) {
    return std::nullopt;
  }
  std::size_t number = std::stoul(std::string(text));
  if (number >= 1 && number <= spec.values.size()) {
    return spec.values[number - 1];
  }
  return std::nullopt;
}

EnumChoice by_prefix(const FieldSpec& spec, const std::string& folded) {
  std::vector<std::string> matches;
  for (const std::string& value : spec.values) {
    if (lowercase(value).compare(0, folded.size(), folded) == 0) {
      matches.push_back(value);
    }
  }
  EnumChoice choice;
  if (matches.size() == 1) {
    choice.value = matches.front();
  } else if (matches.size() > 1 && matches.size() <= 6) {
    std::string list;
    for (std::size_t i = 0; i < matches.size(); ++i) {
      list += (i == 0 ? "" : i + 1 == matches.size() ? " or " : ", ") + matches[i];
    }
    choice.problem = fmt::format("'{}' could be {}; type more of it", folded, list);
  } else if (matches.size() > 6) {
    choice.problem = fmt::format("'{}' starts {} values; type more of it", folded, matches.size());
  }
  return choice;
}

std::optional<std::string> parse_boolean(std::string_view text) {
  std::string folded = lowercase(text);
  if (folded == "y" || folded == "yes" || folded == "true") {
    return "true";
  }
  if (folded == "n" || folded == "no" || folded == "false") {
    return "false";
  }
  return std::nullopt;
}

// One scalar of the field's type; the validator judges it afterwards.
Answer parse_scalar(const FieldSpec& spec, const std::string& name, std::string_view text,
                    Typing typing) {
  Answer answer;
  switch (spec.type) {
  case FieldType::enumeration: {
    EnumChoice choice = resolve_enum(spec, text, typing);
    if (!choice.problem.empty()) {
      answer.problems.push_back(choice.problem);
      return answer;
    }
    answer.value =
        scalar_node(choice.value ? *choice.value : std::string(text), ScalarStyle::quoted);
    return answer;
  }
  case FieldType::boolean: {
    std::optional<std::string> value = parse_boolean(text);
    if (!value) {
      answer.problems.push_back(fmt::format("'{}' should be yes or no, not '{}'", name, text));
      return answer;
    }
    answer.value = scalar_node(*value, ScalarStyle::plain);
    return answer;
  }
  case FieldType::integer:
  case FieldType::number:
    answer.value = scalar_node(std::string(text), ScalarStyle::plain);
    return answer;
  case FieldType::object:
    answer.problems.push_back(fmt::format(
        "'{}' is a set of fields; give them one by one, as {}.FIELD=VALUE", name, name));
    return answer;
  case FieldType::list:
    answer.problems.push_back(fmt::format("'{}' cannot be typed as one value", name));
    return answer;
  default:
    answer.value = scalar_node(std::string(text), ScalarStyle::quoted);
    return answer;
  }
}

Answer parse_list(const FieldSpec& spec, const std::string& name, std::string_view text,
                  Typing typing) {
  Answer answer;
  if (!spec.items || spec.items->type == FieldType::list || spec.items->type == FieldType::object) {
    answer.problems.push_back(
        fmt::format("'{}' is a list of sets of fields; give them one by one, as {}[0].FIELD=VALUE",
                    name, name));
    return answer;
  }
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = trim(text.substr(1, text.size() - 2));
  }
  YamlNode list;
  list.kind = YamlNode::Kind::sequence;
  list.flow = true;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view item = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (item.empty()) {
      continue;
    }
    Answer one = parse_scalar(*spec.items, name, item, typing);
    answer.problems.insert(answer.problems.end(), one.problems.begin(), one.problems.end());
    if (one.value) {
      list.items.push_back(std::move(*one.value));
    }
  }
  if (answer.problems.empty()) {
    answer.value = std::move(list);
  }
  return answer;
}

} // namespace

std::string_view trim(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) {
    return {};
  }
  std::size_t end = text.find_last_not_of(" \t");
  return text.substr(begin, end - begin + 1);
}

YamlNode scalar_node(std::string text, ScalarStyle style) {
  YamlNode node;
  node.kind = YamlNode::Kind::scalar;
  node.style = style;
  node.text = std::move(text);
  return node;
}

EnumChoice resolve_enum(const FieldSpec& spec, std::string_view text, Typing typing) {
  EnumChoice choice;
  std::string folded = lowercase(text);
  for (const std::string& value : spec.values) {
    if (lowercase(value) == folded) {
      choice.value = value;
      return choice;
    }
  }
  for (const auto& [alias, value] : spec.synonyms) {
    if (lowercase(alias) == folded) {
      choice.value = value;
      return choice;
    }
  }
  if (typing == Typing::exact || folded.empty()) {
    return choice;
  }
  if (std::optional<std::string> picked = by_number(spec, text)) {
    choice.value = picked;
    return choice;
  }
  return by_prefix(spec, folded);
}

std::vector<std::string> check_value(const FieldSpec& spec, const std::string& name,
                                     const YamlNode& value) {
  // A schema of this one field, so only its own problems are reported.
  Schema single;
  single.fields.push_back(spec);
  single.fields.back().name = name;
  YamlNode root;
  root.kind = YamlNode::Kind::mapping;
  root.entries.push_back(YamlEntry{name, {}, value});
  std::vector<Diagnostic> diagnostics;
  validate_front_matter(root, single, "", diagnostics);
  std::vector<std::string> problems;
  for (const Diagnostic& diagnostic : diagnostics) {
    problems.push_back(diagnostic.message);
  }
  return problems;
}

Answer parse_answer(const FieldSpec& spec, const std::string& name, std::string_view text,
                    Typing typing) {
  text = trim(text);
  Answer answer;
  if (text.empty()) {
    answer.problems.push_back(fmt::format("'{}' needs a value", name));
    return answer;
  }
  answer = spec.type == FieldType::list ? parse_list(spec, name, text, typing)
                                        : parse_scalar(spec, name, text, typing);
  if (answer.value) {
    answer.problems = check_value(spec, name, *answer.value);
    if (!answer.problems.empty()) {
      answer.value.reset();
    }
  }
  return answer;
}

} // namespace hros
