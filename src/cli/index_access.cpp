// Opening the search index for a command, and what happens when the cache
// fails under it: one notice, then the same work on an index in memory.
#include "hros/cli.hpp"

#include "hros/exit_code.hpp"
#include "hros/search_index.hpp"

#include <fmt/format.h>

namespace hros::cli {
namespace {

int run_once(const GlobalOptions& global, const Context& context, const Corpus& corpus,
             bool use_cache, const std::function<int(SearchIndex&)>& work) {
  IndexOptions options;
  options.use_cache = use_cache;
  SearchIndex index(display_path(context.config.cases_dir), corpus, options);
  if (!index.status().notice.empty() && !global.quiet) {
    fmt::print(stderr, "hros: note: {}\n", index.status().notice);
  }
  return work(index);
}

} // namespace

int with_index(const GlobalOptions& global, const Context& context, const Corpus& corpus,
               bool no_cache, const std::function<int(SearchIndex&)>& work) {
  try {
    return run_once(global, context, corpus, !no_cache, work);
  } catch (const IndexFailure& failure) {
    if (no_cache) {
      print_error(fmt::format("the search could not be run ({})", failure.what()));
      return k_exit_usage;
    }
    if (!global.quiet) {
      fmt::print(stderr, "hros: note: the search cache failed ({}); searching without it\n",
                 failure.what());
    }
  }
  try {
    return run_once(global, context, corpus, false, work);
  } catch (const IndexFailure& failure) {
    print_error(fmt::format("the search could not be run ({})", failure.what()));
    return k_exit_usage;
  }
}

} // namespace hros::cli
