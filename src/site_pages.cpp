// The site's HTML. Every value from front matter goes through html_escape
// (text and double-quoted attributes alike); links from front matter pass
// safe_link; page names are made by plan_site from the slug rules, so no
// value reaches a URL or the markup unescaped.
#include "site_pages.hpp"

#include "hros/export_data.hpp"
#include "hros/html.hpp"
#include "hros/json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace hros::detail {
namespace {

std::string e(const std::string& text) {
  return html_escape(text);
}

std::string layout(const SitePlan& plan, const std::string& title, const std::string& root,
                   const std::string& main, const std::string& scripts = "") {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<title>" + e(title) + (title == plan.title ? "" : " \xE2\x80\x94 " + e(plan.title)) +
         "</title>\n";
  out += "<link rel=\"stylesheet\" href=\"" + root + "assets/site.css\">\n</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#main\">Skip to content</a>\n";
  out += "<header class=\"site\"><div class=\"wrap\"><a class=\"brand\" href=\"" + root +
         "index.html\">" + e(plan.title) + "</a>\n<nav aria-label=\"Site\"><ul>";
  out += "<li><a href=\"" + root + "index.html\">Cases</a></li>";
  out += "<li><a href=\"" + root + "industries/index.html\">Industries</a></li>";
  out += "<li><a href=\"" + root + "topics/index.html\">Topics</a></li>";
  out += "<li><a href=\"" + root + "stats.html\">Stats</a></li></ul></nav></div></header>\n";
  out += "<main id=\"main\" class=\"wrap\">\n" + main + "</main>\n";
  out += "<footer class=\"site\"><div class=\"wrap\">" + std::to_string(plan.cases.size()) +
         " cases. Exported with hros.</div></footer>\n";
  out += scripts + "</body>\n</html>\n";
  return out;
}

std::string case_item(const SitePlan& plan, const SiteCase& site, const std::string& root) {
  std::string meta;
  for (const std::string* part : {&site.organization, &site.industry, &site.published}) {
    if (!part->empty()) {
      meta += (meta.empty() ? "" : " \xC2\xB7 ") + e(*part);
    }
  }
  (void)plan;
  return "<li class=\"case\"><h3><a href=\"" + root + "cases/" + site.page + ".html\">" +
         e(site.title) + "</a></h3><p class=\"meta\">" + meta + "</p><p class=\"summary\">" +
         e(site.summary) + "</p></li>\n";
}

std::string page_of(const std::vector<SiteGroup>& groups, const std::string& value) {
  for (const SiteGroup& group : groups) {
    if (group.value == value) {
      return group.page;
    }
  }
  return "";
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) {
    out += (out.empty() ? "" : ", ") + e(value);
  }
  return out;
}

std::string scalar(const YamlNode& node, const char* key) {
  const YamlNode* value = node.find(key);
  return value != nullptr && value->is_scalar() ? value->text : "";
}

std::string fact(const char* label, const std::string& html) {
  return html.empty() ? "" : fmt::format("<dt>{}</dt><dd>{}</dd>\n", label, html);
}

std::string authors_html(const YamlNode& front) {
  const YamlNode* authors = front.find("authors");
  if (authors == nullptr || !authors->is_sequence()) {
    return "";
  }
  std::string out;
  for (const YamlNode& author : authors->items) {
    std::string name = author.is_scalar() ? author.text : scalar(author, "name");
    if (name.empty()) {
      continue;
    }
    std::string link = author.is_mapping() ? safe_link(scalar(author, "url")) : "";
    std::string text = link.empty() ? e(name) : "<a href=\"" + e(link) + "\">" + e(name) + "</a>";
    std::string role = author.is_mapping() ? scalar(author, "role") : "";
    out += (out.empty() ? "" : "; ") + text + (role.empty() ? "" : ", " + e(role));
  }
  return out;
}

std::string metrics_html(const YamlNode& front) {
  const YamlNode* metrics = front.find("metrics");
  if (metrics == nullptr || !metrics->is_sequence() || metrics->items.empty()) {
    return "";
  }
  std::string rows;
  for (const YamlNode& metric : metrics->items) {
    if (!metric.is_mapping()) {
      continue;
    }
    std::string unit = scalar(metric, "unit");
    auto with_unit = [&](const std::string& value) {
      if (value.empty()) {
        return std::string("\xE2\x80\x94");
      }
      return e(value) + (unit.empty() ? "" : (unit == "%" ? "" : " ") + e(unit));
    };
    MetricChange change = metric_change(metric);
    std::string change_html = "\xE2\x80\x94";
    if (!change.absolute.empty()) {
      const char* direction = change.absolute[0] == '+'   ? "up"
                              : change.absolute[0] == '-' ? "down"
                                                          : "";
      change_html = fmt::format(
          "<span class=\"{}\">{}{}</span>", direction, with_unit(change.absolute),
          change.relative.empty() || unit == "%" ? "" : " (" + e(change.relative) + ")");
    }
    rows += "<tr><th scope=\"row\">" + e(scalar(metric, "name")) + "</th><td class=\"num\">" +
            with_unit(scalar(metric, "before")) + "</td><td class=\"num\">" +
            with_unit(scalar(metric, "after")) + "</td><td class=\"num\">" + change_html +
            "</td><td>" + e(scalar(metric, "period")) + "</td></tr>\n";
  }
  return "<section aria-labelledby=\"metrics-heading\"><h2 id=\"metrics-heading\">Metrics</h2>\n"
         "<div class=\"table-wrap\"><table class=\"metrics\">\n<thead><tr><th "
         "scope=\"col\">Metric</th><th scope=\"col\" class=\"num\">Before</th><th scope=\"col\" "
         "class=\"num\">After</th><th scope=\"col\" class=\"num\">Change</th><th "
         "scope=\"col\">Period</th></tr></thead>\n<tbody>\n" +
         rows + "</tbody></table></div></section>\n";
}

// Front matter fields a custom schema adds, shown as plain text.
std::string other_facts(const YamlNode& front) {
  static const std::vector<std::string> k_shown = {
      "title",        "kind",    "slug",    "example", "organization", "industry",
      "company_size", "regions", "topics",  "authors", "published",    "updated",
      "status",       "license", "summary", "metrics", "tools",        "website"};
  std::string out;
  for (const YamlEntry& entry : front.entries) {
    if (std::find(k_shown.begin(), k_shown.end(), entry.key) != k_shown.end()) {
      continue;
    }
    std::string text;
    if (entry.value.is_scalar()) {
      text = entry.value.text;
    } else {
      for (const YamlNode& item : entry.value.items) {
        if (item.is_scalar()) {
          text += (text.empty() ? "" : ", ") + item.text;
        }
      }
    }
    if (!text.empty()) {
      out += "<dt>" + e(entry.key) + "</dt><dd>" + e(text) + "</dd>\n";
    }
  }
  return out;
}

std::string kind_label(const std::string& kind) {
  return kind == "case-study" ? "Case study" : kind == "spark" ? "Spark" : kind;
}

} // namespace

std::string case_page(const SitePlan& plan, std::size_t index, const std::string& body_html,
                      const Schema& schema) {
  (void)schema;
  const SiteCase& site = plan.cases[index];
  const YamlNode& front = site.record->front;
  std::string main = "<article class=\"case\">\n<header>\n";
  if (!site.kind.empty()) {
    main += "<p class=\"kind\">" + e(kind_label(site.kind)) + "</p>\n";
  }
  main += "<h1>" + e(site.title) + "</h1>\n";
  if (!site.summary.empty()) {
    main += "<p class=\"lead\">" + e(site.summary) + "</p>\n";
  }
  std::string industry = site.industry.empty() ? ""
                                               : "<a href=\"../industries/" +
                                                     page_of(plan.industries, site.industry) +
                                                     ".html\">" + e(site.industry) + "</a>";
  std::string topics;
  for (const std::string& topic : site.topics) {
    topics += (topics.empty() ? "" : ", ") + std::string("<a href=\"../topics/") +
              page_of(plan.topics, topic) + ".html\">" + e(topic) + "</a>";
  }
  std::vector<std::string> tools;
  if (const YamlNode* list = front.find("tools"); list != nullptr && list->is_sequence()) {
    for (const YamlNode& item : list->items) {
      if (item.is_scalar()) {
        tools.push_back(item.text);
      }
    }
  }
  std::string website = safe_link(scalar(front, "website"));
  main += "<dl class=\"facts\">\n" + fact("Organisation", e(site.organization)) +
          fact("Industry", industry) + fact("Company size", e(site.company_size)) +
          fact("Regions", joined(site.regions)) + fact("Topics", topics) +
          fact("Authors", authors_html(front)) + fact("Published", e(site.published)) +
          fact("Updated", e(scalar(front, "updated"))) +
          fact("Status", e(scalar(front, "status"))) +
          fact("Licence", e(scalar(front, "license"))) + fact("Tools", joined(tools)) +
          fact("Website",
               website.empty() ? "" : "<a href=\"" + e(website) + "\">" + e(website) + "</a>") +
          other_facts(front) + "</dl>\n</header>\n";
  main += metrics_html(front);
  main += "<div class=\"body\">\n" + body_html + "</div>\n";
  if (!site.related.empty()) {
    main += "<nav aria-labelledby=\"related-heading\"><h2 id=\"related-heading\">Related "
            "cases</h2>\n<ul class=\"related\">\n";
    for (std::size_t j : site.related) {
      main += "<li><a href=\"" + plan.cases[j].page + ".html\">" + e(plan.cases[j].title) +
              "</a></li>\n";
    }
    main += "</ul></nav>\n";
  }
  main += "</article>\n";
  return layout(plan, site.title, "../", main);
}

std::string index_page(const SitePlan& plan) {
  std::string main = "<h1>" + e(plan.title) + "</h1>\n";
  main += "<form id=\"search\" class=\"search\" role=\"search\"><label class=\"skip\" "
          "for=\"q\">Search the cases</label><input id=\"q\" type=\"search\" name=\"q\" "
          "placeholder=\"Search titles, summaries, topics and text\" autocomplete=\"off\">"
          "<button type=\"submit\">Search</button></form>\n";
  main += "<div class=\"layout\">\n<aside id=\"facets\" aria-label=\"Filters\"></aside>\n<section "
          "aria-label=\"Cases\">\n<p id=\"count\" aria-live=\"polite\">" +
          std::to_string(plan.cases.size()) + " cases</p>\n<ol id=\"results\" class=\"cases\">\n";
  for (const SiteCase& site : plan.cases) {
    main += case_item(plan, site, "");
  }
  main += "</ol>\n<button id=\"more\" type=\"button\" hidden>Show more</button>\n</section>\n"
          "</div>\n";
  return layout(plan, plan.title, "", main,
                "<script src=\"assets/search-index.js\"></script>\n<script "
                "src=\"assets/search.js\"></script>\n");
}

std::string group_page(const SitePlan& plan, const SiteGroup& group, const std::string& what) {
  std::string main =
      "<h1>" + e(what) + ": " + e(group.value) + "</h1>\n<p>" + std::to_string(group.cases.size()) +
      (group.cases.size() == 1 ? " case" : " cases") + "</p>\n<ol class=\"cases\">\n";
  for (std::size_t i : group.cases) {
    main += case_item(plan, plan.cases[i], "../");
  }
  main += "</ol>\n";
  return layout(plan, what + ": " + group.value, "../", main);
}

std::string groups_page(const SitePlan& plan, const std::vector<SiteGroup>& groups,
                        const std::string& what, const std::string& title) {
  (void)what;
  std::string main = "<h1>" + e(title) + "</h1>\n<ul class=\"groups\">\n";
  for (const SiteGroup& group : groups) {
    main += "<li><a href=\"" + group.page + ".html\">" + e(group.value) + "</a> (" +
            std::to_string(group.cases.size()) + ")</li>\n";
  }
  main += "</ul>\n";
  return layout(plan, title, "../", main);
}

namespace {

std::string bar_chart(const std::string& caption,
                      const std::vector<std::pair<std::string, std::size_t>>& bars) {
  if (bars.empty()) {
    return "";
  }
  constexpr int k_row = 22;
  constexpr int k_label = 190;
  constexpr int k_width = 640;
  std::size_t top = 1;
  for (const auto& bar : bars) {
    top = std::max(top, bar.second);
  }
  int height = static_cast<int>(bars.size()) * k_row + 4;
  std::string svg = fmt::format("<svg class=\"bars\" viewBox=\"0 0 {} {}\" role=\"img\" "
                                "aria-label=\"{}\">\n",
                                k_width, height, e(caption));
  for (std::size_t i = 0; i < bars.size(); ++i) {
    int y = static_cast<int>(i) * k_row;
    int width = static_cast<int>(static_cast<double>(bars[i].second) / static_cast<double>(top) *
                                 (k_width - k_label - 60));
    svg += fmt::format("<g><title>{}: {}</title><text x=\"{}\" y=\"{}\" "
                       "text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" "
                       "height=\"{}\" rx=\"2\"></rect><text x=\"{}\" y=\"{}\">{}</text></g>\n",
                       e(bars[i].first), bars[i].second, k_label - 8, y + 15, e(bars[i].first),
                       k_label, y + 3, std::max(width, 1), k_row - 6, k_label + width + 6, y + 15,
                       bars[i].second);
  }
  svg += "</svg>\n";
  return "<figure class=\"chart\"><figcaption>" + e(caption) + "</figcaption>\n" + svg +
         "</figure>\n";
}

using Counts = std::vector<std::pair<std::string, std::size_t>>;

Counts count_by(const SitePlan& plan,
                const std::function<std::vector<std::string>(const SiteCase&)>& of) {
  std::map<std::string, std::size_t> counts;
  for (const SiteCase& site : plan.cases) {
    for (const std::string& value : of(site)) {
      if (!value.empty()) {
        ++counts[value];
      }
    }
  }
  return Counts(counts.begin(), counts.end());
}

Counts by_count(Counts counts, std::size_t limit) {
  std::stable_sort(counts.begin(), counts.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (counts.size() > limit) {
    counts.resize(limit);
  }
  return counts;
}

// Values in the schema's order (company sizes), then any the schema lacks.
Counts in_schema_order(const Counts& counts, const Schema& schema, const char* field) {
  const FieldSpec* spec = schema.find_field(field);
  if (spec == nullptr) {
    return counts;
  }
  Counts out;
  for (const std::string& value : spec->values) {
    for (const auto& count : counts) {
      if (count.first == value) {
        out.push_back(count);
      }
    }
  }
  for (const auto& count : counts) {
    if (std::find(spec->values.begin(), spec->values.end(), count.first) == spec->values.end()) {
      out.push_back(count);
    }
  }
  return out;
}

} // namespace

std::string stats_page(const SitePlan& plan, const Schema& schema) {
  std::string main =
      "<h1>Statistics</h1>\n<p>" + std::to_string(plan.cases.size()) + " cases.</p>\n";
  main += bar_chart(
      "Cases by industry",
      by_count(count_by(plan, [](const SiteCase& c) { return std::vector{c.industry}; }), 100));
  main += bar_chart("Cases by topic",
                    by_count(count_by(plan, [](const SiteCase& c) { return c.topics; }), 100));
  main += bar_chart(
      "Cases by company size",
      in_schema_order(count_by(plan, [](const SiteCase& c) { return std::vector{c.company_size}; }),
                      schema, "company_size"));
  main += bar_chart("Cases by region (top 20)",
                    by_count(count_by(plan, [](const SiteCase& c) { return c.regions; }), 20));
  main += bar_chart("Cases by kind",
                    count_by(plan, [](const SiteCase& c) { return std::vector{c.kind}; }));
  main += bar_chart("Cases by year published",
                    count_by(plan, [](const SiteCase& c) { return std::vector{c.year}; }));
  return layout(plan, "Statistics", "", main);
}

namespace {

// A summary cut at a word boundary, for result lists.
std::string short_summary(const std::string& text) {
  constexpr std::size_t k_max = 280;
  std::string flat = text;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  if (flat.size() <= k_max) {
    return flat;
  }
  std::size_t cut = flat.rfind(' ', k_max);
  if (cut == std::string::npos || cut < k_max / 2) {
    cut = k_max;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) {
      --cut;
    }
  }
  return flat.substr(0, cut) + "\xE2\x80\xA6";
}

struct Facet {
  const char* name;
  const char* label;
  std::vector<std::string> values;
  std::map<std::string, int> index;
};

void add_values(Facet& facet, const std::vector<std::string>& values) {
  for (const std::string& value : values) {
    facet.index.emplace(value, 0);
  }
}

std::string facet_ids(Facet& facet, const std::vector<std::string>& values) {
  std::string out = "[";
  for (const std::string& value : values) {
    out += (out.size() == 1 ? "" : ",") + std::to_string(facet.index[value]);
  }
  return out + "]";
}

} // namespace

std::string search_index_js(const SitePlan& plan, const TermCollector& terms,
                            const Schema& schema) {
  std::vector<Facet> facets = {
      {"industry", "Industry", {}, {}}, {"company_size", "Company size", {}, {}},
      {"regions", "Region", {}, {}},    {"topics", "Topic", {}, {}},
      {"kind", "Kind", {}, {}},         {"year", "Year", {}, {}}};
  for (const SiteCase& site : plan.cases) {
    if (!site.industry.empty()) {
      add_values(facets[0], {site.industry});
    }
    if (!site.company_size.empty()) {
      add_values(facets[1], {site.company_size});
    }
    add_values(facets[2], site.regions);
    add_values(facets[3], site.topics);
    if (!site.kind.empty()) {
      add_values(facets[4], {site.kind});
    }
    if (!site.year.empty()) {
      add_values(facets[5], {site.year});
    }
  }
  for (Facet& facet : facets) {
    for (const auto& entry : facet.index) {
      facet.values.push_back(entry.first);
    }
  }
  // Sizes in their order, years newest first; the rest alphabetically.
  Counts sizes;
  for (const std::string& value : facets[1].values) {
    sizes.emplace_back(value, 0);
  }
  facets[1].values.clear();
  for (const auto& size : in_schema_order(sizes, schema, "company_size")) {
    facets[1].values.push_back(size.first);
  }
  std::reverse(facets[5].values.begin(), facets[5].values.end());
  for (Facet& facet : facets) {
    for (std::size_t i = 0; i < facet.values.size(); ++i) {
      facet.index[facet.values[i]] = static_cast<int>(i);
    }
  }

  std::string out = "window.HROS_INDEX={\"n\":" + std::to_string(plan.cases.size()) + ",\n";
  out += "\"stop\":[";
  for (std::size_t i = 0; i < stop_words().size(); ++i) {
    out += (i == 0 ? "" : ",") + json_string(stop_words()[i]);
  }
  out += "],\n\"facetOrder\":[";
  std::string values = "\"facets\":{";
  std::string labels = "\"facetLabels\":{";
  for (std::size_t f = 0; f < facets.size(); ++f) {
    std::string sep = f == 0 ? "" : ",";
    out += sep + json_string(facets[f].name);
    labels += sep + json_string(facets[f].name) + ":" + json_string(facets[f].label);
    values += sep + json_string(facets[f].name) + ":[";
    for (std::size_t v = 0; v < facets[f].values.size(); ++v) {
      values += (v == 0 ? "" : ",") + json_string(facets[f].values[v]);
    }
    values += "]";
  }
  out += "],\n" + values + "},\n" + labels + "},\n\"docs\":{";
  auto column = [&](const char* name, const std::function<std::string(const SiteCase&)>& cell,
                    bool first = false) {
    out += std::string(first ? "" : ",\n") + "\"" + name + "\":[";
    for (std::size_t i = 0; i < plan.cases.size(); ++i) {
      out += (i == 0 ? "" : ",") + cell(plan.cases[i]);
    }
    out += "]";
  };
  auto one = [&](Facet& facet, const std::string& value) {
    return value.empty() ? std::string("-1") : std::to_string(facet.index[value]);
  };
  column(
      "page", [](const SiteCase& c) { return json_string(c.page); }, true);
  column("title", [](const SiteCase& c) { return json_string(c.title); });
  column("org", [](const SiteCase& c) { return json_string(c.organization); });
  column("date", [](const SiteCase& c) { return json_string(c.published); });
  column("summary", [](const SiteCase& c) { return json_string(short_summary(c.summary)); });
  column("industry", [&](const SiteCase& c) { return one(facets[0], c.industry); });
  column("company_size", [&](const SiteCase& c) { return one(facets[1], c.company_size); });
  column("regions", [&](const SiteCase& c) { return facet_ids(facets[2], c.regions); });
  column("topics", [&](const SiteCase& c) { return facet_ids(facets[3], c.topics); });
  column("kind", [&](const SiteCase& c) { return one(facets[4], c.kind); });
  column("year", [&](const SiteCase& c) { return one(facets[5], c.year); });
  out += "},\n";
  out += terms.index_js();
  out += "};\n";
  return out;
}

} // namespace hros::detail
