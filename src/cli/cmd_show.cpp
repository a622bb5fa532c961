// hros show = find the case (by file name, a directory walk only if needed)
// -> read it whole -> lay it out for the terminal, or print it as Markdown
// or JSON.
#include "hros/cli.hpp"

#include "terminal.hpp"

#include "hros/case_document.hpp"
#include "hros/case_json.hpp"
#include "hros/case_view.hpp"
#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"
#include "hros/suggest.hpp"
#include "hros/terminal_text.hpp"

#include <fmt/format.h>

#include <memory>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros::cli {
namespace {

// Wider text is hard to read; a terminal wider than this still gets this.
constexpr std::size_t k_max_reading_width = 100;

struct ShowCommand {
  std::string target;
  std::string format = "text";
  int width = -1;
  bool no_pager = false;
};

bool looks_like_path(const std::string& target) {
  return target.find('/') != std::string::npos ||
         (target.size() > 3 && target.compare(target.size() - 3, 3, ".md") == 0);
}

// The file the user means, or an exit code after saying why there is none.
int locate(const std::string& target, const Context& context, fs::path& file) {
  std::error_code error;
  std::string slug = target;
  if (looks_like_path(target)) {
    if (fs::exists(target, error) || target.find('/') != std::string::npos) {
      file = target;
      return k_exit_ok;
    }
    slug = target.substr(0, target.size() - 3); // "x.md" in the cases directory
  }
  const fs::path& cases_dir = context.config.cases_dir;
  if (!has_cases_directory(context)) {
    return k_exit_usage;
  }
  CaseLookup lookup = find_case(cases_dir, slug, context.config.ignore);
  if (!lookup.file) {
    print_error(fmt::format("no case '{}' in {}{}", terminal_safe(slug), display_path(cases_dir),
                            did_you_mean(slug, lookup.slugs)));
    return k_exit_problem;
  }
  file = *lookup.file;
  return k_exit_ok;
}

// Prints the case in the format asked for.
void print_case(const CaseDocument& document, const ShowCommand& command,
                const GlobalOptions& global, const Schema& schema) {
  bool allow_pager = !command.no_pager;
  if (command.format == "json") {
    std::string text = case_json(document, schema).dump();
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  if (command.format == "markdown") {
    // Exactly the file for a pipe; on a terminal, nothing that could act on it
    // (and line endings made LF, or a CRLF file would mark every line).
    bool terminal = ::isatty(STDOUT_FILENO) != 0;
    write_paged(terminal ? terminal_safe(document.text, true) : document.raw, allow_pager);
    return;
  }
  RenderOptions options;
  options.width = output_width(command.width);
  if (command.width < 0) {
    options.width = std::min(options.width, k_max_reading_width);
  }
  options.color = use_color(global, stdout);
  options.unicode = utf8_locale();
  write_paged(emit_lines(render_case(document, options), options.color), allow_pager);
}

int run_show(const ShowCommand& command, const GlobalOptions& global) {
  if (command.format != "text" && command.format != "markdown" && command.format != "json") {
    print_error(fmt::format("unknown format '{}'; use text, markdown or json",
                            terminal_safe(command.format)));
    return k_exit_usage;
  }
  if (command.width != -1 && command.width != 0 && command.width < 20) {
    print_error(
        fmt::format("--width: {} is too narrow; give 20 or more, or 0 not to wrap", command.width));
    return k_exit_usage;
  }
  Context context;
  if (!resolve_context(global, context)) {
    return k_exit_usage;
  }
  fs::path file;
  if (int located = locate(command.target, context, file); located != k_exit_ok) {
    return located;
  }
  CaseDocumentLoad load = load_case_document(file);
  if (!load.error.empty()) {
    print_error(terminal_safe(load.error));
    return k_exit_usage;
  }
  const CaseDocument& document = load.document;
  if (!global.quiet) {
    for (const std::string& warning : document.warnings) {
      fmt::print(stderr, "hros: warning: {}: {} (run 'hros lint')\n", terminal_safe(document.path),
                 terminal_safe(warning));
    }
  }
  print_case(document, command, global, context.schema);
  return k_exit_ok;
}

} // namespace

void setup_show(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto command = std::make_shared<ShowCommand>();
  CLI::App* show = app.add_subcommand("show", "Show one case, readable in the terminal");
  show->add_option("slug", command->target, "The case's slug (its file name without .md) or a path")
      ->type_name("SLUG")
      ->required();
  show->add_option("-f,--format", command->format,
                   "text (laid out for the terminal), markdown (the file) or json")
      ->capture_default_str();
  show->add_option("--width", command->width,
                   "Wrap text to N columns (0: do not wrap; default: the terminal, at most 100)")
      ->type_name("N");
  show->add_flag("--no-pager", command->no_pager,
                 "Never page: by default a case taller than the terminal goes through $PAGER");
  show->footer("Exit status: 0 case shown, 1 no such case, 2 usage or I/O error.\n\n"
               "On a terminal, a long case is shown through $PAGER (default: less -R). Text from "
               "the case\nnever reaches the terminal as control characters or escape sequences.\n\n"
               "Examples:\n"
               "  hros show publishing-pay-bands-internally\n"
               "  hros show cases/publishing-pay-bands-internally.md --width 72 --no-pager\n"
               "  hros show publishing-pay-bands-internally --format json | jq .metrics\n"
               "  hros show publishing-pay-bands-internally --format markdown > copy.md");
  show->callback([command, &global, &exit_code] { exit_code = run_show(*command, global); });
}

} // namespace hros::cli
