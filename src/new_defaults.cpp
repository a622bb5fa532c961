// Where `hros new` gets its defaults. git is asked through fork/exec with a
// deadline: a contributor without git (or with a credential helper waiting on
// a prompt) still gets a scaffold, just without an author filled in.
#include "hros/new_defaults.hpp"

#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hros {
namespace {

// Reads the child's output until it closes it or the deadline passes.
bool read_until(int fd, std::chrono::steady_clock::time_point deadline, std::string& out) {
  char buffer[512];
  while (out.size() < 4096) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return false;
    }
    pollfd poller{fd, POLLIN, 0};
    int ready = ::poll(&poller, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready <= 0) {
      return false;
    }
    ssize_t count = ::read(fd, buffer, sizeof buffer);
    if (count < 0 && errno == EINTR) {
      continue;
    }
    if (count <= 0) {
      return true;
    }
    out.append(buffer, static_cast<std::size_t>(count));
  }
  return true;
}

} // namespace

std::string today_local() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

std::optional<std::string> git_user_name(std::chrono::milliseconds timeout) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    return std::nullopt;
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return std::nullopt;
  }
  if (pid == 0) {
    int null_fd = ::open("/dev/null", O_RDWR);
    ::dup2(null_fd, 0);
    ::dup2(pipe_fds[1], 1);
    ::dup2(null_fd, 2);
    char git[] = "git";
    char config[] = "config";
    char key[] = "user.name";
    char* argv[] = {git, config, key, nullptr};
    ::execvp("git", argv);
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  std::string out;
  bool finished = read_until(pipe_fds[0], std::chrono::steady_clock::now() + timeout, out);
  ::close(pipe_fds[0]);
  if (!finished) {
    ::kill(pid, SIGKILL);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!finished || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return std::nullopt;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) {
    out.pop_back();
  }
  if (out.empty()) {
    return std::nullopt;
  }
  return out;
}

Defaults gather_defaults() {
  Defaults defaults;
  defaults.today = today_local();
  defaults.author = git_user_name(std::chrono::milliseconds(2000)).value_or("");
  return defaults;
}

} // namespace hros
