#include "hros/stats.hpp"

#include "hros/schema_load.hpp"
#include "hros/yaml_load.hpp"

#include <catch2/catch.hpp>

#include <deque>

using namespace hros;

namespace {

// Records made from front matter text, kept alive for the pointers.
struct Bank {
  std::deque<CaseRecord> records;
  std::vector<const CaseRecord*> pointers;

  void add(const std::string& slug, const std::string& yaml) {
    CaseRecord record;
    record.slug = slug;
    record.front = load_yaml(yaml, Position{2, 1, 4}).root;
    records.push_back(std::move(record));
    pointers.push_back(&records.back());
  }
};

std::string rows_text(const Stats& stats) {
  std::string text;
  for (const StatsRow& row : stats.rows) {
    text += (row.none ? "<none>" : row.value) + "=" + std::to_string(row.count) + " ";
  }
  return text;
}

} // namespace

TEST_CASE("count_by orders by count then value and puts none last", "[stats]") {
  Bank bank;
  bank.add("a", "industry: retail\n");
  bank.add("b", "industry: Energy\n");
  bank.add("c", "industry: retail\n");
  bank.add("d", "title: no industry\n");
  bank.add("e", "industry: banking\n");
  Stats stats = count_by(bank.pointers, "industry", default_schema());
  CHECK(stats.cases == 5);
  CHECK_FALSE(stats.several);
  CHECK(rows_text(stats) == "retail=2 banking=1 Energy=1 <none>=1 ");
}

TEST_CASE("count_by counts each distinct item of a list once per case", "[stats]") {
  Bank bank;
  bank.add("a", "topics: [onboarding, retention, onboarding]\n");
  bank.add("b", "topics: [retention]\n");
  bank.add("c", "topics: []\n");
  bank.add("d", "authors:\n  - name: Ann\n  - name: Bo\n");
  Stats topics = count_by(bank.pointers, "topics", default_schema());
  CHECK(topics.several);
  CHECK(rows_text(topics) == "retention=2 onboarding=1 <none>=2 ");
  Stats authors = count_by(bank.pointers, "authors", default_schema());
  CHECK(rows_text(authors) == "Ann=1 Bo=1 <none>=3 ");
}

TEST_CASE("count_by keeps an ordered enum's order and years in time order", "[stats]") {
  Bank bank;
  bank.add("a", "company_size: 10001+\npublished: 2024-01-02\n");
  bank.add("b", "company_size: 1-10\npublished: 2019-05-01\n");
  bank.add("c", "company_size: 10001+\npublished: \"2024-03-01\"\n");
  bank.add("d", "company_size: huge\n");
  Stats sizes = count_by(bank.pointers, "company_size", default_schema());
  CHECK(rows_text(sizes) ==
        "1-10=1 11-50=0 51-200=0 201-1000=0 1001-5000=0 5001-10000=0 10001+=2 huge=1 ");
  Stats years = count_by(bank.pointers, "year", default_schema());
  CHECK(rows_text(years) == "2019=1 2024=2 <none>=1 ");
}
