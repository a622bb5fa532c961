#include "shell_session.hpp"

#include "run_hros.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

namespace hros::test {
namespace {

std::string sh_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::vector<std::string> sorted_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  std::string line;
  while (std::getline(stream, line)) {
    line = line.substr(0, line.find('\t')); // fish adds descriptions
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return lines;
}

} // namespace

std::string run_shell(const std::string& command, const std::filesystem::path& cwd, int* status) {
  TempDir dir;
  auto output = dir.path() / "out.txt";
  std::string bin = std::filesystem::path(HROS_BINARY).parent_path().string();
  std::string full = "cd " + sh_quote(cwd.string()) + " && PATH=" + sh_quote(bin) +
                     ":\"$PATH\" NO_COLOR=1 exec sh -c " + sh_quote(command) + " > " +
                     sh_quote(output.string());
  int result = std::system(full.c_str());
  if (status != nullptr) {
    *status = result;
  }
  return read_text(output);
}

std::vector<std::string> bash_completions(const std::filesystem::path& script,
                                          const std::string& line,
                                          const std::filesystem::path& cwd) {
  auto driver = source_dir() / "tests/shell/bash_complete.bash";
  return sorted_lines(run_shell("bash --norc --noprofile " + sh_quote(driver.string()) + " " +
                                    sh_quote(script.string()) + " " + sh_quote(line),
                                cwd));
}

std::vector<std::string> zsh_completions(const std::filesystem::path& function_dir,
                                         const std::string& line,
                                         const std::filesystem::path& cwd) {
  auto driver = source_dir() / "tests/shell/zsh_complete.zsh";
  return sorted_lines(run_shell("zsh -f " + sh_quote(driver.string()) + " " +
                                    sh_quote(function_dir.string()) + " " + sh_quote(line),
                                cwd));
}

std::vector<std::string> fish_completions(const std::filesystem::path& script,
                                          const std::string& line,
                                          const std::filesystem::path& cwd) {
  std::string body = "source " + sh_quote(script.string()) + "; complete -C " + sh_quote(line);
  return sorted_lines(run_shell("fish --no-config -c " + sh_quote(body), cwd));
}

} // namespace hros::test
