// validate_front_matter and validate_sections with the built-in schema, on
// in-memory text: exact messages, positions and the fixes offered.
#include "hros/schema_load.hpp"
#include "hros/validate.hpp"
#include "hros/yaml_load.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <string>
#include <vector>

using hros::BodyOutline;
using hros::Diagnostic;
using hros::Section;

namespace {

// A valid case-study's front matter; tests change one line of it.
const std::string k_valid =
    "title: Structured interviews for warehouse team leads\n" // line 2
    "kind: case-study\n"
    "organization: Example Freight\n"
    "example: true\n"
    "industry: logistics\n" // line 6
    "company_size: 201-1000\n"
    "regions: [US, CA]\n" // line 8
    "topics: [recruiting, candidate-experience]\n"
    "authors:\n"
    "  - name: Jane Doe\n"
    "    role: Head of Talent\n"
    "published: 2024-03-18\n" // line 13
    "status: published\n"
    "license: CC-BY-4.0\n"
    "summary: We replaced unstructured chats with four scored questions for every team "
    "lead role.\n"
    "metrics:\n" // line 17
    "  - name: Offer acceptance rate\n"
    "    before: 71\n"
    "    after: 84\n"
    "    unit: \"%\"\n"
    "    period: 12 months\n"
    "tools: [Greenhouse, Notion]\n"; // line 23

std::string with(std::string yaml, const std::string& from, const std::string& to) {
  std::size_t at = yaml.find(from);
  REQUIRE(at != std::string::npos);
  yaml.replace(at, from.size(), to);
  return yaml;
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += fmt::format("{}:{}: {}: {} [{}]\n", d.line, d.column, hros::severity_name(d.severity),
                       d.message, d.rule);
    if (d.fix) {
      out += fmt::format("  fix {}+{} '{}' ({})\n", d.fix->offset, d.fix->length,
                         d.fix->replacement, d.fix->description);
    }
  }
  return out;
}

// Validates `yaml` as the front matter of "---\n<yaml>---\n", as a case file
// would hold it, so positions and fix offsets are file positions.
std::string validate(const std::string& yaml) {
  std::string source = "---\n" + yaml + "---\n";
  hros::YamlLoad load =
      hros::load_yaml(std::string_view(source).substr(4, yaml.size()), hros::Position{2, 1, 4});
  INFO(describe(load.diagnostics));
  REQUIRE(load.ok);
  std::vector<Diagnostic> out = load.diagnostics;
  hros::validate_front_matter(load.root, hros::default_schema(), source, out);
  return describe(out);
}

Section section(const std::string& title, int line, bool content = true) {
  Section s;
  s.title = title;
  s.line = line;
  s.column = 1;
  s.has_content = content;
  return s;
}

std::string check_sections(const std::vector<Section>& sections, const std::string& kind,
                           int body_line = 10) {
  BodyOutline outline;
  outline.sections = sections;
  const hros::KindSpec* spec = hros::default_schema().find_kind(kind);
  REQUIRE(spec != nullptr);
  std::vector<Diagnostic> out;
  hros::validate_sections(outline, *spec, body_line, out);
  return describe(out);
}

} // namespace

TEST_CASE("validate: the valid front matter has no problems", "[validate]") {
  CHECK(validate(k_valid).empty());
  CHECK(validate(with(k_valid, "kind: case-study", "kind: spark")).empty());
  CHECK(validate(with(k_valid, "status: published", "status: draft")).empty());
}

TEST_CASE("validate: unknown fields, top level and nested", "[validate]") {
  CHECK(validate(with(k_valid, "example: true", "exmaple: true")) ==
        "5:1: error: unknown field 'exmaple'; did you mean 'example'? [schema.unknown-field]\n");
  CHECK(validate(with(k_valid, "example: true", "budget: 1000")) ==
        "5:1: error: unknown field 'budget' [schema.unknown-field]\n");
  CHECK(validate(with(k_valid, "    role: Head of Talent", "    rol: Head of Talent")) ==
        "12:5: error: unknown field 'authors.rol'; did you mean 'role'? [schema.unknown-field]\n");
}

TEST_CASE("validate: missing and empty required fields", "[validate]") {
  CHECK(validate(with(k_valid, "organization: Example Freight\n", "")) ==
        "2:1: error: missing required field 'organization' (Who ran the initiative. Mark fictional "
        "organisations with example: true.) [schema.required]\n");
  CHECK(validate(with(k_valid, "organization: Example Freight", "organization:")) ==
        "4:1: error: field 'organization' is empty [schema.required]\n");
  CHECK(validate(with(k_valid, "organization: Example Freight", "organization: ~")) ==
        "4:1: error: field 'organization' is empty [schema.required]\n");
  // A quoted empty string is text, but too short for a title.
  CHECK(validate(
            with(k_valid, "title: Structured interviews for warehouse team leads", "title: ''")) ==
        "2:8: error: 'title' is too short: 0 characters, at least 10 expected [schema.length]\n");
  CHECK(validate(with(k_valid, "  - name: Jane Doe\n", "  - email: jane@example.org\n")) ==
        "11:5: error: missing required field 'authors.name' [schema.required]\n");
  // An optional field may be empty.
  CHECK(validate(with(k_valid, "tools: [Greenhouse, Notion]", "tools:")).empty());
}

TEST_CASE("validate: enum values, their case and their synonyms", "[validate]") {
  // Fix offsets are file offsets: "logistics" starts at byte 129 of "---\n" + front matter.
  CHECK(validate(with(k_valid, "industry: logistics", "industry: Logistics")) ==
        "6:11: error: 'Logistics' should be written 'logistics' in 'industry' [schema.enum]\n"
        "  fix 129+9 'logistics' ('Logistics' -> 'logistics')\n");
  CHECK(validate(with(k_valid, "industry: logistics", "industry: \"Logistics\"")) ==
        "6:11: error: 'Logistics' should be written 'logistics' in 'industry' [schema.enum]\n"
        "  fix 130+9 'logistics' ('Logistics' -> 'logistics')\n");
  CHECK(validate(with(k_valid, "industry: logistics", "industry: tech")) ==
        "6:11: warning: 'tech' stands for 'technology' in 'industry'; write 'technology' "
        "[schema.synonym]\n"
        "  fix 129+4 'technology' ('tech' -> 'technology')\n");
  CHECK(validate(with(k_valid, "industry: logistics", "industry: logistic")) ==
        "6:11: error: unknown industry 'logistic'; did you mean 'logistics'? [schema.enum]\n");
  CHECK(
      validate(with(k_valid, "status: published", "status: done")) ==
      "14:9: error: unknown status 'done'; expected one of: draft, in-review, published, archived "
      "[schema.enum]\n");
  // A block scalar cannot be fixed in place: no fix is offered.
  CHECK(validate(with(k_valid, "industry: logistics", "industry: |-\n  Logistics")) ==
        "6:11: error: 'Logistics' should be written 'logistics' in 'industry' [schema.enum]\n");
}

TEST_CASE("validate: enum values inside lists", "[validate]") {
  CHECK(validate(with(k_valid, "regions: [US, CA]", "regions: [US, ca]")) ==
        "8:15: error: 'ca' should be written 'CA' in 'regions' [schema.enum]\n"
        "  fix 176+2 'CA' ('ca' -> 'CA')\n");
  CHECK(validate(with(k_valid, "topics: [recruiting, candidate-experience]",
                      "topics: [hiring, onboarding]")) ==
        "9:10: warning: 'hiring' stands for 'recruiting' in 'topics'; write 'recruiting' "
        "[schema.synonym]\n"
        "  fix 189+6 'recruiting' ('hiring' -> 'recruiting')\n");
}

TEST_CASE("validate: YAML 1.1 readings are warnings", "[validate]") {
  CHECK(validate(with(k_valid, "regions: [US, CA]", "regions: [US, NO]")) ==
        "8:15: warning: 'NO' in 'regions' is read as the boolean false by YAML 1.1 tools; quote it "
        "(\"NO\") to be "
        "unambiguous [yaml.ambiguous]\n");
  CHECK(validate(with(k_valid, "regions: [US, CA]", "regions: [US, \"NO\"]")).empty());
  CHECK(validate(with(k_valid, "organization: Example Freight", "organization: yes")) ==
        "4:15: warning: 'yes' in 'organization' is read as the boolean true by YAML 1.1 tools; "
        "quote it (\"yes\") "
        "to be unambiguous [yaml.ambiguous]\n");
}

TEST_CASE("validate: wrong types", "[validate]") {
  CHECK(validate(with(k_valid, "example: true", "example: yes")) ==
        "5:10: error: field 'example' should be true or false, not 'yes' [schema.type]\n");
  CHECK(validate(with(k_valid, "example: true", "example: \"true\"")) ==
        "5:10: error: field 'example' should be true or false, not 'true' [schema.type]\n");
  CHECK(validate(with(k_valid, "    before: 71", "    before: \"71\"")) ==
        "19:13: error: 'metrics.before' should be a number, not '71'; remove the quotes "
        "[schema.type]\n");
  CHECK(validate(with(k_valid, "    before: 71", "    before: seventy")) ==
        "19:13: error: 'metrics.before' should be a number, not 'seventy' [schema.type]\n");
  CHECK(validate(with(k_valid, "regions: [US, CA]", "regions: US")) ==
        "8:10: error: field 'regions' should be a list, like [US], not a single value "
        "[schema.type]\n");
  CHECK(validate(with(k_valid, "title: Structured interviews for warehouse team leads",
                      "title: [a, b]")) ==
        "2:8: error: field 'title' should be a single string, not a list [schema.type]\n");
  CHECK(validate(with(k_valid, "  - name: Jane Doe\n    role: Head of Talent\n",
                      "  - Jane Doe\n")) == "11:5: error: 'authors' should be a set of fields "
                                            "(name, role, email, url), not a single value "
                                            "[schema.type]\n");
}

TEST_CASE("validate: front matter that is not a mapping", "[validate]") {
  CHECK(validate("just a sentence\n") ==
        "2:1: error: the front matter must be a list of 'field: value' lines [schema.type]\n");
  CHECK(validate("- a\n- b\n") ==
        "2:1: error: the front matter must be a list of 'field: value' lines [schema.type]\n");
}

TEST_CASE("validate: dates must exist", "[validate]") {
  auto published = [](const std::string& date) {
    return validate(with(k_valid, "published: 2024-03-18", "published: " + date));
  };
  CHECK(published("2024-02-29").empty());
  CHECK(published("2000-02-29").empty());
  CHECK(published("2023-02-29") ==
        "13:12: error: '2023-02-29' in 'published' is not a date that exists [schema.date]\n");
  CHECK(published("1900-02-29") ==
        "13:12: error: '1900-02-29' in 'published' is not a date that exists [schema.date]\n");
  CHECK(published("2024-04-31") ==
        "13:12: error: '2024-04-31' in 'published' is not a date that exists [schema.date]\n");
  CHECK(published("2024-13-01") ==
        "13:12: error: '2024-13-01' in 'published' is not a date that exists [schema.date]\n");
  CHECK(published("18/03/2024") == "13:12: error: 'published' should be a date written YYYY-MM-DD, "
                                   "not '18/03/2024' [schema.date]\n");
  CHECK(published("2024-3-18") == "13:12: error: 'published' should be a date written YYYY-MM-DD, "
                                  "not '2024-3-18' [schema.date]\n");
  CHECK(published("\"2024-03-18\"").empty());
}

TEST_CASE("validate: web and email addresses", "[validate]") {
  auto author = [](const std::string& extra) {
    return validate(
        with(k_valid, "    role: Head of Talent\n", "    role: Head of Talent\n" + extra + "\n"));
  };
  CHECK(author("    url: https://example.org/jane").empty());
  CHECK(author("    url: HTTP://example.org").empty());
  CHECK(author("    email: jane@example.org").empty());
  CHECK(author("    url: example.org/jane") ==
        "13:10: error: 'authors.url' should be a web address starting with https://, not "
        "'example.org/jane' "
        "[schema.url]\n");
  CHECK(author("    url: ftp://example.org") ==
        "13:10: error: 'authors.url' should be a web address starting with https://, not "
        "'ftp://example.org' "
        "[schema.url]\n");
  CHECK(author("    url: https:// example.org") ==
        "13:10: error: 'authors.url' should be a web address starting with https://, not 'https:// "
        "example.org' "
        "[schema.url]\n");
  CHECK(author("    email: jane.example.org") ==
        "13:12: error: 'authors.email' should be an email address like name@example.org, not "
        "'jane.example.org' "
        "[schema.email]\n");
  CHECK(author("    email: jane@example") == "13:12: error: 'authors.email' should be an email "
                                             "address like name@example.org, not 'jane@example' "
                                             "[schema.email]\n");
}

TEST_CASE("validate: lengths count characters, not bytes", "[validate]") {
  std::string long_title(121, 'x');
  CHECK(validate(with(k_valid, "title: Structured interviews for warehouse team leads",
                      "title: " + long_title)) ==
        "2:8: error: 'title' is too long: 121 characters, at most 120 allowed [schema.length]\n");
  // Ten characters, twenty bytes.
  CHECK(
      validate(
          with(k_valid, "title: Structured interviews for warehouse team leads",
               "title: "
               "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"))
          .empty());
  CHECK(validate(with(k_valid, "title: Structured interviews for warehouse team leads",
                      "title: Short")) ==
        "2:8: error: 'title' is too short: 5 characters, at least 10 expected [schema.length]\n");
}

TEST_CASE("validate: item counts and repeated items", "[validate]") {
  CHECK(validate(with(k_valid, "regions: [US, CA]", "regions: []")) ==
        "8:10: error: 'regions' has 0 items, at least 1 expected [schema.items]\n");
  CHECK(validate(with(k_valid, "topics: [recruiting, candidate-experience]",
                      "topics: [recruiting, onboarding, culture, retention, benefits, wellbeing, "
                      "offboarding]")) ==
        "9:9: error: 'topics' has 7 items, at most 6 allowed [schema.items]\n");
  CHECK(validate(with(k_valid, "tools: [Greenhouse, Notion]",
                      "tools:\n  - Notion\n  - Greenhouse\n  - Notion")) ==
        "26:5: error: 'tools' lists 'Notion' twice (also on line 24) [schema.unique]\n");
}

TEST_CASE("validate: the same object twice in a unique list", "[validate]") {
  std::string yaml =
      with(k_valid, "    period: 12 months\n",
           "    period: 12 months\n  - name: Offer acceptance rate\n    after: 84\n    before: 71\n"
           "    period: 12 months\n    unit: \"%\"\n");
  CHECK(validate(yaml) ==
        "23:5: error: 'metrics' lists the same item twice (also on line 18) [schema.unique]\n");
}

TEST_CASE("validate: conditional rules", "[validate]") {
  CHECK(validate(with(k_valid, "published: 2024-03-18\n", "")) ==
        "13:1: error: field 'published' is required when status is 'published': a published case "
        "needs a "
        "publication date and a licence [schema.conditional]\n");
  CHECK(validate(with(with(k_valid, "published: 2024-03-18\n", ""), "status: published",
                      "status: draft"))
            .empty());
  std::string no_metrics =
      k_valid.substr(0, k_valid.find("metrics:")) + "tools: [Greenhouse, Notion]\n";
  CHECK(validate(no_metrics) ==
        "3:1: error: field 'metrics' is required when kind is 'case-study': a case study "
        "reports at least one metric [schema.conditional]\n");
  CHECK(validate(with(no_metrics, "kind: case-study", "kind: spark")).empty());
}

TEST_CASE("sections: titles are compared by words, not case or apostrophes",
          "[validate][sections]") {
  CHECK(hros::normalize_title("What didn\xE2\x80\x99t  work") == "what didn't work");
  CHECK(hros::normalize_title("  LEARNINGS ") == "learnings");
  CHECK(hros::normalize_title("What\tdidn't\nwork") == "what didn't work");
}

TEST_CASE("sections: a spark's sections present, in order, with content", "[validate][sections]") {
  CHECK(check_sections({section("What", 12), section("Results", 20),
                        section("What didn\xE2\x80\x99t work", 30), section("learnings", 40)},
                       "spark")
            .empty());
  // Extra sections are fine.
  CHECK(check_sections({section("What", 12), section("Context", 16), section("Results", 20),
                        section("What didn't work", 30), section("Learnings", 40),
                        section("Thanks", 50)},
                       "spark")
            .empty());
}

TEST_CASE("sections: missing sections", "[validate][sections]") {
  CHECK(check_sections(
            {section("What", 12), section("What didn't work", 30), section("Learnings", 40)},
            "spark") == "30:1: error: missing section '## Results' (a spark has: What, Results, "
                        "What didn't work, Learnings) "
                        "[sections.missing]\n");
  CHECK(
      check_sections({section("What", 12), section("Results", 20), section("What didn't work", 30)},
                     "spark") == "30:1: error: missing section '## Learnings' (a spark has: What, "
                                 "Results, What didn't work, Learnings) "
                                 "[sections.missing]\n");
  CHECK(check_sections({}, "spark", 25) == "25:1: error: missing section '## What' (a spark has: "
                                           "What, Results, What didn't work, Learnings) "
                                           "[sections.missing]\n"
                                           "25:1: error: missing section '## Results' (a spark "
                                           "has: What, Results, What didn't work, Learnings) "
                                           "[sections.missing]\n"
                                           "25:1: error: missing section '## What didn't work' (a "
                                           "spark has: What, Results, What didn't work, "
                                           "Learnings) [sections.missing]\n"
                                           "25:1: error: missing section '## Learnings' (a spark "
                                           "has: What, Results, What didn't work, Learnings) "
                                           "[sections.missing]\n");
}

TEST_CASE("sections: a heading that looks like a missing section is named",
          "[validate][sections]") {
  CHECK(check_sections({section("What", 12), section("Results", 20),
                        section("What didn't work", 30), section("Learning", 40)},
                       "spark") == "40:1: error: missing section '## Learnings' (a spark has: "
                                   "What, Results, What didn't work, Learnings); is "
                                   "'## Learning' on line 40 meant to be it? [sections.missing]\n");
}

TEST_CASE("sections: order and emptiness", "[validate][sections]") {
  CHECK(check_sections({section("Results", 12), section("What", 20),
                        section("What didn't work", 30), section("Learnings", 40)},
                       "spark") ==
        "12:1: error: section '## Results' should come after '## What' [sections.order]\n");
  CHECK(check_sections({section("What", 12), section("Results", 20, false),
                        section("What didn't work", 30), section("Learnings", 40)},
                       "spark") ==
        "20:1: error: section '## Results' is empty; write it, or say why there is "
        "nothing to report [sections.empty]\n");
  // A case study's Resources may be empty.
  CHECK(check_sections({section("Why", 12), section("What", 14), section("How", 16),
                        section("Results", 18), section("What didn't work", 20),
                        section("Learnings", 22), section("Resources", 24, false)},
                       "case-study")
            .empty());
}
