// hros search = parse the query -> bring the index up to date -> rank, filter
// -> snippets -> print; on no match, say which word the bank does not know.
#include "hros/cli.hpp"

#include "hros/exit_code.hpp"
#include "hros/query.hpp"
#include "hros/search_index.hpp"
#include "hros/search_report.hpp"
#include "hros/suggest.hpp"
#include "hros/yaml_load.hpp"
#include "ranked_options.hpp"

#include <fmt/format.h>

#include <memory>
#include <optional>

namespace hros::cli {
namespace {

struct SearchCommand {
  std::vector<std::string> words;
  RankedOptions options;
};

std::string join(const std::vector<std::string>& words) {
  std::string text;
  std::string_view mark = k_query_word_mark;
  for (const std::string& word : words) {
    text += text.empty() ? "" : " ";
    text += word.compare(0, mark.size(), mark) == 0 ? word.substr(mark.size()) : word;
  }
  return text;
}

// A `--where` test over the front matter the index keeps.
std::function<bool(const IndexedCase&)> where_filter(const std::vector<Condition>& conditions) {
  if (conditions.empty()) {
    return {};
  }
  return [&conditions](const IndexedCase& item) {
    if (!item.problem.empty()) {
      return false; // nothing to test: `hros lint` names the problem
    }
    YamlLoad yaml = load_yaml(item.front, Position{item.front_line, 1, 0});
    return yaml.ok && yaml.root.is_mapping() && matches_all(yaml.root, item.slug, conditions);
  };
}

// Why nothing matched, when a word is the reason: the first word the bank
// does not have at all, with the closest word it does have.
std::string unknown_word_hint(SearchIndex& index, const Query& query) {
  for (const std::string& word : positive_words(query)) {
    Query single;
    single.groups.push_back({QueryTerm{word, false, false, ""}});
    if (index.count(single) > 0) {
      continue;
    }
    // The index holds stems ("onboard" for "onboarding"), so a misspelt word
    // is also compared without its ending.
    std::vector<std::string> vocabulary = index.vocabulary();
    std::string folded = lowercase(word);
    std::optional<std::string> match = closest_match(folded, vocabulary);
    for (std::string_view ending : {"ing", "ed", "es", "s", "ion", "ions", "ment", "ly"}) {
      if (!match && folded.size() > ending.size() + 2 &&
          folded.compare(folded.size() - ending.size(), ending.size(), ending) == 0) {
        match = closest_match(folded.substr(0, folded.size() - ending.size()), vocabulary);
      }
    }
    return fmt::format("; no case has the word '{}'{}", word,
                       match ? fmt::format("; did you mean '{}'?", index.written_form(*match))
                             : "");
  }
  return "";
}

int search(SearchIndex& index, const SearchCommand& command, const GlobalOptions& global,
           const Context& context, const Query& query, const std::vector<Condition>& conditions,
           SearchFormat format) {
  bool more = false;
  std::size_t limit = static_cast<std::size_t>(command.options.limit);
  std::vector<SearchHit> hits = format == SearchFormat::paths && conditions.empty()
                                    ? index.search_paths(query, limit, more)
                                    : index.search(query, limit, where_filter(conditions), more);
  if (hits.empty()) {
    if (format == SearchFormat::json) {
      std::fputs("[]\n", stdout);
    }
    if (!global.quiet) {
      fmt::print(stderr, "hros: no case matches{}\n",
                 conditions.empty() ? unknown_word_hint(index, query) : " these words and filters");
    }
    return k_exit_problem;
  }
  std::vector<ResultLine> results;
  for (SearchHit& hit : hits) {
    if (format != SearchFormat::paths) {
      // Text shows the summary for a case that matched only in its title or
      // facts (both already on screen); JSON gives the match wherever it is.
      hit.snippet = index.snippet(query, hit.item.id, format == SearchFormat::json);
    }
    results.push_back(ResultLine{std::move(hit), ""});
  }
  SearchStyle style;
  style.color = use_color(global, stdout);
  style.width = terminal_width();
  std::string text = render_results(results, context.schema, format, style);
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (format == SearchFormat::text && !global.quiet) {
    fmt::print(
        "\n{} case{}{}\n", results.size(), results.size() == 1 ? "" : "s",
        more ? fmt::format(" shown; more match (--limit {} to see more)", command.options.limit * 2)
             : "");
  }
  return k_exit_ok;
}

int run_search(const SearchCommand& command, const GlobalOptions& global) {
  SearchFormat format{};
  if (!check_ranked_options(command.options, format)) {
    return k_exit_usage;
  }
  std::string text = join(command.words);
  QueryParse parse = parse_query(text);
  if (!parse.error.empty()) {
    print_error(fmt::format("in the query at column {}: {}\n  {}\n  {:>{}}", parse.column,
                            parse.error, text, "^", parse.column));
    return k_exit_usage;
  }
  RankedBank bank;
  if (!open_ranked_bank(command.options, global, bank)) {
    return k_exit_usage;
  }
  return with_index(
      global, bank.context, bank.corpus, command.options.no_cache, [&](SearchIndex& index) {
        return search(index, command, global, bank.context, parse.query, bank.conditions, format);
      });
}

} // namespace

void setup_search(CLI::App& app, const GlobalOptions& global, int& exit_code) {
  auto command = std::make_shared<SearchCommand>();
  CLI::App* search = app.add_subcommand("search", "Find cases by words, ranked by relevance");
  search->add_option("query", command->words, "Words to look for (see the query language below)")
      ->required()
      ->type_name("QUERY");
  add_ranked_options(search, command->options);
  search->footer(
      "Query language: every word must match (in any form: 'recruiting' finds 'recruited');\n"
      "\"exact phrase\"; -word excludes; a OR b; prefix*; title:word, summary:word, body:word.\n"
      "Case and accents do not matter. Titles and summaries weigh more than the body.\n"
      "A -word that reads as an option (-n5, -fjson) can go after --: hros search -- a -n5\n\n"
      "The index is a cache in $HROS_CACHE_DIR, else $XDG_CACHE_HOME/hros, else ~/.cache/hros;\n"
      "files added, changed or removed are picked up by the next search.\n\n"
      "Exit status: 0 cases found, 1 no case matches, 2 usage or I/O error.\n\n"
      "Examples:\n"
      "  hros search new hires leave in the first 90 days\n"
      "  hros search '\"skills-based hiring\"' --where industry=retail\n"
      "  hros search onboard* -sales -wages --where 'company_size>=201-1000' --limit 5\n"
      "  hros search title:referral OR title:referrals --format paths | xargs wc -w");
  search->callback([command, &global, &exit_code] { exit_code = run_search(*command, global); });
}

} // namespace hros::cli
