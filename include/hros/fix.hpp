#pragma once

#include <string>
#include <vector>

#include "hros/diagnostic.hpp"

namespace hros {

struct FixOutcome {
  std::string path;
  std::vector<std::string> applied; // fix descriptions, in file order
  std::string error;                // set when the file could not be rewritten
};

// Applies the fixes attached to `diagnostics`, file by file. Each file is
// re-read and must still be the text the fixes were computed on; it is then
// written atomically with its BOM and line endings as they were.
std::vector<FixOutcome> apply_fixes(const std::vector<Diagnostic>& diagnostics);

} // namespace hros
