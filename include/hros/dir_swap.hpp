#pragma once

#include <filesystem>
#include <string>

namespace hros {

// The file that marks a directory as an hros export, so that a later export
// replaces it without asking and anything else is never replaced silently.
constexpr const char* k_export_marker = ".hros-export";

enum class ReplaceDir;

// A directory built beside its destination and swapped in whole: the
// destination shows the old or the new contents, never a mixture, and a
// failure or a signal before commit() leaves it as it was.
class StagedDir {
public:
  StagedDir() = default;
  ~StagedDir();
  StagedDir(const StagedDir&) = delete;
  StagedDir& operator=(const StagedDir&) = delete;

  // Checks that `target` may be replaced (missing, empty, an earlier export,
  // or `replace` is any) and makes the temporary directory beside it.
  bool begin(const std::filesystem::path& target, ReplaceDir replace);
  const std::filesystem::path& path() const { return m_temp; }
  // The directory being replaced when it is an earlier export, else empty.
  const std::filesystem::path& previous_export() const { return m_previous; }
  // Exchanges the temporary directory with the target (renameat2
  // RENAME_EXCHANGE, or two renames where the file system lacks it), then
  // removes the old contents.
  bool commit();
  // Removes the temporary directory and everything in it.
  void discard();
  const std::string& error() const { return m_error; }

private:
  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  std::filesystem::path m_previous;
  std::string m_error;
  bool m_existed = false;
};

} // namespace hros
