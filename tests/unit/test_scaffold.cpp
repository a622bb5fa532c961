// What `hros new` builds, without a terminal or a disk: answers checked
// against the built-in schema, --set assignments, defaults, the YAML and body
// it renders (which lint must pass but for empty sections), and the interview
// driven by strings.
#include "hros/answer.hpp"
#include "hros/assignment.hpp"
#include "hros/case_check.hpp"
#include "hros/interview.hpp"
#include "hros/scaffold.hpp"
#include "hros/schema_load.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace hros;

namespace {

const Schema& schema() {
  return default_schema();
}

const FieldSpec& field(const std::string& name) {
  const FieldSpec* spec = schema().find_field(name);
  REQUIRE(spec != nullptr);
  return *spec;
}

Assembly assemble(const std::vector<std::string>& texts) {
  std::vector<Assignment> assignments;
  for (const std::string& text : texts) {
    std::string problem;
    std::optional<Assignment> assignment = parse_assignment(text, problem);
    REQUIRE(assignment);
    assignments.push_back(*assignment);
  }
  return assemble_values(schema(), assignments);
}

const std::vector<std::string> k_spark = {
    "title=Four-day week for our support team",
    "kind=spark",
    "organization=Example Support Co",
    "industry=technology",
    "company_size=51-200",
    "regions=US, NO",
    "topics=wellbeing,retention",
    "authors[0].name=Jane Doe",
    "summary=We tried a four-day week for six months with 40 agents; here is what happened.",
};

// The rules a fresh scaffold breaks, one per diagnostic.
std::vector<std::string> lint_rules(const std::string& text) {
  CheckOptions options;
  options.schema = &schema();
  CaseCheck check = check_case_text("cases/new-case.md", text, options);
  std::vector<std::string> rules;
  for (const Diagnostic& diagnostic : check.diagnostics) {
    rules.push_back(diagnostic.rule);
  }
  return rules;
}

} // namespace

TEST_CASE("answer: enum values by case synonym number and prefix", "[new][answer]") {
  const FieldSpec& industry = field("industry");
  CHECK(*resolve_enum(industry, "Retail", Typing::exact).value == "retail");
  CHECK(*resolve_enum(industry, "tech", Typing::exact).value == "technology");
  CHECK_FALSE(resolve_enum(industry, "fint", Typing::exact).value);
  CHECK(*resolve_enum(industry, "fint", Typing::interactive).value == "fintech");
  CHECK(*resolve_enum(industry, "3", Typing::interactive).value == "consumer-goods");
  CHECK_FALSE(resolve_enum(industry, "99", Typing::interactive).value);
  EnumChoice ambiguous = resolve_enum(industry, "fin", Typing::interactive);
  CHECK_FALSE(ambiguous.value);
  CHECK(ambiguous.problem == "'fin' could be financial-services or fintech; type more of it");
}

TEST_CASE("answer: refusals use lint's own words", "[new][answer]") {
  CHECK(parse_answer(field("industry"), "industry", "fintec", Typing::exact).problems ==
        std::vector<std::string>{"unknown industry 'fintec'; did you mean 'fintech'?"});
  CHECK(parse_answer(field("title"), "title", "Short", Typing::exact).problems ==
        std::vector<std::string>{"'title' is too short: 5 characters, at least 10 expected"});
  CHECK(parse_answer(field("website"), "website", "example.org", Typing::exact).problems ==
        std::vector<std::string>{
            "'website' should be a web address starting with https://, not 'example.org'"});
  CHECK(parse_answer(field("published"), "published", "2024-02-30", Typing::exact).problems ==
        std::vector<std::string>{"'2024-02-30' in 'published' is not a date that exists"});
  CHECK(parse_answer(field("topics"), "topics", "recruiting, recruiting", Typing::exact).problems ==
        std::vector<std::string>{"'topics' lists 'recruiting' twice (also on line 0)"});
  CHECK(parse_answer(field("title"), "title", "   ", Typing::exact).problems ==
        std::vector<std::string>{"'title' needs a value"});
}

TEST_CASE("answer: lists and booleans are typed from the schema", "[new][answer]") {
  Answer regions = parse_answer(field("regions"), "regions", "[us, NO , ]", Typing::exact);
  REQUIRE(regions.value);
  REQUIRE(regions.value->items.size() == 2);
  CHECK(regions.value->items[0].text == "US");
  CHECK(regions.value->items[1].text == "NO");
  // In quotes an item may hold a comma; a quote later in an item is text.
  Answer tools =
      parse_answer(field("tools"), "tools",
                   "\"Workday, Inc.\" , 'Ben & Jerry''s', O'Brien, \"\\\"q\\\\\"", Typing::exact);
  REQUIRE(tools.value);
  REQUIRE(tools.value->items.size() == 4);
  CHECK(tools.value->items[0].text == "Workday, Inc.");
  CHECK(tools.value->items[1].text == "Ben & Jerry's");
  CHECK(tools.value->items[2].text == "O'Brien");
  CHECK(tools.value->items[3].text == "\"q\\");
  CHECK(parse_answer(field("tools"), "tools", "'open, Notion", Typing::exact).problems ==
        std::vector<std::string>{"'tools': the item 'open, Notion has no closing quote; an item "
                                 "that holds a comma goes in double quotes, e.g. \"Workday, "
                                 "Inc.\""});
  Answer example = parse_answer(field("example"), "example", "Yes", Typing::exact);
  REQUIRE(example.value);
  CHECK(example.value->text == "true");
  CHECK(example.value->style == ScalarStyle::plain);
}

TEST_CASE("assignment: paths with and without an index", "[new][answer]") {
  std::string problem;
  std::optional<Assignment> plain = parse_assignment("tools=a,b=c", problem);
  REQUIRE(plain);
  CHECK(plain->field == "tools");
  CHECK(plain->value == "a,b=c");
  std::optional<Assignment> item = parse_assignment("metrics[2].before=71", problem);
  REQUIRE(item);
  CHECK(item->field == "metrics");
  CHECK(*item->index == 2);
  CHECK(item->subfield == "before");
  CHECK_FALSE(parse_assignment("title", problem));
  CHECK(problem == "'title' is not FIELD=VALUE");
  CHECK_FALSE(parse_assignment("metrics[x].name=a", problem));
  CHECK_FALSE(parse_assignment("metrics[0]=a", problem));
}

TEST_CASE("assignment: every problem is reported at once", "[new][answer]") {
  Assembly assembly =
      assemble({"industy=retail", "title=Ten chars!", "title=Again a title", "authors[0].nme=Jane",
                "metrics[1].name=x", "kind=sprak", "regions[0].name=x"});
  CHECK(assembly.problems ==
        std::vector<std::string>{
            "unknown field 'industy'; did you mean 'industry'?",
            "'title' is given twice",
            "unknown kind 'sprak'; did you mean 'spark'?",
            "'regions' has no fields of its own; give it as regions=VALUE",
            "unknown field 'authors.nme'; did you mean 'name'?",
            "'metrics[1]' is given but 'metrics[0]' is not; number items from 0",
        });
  Assembly nameless = assemble({"metrics[0].before=71"});
  CHECK(nameless.problems == std::vector<std::string>{"missing required field 'metrics.name'"});
}

TEST_CASE("scaffold: defaults and missing fields follow the schema's rules", "[new][scaffold]") {
  FieldValues values = assemble({"kind=case-study", "status=published"}).values;
  Defaults defaults{"2024-05-06", "Jane Doe"};
  apply_defaults(schema(), defaults, values);
  CHECK(values.at("published").text == "2024-05-06");
  CHECK(values.at("authors").items.at(0).entries.at(0).value.text == "Jane Doe");
  std::string missing;
  for (const FieldSpec* spec : missing_fields(schema(), values)) {
    missing += spec->name + " ";
  }
  CHECK(missing == "title organization industry company_size regions topics license summary "
                   "metrics ");
  FieldValues draft;
  apply_defaults(schema(), defaults, draft);
  CHECK(draft.at("status").text == "draft");
  CHECK(draft.count("published") == 0);
}

TEST_CASE("scaffold: values are quoted only where a YAML reader could misread them",
          "[new][scaffold]") {
  auto quoted = [](const std::string& text, bool in_flow = false) {
    return yaml_scalar(scalar_node(text, ScalarStyle::quoted), in_flow);
  };
  CHECK(quoted("Jane Doe") == "Jane Doe");
  CHECK(quoted("NO") == "\"NO\"");
  CHECK(quoted("yes") == "\"yes\"");
  CHECK(quoted("0123") == "\"0123\"");
  CHECK(quoted("12") == "\"12\"");
  CHECK(quoted("null") == "\"null\"");
  CHECK(quoted("%") == "\"%\"");
  CHECK(quoted("-x") == "\"-x\"");
  CHECK(quoted("a: b") == "\"a: b\"");
  CHECK(quoted("a #b") == "\"a #b\"");
  CHECK(quoted("say \"hi\"") == "say \"hi\"");
  CHECK(quoted("\"hi\" \\ there") == "\"\\\"hi\\\" \\\\ there\"");
  CHECK(quoted("tab\there") == "\"tab\\there\"");
  CHECK(quoted("a,b") == "a,b");
  CHECK(quoted("a,b", true) == "\"a,b\"");
  CHECK(quoted("2024-03-18") == "2024-03-18");
  CHECK(yaml_scalar(scalar_node("71", ScalarStyle::plain), false) == "71");
}

TEST_CASE("scaffold: a spark renders as lint expects", "[new][scaffold]") {
  Assembly assembly = assemble(k_spark);
  REQUIRE(assembly.problems.empty());
  apply_defaults(schema(), Defaults{"2024-05-06", ""}, assembly.values);
  std::string text =
      render_case(schema(), assembly.values, render_body(*schema().find_kind("spark")));
  CHECK(text.substr(0, text.find("\n---\n") + 5) ==
        "---\n"
        "title: Four-day week for our support team\n"
        "kind: spark\n"
        "organization: Example Support Co\n"
        "industry: technology\n"
        "company_size: 51-200\n"
        "regions: [US, \"NO\"]\n"
        "topics: [wellbeing, retention]\n"
        "authors:\n"
        "  - name: Jane Doe\n"
        "status: draft\n"
        "summary: We tried a four-day week for six months with 40 agents; here is what "
        "happened.\n"
        "---\n");
  CHECK(lint_rules(text) == std::vector<std::string>(4, "sections.empty"));
}

TEST_CASE("scaffold: a case study with metrics and awkward text passes lint", "[new][scaffold]") {
  std::vector<std::string> texts = k_spark;
  texts[0] = "title=Yes: structured interviews #2, \"revisited\"";
  texts[1] = "kind=case-study";
  texts[2] = "organization=NO";
  texts.insert(texts.end(),
               {"metrics[0].name=Offer acceptance: rate", "metrics[0].before=71",
                "metrics[0].after=84.5", "metrics[0].unit=%", "metrics[1].name=Time to hire",
                "tools=Greenhouse, 010, yes", "authors[0].role=Head of People",
                "authors[1].name=Ola Nordmann", "example=true", "website=https://example.org/a#b"});
  Assembly assembly = assemble(texts);
  REQUIRE(assembly.problems.empty());
  apply_defaults(schema(), Defaults{"2024-05-06", ""}, assembly.values);
  std::string text =
      render_case(schema(), assembly.values, render_body(*schema().find_kind("case-study")));
  CHECK(text.find("authors:\n"
                  "  - name: Jane Doe\n"
                  "    role: Head of People\n"
                  "  - name: Ola Nordmann\n") != std::string::npos);
  CHECK(text.find("metrics:\n"
                  "  - name: \"Offer acceptance: rate\"\n"
                  "    before: 71\n"
                  "    after: 84.5\n"
                  "    unit: \"%\"\n"
                  "  - name: Time to hire\n") != std::string::npos);
  CHECK(text.find("tools: [Greenhouse, \"010\", \"yes\"]\n") != std::string::npos);
  // Resources may be empty; the six others are reported, nothing else.
  CHECK(lint_rules(text) == std::vector<std::string>(6, "sections.empty"));
}

TEST_CASE("scaffold: every section gets guidance in an HTML comment", "[new][scaffold]") {
  KindSpec kind{"custom", {{"Why", true, false}, {"Budget", true, false}}};
  CHECK(render_body(kind) == "## Why\n\n<!--\n" + section_guidance("Why") +
                                 "\n-->\n\n## Budget\n\n<!--\nWrite about Budget here: specific "
                                 "facts, numbers and examples a peer could\nlearn from.\n-->\n");
  CHECK(section_guidance("WHAT DIDN\xE2\x80\x99T WORK") == section_guidance("What didn't work"));
  for (const char* title : {"Why", "What", "How", "Results", "What didn't work", "Learnings",
                            "Resources", "Anything"}) {
    CHECK(section_guidance(title).find("--") == std::string::npos);
  }
}

TEST_CASE("interview: asks the needed fields and corrects a wrong enum", "[new][interview]") {
  std::istringstream in("Four-day week for our support team\n"
                        "sprak\n" // corrected below
                        "2\n"
                        "Example Support Co\n"
                        "fint\n"
                        "51\n"
                        "US, no\n"
                        "well, retention\n"
                        "\n" // author name: the default
                        "Head of People\n"
                        "\n"
                        "\n"
                        "n\n" // no other author
                        "\n"  // status: draft
                        "We tried a four-day week for six months with 40 agents; it worked.\n"
                        "n\n"); // no optional fields
  std::ostringstream out;
  Defaults defaults{"2024-05-06", "Jane Doe"};
  Interview interview(schema(), defaults, in, out);
  FieldValues values;
  REQUIRE(interview.run(values));
  CHECK(values.at("kind").text == "spark");
  CHECK(values.at("industry").text == "fintech");
  CHECK(values.at("company_size").text == "51-200");
  CHECK(values.at("regions").items.at(1).text == "NO");
  CHECK(values.at("topics").items.at(0).text == "wellbeing");
  CHECK(values.at("authors").items.at(0).entries.at(0).value.text == "Jane Doe");
  CHECK(values.at("authors").items.at(0).entries.at(1).value.text == "Head of People");
  CHECK(values.at("status").text == "draft");
  std::string said = out.str();
  CHECK(said.find("  ! unknown kind 'sprak'; did you mean 'spark'?\n") != std::string::npos);
  CHECK(said.find("   1) case-study   2) spark\n") != std::string::npos);
  CHECK(said.find("authors 1 name [Jane Doe]> ") != std::string::npos);
  CHECK(said.find("status [draft]> ") != std::string::npos);
}

TEST_CASE("interview: the end of the input stops it", "[new][interview]") {
  std::istringstream in("Four-day week for our support team\n");
  std::ostringstream out;
  Defaults defaults;
  Interview interview(schema(), defaults, in, out);
  FieldValues values;
  CHECK_FALSE(interview.run(values));
  CHECK(values.count("title") == 1);
}

TEST_CASE("template body: byte for byte but for a byte order mark", "[new]") {
  CHECK(template_body("## What\r\n\r\nText  \r\n").text == "## What\r\n\r\nText  \r\n");
  CHECK(template_body("\xEF\xBB\xBF## What\n").text == "## What\n");
  // A thematic break first is Markdown; a block closed by a second `---` is front matter.
  CHECK(template_body("---\n\n## What\n").problem.empty());
  CHECK(template_body("---\n\n## What\n").text == "---\n\n## What\n");
  CHECK_FALSE(template_body("---\r\ntitle: x\r\n---\r\n## What\r\n").problem.empty());
  CHECK_FALSE(template_body("\xEF\xBB\xBF---\ntitle: x\n---\n").problem.empty());
}
