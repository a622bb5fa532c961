// The files of a new bank. They are text with few variables, so they are
// written out here in full; the tests run `hros lint --strict` on the result.
#include "hros/bank_init.hpp"

#include "hros/schema_export.hpp"

#include <fmt/format.h>

namespace hros {
namespace {

const char* const k_config = R"(# hros configuration: see 'man hros' or 'hros --help'.
cases: cases                          # the case files
schema: schema/hros.yaml              # this bank's schema; edit it to fit the bank
json_schema: schema/hros.schema.json  # for editors; 'hros new' points new cases at it
# rules:                              # per rule id or prefix: off, warning or error
#   content.promotional: error
# ignore:                             # globs relative to the cases directory
#   - drafts/*
)";

const char* const k_example_slug = "example-exit-interviews-by-a-peer";

const char* const k_example_body = R"(
## What

Exit interviews at Example Harbour Hotels were run by the departing person's own
manager, who was often the reason for leaving. For one year we asked a trained peer
from another hotel to run them instead, by phone, within a week of the resignation,
with six open questions and a written summary agreed with the leaver.

## Results

Interviews held rose from 35% to 78% of leavers, and the summaries named concrete
causes (rota changes at short notice, no path from housekeeping to reception) that
the old forms never recorded. Two of those causes were fixed within the year, and
voluntary turnover in the first year of employment fell from 41% to 33%.

## What didn't work

Peers from small hotels found it hard to make time, so a few interviewers did most
of the calls and grew tired of it. Sharing summaries with managers before the
leaver had agreed to the wording cost us trust early on.

## Learnings

Ask the leaver to approve the summary before anyone else reads it, train at least
two interviewers per region, and report causes across hotels rather than per
manager, so that the interviews lead to changes instead of blame.
)";

std::string example_case() {
  return fmt::format(R"(---
{}
title: Exit interviews run by a peer instead of the manager
kind: spark
organization: Example Harbour Hotels
example: true
industry: hospitality
company_size: 201-1000
regions: [GB]
topics: [offboarding, retention]
authors:
  - name: Sam Example
    role: People Partner
published: 2024-01-15
status: published
license: CC-BY-4.0
summary: >-
  A fictional example of a spark: a hotel group had exit interviews run by a trained
  peer from another hotel rather than the leaver's manager, and learned why people
  left in their first year.
metrics:
  - name: Leavers who had an exit interview
    before: 35
    after: 78
    unit: "%"
    period: 12 months
---
{})",
                     schema_modeline("../schema/hros.schema.json"), k_example_body);
}

const char* const k_workflow =
    R"(# Checks every case on pull requests and pushes, with annotations on the
# changed lines. It installs hros from the .deb that 'cpack -G DEB' builds:
# set the repository variable HROS_DEB_URL to where the bank keeps it.
name: hros

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Install hros
        env:
          HROS_DEB_URL: ${{ vars.HROS_DEB_URL }}
        run: |
          if [ -z "$HROS_DEB_URL" ]; then
            echo "::error::set the repository variable HROS_DEB_URL to the address of the hros .deb"
            exit 1
          fi
          curl -fsSL -o "$RUNNER_TEMP/hros.deb" "$HROS_DEB_URL"
          sudo apt-get update -qq
          sudo apt-get install -y "$RUNNER_TEMP/hros.deb"
      - name: Check the cases
        run: hros lint --format github
      - name: Check that the JSON Schema for editors matches the schema
        run: |
          hros schema --format json-schema | diff -u schema/hros.schema.json - ||
            { echo "::error file=schema/hros.schema.json::out of date; run: hros schema --format json-schema > schema/hros.schema.json"; exit 1; }
)";

const char* const k_pre_commit =
    R"(# A pre-commit hook (https://pre-commit.com) that checks the cases a commit
# changes. Use it from this bank's .pre-commit-config.yaml:
#   repos:
#     - repo: local
#       hooks:
#         - id: hros-lint
#           name: hros lint
#           entry: hros lint
#           language: system
#           files: ^cases/.*\.md$
- id: hros-lint
  name: hros lint
  description: Check case studies against the bank's schema.
  entry: hros lint
  language: system
  files: ^cases/.*\.md$
)";

// The schema's Markdown reference one heading level down, under ours.
std::string demoted(const std::string& markdown) {
  std::string out;
  std::size_t begin = 0;
  while (begin < markdown.size()) {
    std::size_t end = markdown.find('\n', begin);
    end = end == std::string::npos ? markdown.size() : end + 1;
    std::string line = markdown.substr(begin, end - begin);
    out += (line.rfind('#', 0) == 0 ? "#" : "") + line;
    begin = end;
  }
  return out;
}

} // namespace

std::string schema_modeline(const std::string& json_schema) {
  return "# yaml-language-server: $schema=" + json_schema;
}

std::string contributing_guide(const Schema& schema) {
  std::string kinds;
  for (const KindSpec& kind : schema.kinds) {
    kinds += (kinds.empty() ? "" : ", ") + fmt::format("`{}`", kind.name);
  }
  std::string text = fmt::format(
      R"(# Contributing a case

Thank you for sharing what you tried. A case is one Markdown file in `cases/`:
YAML front matter between `---` lines, then the sections its kind asks for
(kinds: {}). Failures are as welcome as successes: what didn't work is often
what peers learn most from.

1. Run `hros new`: it asks for each field below, checks every answer, and writes
   `cases/<slug>.md` with the sections to fill in.
2. Write the sections: specific facts, numbers and examples a peer could learn
   from. Please describe fictional organisations with `example: true`, and do not
   name real people without their consent.
3. Check it with `hros lint cases/<slug>.md`, fix what it reports, and open a pull
   request. CI runs the same check and annotates the lines to fix.

Editors that use the YAML language server complete and check the front matter
as you type: new cases start with a `# yaml-language-server` line that points at
`schema/hros.schema.json`.

This guide is generated from the bank's schema by `hros init`; after changing
`schema/hros.yaml`, regenerate the reference below with
`hros schema --format markdown`.

)",
      kinds);
  return text + demoted(schema_to_markdown(schema));
}

std::vector<BankFile> bank_files(const Schema& schema) {
  return {
      {"hros.yaml", k_config},
      {"schema/hros.yaml", schema.source},
      {k_init_json_schema, schema_to_json_schema(schema)},
      {fmt::format("cases/{}.md", k_example_slug), example_case()},
      {".github/workflows/hros.yml", k_workflow},
      {"CONTRIBUTING.md", contributing_guide(schema)},
      {".pre-commit-hooks.yaml", k_pre_commit},
  };
}

} // namespace hros
