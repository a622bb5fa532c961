#include "hros/command_spec.hpp"

namespace hros {
namespace {

constexpr std::string_view k_examples = "Examples:\n";

} // namespace

const CommandSpec* CommandSpec::find_command(const std::string& command_name) const {
  for (const CommandSpec& command : commands) {
    if (command.name == command_name) {
      return &command;
    }
  }
  return nullptr;
}

std::vector<std::string> footer_examples(const std::string& footer) {
  std::vector<std::string> lines;
  std::size_t start = footer.find(k_examples);
  if (start == std::string::npos) {
    return lines;
  }
  std::size_t begin = start + k_examples.size();
  while (begin < footer.size()) {
    std::size_t end = footer.find('\n', begin);
    if (end == std::string::npos) {
      end = footer.size();
    }
    std::string line = footer.substr(begin, end - begin);
    if (line.empty()) {
      break; // the block ends at a blank line
    }
    lines.push_back(line.compare(0, 2, "  ") == 0 ? line.substr(2) : line);
    begin = end + 1;
  }
  return lines;
}

std::string footer_prose(const std::string& footer) {
  std::string prose = footer.substr(0, footer.find(k_examples));
  while (!prose.empty() && prose.back() == '\n') {
    prose.pop_back();
  }
  return prose;
}

} // namespace hros
