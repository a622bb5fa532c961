#include "hros/cli.hpp"

namespace hros::cli {

void setup_init(CLI::App&, const GlobalOptions&, int&) {}

} // namespace hros::cli
