// Any bytes as a case file, checked as `hros lint` checks it against the
// built-in schema. Diagnostics must be located in the file and bounded in
// number; the `--fix` edits must keep the file readable and, applied again,
// find nothing more to fix in what they fixed.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "hros/case_check.hpp"
#include "hros/fix.hpp"
#include "hros/lint.hpp"
#include "hros/lint_report.hpp"
#include "hros/schema_load.hpp"
#include "hros/source.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hros::fuzz {
namespace {

// The fixes of one check, as `hros lint --fix` applies them.
std::vector<const Fix*> fixes_of(const CaseCheck& check) {
  std::vector<const Fix*> fixes;
  for (const Diagnostic& diagnostic : check.diagnostics) {
    if (diagnostic.fix) {
      fixes.push_back(&*diagnostic.fix);
    }
  }
  return fixes;
}

// Every report format of `hros lint` on this file's diagnostics.
void require_reports(const CaseCheck& check) {
  LintResult result;
  result.diagnostics = check.diagnostics;
  sort_diagnostics(result.diagnostics);
  result.files = 1;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    (diagnostic.severity == Severity::error ? result.errors : result.warnings) += 1;
  }
  result.files_with_errors = result.errors > 0 ? 1 : 0;
  std::vector<std::string> files{check.facts.path};
  ReportStyle style;
  require_printable(render_lint(result, files, LintFormat::text, style), "hros lint");
  std::string github = render_lint(result, files, LintFormat::github, style);
  require_printable(github, "hros lint --format github");
  require(static_cast<std::size_t>(std::count(github.begin(), github.end(), '\n')) ==
              result.diagnostics.size() + 1,
          "a GitHub annotation spans more than one line:\n" + github);
  require_json(render_lint(result, files, LintFormat::json, style), "hros lint --format json");
  require_json(render_lint(result, files, LintFormat::sarif, style), "hros lint --format sarif");
  std::string junit = render_lint(result, files, LintFormat::junit, style);
  for (char c : junit) {
    auto byte = static_cast<unsigned char>(c);
    require(byte >= 0x20 || c == '\n' || c == '\t' || c == '\r',
            "hros lint --format junit holds a character XML forbids");
  }
}

} // namespace

int case_check(const std::uint8_t* data, std::size_t size) {
  CheckOptions options;
  options.schema = &default_schema();
  const std::filesystem::path file = "cases/fuzz-case.md";
  std::string raw(as_text(data, size));
  CaseCheck check = check_case_text(file, raw, options);
  require(check.diagnostics.size() <= 101, "more than 100 problems reported for one file");
  require_reports(check);
  SourceCheck prepared = prepare_source(raw);
  if (prepared.problem) {
    return 0;
  }
  require_located(check.diagnostics, prepared.source.text);
  std::vector<const Fix*> fixes = fixes_of(check);
  if (fixes.empty()) {
    return 0;
  }
  FixedText fixed = apply_fixes_to_text(raw, prepared.source, fixes);
  require(!fixed.applied.empty(), "no fix could be applied");
  SourceCheck reprepared = prepare_source(fixed.text);
  require(!reprepared.problem, "a fix made the file unreadable: " +
                                   (reprepared.problem ? reprepared.problem->message : ""));
  // Overlapping fixes wait for the next run, so give them a few rounds.
  std::string text = fixed.text;
  for (int round = 0; round < 8; ++round) {
    CaseCheck again = check_case_text(file, text, options);
    std::vector<const Fix*> more = fixes_of(again);
    if (more.empty()) {
      return 0;
    }
    SourceCheck source = prepare_source(text);
    require(!source.problem, "a fix made the file unreadable");
    text = apply_fixes_to_text(text, source.source, more).text;
  }
  require(false, "--fix keeps finding things to fix in what it fixed");
  return 0;
}

} // namespace hros::fuzz
