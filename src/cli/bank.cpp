// What the reading commands (list, search, related) share: conditions, the
// bank's files, the terminal's width.
#include "hros/cli.hpp"
#include "hros/printable.hpp"

#include <fmt/format.h>

#include <sys/ioctl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros::cli {

bool parse_conditions(const std::vector<std::string>& texts, const Schema& schema,
                      std::vector<Condition>& conditions) {
  for (const std::string& text : texts) {
    ConditionParse parse = parse_condition(text, schema);
    if (!parse.error.empty()) {
      print_error("--where: " + parse.error);
      return false;
    }
    conditions.push_back(parse.condition);
  }
  return true;
}

bool has_cases_directory(const Context& context) {
  std::error_code error;
  if (fs::is_directory(context.config.cases_dir, error)) {
    return true;
  }
  print_error(fmt::format("no cases directory at {} (give one with --root DIR or in hros.yaml)",
                          printable(display_path(context.config.cases_dir))));
  return false;
}

bool discover_bank(const Context& context, Corpus& corpus, const DiscoverOptions& options) {
  if (!has_cases_directory(context)) {
    return false;
  }
  corpus = discover_cases(display_path(context.config.cases_dir), context.config.ignore, options);
  return true;
}

std::size_t terminal_width() {
  winsize size{};
  if (::isatty(STDOUT_FILENO) != 0 && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    return size.ws_col;
  }
  return 0; // not a terminal: print rows whole, for pipes and files
}

} // namespace hros::cli
