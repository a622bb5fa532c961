#include "hros/related.hpp"

#include "hros/yaml_load.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace hros {
namespace {

// How much each kind of likeness weighs in the combined score.
constexpr double k_topic_weight = 0.50;
constexpr double k_text_weight = 0.20;
constexpr double k_industry_weight = 0.15;
constexpr double k_size_weight = 0.10;
constexpr double k_region_weight = 0.05;

// Cases ranked by text before the other likenesses are weighed.
constexpr std::size_t k_candidates = 300;

// The words to look for: long enough to mean something, each once.
std::string query_words(const std::string& text) {
  static const std::set<std::string> k_stop = {
      "the",  "and",   "for",  "with", "our",  "from", "that", "this", "was",   "were", "are",
      "but",  "not",   "you",  "your", "have", "has",  "had",  "into", "over",  "than", "then",
      "they", "their", "them", "what", "when", "who",  "how",  "why",  "all",   "any",  "each",
      "its",  "per",   "out",  "one",  "two",  "can",  "did",  "does", "about", "after"};
  std::set<std::string> seen;
  std::string words;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 3 && k_stop.count(word) == 0 && seen.insert(word).second &&
        seen.size() <= 40) {
      words += words.empty() ? "" : " ";
      words += word;
    }
    word.clear();
  };
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> list_items(const YamlNode& front, const char* key) {
  std::vector<std::string> items;
  const YamlNode* value = front.find(key);
  if (value == nullptr) {
    return items;
  }
  if (value->is_scalar()) {
    items.push_back(value->text);
  }
  for (const YamlNode& item : value->items) {
    if (item.is_scalar()) {
      items.push_back(item.text);
    }
  }
  return items;
}

std::string scalar(const YamlNode& front, const char* key) {
  const YamlNode* value = front.find(key);
  return value != nullptr && value->is_scalar() ? value->text : std::string();
}

std::vector<std::string> shared(const std::vector<std::string>& a,
                                const std::vector<std::string>& b) {
  std::vector<std::string> common;
  for (const std::string& item : a) {
    if (std::find(b.begin(), b.end(), item) != b.end() &&
        std::find(common.begin(), common.end(), item) == common.end()) {
      common.push_back(item);
    }
  }
  return common;
}

// Position of a value in an ordered enumeration, or -1.
long order_of(const Schema& schema, const char* field, const std::string& value) {
  const FieldSpec* spec = schema.find_field(field);
  if (spec == nullptr || !spec->ordered) {
    return -1;
  }
  auto it = std::find(spec->values.begin(), spec->values.end(), value);
  return it == spec->values.end() ? -1 : static_cast<long>(it - spec->values.begin());
}

YamlNode load_front(const IndexedCase& item) {
  if (!item.problem.empty()) {
    return {};
  }
  YamlLoad yaml = load_yaml(item.front, Position{item.front_line, 1, 0});
  return yaml.ok && yaml.root.is_mapping() ? std::move(yaml.root) : YamlNode{};
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    text += text.empty() ? "" : ", ";
    text += item;
  }
  return text;
}

} // namespace

std::vector<RelatedCase>
find_related(SearchIndex& index, const IndexedCase& target, const Schema& schema, std::size_t limit,
             const std::function<bool(const IndexedCase&, const YamlNode&)>& keep) {
  YamlNode front = load_front(target);
  std::vector<std::string> topics = list_items(front, "topics");
  std::vector<std::string> regions = list_items(front, "regions");
  std::string industry = scalar(front, "industry");
  long size = order_of(schema, "company_size", scalar(front, "company_size"));
  std::string text = target.title + " " + target.summary;
  for (const std::string& topic : topics) {
    text += " " + topic;
  }
  std::vector<SearchHit> candidates = index.similar(query_words(text), target.id, k_candidates);
  double best_text = 0;
  for (const SearchHit& hit : candidates) {
    best_text = std::max(best_text, hit.score);
  }
  std::vector<RelatedCase> related;
  for (SearchHit& hit : candidates) {
    YamlNode other = load_front(hit.item);
    if (keep && !keep(hit.item, other)) {
      continue;
    }
    RelatedCase item;
    item.shared_topics = shared(topics, list_items(other, "topics"));
    item.shared_regions = shared(regions, list_items(other, "regions"));
    item.same_industry = !industry.empty() && scalar(other, "industry") == industry;
    long other_size = order_of(schema, "company_size", scalar(other, "company_size"));
    item.similar_size = size >= 0 && other_size >= 0 && std::labs(size - other_size) <= 1;
    double text_part = best_text > 0 ? hit.score / best_text : 0;
    double topic_part = topics.empty() ? 0
                                       : static_cast<double>(item.shared_topics.size()) /
                                             static_cast<double>(topics.size());
    double region_part = regions.empty() ? 0
                                         : static_cast<double>(item.shared_regions.size()) /
                                               static_cast<double>(regions.size());
    double score = k_topic_weight * topic_part + k_text_weight * text_part +
                   k_industry_weight * (item.same_industry ? 1 : 0) +
                   k_size_weight * (item.similar_size ? 1 : 0) + k_region_weight * region_part;
    item.hit = std::move(hit);
    item.hit.score = score;
    related.push_back(std::move(item));
  }
  std::stable_sort(related.begin(), related.end(), [](const RelatedCase& a, const RelatedCase& b) {
    return a.hit.score > b.hit.score;
  });
  if (limit != 0 && related.size() > limit) {
    related.resize(limit);
  }
  return related;
}

std::string describe_shared(const RelatedCase& related, const IndexedCase& candidate) {
  std::string text;
  auto add = [&text](const std::string& part) {
    text += text.empty() ? "" : "; ";
    text += part;
  };
  if (!related.shared_topics.empty()) {
    add("shared topics: " + join(related.shared_topics));
  }
  if (related.same_industry) {
    add("same industry: " + candidate.industry);
  }
  if (related.similar_size) {
    add("similar size: " + candidate.company_size);
  }
  if (!related.shared_regions.empty()) {
    add("shared regions: " + join(related.shared_regions));
  }
  return text.empty() ? "similar words" : text;
}

} // namespace hros
