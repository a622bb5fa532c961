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
#include <sys/stat.h>
#include <unistd.h>
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

bool ends_with(const std::string& name, std::string_view suffix) {
  return name.size() > suffix.size() &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool has_md_extension(const std::string& name) {
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
        m_full_paths(options.full_paths) {
    char* resolved = ::realpath(root.c_str(), nullptr);
    if (resolved != nullptr) {
      m_real_root = resolved;
      std::free(resolved);
    }
  }

  void walk(const fs::path& directory, const std::string& relative) {
    struct stat info {};
    if (::stat(directory.c_str(), &info) != 0) {
      problem(directory, fmt::format("cannot read directory: {}", std::strerror(errno)));
      return;
    }
    if (!m_visited.insert({info.st_dev, info.st_ino}).second) {
      return; // a symlink loop, or a second link to a directory already read
    }
    int directory_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR* handle = directory_fd >= 0 ? ::fdopendir(directory_fd) : nullptr;
    if (handle == nullptr) {
      problem(directory, fmt::format("cannot read directory: {}", std::strerror(errno)));
      if (directory_fd >= 0) {
        ::close(directory_fd);
      }
      return;
    }
    std::vector<std::unique_ptr<EntryBatch>> batches = read_entries(handle, directory_fd);
    // Entries are put in order by pointer, while the second thread may still
    // be writing their stamps (a field the sort does not read).
    std::vector<const DirectoryEntry*> entries;
    for (const std::unique_ptr<EntryBatch>& batch : batches) {
      for (const DirectoryEntry& entry : batch->entries) {
        entries.push_back(&entry);
      }
    }
    if (m_sorted) {
      std::sort(entries.begin(), entries.end(),
                [](const DirectoryEntry* a, const DirectoryEntry* b) { return a->name < b->name; });
    }
    std::vector<std::pair<std::size_t, const DirectoryEntry*>> stamped;
    try {
      for (const DirectoryEntry* entry : entries) {
        const std::string& name = entry->name;
        std::string child = relative.empty() ? name : relative + "/" + name;
        if (entry->type == DT_REG && has_md_extension(name)) {
          if (!is_ignored(child, m_ignore)) {
            stamped.emplace_back(m_corpus.relative.size(), entry);
            add_file(m_full_paths ? directory / name : fs::path(), std::move(child), FileStamp{});
          }
          continue;
        }
        visit(directory / name, child);
      }
    } catch (...) {
      // The second thread must be done with these entries before they go.
      if (m_stamps) {
        worker().finish();
      }
      ::closedir(handle);
      throw;
    }
    if (m_stamps) {
      worker().finish();
      for (const auto& [index, entry] : stamped) {
        m_corpus.stamps[index] = entry->stamp;
      }
    }
    ::closedir(handle);
  }

private:
  // The entry type readdir gives spares an lstat per file on the common
  // file systems; DT_UNKNOWN (some others) falls back to lstat in `visit`.
  // With stamps, batches of entries are stat-ed by a second thread, from
  // the directory's descriptor, while this one reads on and sorts them.
  std::vector<std::unique_ptr<EntryBatch>> read_entries(DIR* handle, int directory_fd) {
    std::vector<std::unique_ptr<EntryBatch>> batches;
    auto start_batch = [&] {
      batches.push_back(std::make_unique<EntryBatch>());
      batches.back()->directory_fd = directory_fd;
      batches.back()->entries.reserve(k_entry_batch);
    };
    start_batch();
    while (dirent* entry = ::readdir(handle)) {
      if (entry->d_name[0] == '.') {
        continue;
      }
      if (batches.back()->entries.size() == k_entry_batch) {
        if (m_stamps) {
          worker().submit(batches.back().get());
        }
        start_batch();
      }
      batches.back()->entries.push_back(DirectoryEntry{entry->d_name, entry->d_type, {}});
    }
    if (m_stamps) {
      worker().submit(batches.back().get());
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
  std::unique_ptr<StampWorker> m_worker; // started at the first big directory
  std::string m_real_root;
  std::set<std::pair<dev_t, ino_t>> m_visited;
};

} // namespace

Corpus discover_cases(const fs::path& root, const std::vector<std::string>& ignore,
                      const DiscoverOptions& options) {
  Corpus corpus;
  Walker(root, ignore, corpus, options).walk(root, "");
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
