#include "hros/lint.hpp"

#include "hros/corpus.hpp"
#include "hros/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>
#include <unordered_set>

namespace fs = std::filesystem;

namespace hros {
namespace {

Diagnostic at_facts(const CaseFacts& facts, const Position& position, std::string message,
                    const char* rule, std::string_view source_line = {}, int source_offset = -1) {
  Diagnostic diagnostic =
      make_diagnostic(position.line, position.column, Severity::error, std::move(message), rule);
  diagnostic.path = facts.path;
  if (source_offset >= 0) { // already a window of its line
    diagnostic.source_line = std::string(source_line);
    diagnostic.source_offset = source_offset;
  } else {
    set_source_line(diagnostic, source_line);
  }
  return diagnostic;
}

void check_duplicates(const std::vector<CaseFacts>& cases, std::vector<Diagnostic>& out) {
  std::map<std::string, const CaseFacts*> slugs;
  std::map<std::string, const CaseFacts*> titles;
  for (const CaseFacts& facts : cases) {
    auto [slug, slug_new] = slugs.emplace(facts.slug, &facts);
    if (!slug_new) {
      out.push_back(
          at_facts(facts, Position{0, 0, 0},
                   fmt::format("slug '{}' is also used by {}", facts.slug, slug->second->path),
                   "bank.duplicate-slug"));
    }
    if (facts.title.empty()) {
      continue;
    }
    auto [title, title_new] = titles.emplace(normalize_title(facts.title), &facts);
    if (!title_new) {
      out.push_back(at_facts(facts, facts.title_position,
                             fmt::format("the title is also used by {}", title->second->path),
                             "bank.duplicate-title", facts.title_line));
    }
  }
}

bool is_external(const std::string& destination) {
  std::size_t colon = destination.find(':');
  std::size_t slash = destination.find('/');
  return destination.empty() || destination[0] == '#' || destination.rfind("//", 0) == 0 ||
         (colon != std::string::npos && (slash == std::string::npos || colon < slash));
}

std::string percent_decode(const std::string& text) {
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() &&
        std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      result += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      result += text[i];
    }
  }
  return result;
}

// Relative links to other `.md` files must resolve: a bank links its cases.
void check_links(const std::vector<CaseFacts>& cases, const fs::path& bank_root,
                 std::vector<Diagnostic>& out) {
  // Most links point at cases of the bank, which were just read: look them up
  // rather than ask the file system once per link.
  std::unordered_set<std::string> known;
  for (const CaseFacts& facts : cases) {
    known.insert(facts.file.lexically_normal().string());
  }
  for (const CaseFacts& facts : cases) {
    for (const Link& link : facts.links) {
      if (is_external(link.destination)) {
        continue;
      }
      std::string target =
          percent_decode(link.destination.substr(0, link.destination.find_first_of("?#")));
      if (target.size() < 3 || target.compare(target.size() - 3, 3, ".md") != 0) {
        continue;
      }
      // A leading '/' means the bank's root, as on a Git host, not the disk's.
      fs::path resolved =
          target[0] == '/' ? bank_root / target.substr(1) : facts.file.parent_path() / target;
      std::error_code error;
      if (known.count(resolved.lexically_normal().string()) == 0 &&
          !fs::is_regular_file(resolved, error)) {
        std::string message = fmt::format("link to '{}', which does not exist", link.destination);
        out.push_back(at_facts(facts, Position{link.line, link.column, 0}, message, "links.broken",
                               link.source_line, link.source_offset));
      }
    }
  }
}

// Applies hros.yaml's `rules:` settings and counts what is left.
void apply_settings(const Config& config, LintResult& result) {
  std::vector<Diagnostic> kept;
  kept.reserve(result.diagnostics.size());
  for (Diagnostic& diagnostic : result.diagnostics) {
    std::optional<RuleSetting> setting = setting_for(config, diagnostic.rule);
    // Unreadable files stay errors: hiding them would hide the whole case.
    if (setting && diagnostic.rule.rfind("file.", 0) != 0) {
      if (*setting == RuleSetting::off) {
        continue;
      }
      diagnostic.severity = *setting == RuleSetting::error ? Severity::error : Severity::warning;
    }
    kept.push_back(std::move(diagnostic));
  }
  result.diagnostics = std::move(kept);
  sort_diagnostics(result.diagnostics);
  std::string last_error_path;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    if (diagnostic.severity == Severity::error) {
      ++result.errors;
      if (diagnostic.path != last_error_path) {
        ++result.files_with_errors;
        last_error_path = diagnostic.path;
      }
    } else {
      ++result.warnings;
    }
  }
}

} // namespace

void parallel_for(std::size_t count, unsigned threads,
                  const std::function<void(std::size_t)>& work) {
  if (threads == 0) {
    threads = std::max(1u, std::thread::hardware_concurrency());
  }
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(count, 1)));
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  // An exception must not leave a thread (std::terminate): the first one is
  // kept, the others stop taking work, and it is rethrown once all are joined.
  auto run = [&] {
    try {
      for (std::size_t i = next++; i < count; i = next++) {
        work(i);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) {
        failure = std::current_exception();
      }
      next = count;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(run);
    } catch (const std::system_error&) {
      break; // no more threads to be had: the ones running do the work
    }
  }
  run();
  for (std::thread& thread : pool) {
    thread.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
}

LintResult lint_files(const std::vector<fs::path>& files, const Schema& schema,
                      const Config& config, const LintOptions& options) {
  CheckOptions check_options;
  check_options.schema = &schema;
  check_options.promotional_phrases =
      config.promotional_phrases ? &*config.promotional_phrases : nullptr;

  std::vector<CaseCheck> checks(files.size());
  parallel_for(files.size(), options.threads, [&](std::size_t i) {
    try {
      checks[i] = check_case_file(files[i], check_options);
    } catch (const std::bad_alloc&) {
      checks[i] = CaseCheck();
      checks[i].facts.path = display_path(files[i]);
      Diagnostic diagnostic = make_diagnostic(0, 0, Severity::error,
                                              "not enough memory to check this file", "file.read");
      diagnostic.path = checks[i].facts.path;
      checks[i].diagnostics.push_back(std::move(diagnostic));
      checks[i].io_error = true;
    }
  });

  LintResult result;
  result.files = files.size();
  std::vector<CaseFacts> facts;
  facts.reserve(checks.size());
  for (CaseCheck& check : checks) {
    result.io_error = result.io_error || check.io_error;
    std::move(check.diagnostics.begin(), check.diagnostics.end(),
              std::back_inserter(result.diagnostics));
    facts.push_back(std::move(check.facts));
  }
  check_duplicates(facts, result.diagnostics);
  check_links(facts, config.bank_root, result.diagnostics);
  apply_settings(config, result);
  return result;
}

} // namespace hros
