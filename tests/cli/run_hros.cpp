#include "run_hros.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace hros::test {

std::filesystem::path data_dir() {
  return HROS_TEST_DATA;
}
std::filesystem::path source_dir() {
  return HROS_SOURCE_DIR;
}

namespace {

extern "C" char** environ;

// `name` as execvp would find it on PATH, found before fork.
std::string executable_path(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    return name;
  }
  const char* path = std::getenv("PATH");
  std::string directories = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= directories.size()) {
    std::size_t end = std::min(directories.find(':', start), directories.size());
    std::string directory = directories.substr(start, end - start);
    std::string candidate = (directory.empty() ? "." : directory) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    start = end + 1;
  }
  return name;
}

} // namespace

std::vector<std::string> environment_with(const std::vector<std::string>& set,
                                          const std::vector<std::string>& unset) {
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  std::vector<std::string> names = unset;
  for (const std::string& entry : set) {
    names.push_back(name_of(entry));
  }
  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    if (std::find(names.begin(), names.end(), name_of(text)) == names.end()) {
      environment.push_back(text);
    }
  }
  // A later entry of `set` wins over an earlier one of the same name, as
  // setenv one after the other would have it.
  for (std::size_t i = 0; i < set.size(); ++i) {
    bool overridden = false;
    for (std::size_t later = i + 1; later < set.size(); ++later) {
      overridden = overridden || name_of(set[later]) == name_of(set[i]);
    }
    if (!overridden) {
      environment.push_back(set[i].find('=') == std::string::npos ? set[i] + "=" : set[i]);
    }
  }
  return environment;
}

std::vector<std::string> read_only_wrapper(const std::filesystem::path& directory) {
  return {"unshare",
          "--mount",
          "--map-root-user",
          "sh",
          "-c",
          "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && exec \"$@\"",
          directory.string()};
}

std::vector<char*> exec_array(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& text : strings) {
    pointers.push_back(text.data());
  }
  pointers.push_back(nullptr);
  return pointers;
}

RunResult run_hros(const std::vector<std::string>& args, const RunOptions& options) {
  int in_pipe[2];
  int out_pipe[2];
  int err_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  std::filesystem::path cwd = options.cwd.empty() ? data_dir() : options.cwd;
  // Everything the child needs is made here: between fork and exec a child
  // of a process with other threads (a test's watchdog) may only make
  // async-signal-safe calls. An allocation there can wait forever on a lock
  // another thread held at the fork, and under ASan it spins.
  std::vector<std::string> copies = options.wrapper;
  copies.push_back(HROS_BINARY);
  copies.insert(copies.end(), args.begin(), args.end());
  std::vector<char*> argv = exec_array(copies);
  std::string binary = executable_path(copies.front());
  // No colour, and no cache directory or terminal width from the shell.
  std::vector<std::string> set = {"NO_COLOR=1"};
  set.insert(set.end(), options.env.begin(), options.env.end());
  std::vector<std::string> environment = environment_with(set, {"HROS_CACHE_DIR", "COLUMNS"});
  std::vector<char*> envp = exec_array(environment);
  std::string stdout_path = options.stdout_path;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    if (!stdout_path.empty()) {
      int fd = ::open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0 || ::dup2(fd, 1) < 0) {
        ::_exit(127);
      }
    }
    ::dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      ::close(fd);
    }
    if (::chdir(cwd.c_str()) != 0) {
      ::_exit(127);
    }
    if (options.memory_limit_mb > 0) {
      rlimit limit{};
      limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(options.memory_limit_mb) << 20;
      ::setrlimit(RLIMIT_AS, &limit);
    }
    if (options.file_size_limit >= 0) {
      rlimit limit{};
      limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(options.file_size_limit);
      ::setrlimit(RLIMIT_FSIZE, &limit);
      ::signal(SIGXFSZ, SIG_IGN); // a write past the limit then fails with EFBIG
    }
    ::execve(binary.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  // Feed stdin in full (test inputs are small), then close it.
  std::size_t written = 0;
  ::signal(SIGPIPE, SIG_IGN);
  while (written < options.stdin_text.size()) {
    ssize_t count = ::write(in_pipe[1], options.stdin_text.data() + written,
                            options.stdin_text.size() - written);
    if (count <= 0) {
      break;
    }
    written += static_cast<std::size_t>(count);
  }
  ::close(in_pipe[1]);

  RunResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buffer[65536];
  auto deadline = start + std::chrono::duration<double>(options.timeout_seconds);
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    int ready = ::poll(fds, 2, static_cast<int>(std::min<long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    for (pollfd& fd : fds) {
      if (fd.fd < 0 || (fd.revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
        continue;
      }
      ssize_t count = ::read(fd.fd, buffer, sizeof buffer);
      if (count <= 0) {
        ::close(fd.fd);
        fd.fd = -1;
        --open_fds;
      } else {
        (&fd == &fds[0] ? result.out : result.err).append(buffer, static_cast<std::size_t>(count));
      }
    }
  }
  for (pollfd& fd : fds) {
    if (fd.fd >= 0) {
      ::close(fd.fd);
    }
  }
  int status = 0;
  rusage usage{};
  ::wait4(pid, &status, 0, &usage);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.max_rss_kb = usage.ru_maxrss;
  auto seconds_of = [](const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
  };
  result.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  return result;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "hros-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code error;
  // Restore permissions a test may have removed, so cleanup succeeds.
  for (auto it = std::filesystem::recursive_directory_iterator(
           m_path, std::filesystem::directory_options::skip_permission_denied, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_directory(error) && !it->is_symlink(error)) {
      std::filesystem::permissions(it->path(), std::filesystem::perms::owner_all,
                                   std::filesystem::perm_options::add, error);
    }
  }
  std::filesystem::permissions(m_path, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::add, error);
  std::filesystem::remove_all(m_path, error);
}

std::filesystem::path TempDir::write(const std::string& relative, const std::string& text) const {
  std::filesystem::path target = m_path / relative;
  std::filesystem::create_directories(target.parent_path());
  std::ofstream stream(target, std::ios::binary);
  stream << text;
  return target;
}

std::string run_python(const std::string& script, const std::vector<std::string>& args,
                       int* status) {
  TempDir dir;
  auto script_file = dir.write("check.py", script);
  auto output_file = dir.path() / "output.txt";
  std::string command = "python3 '" + script_file.string() + "'";
  for (const std::string& arg : args) {
    command += " '" + arg + "'";
  }
  command += " > '" + output_file.string() + "' 2>&1";
  int result = std::system(command.c_str());
  if (status != nullptr) {
    *status = result;
  }
  return read_text(output_file);
}

std::string python_on(const std::string& script, const std::string& input) {
  TempDir dir;
  auto input_file = dir.write("input.txt", input);
  int status = 0;
  std::string output = run_python(script, {input_file.string()}, &status);
  if (status != 0) {
    output += "[python3 failed]\n";
  }
  return output;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::stringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

} // namespace hros::test
