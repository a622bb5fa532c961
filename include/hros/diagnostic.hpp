#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hros {

enum class Severity { warning, error };

// A byte range of a file and what to put there; only fixes that cannot change
// the meaning of a case are ever offered (see `hros lint --fix`).
struct Fix {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string replacement;
  std::string description;
};

// One problem found in one file, located like a compiler does it.
// line and column are 1-based; 0 means "the whole file".
struct Diagnostic {
  std::string path;
  int line = 0;
  int column = 0;
  Severity severity = Severity::error;
  std::string message;
  std::string rule;
  std::string source_line; // the text of `line` (or a window of it), for the caret display
  int source_offset = 0;   // how many columns of the line `source_line` leaves out at its start
  std::optional<Fix> fix;
};

// Sets the diagnostic's source line from the whole line. A long line (one
// Markdown paragraph, a huge flow list) is cut to a window around the column,
// marked with "...", so a report stays readable and small.
void set_source_line(Diagnostic& diagnostic, std::string_view line);

// A diagnostic at a line and column, with no path yet.
Diagnostic make_diagnostic(int line, int column, Severity severity, std::string message,
                           std::string rule);

// "error" or "warning".
const char* severity_name(Severity severity);

// Orders diagnostics by file, line, column, then rule, for stable output.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

} // namespace hros
