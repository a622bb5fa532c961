#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "hros/diagnostic.hpp"
#include "hros/file_stamp.hpp"

namespace hros {

// The case files found under a directory, in a stable (sorted) order unless
// asked otherwise.
struct Corpus {
  std::vector<std::filesystem::path> files; // empty when not asked for (DiscoverOptions)
  std::vector<std::string> relative;        // each file's path below the root, '/'-separated
  std::vector<FileStamp> stamps;            // each file's, when asked for; else empty
  std::vector<Diagnostic> diagnostics;      // skipped symlinks, unreadable directories
  bool io_error = false;                    // the root itself could not be read
};

// Finds every `.md` file under `root`, skipping hidden entries and paths that
// match an `ignore` glob (relative to root; `*` also matches `/`). Symlinks
// are followed only while they stay inside root, and each directory is
// visited once, so links out of the bank and link loops are harmless.
struct DiscoverOptions {
  // Stat every file too, on a second core while the directories are read
  // (the search index's freshness check).
  bool stamps = false;
  // List the files in sorted order; without, in the order directories give
  // them, for callers that do not show the list (sorting 100k names costs).
  bool sorted = true;
  // Fill `files` with each file's full path; without, only `relative` is
  // filled, sparing an allocation-heavy path object per file.
  bool full_paths = true;
  // Where to keep each directory's names between walks (see dir_listing.hpp),
  // so that an unchanged directory is not read again; empty: nowhere.
  std::filesystem::path listing_file;
};
Corpus discover_cases(const std::filesystem::path& root, const std::vector<std::string>& ignore,
                      const DiscoverOptions& options = {});

// How a path is shown to the user: relative to the working directory when it
// is below it, as compilers do, else absolute.
std::string display_path(const std::filesystem::path& path);

} // namespace hros
