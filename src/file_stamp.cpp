#include "hros/file_stamp.hpp"

#include "hros/lint.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace hros {
namespace {

// Files stat-ed per unit of work: one shared counter step per file would
// have the two cores fight over its cache line.
constexpr std::size_t k_chunk = 512;

std::uint64_t mix(std::uint64_t x) {
  // splitmix64's finaliser: every input bit moves every output bit.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

std::uint64_t hash_entry(std::uint64_t path_hash, const FileStamp& stamp, std::uint64_t seed) {
  std::uint64_t hash = mix(path_hash ^ seed);
  hash = mix(hash + static_cast<std::uint64_t>(stamp.mtime));
  hash = mix(hash + static_cast<std::uint64_t>(stamp.size));
  return mix(hash + static_cast<std::uint64_t>(stamp.inode));
}

constexpr std::uint64_t k_second_seed = 0x9e3779b97f4a7c15ull;

} // namespace

std::int64_t nanoseconds_of(const struct timespec& time) {
  std::uint64_t nanoseconds = static_cast<std::uint64_t>(time.tv_sec) * 1000000000u +
                              static_cast<std::uint64_t>(time.tv_nsec);
  std::int64_t wrapped = 0;
  std::memcpy(&wrapped, &nanoseconds, sizeof wrapped);
  return wrapped;
}

std::int64_t wall_clock_nanoseconds() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

FileStamp stamp_of(const struct stat& info) {
  return FileStamp{nanoseconds_of(info.st_mtim), static_cast<std::int64_t>(info.st_size),
                   static_cast<std::int64_t>(info.st_ino)};
}

std::vector<FileStamp> stat_files(const std::filesystem::path& root,
                                  const std::vector<std::string>& relative, unsigned threads) {
  std::vector<FileStamp> stamps(relative.size());
  // Each file is named from the root's descriptor, so the kernel resolves
  // only the part of the path below it.
  int root_fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  std::size_t chunks = (relative.size() + k_chunk - 1) / k_chunk;
  parallel_for(chunks, threads, [&](std::size_t chunk) {
    std::size_t end = std::min(relative.size(), (chunk + 1) * k_chunk);
    for (std::size_t i = chunk * k_chunk; i < end; ++i) {
      struct stat info {};
      int status = root_fd >= 0 ? ::fstatat(root_fd, relative[i].c_str(), &info, 0)
                                : ::stat((root / relative[i]).c_str(), &info);
      if (status == 0) {
        stamps[i] = stamp_of(info);
      }
    }
  });
  if (root_fd >= 0) {
    ::close(root_fd);
  }
  return stamps;
}

void StampDigest::add(std::string_view path, const FileStamp& stamp) {
  std::uint64_t path_hash = std::hash<std::string_view>()(path);
  first += hash_entry(path_hash, stamp, 0);
  second += hash_entry(path_hash, stamp, k_second_seed);
  ++count;
}

void StampDigest::remove(std::string_view path, const FileStamp& stamp) {
  std::uint64_t path_hash = std::hash<std::string_view>()(path);
  first -= hash_entry(path_hash, stamp, 0);
  second -= hash_entry(path_hash, stamp, k_second_seed);
  --count;
}

StampDigest& StampDigest::operator+=(const StampDigest& other) {
  first += other.first;
  second += other.second;
  count += other.count;
  return *this;
}

} // namespace hros
