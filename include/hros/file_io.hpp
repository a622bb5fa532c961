#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace hros {

struct ReadResult {
  std::string text;
  std::string error; // "cannot read x: reason" when !ok
  bool ok = false;
  bool too_large = false;
};

// The largest file hros reads. Cases are 5-15 KB, so 1 MiB is some seventy
// times a real one; the bound keeps time and memory small on hostile input
// (cmark needs ~180 bytes of memory per byte of dense Markdown).
constexpr std::size_t k_max_file_bytes = 1u << 20;

// Reads a whole regular file, refusing larger than `max_bytes` and anything
// that is not a regular file (a FIFO would block, a device never end).
ReadResult read_file(const std::filesystem::path& path, std::size_t max_bytes = k_max_file_bytes);

struct WriteResult {
  bool ok = false;
  std::string error;
};

// Writes `text` to `path` atomically: a temporary file in the same directory,
// flushed, then renamed over the target, so readers see the old or the new
// file and a failure leaves no partial file. An existing file keeps its mode.
// A cache, which can be rebuilt and checks what it reads, need not wait for
// the disk.
enum class Flush { to_disk, when_the_system_does };
WriteResult write_file_atomic(const std::filesystem::path& path, std::string_view text,
                              Flush flush = Flush::to_disk);

} // namespace hros
