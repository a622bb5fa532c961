// hros man (hidden): hros(1) in roff, from the command definitions walked at
// run time. The committed man/hros.1 is checked against it by a test.
#include "hros/cli.hpp"

#include "hros/exit_code.hpp"
#include "hros/man_page.hpp"
#include "hros/schema_load.hpp"
#include "hros/version.hpp"

namespace hros::cli {

void setup_man(CLI::App& app, int& exit_code) {
  CLI::App* man = app.add_subcommand("man", "");
  man->group("");
  man->callback([&app, &exit_code] {
    const Schema& schema = default_schema();
    ManInfo info{std::string(version()), schema.name, schema.version};
    std::string text = man_page(describe_commands(app), info);
    std::fwrite(text.data(), 1, text.size(), stdout);
    exit_code = k_exit_ok;
  });
}

} // namespace hros::cli
