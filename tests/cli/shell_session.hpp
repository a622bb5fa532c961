#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hros::test {

// Runs `command` with /bin/sh in `cwd`, the hros under test first on PATH
// and NO_COLOR set; returns stdout (stderr goes to the test's log).
std::string run_shell(const std::string& command, const std::filesystem::path& cwd,
                      int* status = nullptr);

// What each shell offers for TAB at the end of `line`, sorted, one a line,
// with the completion script `script` loaded the way that shell loads it.
std::vector<std::string> bash_completions(const std::filesystem::path& script,
                                          const std::string& line,
                                          const std::filesystem::path& cwd);
std::vector<std::string> zsh_completions(const std::filesystem::path& function_dir,
                                         const std::string& line, const std::filesystem::path& cwd);
std::vector<std::string> fish_completions(const std::filesystem::path& script,
                                          const std::string& line,
                                          const std::filesystem::path& cwd);

} // namespace hros::test
