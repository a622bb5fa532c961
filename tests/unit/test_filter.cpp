// The --where grammar shared by list, search, export and stats: parsing a
// condition against the schema, and matching it against in-memory front
// matter loaded with hros::load_yaml.
#include "hros/filter.hpp"

#include "hros/schema_load.hpp"
#include "hros/yaml_load.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using hros::CompareOp;
using hros::Condition;
using hros::ConditionParse;

namespace {

hros::YamlNode front(const std::string& yaml) {
  hros::YamlLoad load = hros::load_yaml(yaml, hros::Position{2, 1, 4});
  REQUIRE(load.ok);
  REQUIRE(load.root.is_mapping());
  return load.root;
}

// A schema with the types the default one lacks at the top level: numbers,
// and a list whose items are an ordered enum.
const hros::Schema& numbers_schema() {
  static const hros::Schema schema = [] {
    hros::SchemaLoad load = hros::load_schema("fields:\n"
                                              "  headcount:\n"
                                              "    type: integer\n"
                                              "  score:\n"
                                              "    type: number\n"
                                              "  levels:\n"
                                              "    type: list\n"
                                              "    items:\n"
                                              "      type: enum\n"
                                              "      ordered: true\n"
                                              "      values: [junior, mid, senior]\n",
                                              "numbers.yaml");
    REQUIRE(load.ok);
    return load.schema;
  }();
  return schema;
}

Condition condition(const std::string& text, const hros::Schema& schema = hros::default_schema()) {
  ConditionParse parse = hros::parse_condition(text, schema);
  INFO(text);
  REQUIRE(parse.error.empty());
  return parse.condition;
}

std::string error_of(const std::string& text, const hros::Schema& schema = hros::default_schema()) {
  return hros::parse_condition(text, schema).error;
}

bool holds(const std::string& yaml, const std::string& text,
           const hros::Schema& schema = hros::default_schema(),
           const std::string& slug = "a-case") {
  return hros::matches(front(yaml), slug, condition(text, schema));
}

} // namespace

TEST_CASE("filter: a condition splits into field operator and value", "[filter]") {
  struct Expected {
    const char* text;
    CompareOp op;
    const char* value;
  };
  const Expected cases[] = {
      {"company_size=201-1000", CompareOp::equal, "201-1000"},
      {"company_size!=201-1000", CompareOp::not_equal, "201-1000"},
      {"company_size<201-1000", CompareOp::less, "201-1000"},
      {"company_size<=201-1000", CompareOp::less_equal, "201-1000"},
      {"company_size>201-1000", CompareOp::greater, "201-1000"},
      {"company_size>=201-1000", CompareOp::greater_equal, "201-1000"},
  };
  for (const Expected& expected : cases) {
    Condition parsed = condition(expected.text);
    CHECK(parsed.field == "company_size");
    CHECK(parsed.op == expected.op);
    CHECK(parsed.value == expected.value);
    REQUIRE(parsed.spec != nullptr);
    CHECK(parsed.spec->name == "company_size");
  }
}

TEST_CASE("filter: the value keeps everything after the operator", "[filter]") {
  Condition parsed = condition("title=a=b <c>");
  CHECK(parsed.field == "title");
  CHECK(parsed.op == CompareOp::equal);
  CHECK(parsed.value == "a=b <c>");
  CHECK(condition("title=").value.empty());
}

TEST_CASE("filter: slug and year are derived fields without a spec", "[filter]") {
  Condition slug = condition("slug>=m");
  CHECK(slug.field == "slug");
  CHECK(slug.op == CompareOp::greater_equal);
  CHECK(slug.spec == nullptr);
  Condition year = condition("year<2023");
  CHECK(year.field == "year");
  CHECK(year.spec == nullptr);
}

TEST_CASE("filter: filterable fields are slug year and the schema's fields", "[filter]") {
  std::vector<std::string> fields = hros::filterable_fields(hros::default_schema());
  REQUIRE(fields.size() == hros::default_schema().fields.size() + 2);
  CHECK(fields[0] == "slug");
  CHECK(fields[1] == "year");
  CHECK(fields[2] == "title");
  CHECK(std::find(fields.begin(), fields.end(), "company_size") != fields.end());
}

TEST_CASE("filter: malformed conditions are refused", "[filter]") {
  const std::string tail = "' is not a condition; write FIELD=VALUE, with = != < <= > or >=";
  CHECK(error_of("industry") == "'industry" + tail);
  CHECK(error_of("=retail") == "'=retail" + tail);
  CHECK(error_of("") == "'" + tail);
  CHECK(error_of("industry~retail") == "'industry~retail" + tail);
  CHECK(error_of("industry =retail") == "'industry =retail" + tail);
}

TEST_CASE("filter: an unknown field suggests a close one", "[filter]") {
  CHECK(error_of("industri=retail") == "unknown field 'industri'; did you mean 'industry'?");
  CHECK(error_of("compnay_size>=1-10") ==
        "unknown field 'compnay_size'; did you mean 'company_size'?");
  CHECK(error_of("yeer=2022") == "unknown field 'yeer'; did you mean 'year'?");
  CHECK(error_of("colour=red") == "unknown field 'colour'");
}

TEST_CASE("filter: an enum value must be one of the schema's values", "[filter]") {
  CHECK(error_of("industry=retial") == "'retial' is not a value of 'industry'; did you mean "
                                       "'retail'?");
  CHECK(error_of("industry=xyzzy") == "'xyzzy' is not a value of 'industry'; 'hros schema "
                                      "--format markdown' lists the values");
  CHECK(error_of("company_size>=201-100") ==
        "'201-100' is not a value of 'company_size'; did you mean '201-1000'?");
  // List fields check their items' values.
  CHECK(error_of("topics=onbording") ==
        "'onbording' is not a value of 'topics'; did you mean 'onboarding'?");
  CHECK(error_of("regions=us") == "'us' is not a value of 'regions'; did you mean 'US'?");
}

TEST_CASE("filter: ordering needs a field with an order", "[filter]") {
  CHECK(error_of("industry<retail") == "'industry' has no order; use = or !=");
  CHECK(error_of("status>=draft") == "'status' has no order; use = or !=");
  CHECK(error_of("topics>onboarding") == "'topics' has no order; use = or !=");
  CHECK(error_of("example<true") == "'example' has no order; use = or !=");
  CHECK(error_of("industry!=retail").empty());
  CHECK(error_of("company_size<1-10").empty());
  CHECK(error_of("title>m").empty());
}

TEST_CASE("filter: dates years booleans numbers and objects check their values", "[filter]") {
  const std::string date = "'published' compares with a date like 2024, 2024-03 or 2024-03-18, ";
  CHECK(error_of("published>=2022-3") == date + "not '2022-3'");
  CHECK(error_of("published=March") == date + "not 'March'");
  CHECK(error_of("published=20220318") == date + "not '20220318'");
  CHECK(error_of("published=2022-03-18T10") == date + "not '2022-03-18T10'");
  CHECK(error_of("updated<2024-01-01").empty());
  CHECK(error_of("year=22") == "'year' compares with a year like 2024, not '22'");
  CHECK(error_of("year=2022-03") == "'year' compares with a year like 2024, not '2022-03'");
  CHECK(error_of("example=yes") == "'example' is true or false, not 'yes'");
  CHECK(error_of("authors=Jane") == "'authors' is a set of fields and cannot be compared");
  CHECK(error_of("headcount>many", numbers_schema()) ==
        "'headcount' compares with a number, not 'many'");
  CHECK(error_of("score<=2.5", numbers_schema()).empty());
}

TEST_CASE("filter: a date must be a real calendar date", "[filter]") {
  // Shaped like a date but no month 13 or February 30th exists: a usage
  // error, not a condition that silently matches nothing.
  const std::string date = "'published' compares with a date like 2024, 2024-03 or 2024-03-18, ";
  CHECK(error_of("published>=2022-13") == date + "not '2022-13'");
  CHECK(error_of("published=2022-02-30") == date + "not '2022-02-30'");
  CHECK(error_of("published<2022-00-10") == date + "not '2022-00-10'");
  CHECK(error_of("published=2024-02-29").empty());
}

TEST_CASE("filter: an ordered enum compares by its order", "[filter]") {
  const std::string yaml = "company_size: 201-1000\n";
  CHECK(holds(yaml, "company_size=201-1000"));
  CHECK_FALSE(holds(yaml, "company_size=51-200"));
  CHECK(holds(yaml, "company_size!=51-200"));
  CHECK_FALSE(holds(yaml, "company_size!=201-1000"));
  // "201-1000" sorts before "51-200" as text; by the schema's order it is after.
  CHECK(holds(yaml, "company_size>51-200"));
  CHECK(holds(yaml, "company_size>=51-200"));
  CHECK(holds(yaml, "company_size>=201-1000"));
  CHECK_FALSE(holds(yaml, "company_size>201-1000"));
  CHECK(holds(yaml, "company_size<10001+"));
  CHECK(holds(yaml, "company_size<=201-1000"));
  CHECK_FALSE(holds(yaml, "company_size<201-1000"));
  CHECK_FALSE(holds(yaml, "company_size<=51-200"));
}

TEST_CASE("filter: a value outside an ordered enum meets no order comparison", "[filter]") {
  // Unvalidated front matter (list does not lint) may hold a size that is not
  // in the schema; it is neither bigger nor smaller than any real size.
  const std::string yaml = "company_size: 5000\n";
  CHECK_FALSE(holds(yaml, "company_size>10001+"));
  CHECK_FALSE(holds(yaml, "company_size>=1-10"));
  CHECK_FALSE(holds(yaml, "company_size<1-10"));
  CHECK_FALSE(holds(yaml, "company_size=1-10"));
  CHECK(holds(yaml, "company_size!=1-10"));
}

TEST_CASE("filter: dates compare at the precision of the value", "[filter]") {
  const std::string yaml = "published: 2022-03-18\n";
  CHECK(holds(yaml, "published=2022"));
  CHECK(holds(yaml, "published=2022-03"));
  CHECK(holds(yaml, "published=2022-03-18"));
  CHECK_FALSE(holds(yaml, "published=2022-03-17"));
  CHECK_FALSE(holds(yaml, "published=2022-04"));
  CHECK_FALSE(holds(yaml, "published=2021"));
  CHECK(holds(yaml, "published!=2021"));
  CHECK_FALSE(holds(yaml, "published!=2022-03"));
  // The whole year or month counts as one point in time.
  CHECK_FALSE(holds(yaml, "published>2022"));
  CHECK(holds(yaml, "published>=2022"));
  CHECK(holds(yaml, "published<=2022-03"));
  CHECK_FALSE(holds(yaml, "published<2022-03"));
  CHECK(holds(yaml, "published<2022-04"));
  CHECK(holds(yaml, "published>2022-02"));
  CHECK(holds(yaml, "published>2022-03-17"));
  CHECK_FALSE(holds(yaml, "published>2022-03-18"));
  CHECK(holds(yaml, "published<2023-01-01"));
  // Quoted dates are dates too.
  CHECK(holds("published: \"2022-11-30\"\n", "published>2022-03"));
}

TEST_CASE("filter: a list meets = when any item does and != when none does", "[filter]") {
  const std::string yaml = "topics: [onboarding, retention]\nregions: [NO, SE]\n";
  CHECK(holds(yaml, "topics=onboarding"));
  CHECK(holds(yaml, "topics=retention"));
  CHECK_FALSE(holds(yaml, "topics=culture"));
  CHECK(holds(yaml, "topics!=culture"));
  CHECK_FALSE(holds(yaml, "topics!=retention"));
  // NO is Norway (YAML 1.2), not false.
  CHECK(holds(yaml, "regions=NO"));
  CHECK_FALSE(holds(yaml, "regions!=SE"));
  CHECK(holds("topics: []\n", "topics!=culture"));
  CHECK_FALSE(holds("topics: []\n", "topics=culture"));
  // A single value where a list belongs still compares.
  CHECK(holds("topics: onboarding\n", "topics=onboarding"));
}

TEST_CASE("filter: a list of an ordered enum meets an order when any item does", "[filter]") {
  const hros::Schema& schema = numbers_schema();
  const std::string yaml = "levels: [junior, senior]\n";
  CHECK(holds(yaml, "levels>=senior", schema));
  CHECK(holds(yaml, "levels<mid", schema));
  CHECK_FALSE(holds(yaml, "levels=mid", schema));
  CHECK(holds(yaml, "levels!=mid", schema));
  CHECK_FALSE(holds("levels: [mid]\n", "levels>mid", schema));
}

TEST_CASE("filter: numbers compare as numbers", "[filter]") {
  const hros::Schema& schema = numbers_schema();
  // "9" sorts after "10" as text.
  CHECK(holds("headcount: 9\n", "headcount<10", schema));
  CHECK_FALSE(holds("headcount: 9\n", "headcount>10", schema));
  CHECK(holds("headcount: 10\n", "headcount=10.0", schema));
  CHECK(holds("headcount: 10\n", "headcount>=10", schema));
  CHECK(holds("headcount: 10\n", "headcount<=10", schema));
  CHECK(holds("headcount: 10\n", "headcount!=11", schema));
  CHECK(holds("score: 2.5\n", "score>2", schema));
  CHECK(holds("score: -1\n", "score<0", schema));
  CHECK(holds("score: 1e3\n", "score=1000", schema));
}

TEST_CASE("filter: a value that is not a number meets no number comparison", "[filter]") {
  const hros::Schema& schema = numbers_schema();
  CHECK_FALSE(holds("headcount: many\n", "headcount>10", schema));
  CHECK_FALSE(holds("headcount: many\n", "headcount<10", schema));
  CHECK_FALSE(holds("headcount: many\n", "headcount=10", schema));
  CHECK(holds("headcount: many\n", "headcount!=10", schema));
}

TEST_CASE("filter: text compares without regard to case", "[filter]") {
  const std::string yaml = "title: A Buddy for every new Nurse\norganization: Example Apps\n";
  CHECK(holds(yaml, "title=a buddy for EVERY new nurse"));
  CHECK_FALSE(holds(yaml, "title=a buddy"));
  CHECK(holds(yaml, "title!=a buddy"));
  CHECK_FALSE(holds(yaml, "title!=A BUDDY FOR EVERY NEW NURSE"));
  CHECK(holds(yaml, "title<b"));
  CHECK(holds(yaml, "title>=A"));
  CHECK(holds(yaml, "organization=example apps"));
  CHECK(holds("tools: [Greenhouse, Notion]\n", "tools=notion"));
  CHECK(holds("example: true\n", "example=true"));
  CHECK(holds("example: false\n", "example!=true"));
}

TEST_CASE("filter: a missing or empty field meets only !=", "[filter]") {
  const std::string yaml = "title: No date here\nlicense:\n";
  for (const char* text :
       {"published=2022", "published<2022", "published>2022", "published<=2030", "license=CC0-1.0",
        "topics=onboarding", "company_size>=1-10", "year=2022", "year<2030"}) {
    INFO(text);
    CHECK_FALSE(holds(yaml, text));
  }
  CHECK(holds(yaml, "published!=2022"));
  CHECK(holds(yaml, "license!=CC0-1.0"));
  CHECK(holds(yaml, "topics!=onboarding"));
  CHECK(holds(yaml, "year!=2022"));
}

TEST_CASE("filter: slug comes from the record and year from published", "[filter]") {
  const std::string yaml = "published: 2022-11-30\n";
  CHECK(holds(yaml, "slug=four-day-week", hros::default_schema(), "four-day-week"));
  CHECK(holds(yaml, "slug=FOUR-day-week", hros::default_schema(), "four-day-week"));
  CHECK_FALSE(holds(yaml, "slug!=four-day-week", hros::default_schema(), "four-day-week"));
  CHECK(holds(yaml, "slug<g", hros::default_schema(), "four-day-week"));
  CHECK_FALSE(holds(yaml, "slug>=g", hros::default_schema(), "four-day-week"));
  CHECK(holds(yaml, "year=2022"));
  CHECK(holds(yaml, "year!=2021"));
  CHECK(holds(yaml, "year>2021"));
  CHECK(holds(yaml, "year>=2022"));
  CHECK_FALSE(holds(yaml, "year>2022"));
  CHECK(holds(yaml, "year<2023"));
  CHECK(holds(yaml, "year<=2022"));
  CHECK_FALSE(holds(yaml, "year<2022"));
  // A slug field in the front matter does not replace the file's slug.
  CHECK(holds("slug: other\n", "slug=from-file", hros::default_schema(), "from-file"));
}

TEST_CASE("filter: all conditions must hold", "[filter]") {
  hros::YamlNode node = front("industry: retail\ncompany_size: 51-200\ntopics: [offboarding]\n");
  std::vector<Condition> conditions = {condition("industry=retail"),
                                       condition("company_size<201-1000")};
  CHECK(hros::matches_all(node, "a", conditions));
  conditions.push_back(condition("topics=retention"));
  CHECK_FALSE(hros::matches_all(node, "a", conditions));
  CHECK(hros::matches_all(node, "a", {}));
}
