// Any bytes as a case file, up to its front matter's tree: encoding checks,
// the `---` split, and YAML loading both ways (the fast path with yaml-cpp as
// fallback, and yaml-cpp alone). Every position must be where it says it is.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "hros/front_matter.hpp"
#include "hros/source.hpp"
#include "hros/yaml_load.hpp"

#include <algorithm>

namespace hros::fuzz {
namespace {

bool within(std::string_view outer, std::string_view inner) {
  return inner.empty() || (inner.data() >= outer.data() &&
                           inner.data() + inner.size() <= outer.data() + outer.size());
}

} // namespace

int front_matter(const std::uint8_t* data, std::size_t size) {
  SourceCheck prepared = prepare_source(std::string(as_text(data, size)));
  if (prepared.problem) {
    require_located({*prepared.problem}, as_text(data, size));
    return 0;
  }
  std::string_view text = prepared.source.text;
  FrontMatterSplit split = split_front_matter(text);
  require(within(text, split.yaml) && within(text, split.body), "a split outside the text");
  if (split.problem) {
    return 0;
  }
  require(split.yaml_start.offset == static_cast<std::size_t>(split.yaml.data() - text.data()),
          "yaml_start is not where the YAML starts");
  if (!split.body.empty()) {
    auto body_at = static_cast<std::size_t>(split.body.data() - text.data());
    auto lines_before = std::count(text.begin(), text.begin() + static_cast<long>(body_at), '\n');
    require(split.body_line == lines_before + 1, "body_line is not the line the body starts on");
  }
  for (bool fast : {true, false}) {
    YamlLimits limits;
    limits.fast_path = fast;
    YamlLoad load = load_yaml(split.yaml, split.yaml_start, limits);
    require_located(load.diagnostics, text);
    if (load.ok) {
      require_positions(load.root, text);
    }
  }
  return 0;
}

} // namespace hros::fuzz
