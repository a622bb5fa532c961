#include "hros/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace hros {

Diagnostic make_diagnostic(int line, int column, Severity severity, std::string message,
                           std::string rule) {
  Diagnostic diagnostic;
  diagnostic.line = line;
  diagnostic.column = column;
  diagnostic.severity = severity;
  diagnostic.message = std::move(message);
  diagnostic.rule = std::move(rule);
  return diagnostic;
}

const char* severity_name(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.path, a.line, a.column, a.rule) <
                            std::tie(b.path, b.line, b.column, b.rule);
                   });
}

} // namespace hros
