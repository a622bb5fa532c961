#include "hros/command_spec.hpp"
#include "hros/completion.hpp"
#include "hros/man_page.hpp"
#include "hros/schema_load.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

std::vector<std::string> values_of(const std::vector<hros::Candidate>& candidates) {
  std::vector<std::string> values;
  for (const hros::Candidate& candidate : candidates) {
    values.push_back(candidate.value);
  }
  return values;
}

} // namespace

TEST_CASE("completion: a condition offers fields, then the field's values", "[completion]") {
  const hros::Schema& schema = hros::default_schema();
  std::vector<std::string> fields = values_of(hros::complete_condition(schema, "ind"));
  CHECK(fields.front() == "slug=");
  CHECK(std::find(fields.begin(), fields.end(), "industry=") != fields.end());
  CHECK(values_of(hros::complete_condition(schema, "kind=")) ==
        std::vector<std::string>{"kind=case-study", "kind=spark"});
  CHECK(values_of(hros::complete_condition(schema, "company_size>=2")).size() == 7);
  CHECK(values_of(hros::complete_condition(schema, "example!=")) ==
        std::vector<std::string>{"example!=true", "example!=false"});
  CHECK(values_of(hros::complete_condition(schema, "regions=N")).size() > 200);
  CHECK(hros::complete_condition(schema, "title=").empty()); // free text
  CHECK(hros::complete_condition(schema, "nosuch=").empty());
}

TEST_CASE("completion: a field list completes after its last comma", "[completion]") {
  const hros::Schema& schema = hros::default_schema();
  std::vector<std::string> values = values_of(hros::complete_field_list(schema, "slug,ti"));
  CHECK(std::find(values.begin(), values.end(), "slug,title") != values.end());
  values = values_of(hros::complete_field_list(schema, "-pub"));
  CHECK(std::find(values.begin(), values.end(), "-published") != values.end());
}

TEST_CASE("completion: candidates print one a line with a tab before the description",
          "[completion]") {
  CHECK(hros::render_candidates({{"a", ""}, {"b", "the\tsecond"}}) == "a\nb\tthe\tsecond\n");
  CHECK(hros::shell_quote("it's") == "'it'\\''s'");
}

TEST_CASE("command spec: examples and prose split from a footer", "[completion]") {
  std::string footer = "Exit status: 0 ok.\n\nMore prose.\n\nExamples:\n  hros x     does x\n"
                       "  hros y \\\n    --long\n";
  CHECK(hros::footer_prose(footer) == "Exit status: 0 ok.\n\nMore prose.");
  CHECK(hros::footer_examples(footer) ==
        std::vector<std::string>{"hros x     does x", "hros y \\", "  --long"});
  CHECK(hros::footer_examples("no examples").empty());
}

TEST_CASE("man page: roff special characters are escaped", "[completion]") {
  hros::CommandSpec root;
  root.name = "hros";
  root.description = "hros: a tool.";
  hros::CommandSpec command;
  command.name = "do-it";
  command.description = "Does it";
  command.footer = ".starts with a dot\n\nExamples:\n  hros do-it 'a\\b'";
  hros::OptionSpec option;
  option.long_names = {"dry-run"};
  option.description = "Back\\slash";
  command.options.push_back(option);
  root.commands.push_back(command);
  std::string page = hros::man_page(root, {"1.2.3", "s", 1});
  CHECK(page.find(".TH HROS 1 \"\" \"hros 1.2.3\"") != std::string::npos);
  CHECK(page.find("hros \\- a tool\n") != std::string::npos);
  CHECK(page.find(".SS do\\-it\n") != std::string::npos);
  CHECK(page.find("\\fB\\-\\-dry\\-run\\fR") != std::string::npos);
  CHECK(page.find("Back\\eslash.") != std::string::npos);
  CHECK(page.find("\\&.starts with a dot") != std::string::npos);
  CHECK(page.find("hros do-it 'a\\eb'") != std::string::npos);
}
