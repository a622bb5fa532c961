#include "hros/corpus.hpp"

#include "stamp_worker.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <memory>
#include <set>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <utility>

namespace fs = std::filesystem;

namespace hros {
namespace {

bool is_ignored(const std::string& relative, const std::vector<std::string>& ignore) {
  for (const std::string& pattern : ignore) {
    std::string trimmed = pattern;
    while (!trimmed.empty() && trimmed.back() == '/') {
      trimmed.pop_back();
    }
    if (fnmatch(trimmed.c_str(), relative.c_str(), 0) == 0) {
      return true;
    }
  }
  return false;
}

bool ends_with(std::string_view name, std::string_view suffix) {
  return name.size() > suffix.size() &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool has_md_extension(std::string_view name) {
  return ends_with(name, ".md");
}

// Entries read from a directory before they are stat-ed together.
constexpr std::size_t k_entry_batch = 256;

// Markdown saved under another extension (.MD, .markdown): meant as a case,
// but never checked or published unless someone says so.
bool has_other_markdown_extension(const std::string& name) {
  std::string lower = name;
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return ends_with(lower, ".md") || ends_with(lower, ".markdown") || ends_with(lower, ".mdown");
}

class Walker {
public:
  Walker(const fs::path& root, const std::vector<std::string>& ignore, Corpus& corpus,
         const DiscoverOptions& options)
      : m_ignore(ignore), m_corpus(corpus), m_stamps(options.stamps), m_sorted(options.sorted),
        m_full_paths(options.full_paths), m_listing_file(options.listing_file),
        m_keep_listings(!options.listing_file.empty()) {
    char* resolved = ::realpath(root.c_str(), nullptr);
    if (resolved != nullptr) {
      m_real_root = resolved;
      std::free(resolved);
    }
    if (m_keep_listings) {
      m_saved = ListingSet::load(m_listing_file);
    }
  }

  void walk(const fs::path& directory, const std::string& relative) {
    std::int64_t read_at = wall_clock_nanoseconds();
    int directory_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat info {};
    if (directory_fd < 0 || ::fstat(directory_fd, &info) != 0) {
      problem(directory, fmt::format("cannot read directory: {}", std::strerror(errno)));
      if (directory_fd >= 0) {
        ::close(directory_fd);
      }
      return;
    }
    if (!m_visited.insert({info.st_dev, info.st_ino}).second) {
      ::close(directory_fd);
      return; // a symlink loop, or a second link to a directory already read
    }
    std::vector<std::unique_ptr<EntryBatch>> batches;
    DIR* handle = nullptr;
    bool listable = m_keep_listings && keeps_directory_times(directory_fd);
    try {
      if (const DirectoryListing* saved = listable ? usable_listing(relative, info) : nullptr) {
        batches = batches_of(saved->names, directory_fd);
        m_listed.push_back(*saved);
      } else {
        handle = ::fdopendir(directory_fd);
        if (handle == nullptr) {
          problem(directory, fmt::format("cannot read directory: {}", std::strerror(errno)));
          ::close(directory_fd);
          return;
        }
        auto names = std::make_unique<NameStore>();
        int read_error = 0;
        batches = read_entries(handle, directory_fd, *names, read_error);
        if (read_error != 0) {
          problem(directory, fmt::format("cannot read directory: {}", std::strerror(read_error)));
        }
        if (listable) {
          DirectoryListing fresh = listing_header(relative, info, read_at);
          fresh.names = names->span();
          m_read_names.push_back(std::move(names));
          m_listed.push_back(std::move(fresh));
          m_read_a_directory = true;
        }
      }
      add_entries(directory, relative, batches);
    } catch (...) {
      finish_before_batches_go();
      close_directory(handle, directory_fd);
      throw;
    }
    close_directory(handle, directory_fd);
  }

  // The listings of the directories walked, when a directory had to be read
  // (else the saved ones still hold).
  void save_listings_if_read() {
    if (m_keep_listings && m_read_a_directory && !m_listing_incomplete) {
      save_listings(m_listing_file, m_listed);
    }
  }

private:
  struct Entry {
    std::string_view name;
    unsigned char type;
    const EntryBatch* batch;
    std::size_t index;
  };

  void add_entries(const fs::path& directory, const std::string& relative,
                   const std::vector<std::unique_ptr<EntryBatch>>& batches) {
    std::size_t count = 0;
    for (const std::unique_ptr<EntryBatch>& batch : batches) {
      count += batch->names.count;
    }
    m_corpus.relative.reserve(m_corpus.relative.size() + count);
    if (m_stamps) {
      m_corpus.stamps.reserve(m_corpus.stamps.size() + count);
    }
    // Which entry of which batch each case file is, for its stamp.
    struct Stamped {
      std::size_t case_index;
      const EntryBatch* batch;
      std::size_t entry;
    };
    std::vector<Stamped> stamped;
    auto add = [&](const Entry& entry) {
      std::string child =
          relative.empty() ? std::string(entry.name) : fmt::format("{}/{}", relative, entry.name);
      if (entry.type == DT_REG && has_md_extension(entry.name)) {
        if (!is_ignored(child, m_ignore)) {
          stamped.push_back(Stamped{m_corpus.relative.size(), entry.batch, entry.index});
          add_file(m_full_paths ? directory / entry.name : fs::path(), std::move(child),
                   FileStamp{});
        }
        return;
      }
      visit(directory / entry.name, child);
    };
    // In order, entries are sorted by name while the second thread may still
    // be writing their stamps (which the sort does not read); else they are
    // taken as they are, without a list of them all.
    if (m_sorted) {
      std::vector<Entry> entries;
      entries.reserve(count);
      for_each_entry(batches, [&](const Entry& entry) { entries.push_back(entry); });
      std::sort(entries.begin(), entries.end(),
                [](const Entry& a, const Entry& b) { return a.name < b.name; });
      std::for_each(entries.begin(), entries.end(), add);
    } else {
      for_each_entry(batches, add);
    }
    if (m_stamps) {
      worker().finish();
      for (const Stamped& file : stamped) {
        m_corpus.stamps[file.case_index] = file.batch->stamps[file.entry];
      }
    }
  }

  template <typename Visit>
  static void for_each_entry(const std::vector<std::unique_ptr<EntryBatch>>& batches,
                             Visit&& visit_entry) {
    for (const std::unique_ptr<EntryBatch>& batch : batches) {
      const NameSpan& names = batch->names;
      for (std::size_t i = 0; i < names.count; ++i) {
        ListedName entry = names.entry(i);
        visit_entry(Entry{{names.names + entry.at, entry.size}, entry.type, batch.get(), i});
      }
    }
  }

  // The saved listing of this directory, when it can stand in for reading it.
  const DirectoryListing* usable_listing(const std::string& relative,
                                         const struct stat& info) const {
    const DirectoryListing* listing = m_saved.find(relative);
    bool usable = listing != nullptr && listing->settled() &&
                  listing->describes(static_cast<std::int64_t>(info.st_dev),
                                     static_cast<std::int64_t>(info.st_ino),
                                     nanoseconds_of(info.st_mtim), nanoseconds_of(info.st_ctim));
    return usable ? listing : nullptr;
  }

  static void close_directory(DIR* handle, int directory_fd) {
    if (handle != nullptr) {
      ::closedir(handle); // and its descriptor
    } else {
      ::close(directory_fd);
    }
  }

  static DirectoryListing listing_header(const std::string& relative, const struct stat& info,
                                         std::int64_t read_at) {
    DirectoryListing listing;
    listing.relative = relative;
    listing.device = static_cast<std::int64_t>(info.st_dev);
    listing.inode = static_cast<std::int64_t>(info.st_ino);
    listing.mtime = nanoseconds_of(info.st_mtim);
    listing.ctime = nanoseconds_of(info.st_ctim);
    listing.read_at = read_at;
    return listing;
  }

  // Batches of a saved listing, stat-ed like those read from the directory.
  std::vector<std::unique_ptr<EntryBatch>> batches_of(const NameSpan& names, int directory_fd) {
    std::vector<std::unique_ptr<EntryBatch>> batches;
    try {
      for (std::size_t start = 0; start < names.count; start += k_entry_batch) {
        auto batch = std::make_unique<EntryBatch>();
        batch->directory_fd = directory_fd;
        batch->names = names.part(start, std::min(names.count, start + k_entry_batch));
        if (m_stamps) {
          batch->stamps.resize(batch->names.count);
        }
        batches.push_back(std::move(batch));
        if (m_stamps) {
          worker().submit(batches.back().get());
        }
      }
    } catch (...) {
      finish_before_batches_go();
      throw;
    }
    return batches;
  }

  // Out of memory halfway through a directory: the second thread must be done
  // with the batches it was given before they are freed.
  void finish_before_batches_go() {
    if (m_stamps && m_worker) {
      m_worker->finish();
    }
  }

  // The entry type readdir gives spares an lstat per file on the common
  // file systems; DT_UNKNOWN (some others) falls back to lstat in `visit`.
  // With stamps, batches of entries are stat-ed by a second thread, from
  // the directory's descriptor, while this one reads on and sorts them.
  std::vector<std::unique_ptr<EntryBatch>> read_entries(DIR* handle, int directory_fd,
                                                        NameStore& names, int& read_error) {
    std::vector<std::unique_ptr<EntryBatch>> batches;
    auto start_batch = [&] {
      batches.push_back(std::make_unique<EntryBatch>());
      batches.back()->directory_fd = directory_fd;
    };
    // A batch's names are seen once it is full: the second thread reads them.
    auto close_batch = [&] {
      EntryBatch& batch = *batches.back();
      batch.names = batch.read.span();
      if (m_stamps) {
        batch.stamps.resize(batch.names.count);
        worker().submit(&batch);
      }
    };
    try {
      start_batch();
      for (;;) {
        errno = 0;
        dirent* entry = ::readdir(handle);
        if (entry == nullptr) {
          break;
        }
        if (entry->d_name[0] == '.') {
          continue;
        }
        if (batches.back()->read.size() == k_entry_batch) {
          close_batch();
          start_batch();
        }
        batches.back()->read.add(entry->d_name, entry->d_type);
        if (m_keep_listings && !names.add(entry->d_name, entry->d_type)) {
          m_listing_incomplete = true;
        }
      }
      if (errno != 0) {
        // Part of the names, which must never stand for the directory.
        m_listing_incomplete = true;
        read_error = errno;
      }
      close_batch();
    } catch (...) {
      finish_before_batches_go();
      throw;
    }
    return batches;
  }

  StampWorker& worker() {
    if (!m_worker) {
      m_worker = std::make_unique<StampWorker>();
    }
    return *m_worker;
  }

  void add_file(fs::path path, std::string relative, const FileStamp& stamp) {
    if (m_full_paths) {
      m_corpus.files.push_back(std::move(path));
    }
    m_corpus.relative.push_back(std::move(relative));
    if (m_stamps) {
      m_corpus.stamps.push_back(stamp);
    }
  }

  void visit(const fs::path& path, const std::string& relative) {
    if (is_ignored(relative, m_ignore)) {
      return;
    }
    struct stat link_info {};
    if (::lstat(path.c_str(), &link_info) != 0) {
      return;
    }
    struct stat info = link_info;
    if (S_ISLNK(link_info.st_mode)) {
      if (!inside_root(path)) {
        warn(path, "a symlink that points outside the cases directory (or nowhere); skipped");
        return;
      }
      if (::stat(path.c_str(), &info) != 0) {
        return;
      }
      if (S_ISREG(info.st_mode)) {
        return; // a second name for a file of the bank, which is checked under its own name
      }
    }
    if (S_ISDIR(info.st_mode)) {
      walk(path, relative);
    } else if (S_ISREG(info.st_mode) && has_md_extension(relative)) {
      add_file(path, relative, stamp_of(info));
    } else if (!S_ISREG(info.st_mode) && has_md_extension(relative)) {
      Diagnostic diagnostic =
          make_diagnostic(0, 0, Severity::warning,
                          "not a regular file (a FIFO, socket or device); skipped", "file.read");
      diagnostic.path = display_path(path);
      m_corpus.diagnostics.push_back(std::move(diagnostic));
    } else if (S_ISREG(info.st_mode) && has_other_markdown_extension(relative)) {
      std::string name = path.filename().string();
      std::string stem = name.substr(0, name.rfind('.'));
      Diagnostic diagnostic = make_diagnostic(
          0, 0, Severity::error,
          fmt::format(
              "case files end in '.md'; this one is not checked until it is renamed to '{}.md'",
              stem),
          "file.extension");
      diagnostic.path = display_path(path);
      m_corpus.diagnostics.push_back(std::move(diagnostic));
    }
  }

  bool inside_root(const fs::path& path) const {
    char* resolved = ::realpath(path.c_str(), nullptr);
    if (resolved == nullptr) {
      return false;
    }
    std::string target = resolved;
    std::free(resolved);
    return target == m_real_root || (target.size() > m_real_root.size() &&
                                     target.compare(0, m_real_root.size(), m_real_root) == 0 &&
                                     (m_real_root == "/" || target[m_real_root.size()] == '/'));
  }

  void warn(const fs::path& path, std::string message) {
    Diagnostic diagnostic =
        make_diagnostic(0, 0, Severity::warning, std::move(message), "file.symlink");
    diagnostic.path = display_path(path);
    m_corpus.diagnostics.push_back(std::move(diagnostic));
  }

  void problem(const fs::path& path, std::string message) {
    Diagnostic diagnostic = make_diagnostic(0, 0, Severity::error, std::move(message), "file.read");
    diagnostic.path = display_path(path);
    m_corpus.diagnostics.push_back(std::move(diagnostic));
    m_corpus.io_error = true;
  }

  const std::vector<std::string>& m_ignore;
  Corpus& m_corpus;
  bool m_stamps;
  bool m_sorted;
  bool m_full_paths;
  fs::path m_listing_file;
  bool m_keep_listings;
  ListingSet m_saved;                                   // as the last walk left them
  std::vector<DirectoryListing> m_listed;               // the directories walked, for the next
  std::vector<std::unique_ptr<NameStore>> m_read_names; // the names of those read this time
  bool m_read_a_directory = false;                      // not taken from a saved listing
  bool m_listing_incomplete = false;     // a name too long for one, or a directory not read whole
  std::unique_ptr<StampWorker> m_worker; // started at the first big directory
  std::string m_real_root;
  std::set<std::pair<dev_t, ino_t>> m_visited;
};

} // namespace

Corpus discover_cases(const fs::path& root, const std::vector<std::string>& ignore,
                      const DiscoverOptions& options) {
  Corpus corpus;
  Walker walker(root, ignore, corpus, options);
  walker.walk(root, "");
  walker.save_listings_if_read();
  return corpus;
}

std::string display_path(const fs::path& path) {
  if (path.is_relative()) {
    return path.lexically_normal().string();
  }
  // hros never changes directory, so the working directory is asked once,
  // not once per file shown.
  static const fs::path k_current = [] {
    std::error_code error;
    fs::path current = fs::current_path(error);
    return error ? fs::path() : current;
  }();
  if (!k_current.empty()) {
    fs::path relative = path.lexically_relative(k_current);
    if (!relative.empty() && *relative.begin() != "..") {
      return relative.string();
    }
  }
  return path.string();
}

} // namespace hros
