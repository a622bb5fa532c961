// The SQLite export: normalised tables, an FTS5 index, foreign keys and
// indexes. Written into the output's temporary file in one transaction with
// the journal off (the file is renamed into place only when complete, so
// SQLite's own crash safety would only cost time).
//
//   cases(id, slug, path, title, kind, organization, industry, company_size,
//         company_size_rank, status, license, published, updated, year,
//         example, website, summary, body, front_matter)
//   authors(case_id, position, name, role, email, url)
//   topics(case_id, topic)       regions(case_id, region)     tools(case_id, tool)
//   metrics(case_id, position, name, before, after, unit, period, change)
//   sections(case_id, position, title, text)
//   cases_fts(title, summary, topics, body)  -- FTS5 over the view cases_fts_content,
//                                            -- rowid = cases.id
#include "hros/export.hpp"

#include "hros/export_data.hpp"
#include "hros/front_json.hpp"
#include "hros/scalar.hpp"
#include "hros/suggest.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace hros {
namespace {

constexpr const char* k_schema_sql = R"sql(
PRAGMA foreign_keys = ON;
CREATE TABLE hros_export (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL,
  path TEXT NOT NULL,
  title TEXT,
  kind TEXT,
  organization TEXT,
  industry TEXT,
  company_size TEXT,
  company_size_rank INTEGER,
  status TEXT,
  license TEXT,
  published TEXT,
  updated TEXT,
  year INTEGER,
  example INTEGER,
  website TEXT,
  summary TEXT,
  body TEXT NOT NULL,
  front_matter TEXT NOT NULL CHECK (json_valid(front_matter))
);
CREATE TABLE authors (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT,
  role TEXT,
  email TEXT,
  url TEXT,
  PRIMARY KEY (case_id, position)
);
CREATE TABLE topics (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  topic TEXT NOT NULL,
  PRIMARY KEY (case_id, topic)
);
CREATE TABLE regions (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  region TEXT NOT NULL,
  PRIMARY KEY (case_id, region)
);
CREATE TABLE tools (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  tool TEXT NOT NULL,
  PRIMARY KEY (case_id, tool)
);
CREATE TABLE metrics (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT,
  before REAL,
  after REAL,
  unit TEXT,
  period TEXT,
  change REAL GENERATED ALWAYS AS (after - before) VIRTUAL,
  PRIMARY KEY (case_id, position)
);
CREATE TABLE sections (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
);
-- The full-text index keeps no copy of the text: it reads it through this
-- view (FTS5 external content), so snippet() and highlight() still work.
CREATE VIEW cases_fts_content AS
  SELECT id, title, summary,
         (SELECT group_concat(topic, ' ') FROM topics WHERE case_id = cases.id) AS topics, body
  FROM cases;
CREATE VIRTUAL TABLE cases_fts USING fts5(
  title, summary, topics, body, content = 'cases_fts_content', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
)sql";

// Secondary indexes are built after the rows are in: faster than keeping
// them up to date row by row.
constexpr const char* k_index_sql = R"sql(
CREATE INDEX cases_slug ON cases(slug);
CREATE INDEX cases_industry ON cases(industry);
CREATE INDEX cases_company_size ON cases(company_size_rank);
CREATE INDEX cases_published ON cases(published);
CREATE INDEX cases_year ON cases(year);
CREATE INDEX authors_name ON authors(name);
CREATE INDEX topics_topic ON topics(topic);
CREATE INDEX regions_region ON regions(region);
CREATE INDEX tools_tool ON tools(tool);
)sql";

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Text stored as is, empty included (a plain std::string that is empty is NULL).
struct Text {
  const std::string& value;
};

class Writer {
public:
  explicit Writer(sqlite3* db) : m_db(db) {}

  Statement prepare(const char* sql) {
    sqlite3_stmt* statement = nullptr;
    check(sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr));
    return Statement(statement);
  }

  void exec(const char* sql) { check(sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr)); }

  // Binds values 1..n, steps once, resets.
  template <typename... Values> void run(sqlite3_stmt* statement, const Values&... values) {
    int index = 0;
    (bind(statement, ++index, values), ...);
    int code = sqlite3_step(statement);
    if (code != SQLITE_DONE) {
      check(code);
    }
    sqlite3_reset(statement);
  }

  void check(int code) {
    if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
      // "disk I/O error" says less than the errno behind it (EFBIG, ENOSPC).
      int system_errno = sqlite3_system_errno(m_db);
      std::string message = sqlite3_errmsg(m_db);
      int extended = sqlite3_extended_errcode(m_db);
      if (system_errno != 0 && ((code & 0xFF) == SQLITE_IOERR || (code & 0xFF) == SQLITE_FULL)) {
        message += fmt::format(" ({})", std::strerror(system_errno));
      } else if (extended == SQLITE_IOERR_WRITE || (code & 0xFF) == SQLITE_FULL) {
        // A short write leaves no errno: the disk is full or a size limit hit.
        message += " (the disk is full or the file is over a size limit)";
      }
      throw std::runtime_error(message);
    }
  }

private:
  void bind(sqlite3_stmt* statement, int index, const std::string& text) {
    // An empty value is a missing one: NULL, so `IS NULL` finds it.
    check(text.empty() ? sqlite3_bind_null(statement, index)
                       : sqlite3_bind_text(statement, index, text.data(),
                                           static_cast<int>(text.size()), SQLITE_STATIC));
  }
  void bind(sqlite3_stmt* statement, int index, const Text& text) {
    check(sqlite3_bind_text(statement, index, text.value.data(),
                            static_cast<int>(text.value.size()), SQLITE_STATIC));
  }
  void bind(sqlite3_stmt* statement, int index, long long number) {
    check(sqlite3_bind_int64(statement, index, number));
  }
  void bind(sqlite3_stmt* statement, int index, const std::optional<double>& number) {
    check(number ? sqlite3_bind_double(statement, index, *number)
                 : sqlite3_bind_null(statement, index));
  }
  void bind(sqlite3_stmt* statement, int index, const std::optional<long long>& number) {
    check(number ? sqlite3_bind_int64(statement, index, *number)
                 : sqlite3_bind_null(statement, index));
  }

  sqlite3* m_db;
};

std::string scalar_text(const YamlNode& front, const char* key) {
  const YamlNode* value = front.find(key);
  return value != nullptr && value->is_scalar() ? value->text : "";
}

std::vector<std::string> list_items(const YamlNode& front, const char* key) {
  std::vector<std::string> items;
  const YamlNode* value = front.find(key);
  if (value != nullptr && value->is_sequence()) {
    for (const YamlNode& item : value->items) {
      if (item.is_scalar() && std::find(items.begin(), items.end(), item.text) == items.end()) {
        items.push_back(item.text);
      }
    }
  }
  return items;
}

std::optional<long long> size_rank(const CaseRecord& record, const Schema& schema) {
  const FieldSpec* spec = schema.find_field("company_size");
  std::string size = scalar_text(record.front, "company_size");
  if (spec == nullptr || size.empty()) {
    return std::nullopt;
  }
  auto found = std::find(spec->values.begin(), spec->values.end(), size);
  if (found == spec->values.end()) {
    return std::nullopt;
  }
  return static_cast<long long>(found - spec->values.begin()) + 1;
}

std::optional<long long> year_of(const CaseRecord& record) {
  std::string year = field_text(record, "year");
  if (year.size() == 4 &&
      std::all_of(year.begin(), year.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::stoll(year);
  }
  return std::nullopt;
}

std::optional<long long> boolean_of(const YamlNode& front, const char* key) {
  std::string text = lowercase(scalar_text(front, key));
  if (text == "true") {
    return 1;
  }
  if (text == "false") {
    return 0;
  }
  return std::nullopt;
}

std::optional<double> number_of(const YamlNode& mapping, const char* key) {
  std::string text = scalar_text(mapping, key);
  return text.empty() ? std::nullopt : parse_number(text);
}

// SQLite calls this every few thousand instructions; non-zero aborts the
// statement, so a signal stops even a long index build promptly.
int stop_when_interrupted(void*) {
  return interrupt_signal() != 0 ? 1 : 0;
}

} // namespace

ExportResult export_sqlite(const std::vector<const CaseRecord*>& records, const Schema& schema,
                           const ExportOptions& options, OutputFile& out) {
  ExportResult result;
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(out.temp_path().c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    result.ok = false;
    result.error = fmt::format("cannot write a SQLite database: {}",
                               raw != nullptr ? sqlite3_errmsg(raw) : "out of memory");
    sqlite3_close_v2(raw);
    return result;
  }
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  sqlite3_progress_handler(raw, 10000, stop_when_interrupted, nullptr);
  Writer writer(raw);
  constexpr std::size_t k_batch = 256;
  std::vector<CaseBody> bodies(records.size());
  try {
    writer.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;");
    writer.exec(k_schema_sql);
    writer.exec("BEGIN");
    Statement meta = writer.prepare("INSERT INTO hros_export VALUES (?, ?)");
    writer.run(meta.get(), std::string("generator"), std::string("hros export"));
    writer.run(meta.get(), std::string("schema"), schema.name);
    Statement insert_case = writer.prepare(
        "INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Statement insert_author = writer.prepare("INSERT INTO authors VALUES (?, ?, ?, ?, ?, ?)");
    Statement insert_topic = writer.prepare("INSERT OR IGNORE INTO topics VALUES (?, ?)");
    Statement insert_region = writer.prepare("INSERT OR IGNORE INTO regions VALUES (?, ?)");
    Statement insert_tool = writer.prepare("INSERT OR IGNORE INTO tools VALUES (?, ?)");
    Statement insert_metric =
        writer.prepare("INSERT INTO metrics (case_id, position, name, before, after, unit, period) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)");
    Statement insert_section = writer.prepare("INSERT INTO sections VALUES (?, ?, ?, ?)");
    Statement insert_fts = writer.prepare(
        "INSERT INTO cases_fts (rowid, title, summary, topics, body) VALUES (?, ?, ?, ?, ?)");

    auto work = [&](std::size_t i) {
      bodies[i] = read_case_body(records[i]->file, RenderHtml::no);
    };
    auto emit = [&](std::size_t i) {
      const CaseRecord& record = *records[i];
      CaseBody body = std::move(bodies[i]);
      bodies[i] = CaseBody();
      if (!body.problem.empty()) {
        result.warnings.push_back(record.path + ": body left out: " + body.problem);
      }
      const YamlNode& front = record.front;
      auto id = static_cast<long long>(i) + 1;
      std::string front_json = front_matter_json(front, schema).dump(false);
      writer.run(insert_case.get(), id, record.slug, record.path, scalar_text(front, "title"),
                 scalar_text(front, "kind"), scalar_text(front, "organization"),
                 scalar_text(front, "industry"), scalar_text(front, "company_size"),
                 size_rank(record, schema), scalar_text(front, "status"),
                 scalar_text(front, "license"), scalar_text(front, "published"),
                 scalar_text(front, "updated"), year_of(record), boolean_of(front, "example"),
                 scalar_text(front, "website"), scalar_text(front, "summary"), Text{body.markdown},
                 Text{front_json});
      if (const YamlNode* authors = front.find("authors"); authors && authors->is_sequence()) {
        long long position = 0;
        for (const YamlNode& author : authors->items) {
          writer.run(insert_author.get(), id, ++position,
                     author.is_scalar() ? author.text : scalar_text(author, "name"),
                     author.is_mapping() ? scalar_text(author, "role") : std::string(),
                     author.is_mapping() ? scalar_text(author, "email") : std::string(),
                     author.is_mapping() ? scalar_text(author, "url") : std::string());
        }
      }
      std::vector<std::string> topics = list_items(front, "topics");
      for (const std::string& topic : topics) {
        writer.run(insert_topic.get(), id, topic);
      }
      for (const std::string& region : list_items(front, "regions")) {
        writer.run(insert_region.get(), id, region);
      }
      for (const std::string& tool : list_items(front, "tools")) {
        writer.run(insert_tool.get(), id, tool);
      }
      if (const YamlNode* metrics = front.find("metrics"); metrics && metrics->is_sequence()) {
        long long position = 0;
        for (const YamlNode& metric : metrics->items) {
          if (metric.is_mapping()) {
            writer.run(insert_metric.get(), id, ++position, scalar_text(metric, "name"),
                       number_of(metric, "before"), number_of(metric, "after"),
                       scalar_text(metric, "unit"), scalar_text(metric, "period"));
          }
        }
      }
      long long position = 0;
      for (const BodySection& section : body.sections) {
        writer.run(insert_section.get(), id, ++position, Text{section.title}, Text{section.text});
      }
      std::string topic_text;
      for (const std::string& topic : topics) {
        topic_text += (topic_text.empty() ? "" : " ") + topic;
      }
      writer.run(insert_fts.get(), id, scalar_text(front, "title"), scalar_text(front, "summary"),
                 topic_text, body.markdown);
      ++result.cases;
      return true;
    };
    if (!for_each_in_batches(records.size(), k_batch, options.threads, work, emit)) {
      result.ok = false;
      result.interrupted = true;
      return result;
    }
    writer.exec(k_index_sql);
    writer.exec("COMMIT");
    writer.exec("PRAGMA optimize");
  } catch (const std::exception& error) {
    result.ok = false;
    result.interrupted = interrupt_signal() != 0;
    result.error = fmt::format("cannot write a SQLite database: {}", error.what());
    return result;
  }
  db.reset();
  return result;
}

} // namespace hros
