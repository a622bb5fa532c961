#include "hros/output_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hros {

OutputFile::~OutputFile() {
  discard();
}

bool OutputFile::fail(const std::string& what, int error_number) {
  if (!m_failed) {
    m_failed = true;
    m_error = fmt::format("cannot write {}: {}", what, std::strerror(error_number));
  }
  return false;
}

bool OutputFile::open(const std::filesystem::path& path) {
  m_path = path;
  if (path.empty() || path == "-") {
    m_stdout = true;
    m_fd = STDOUT_FILENO;
    return true;
  }
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    m_failed = true;
    m_error = fmt::format("cannot write {}: it is a directory", path.string());
    return false;
  }
  std::filesystem::path dir = path.parent_path();
  m_temp = (dir / ("." + path.filename().string() + ".hros-XXXXXX")).string();
  m_fd = ::mkstemp(m_temp.data());
  if (m_fd < 0) {
    int saved = errno;
    m_temp.clear();
    return fail(path.string(), saved);
  }
  // The mode a new file would get (or the old file's), not mkstemp's 0600.
  struct stat info {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &info) == 0) {
    mode = info.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(m_fd, mode);
  return true;
}

bool OutputFile::write(std::string_view text) {
  if (m_failed || m_fd < 0) {
    return false;
  }
  while (!text.empty()) {
    ssize_t written = ::write(m_fd, text.data(), text.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return fail(m_stdout ? "the output" : m_path.string(), written < 0 ? errno : ENOSPC);
    }
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

bool OutputFile::commit() {
  if (m_failed) {
    return false;
  }
  if (m_stdout) {
    return true;
  }
  if (m_fd >= 0 && ::fsync(m_fd) != 0) {
    return fail(m_path.string(), errno);
  }
  if (m_fd >= 0) {
    int closed = ::close(m_fd);
    m_fd = -1;
    if (closed != 0) {
      return fail(m_path.string(), errno);
    }
  }
  if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
    return fail(m_path.string(), errno);
  }
  m_temp.clear();
  return true;
}

void OutputFile::discard() {
  if (m_fd >= 0 && !m_stdout) {
    ::close(m_fd);
  }
  m_fd = -1;
  if (!m_temp.empty()) {
    ::unlink(m_temp.c_str());
    m_temp.clear();
  }
}

} // namespace hros
