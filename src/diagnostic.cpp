#include "hros/diagnostic.hpp"

#include <algorithm>
#include <string_view>
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

void set_source_line(Diagnostic& diagnostic, std::string_view line) {
  constexpr std::size_t k_max = 160;
  constexpr std::size_t k_before = 60;
  if (line.size() <= k_max) {
    diagnostic.source_line = std::string(line);
    diagnostic.source_offset = 0;
    return;
  }
  auto is_continuation = [&](std::size_t i) {
    return i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
  };
  std::size_t column = diagnostic.column > 0 ? static_cast<std::size_t>(diagnostic.column - 1) : 0;
  std::size_t start = column > k_before ? column - k_before : 0;
  while (start > 0 && is_continuation(start)) {
    --start;
  }
  std::size_t end = std::min(line.size(), start + k_max);
  while (end < line.size() && is_continuation(end)) {
    ++end;
  }
  std::string window = start > 0 ? "..." : "";
  window.append(line.substr(start, end - start));
  if (end < line.size()) {
    window += "...";
  }
  diagnostic.source_line = std::move(window);
  diagnostic.source_offset = static_cast<int>(start) - (start > 0 ? 3 : 0);
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
