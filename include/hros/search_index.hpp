#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hros/corpus.hpp"
#include "hros/query.hpp"

namespace hros {

namespace sql {
class Database;
class Error;
class Statement;
} // namespace sql

struct RankedRow;

// A case as the index has it, for results and filters.
struct IndexedCase {
  std::int64_t id = 0;
  std::string path; // as displayed
  std::string slug;
  std::string title;
  std::string organization;
  std::string industry;
  std::string company_size;
  std::string year;
  std::string summary;
  std::string front; // raw YAML front matter
  int front_line = 2;
  std::string problem; // non-empty: the front matter could not be read
};

struct SearchHit {
  IndexedCase item;
  double score = 0;    // higher is better
  std::string snippet; // matches between \x01 and \x02
};

struct IndexOptions {
  bool use_cache = true;       // false: build in memory, touch no file
  std::filesystem::path cache; // the cache file; empty: default_cache_file(root)
  unsigned threads = 0;        // 0: one per core
  // From this many cases on, a query is ranked on two connections at once,
  // each over half of the cases (a cache file only).
  std::int64_t split_ranking_from = 20000;
  // A filtered search ranks this many rows per result asked for first, and
  // every match only when the filter passes too few of them.
  std::size_t filtered_headroom = 64;
};

// The index failed under a command (a damaged cache file, a disk error);
// the caller may drop the cache and try again in memory.
class IndexFailure : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// What opening the index did, for the user and for tests.
struct IndexStatus {
  std::size_t files = 0;
  std::size_t added = 0;
  std::size_t changed = 0;
  std::size_t removed = 0;
  bool in_memory = false;
  std::string notice; // one line worth telling the user (cache rebuilt or bypassed), or empty
};

// Where the cache of a cases root lives: $HROS_CACHE_DIR, else
// $XDG_CACHE_HOME/hros, else ~/.cache/hros; one file per root, named after it.
std::filesystem::path default_cache_file(const std::filesystem::path& root);
// Where the walk keeps the names of the root's directories (dir_listing.hpp):
// beside the cache file; empty when there is no cache directory.
std::filesystem::path default_listing_file(const std::filesystem::path& root);

// A full-text index (SQLite FTS5) of a bank, kept as a cache outside the
// repository and brought up to date, file by file, every time it is opened:
// only files added, changed (size, mtime or inode) or removed are read. A
// cache that cannot be used is rebuilt, or bypassed in memory; it is never
// the source of a wrong answer.
class SearchIndex {
public:
  // `corpus` holds the bank's case files, found under `root` by discover_cases.
  SearchIndex(const std::filesystem::path& root, const Corpus& corpus,
              const IndexOptions& options = {});
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  const IndexStatus& status() const { return m_status; }

  // Cases matching `query`, best first, that pass `keep`, at most `limit` (0: all).
  // `more` is set when more cases would have passed.
  std::vector<SearchHit> search(const Query& query, std::size_t limit,
                                const std::function<bool(const IndexedCase&)>& keep, bool& more);

  // The same as `search` without a filter, for paths only: each hit has its
  // id, path and score, and nothing else is read.
  std::vector<SearchHit> search_paths(const Query& query, std::size_t limit, bool& more);
  // Whether the query matches anything; for telling unknown words apart.
  std::size_t count(const Query& query);

  // The bank's indexed words (stems, lowercase, without accents), for "did you mean".
  std::vector<std::string> vocabulary();

  // An indexed stem as a case writes it, lowercase; the stem if none can be found.
  std::string written_form(const std::string& stem);
  // The case with this slug, if any.
  std::unique_ptr<IndexedCase> find_slug(const std::string& slug);

  // Cases sharing words with `text`, best first (BM25 over any field), without `except`.
  std::vector<SearchHit> similar(const std::string& text, std::int64_t except, std::size_t limit);

  // The snippet of `id` for the query, matches between \x01 and \x02.
  // From the body or the summary; with `any_field`, also the title or the facts.
  std::string snippet(const Query& query, std::int64_t id, bool any_field = false);

private:
  void open(const IndexOptions& options);
  void open_database(const std::string& path);
  void open_fresh();
  void finish_fresh(const Corpus& corpus, unsigned threads);
  void refresh(const Corpus& corpus, unsigned threads);
  IndexedCase load_case(std::int64_t id);
  // A path stored in the index (below the root) as results show it.
  std::string shown_path(std::string_view relative) const;
  [[noreturn]] void fail(const sql::Error& error);
  std::vector<RankedRow> rank_rows(const std::string& match, std::size_t bound);
  std::vector<SearchHit> ranked(const std::string& match, std::size_t limit,
                                const std::function<bool(const IndexedCase&)>& keep, bool& more,
                                std::int64_t except);

  std::filesystem::path m_root;
  std::string m_root_display;
  std::filesystem::path m_cache_file;
  std::filesystem::path m_building; // a new cache being built, until it is put in place
  std::unique_ptr<sql::Database> m_db;
  std::unique_ptr<sql::Statement> m_load; // prepared once: results load many rows
  IndexStatus m_status;
  std::int64_t m_split_ranking_from = 0;
  std::size_t m_filtered_headroom = 0;
};

} // namespace hros
