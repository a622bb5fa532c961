#include "hros/search_index.hpp"

#include "hros/corpus.hpp"
#include "hros/file_stamp.hpp"
#include "hros/index_document.hpp"
#include "hros/lint.hpp"
#include "sqlite_db.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <future>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;

namespace hros {
namespace {

// Identify hros's cache files, and the layout of this version: a file with
// any other pair is not ours to read, and is rebuilt.
constexpr std::int64_t k_application_id = 0x68726f73; // "hros"
constexpr std::int64_t k_format_version = 4;

// BM25 weights of the FTS columns: title, summary, meta, body.
constexpr const char* k_rank = "bm25(docs, 10.0, 5.0, 2.0, 1.0)";

// Files parsed and inserted at a time, so a cold build of a huge bank does
// not hold every document in memory at once.
constexpr std::size_t k_batch = 512;

const char* const k_create_schema = R"sql(
CREATE TABLE files(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  mtime INTEGER NOT NULL,
  size INTEGER NOT NULL,
  inode INTEGER NOT NULL,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  organization TEXT NOT NULL,
  industry TEXT NOT NULL,
  company_size TEXT NOT NULL,
  year TEXT NOT NULL,
  summary TEXT NOT NULL,
  front TEXT NOT NULL,
  front_line INTEGER NOT NULL,
  problem TEXT NOT NULL);
CREATE INDEX files_slug ON files(slug);
CREATE INDEX files_stamp ON files(path, mtime, size, inode);
CREATE VIRTUAL TABLE docs USING fts5(title, summary, meta, body,
  tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'row');
CREATE TABLE racy(path TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE state(id INTEGER PRIMARY KEY CHECK (id = 1), first INTEGER NOT NULL,
  second INTEGER NOT NULL, count INTEGER NOT NULL);
INSERT INTO state VALUES(1, 0, 0, 0);
)sql";

struct Stored {
  std::int64_t id = 0;
  std::string path;
  FileStamp stamp;
};

struct Present {
  const std::string* path = nullptr; // relative to the root
  FileStamp stamp;
};

StampDigest stored_digest(sql::Database& db) {
  sql::Statement row = db.prepare("SELECT first, second, count FROM state WHERE id = 1");
  if (!row.step()) {
    return {};
  }
  return StampDigest{static_cast<std::uint64_t>(row.integer(0)),
                     static_cast<std::uint64_t>(row.integer(1)), row.integer(2)};
}

void store_digest(sql::Database& db, const StampDigest& digest) {
  db.prepare("UPDATE state SET first = ?1, second = ?2, count = ?3 WHERE id = 1")
      .bind(1, static_cast<std::int64_t>(digest.first))
      .bind(2, static_cast<std::int64_t>(digest.second))
      .bind(3, digest.count)
      .run();
}

std::string relative_path(const fs::path& file, const fs::path& root) {
  return file.lexically_relative(root).generic_string();
}

std::int64_t pragma(sql::Database& db, const char* name) {
  sql::Statement statement = db.prepare(fmt::format("PRAGMA {}", name));
  return statement.step() ? statement.integer(0) : 0;
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (char c : text) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return hash;
}

// Builds that a killed hros left behind: `<cache>.<pid>.tmp` whose process is gone.
void remove_abandoned_builds(const fs::path& cache) {
  std::error_code error;
  std::string prefix = cache.filename().string() + ".";
  for (fs::directory_iterator it(cache.parent_path(), error), end; !error && it != end;
       it.increment(error)) {
    std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() + 4 || name.compare(0, prefix.size(), prefix) != 0 ||
        name.compare(name.size() - 4, 4, ".tmp") != 0) {
      continue;
    }
    std::string pid = name.substr(prefix.size(), name.size() - prefix.size() - 4);
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos || pid.size() > 9) {
      continue;
    }
    if (::kill(static_cast<pid_t>(std::stol(pid)), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

void remove_cache_files(const fs::path& file) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(file.string() + suffix, ignored);
  }
}

// The files table is as found, but its digest says otherwise (a cache from
// before digests were kept correctly): set it right, or every command would
// read every row again.
void heal_digest(sql::Database& db, const std::vector<Stored>& stored) {
  StampDigest digest;
  for (const Stored& row : stored) {
    digest.add(row.path, row.stamp);
  }
  sql::Transaction transaction(db);
  store_digest(db, digest);
  transaction.commit();
}

} // namespace

fs::path default_listing_file(const fs::path& root) {
  fs::path cache = default_cache_file(root);
  return cache.empty() ? cache : fs::path(cache.string() + ".dirs");
}

fs::path default_cache_file(const fs::path& root) {
  fs::path directory;
  if (const char* own = std::getenv("HROS_CACHE_DIR"); own != nullptr && *own != '\0') {
    directory = own;
  } else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/') {
    directory = fs::path(xdg) / "hros";
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    directory = fs::path(home) / ".cache" / "hros";
  } else {
    return {};
  }
  std::error_code error;
  fs::path absolute = fs::weakly_canonical(fs::absolute(root, error), error);
  std::string name = absolute.filename().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return c == '/' || c == '\0'; }, '_');
  return directory /
         fmt::format("{}-{:016x}.sqlite", name.empty() ? "root" : name, fnv1a(absolute.string()));
}

SearchIndex::SearchIndex(const fs::path& root, const Corpus& corpus, const IndexOptions& options)
    : m_root(root), m_root_display(root.generic_string()),
      m_split_ranking_from(options.split_ranking_from),
      m_filtered_headroom(std::max<std::size_t>(1, options.filtered_headroom)) {
  open(options);
  try {
    refresh(corpus, options.threads);
    finish_fresh(corpus, options.threads);
  } catch (const sql::Error& error) {
    if (!m_building.empty()) {
      std::error_code ignored;
      fs::remove(m_building, ignored);
      m_building.clear();
    }
    if (m_status.in_memory) {
      throw IndexFailure(error.what());
    }
    // The cache broke under us (truncated, damaged pages, a full disk): start
    // again without it rather than answer from what is left.
    remove_cache_files(m_cache_file);
    m_load.reset();
    m_db.reset();
    IndexOptions memory = options;
    memory.use_cache = false;
    std::string notice = fmt::format("the search cache {} could not be used ({}); searching "
                                     "without it",
                                     m_cache_file.string(), error.what());
    m_status = IndexStatus{};
    open(memory);
    m_status.notice = notice;
    refresh(corpus, options.threads);
  }
}

SearchIndex::~SearchIndex() {
  m_load.reset(); // statements are finalised before their connection closes
  m_db.reset();
  if (!m_building.empty()) {
    std::error_code ignored;
    fs::remove(m_building, ignored);
  }
}

void SearchIndex::open(const IndexOptions& options) {
  if (options.use_cache) {
    m_cache_file = options.cache.empty() ? default_cache_file(m_root) : options.cache;
  }
  if (!options.use_cache || m_cache_file.empty()) {
    m_db = std::make_unique<sql::Database>(":memory:", sql::Database::Mode::memory);
    m_db->exec(k_create_schema);
    m_status.in_memory = true;
    return;
  }
  std::string reason;
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      std::error_code error;
      fs::create_directories(m_cache_file.parent_path(), error);
      if (!fs::exists(m_cache_file, error)) {
        open_fresh();
      } else {
        open_database(m_cache_file.string());
      }
      return;
    } catch (const sql::Error& error) {
      m_db.reset();
      reason = error.what();
      if (!error.is_corruption() && (error.code() & 0xff) != SQLITE_ERROR) {
        break; // unwritable or locked for too long: a rebuild would not help
      }
      m_status.notice = fmt::format("the search cache {} was unreadable ({}) and is rebuilt",
                                    m_cache_file.string(), reason);
      remove_cache_files(m_cache_file);
    }
  }
  m_db = std::make_unique<sql::Database>(":memory:", sql::Database::Mode::memory);
  m_db->exec(k_create_schema);
  m_status.in_memory = true;
  m_status.notice = fmt::format("the search cache {} cannot be used ({}); searching without it",
                                m_cache_file.string(), reason);
}

// A new cache is built in a file of its own, with no journal, and put in
// place only once complete: a build cut short leaves nothing half-made where
// the next command would look.
void SearchIndex::open_fresh() {
  remove_abandoned_builds(m_cache_file);
  m_building = fs::path(fmt::format("{}.{}.tmp", m_cache_file.string(), ::getpid()));
  remove_cache_files(m_building);
  m_db =
      std::make_unique<sql::Database>(m_building.string(), sql::Database::Mode::read_write_create);
  m_db->exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536");
  m_db->exec(k_create_schema);
  // FTS5 gathers new terms in memory and writes them out as a segment it
  // later merges with others; 8 MiB rather than 1 MiB at a time means
  // fewer segments to merge, a tenth less work for a first build.
  m_db->exec("INSERT INTO docs(docs, rank) VALUES('hashsize', 8388608)");
  m_db->exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}", k_application_id,
                         k_format_version)
                 .c_str());
}

void SearchIndex::finish_fresh(const Corpus& corpus, unsigned threads) {
  if (m_building.empty()) {
    return;
  }
  // Never replace a cache another hros put in place meanwhile: its write-ahead
  // log, if any, belongs to that file.
  bool placed = ::renameat2(AT_FDCWD, m_building.c_str(), AT_FDCWD, m_cache_file.c_str(),
                            RENAME_NOREPLACE) == 0;
  if (!placed && errno == EINVAL && ::link(m_building.c_str(), m_cache_file.c_str()) == 0) {
    ::unlink(m_building.c_str()); // a file system without renameat2's flags
    placed = true;
  }
  if (!placed) {
    std::error_code ignored;
    fs::remove(m_building, ignored);
  }
  m_building.clear();
  // From here on the cache is shared: read it as every other hros does, in
  // WAL mode, and bring it up to date if it is another's build.
  m_load.reset();
  m_db.reset();
  open_database(m_cache_file.string());
  if (!placed) {
    IndexStatus built = m_status;
    refresh(corpus, threads);
    m_status = built;
  }
}

void SearchIndex::open_database(const std::string& path) {
  m_db = std::make_unique<sql::Database>(path, sql::Database::Mode::read_write_create);
  sql::Database& db = *m_db;
  // Another hros may be updating the same cache: wait for it rather than fail.
  db.exec("PRAGMA busy_timeout = 10000");
  std::int64_t application = pragma(db, "application_id");
  std::int64_t version = pragma(db, "user_version");
  if (application == 0 && version == 0) {
    sql::Transaction transaction(db);
    sql::Statement tables = db.prepare("SELECT count(*) FROM sqlite_master");
    bool empty = tables.step() && tables.integer(0) == 0;
    tables.reset();
    if (empty) {
      db.exec(k_create_schema);
      db.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}", k_application_id,
                          k_format_version)
                  .c_str());
    }
    transaction.commit();
    application = pragma(db, "application_id");
    version = pragma(db, "user_version");
  }
  if (application != k_application_id || version != k_format_version) {
    throw sql::Error(SQLITE_NOTADB, "made by another version of hros");
  }
  // A cache can always be rebuilt, so durability is traded for speed; the
  // write-ahead log lets searches read while another command writes.
  // Switching to WAL needs the file to itself, and SQLite does not wait for
  // that: while a new cache's builder still reads it, try again for a while.
  for (int attempt = 0;; ++attempt) {
    try {
      db.exec("PRAGMA journal_mode = WAL");
      break;
    } catch (const sql::Error& error) {
      if ((error.code() & 0xff) != SQLITE_BUSY || attempt == 1000) {
        throw;
      }
      ::usleep(10000);
    }
  }
  db.exec("PRAGMA synchronous = OFF; PRAGMA cache_size = -65536");
}

void SearchIndex::refresh(const Corpus& corpus, unsigned threads) {
  sql::Database& db = *m_db;
  // The walk may have listed only the paths below the root (`relative`);
  // a corpus made otherwise may have only the full ones.
  std::vector<std::string> computed;
  if (corpus.relative.size() != corpus.files.size() && corpus.relative.empty()) {
    for (const fs::path& file : corpus.files) {
      computed.push_back(relative_path(file, m_root));
    }
  }
  const std::vector<std::string>& relative = computed.empty() ? corpus.relative : computed;
  std::size_t count = relative.size();
  // Stat-ing every file is the floor of a search's cost on a big bank (the
  // walk that found the files may have done it already); when the digest of
  // what was found equals the index's, nothing needs reading.
  std::vector<FileStamp> computed_stamps;
  if (corpus.stamps.size() != count) {
    computed_stamps = stat_files(m_root, relative, threads);
  }
  const std::vector<FileStamp>& stamps = computed_stamps.empty() ? corpus.stamps : computed_stamps;
  StampDigest found;
  for (std::size_t i = 0; i < count; ++i) {
    if (stamps[i].known()) {
      found.add(relative[i], stamps[i]);
    }
  }
  m_status.files = static_cast<std::size_t>(found.count);
  // Files read within the settling time of their last change: their stamps
  // cannot tell a second change in the same tick, so they are read again
  // until one is read long enough after its change.
  std::unordered_set<std::string> racy;
  {
    sql::Statement rows = db.prepare("SELECT path FROM racy");
    while (rows.step()) {
      racy.emplace(rows.text(0));
    }
  }
  bool same = found == stored_digest(db);
  if (same && racy.empty()) {
    return;
  }

  std::vector<Stored> stored;
  // With equal digests only the racy files need a look, not every row.
  if (!same) {
    sql::Statement rows =
        db.prepare("SELECT id, path, mtime, size, inode FROM files ORDER BY path");
    while (rows.step()) {
      stored.push_back(Stored{rows.integer(0), std::string(rows.text(1)),
                              FileStamp{rows.integer(2), rows.integer(3), rows.integer(4)}});
    }
  }
  // With equal digests, only the racy files: nothing is merged. In path
  // order either way, the order files are indexed in (ties rank by it).
  std::vector<Present> present;
  present.reserve(same ? racy.size() : count);
  for (std::size_t i = 0; i < count; ++i) {
    if (stamps[i].known() && (!same || racy.count(relative[i]) != 0)) {
      present.push_back(Present{&relative[i], stamps[i]});
    }
  }
  auto by_path = [](const Present& a, const Present& b) { return *a.path < *b.path; };
  if (!std::is_sorted(present.begin(), present.end(), by_path)) {
    std::sort(present.begin(), present.end(), by_path);
  }
  std::vector<std::int64_t> removed;
  std::vector<const Present*> to_read;
  if (same) {
    for (const Present& file : present) {
      to_read.push_back(&file);
    }
  }
  std::size_t i = 0;
  std::size_t j = same ? present.size() : 0;
  while (i < stored.size() || j < present.size()) {
    int order = i == stored.size()    ? 1
                : j == present.size() ? -1
                                      : stored[i].path.compare(*present[j].path);
    if (order < 0) {
      removed.push_back(stored[i++].id);
    } else if (order > 0) {
      to_read.push_back(&present[j++]);
      ++m_status.added;
    } else {
      if (!(stored[i].stamp == present[j].stamp)) {
        to_read.push_back(&present[j]);
        ++m_status.changed;
      } else if (racy.count(*present[j].path) != 0) {
        to_read.push_back(&present[j]);
      }
      ++i;
      ++j;
    }
  }
  m_status.removed = removed.size();
  if (removed.empty() && to_read.empty() && !same) {
    heal_digest(db, stored);
    return;
  }

  // The digest is kept equal to the files table's in the same transaction as
  // every change to it, whichever hros makes the change.
  sql::Transaction transaction(db);
  if (same) {
    db.exec("DELETE FROM racy"); // those still too recent are put back as they are read
  }
  StampDigest digest = stored_digest(db);
  sql::Statement delete_doc = db.prepare("DELETE FROM docs WHERE rowid = ?1");
  sql::Statement delete_file =
      db.prepare("DELETE FROM files WHERE id = ?1 RETURNING path, mtime, size, inode");
  sql::Statement find = db.prepare("SELECT id FROM files WHERE path = ?1");
  sql::Statement insert_file =
      db.prepare("INSERT INTO files(path, mtime, size, inode, slug, title, organization, industry, "
                 "company_size, year, summary, front, front_line, problem) "
                 "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  sql::Statement insert_doc =
      db.prepare("INSERT INTO docs(rowid, title, summary, meta, body) VALUES(?1, ?2, ?3, ?4, ?5)");
  sql::Statement add_racy = db.prepare("INSERT OR IGNORE INTO racy(path) VALUES(?1)");
  sql::Statement remove_racy = db.prepare("DELETE FROM racy WHERE path = ?1");
  auto forget = [&](std::int64_t id) {
    delete_doc.bind(1, id).run();
    delete_file.bind(1, id);
    if (delete_file.step()) {
      std::string path(delete_file.text(0));
      digest.remove(
          path, FileStamp{delete_file.integer(1), delete_file.integer(2), delete_file.integer(3)});
      delete_file.reset();
      remove_racy.bind(1, path).run();
    } else {
      delete_file.reset();
    }
  };
  // The files were stat-ed during the walk, before now.
  std::int64_t now = wall_clock_nanoseconds();
  for (std::int64_t id : removed) {
    forget(id);
  }
  // Reading and parsing the next batch overlaps inserting this one: SQLite
  // writes on one core while the other reads files.
  auto read_batch = [this, &to_read](std::size_t start, unsigned batch_threads) {
    std::size_t size = std::min(k_batch, to_read.size() - start);
    std::vector<IndexDocument> batch(size);
    parallel_for(size, batch_threads, [&](std::size_t k) {
      batch[k] = read_index_document(m_root / *to_read[start + k]->path);
    });
    return batch;
  };
  std::vector<IndexDocument> documents = read_batch(0, threads);
  for (std::size_t start = 0; start < to_read.size(); start += k_batch) {
    std::future<std::vector<IndexDocument>> next;
    if (start + k_batch < to_read.size()) {
      next = std::async(std::launch::async, read_batch, start + k_batch, 1u);
    }
    for (std::size_t k = 0; k < documents.size(); ++k) {
      const Present& entry = *to_read[start + k];
      const IndexDocument& document = documents[k];
      // Another hros may have indexed this file since the list was read.
      if (find.bind(1, *entry.path).step()) {
        std::int64_t id = find.integer(0);
        find.reset();
        forget(id);
      } else {
        find.reset();
      }
      insert_file.bind(1, *entry.path)
          .bind(2, entry.stamp.mtime)
          .bind(3, entry.stamp.size)
          .bind(4, entry.stamp.inode)
          .bind(5, document.slug)
          .bind(6, document.title)
          .bind(7, document.organization)
          .bind(8, document.industry)
          .bind(9, document.company_size)
          .bind(10, document.year)
          .bind(11, document.summary)
          .bind(12, document.front)
          .bind(13, static_cast<std::int64_t>(document.front_line))
          .bind(14, document.problem)
          .run();
      digest.add(*entry.path, entry.stamp);
      if (too_recent_to_trust(entry.stamp.mtime, now)) {
        add_racy.bind(1, *entry.path).run();
      }
      std::int64_t id = db.last_insert_rowid();
      insert_doc.bind(1, id)
          .bind(2, document.title)
          .bind(3, document.summary)
          .bind(4, document.meta)
          .bind(5, document.body)
          .run();
    }
    if (next.valid()) {
      documents = next.get();
    }
  }
  store_digest(db, digest);
  transaction.commit();
}

void SearchIndex::fail(const sql::Error& error) {
  // A query hros wrote failed on a cache that looked sound when opened
  // (damaged pages of the full-text index, say): the next command must not
  // meet it again, so it goes, unless the failure was the machine's (busy,
  // out of memory or disk) and says nothing of the file.
  int primary = error.code() & 0xff;
  bool transient = primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_NOMEM ||
                   primary == SQLITE_INTERRUPT || primary == SQLITE_FULL || primary == SQLITE_IOERR;
  if (!m_status.in_memory && !transient) {
    remove_cache_files(m_cache_file);
  }
  throw IndexFailure(error.what());
}

std::string SearchIndex::shown_path(std::string_view relative) const {
  return (fs::path(m_root_display) / fs::path(relative)).lexically_normal().string();
}

IndexedCase SearchIndex::load_case(std::int64_t id) {
  if (!m_load) {
    m_load = std::make_unique<sql::Statement>(m_db->prepare(
        "SELECT path, slug, title, organization, industry, company_size, year, summary, front, "
        "front_line, problem FROM files WHERE id = ?1"));
  }
  sql::Statement& row = *m_load;
  row.bind(1, id);
  IndexedCase item;
  if (!row.step()) {
    row.reset();
    return item;
  }
  item.id = id;
  item.path = shown_path(row.text(0));
  item.slug = row.text(1);
  item.title = row.text(2);
  item.organization = row.text(3);
  item.industry = row.text(4);
  item.company_size = row.text(5);
  item.year = row.text(6);
  item.summary = row.text(7);
  item.front = row.text(8);
  item.front_line = static_cast<int>(row.integer(9));
  item.problem = row.text(10);
  row.reset();
  return item;
}

struct RankedRow {
  std::int64_t id = 0;
  double rank = 0; // lower is better, as bm25() gives it
};

namespace {

bool better(const RankedRow& a, const RankedRow& b) {
  return a.rank < b.rank || (a.rank == b.rank && a.id < b.id);
}

// The rows matching `match` with ids in [low, high], best first; at most
// `bound` of them (0: all).
std::vector<RankedRow> rank_range(sql::Database& db, const std::string& match, std::size_t bound,
                                  std::int64_t low, std::int64_t high) {
  sql::Statement rows = db.prepare(fmt::format(
      "SELECT rowid, {} AS rank FROM docs WHERE docs MATCH ?1 AND rowid BETWEEN ?2 AND ?3 "
      "ORDER BY rank, rowid{}",
      k_rank, bound != 0 ? " LIMIT ?4" : ""));
  rows.bind(1, match).bind(2, low).bind(3, high);
  if (bound != 0) {
    rows.bind(4, static_cast<std::int64_t>(bound));
  }
  std::vector<RankedRow> ranked;
  while (rows.step()) {
    ranked.push_back(RankedRow{rows.integer(0), rows.real(1)});
  }
  return ranked;
}

} // namespace

std::vector<RankedRow> SearchIndex::rank_rows(const std::string& match, std::size_t bound) {
  std::int64_t last = 0;
  {
    sql::Statement max = m_db->prepare("SELECT max(rowid) FROM docs");
    last = max.step() ? max.integer(0) : 0;
  }
  // A common word matches most of a big bank, and ranking is then the
  // costliest part of a search: the cache file is read by a second
  // connection on the other core, each ranking half of the ids (BM25 scores
  // use the whole table's statistics, so the halves compare).
  if (m_status.in_memory || last < m_split_ranking_from) {
    return rank_range(*m_db, match, bound, 0, last);
  }
  std::int64_t middle = last / 2;
  std::string file = m_cache_file.string();
  std::future<std::vector<RankedRow>> upper = std::async(std::launch::async, [&] {
    sql::Database second(file, sql::Database::Mode::read_write_create);
    second.exec("PRAGMA busy_timeout = 10000");
    return rank_range(second, match, bound, middle + 1, last);
  });
  std::vector<RankedRow> lower;
  try {
    lower = rank_range(*m_db, match, bound, 0, middle);
  } catch (...) {
    upper.wait();
    throw;
  }
  std::vector<RankedRow> higher = upper.get();
  std::vector<RankedRow> merged(lower.size() + higher.size());
  std::merge(lower.begin(), lower.end(), higher.begin(), higher.end(), merged.begin(), better);
  if (bound != 0 && merged.size() > bound) {
    merged.resize(bound);
  }
  return merged;
}

std::vector<SearchHit> SearchIndex::ranked(const std::string& match, std::size_t limit,
                                           const std::function<bool(const IndexedCase&)>& keep,
                                           bool& more, std::int64_t except) {
  std::vector<SearchHit> hits;
  more = false;
  // Enough rows: the limit, one more to tell whether there are more, and one
  // more again in case `except` is among them.
  auto enough = [&] { return limit != 0 && hits.size() > limit; };
  try {
    // SQLite keeps just the best rows while ranking rather than sorting every
    // match. A filter may pass few of them (a filter that passes one case in
    // fifty still fills a page from the first ones): then every match is
    // ranked, and the rows already seen are skipped.
    std::size_t bound = limit == 0 ? 0 : keep ? (limit + 2) * m_filtered_headroom : limit + 2;
    std::unordered_set<std::int64_t> seen;
    for (bool first = true; first || (bound != 0 && !enough()); first = false) {
      std::vector<RankedRow> rows = rank_rows(match, first ? bound : 0);
      for (const RankedRow& row : rows) {
        if (row.id == except || !seen.insert(row.id).second) {
          continue;
        }
        IndexedCase item = load_case(row.id);
        if (keep && !keep(item)) {
          continue;
        }
        hits.push_back(SearchHit{std::move(item), -row.rank, {}});
        if (enough()) {
          break;
        }
      }
      if (!first || rows.size() < bound) {
        break; // every match was ranked
      }
    }
  } catch (const sql::Error& error) {
    fail(error);
  }
  if (enough()) {
    hits.resize(limit);
    more = true;
  }
  return hits;
}

std::vector<SearchHit> SearchIndex::search_paths(const Query& query, std::size_t limit,
                                                 bool& more) {
  std::vector<SearchHit> hits;
  more = false;
  try {
    std::vector<RankedRow> rows = rank_rows(to_fts5(query), limit == 0 ? 0 : limit + 1);
    if (limit != 0 && rows.size() > limit) {
      rows.resize(limit);
      more = true;
    }
    // Many results: one pass over the paths (a small index) beats a lookup
    // in the big rows of the files table for each.
    std::unordered_map<std::int64_t, std::string> paths;
    if (rows.size() > 1000) {
      sql::Statement all = m_db->prepare("SELECT id, path FROM files INDEXED BY files_stamp");
      while (all.step()) {
        paths.emplace(all.integer(0), std::string(all.text(1)));
      }
    } else {
      sql::Statement one = m_db->prepare("SELECT path FROM files WHERE id = ?1");
      for (const RankedRow& row : rows) {
        one.bind(1, row.id);
        if (one.step()) {
          paths.emplace(row.id, std::string(one.text(0)));
        }
        one.reset();
      }
    }
    for (const RankedRow& row : rows) {
      auto found = paths.find(row.id);
      if (found == paths.end()) {
        continue; // removed by another hros meanwhile
      }
      SearchHit hit;
      hit.item.id = row.id;
      hit.item.path = shown_path(found->second);
      hit.score = -row.rank;
      hits.push_back(std::move(hit));
    }
  } catch (const sql::Error& error) {
    fail(error);
  }
  return hits;
}

std::vector<SearchHit> SearchIndex::search(const Query& query, std::size_t limit,
                                           const std::function<bool(const IndexedCase&)>& keep,
                                           bool& more) {
  return ranked(to_fts5(query), limit, keep, more, 0);
}

std::size_t SearchIndex::count(const Query& query) {
  try {
    sql::Statement rows = m_db->prepare("SELECT count(*) FROM docs WHERE docs MATCH ?1");
    rows.bind(1, to_fts5(query));
    return rows.step() ? static_cast<std::size_t>(rows.integer(0)) : 0;
  } catch (const sql::Error& error) {
    fail(error);
  }
}

std::vector<std::string> SearchIndex::vocabulary() {
  std::vector<std::string> terms;
  try {
    sql::Statement rows = m_db->prepare("SELECT term FROM vocab");
    while (rows.step()) {
      terms.emplace_back(rows.text(0));
    }
  } catch (const sql::Error& error) {
    fail(error);
  }
  return terms;
}

std::string SearchIndex::written_form(const std::string& stem) {
  // The first place a case has the stem, highlighted, gives the word as
  // written there ("quillfeather" for the stem "quillfeath").
  try {
    sql::Statement rows = m_db->prepare(
        "SELECT highlight(docs, 0, char(1), char(2)), highlight(docs, 1, char(1), char(2)), "
        "highlight(docs, 2, char(1), char(2)), highlight(docs, 3, char(1), char(2)) FROM docs "
        "WHERE docs MATCH ?1 LIMIT 1");
    std::string quoted = "\"";
    for (char c : stem) {
      quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    rows.bind(1, quoted + "\"");
    if (rows.step()) {
      for (int column = 0; column < 4; ++column) {
        std::string_view text = rows.text(column);
        std::size_t open = text.find('\x01');
        std::size_t close = open == std::string_view::npos ? open : text.find('\x02', open);
        if (close != std::string_view::npos && close > open + 1) {
          std::string word(text.substr(open + 1, close - open - 1));
          for (char& c : word) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          }
          return word;
        }
      }
    }
  } catch (const sql::Error&) {
    // A suggestion is a courtesy: the stem will do.
  }
  return stem;
}

std::unique_ptr<IndexedCase> SearchIndex::find_slug(const std::string& slug) {
  try {
    sql::Statement rows = m_db->prepare("SELECT id FROM files WHERE slug = ?1 ORDER BY path");
    rows.bind(1, slug);
    if (!rows.step()) {
      return nullptr;
    }
    return std::make_unique<IndexedCase>(load_case(rows.integer(0)));
  } catch (const sql::Error& error) {
    fail(error);
  }
}

std::vector<SearchHit> SearchIndex::similar(const std::string& words, std::int64_t except,
                                            std::size_t limit) {
  std::string match;
  std::size_t start = 0;
  while (start < words.size()) {
    std::size_t end = std::min(words.find(' ', start), words.size());
    std::string_view word = std::string_view(words).substr(start, end - start);
    if (!word.empty()) {
      match += match.empty() ? "\"" : " OR \"";
      for (char c : word) {
        match += c == '"' ? std::string("\"\"") : std::string(1, c);
      }
      match += '"';
    }
    start = end + 1;
  }
  bool more = false;
  return match.empty() ? std::vector<SearchHit>{} : ranked(match, limit, {}, more, except);
}

std::string SearchIndex::snippet(const Query& query, std::int64_t id, bool any_field) {
  // The body says most about why a case matched; else the summary, then
  // the title and the facts (organization, topics...), if asked for.
  try {
    for (int column : {3, 1, 0, 2}) {
      if (!any_field && (column == 0 || column == 2)) {
        break;
      }
      sql::Statement rows =
          m_db->prepare(fmt::format("SELECT snippet(docs, {}, char(1), char(2), '…', 24) FROM docs "
                                    "WHERE docs MATCH ?1 AND rowid = ?2",
                                    column));
      rows.bind(1, to_fts5(query)).bind(2, id);
      if (rows.step() && rows.text(0).find('\x01') != std::string_view::npos) {
        return std::string(rows.text(0));
      }
    }
  } catch (const sql::Error& error) {
    fail(error);
  }
  return {};
}

} // namespace hros
