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

// The items of a typed list, split at commas. An item that starts with a
// quote may hold commas, as in YAML: "Workday, Inc." (\" and \\ inside), or
// 'Workday, Inc.' ('' inside); a quote later in an item is text (O'Brien).
struct Items {
  std::vector<std::string> items;
  std::string problem; // set when a quoted item is not closed or has text after it
};

std::size_t skip_blanks(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
    ++i;
  }
  return i;
}

// The quoted item opening at text[i]; `i` is left past its closing quote.
std::optional<std::string> quoted_item(std::string_view text, std::size_t& i) {
  char quote = text[i];
  std::string item;
  for (std::size_t j = i + 1; j < text.size(); ++j) {
    bool doubled = quote == '\'' && text[j] == '\'' && j + 1 < text.size() && text[j + 1] == '\'';
    bool escaped = quote == '"' && text[j] == '\\' && j + 1 < text.size() &&
                   (text[j + 1] == '"' || text[j + 1] == '\\');
    if (doubled || escaped) {
      item += text[++j];
    } else if (text[j] == quote) {
      i = j + 1;
      return item;
    } else {
      item += text[j];
    }
  }
  return std::nullopt;
}

Items split_items(std::string_view text) {
  Items result;
  std::size_t i = 0;
  while (i < text.size()) {
    i = skip_blanks(text, i);
    std::size_t end = i;
    if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
      std::size_t open = i;
      std::optional<std::string> item = quoted_item(text, end);
      end = item ? skip_blanks(text, end) : end;
      if (!item || (end < text.size() && text[end] != ',')) {
        result.problem =
            fmt::format("the item {} {}", text.substr(open),
                        item ? "has text after its closing quote" : "has no closing quote");
        return result;
      }
      result.items.push_back(std::move(*item));
    } else {
      end = std::min(text.find(',', i), text.size());
      result.items.emplace_back(trim(text.substr(i, end - i)));
    }
    i = end + 1; // past the comma
  }
  return result;
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
  Items split = split_items(text);
  if (!split.problem.empty()) {
    answer.problems.push_back(fmt::format(
        "'{}': {}; an item that holds a comma goes in double quotes, e.g. \"Workday, Inc.\"", name,
        split.problem));
    return answer;
  }
  YamlNode list;
  list.kind = YamlNode::Kind::sequence;
  list.flow = true;
  for (const std::string& item : split.items) {
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
