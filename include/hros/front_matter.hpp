#pragma once

#include <optional>
#include <string_view>

#include "hros/diagnostic.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// A case file cut in two: the YAML between the `---` lines and the Markdown after.
struct FrontMatterSplit {
  std::string_view yaml; // empty if there is none
  Position yaml_start;   // where `yaml` starts in the file
  std::string_view body;
  int body_line = 1;                 // the file line `body` starts on
  std::optional<Diagnostic> problem; // no opening or no closing `---`
};

// Splits LF-normalised text. The front matter opens with `---` on line 1 and
// closes with the next `---` (or `...`) line; trailing spaces are allowed.
FrontMatterSplit split_front_matter(std::string_view text);

} // namespace hros
