// The file `hros new` writes: front matter rendered from the schema's field
// order with values quoted only where some YAML reader could misread them,
// and a body of the kind's sections, each holding an HTML comment of guidance
// (comments count as empty, so `hros lint` lists what is left to write).
#include "hros/scaffold.hpp"

#include "hros/front_matter.hpp"
#include "hros/json_writer.hpp"

#include "hros/scalar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace hros {
namespace {

bool has_value(const FieldValues& values, const std::string& name) {
  auto found = values.find(name);
  return found != values.end() && !found->second.is_null();
}

bool rule_holds(const ConditionalRule& rule, const FieldValues& values) {
  if (rule.when.empty()) {
    return false;
  }
  return std::all_of(rule.when.begin(), rule.when.end(), [&](const auto& condition) {
    auto found = values.find(condition.first);
    return found != values.end() && found->second.is_scalar() &&
           found->second.text == condition.second;
  });
}

bool plain_is_safe(std::string_view text, bool in_flow) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.back() == ':') {
    return false;
  }
  if (std::strchr("-?:,[]{}#&*!|>'\"%@`", text.front()) != nullptr) {
    return false;
  }
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) {
    return false;
  }
  if (in_flow && text.find_first_of(",[]{}") != std::string_view::npos) {
    return false;
  }
  for (char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') {
      return false;
    }
  }
  return resolve_plain(text) == ScalarType::string && !yaml11_reading(text);
}

// A JSON string literal is also a valid YAML double-quoted scalar.
std::string double_quoted(std::string_view text) {
  return json_string(text);
}

void render_value(const YamlNode& node, int indent, std::string& out);

// A mapping as the lines of a block list item: "- a: 1\n  b: 2\n".
void render_item_mapping(const YamlNode& node, int indent, std::string& out) {
  bool first = true;
  for (const YamlEntry& entry : node.entries) {
    out += std::string(static_cast<std::size_t>(first ? indent : indent + 2), ' ');
    out += first ? "- " : "";
    out += entry.key + ":";
    render_value(entry.value, indent + 4, out);
    first = false;
  }
}

// Renders after "key:": a scalar or a list of scalars on the same line, a
// list of mappings or a mapping below it, its lines indented by `indent`.
void render_value(const YamlNode& node, int indent, std::string& out) {
  if (node.is_scalar()) {
    out += " " + yaml_scalar(node, false) + "\n";
    return;
  }
  if (node.is_sequence()) {
    bool scalars = std::all_of(node.items.begin(), node.items.end(),
                               [](const YamlNode& item) { return item.is_scalar(); });
    if (scalars) {
      std::string list;
      for (const YamlNode& item : node.items) {
        list += (list.empty() ? "" : ", ") + yaml_scalar(item, true);
      }
      out += " [" + list + "]\n";
      return;
    }
    out += "\n";
    for (const YamlNode& item : node.items) {
      render_item_mapping(item, indent, out);
    }
    return;
  }
  out += "\n";
  for (const YamlEntry& entry : node.entries) {
    out += std::string(static_cast<std::size_t>(indent), ' ') + entry.key + ":";
    render_value(entry.value, indent + 2, out);
  }
}

struct Guidance {
  const char* title;
  const char* text;
};

// Guidance for the built-in sections: questions that draw out specifics.
const Guidance k_guidance[] = {
    {"why", "What problem were you solving, and for whom? What made it urgent: a number, a\n"
            "complaint, a deadline? Say what you had tried before."},
    {"what", "What did you do, in a few sentences? Name the scope: teams, roles, locations and\n"
             "how many people it touched."},
    {"how", "How did you run it, step by step? Who was involved, how long it took, what it cost\n"
            "and which tools or templates you used."},
    {"results", "What changed? Give numbers where you have them, and say how and when you\n"
                "measured them; say so plainly if results are early or mixed."},
    {"what didn't work",
     "What failed, surprised you or would you do differently? Peers learn most from this\n"
     "part; failures are welcome here."},
    {"learnings", "What would you tell a peer about to try the same thing? One or two lessons\n"
                  "they could apply next week."},
    {"resources", "Optional: templates, documents or links others can reuse. Remove this comment\n"
                  "if there are none."},
};

std::string folded_title(std::string_view title) {
  std::string folded;
  for (char c : title) {
    folded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  std::size_t curly = folded.find("\xE2\x80\x99");
  if (curly != std::string::npos) {
    folded.replace(curly, 3, "'");
  }
  return folded;
}

} // namespace

std::vector<const FieldSpec*> needed_fields(const Schema& schema, const FieldValues& values) {
  std::vector<std::string> required;
  for (const ConditionalRule& rule : schema.rules) {
    if (rule_holds(rule, values)) {
      required.insert(required.end(), rule.require.begin(), rule.require.end());
    }
  }
  std::vector<const FieldSpec*> needed;
  for (const FieldSpec& field : schema.fields) {
    if (field.required ||
        std::find(required.begin(), required.end(), field.name) != required.end()) {
      needed.push_back(&field);
    }
  }
  return needed;
}

std::vector<const FieldSpec*> missing_fields(const Schema& schema, const FieldValues& values) {
  std::vector<const FieldSpec*> missing;
  for (const FieldSpec* field : needed_fields(schema, values)) {
    if (!has_value(values, field->name)) {
      missing.push_back(field);
    }
  }
  return missing;
}

YamlNode default_value(const Schema& schema, const FieldSpec& field, const FieldValues& values,
                       const Defaults& defaults) {
  YamlNode none;
  if (field.name == "status" && field.type == FieldType::enumeration &&
      std::find(field.values.begin(), field.values.end(), "draft") != field.values.end()) {
    none.kind = YamlNode::Kind::scalar;
    none.style = ScalarStyle::quoted;
    none.text = "draft";
    return none;
  }
  if (field.type == FieldType::date && !defaults.today.empty()) {
    std::vector<const FieldSpec*> needed = needed_fields(schema, values);
    if (std::find(needed.begin(), needed.end(), &field) != needed.end()) {
      none.kind = YamlNode::Kind::scalar;
      none.style = ScalarStyle::quoted;
      none.text = defaults.today;
    }
    return none;
  }
  bool named_objects = field.type == FieldType::list && field.items &&
                       field.items->type == FieldType::object && field.items->find("name");
  if (field.name == "authors" && named_objects && !defaults.author.empty()) {
    YamlNode name;
    name.kind = YamlNode::Kind::scalar;
    name.style = ScalarStyle::quoted;
    name.text = defaults.author;
    YamlNode author;
    author.kind = YamlNode::Kind::mapping;
    author.entries.push_back(YamlEntry{"name", {}, name});
    none.kind = YamlNode::Kind::sequence;
    none.items.push_back(std::move(author));
  }
  return none;
}

void apply_defaults(const Schema& schema, const Defaults& defaults, FieldValues& values) {
  // Twice: a default (status) can make another field needed (a date).
  for (int round = 0; round < 2; ++round) {
    for (const FieldSpec* field : missing_fields(schema, values)) {
      YamlNode value = default_value(schema, *field, values, defaults);
      if (!value.is_null()) {
        values[field->name] = std::move(value);
      }
    }
  }
}

std::string yaml_scalar(const YamlNode& node, bool in_flow) {
  if (node.style == ScalarStyle::plain) {
    return node.text; // numbers and booleans, already checked
  }
  return plain_is_safe(node.text, in_flow) ? node.text : double_quoted(node.text);
}

std::string render_front_matter(const Schema& schema, const FieldValues& values) {
  std::string out;
  for (const FieldSpec& field : schema.fields) {
    auto found = values.find(field.name);
    if (found == values.end() || found->second.is_null()) {
      continue;
    }
    out += field.name + ":";
    render_value(found->second, 2, out);
  }
  return out;
}

std::string section_guidance(std::string_view title) {
  std::string folded = folded_title(title);
  for (const Guidance& guidance : k_guidance) {
    if (folded == guidance.title) {
      return guidance.text;
    }
  }
  return fmt::format("Write about {} here: specific facts, numbers and examples a peer could\n"
                     "learn from.",
                     std::string(title));
}

std::string render_body(const KindSpec& kind) {
  std::string out;
  for (const SectionSpec& section : kind.sections) {
    out +=
        fmt::format("## {}\n\n<!--\n{}\n-->\n\n", section.title, section_guidance(section.title));
  }
  if (!out.empty()) {
    out.pop_back(); // one final newline, not a blank line
  }
  return out;
}

TemplateBody template_body(std::string_view text) {
  constexpr std::string_view k_bom = "\xEF\xBB\xBF";
  if (text.substr(0, k_bom.size()) == k_bom) {
    text.remove_prefix(k_bom.size());
  }
  TemplateBody result;
  // A lone `---` line is a thematic break; one closed by another is front matter.
  std::string lf(text);
  lf.erase(std::remove(lf.begin(), lf.end(), '\r'), lf.end());
  FrontMatterSplit split = split_front_matter(lf);
  if (!split.problem && lf.rfind("---", 0) == 0) {
    result.problem = "begins with front matter; a template is the body only, hros new writes the "
                     "front matter";
    return result;
  }
  result.text = std::string(text);
  return result;
}

std::string render_case(const Schema& schema, const FieldValues& values, std::string_view body,
                        std::string_view first_line) {
  std::string out = "---\n";
  if (!first_line.empty()) {
    out += std::string(first_line) + "\n";
  }
  out += render_front_matter(schema, values) + "---\n\n";
  out += body;
  if (!out.empty() && out.back() != '\n') {
    out += '\n';
  }
  return out;
}

} // namespace hros
