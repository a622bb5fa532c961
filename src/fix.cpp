#include "hros/fix.hpp"

#include "hros/file_io.hpp"
#include "hros/source.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace hros {

FixedText apply_fixes_to_text(std::string raw, const SourceText& source,
                              std::vector<const Fix*> fixes) {
  // Fixes are located in the LF-normalised text; they are applied to the
  // original bytes, so every line ending and the BOM stay as they were.
  // Apply from the end so earlier offsets stay valid; skip overlapping fixes.
  std::sort(fixes.begin(), fixes.end(),
            [](const Fix* a, const Fix* b) { return a->offset > b->offset; });
  fixes.erase(std::unique(fixes.begin(), fixes.end(),
                          [](const Fix* a, const Fix* b) {
                            return a->offset == b->offset && a->length == b->length &&
                                   a->replacement == b->replacement;
                          }),
              fixes.end());
  std::size_t limit = source.text.size() + 1;
  FixedText fixed;
  for (const Fix* fix : fixes) {
    if (fix->offset + fix->length > source.text.size() || fix->offset + fix->length > limit) {
      continue;
    }
    std::size_t begin = source.raw_offset(fix->offset);
    std::size_t end = source.raw_offset(fix->offset + fix->length);
    std::string replacement = fix->replacement == "\n" ? source.newline() : fix->replacement;
    raw.replace(begin, end - begin, replacement);
    limit = fix->offset;
    fixed.applied.push_back(fix->description);
  }
  std::reverse(fixed.applied.begin(), fixed.applied.end());
  fixed.text = std::move(raw);
  return fixed;
}

namespace {

FixOutcome fix_file(const std::string& path, std::vector<const Fix*> fixes) {
  FixOutcome outcome;
  outcome.path = path;
  ReadResult read = read_file(path);
  if (!read.ok) {
    outcome.error = read.error;
    return outcome;
  }
  std::string raw = read.text;
  SourceCheck prepared = prepare_source(std::move(read.text));
  if (prepared.problem) {
    outcome.error = "cannot fix " + path + ": it changed while it was being checked";
    return outcome;
  }
  FixedText fixed = apply_fixes_to_text(std::move(raw), prepared.source, std::move(fixes));
  // Rename over the file a symlink points to, not over the link itself.
  std::error_code error;
  std::filesystem::path target = std::filesystem::canonical(path, error);
  WriteResult written = write_file_atomic(error ? std::filesystem::path(path) : target, fixed.text);
  if (!written.ok) {
    outcome.error = written.error;
    return outcome;
  }
  outcome.applied = std::move(fixed.applied);
  return outcome;
}

} // namespace

std::vector<FixOutcome> apply_fixes(const std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::vector<const Fix*>> by_file;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.fix) {
      by_file[diagnostic.path].push_back(&*diagnostic.fix);
    }
  }
  std::vector<FixOutcome> outcomes;
  for (auto& [path, fixes] : by_file) {
    outcomes.push_back(fix_file(path, std::move(fixes)));
  }
  return outcomes;
}

} // namespace hros
