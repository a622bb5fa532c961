#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace hros {

// One output of an export: stdout, or a file written through a temporary
// file beside it and renamed over it on commit(), so readers see the old or
// the new file and a failure (full disk, signal, error) leaves no partial
// file. The temporary file is removed unless committed.
class OutputFile {
public:
  OutputFile() = default;
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Opens `path`, or stdout when it is empty or "-". False, with error(), when
  // the temporary file cannot be made (missing or read-only directory).
  bool open(const std::filesystem::path& path);
  // Appends; false on the first failure (later writes do nothing).
  bool write(std::string_view text);
  // Flushes to disk and renames into place (or flushes stdout).
  bool commit();
  // Removes the temporary file now.
  void discard();

  bool to_stdout() const { return m_stdout; }
  // Where a writer that needs its own file handle (SQLite) should write.
  const std::string& temp_path() const { return m_temp; }
  const std::string& error() const { return m_error; }

private:
  bool fail(const std::string& what, int error_number);

  std::filesystem::path m_path;
  std::string m_temp;
  std::string m_error;
  int m_fd = -1;
  bool m_stdout = false;
  bool m_failed = false;
};

} // namespace hros
