#include "hros/cli.hpp"

#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"
#include "hros/file_io.hpp"
#include "hros/lint_report.hpp"
#include "hros/schema_load.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>

#include <cstdlib>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros::cli {

void print_error(const std::string& message) {
  fmt::print(stderr, "hros: error: {}\n", message);
}

namespace {
int g_output_errno = 0;
} // namespace

void write_output(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() && g_output_errno == 0) {
    g_output_errno = errno != 0 ? errno : EIO;
  }
}

int output_errno() {
  return g_output_errno;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text = render_diagnostics(diagnostics, false);
  std::fwrite(text.data(), 1, text.size(), stderr);
}

bool use_color(const GlobalOptions& options, std::FILE* stream) {
  if (options.color != ColorMode::automatic) {
    return options.color == ColorMode::always;
  }
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') {
    return false;
  }
  const char* term = std::getenv("TERM");
  return ::isatty(::fileno(stream)) != 0 && !(term != nullptr && std::string(term) == "dumb");
}

bool resolve_context(const GlobalOptions& options, Context& context) {
  std::error_code error;
  fs::path cwd = fs::current_path(error);
  std::optional<fs::path> config_file;
  if (!options.config.empty()) {
    if (!fs::is_regular_file(options.config, error)) {
      print_error(fmt::format("no configuration file '{}'", options.config));
      return false;
    }
    config_file = fs::path(options.config);
  } else {
    config_file = find_config(cwd);
  }
  if (config_file) {
    ConfigLoad loaded = load_config(*config_file);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.ok) {
      print_error(fmt::format("{} has errors; fix them first", display_path(*config_file)));
      return false;
    }
    context.config = std::move(loaded.config);
  } else {
    context.config = default_config(cwd);
  }
  if (!options.root.empty()) {
    context.config.cases_dir = fs::absolute(options.root, error).lexically_normal();
  }
  if (context.config.schema_file.empty()) {
    context.schema = default_schema();
    return true;
  }
  ReadResult read = read_file(context.config.schema_file);
  if (!read.ok) {
    print_error(read.error);
    return false;
  }
  SchemaLoad schema = load_schema(read.text, display_path(context.config.schema_file));
  print_diagnostics(schema.diagnostics);
  if (!schema.ok) {
    print_error(fmt::format("the schema {} has errors; fix them first",
                            display_path(context.config.schema_file)));
    return false;
  }
  context.schema = std::move(schema.schema);
  return true;
}

} // namespace hros::cli
