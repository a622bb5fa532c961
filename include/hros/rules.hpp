#pragma once

#include <string_view>
#include <vector>

namespace hros {

// A rule `hros lint` can report, for --help, SARIF and the README.
struct RuleInfo {
  std::string_view id;
  std::string_view summary;
};

// Every rule id, grouped by prefix.
const std::vector<RuleInfo>& lint_rules();

// The summary of `id`, or "" for an unknown id.
std::string_view rule_summary(std::string_view id);

} // namespace hros
