#pragma once

// What a directory tree holds, so a test can prove a run wrote, changed or
// left behind nothing but what it should.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace hros::test {

struct EntryState {
  char type = '?'; // f file, d directory, l symlink, p fifo, s socket, ? other
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;
  unsigned mode = 0;
  std::size_t content_hash = 0; // regular files up to 1 MiB
  std::string link_target;

  bool operator==(const EntryState& other) const;
  bool operator!=(const EntryState& other) const { return !(*this == other); }
};
// Relative path ("cases/x.md") → state.
using Snapshot = std::map<std::string, EntryState>;

// A directory's time changes when a temporary file is made and removed in it,
// which loses nothing; `ignore` leaves directory times out of the comparison.
enum class DirectoryTimes { compare, ignore };

// Every entry under `root` (dot files included), without following symlinks
// and without opening FIFOs or sockets.
Snapshot snapshot(const std::filesystem::path& root,
                  DirectoryTimes times = DirectoryTimes::compare);
// Human-readable differences ("changed: cases/x.md", "new: ...", "gone: ...").
std::vector<std::string> differences(const Snapshot& before, const Snapshot& after);
// Entries whose name looks like a temporary file of write_file_atomic (.NAME.hros-XXXXXX).
std::vector<std::string> temporary_leftovers(const Snapshot& tree);
// The relative paths of everything but directories, sorted.
std::vector<std::string> file_names(const Snapshot& tree);

} // namespace hros::test
