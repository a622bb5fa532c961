// The fast YAML path against yaml-cpp: whenever the fast path accepts a
// document, the two trees (positions and styles included) and the diagnostics
// must be the same, since the fast path is only an accelerator.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "yaml_fast.hpp"

#include "hros/source.hpp"
#include "hros/yaml_load.hpp"

#include <fmt/format.h>

namespace hros::fuzz {
namespace {

struct NullHandler : YAML::EventHandler {
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

std::string describe(const YamlLoad& load) {
  std::string out = load.ok ? "ok " : "failed ";
  out += describe_tree(load.root);
  for (const Diagnostic& diagnostic : load.diagnostics) {
    out += fmt::format("\n{}:{}: {} [{}]", diagnostic.line, diagnostic.column, diagnostic.message,
                       diagnostic.rule);
  }
  return out;
}

} // namespace

int yaml_diff(const std::uint8_t* data, std::size_t size) {
  // The loader is handed what prepare_source makes of a file (UTF-8, LF) and
  // split_front_matter cuts from it: whole lines, so the text ends in a line
  // feed. (yaml-cpp marks an empty item at the very end of unterminated text
  // one column off, which hros never shows it.)
  SourceCheck prepared = prepare_source(std::string(as_text(data, size)));
  if (prepared.problem) {
    return 0;
  }
  std::string& text = prepared.source.text;
  if (!text.empty() && text.back() != '\n') {
    text += '\n';
  }
  NullHandler null_handler;
  if (!detail::parse_simple_yaml(text, null_handler)) {
    return 0;
  }
  Position origin{2, 1, 4};
  YamlLimits slow;
  slow.fast_path = false;
  std::string fast_tree = describe(load_yaml(text, origin));
  std::string slow_tree = describe(load_yaml(text, origin, slow));
  require(fast_tree == slow_tree, "the fast path and yaml-cpp disagree\nfast:    {}\nyaml-cpp: {}",
          fast_tree, slow_tree);
  return 0;
}

} // namespace hros::fuzz
