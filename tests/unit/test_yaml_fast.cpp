// The fast YAML path must agree with yaml-cpp on everything it accepts:
// each document is loaded both ways and the trees compared, positions included.
#include "hros/yaml_load.hpp"

#include "yaml_fast.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

namespace {

// Discards events: used to learn whether the fast path accepts a document.
struct NullHandler : YAML::EventHandler {
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

bool fast_path_accepts(const std::string& text) {
  NullHandler handler;
  return hros::detail::parse_simple_yaml(text, handler);
}

std::string describe(const hros::YamlNode& node, bool with_null_position = true) {
  std::ostringstream out;
  bool show_position = with_null_position || !node.is_null();
  if (show_position) {
    out << node.position.line << ':' << node.position.column << '@' << node.position.offset;
  }
  switch (node.kind) {
  case hros::YamlNode::Kind::null:
    out << "~";
    break;
  case hros::YamlNode::Kind::scalar:
    out << (node.style == hros::ScalarStyle::plain ? "p" : "q") << '[' << node.text << ']';
    break;
  case hros::YamlNode::Kind::sequence:
    out << (node.flow ? "F" : "B") << "seq(";
    for (const auto& item : node.items) {
      out << describe(item, false) << ',';
    }
    out << ')';
    break;
  case hros::YamlNode::Kind::mapping:
    out << "map(";
    for (const auto& entry : node.entries) {
      out << entry.key_position.line << ':' << entry.key_position.column << entry.key << '='
          << describe(entry.value) << ',';
    }
    out << ')';
    break;
  }
  return out.str();
}

std::string both_ways(const std::string& text, bool& agree) {
  hros::YamlLimits slow;
  slow.fast_path = false;
  hros::Position origin{2, 1, 4};
  hros::YamlLoad a = hros::load_yaml(text, origin);
  hros::YamlLoad b = hros::load_yaml(text, origin, slow);
  std::string left = std::to_string(a.ok) + describe(a.root) + std::to_string(a.diagnostics.size());
  std::string right =
      std::to_string(b.ok) + describe(b.root) + std::to_string(b.diagnostics.size());
  agree = left == right;
  return left + "\n" + right;
}

} // namespace

TEST_CASE("the fast YAML path agrees with yaml-cpp on typical front matter", "[yaml]") {
  const char* documents[] = {
      "title: A case\nkind: spark\nregions: [NO, \"SE\", 'DK']\n",
      "a:\nb: ~\nc: null\nd:\n  - x\n  - k: v\n    j:\ne:\n- 1\n- [a, \"b\", 'c']\nf: \"q\"\n",
      "authors:\n  - name: Jane Doe\n    role: Head of Talent\n  - name: Li Wei\n",
      "metrics:\n- name: Rate\n  before: 71\n  after: 84\n  unit: \"%\"\n  period: 12 months\n",
      "# comment\ntitle: x # trailing\n\nsummary: 'it''s \"fine\"'\nurl: https://example.org/a#b\n",
      "list: []\nempty: [ ]\nnested:\n  deeper:\n    deepest: 1\n  back: 2\ntop: 3\n",
      "dup: 1\ndup: 2\n",
      "a: -5\nb: 2024-03-18\nc: 1_000\nd: yes\n",
      "a: \"esc \\\" \\\\ \\n \\t\"\n",
      "k:\n  -\n  - b\n",
      "s: >-\n  one\n  two\n\n  three\n\n\n  four\nt: x\n",
      "s: >\n  one\n  two\nt: |\n  a\n    b\n  # not a comment\n\n  c\n\nu: 1\n",
      "- |-\n  x\n  y\n- >\n  z\n",
      "a:\n  b: >-\n    deep\n    text\n  c: 2\n",
  };
  for (const char* document : documents) {
    bool agree = false;
    std::string report = both_ways(document, agree);
    INFO(document << "\n" << report);
    CHECK(agree);
  }
}

TEST_CASE("the fast YAML path agrees with yaml-cpp on the bundled cases", "[yaml]") {
  // Only the front matter of each file matters here.
  for (const char* name :
       {"onboarding-buddies-for-warehouse-staff.md", "publishing-pay-bands-internally.md",
        "four-day-week-pilot-at-a-software-consultancy.md"}) {
    std::ifstream stream(std::string(HROS_SOURCE_DIR) + "/cases/" + name);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    std::string text = buffer.str();
    std::size_t end = text.find("\n---", 3);
    REQUIRE(end != std::string::npos);
    bool agree = false;
    std::string report = both_ways(text.substr(4, end - 3), agree);
    CHECK(fast_path_accepts(text.substr(4, end - 3)));
    INFO(name << "\n" << report);
    CHECK(agree);
  }
}

TEST_CASE("the fast YAML path agrees with yaml-cpp on random line soups", "[yaml][fuzz]") {
  // Lines drawn from a pool of valid and broken fragments: whatever the fast
  // path accepts must come out exactly as yaml-cpp has it.
  const std::vector<std::string> pool = {
      "a: 1",        "b: text here",
      "  c: nested", "- item",
      "  - item",    "- k: v",
      "  k2: v2",    "d:",
      "e: [x, y]",   "f: [x,",
      "g: \"q\"",    "h: 'q'",
      "i: \"bad",    "j: a: b",
      "# note",      "",
      "k: ~",        "    deep: 1",
      "l: &x 1",     "m: *x",
      "n: |",        "  block",
      "o: {a: 1}",   "p: x #c",
      "q: -1",       "- [a, b]",
      "r: ''",       "s: \"\"",
      "t: [a,]",     "- a: 1",
      "  - b",       "x: y",
      "z: [a]",      "- x: [1, 2]",
      "  y: z",      "u: [\"a\", 'b']",
      "v:  spaced",  "- ",
      "w: 'it''s'",  "x: \"\\u00e9\"",
      "\ty: tab",    "n: >-",
      "  folded",    "   more",
      "n: |",        "",
      "  # x",       "cr: x\r",
  };
  std::mt19937 random(20261121);
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<int> length(1, 12);
  int accepted = 0;
  const int rounds = 5000;
  for (int round = 0; round < rounds; ++round) {
    std::string document;
    for (int i = length(random); i > 0; --i) {
      document += pool[pick(random)] + "\n";
    }
    accepted += fast_path_accepts(document) ? 1 : 0;
    bool agree = false;
    std::string report = both_ways(document, agree);
    INFO(document << "\n" << report);
    REQUIRE(agree);
  }
  // The comparison means something only if the fast path takes part.
  CHECK(accepted > rounds / 20);
}
