// hros completions SHELL: the script, from the command definitions walked at
// run time. hros __complete (hidden): what the scripts ask as you type.
#include "hros/cli.hpp"

#include "hros/completion.hpp"
#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"

#include <fmt/format.h>

#include <memory>

namespace hros::cli {
namespace {

struct CompleteCommand {
  std::string what;
  std::string word;
};

std::vector<Candidate> case_slugs(const Context& context) {
  std::vector<Candidate> slugs;
  std::error_code error;
  if (!std::filesystem::is_directory(context.config.cases_dir, error)) {
    return slugs;
  }
  Corpus corpus = discover_cases(context.config.cases_dir, context.config.ignore);
  for (const std::filesystem::path& file : corpus.files) {
    slugs.push_back({file.stem().string(), ""});
  }
  return slugs;
}

int run_complete(const CompleteCommand& command, const GlobalOptions& global) {
  Context context;
  if (!resolve_context(global, context)) {
    return k_exit_usage;
  }
  std::vector<Candidate> candidates;
  if (command.what == "condition") {
    candidates = complete_condition(context.schema, command.word);
  } else if (command.what == "fields") {
    candidates = complete_field_list(context.schema, command.word);
  } else if (command.what == "values") {
    candidates = complete_field_values(context.schema, command.word);
  } else if (command.what == "slugs") {
    candidates = case_slugs(context);
  } else {
    print_error(fmt::format("__complete: unknown '{}'; use condition, fields, values or slugs",
                            command.what));
    return k_exit_usage;
  }
  std::string text = render_candidates(candidates);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return k_exit_ok;
}

} // namespace

void setup_completions(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto shell = std::make_shared<std::string>();
  CLI::App* completions =
      app.add_subcommand("completions", "Print a shell completion script: bash, zsh or fish");
  completions->add_option("shell", *shell, "The shell")
      ->required()
      ->check(CLI::IsMember(shell_names()));
  completions->footer(
      "The script completes commands, options, --format values, field names after --where,\n"
      "a field's values after FIELD=, and case slugs, from the bank's own schema and cases.\n"
      "cmake --install and the .deb put the scripts where each shell looks for them.\n\n"
      "Exit status: 0 printed, 2 an unknown shell.\n\n"
      "Examples:\n"
      "  source <(hros completions bash)             bash, this session\n"
      "  hros completions zsh > ~/.zfunc/_hros       zsh, with ~/.zfunc in $fpath\n"
      "  hros completions fish > ~/.config/fish/completions/hros.fish");
  completions->callback([shell, &app, &exit_code] {
    Shell which{};
    parse_shell(*shell, which);
    std::string text = completion_script(describe_commands(app), which);
    std::fwrite(text.data(), 1, text.size(), stdout);
    exit_code = k_exit_ok;
  });

  auto command = std::make_shared<CompleteCommand>();
  CLI::App* complete = app.add_subcommand("__complete", "");
  complete->group("");
  complete->add_option("what", command->what)->required();
  complete->add_option("word", command->word);
  complete->callback(
      [command, &global, &exit_code] { exit_code = run_complete(*command, global); });
}

} // namespace hros::cli
