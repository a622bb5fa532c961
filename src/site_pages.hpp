#pragma once

#include <string>
#include <vector>

#include "hros/schema.hpp"
#include "hros/site_index.hpp"

#include "site_plan.hpp"

namespace hros::detail {

// Every page is complete HTML with relative links only; `root` is the way
// back to the site's top ("" or "../").

// cases/<page>.html: header with the front matter, metrics table, the body
// (already rendered, safe), related cases.
std::string case_page(const SitePlan& plan, std::size_t index, const std::string& body_html,
                      const Schema& schema);

// index.html: search box, facets (filled in by the script) and every case.
std::string index_page(const SitePlan& plan);

// industries/<page>.html and topics/<page>.html, and their index pages.
std::string group_page(const SitePlan& plan, const SiteGroup& group, const std::string& what);
std::string groups_page(const SitePlan& plan, const std::vector<SiteGroup>& groups,
                        const std::string& what, const std::string& title);

// stats.html: counts by industry, topic, size, region, kind and year as SVG bar charts.
std::string stats_page(const SitePlan& plan, const Schema& schema);

// assets/search-index.js: window.HROS_INDEX with the cases' display fields,
// facets and the inverted index.
std::string search_index_js(const SitePlan& plan, const TermCollector& terms, const Schema& schema);

} // namespace hros::detail
