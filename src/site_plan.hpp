#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "hros/case_record.hpp"
#include "hros/schema.hpp"

namespace hros::detail {

// A case as the site shows it: front matter values picked once, and the
// name of its page (the slug, made safe and unique).
struct SiteCase {
  const CaseRecord* record = nullptr;
  std::string page;
  std::string title;
  std::string organization;
  std::string industry;
  std::string company_size;
  std::string kind;
  std::string published;
  std::string year;
  std::string summary;
  std::vector<std::string> topics;
  std::vector<std::string> regions;
  std::vector<std::size_t> related; // indexes into SitePlan::cases
};

// The cases of one industry or topic, and its page.
struct SiteGroup {
  std::string value;
  std::string page;
  std::vector<std::size_t> cases;
};

struct SitePlan {
  std::string title;
  std::vector<SiteCase> cases; // newest first, then by title
  std::vector<SiteGroup> industries;
  std::vector<SiteGroup> topics;
  std::unordered_map<std::string, std::string> page_of_slug; // slug -> "page.html"
};

// Orders the cases, names their pages, groups them, and finds for each up to
// five related cases (most topics shared, then same industry, then newest).
SitePlan plan_site(const std::vector<const CaseRecord*>& records, const std::string& title,
                   unsigned threads);

} // namespace hros::detail
