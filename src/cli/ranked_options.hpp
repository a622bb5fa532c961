#pragma once

// What the commands that rank cases from the index (search, related) share:
// their options, and the steps from those options to an open bank.

#include "hros/cli.hpp"
#include "hros/search_report.hpp"

#include <string>
#include <vector>

namespace hros::cli {

struct RankedOptions {
  std::vector<std::string> where;
  std::string format = "text";
  int limit = 10;
  bool no_cache = false;
};

// Adds --where, --limit, --format and --no-cache to `command`.
void add_ranked_options(CLI::App* command, RankedOptions& options);

// Checks --format and --limit; prints what is wrong and returns false (a usage error).
bool check_ranked_options(const RankedOptions& options, SearchFormat& format);

// The bank a ranked command reads: its context, conditions and files.
struct RankedBank {
  Context context;
  std::vector<Condition> conditions;
  Corpus corpus;
};

// Resolves the context, parses --where and finds the case files; prints what
// is wrong and returns false (a usage error).
bool open_ranked_bank(const RankedOptions& options, const GlobalOptions& global, RankedBank& bank);

} // namespace hros::cli
