// A search query as `hros search` takes it: parsed, and when valid turned into
// an FTS5 expression that SQLite must accept and run on a small index with
// the tokenizer hros uses; a malformed query gets a message and a column on
// the query, never an exception or an SQLite error.
#include "fuzz_support.hpp"
#include "fuzz_targets.hpp"

#include "hros/query.hpp"

#include <sqlite3.h>

namespace hros::fuzz {
namespace {

// One in-memory index for the whole run, as `hros search` would have it.
sqlite3* index_database() {
  static sqlite3* db = [] {
    sqlite3* handle = nullptr;
    sqlite3_open(":memory:", &handle);
    sqlite3_exec(handle,
                 "CREATE VIRTUAL TABLE docs USING fts5(title, summary, meta, body, "
                 "tokenize = 'porter unicode61 remove_diacritics 2');"
                 "INSERT INTO docs VALUES('Onboarding buddies', 'New hires stay longer', "
                 "'retail onboarding', 'We paired every new hire with a buddy.');",
                 nullptr, nullptr, nullptr);
    return handle;
  }();
  return db;
}

} // namespace

int query(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  QueryParse parsed = parse_query(text);
  if (!parsed.error.empty()) {
    require(parsed.column >= 1 && static_cast<std::size_t>(parsed.column) <= text.size() + 1,
            "error column {} outside a query of {} bytes", parsed.column, text.size());
    return 0;
  }
  require(!parsed.query.groups.empty(), "a valid query with nothing to look for");
  std::string expression = to_fts5(parsed.query);
  sqlite3_stmt* statement = nullptr;
  int code = sqlite3_prepare_v2(index_database(), "SELECT count(*) FROM docs WHERE docs MATCH ?1",
                                -1, &statement, nullptr);
  require(code == SQLITE_OK, "prepare failed: {}", sqlite3_errstr(code));
  sqlite3_bind_text(statement, 1, expression.data(), static_cast<int>(expression.size()),
                    SQLITE_TRANSIENT);
  code = sqlite3_step(statement);
  std::string message = sqlite3_errmsg(index_database());
  sqlite3_finalize(statement);
  require(code == SQLITE_ROW, "FTS5 rejected '{}' made from '{}': {}", expression, text, message);
  return 0;
}

} // namespace hros::fuzz
