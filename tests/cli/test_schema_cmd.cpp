// `hros schema`: the effective schema as YAML, as JSON Schema (draft 2020-12,
// parsed back with Python and, when the `jsonschema` module is installed,
// used to validate the bundled cases and the lint fixtures), and as a
// Markdown reference for contributors.
#include "run_hros.hpp"

#include "hros/schema_load.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using hros::test::read_text;
using hros::test::run_hros;
using hros::test::TempDir;

namespace {

bool python_has(const std::string& modules) {
  return std::system(("python3 -c 'import " + modules + "' > /dev/null 2>&1").c_str()) == 0;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : separator) + item;
  }
  return out;
}

// Reads JSON Schema text into a file and returns its path (kept in `dir`).
fs::path json_schema_file(const TempDir& dir) {
  auto result = run_hros({"schema", "--format", "json-schema"});
  REQUIRE(result.exit_code == 0);
  return dir.write("case.schema.json", result.out);
}

// Loads front matter the way YAML 1.2 readers (the YAML language server,
// hros) do: no timestamps, and only true/false are booleans.
const char* k_load_front_matter = R"(
import re, yaml
class Loader(yaml.SafeLoader):
    pass
Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers
          if tag not in ('tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:bool')]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Loader.add_implicit_resolver('tag:yaml.org,2002:bool',
    re.compile(r'^(?:true|True|TRUE|false|False|FALSE)$'), list('tTfF'))
def front_matter(path):
    text = open(path, encoding='utf-8-sig').read().replace('\r\n', '\n')
    assert text.startswith('---\n'), path
    return yaml.load(text[4:].split('\n---\n', 1)[0], Loader=Loader)
)";

} // namespace

TEST_CASE("schema: prints the built-in schema as YAML", "[schema]") {
  auto result = run_hros({"schema"});
  CHECK(result.out == read_text(hros::test::source_dir() / "schema" / "default.yaml"));
  CHECK(result.err.empty());
  CHECK(result.exit_code == 0);
  auto explicit_yaml = run_hros({"schema", "--format", "yaml"});
  CHECK(explicit_yaml.out == result.out);
}

TEST_CASE("schema: json-schema is draft 2020-12 with every field", "[schema]") {
  TempDir dir;
  fs::path schema_file = json_schema_file(dir);
  const hros::Schema& schema = hros::default_schema();
  std::vector<std::string> names;
  std::vector<std::string> required;
  for (const hros::FieldSpec& field : schema.fields) {
    names.push_back(field.name);
    if (field.required) {
      required.push_back(field.name);
    }
  }
  std::string printed = hros::test::run_python(R"(import json, sys
s = json.load(open(sys.argv[1], encoding='utf-8'))
print(s['$schema'])
print(s['type'], s['additionalProperties'])
print(' '.join(s['properties']))
print(' '.join(s['required']))
p = s['properties']
print(' '.join(p['industry']['enum']))
print(p['company_size']['enum'])
print(p['regions']['type'], p['regions']['minItems'], p['regions']['uniqueItems'], len(p['regions']['items']['enum']))
print(p['topics']['maxItems'], 'recruiting' in p['topics']['items']['enum'])
print(p['title']['type'], p['title']['minLength'], p['title']['maxLength'])
print(p['slug']['pattern'])
print(p['example']['type'], p['published']['format'], p['website']['format'], p['metrics']['items']['properties']['before']['type'])
authors = p['authors']['items']
print(authors['type'], ' '.join(authors['properties']), authors['required'], authors['additionalProperties'])
print(p['industry']['description'])
for clause in s['allOf']:
    print(json.dumps(clause, sort_keys=True))
)",
                                               {schema_file.string()});
  CHECK(
      printed ==
      "https://json-schema.org/draft/2020-12/schema\n"
      "object False\n" +
          join(names, " ") + "\n" + join(required, " ") + "\n" +
          join(schema.find_field("industry")->values, " ") + "\n" +
          "['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001-10000', '10001+']\n"
          "array 1 True 249\n"
          "6 True\n"
          "string 10 120\n"
          "^[a-z0-9]+(-[a-z0-9]+)*$\n"
          "boolean date uri number\n"
          "object name role email url ['name'] False\n"
          "The organisation's main industry.\n"
          R"({"if": {"properties": {"status": {"const": "published"}}, "required": ["status"]}, "then": {"required": ["published", "license"]}})"
          "\n"
          R"({"if": {"properties": {"kind": {"const": "case-study"}}, "required": ["kind"]}, "then": {"required": ["metrics"]}})"
          "\n");
}

TEST_CASE("schema: json-schema is a valid schema that accepts every bundled case", "[schema]") {
  if (!python_has("jsonschema, yaml")) {
    WARN("python3 has no jsonschema or yaml module; skipping validation with jsonschema");
    return;
  }
  TempDir dir;
  fs::path schema_file = json_schema_file(dir);
  std::vector<std::string> args = {schema_file.string()};
  std::size_t count = 0;
  for (const auto& entry : fs::directory_iterator(hros::test::source_dir() / "cases")) {
    if (entry.path().extension() == ".md") {
      args.push_back(entry.path().string());
      ++count;
    }
  }
  REQUIRE(count > 0);
  int status = 0;
  std::string printed = hros::test::run_python(std::string(k_load_front_matter) + R"(
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding='utf-8'))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    for error in validator.iter_errors(front_matter(path)):
        print(path, list(error.path), error.message)
print('checked', len(sys.argv) - 2)
)",
                                               args, &status);
  CHECK(printed == "checked " + std::to_string(count) + "\n");
  CHECK(status == 0);
}

TEST_CASE("schema: json-schema rejects what lint rejects", "[schema]") {
  if (!python_has("jsonschema, yaml")) {
    WARN("python3 has no jsonschema or yaml module; skipping validation with jsonschema");
    return;
  }
  TempDir dir;
  fs::path schema_file = json_schema_file(dir);
  fs::path rules = hros::test::data_dir() / "rules";
  const std::string file = "structured-interviews-for-team-leads.md";
  std::vector<std::string> args = {schema_file.string()};
  for (const char* rule :
       {"valid", "schema.required", "schema.unknown-field", "schema.type", "schema.enum",
        "schema.length", "schema.items", "schema.unique", "schema.conditional"}) {
    args.push_back((rules / rule / "cases" / file).string());
  }
  std::string printed = hros::test::run_python(std::string(k_load_front_matter) + R"(
import json, sys, jsonschema
validator = jsonschema.Draft202012Validator(json.load(open(sys.argv[1], encoding='utf-8')))
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(front_matter(path)), key=lambda e: (list(e.path), e.validator))
    print(path.split('/')[-3], [(list(e.path), e.validator) for e in errors])
)",
                                               args);
  CHECK(printed == "valid []\n"
                   "schema.required [([], 'required')]\n"
                   "schema.unknown-field [([], 'additionalProperties'), ([], 'required')]\n"
                   "schema.type [(['regions'], 'type')]\n"
                   "schema.enum [(['industry'], 'enum')]\n"
                   "schema.length [(['title'], 'minLength')]\n"
                   "schema.items [(['topics'], 'maxItems')]\n"
                   "schema.unique [(['regions'], 'uniqueItems')]\n"
                   "schema.conditional [([], 'required')]\n");
}

TEST_CASE("schema: markdown has a table row for every field", "[schema]") {
  auto result = run_hros({"schema", "--format", "markdown"});
  CHECK(result.exit_code == 0);
  const std::string& out = result.out;
  CHECK(out.rfind("# Case front matter (hros-default)\n\n"
                  "| Field | Type | Required | Allowed | Description |\n"
                  "|---|---|---|---|---|\n",
                  0) == 0);
  for (const hros::FieldSpec& field : hros::default_schema().fields) {
    INFO(field.name);
    CHECK(out.find("\n| `" + field.name + "` | ") != std::string::npos);
  }
  CHECK(out.find("\n| `title` | string | yes | 10–120 characters | What you did, in one line a "
                 "peer would search "
                 "for. |\n") != std::string::npos);
  CHECK(out.find("\n| `kind` | enum | yes | one of: `case-study`, `spark` | case-study: an "
                 "in-depth account; "
                 "spark: one snack-sized page. |\n") != std::string::npos);
  CHECK(out.find("- **case-study**: Why, What, How, Results, What didn't work, Learnings, "
                 "Resources (may be "
                 "empty)\n") != std::string::npos);
  CHECK(out.find("- **spark**: What, Results, What didn't work, Learnings\n") != std::string::npos);
  CHECK(out.find("- When `status` is `published`, `published`, `license` are required: a published "
                 "case needs "
                 "a publication date and a licence.\n") != std::string::npos);
}

TEST_CASE("schema: an unknown format is a usage error", "[schema]") {
  auto result = run_hros({"schema", "--format", "xml"});
  CHECK(result.out.empty());
  CHECK(result.err == "hros: error: unknown format 'xml'; use yaml, json-schema or markdown\n");
  CHECK(result.exit_code == 2);
}
