#include "hros/file_io.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hros {

ReadResult read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  ReadResult result;
  // O_NONBLOCK so that opening a FIFO does not wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    result.error = fmt::format("cannot read {}: {}", path.string(), std::strerror(errno));
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    result.error =
        fmt::format("cannot read {}: {}", path.string(),
                    S_ISDIR(info.st_mode) ? "it is a directory" : "it is not a regular file");
    return result;
  }
  if (static_cast<std::size_t>(info.st_size) > max_bytes) {
    ::close(fd);
    result.too_large = true;
    result.error = fmt::format("{} is larger than {} KiB; is it really a case?", path.string(),
                               max_bytes >> 10);
    return result;
  }
  if (info.st_size > 0) {
    result.text.reserve(static_cast<std::size_t>(info.st_size));
  }
  char buffer[65536];
  while (true) {
    ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) {
      continue;
    }
    if (count < 0) {
      result.error = fmt::format("cannot read {}: {}", path.string(), std::strerror(errno));
      ::close(fd);
      return result;
    }
    if (count == 0) {
      break;
    }
    if (result.text.size() + static_cast<std::size_t>(count) > max_bytes) {
      result.too_large = true;
      result.error = fmt::format("{} is larger than {} KiB; is it really a case?", path.string(),
                                 max_bytes >> 10);
      ::close(fd);
      return result;
    }
    result.text.append(buffer, static_cast<std::size_t>(count));
  }
  ::close(fd);
  result.ok = true;
  return result;
}

WriteResult write_file_atomic(const std::filesystem::path& path, std::string_view text,
                              Flush flush) {
  WriteResult result;
  std::string temp =
      (path.parent_path() / ("." + path.filename().string() + ".hros-XXXXXX")).string();
  if (path.parent_path().empty()) {
    temp = "." + path.filename().string() + ".hros-XXXXXX";
  }
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    result.error = fmt::format("cannot write {}: {}", path.string(), std::strerror(errno));
    return result;
  }
  struct stat info {};
  mode_t mode = 0644;
  if (::stat(path.c_str(), &info) == 0) {
    mode = info.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  ::fchmod(fd, mode);
  const char* data = text.data();
  std::size_t left = text.size();
  bool ok = true;
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      ok = false;
      break;
    }
    data += written;
    left -= static_cast<std::size_t>(written);
  }
  int saved_errno = errno;
  if (ok && flush == Flush::to_disk && ::fsync(fd) != 0) {
    ok = false;
    saved_errno = errno;
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    saved_errno = errno;
  }
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    ok = false;
    saved_errno = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    result.error = fmt::format("cannot write {}: {}", path.string(), std::strerror(saved_errno));
    return result;
  }
  result.ok = true;
  return result;
}

} // namespace hros
