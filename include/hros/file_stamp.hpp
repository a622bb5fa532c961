#pragma once

// What the search index remembers of a file to tell whether it changed since
// it was read, and a digest of a whole bank's stamps: equal digests mean the
// index needs no work, found without reading a row per file.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

struct stat;
struct timespec;

namespace hros {

struct FileStamp {
  std::int64_t mtime = 0; // nanoseconds
  std::int64_t size = -1; // -1: the file could not be stat-ed (gone since it was listed)
  std::int64_t inode = 0;
  bool known() const { return size >= 0; }
  bool operator==(const FileStamp& other) const {
    return mtime == other.mtime && size == other.size && inode == other.inode;
  }
  bool operator!=(const FileStamp& other) const { return !(*this == other); }
};

FileStamp stamp_of(const struct stat& info);

// A file time in nanoseconds since 1970. Times past 2262 (which ext4 and xfs
// can hold) wrap around rather than overflow: they are only compared for
// equality, and with times near now.
std::int64_t nanoseconds_of(const struct timespec& time);

// The wall clock, in nanoseconds since 1970.
std::int64_t wall_clock_nanoseconds();

// Long enough after a change that the next change to the same file or
// directory gets another time: two seconds for file systems that keep times
// to the even second (FAT), one for a clock tick and for good measure.
inline constexpr std::int64_t k_settle_nanoseconds = 3'000'000'000;

// Whether a file with this modification time, stat-ed at `now`, could change
// again and keep the same time (so its stamp cannot tell): it changed less
// than the settling time before.
inline bool too_recent_to_trust(std::int64_t mtime, std::int64_t now) {
  return mtime > now - k_settle_nanoseconds;
}

// An order-independent digest of a set of (path, stamp) pairs: two sums of
// independent 64-bit hashes and a count, so a file can be added to it or
// taken out of it without the others.
struct StampDigest {
  std::uint64_t first = 0;
  std::uint64_t second = 0;
  std::int64_t count = 0;

  void add(std::string_view path, const FileStamp& stamp);
  void remove(std::string_view path, const FileStamp& stamp);
  StampDigest& operator+=(const StampDigest& other);
  bool operator==(const StampDigest& other) const {
    return first == other.first && second == other.second && count == other.count;
  }
};

// The stamps of files named relative to `root`, stat-ed on `threads` cores
// (0: all).
std::vector<FileStamp> stat_files(const std::filesystem::path& root,
                                  const std::vector<std::string>& relative, unsigned threads);

} // namespace hros
