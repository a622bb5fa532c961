// The pieces of `hros export` that take text and return text: body
// sections and HTML, escaping, link filtering, the search index encoding,
// bulk index names and metric changes.
#include "hros/export_case.hpp"
#include "hros/export_data.hpp"
#include "hros/html.hpp"
#include "hros/site_index.hpp"
#include "hros/yaml_load.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace hros;

namespace {

std::vector<std::string> titles(const CaseBody& body) {
  std::vector<std::string> out;
  for (const BodySection& section : body.sections) {
    out.push_back(section.title + "=" + section.text);
  }
  return out;
}

} // namespace

TEST_CASE("case body sections are the Markdown under each level-2 heading", "[export]") {
  CaseBody body = parse_case_body("Intro line.\n\n## Why\n\nBecause.\n\n### Detail\n\nMore.\n\n"
                                  "```\n## not a heading\n```\n\nSetext\n------\n\nText **here**.\n"
                                  "\n## `Code` *title*\n",
                                  RenderHtml::no);
  CHECK(titles(body) == std::vector<std::string>{
                            "Why=Because.\n\n### Detail\n\nMore.\n\n```\n## not a heading\n```",
                            "Setext=Text **here**.", "Code title="});
  CHECK(body.html.empty());
  CHECK(parse_case_body("No headings at all.\n", RenderHtml::no).sections.empty());
}

TEST_CASE("case body HTML drops raw HTML and unsafe links", "[export]") {
  std::unordered_map<std::string, std::string> pages = {{"other-case", "other-case.html"}};
  CaseBody body = parse_case_body(
      "## Why\n\n<script>alert(1)</script>\n\nInline <b onclick=\"x()\">bold</b> text.\n\n"
      "[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](vbscript:x) [d](file:///etc/passwd) "
      "[e](data:text/html,x) [f](https://example.org/) [g](other-case.md#results) "
      "[h](../2023/other-case.md) [i](unknown.md) [j](mailto:a@example.org)\n",
      RenderHtml::yes, &pages);
  CHECK(body.html == "<h2>Why</h2>\n<!-- raw HTML omitted -->\n"
                     "<p>Inline <!-- raw HTML omitted -->bold<!-- raw HTML omitted --> text.</p>\n"
                     "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a> <a "
                     "href=\"\">d</a> <a href=\"\">e</a> <a href=\"https://example.org/\">f</a> "
                     "<a href=\"other-case.html#results\">g</a> <a "
                     "href=\"other-case.html\">h</a> <a href=\"unknown.md\">i</a> <a "
                     "href=\"mailto:a@example.org\">j</a></p>\n");
}

TEST_CASE("html_escape and safe_link make front matter safe for attributes", "[export]") {
  CHECK(html_escape("<a href=\"x\" title='y'>&amp;</a>") ==
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  CHECK(safe_link("https://example.org/a?b=c&d") == "https://example.org/a?b=c&d");
  CHECK(safe_link("HTTP://example.org") == "HTTP://example.org");
  CHECK(safe_link("mailto:jane@example.org") == "mailto:jane@example.org");
  for (const char* unsafe :
       {"javascript:alert(1)", " javascript:alert(1)", "java\tscript:x", "data:text/html,x",
        "vbscript:x", "/etc/passwd", "//evil.example", "https://a b", "ftp://example.org"}) {
    INFO(unsafe);
    CHECK(safe_link(unsafe).empty());
  }
}

TEST_CASE("search terms are split and lowercased as the site's script does", "[export]") {
  std::vector<std::string> terms;
  for_each_term("The Café's ONBOARDING, re-boarding and a 90-day plan: x y2 I",
                [&](std::string_view term) { terms.emplace_back(term); });
  CHECK(terms == std::vector<std::string>{"café", "onboarding", "re", "boarding", "90", "day",
                                          "plan", "y2"});
}

TEST_CASE("postings round-trip through the compact encoding", "[export]") {
  CHECK(encode_postings({{0, 1}, {1, 5}, {3, 7}}) == "9DN");
  std::mt19937 random(7);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::pair<std::uint32_t, std::uint8_t>> postings;
    std::uint32_t doc = 0;
    for (int i = 0; i < 200; ++i) {
      doc += 1 + random() % (round < 25 ? 4 : 100000);
      postings.emplace_back(doc, static_cast<std::uint8_t>(1 + random() % 7));
    }
    CHECK(decode_postings(encode_postings(postings)) == postings);
  }
}

TEST_CASE("the term collector merges each thread's terms into one sorted index", "[export]") {
  TermCollector collector(3);
  std::string body = "Buddy buddy programme";
  collector.add_case(0, {{"Onboarding buddies", k_in_title}, {body, k_in_body}});
  collector.add_case(2, {{"programme", k_in_summary}});
  std::thread other([&] { collector.add_case(1, {{"buddy", k_in_body}}); });
  other.join();
  // buddy: case 0 body (1), case 1 body (1); programme: case 0 body, case 2 summary.
  CHECK(collector.index_js() == "\"terms\":[\"buddies\",\"buddy\",\"onboarding\",\"programme\"],\n"
                                "\"postings\":[\"C\",\"99\",\"C\",\"9I\"]");
}

TEST_CASE("bulk index names follow the search engines' rules", "[export]") {
  CHECK(index_name_problem("hr-cases").empty());
  CHECK(index_name_problem("") == "an index name cannot be empty");
  CHECK(index_name_problem("Cases") == "an index name must be lowercase");
  CHECK(index_name_problem("a b") == "an index name cannot contain ' '");
  CHECK(index_name_problem("-x") == "an index name cannot start with '-'");
  CHECK(index_name_problem("..") == "an index name cannot be . or ..");
  CHECK(index_name_problem(std::string(256, 'a')) == "an index name has at most 255 bytes");
  CHECK(bulk_action_line("hr", "a\"b") == "{\"index\":{\"_index\":\"hr\",\"_id\":\"a\\\"b\"}}\n");
}

TEST_CASE("metric changes are signed, with the relative change", "[export]") {
  auto change = [](const std::string& yaml) {
    YamlLoad load = load_yaml(yaml, Position{1, 1, 0});
    MetricChange result = metric_change(load.root);
    return result.absolute + " " + result.relative;
  };
  CHECK(change("before: 71\nafter: 84\n") == "+13 +18.3%");
  CHECK(change("before: 40\nafter: 30\n") == "-10 -25%");
  CHECK(change("before: 0\nafter: 640\n") == "+640 ");
  CHECK(change("before: 18.5\nafter: 12.2\n") == "-6.3 -34.1%");
  CHECK(change("before: 5\nafter: 5\n") == "0 0%");
  CHECK(change("before: n/a\nafter: 5\n") == " ");
  CHECK(change("after: 5\n") == " ");
  CHECK(short_number(2.5) == "2.5");
  CHECK(short_number(1.0 / 3) == "0.33");
}
