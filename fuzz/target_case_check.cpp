// Any bytes as a case file, checked as `hros lint` checks it against the
// built-in schema. Diagnostics must be located in the file and bounded in
// number; the `--fix` edits must keep the file readable and, applied again,
// find nothing more to fix in what they fixed.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "hros/case_check.hpp"
#include "hros/fix.hpp"
#include "hros/schema_load.hpp"
#include "hros/source.hpp"

#include <fmt/format.h>

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

} // namespace

int case_check(const std::uint8_t* data, std::size_t size) {
  CheckOptions options;
  options.schema = &default_schema();
  const std::filesystem::path file = "cases/fuzz-case.md";
  std::string raw(as_text(data, size));
  CaseCheck check = check_case_text(file, raw, options);
  require(check.diagnostics.size() <= 101, "more than 100 problems reported for one file");
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
