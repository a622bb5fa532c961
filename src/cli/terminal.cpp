#include "terminal.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <spawn.h>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace hros::cli {
namespace {

bool stdout_size(winsize& size) {
  return ::isatty(STDOUT_FILENO) != 0 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0;
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t written = ::write(fd, text.data() + done, text.size() - done);
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return; // the reader went away (the pager was quit): nothing more to show
    }
    done += static_cast<std::size_t>(written);
  }
}

// Runs the pager on `text`; false when it could not be started.
bool run_pager(const std::string& text) {
  const char* configured = std::getenv("PAGER");
  std::string command = configured != nullptr && configured[0] != '\0' ? configured : "less -R";
  std::vector<std::string> words;
  std::istringstream split(command);
  for (std::string word; split >> word;) {
    words.push_back(word);
  }
  if (words.empty() || words[0] == "cat") {
    return false;
  }
  // As git does: less shows colours, and quits at once when the text fits after all.
  ::setenv("LESS", "FRX", 0);
  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) {
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  std::vector<char*> argv;
  for (std::string& word : words) {
    argv.push_back(word.data());
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[0]);
  if (spawned != 0) {
    ::close(pipe_fds[1]);
    return false;
  }
  // The pager owns the terminal now: Ctrl-C is its to handle (less stops a
  // search with it), and hros must outlive it, or the shell would print its
  // prompt over the pager. Quitting the pager early closes the pipe: EPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGQUIT, SIG_IGN);
  write_all(pipe_fds[1], text);
  ::close(pipe_fds[1]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return true;
}

} // namespace

std::size_t output_width(int forced) {
  if (forced >= 0) {
    return static_cast<std::size_t>(forced);
  }
  winsize size{};
  if (stdout_size(size) && size.ws_col > 0) {
    return size.ws_col;
  }
  std::size_t columns = columns_variable();
  return columns > 0 ? columns : 80;
}

std::size_t columns_variable() {
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    long value = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && value > 0 && value < 10000) {
      return static_cast<std::size_t>(value);
    }
  }
  return 0;
}

bool utf8_locale() {
  const char* names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
  for (const char* name : names) {
    const char* value = std::getenv(name);
    if (value != nullptr && value[0] != '\0') {
      std::string text = value;
      std::transform(text.begin(), text.end(), text.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      });
      return text.find("utf-8") != std::string::npos || text.find("utf8") != std::string::npos;
    }
  }
  return false;
}

void write_paged(const std::string& text, bool allow_pager) {
  std::fflush(stdout);
  winsize size{};
  if (allow_pager && stdout_size(size) && size.ws_row > 0) {
    auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (lines >= size.ws_row && run_pager(text)) {
      return;
    }
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
}

} // namespace hros::cli
