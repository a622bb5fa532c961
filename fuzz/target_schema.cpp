// Any bytes as a bank's schema file (a pull request may change it too). When
// it loads, everything built on it must hold: the JSON Schema export is well
// formed, the Markdown reference renders, a case checks against it, and each
// field it declares can be named in a `--where` condition.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "hros/case_check.hpp"
#include "hros/filter.hpp"
#include "hros/schema_export.hpp"
#include "hros/schema_load.hpp"

namespace hros::fuzz {
namespace {

constexpr const char* k_case = R"(---
title: Structured interviews for every role
kind: spark
organization: Example Co
industry: retail
company_size: 51-200
regions: [NO, SE]
topics: [hiring]
published: 2024-03-18
authors:
  - name: Jane Doe
    role: Head of Talent
summary: We moved every interview to a scored rubric.
---

## What we did

We wrote a rubric. See [the guide](other-case.md).
)";

} // namespace

int schema(const std::uint8_t* data, std::size_t size) {
  SchemaLoad load = load_schema(as_text(data, size), "schema/hros.yaml");
  require_located(load.diagnostics, as_text(data, size));
  if (!load.ok) {
    return 0;
  }
  require_json(schema_to_json_schema(load.schema), "the JSON Schema export");
  schema_to_markdown(load.schema);
  CheckOptions options;
  options.schema = &load.schema;
  CaseCheck check = check_case_text("cases/structured-interviews.md", k_case, options);
  require(check.diagnostics.size() <= 101, "more than 100 problems reported for one file");
  for (const std::string& field : filterable_fields(load.schema)) {
    ConditionParse parsed = parse_condition(field + "!=x", load.schema);
    (void)parsed;
  }
  return 0;
}

} // namespace hros::fuzz
