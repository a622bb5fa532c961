#include "export_helpers.hpp"

#include "run_hros.hpp"

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <memory>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros::test {

int spawn_hros(const std::vector<std::string>& args, const SpawnOptions& options) {
  // Made before fork: the child may only make async-signal-safe calls.
  std::string binary = HROS_BINARY;
  std::vector<std::string> copies = {binary};
  copies.insert(copies.end(), args.begin(), args.end());
  std::vector<char*> argv = exec_array(copies);
  std::vector<std::string> environment = environment_with({"NO_COLOR=1"});
  std::vector<char*> envp = exec_array(environment);
  pid_t pid = ::fork();
  if (pid != 0) {
    return pid;
  }
  int out = ::open(options.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = ::open(options.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int in = ::open("/dev/null", O_RDONLY);
  if (out < 0 || err < 0 || in < 0) {
    ::_exit(127);
  }
  ::dup2(in, 0);
  ::dup2(out, 1);
  ::dup2(err, 2);
  if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) {
    ::_exit(127);
  }
  if (options.file_size_limit_kb > 0) {
    rlimit limit{};
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(options.file_size_limit_kb) << 10;
    ::setrlimit(RLIMIT_FSIZE, &limit);
  }
  ::execve(binary.c_str(), argv.data(), envp.data());
  ::_exit(127);
}

int wait_child(int pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) {
    return -WTERMSIG(status);
  }
  return WEXITSTATUS(status);
}

const fs::path& generated_bank(int count) {
  static std::map<int, std::unique_ptr<TempDir>> banks;
  static std::map<int, fs::path> paths;
  if (banks.count(count) == 0) {
    auto dir = std::make_unique<TempDir>();
    fs::path cases = dir->path() / "cases";
    int status = 0;
    std::string output =
        run_python("import runpy, sys\nsys.argv = sys.argv[1:]\nrunpy.run_path(sys.argv[0], "
                   "run_name='__main__')\n",
                   {(source_dir() / "bench" / "gen_cases.py").string(), "--count",
                    std::to_string(count), "--seed", "7", "--out", cases.string()},
                   &status);
    if (status != 0) {
      throw std::runtime_error("gen_cases.py failed: " + output);
    }
    paths[count] = cases;
    banks[count] = std::move(dir);
  }
  return paths[count];
}

std::vector<std::string> leftovers(const fs::path& dir, const std::string& prefix) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0) {
      found.push_back(name);
    }
  }
  return found;
}

} // namespace hros::test
