#include "hros/stats.hpp"

#include "hros/suggest.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace hros {
namespace {

// The distinct values `field` has in a record; empty when it has none.
std::set<std::string> values_of(const CaseRecord& record, const std::string& field) {
  std::set<std::string> values;
  const YamlNode* node = record.front.find(field);
  if (field == "year" || field == "slug" || field == "path" || node == nullptr) {
    std::string text = field_text(record, field);
    if (!text.empty()) {
      values.insert(text);
    }
    return values;
  }
  auto add = [&](const YamlNode& value) {
    const YamlNode* named = value.is_mapping() ? value.find("name") : &value;
    if (named != nullptr && named->is_scalar() && !named->text.empty()) {
      values.insert(named->text);
    }
  };
  if (node->is_sequence()) {
    for (const YamlNode& item : node->items) {
      add(item);
    }
  } else {
    add(*node);
  }
  return values;
}

// The enumeration whose order the rows follow, if the field has one.
const FieldSpec* ordered_spec(const std::string& field, const Schema& schema) {
  const FieldSpec* spec = schema.find_field(field);
  if (spec != nullptr && spec->type == FieldType::list && spec->items) {
    spec = spec->items.get();
  }
  return spec != nullptr && spec->type == FieldType::enumeration && spec->ordered ? spec : nullptr;
}

} // namespace

Stats count_by(const std::vector<const CaseRecord*>& records, const std::string& field,
               const Schema& schema) {
  Stats stats;
  stats.field = field;
  stats.cases = records.size();
  const FieldSpec* spec = schema.find_field(field);
  stats.several = spec != nullptr && spec->type == FieldType::list;
  std::map<std::string, std::size_t> counts;
  std::size_t none = 0;
  for (const CaseRecord* record : records) {
    std::set<std::string> values = values_of(*record, field);
    none += values.empty() ? 1 : 0;
    for (const std::string& value : values) {
      ++counts[value];
    }
  }
  std::vector<StatsRow> rows;
  if (const FieldSpec* order = ordered_spec(field, schema)) {
    for (const std::string& value : order->values) {
      auto found = counts.find(value);
      rows.push_back(StatsRow{value, false, found == counts.end() ? 0 : found->second});
      if (found != counts.end()) {
        counts.erase(found);
      }
    }
  }
  std::vector<StatsRow> rest;
  for (const auto& [value, count] : counts) {
    rest.push_back(StatsRow{value, false, count});
  }
  if (field == "year") {
    // A distribution over time reads in time order; the map already has it.
  } else {
    std::stable_sort(rest.begin(), rest.end(), [](const StatsRow& a, const StatsRow& b) {
      if (a.count != b.count) {
        return a.count > b.count;
      }
      return lowercase(a.value) < lowercase(b.value);
    });
  }
  rows.insert(rows.end(), rest.begin(), rest.end());
  if (none > 0) {
    rows.push_back(StatsRow{"(none)", true, none});
  }
  stats.rows = std::move(rows);
  return stats;
}

} // namespace hros
