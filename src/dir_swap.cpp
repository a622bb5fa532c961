#include "hros/dir_swap.hpp"

#include "hros/export.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros {
namespace {

std::string temp_pattern(const fs::path& target, const char* what) {
  return (target.parent_path() / ("." + target.filename().string() + what + "XXXXXX")).string();
}

bool exchange(const fs::path& a, const fs::path& b) {
#ifdef RENAME_EXCHANGE
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
#else
  errno = ENOSYS;
  return false;
#endif
}

} // namespace

StagedDir::~StagedDir() {
  discard();
}

bool StagedDir::begin(const fs::path& target, ReplaceDir replace) {
  std::error_code error;
  m_target = fs::absolute(target, error);
  if (m_target.filename().empty()) {
    m_target = m_target.parent_path(); // "site/" names "site"
  }
  fs::file_status status = fs::status(m_target, error);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) {
      m_error = fmt::format("cannot write the site to {}: it is not a directory", target.string());
      return false;
    }
    // Replace what a symlink points to, not the link.
    m_target = fs::canonical(m_target, error);
    m_existed = true;
    bool empty = fs::is_empty(m_target, error);
    bool marked = fs::exists(m_target / k_export_marker, error);
    if (!empty && !marked && replace != ReplaceDir::any) {
      m_error = fmt::format("{} is not an earlier hros export (it has no {} file); refusing to "
                            "replace it: choose another directory or add --force",
                            target.string(), k_export_marker);
      return false;
    }
    if (marked) {
      m_previous = m_target;
    }
    if (m_target == m_target.root_path()) {
      m_error = "refusing to replace the root directory";
      return false;
    }
  } else {
    fs::create_directories(m_target.parent_path(), error);
    if (error) {
      m_error =
          fmt::format("cannot create {}: {}", m_target.parent_path().string(), error.message());
      return false;
    }
  }
  std::string pattern = temp_pattern(m_target, ".hros-");
  if (::mkdtemp(pattern.data()) == nullptr) {
    m_error =
        fmt::format("cannot write the site beside {}: {}", target.string(), std::strerror(errno));
    return false;
  }
  m_temp = pattern;
  return true;
}

bool StagedDir::commit() {
  // The mode of the old directory, or what mkdir would give; mkdtemp's is 0700.
  struct stat info {};
  mode_t mode = 0;
  if (m_existed && ::stat(m_target.c_str(), &info) == 0) {
    mode = info.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0777 & ~mask;
  }
  ::chmod(m_temp.c_str(), mode);
  if (!m_existed) {
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
      m_error =
          fmt::format("cannot move the site into {}: {}", m_target.string(), std::strerror(errno));
      return false;
    }
    m_temp.clear();
    return true;
  }
  if (!exchange(m_temp, m_target)) {
    if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) {
      m_error =
          fmt::format("cannot swap the site into {}: {}", m_target.string(), std::strerror(errno));
      return false;
    }
    // No atomic exchange here: move the old away, the new in, the old out.
    std::string old = temp_pattern(m_target, ".hros-old-");
    if (::mkdtemp(old.data()) == nullptr || ::rmdir(old.c_str()) != 0 ||
        ::rename(m_target.c_str(), old.c_str()) != 0) {
      m_error = fmt::format("cannot move the old site out of {}: {}", m_target.string(),
                            std::strerror(errno));
      return false;
    }
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
      int saved = errno;
      ::rename(old.c_str(), m_target.c_str());
      m_error =
          fmt::format("cannot move the site into {}: {}", m_target.string(), std::strerror(saved));
      return false;
    }
    m_temp = old;
  }
  discard(); // m_temp now holds the old site
  return true;
}

void StagedDir::discard() {
  if (m_temp.empty()) {
    return;
  }
  std::error_code error;
  // A worker may still be finishing a file when a signal stops the export:
  // try again if the first pass found the directory not yet empty.
  for (int attempt = 0; attempt < 3 && fs::exists(m_temp, error); ++attempt) {
    fs::remove_all(m_temp, error);
  }
  m_temp.clear();
}

} // namespace hros
