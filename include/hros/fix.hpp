#pragma once

#include <string>
#include <vector>

#include "hros/diagnostic.hpp"
#include "hros/source.hpp"

namespace hros {

struct FixOutcome {
  std::string path;
  std::vector<std::string> applied; // fix descriptions, in file order
  std::string error;                // set when the file could not be rewritten
};

struct FixedText {
  std::string text;
  std::vector<std::string> applied; // fix descriptions, in file order
};

// Applies fixes located in `source` (the prepared text of `raw`) to the
// original bytes `raw`, so every line ending and the BOM stay as they were.
// Fixes that overlap a later one or fall outside the text are skipped.
FixedText apply_fixes_to_text(std::string raw, const SourceText& source,
                              std::vector<const Fix*> fixes);

// Applies the fixes attached to `diagnostics`, file by file. Each file is
// re-read and must still be the text the fixes were computed on; it is then
// written atomically with its BOM and line endings as they were.
std::vector<FixOutcome> apply_fixes(const std::vector<Diagnostic>& diagnostics);

} // namespace hros
