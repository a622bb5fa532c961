// hros related SLUG = find the case in the index -> rank the others by what
// they share with it (topics, words, industry, size) -> print.
#include "hros/cli.hpp"

#include "hros/case_check.hpp"
#include "hros/exit_code.hpp"
#include "hros/related.hpp"
#include "hros/search_index.hpp"
#include "hros/search_report.hpp"
#include "hros/suggest.hpp"
#include "ranked_options.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <memory>

namespace hros::cli {
namespace {

struct RelatedCommand {
  std::string slug;
  RankedOptions options = {{}, "text", 5, false};
};

// A case named by its slug, or by its file's path (`cases/x.md`).
std::string slug_argument(const std::string& text) {
  if (text.size() > 3 && text.compare(text.size() - 3, 3, ".md") == 0) {
    return slug_of(text);
  }
  return text;
}

int related(SearchIndex& index, const RelatedCommand& command, const GlobalOptions& global,
            const Context& context, const Corpus& corpus, const std::vector<Condition>& conditions,
            SearchFormat format) {
  std::string slug = slug_argument(command.slug);
  std::unique_ptr<IndexedCase> target = index.find_slug(slug);
  if (!target) {
    std::vector<std::string> slugs;
    for (const std::string& file : corpus.relative) {
      slugs.push_back(slug_of(file));
    }
    std::sort(slugs.begin(), slugs.end()); // the bank was listed in no particular order
    // A slug is long: a typed part of one is a likelier slip than a typo.
    std::string suggestion = did_you_mean(slug, slugs);
    for (const std::string& candidate : slugs) {
      if (suggestion.empty() && slug.size() >= 4 && candidate.find(slug) != std::string::npos) {
        suggestion = fmt::format("; did you mean '{}'?", candidate);
      }
    }
    print_error(fmt::format("no case '{}' in {}{}", slug, display_path(context.config.cases_dir),
                            suggestion));
    return k_exit_problem;
  }
  auto keep = [&conditions](const IndexedCase& item, const YamlNode& front) {
    return conditions.empty() ||
           (item.problem.empty() && matches_all(front, item.slug, conditions));
  };
  std::vector<RelatedCase> found = find_related(
      index, *target, context.schema, static_cast<std::size_t>(command.options.limit), keep);
  if (found.empty()) {
    if (format == SearchFormat::json) {
      std::fputs("[]\n", stdout);
    }
    if (!global.quiet) {
      fmt::print(stderr, "hros: no case is like {}{}\n", slug,
                 conditions.empty() ? "" : " among those the filters keep");
    }
    return k_exit_problem;
  }
  std::vector<ResultLine> results;
  for (RelatedCase& item : found) {
    std::string reasons = describe_shared(item, item.hit.item);
    results.push_back(ResultLine{std::move(item.hit), std::move(reasons)});
  }
  SearchStyle style;
  style.color = use_color(global, stdout);
  style.width = terminal_width();
  std::string text = render_results(results, context.schema, format, style);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return k_exit_ok;
}

int run_related(const RelatedCommand& command, const GlobalOptions& global) {
  SearchFormat format{};
  RankedBank bank;
  if (!check_ranked_options(command.options, format) ||
      !open_ranked_bank(command.options, global, bank)) {
    return k_exit_usage;
  }
  return with_index(
      global, bank.context, bank.corpus, command.options.no_cache, [&](SearchIndex& index) {
        return related(index, command, global, bank.context, bank.corpus, bank.conditions, format);
      });
}

} // namespace

void setup_related(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto command = std::make_shared<RelatedCommand>();
  CLI::App* related = app.add_subcommand("related", "Find the cases most like one case");
  related->add_option("slug", command->slug, "The case: its slug, or the path of its file")
      ->required()
      ->type_name("SLUG");
  add_ranked_options(related, command->options);
  related->footer(
      "Likeness: shared topics weigh most, then shared words in the title, summary and topics\n"
      "(rare words count more), then the same industry, a similar company size, shared "
      "regions.\n\n"
      "Exit status: 0 cases found, 1 no such case or nothing like it, 2 usage or I/O error.\n\n"
      "Examples:\n"
      "  hros related onboarding-buddies-for-warehouse-staff\n"
      "  hros related cases/publishing-pay-bands-internally.md --where 'published>=2022'\n"
      "  hros related four-day-week-pilot-at-a-software-consultancy --format paths");
  related->callback([command, &global, &exit_code] { exit_code = run_related(*command, global); });
}

} // namespace hros::cli
