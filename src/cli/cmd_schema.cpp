#include "hros/cli.hpp"

#include "hros/exit_code.hpp"
#include "hros/schema_export.hpp"

#include <fmt/format.h>

#include <memory>

namespace hros::cli {
namespace {

int run_schema(const std::string& format, const GlobalOptions& global) {
  if (format != "yaml" && format != "json-schema" && format != "markdown") {
    print_error(fmt::format("unknown format '{}'; use yaml, json-schema or markdown", format));
    return k_exit_usage;
  }
  Context context;
  if (!resolve_context(global, context)) {
    return k_exit_usage;
  }
  std::string text = format == "yaml"          ? context.schema.source
                     : format == "json-schema" ? schema_to_json_schema(context.schema)
                                               : schema_to_markdown(context.schema);
  write_output(text);
  return k_exit_ok;
}

} // namespace

void setup_schema(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto format = std::make_shared<std::string>("yaml");
  CLI::App* schema = app.add_subcommand("schema", "Print the effective schema");
  schema->add_option("-f,--format", *format, "yaml, json-schema (draft 2020-12) or markdown")
      ->capture_default_str();
  schema->footer("Exit status: 0 printed; 2 an unknown format, or a hros.yaml or schema with "
                 "errors.\n\n"
                 "Examples:\n"
                 "  hros schema                          the schema in force, as YAML\n"
                 "  hros schema --format json-schema > .hros/case.schema.json\n"
                 "  hros schema --format markdown        a reference table for contributors");
  schema->callback([format, &global, &exit_code] { exit_code = run_schema(*format, global); });
}

} // namespace hros::cli
