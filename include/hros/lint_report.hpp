#pragma once

#include <string>
#include <vector>

#include "hros/lint.hpp"

namespace hros {

enum class LintFormat { text, json, github, sarif, junit };

// Parses a --format value; false if unknown.
bool parse_lint_format(const std::string& name, LintFormat& format);

struct ReportStyle {
  bool color = false;
  bool quiet = false; // no summary line
};

// Renders a lint result. Printers only format; `files` lists every file
// checked, which JUnit reports as passing test cases.
std::string render_lint(const LintResult& result, const std::vector<std::string>& files,
                        LintFormat format, const ReportStyle& style);

// Diagnostics as a compiler prints them: location, severity, message and
// rule, then the source line with a caret under the column.
std::string render_diagnostics(const std::vector<Diagnostic>& diagnostics, bool color);

// "3 errors and 1 warning in 2 of 14 files" or "14 files checked, no problems".
std::string lint_summary(const LintResult& result);

} // namespace hros
