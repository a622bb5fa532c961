#pragma once

// A thin RAII layer over the SQLite C API: a connection, prepared statements
// and an error type carrying SQLite's result code, so callers can tell a
// corrupt or foreign file (rebuild it) from a busy one (wait) from a full disk.

#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hros::sql {

class Error : public std::runtime_error {
public:
  Error(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
  int code() const { return m_code; }
  // The file is not a usable database: damaged, truncated or not SQLite at all.
  bool is_corruption() const;

private:
  int m_code;
};

class Statement;

class Database {
public:
  enum class Mode { read_write_create, memory };

  Database(const std::string& path, Mode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(const char* sql);
  Statement prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  sqlite3* handle() const { return m_db; }

private:
  sqlite3* m_db = nullptr;
};

class Statement {
public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind_null(int index);
  // Advances to the next row; false when there is none (the statement is done).
  bool step();
  void run(); // steps once, for statements that return no rows
  void reset();

  std::int64_t integer(int column) const;
  std::string_view text(int column) const;
  double real(int column) const;
  bool is_null(int column) const;

private:
  sqlite3* m_db;
  sqlite3_stmt* m_statement = nullptr;
};

// A transaction that rolls back unless committed (on an exception, say).
class Transaction {
public:
  explicit Transaction(Database& db, const char* begin = "BEGIN IMMEDIATE");
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

private:
  Database& m_db;
  bool m_open = true;
};

} // namespace hros::sql
