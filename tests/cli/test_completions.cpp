// `hros completions` driven through each real shell (bash with
// bash-completion, zsh through a pseudo-terminal, fish's `complete -C`) on a
// fresh bank made by `hros init`, and the committed copies in completions/
// checked against the generator.
#include "run_hros.hpp"
#include "shell_session.hpp"

#include "hros/command_spec.hpp"
#include "hros/completion.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

using hros::test::bash_completions;
using hros::test::fish_completions;
using hros::test::read_text;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::TempDir;
using hros::test::zsh_completions;

namespace {

using Lines = std::vector<std::string>;

const char* const k_regen = "the committed copy differs from the generator; regenerate with "
                            "'bash scripts/regen-docs.sh' (or 'cmake --build --preset dev "
                            "--target regen') and commit the result";

// A bank from `hros init`, with the scripts hros generates written into it.
struct Bank {
  TempDir dir;
  std::filesystem::path root;
  std::filesystem::path bash_script;
  std::filesystem::path zsh_dir;
  std::filesystem::path fish_script;

  Bank() : root(dir.path() / "bank") {
    RunOptions options;
    options.cwd = dir.path();
    RunResult init = run_hros({"init", "bank", "-q"}, options);
    REQUIRE(init.exit_code == 0);
    bash_script = write("hros.bash", "bash");
    zsh_dir = dir.path() / "zsh";
    std::filesystem::create_directories(zsh_dir);
    write("zsh/_hros", "zsh");
    fish_script = write("hros.fish", "fish");
  }

  std::filesystem::path write(const std::string& name, const std::string& shell) {
    RunResult result = run_hros({"completions", shell});
    REQUIRE(result.exit_code == 0);
    return dir.write(name, result.out);
  }

  Lines bash(const std::string& line) const { return bash_completions(bash_script, line, root); }
  Lines zsh(const std::string& line) const { return zsh_completions(zsh_dir, line, root); }
  Lines fish(const std::string& line) const { return fish_completions(fish_script, line, root); }
};

} // namespace

TEST_CASE("completions: the committed scripts are what hros generates", "[completions]") {
  const std::pair<const char*, const char*> k_files[] = {{"bash", "completions/hros.bash"},
                                                         {"zsh", "completions/_hros"},
                                                         {"fish", "completions/hros.fish"}};
  for (const auto& [shell, file] : k_files) {
    RunResult result = run_hros({"completions", shell});
    REQUIRE(result.exit_code == 0);
    INFO(file << ": " << k_regen);
    CHECK(result.out == read_text(hros::test::source_dir() / file));
  }
}

TEST_CASE("completions: an unknown shell is a usage error", "[completions]") {
  RunResult result = run_hros({"completions", "tcsh"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("tcsh") != std::string::npos);
  CHECK(result.out.empty());
}

TEST_CASE("completions: the scripts parse in their shells", "[completions]") {
  Bank bank;
  int status = -1;
  hros::test::run_shell("bash -n '" + bank.bash_script.string() + "'", bank.root, &status);
  CHECK(status == 0);
  hros::test::run_shell("zsh -n '" + (bank.zsh_dir / "_hros").string() + "'", bank.root, &status);
  CHECK(status == 0);
  hros::test::run_shell("fish -n '" + bank.fish_script.string() + "'", bank.root, &status);
  CHECK(status == 0);
}

TEST_CASE("completions: bash completes commands, options and values", "[completions]") {
  Bank bank;
  CHECK(bank.bash("hros li") == Lines{"lint", "list"});
  CHECK(bank.bash("hros list --format ") == Lines{"csv", "json", "ndjson", "paths", "table"});
  CHECK(bank.bash("hros lint --format s") == Lines{"sarif"});
  CHECK(bank.bash("hros --color a") == Lines{"always", "auto"});
  CHECK(bank.bash("hros list --whe") == Lines{"--where"});
  CHECK(bank.bash("hros --root cases list --whe") == Lines{"--where"});
  CHECK(bank.bash("hros completions ") == Lines{"bash", "fish", "zsh"});
  // A field after --where, then the field's values after FIELD=; readline
  // replaces only what follows the '=', so that is what bash is given.
  CHECK(bank.bash("hros list --where indu") == Lines{"industry="});
  CHECK(bank.bash("hros list --where industry=re") == Lines{"real-estate", "retail"});
  CHECK(bank.bash("hros list --where 'company_size>=20") == Lines{"company_size>=201-1000"});
  CHECK(bank.bash("hros list --where topics=onb") == Lines{"onboarding"});
  CHECK(bank.bash("hros list --sort -pu") == Lines{"-published"});
  CHECK(bank.bash("hros list --columns slug,ti") == Lines{"slug,title"});
  CHECK(bank.bash("hros new --kind ") == Lines{"case-study", "spark"});
  CHECK(bank.bash("hros lint cases/exa") == Lines{"cases/example-exit-interviews-by-a-peer.md"});
}

TEST_CASE("completions: zsh completes commands, options and values", "[completions]") {
  Bank bank;
  CHECK(bank.zsh("hros li") == Lines{"lint", "list"});
  CHECK(bank.zsh("hros list --format ") == Lines{"csv", "json", "ndjson", "paths", "table"});
  CHECK(bank.zsh("hros --root cases list --whe") == Lines{"--where"});
  CHECK(bank.zsh("hros list --where indu") == Lines{"industry="});
  CHECK(bank.zsh("hros list --where industry=re") ==
        Lines{"industry=real-estate", "industry=retail"});
  CHECK(bank.zsh("hros list --sort -pu") == Lines{"-published"});
  CHECK(bank.zsh("hros new --kind ") == Lines{"case-study", "spark"});
  CHECK(bank.zsh("hros completions ") == Lines{"bash", "fish", "zsh"});
  CHECK(bank.zsh("hros lint cases/exa") == Lines{"cases/example-exit-interviews-by-a-peer.md"});
}

TEST_CASE("completions: fish completes commands, options and values", "[completions]") {
  Bank bank;
  CHECK(bank.fish("hros li") == Lines{"lint", "list"});
  CHECK(bank.fish("hros list --format ") == Lines{"csv", "json", "ndjson", "paths", "table"});
  CHECK(bank.fish("hros --root cases list --whe") == Lines{"--where"});
  CHECK(bank.fish("hros list --where indu") == Lines{"industry="});
  CHECK(bank.fish("hros list --where industry=re") ==
        Lines{"industry=real-estate", "industry=retail"});
  CHECK(bank.fish("hros new --kind ") == Lines{"case-study", "spark"});
  CHECK(bank.fish("hros completions ") == Lines{"bash", "fish", "zsh"});
}

TEST_CASE("completions: values come from the bank's own schema", "[completions]") {
  Bank bank;
  std::filesystem::path schema = bank.root / "schema/hros.yaml";
  std::string text = read_text(schema);
  std::size_t at = text.find("retail,");
  REQUIRE(at != std::string::npos);
  text.insert(at, "space-tourism, ");
  std::ofstream(schema, std::ios::binary) << text;
  CHECK(bank.bash("hros list --where industry=sp") == Lines{"space-tourism"});
  CHECK(bank.zsh("hros list --where industry=sp") == Lines{"industry=space-tourism"});
  CHECK(bank.fish("hros list --where industry=sp") == Lines{"industry=space-tourism"});
  // Another bank named with --root/--config is asked instead of this one.
  TempDir other;
  other.write("hros.yaml", "cases: cases\n");
  CHECK(bank.bash("hros --config " + (other.path() / "hros.yaml").string() +
                  " list --where industry=sp")
            .empty());
}

// Commands that take a case's slug (show, related) are completed from the
// cases directory. The spec below stands for them; once they exist, their
// own scripts are driven too.
TEST_CASE("completions: a slug argument completes the bank's case slugs", "[completions]") {
  Bank bank;
  bank.dir.write("bank/cases/pay-bands-in-the-open.md", "---\n---\n");
  hros::CommandSpec root;
  root.name = "hros";
  hros::OptionSpec root_option;
  root_option.long_names = {"root"};
  root_option.kind = hros::ValueKind::directory;
  root.options.push_back(root_option);
  hros::CommandSpec show;
  show.name = "show";
  hros::OptionSpec slug;
  slug.positional = "slug";
  slug.kind = hros::ValueKind::slug;
  show.positionals.push_back(slug);
  root.commands.push_back(show);
  auto bash = bank.dir.write("spec.bash", hros::completion_script(root, hros::Shell::bash));
  bank.dir.write("spec-zsh/_hros", hros::completion_script(root, hros::Shell::zsh));
  auto fish = bank.dir.write("spec.fish", hros::completion_script(root, hros::Shell::fish));
  Lines both = {"example-exit-interviews-by-a-peer", "pay-bands-in-the-open"};
  CHECK(bash_completions(bash, "hros show ", bank.root) == both);
  CHECK(bash_completions(bash, "hros show pay", bank.root) == Lines{"pay-bands-in-the-open"});
  CHECK(zsh_completions(bank.dir.path() / "spec-zsh", "hros show ", bank.root) == both);
  CHECK(fish_completions(fish, "hros show ", bank.root) == both);

  RunResult help = run_hros({"--help"});
  for (const char* command : {"show", "related"}) {
    if (help.out.find(std::string("\n  ") + command + " ") == std::string::npos) {
      continue;
    }
    INFO(command);
    std::string line = std::string("hros ") + command + " pay";
    CHECK(bank.bash(line) == Lines{"pay-bands-in-the-open"});
    CHECK(bank.zsh(line) == Lines{"pay-bands-in-the-open"});
    CHECK(bank.fish(line) == Lines{"pay-bands-in-the-open"});
  }
}

TEST_CASE("completions: __complete answers with the bank's fields and values", "[completions]") {
  Bank bank;
  RunOptions options;
  options.cwd = bank.root;
  RunResult fields = run_hros({"__complete", "condition", "--", "ti"}, options);
  CHECK(fields.exit_code == 0);
  CHECK(fields.out.find("title=\tWhat you did") != std::string::npos);
  CHECK(fields.out.find("industry=\t") != std::string::npos);
  RunResult values = run_hros({"__complete", "values", "company_size"}, options);
  CHECK(values.out == "1-10\n11-50\n51-200\n201-1000\n1001-5000\n5001-10000\n10001+\n");
  RunResult slugs = run_hros({"__complete", "slugs"}, options);
  CHECK(slugs.out == "example-exit-interviews-by-a-peer\n");
  RunResult unknown = run_hros({"__complete", "colours"}, options);
  CHECK(unknown.exit_code == 2);
  // Hidden: not in --help, so not in the completions either.
  CHECK(run_hros({"--help"}).out.find("__complete") == std::string::npos);
  CHECK(bank.bash("hros __") == Lines{});
}
