// The printers of `hros list` (table, json, ndjson, csv, paths), CSV cells,
// and the field text and order of a case record they are built on.
#include "hros/list_report.hpp"

#include "hros/case_record.hpp"
#include "hros/schema_load.hpp"
#include "hros/yaml_load.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using hros::CaseRecord;
using hros::ListFormat;
using hros::ListStyle;

namespace {

CaseRecord record(const std::string& slug, const std::string& yaml) {
  CaseRecord result;
  result.slug = slug;
  result.path = "cases/" + slug + ".md";
  result.file = result.path;
  hros::YamlLoad load = hros::load_yaml(yaml, hros::Position{2, 1, 4});
  REQUIRE(load.ok);
  REQUIRE(load.root.is_mapping());
  result.front = std::move(load.root);
  return result;
}

std::string render(const std::vector<CaseRecord>& records, ListFormat format,
                   const std::vector<std::string>& columns = {"slug", "title"},
                   std::size_t width = 0) {
  std::vector<const CaseRecord*> pointers;
  for (const CaseRecord& one : records) {
    pointers.push_back(&one);
  }
  ListStyle style;
  style.columns = columns;
  style.width = width;
  return hros::render_list(pointers, hros::default_schema(), format, style);
}

const std::string k_typed = "title: 2024 in review\n"
                            "example: true\n"
                            "company_size: 201-1000\n"
                            "regions: [NO, SE]\n"
                            "published: 2022-03-18\n"
                            "authors:\n"
                            "  - name: Jane Doe\n"
                            "    role: Head of Talent\n"
                            "  - name: Ola Example\n"
                            "metrics:\n"
                            "  - name: Offer acceptance\n"
                            "    before: 71\n"
                            "    after: 84.5\n"
                            "    unit: \"%\"\n"
                            "  - name: Quoted\n"
                            "    before: \"12\"\n"
                            "rating: 4\n"
                            "flag: yes\n"
                            "nothing: ~\n";

} // namespace

TEST_CASE("list report: format names", "[list]") {
  ListFormat format = ListFormat::table;
  CHECK(hros::parse_list_format("json", format));
  CHECK(format == ListFormat::json);
  CHECK(hros::parse_list_format("ndjson", format));
  CHECK(format == ListFormat::ndjson);
  CHECK(hros::parse_list_format("csv", format));
  CHECK(format == ListFormat::csv);
  CHECK(hros::parse_list_format("paths", format));
  CHECK(format == ListFormat::paths);
  CHECK(hros::parse_list_format("table", format));
  CHECK(format == ListFormat::table);
  CHECK_FALSE(hros::parse_list_format("xml", format));
  CHECK_FALSE(hros::parse_list_format("JSON", format));
  CHECK(format == ListFormat::table);
}

TEST_CASE("list report: csv cells are quoted only when needed", "[list]") {
  CHECK(hros::csv_cell("plain text") == "plain text");
  CHECK(hros::csv_cell("").empty());
  CHECK(hros::csv_cell("a, b") == "\"a, b\"");
  CHECK(hros::csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(hros::csv_cell("two\nlines") == "\"two\nlines\"");
  CHECK(hros::csv_cell("cr\rhere") == "\"cr\rhere\"");
  CHECK(hros::csv_cell(" padded") == "\" padded\"");
  CHECK(hros::csv_cell("padded ") == "\"padded \"");
  CHECK(hros::csv_cell("US; CA") == "US; CA");
  CHECK(hros::csv_cell("caf\xC3\xA9") == "caf\xC3\xA9");
}

TEST_CASE("list report: csv cells a spreadsheet would run are made inert", "[list]") {
  CHECK(hros::csv_cell("=SUM(A1)") == "'=SUM(A1)");
  CHECK(hros::csv_cell("+1 555") == "'+1 555");
  CHECK(hros::csv_cell("-40% overtime") == "'-40% overtime");
  CHECK(hros::csv_cell("@Home Care") == "'@Home Care");
  CHECK(hros::csv_cell("\tindented") == "'\tindented");
  CHECK(hros::csv_cell("\rreturn") == "\"'\rreturn\"");
  CHECK(hros::csv_cell("=1,2") == "\"'=1,2\"");
  CHECK(hros::csv_cell("a=b") == "a=b");
  CHECK(hros::csv_cell("'quoted") == "'quoted");
}

TEST_CASE("list report: field text joins lists and derives year slug and path", "[list]") {
  CaseRecord typed = record("typed", k_typed);
  CHECK(hros::field_text(typed, "slug") == "typed");
  CHECK(hros::field_text(typed, "path") == "cases/typed.md");
  CHECK(hros::field_text(typed, "year") == "2022");
  CHECK(hros::field_text(typed, "published") == "2022-03-18");
  CHECK(hros::field_text(typed, "regions") == "NO; SE");
  CHECK(hros::field_text(typed, "authors") == "Jane Doe; Ola Example");
  CHECK(hros::field_text(typed, "title") == "2024 in review");
  CHECK(hros::field_text(typed, "license").empty());
  CHECK(hros::field_text(typed, "nothing").empty());
  CaseRecord undated = record("undated", "title: x\n");
  CHECK(hros::field_text(undated, "year").empty());
}

TEST_CASE("list report: records order by the field's type with missing values last", "[list]") {
  const hros::Schema& schema = hros::default_schema();
  CaseRecord small = record("small", "company_size: 51-200\npublished: 2022-03-02\ntitle: b\n");
  CaseRecord large = record("large", "company_size: 201-1000\npublished: 2022-11-30\ntitle: A\n");
  CaseRecord none = record("none", "title: c\n");
  CHECK(hros::compare_field(small, large, "company_size", schema) < 0);
  CHECK(hros::compare_field(large, small, "company_size", schema) > 0);
  CHECK(hros::compare_field(small, small, "company_size", schema) == 0);
  CHECK(hros::compare_field(small, large, "published", schema) < 0);
  CHECK(hros::compare_field(small, large, "year", schema) == 0);
  CHECK(hros::compare_field(large, small, "title", schema) < 0);
  CHECK(hros::compare_field(none, small, "company_size", schema) > 0);
  CHECK(hros::compare_field(small, none, "company_size", schema) < 0);
  CHECK(hros::compare_field(none, large, "published", schema) > 0);
  CHECK(hros::compare_field(large, small, "slug", schema) < 0);
}

TEST_CASE("list report: numbers order as numbers", "[list]") {
  hros::SchemaLoad load =
      hros::load_schema("fields:\n  headcount:\n    type: integer\n", "numbers.yaml");
  REQUIRE(load.ok);
  CaseRecord nine = record("nine", "headcount: 9\n");
  CaseRecord ten = record("ten", "headcount: 10\n");
  CHECK(hros::compare_field(nine, ten, "headcount", load.schema) < 0);
  CHECK(hros::compare_field(ten, nine, "headcount", load.schema) > 0);
}

TEST_CASE("list report: a table has a header and aligned columns", "[list]") {
  std::vector<CaseRecord> records = {
      record("buddy", "title: A buddy for every new nurse\ncompany_size: 1001-5000\n"),
      record("four-day-week", "title: Four days\ncompany_size: 11-50\n")};
  CHECK(render(records, ListFormat::table, {"slug", "title", "company_size"}) ==
        "SLUG           TITLE                        COMPANY_SIZE\n"
        "buddy          A buddy for every new nurse  1001-5000\n"
        "four-day-week  Four days                    11-50\n");
  CHECK(render({}, ListFormat::table) == "SLUG  TITLE\n");
}

TEST_CASE("list report: table cells are one line", "[list]") {
  std::vector<CaseRecord> records = {
      record("multi", "title: one\nsummary: |-\n  first line\n  second\tline\n")};
  CHECK(render(records, ListFormat::table, {"slug", "summary"}) ==
        "SLUG   SUMMARY\n"
        "multi  first line second line\n");
}

TEST_CASE("list report: table lines never end in spaces", "[list]") {
  // The last column is empty for the second case: its line must still end
  // at the last character printed, not in the padding of the column before.
  std::vector<CaseRecord> records = {record("dated", "published: 2022-03-18\n"),
                                     record("undated-case", "title: Not yet\n")};
  CHECK(render(records, ListFormat::table, {"slug", "published"}) == "SLUG          PUBLISHED\n"
                                                                     "dated         2022-03-18\n"
                                                                     "undated-case\n");
}

TEST_CASE("list report: a table narrows its widest column to fit a width", "[list]") {
  std::vector<CaseRecord> records = {
      record("a-case", "title: A very long title that will not fit\n")};
  std::string table = render(records, ListFormat::table, {"slug", "title"}, 30);
  CHECK(table == "SLUG    TITLE\n"
                 "a-case  A very long title tha\xE2\x80\xA6\n");
  // Without a width, rows are printed whole.
  CHECK(render(records, ListFormat::table) == "SLUG    TITLE\n"
                                              "a-case  A very long title that will not fit\n");
}

TEST_CASE("list report: table width counts characters not bytes", "[list]") {
  std::vector<CaseRecord> records = {record("cafe", "title: Caf\xC3\xA9 culture\n"),
                                     record("plain", "title: Plain\n")};
  CHECK(render(records, ListFormat::table, {"title", "slug"}) == "TITLE         SLUG\n"
                                                                 "Caf\xC3\xA9 culture  cafe\n"
                                                                 "Plain         plain\n");
}

TEST_CASE("list report: wide characters take two columns and accents none", "[list]") {
  std::vector<CaseRecord> records = {
      record("tokyo",
             "title: \xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE7\xA0\x94\xE4\xBF\xAE\n"), // 東京の研修
      record("cafe", "title: Cafe\xCC\x81\n")};
  CHECK(render(records, ListFormat::table, {"title", "slug"}) ==
        "TITLE       SLUG\n"
        "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE7\xA0\x94\xE4\xBF\xAE  tokyo\n"
        "Cafe\xCC\x81        cafe\n");
  // Cut to 8 + 2 + 5 columns: three wide characters and the ellipsis leave one
  // column of padding; a fourth would not fit.
  CHECK(render(records, ListFormat::table, {"title", "slug"}, 15) ==
        "TITLE     SLUG\n"
        "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE2\x80\xA6   tokyo\n"
        "Cafe\xCC\x81      cafe\n");
}

TEST_CASE("list report: paths are one a line", "[list]") {
  std::vector<CaseRecord> records = {record("b", "title: x\n"), record("a", "title: y\n")};
  CHECK(render(records, ListFormat::paths) == "cases/b.md\ncases/a.md\n");
  CHECK(render({}, ListFormat::paths).empty());
}

TEST_CASE("list report: csv has a header and CRLF rows", "[list]") {
  std::vector<CaseRecord> records = {
      record("pay-bands", "title: \"Pay bands, published\"\nregions: [US, CA]\n"),
      record("formula", "title: \"=SUM(A1) is not engagement\"\n")};
  CHECK(render(records, ListFormat::csv, {"slug", "title", "regions", "published"}) ==
        "slug,title,regions,published\r\n"
        "pay-bands,\"Pay bands, published\",US; CA,\r\n"
        "formula,'=SUM(A1) is not engagement,,\r\n");
  CHECK(render({}, ListFormat::csv) == "slug,title\r\n");
}

TEST_CASE("list report: ndjson is one typed object a line", "[list]") {
  std::vector<CaseRecord> records = {record("typed", k_typed), record("other", "title: Other\n")};
  CHECK(render(records, ListFormat::ndjson) ==
        "{\"slug\":\"typed\",\"path\":\"cases/typed.md\",\"title\":\"2024 in review\","
        "\"example\":true,\"company_size\":\"201-1000\",\"regions\":[\"NO\",\"SE\"],"
        "\"published\":\"2022-03-18\",\"authors\":[{\"name\":\"Jane Doe\",\"role\":\"Head of "
        "Talent\"},{\"name\":\"Ola Example\"}],\"metrics\":[{\"name\":\"Offer acceptance\","
        "\"before\":71,\"after\":84.5,\"unit\":\"%\"},{\"name\":\"Quoted\",\"before\":\"12\"}],"
        "\"rating\":4,\"flag\":\"yes\",\"nothing\":null}\n"
        "{\"slug\":\"other\",\"path\":\"cases/other.md\",\"title\":\"Other\"}\n");
  CHECK(render({}, ListFormat::ndjson).empty());
}

TEST_CASE("list report: json is an indented array", "[list]") {
  std::vector<CaseRecord> records = {record("one", "title: One\nregions: [GB]\n")};
  CHECK(render(records, ListFormat::json) == "[\n"
                                             "  {\n"
                                             "    \"slug\": \"one\",\n"
                                             "    \"path\": \"cases/one.md\",\n"
                                             "    \"title\": \"One\",\n"
                                             "    \"regions\": [\n"
                                             "      \"GB\"\n"
                                             "    ]\n"
                                             "  }\n"
                                             "]\n");
  CHECK(render({}, ListFormat::json) == "[]\n");
}
