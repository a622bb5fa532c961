#pragma once

#include <functional>
#include <string>
#include <vector>

#include "hros/schema.hpp"
#include "hros/search_index.hpp"
#include "hros/yaml_tree.hpp"

namespace hros {

// A case like another, and what they have in common.
struct RelatedCase {
  SearchHit hit; // hit.score is the combined score, 0..1
  std::vector<std::string> shared_topics;
  std::vector<std::string> shared_regions;
  bool same_industry = false;
  bool similar_size = false; // the same company size or the next one either way
};

// The cases most like `target`: shared topics weigh most, then the words of
// its title, summary and topics (BM25 over the bank, so rare words count
// more than common ones), then the same industry and a similar size.
// `keep` (optional) filters candidates by their front matter.
std::vector<RelatedCase>
find_related(SearchIndex& index, const IndexedCase& target, const Schema& schema, std::size_t limit,
             const std::function<bool(const IndexedCase&, const YamlNode&)>& keep = {});

// "shared topics: onboarding, retention; same industry: retail; similar size: 201-1000"
std::string describe_shared(const RelatedCase& related, const IndexedCase& candidate);

} // namespace hros
