#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hros::test {

// What a run of the hros binary did.
struct RunResult {
  int exit_code = -1; // -1 when killed by a signal or the time limit
  int signal = 0;     // the signal that ended it, if any
  bool timed_out = false;
  std::string out;
  std::string err;
  double seconds = 0;     // wall time
  double cpu_seconds = 0; // user + system time of the child, all its threads
  long max_rss_kb = 0;    // peak resident memory, from the OS's accounting
};

struct RunOptions {
  std::filesystem::path cwd;    // default: the test data directory
  std::vector<std::string> env; // extra NAME=value entries
  std::string stdin_text;       // fed to the child's stdin
  double timeout_seconds = 30;  // the child is killed after this
  long memory_limit_mb = 0;     // RLIMIT_AS for the child; 0: none
  long file_size_limit = -1;    // RLIMIT_FSIZE in bytes (SIGXFSZ ignored); -1: none
  std::string stdout_path;      // stdout goes to this file (e.g. /dev/full), not `out`
  // A command hros runs under, e.g. {"unshare", "--mount", ...}; the hros
  // binary and `args` follow it.
  std::vector<std::string> wrapper;
};

// Runs the hros binary under test with `args` (NO_COLOR set, no terminal).
RunResult run_hros(const std::vector<std::string>& args, const RunOptions& options = {});

// For starting a child: a process with other threads may only make
// async-signal-safe calls between fork and exec, so whatever exec needs is
// made before the fork.
//
// This process's environment with `set` (NAME=value) in place of any entry
// of the same name (the last of `set` wins), and without the names in `unset`.
std::vector<std::string> environment_with(const std::vector<std::string>& set,
                                          const std::vector<std::string>& unset = {});
// Null-terminated pointers into `strings`, for execve's argv and envp.
std::vector<char*> exec_array(std::vector<std::string>& strings);

// A RunOptions::wrapper that runs hros with `directory` bind-mounted
// read-only in a private mount namespace (chmod does not stop root, which CI
// runs as). Where namespaces are refused, the run fails naming unshare or mount.
std::vector<std::string> read_only_wrapper(const std::filesystem::path& directory);

// The fixture directory tests/data, and the source tree's root.
std::filesystem::path data_dir();
std::filesystem::path source_dir();

// A fresh temporary directory, removed when the object goes away.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  // Writes `text` to `relative` (creating directories); returns the full path.
  std::filesystem::path write(const std::string& relative, const std::string& text) const;

private:
  std::filesystem::path m_path;
};

// Runs python3 on `script` with `args`; returns stdout and stderr together,
// and the shell's status in `status` if given. Tests use it to read hros's
// JSON, CSV and XML back with real parsers.
std::string run_python(const std::string& script, const std::vector<std::string>& args,
                       int* status = nullptr);

// Runs `script` on `input`, saved to the file named by sys.argv[1]; the
// output ends with "[python3 failed]" when python3 exits non-zero.
std::string python_on(const std::string& script, const std::string& input);

// Reads a whole file.
std::string read_text(const std::filesystem::path& path);

} // namespace hros::test
