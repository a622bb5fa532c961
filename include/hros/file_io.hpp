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

// Reads a whole file, refusing files larger than `max_bytes`.
ReadResult read_file(const std::filesystem::path& path, std::size_t max_bytes = 64u << 20);

struct WriteResult {
  bool ok = false;
  std::string error;
};

// Writes `text` to `path` atomically: a temporary file in the same directory,
// flushed, then renamed over the target, so readers see the old or the new
// file and a failure leaves no partial file. An existing file keeps its mode.
WriteResult write_file_atomic(const std::filesystem::path& path, std::string_view text);

} // namespace hros
