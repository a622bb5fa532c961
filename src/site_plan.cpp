#include "site_plan.hpp"

#include "hros/lint.hpp"
#include "hros/slug.hpp"
#include "hros/suggest.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace hros::detail {
namespace {

constexpr std::size_t k_related = 5;

std::string scalar(const CaseRecord& record, const char* key) {
  const YamlNode* value = record.front.find(key);
  return value != nullptr && value->is_scalar() ? value->text : "";
}

std::vector<std::string> items(const CaseRecord& record, const char* key) {
  std::vector<std::string> out;
  const YamlNode* value = record.front.find(key);
  if (value != nullptr && value->is_sequence()) {
    for (const YamlNode& item : value->items) {
      if (item.is_scalar() && std::find(out.begin(), out.end(), item.text) == out.end()) {
        out.push_back(item.text);
      }
    }
  }
  return out;
}

// A file name from any text: the slug rules, else a numbered fallback, and a
// number appended until unused.
std::string unique_name(const std::string& wanted, const char* fallback,
                        std::unordered_set<std::string>& used) {
  std::string base = slug_problem(wanted) ? slug_from_title(wanted) : wanted;
  if (base.empty()) {
    base = fallback;
  }
  std::string name = base;
  for (int n = 2; !used.insert(name).second; ++n) {
    name = base + "-" + std::to_string(n);
  }
  return name;
}

std::vector<SiteGroup> group_by(const std::vector<SiteCase>& cases,
                                const std::function<std::vector<std::string>(const SiteCase&)>& of,
                                const char* fallback) {
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    for (const std::string& value : of(cases[i])) {
      groups[value].push_back(i);
    }
  }
  std::vector<SiteGroup> out;
  std::unordered_set<std::string> used = {"index"};
  for (auto& [value, members] : groups) {
    out.push_back({value, unique_name(value, fallback, used), std::move(members)});
  }
  return out;
}

void find_related(SitePlan& plan, unsigned threads) {
  std::unordered_map<std::string, const SiteGroup*> topic_groups;
  for (const SiteGroup& group : plan.topics) {
    topic_groups[group.value] = &group;
  }
  std::size_t count = plan.cases.size();
  parallel_for(count, threads, [&](std::size_t i) {
    // Scores of the candidates sharing a topic; thread-local so that each
    // case costs only the size of its topics' lists, not of the bank.
    thread_local std::vector<std::uint16_t> score;
    thread_local std::vector<std::size_t> touched;
    if (score.size() < count) {
      score.assign(count, 0); // zero once; entries used are zeroed again below
    }
    touched.clear();
    SiteCase& current = plan.cases[i];
    for (const std::string& topic : current.topics) {
      for (std::size_t j : topic_groups[topic]->cases) {
        if (j != i) {
          if (score[j] == 0) {
            touched.push_back(j);
          }
          score[j] = static_cast<std::uint16_t>(score[j] + 2);
        }
      }
    }
    for (std::size_t j : touched) {
      if (plan.cases[j].industry == current.industry) {
        score[j] = static_cast<std::uint16_t>(score[j] + 1);
      }
    }
    std::size_t keep = std::min(k_related, touched.size());
    // Cases are newest first, so a lower index breaks ties toward the newest.
    std::partial_sort(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(keep),
                      touched.end(), [&](std::size_t a, std::size_t b) {
                        return score[a] != score[b] ? score[a] > score[b] : a < b;
                      });
    current.related.assign(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(keep));
    for (std::size_t j : touched) {
      score[j] = 0;
    }
  });
}

} // namespace

SitePlan plan_site(const std::vector<const CaseRecord*>& records, const std::string& title,
                   unsigned threads) {
  SitePlan plan;
  plan.title = title;
  plan.cases.reserve(records.size());
  for (const CaseRecord* record : records) {
    SiteCase site;
    site.record = record;
    site.title = scalar(*record, "title");
    if (site.title.empty()) {
      site.title = record->slug;
    }
    site.organization = scalar(*record, "organization");
    site.industry = scalar(*record, "industry");
    site.company_size = scalar(*record, "company_size");
    site.kind = scalar(*record, "kind");
    site.published = scalar(*record, "published");
    site.year = field_text(*record, "year");
    site.summary = scalar(*record, "summary");
    site.topics = items(*record, "topics");
    site.regions = items(*record, "regions");
    plan.cases.push_back(std::move(site));
  }
  std::stable_sort(plan.cases.begin(), plan.cases.end(), [](const SiteCase& a, const SiteCase& b) {
    if (a.published != b.published) {
      return a.published > b.published;
    }
    return lowercase(a.title) < lowercase(b.title);
  });
  std::unordered_set<std::string> used;
  for (SiteCase& site : plan.cases) {
    site.page = unique_name(site.record->slug, "case", used);
    plan.page_of_slug.emplace(site.record->slug, site.page + ".html");
  }
  plan.industries = group_by(
      plan.cases,
      [](const SiteCase& c) {
        return c.industry.empty() ? std::vector<std::string>{} : std::vector{c.industry};
      },
      "industry");
  plan.topics = group_by(
      plan.cases, [](const SiteCase& c) { return c.topics; }, "topic");
  find_related(plan, threads);
  return plan;
}

} // namespace hros::detail
