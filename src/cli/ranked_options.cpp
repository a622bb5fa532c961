#include "ranked_options.hpp"

#include "hros/search_index.hpp"

#include <fmt/format.h>

namespace hros::cli {

void add_ranked_options(CLI::App* command, RankedOptions& options) {
  command
      ->add_option("-w,--where", options.where,
                   "Keep cases where FIELD OP VALUE holds (OP: = != < <= > >=); repeat to "
                   "combine")
      ->type_name("COND")
      ->allow_extra_args(false); // each -w takes one condition, so a query can follow
  command->add_option("-n,--limit", options.limit, "Show at most N cases; 0 for all")
      ->type_name("N")
      ->capture_default_str();
  command->add_option("-f,--format", options.format, "text, json or paths")->capture_default_str();
  command->add_flag("--no-cache", options.no_cache,
                    "Index in memory for this command; read and write no cache file");
}

bool check_ranked_options(const RankedOptions& options, SearchFormat& format) {
  if (!parse_search_format(options.format, format)) {
    print_error(fmt::format("unknown format '{}'; use text, json or paths", options.format));
    return false;
  }
  if (options.limit < 0) {
    print_error(fmt::format("--limit: {} is not a number of cases; give 1 or more, or 0 for all",
                            options.limit));
    return false;
  }
  return true;
}

bool open_ranked_bank(const RankedOptions& options, const GlobalOptions& global, RankedBank& bank) {
  // The index needs every file's stamp, its path below the root, and no
  // particular order: results come out ranked.
  DiscoverOptions discovery;
  discovery.stamps = true;
  discovery.sorted = false;
  discovery.full_paths = false;
  if (!resolve_context(global, bank.context) ||
      !parse_conditions(options.where, bank.context.schema, bank.conditions)) {
    return false;
  }
  if (!options.no_cache) {
    discovery.listing_file = default_listing_file(display_path(bank.context.config.cases_dir));
  }
  return discover_bank(bank.context, bank.corpus, discovery);
}

} // namespace hros::cli
