#include "sqlite_db.hpp"

namespace hros::sql {
namespace {

[[noreturn]] void fail(sqlite3* db, int code) {
  throw Error(code, db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code));
}

} // namespace

bool Error::is_corruption() const {
  int primary = m_code & 0xff;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB || primary == SQLITE_FORMAT;
}

namespace {

// SQLite counts every allocation under one process-wide mutex unless told
// not to; two connections ranking on two cores would take turns at it.
void configure_once() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

} // namespace

Database::Database(const std::string& path, Mode mode) {
  configure_once();
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::memory) {
    flags |= SQLITE_OPEN_MEMORY;
  }
  int code =
      sqlite3_open_v2(mode == Mode::memory ? ":memory:" : path.c_str(), &m_db, flags, nullptr);
  if (code != SQLITE_OK) {
    std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
    sqlite3_close(m_db);
    m_db = nullptr;
    throw Error(code, message);
  }
  sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database() {
  sqlite3_close(m_db);
}

void Database::exec(const char* sql) {
  int code = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) {
    fail(m_db, code);
  }
}

Statement Database::prepare(std::string_view sql) {
  return Statement(m_db, sql);
}

std::int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(m_db);
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
  int code =
      sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_statement, nullptr);
  if (code != SQLITE_OK) {
    fail(db, code);
  }
}

Statement::~Statement() {
  sqlite3_finalize(m_statement);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_statement(other.m_statement) {
  other.m_statement = nullptr;
}

Statement& Statement::bind(int index, std::string_view text) {
  int code = sqlite3_bind_text(m_statement, index, text.data(), static_cast<int>(text.size()),
                               SQLITE_TRANSIENT);
  if (code != SQLITE_OK) {
    fail(m_db, code);
  }
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  int code = sqlite3_bind_int64(m_statement, index, value);
  if (code != SQLITE_OK) {
    fail(m_db, code);
  }
  return *this;
}

Statement& Statement::bind_null(int index) {
  int code = sqlite3_bind_null(m_statement, index);
  if (code != SQLITE_OK) {
    fail(m_db, code);
  }
  return *this;
}

bool Statement::step() {
  int code = sqlite3_step(m_statement);
  if (code == SQLITE_ROW) {
    return true;
  }
  if (code == SQLITE_DONE) {
    return false;
  }
  fail(m_db, code);
}

void Statement::run() {
  step();
  reset();
}

void Statement::reset() {
  sqlite3_reset(m_statement);
  sqlite3_clear_bindings(m_statement);
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(m_statement, column);
}

std::string_view Statement::text(int column) const {
  const unsigned char* data = sqlite3_column_text(m_statement, column);
  int size = sqlite3_column_bytes(m_statement, column);
  return data == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(data),
                                            static_cast<std::size_t>(size));
}

double Statement::real(int column) const {
  return sqlite3_column_double(m_statement, column);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

Transaction::Transaction(Database& db, const char* begin) : m_db(db) {
  m_db.exec(begin);
}

Transaction::~Transaction() {
  if (m_open) {
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit() {
  m_db.exec("COMMIT");
  m_open = false;
}

} // namespace hros::sql
