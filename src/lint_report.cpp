#include "hros/lint_report.hpp"

#include "hros/json_writer.hpp"
#include "hros/printable.hpp"
#include "hros/rules.hpp"
#include "hros/terminal_text.hpp"
#include "hros/version.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace hros {
namespace {

const char* k_bold = "\x1b[1m";
const char* k_red = "\x1b[1;31m";
const char* k_yellow = "\x1b[1;35m";
const char* k_green = "\x1b[1;32m";
const char* k_reset = "\x1b[0m";

std::string plural(std::size_t count, const char* word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

// The caret line under a source line (as printed, control characters
// written out); tabs are kept and wide characters take two columns, so the
// caret lines up.
std::string caret_line(const std::string& source, int column) {
  std::string before = printable(
      std::string_view(source).substr(0, column > 1 ? static_cast<std::size_t>(column - 1) : 0));
  std::string pad;
  for (std::size_t i = 0; i < before.size();) {
    CodePoint point = decode_utf8(before, i);
    pad += point.value == '\t'
               ? std::string(1, '\t')
               : std::string(static_cast<std::size_t>(code_point_width(point.value)), ' ');
    i += point.length;
  }
  return pad + "^";
}

std::string location(const Diagnostic& diagnostic) {
  if (diagnostic.line <= 0) {
    return printable(diagnostic.path);
  }
  return fmt::format("{}:{}:{}", printable(diagnostic.path), diagnostic.line, diagnostic.column);
}

std::string render_text(const LintResult& result, const ReportStyle& style) {
  std::string out = render_diagnostics(result.diagnostics, style.color);
  if (!style.quiet) {
    out += lint_summary(result) + "\n";
  }
  return out;
}

std::string render_json(const LintResult& result) {
  std::string out = fmt::format("{{\"files\":{},\"errors\":{},\"warnings\":{},\"diagnostics\":[",
                                result.files, result.errors, result.warnings);
  bool first = true;
  for (const Diagnostic& d : result.diagnostics) {
    out += first ? "\n  " : ",\n  ";
    first = false;
    out += fmt::format(
        "{{\"path\":{},\"line\":{},\"column\":{},\"severity\":\"{}\",\"rule\":{},\"message\":{}",
        json_string(d.path), d.line, d.column, severity_name(d.severity), json_string(d.rule),
        json_string(d.message));
    if (d.fix) {
      out += fmt::format(",\"fix\":{}", json_string(d.fix->description));
    }
    out += "}";
  }
  out += first ? "]}\n" : "\n]}\n";
  return out;
}

// GitHub workflow commands need %, CR, LF escaped, and in properties : and , too;
// other control characters are written out.
std::string github_escape(const std::string& text, bool property) {
  std::string out;
  for (char c : printable(text)) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string render_github(const LintResult& result, const ReportStyle& style) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) {
    out += fmt::format("::{} file={}", d.severity == Severity::error ? "error" : "warning",
                       github_escape(d.path, true));
    if (d.line > 0) {
      out += fmt::format(",line={},col={}", d.line, d.column);
    }
    out += fmt::format(",title={}::{}\n", github_escape("hros " + d.rule, true),
                       github_escape(d.message, false));
  }
  if (!style.quiet) {
    out += lint_summary(result) + "\n";
  }
  return out;
}

// SARIF wants URIs: relative paths with '/' and percent-encoded specials.
std::string artifact_uri(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string render_sarif(const LintResult& result) {
  std::map<std::string, std::size_t> rule_index;
  std::string rules;
  for (const RuleInfo& rule : lint_rules()) {
    rule_index[std::string(rule.id)] = rule_index.size();
    rules += fmt::format("{}{{\"id\":{},\"shortDescription\":{{\"text\":{}}}}}",
                         rules.empty() ? "" : ",", json_string(rule.id), json_string(rule.summary));
  }
  std::string results;
  for (const Diagnostic& d : result.diagnostics) {
    std::string region = d.line > 0
                             ? fmt::format(",\"region\":{{\"startLine\":{},\"startColumn\":{}}}",
                                           d.line, std::max(d.column, 1))
                             : "";
    auto index = rule_index.find(d.rule);
    results += fmt::format(
        "{}{{\"ruleId\":{},{}\"level\":\"{}\",\"message\":{{\"text\":{}}},\"locations\":[{{"
        "\"physicalLocation\":"
        "{{\"artifactLocation\":{{\"uri\":{}}}{}}}}}]}}",
        results.empty() ? "" : ",", json_string(d.rule),
        index == rule_index.end() ? "" : fmt::format("\"ruleIndex\":{},", index->second),
        d.severity == Severity::error ? "error" : "warning", json_string(d.message),
        json_string(artifact_uri(d.path)), region);
  }
  return fmt::format(
      "{{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
      "\"runs\":[{{\"tool\":{{\"driver\":{{\"name\":\"hros\",\"version\":{},\"rules\":[{}]}}}},"
      "\"results\":[{}]}}]}}\n",
      json_string(version()), rules, results);
}

std::string render_junit(const LintResult& result, const std::vector<std::string>& files) {
  std::map<std::string, std::vector<const Diagnostic*>> by_file;
  for (const Diagnostic& d : result.diagnostics) {
    by_file[d.path].push_back(&d);
  }
  std::set<std::string> all(files.begin(), files.end());
  for (const auto& entry : by_file) {
    all.insert(entry.first);
  }
  std::string cases;
  std::size_t failures = 0;
  for (const std::string& file : all) {
    cases += fmt::format("    <testcase classname=\"hros.lint\" name=\"{}\">\n", xml_escape(file));
    std::string warnings;
    bool failed = false;
    for (const Diagnostic* d : by_file[file]) {
      std::string line = fmt::format("{}: {}: {} [{}]", location(*d), severity_name(d->severity),
                                     d->message, d->rule);
      if (d->severity == Severity::error) {
        failed = true;
        cases += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                             xml_escape(d->rule), xml_escape(d->message), xml_escape(line));
      } else {
        warnings += line + "\n";
      }
    }
    if (!warnings.empty()) {
      cases += fmt::format("      <system-out>{}</system-out>\n", xml_escape(warnings));
    }
    cases += "    </testcase>\n";
    failures += failed ? 1 : 0; // JUnit counts failed test cases, not failure elements
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"hros lint\" "
      "tests=\"{}\" failures=\"{}\" errors=\"0\">\n{}  </testsuite>\n</testsuites>\n",
      all.size(), failures, cases);
}

} // namespace

std::string render_diagnostics(const std::vector<Diagnostic>& diagnostics, bool color) {
  std::string out;
  auto paint = [&](const char* code, const std::string& text) {
    return color ? code + text + k_reset : text;
  };
  for (const Diagnostic& diagnostic : diagnostics) {
    bool error = diagnostic.severity == Severity::error;
    out += fmt::format("{}: {}: {} [{}]\n", paint(k_bold, location(diagnostic)),
                       paint(error ? k_red : k_yellow, severity_name(diagnostic.severity)),
                       printable(diagnostic.message), diagnostic.rule);
    if (diagnostic.line > 0 && !diagnostic.source_line.empty()) {
      std::string gutter = fmt::format("{:>5}", diagnostic.line);
      out += fmt::format("{} | {}\n", gutter, printable(diagnostic.source_line));
      out += fmt::format("{} | {}\n", std::string(gutter.size(), ' '),
                         paint(k_green, caret_line(diagnostic.source_line,
                                                   diagnostic.column - diagnostic.source_offset)));
    }
  }
  return out;
}

bool parse_lint_format(const std::string& name, LintFormat& format) {
  static const std::map<std::string, LintFormat> k_formats = {{"text", LintFormat::text},
                                                              {"json", LintFormat::json},
                                                              {"github", LintFormat::github},
                                                              {"sarif", LintFormat::sarif},
                                                              {"junit", LintFormat::junit}};
  auto found = k_formats.find(name);
  if (found == k_formats.end()) {
    return false;
  }
  format = found->second;
  return true;
}

std::string lint_summary(const LintResult& result) {
  if (result.errors == 0 && result.warnings == 0) {
    return fmt::format("{} checked, no problems found", plural(result.files, "file"));
  }
  return fmt::format("{} and {} in {} checked ({} with errors)", plural(result.errors, "error"),
                     plural(result.warnings, "warning"), plural(result.files, "file"),
                     result.files_with_errors);
}

std::string render_lint(const LintResult& result, const std::vector<std::string>& files,
                        LintFormat format, const ReportStyle& style) {
  switch (format) {
  case LintFormat::text:
    return render_text(result, style);
  case LintFormat::json:
    return render_json(result);
  case LintFormat::github:
    return render_github(result, style);
  case LintFormat::sarif:
    return render_sarif(result);
  case LintFormat::junit:
    return render_junit(result, files);
  }
  return {};
}

} // namespace hros
