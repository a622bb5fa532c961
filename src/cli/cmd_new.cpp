// hros new = flags -> (interview on a terminal) -> defaults -> slug ->
// render -> check with lint's own code -> write atomically. Nothing touches
// the disk before the last step, so Ctrl-C or end of input at any question
// leaves no file; the write itself runs with interrupts held back, so it
// completes or leaves nothing, never a temporary file.
#include "hros/cli.hpp"

#include "hros/assignment.hpp"
#include "hros/bank_init.hpp"
#include "hros/case_check.hpp"
#include "hros/corpus.hpp"
#include "hros/exit_code.hpp"
#include "hros/file_io.hpp"
#include "hros/interview.hpp"
#include "hros/markdown.hpp"
#include "hros/new_defaults.hpp"
#include "hros/scaffold.hpp"
#include "hros/slug.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros::cli {
namespace {

struct NewCommand {
  std::string slug;
  std::string kind;
  std::string title;
  std::vector<std::string> sets;
  bool no_input = false;
  bool force = false;
  bool to_stdout = false;
  bool dry_run = false;
};

volatile std::sig_atomic_t g_written = 0;

extern "C" void on_interrupt(int) {
  static const char k_nothing[] = "\nhros: interrupted; nothing was written\n";
  static const char k_done[] = "\nhros: interrupted\n";
  if (g_written != 0) {
    (void)!::write(2, k_done, sizeof k_done - 1);
  } else {
    (void)!::write(2, k_nothing, sizeof k_nothing - 1);
  }
  ::_exit(130);
}

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    ::sigaction(signal_number, &action, nullptr);
  }
}

// Writes with SIGINT, SIGTERM and SIGHUP held back, so an interrupt cannot
// leave the temporary file behind; one that arrived is handled afterwards.
WriteResult write_uninterrupted(const fs::path& target, const std::string& text) {
  sigset_t held;
  sigset_t previous;
  sigemptyset(&held);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    sigaddset(&held, signal_number);
  }
  ::sigprocmask(SIG_BLOCK, &held, &previous);
  WriteResult result = write_file_atomic(target, text);
  g_written = result.ok ? 1 : 0;
  ::sigprocmask(SIG_SETMASK, &previous, nullptr);
  return result;
}

// Control characters shown as \xNN, so a hostile argument cannot drive the terminal.
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == '\x7f') {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

bool report_problems(const std::vector<std::string>& problems) {
  for (const std::string& problem : problems) {
    print_error(printable(problem));
  }
  return problems.empty();
}

// --title, --kind and every --set, as one list of assignments.
std::vector<Assignment> gather_assignments(const NewCommand& command,
                                           std::vector<std::string>& problems) {
  std::vector<Assignment> assignments;
  if (!command.title.empty()) {
    assignments.push_back(Assignment{"title", std::nullopt, "", command.title});
  }
  if (!command.kind.empty()) {
    assignments.push_back(Assignment{"kind", std::nullopt, "", command.kind});
  }
  for (const std::string& text : command.sets) {
    std::string problem;
    if (std::optional<Assignment> assignment = parse_assignment(text, problem)) {
      assignments.push_back(std::move(*assignment));
    } else {
      problems.push_back(problem + " (--set)");
    }
  }
  return assignments;
}

std::string field_text(const FieldValues& values, const std::string& name) {
  auto found = values.find(name);
  return found != values.end() && found->second.is_scalar() ? found->second.text : "";
}

// How a script gives `field`: the flag and a placeholder for its value.
std::string flag_for(const FieldSpec& field) {
  if (field.name == "title") {
    return "--title TEXT";
  }
  if (field.name == "kind") {
    return "--kind KIND";
  }
  if (field.type == FieldType::list && field.items && field.items->type == FieldType::object) {
    return fmt::format("--set {}[0].FIELD=VALUE", field.name);
  }
  if (field.type == FieldType::object) {
    return fmt::format("--set {}.FIELD=VALUE", field.name);
  }
  return fmt::format(field.type == FieldType::list ? "--set {}=A,B" : "--set {}=VALUE", field.name);
}

std::string missing_message(const std::vector<const FieldSpec*>& missing) {
  std::string names;
  std::string hints;
  for (const FieldSpec* field : missing) {
    names += (names.empty() ? "" : ", ") + field->name;
    hints += fmt::format("\n  {:<32} {}", flag_for(*field), field->hint);
  }
  return fmt::format("missing required field{} {}; give {} with:{}", missing.size() == 1 ? "" : "s",
                     names, missing.size() == 1 ? "it" : "them", hints);
}

struct Target {
  std::string slug;
  fs::path path;
};

// Asks for another slug while the file exists or the title gave none.
bool ask_slug(Interview& interview, const Context& context, bool force, Target& target) {
  while (target.slug.empty() || (!force && fs::exists(target.path))) {
    if (!target.slug.empty()) {
      std::cerr << fmt::format("  ! {} already exists\n", display_path(target.path));
    }
    std::optional<std::string> line = interview.ask("file name (slug, e.g. my-team-case)> ");
    if (!line) {
      return false;
    }
    std::string slug(trim(*line));
    if (std::optional<std::string> problem = slug_problem(slug)) {
      std::cerr << fmt::format("  ! cannot use '{}': {}\n", printable(slug), *problem);
      continue;
    }
    target = Target{slug, context.config.cases_dir / (slug + ".md")};
  }
  return true;
}

// The body: the repository's template for the kind if hros.yaml names one.
bool make_body(const Context& context, const std::string& kind, std::string& body) {
  auto templ = context.config.templates.find(kind);
  if (templ != context.config.templates.end()) {
    ReadResult read = read_file(templ->second);
    if (!read.ok) {
      print_error(fmt::format("the template for '{}': {}", kind, read.error));
      return false;
    }
    TemplateBody given = template_body(read.text);
    if (!given.problem.empty()) {
      print_error(fmt::format("the template for '{}' ({}) {}", kind,
                              printable(display_path(templ->second)), given.problem));
      return false;
    }
    body = std::move(given.text);
    return true;
  }
  const KindSpec* spec = context.schema.find_kind(kind);
  body = spec != nullptr ? render_body(*spec) : "";
  return true;
}

// Points editors at hros.yaml's `json_schema:`, relative to the case.
std::string modeline_for(const Context& context, const Target& target) {
  if (context.config.json_schema.empty()) {
    return "";
  }
  fs::path case_dir = fs::absolute(target.path.parent_path()).lexically_normal();
  fs::path relative = context.config.json_schema.lexically_relative(case_dir);
  return schema_modeline((relative.empty() ? context.config.json_schema : relative).string());
}

// The scaffold must pass `hros lint` but for its empty sections; anything
// else is a bug or a broken template, and nothing is written.
bool passes_lint(const Context& context, const Target& target, const std::string& text) {
  CheckOptions options;
  options.schema = &context.schema;
  CaseCheck check = check_case_text(target.path, text, options);
  std::vector<Diagnostic> errors;
  for (const Diagnostic& diagnostic : check.diagnostics) {
    if (diagnostic.severity == Severity::error && diagnostic.rule.rfind("sections.", 0) != 0) {
      errors.push_back(diagnostic);
    }
  }
  if (!errors.empty()) {
    print_diagnostics(errors);
    print_error("the new case would not pass 'hros lint'; nothing was written");
  }
  return errors.empty();
}

void print_next_steps(const Target& target, const std::string& body, const KindSpec* kind,
                      bool dry_run) {
  std::string path = display_path(target.path);
  if (dry_run) {
    fmt::print(stderr, "hros: would write {}\n", path);
    return;
  }
  std::string sections;
  for (const Section& section : outline_body(body, 1).sections) {
    if (section.has_content) {
      continue;
    }
    bool optional =
        kind != nullptr &&
        std::any_of(kind->sections.begin(), kind->sections.end(), [&](const SectionSpec& spec) {
          return spec.allow_empty && spec.title == section.title;
        });
    sections += (sections.empty() ? "" : ", ") + section.title + (optional ? " (optional)" : "");
  }
  fmt::print(stderr, "hros: wrote {}\nWhat's next:\n", path);
  if (!sections.empty()) {
    fmt::print(stderr, "  - write the sections {} (each comment says what helps readers)\n",
               sections);
  }
  fmt::print(stderr, "  - check it: hros lint {}\n  - then open a pull request\n", path);
}

int run_new(const NewCommand& command, const GlobalOptions& global) {
  install_interrupt_handler();
  Context context;
  if (!resolve_context(global, context)) {
    return k_exit_usage;
  }
  std::vector<std::string> problems;
  std::string given_slug = command.slug;
  if (given_slug.size() > 3 && given_slug.compare(given_slug.size() - 3, 3, ".md") == 0) {
    given_slug.resize(given_slug.size() - 3);
  }
  if (!command.slug.empty()) {
    if (std::optional<std::string> problem = slug_problem(given_slug)) {
      problems.push_back(fmt::format("cannot use '{}' as a slug: {}", command.slug, *problem));
    }
  }
  Assembly assembly = assemble_values(context.schema, gather_assignments(command, problems));
  problems.insert(problems.end(), assembly.problems.begin(), assembly.problems.end());
  FieldValues values = std::move(assembly.values);
  std::string slug_field = field_text(values, "slug");
  if (!slug_field.empty() && !given_slug.empty() && slug_field != given_slug) {
    problems.push_back(
        fmt::format("slug '{}' differs from the SLUG argument '{}'", slug_field, given_slug));
  }
  Target target;
  target.slug = given_slug.empty() ? slug_field : given_slug;
  target.path = context.config.cases_dir / (target.slug + ".md");
  bool check_existing = !command.force && !command.to_stdout;
  if (!target.slug.empty() && check_existing && fs::exists(target.path)) {
    problems.push_back(fmt::format("{} already exists; give another slug, or --force to replace it",
                                   display_path(target.path)));
  }
  Defaults defaults = gather_defaults();
  bool interactive = !command.no_input && ::isatty(0) != 0 && ::isatty(2) != 0;
  if (!interactive) {
    apply_defaults(context.schema, defaults, values);
    std::vector<const FieldSpec*> missing = missing_fields(context.schema, values);
    if (!missing.empty()) {
      problems.push_back(missing_message(missing));
    }
  }
  if (!report_problems(problems)) {
    return k_exit_usage;
  }
  Interview interview(context.schema, defaults, std::cin, std::cerr);
  if (interactive) {
    if (!interview.run(values)) {
      print_error("the input ended before the last question; nothing was written");
      return k_exit_usage;
    }
    apply_defaults(context.schema, defaults, values);
  }

  if (target.slug.empty()) {
    target.slug = slug_from_title(field_text(values, "title"));
    target.path = context.config.cases_dir / (target.slug + ".md");
  }
  if (interactive && !ask_slug(interview, context, !check_existing, target)) {
    print_error("the input ended before the last question; nothing was written");
    return k_exit_usage;
  }
  if (target.slug.empty()) {
    print_error("the title gives no slug; name the file: hros new SLUG");
    return k_exit_usage;
  }
  if (check_existing && fs::exists(target.path)) {
    print_error(fmt::format("{} already exists; give another slug, or --force to replace it",
                            display_path(target.path)));
    return k_exit_usage;
  }

  std::string body;
  if (!make_body(context, field_text(values, "kind"), body)) {
    return k_exit_usage;
  }
  std::string text = render_case(context.schema, values, body, modeline_for(context, target));
  if (!passes_lint(context, target, text)) {
    return k_exit_usage;
  }
  if (command.to_stdout) {
    write_output(text);
    return k_exit_ok;
  }
  if (!command.dry_run) {
    std::error_code error;
    fs::create_directories(target.path.parent_path(), error);
    WriteResult written = write_uninterrupted(target.path, text);
    if (!written.ok) {
      print_error(written.error);
      return k_exit_usage;
    }
  }
  if (!global.quiet) {
    print_next_steps(target, body, context.schema.find_kind(field_text(values, "kind")),
                     command.dry_run);
  }
  return k_exit_ok;
}

} // namespace

void setup_new(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto command = std::make_shared<NewCommand>();
  CLI::App* cmd = app.add_subcommand(
      "new", "Scaffold a case from the schema: prompts on a terminal, flags otherwise");
  cmd->add_option("slug", command->slug, "File name without .md (default: made from the title)")
      ->type_name("NAME");
  cmd->add_option("-k,--kind", command->kind, "The kind of case, e.g. case-study or spark")
      ->type_name("KIND");
  cmd->add_option("-t,--title", command->title, "The title")->type_name("TEXT");
  cmd->add_option("-s,--set", command->sets,
                  "A field's value: FIELD=VALUE; lists as a,b (an item holding a comma in "
                  "double quotes); items of a list of fields as FIELD[N].SUBFIELD=VALUE "
                  "(repeatable)")
      ->type_name("FIELD=VALUE")
      ->allow_extra_args(false);
  cmd->add_flag("--no-input", command->no_input,
                "Never prompt, even on a terminal; a missing required field is an error");
  cmd->add_flag("--force", command->force, "Replace an existing case file");
  cmd->add_flag("--stdout", command->to_stdout, "Print the case instead of writing it");
  cmd->add_flag("--dry-run", command->dry_run, "Check everything, write nothing");
  cmd->footer(
      "On a terminal hros new asks for each field of the schema (required ones first, enums as a\n"
      "numbered list, defaults in brackets). Without one, or with --no-input, it never prompts:\n"
      "give the fields as flags. Defaults: status draft, today for a needed date, and the first\n"
      "author from 'git config user.name'. It writes <cases dir>/<slug>.md atomically and never\n"
      "replaces a file unless --force is given.\n\n"
      "A list field's value is split at commas; an item that holds one goes in double quotes\n"
      "(--set 'tools=\"Workday, Inc.\",Notion'). Other fields keep their commas\n"
      "(--set 'organization=Acme, Inc.').\n\n"
      "Exit status: 0 written (or printed); 2 a usage error, a missing or invalid field, an\n"
      "existing file, or input that ended early (130 on Ctrl-C). Nothing is written on failure.\n\n"
      "Examples:\n"
      "  hros new                                   answer the questions on a terminal\n"
      "  hros new --no-input --kind spark \\\n"
      "    --title 'Four-day week for our support team' \\\n"
      "    --set organization='Example Support Co' --set industry=technology \\\n"
      "    --set company_size=51-200 --set regions=US,CA --set topics=wellbeing,retention \\\n"
      "    --set 'authors[0].name=Jane Doe' --set 'authors[0].role=Head of People' \\\n"
      "    --set summary='We tried a four-day week for six months with 40 agents; here is what "
      "happened.'\n"
      "  hros new my-case --kind case-study ... \\\n"
      "    --set 'metrics[0].name=Offer acceptance rate' --set 'metrics[0].before=71' \\\n"
      "    --set 'metrics[0].after=84' --set 'metrics[0].unit=%'\n"
      "  hros new --stdout ...                      print the case instead of writing it");
  cmd->callback([command, &global, &exit_code] { exit_code = run_new(*command, global); });
}

} // namespace hros::cli
