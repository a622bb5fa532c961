// `--set` values: scalars and lists of scalars are parsed as they come; the
// items of a list of sets of fields (authors, metrics) are gathered by index
// first, then each item is built in the schema's field order and the whole
// list is checked, so a missing `metrics[0].name` is reported once, by name.
#include "hros/assignment.hpp"

#include "hros/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace hros {
namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

bool is_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_name_char);
}

std::vector<std::string> names_of(const std::vector<FieldSpec>& fields) {
  std::vector<std::string> names;
  for (const FieldSpec& field : fields) {
    names.push_back(field.name);
  }
  return names;
}

bool is_object_list(const FieldSpec& spec) {
  return spec.type == FieldType::list && spec.items && spec.items->type == FieldType::object;
}

bool has_subfields(const FieldSpec& spec) {
  return spec.type == FieldType::object || is_object_list(spec);
}

// subfield -> value, per item index, per field.
using Items = std::map<std::size_t, std::vector<std::pair<std::string, std::string>>>;

YamlNode build_item(const FieldSpec& item_spec, const std::string& name,
                    const std::vector<std::pair<std::string, std::string>>& given,
                    std::vector<std::string>& problems) {
  YamlNode item;
  item.kind = YamlNode::Kind::mapping;
  std::vector<std::string> names = names_of(item_spec.fields);
  for (const auto& [subfield, text] : given) {
    if (item_spec.find(subfield) == nullptr) {
      problems.push_back(
          fmt::format("unknown field '{}.{}'{}", name, subfield, did_you_mean(subfield, names)));
    }
  }
  for (const FieldSpec& sub : item_spec.fields) {
    auto is_sub = [&](const auto& entry) { return entry.first == sub.name; };
    auto first = std::find_if(given.begin(), given.end(), is_sub);
    if (first == given.end()) {
      continue;
    }
    if (std::count_if(given.begin(), given.end(), is_sub) > 1) {
      problems.push_back(fmt::format("'{}.{}' is given twice", name, sub.name));
      continue;
    }
    Answer answer = parse_answer(sub, name + "." + sub.name, first->second, Typing::exact);
    problems.insert(problems.end(), answer.problems.begin(), answer.problems.end());
    if (answer.value) {
      item.entries.push_back(YamlEntry{sub.name, {}, std::move(*answer.value)});
    }
  }
  return item;
}

void assemble_items(const FieldSpec& spec, const Items& items, Assembly& assembly) {
  if (spec.type == FieldType::object) {
    std::size_t before = assembly.problems.size();
    YamlNode object = build_item(spec, spec.name, items.begin()->second, assembly.problems);
    std::vector<std::string> problems = assembly.problems.size() == before
                                            ? check_value(spec, spec.name, object)
                                            : std::vector<std::string>{};
    assembly.problems.insert(assembly.problems.end(), problems.begin(), problems.end());
    if (assembly.problems.size() == before) {
      assembly.values[spec.name] = std::move(object);
    }
    return;
  }
  YamlNode list;
  list.kind = YamlNode::Kind::sequence;
  std::size_t expected = 0;
  std::size_t before = assembly.problems.size();
  for (const auto& [index, given] : items) {
    if (index != expected) {
      assembly.problems.push_back(
          fmt::format("'{}[{}]' is given but '{}[{}]' is not; number items from 0", spec.name,
                      index, spec.name, expected));
      return;
    }
    ++expected;
    list.items.push_back(build_item(*spec.items, spec.name, given, assembly.problems));
  }
  if (assembly.problems.size() != before) {
    return;
  }
  std::vector<std::string> problems = check_value(spec, spec.name, list);
  assembly.problems.insert(assembly.problems.end(), problems.begin(), problems.end());
  if (problems.empty()) {
    assembly.values[spec.name] = std::move(list);
  }
}

} // namespace

std::optional<Assignment> parse_assignment(std::string_view text, std::string& problem) {
  std::size_t equals = text.find('=');
  if (equals == std::string_view::npos) {
    problem = fmt::format("'{}' is not FIELD=VALUE", text);
    return std::nullopt;
  }
  Assignment assignment;
  std::string_view path = trim(text.substr(0, equals));
  assignment.value = std::string(text.substr(equals + 1));
  std::size_t dot = path.find('.');
  std::string_view head = path.substr(0, dot);
  if (dot != std::string_view::npos) {
    assignment.subfield = std::string(path.substr(dot + 1));
  }
  std::size_t bracket = head.find('[');
  if (bracket != std::string_view::npos) {
    std::string_view number = head.substr(bracket + 1);
    bool closed = !number.empty() && number.back() == ']';
    number = closed ? number.substr(0, number.size() - 1) : number;
    bool digits = !number.empty() && number.size() < 5 &&
                  std::all_of(number.begin(), number.end(),
                              [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (!closed || !digits) {
      problem = fmt::format("'{}' is not FIELD[NUMBER].FIELD=VALUE", text);
      return std::nullopt;
    }
    assignment.index = std::stoul(std::string(number));
    head = head.substr(0, bracket);
  }
  assignment.field = std::string(head);
  if (!is_name(assignment.field) ||
      (dot != std::string_view::npos && !is_name(assignment.subfield)) ||
      (assignment.index && assignment.subfield.empty())) {
    problem = fmt::format("'{}' is not FIELD=VALUE, FIELD[NUMBER].FIELD=VALUE or "
                          "FIELD.FIELD=VALUE",
                          text);
    return std::nullopt;
  }
  return assignment;
}

Assembly assemble_values(const Schema& schema, const std::vector<Assignment>& assignments,
                         Typing typing) {
  Assembly assembly;
  std::vector<std::string> names = names_of(schema.fields);
  std::map<std::string, Items> items; // list-of-sets fields, by name
  std::vector<std::string> seen;
  for (const Assignment& assignment : assignments) {
    const FieldSpec* spec = schema.find_field(assignment.field);
    if (spec == nullptr) {
      assembly.problems.push_back(fmt::format("unknown field '{}'{}", assignment.field,
                                              did_you_mean(assignment.field, names)));
      continue;
    }
    if (!assignment.subfield.empty()) {
      if (!has_subfields(*spec)) {
        assembly.problems.push_back(fmt::format(
            "'{}' has no fields of its own; give it as {}=VALUE", spec->name, spec->name));
        continue;
      }
      if (spec->type == FieldType::object && assignment.index) {
        assembly.problems.push_back(
            fmt::format("'{}' is one set of fields, not a list; give it as {}.FIELD=VALUE",
                        spec->name, spec->name));
        continue;
      }
      items[spec->name][assignment.index.value_or(0)].emplace_back(assignment.subfield,
                                                                   assignment.value);
      continue;
    }
    if (std::find(seen.begin(), seen.end(), spec->name) != seen.end()) {
      assembly.problems.push_back(fmt::format("'{}' is given twice", spec->name));
      continue;
    }
    seen.push_back(spec->name);
    Answer answer = parse_answer(*spec, spec->name, assignment.value, typing);
    assembly.problems.insert(assembly.problems.end(), answer.problems.begin(),
                             answer.problems.end());
    if (answer.value) {
      assembly.values[spec->name] = std::move(*answer.value);
    }
  }
  for (const auto& [name, given] : items) {
    assemble_items(*schema.find_field(name), given, assembly);
  }
  return assembly;
}

} // namespace hros
