#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "hros/case_check.hpp"
#include "hros/config.hpp"
#include "hros/diagnostic.hpp"
#include "hros/schema.hpp"

namespace hros {

struct LintOptions {
  unsigned threads = 0; // 0: one per core
};

struct LintResult {
  std::vector<Diagnostic> diagnostics; // sorted, severities as configured
  std::size_t files = 0;
  std::size_t files_with_errors = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool io_error = false;
};

// Checks every file (on all cores), then the bank as a whole: duplicate slugs
// and titles, and links to cases that do not exist. Rule settings from the
// configuration are applied last, so `off` and severity changes hold for all.
LintResult lint_files(const std::vector<std::filesystem::path>& files, const Schema& schema,
                      const Config& config, const LintOptions& options = {});

// Runs `work(i)` for i in [0, count) on `threads` threads (0: one per core).
void parallel_for(std::size_t count, unsigned threads,
                  const std::function<void(std::size_t)>& work);

} // namespace hros
