// hros export --format html: plan (order, page names, groups, related
// cases), then write every case page on all cores while collecting each
// case's search terms, then the list pages, stats and the search index, all
// into a temporary directory that is swapped in at the end.
#include "hros/dir_swap.hpp"
#include "hros/export.hpp"
#include "hros/export_case.hpp"
#include "hros/interrupt.hpp"
#include "hros/lint.hpp"
#include "hros/site_index.hpp"

#include "site_assets.hpp"
#include "site_pages.hpp"
#include "site_plan.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hros {
namespace {

// Files inside the staging directory need no temporary names of their own:
// the directory as a whole is what appears atomically. A page identical to
// the one in the export being replaced is hard-linked from it instead of
// written: a re-export after a few edits then allocates and frees almost no
// inodes (costly on some file systems, e.g. ext4 without a journal, which
// scans past recently freed inodes) and writes almost nothing. Files are
// never changed in place, so sharing them with the old directory until it is
// removed is safe.
class SiteWriter {
public:
  SiteWriter(fs::path root, fs::path previous)
      : m_root(std::move(root)), m_previous(std::move(previous)) {}

  bool write(const std::string& relative, std::string_view text) {
    if (failed()) {
      return false;
    }
    fs::path path = m_root / relative;
    if (!m_previous.empty() && same_as_previous(relative, text) &&
        ::link((m_previous / relative).c_str(), path.c_str()) == 0) {
      return true;
    }
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
      return fail(relative, errno);
    }
    while (!text.empty()) {
      ssize_t written = ::write(fd, text.data(), text.size());
      if (written < 0 && errno == EINTR) {
        if (interrupt_signal() != 0) {
          ::close(fd);
          return false;
        }
        continue;
      }
      if (written <= 0) {
        int saved = written < 0 ? errno : ENOSPC;
        ::close(fd);
        return fail(relative, saved);
      }
      text.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::close(fd) != 0) {
      return fail(relative, errno);
    }
    return true;
  }

  bool make_dir(const std::string& relative) {
    if (::mkdir((m_root / relative).c_str(), 0777) != 0 && errno != EEXIST) {
      return fail(relative, errno);
    }
    return true;
  }

  bool failed() const { return m_failed.load() || interrupt_signal() != 0; }
  std::string error() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_error;
  }

private:
  bool same_as_previous(const std::string& relative, std::string_view text) const {
    int fd = ::open((m_previous / relative).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
      return false;
    }
    struct stat info {};
    bool same = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_nlink == 1 &&
                static_cast<std::size_t>(info.st_size) == text.size();
    std::string old;
    if (same) {
      old.resize(text.size());
      std::size_t got = 0;
      while (got < old.size()) {
        ssize_t count = ::read(fd, old.data() + got, old.size() - got);
        if (count <= 0) {
          break;
        }
        got += static_cast<std::size_t>(count);
      }
      same = got == old.size() && old == text;
    }
    ::close(fd);
    return same;
  }

  bool fail(const std::string& relative, int error_number) {
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_failed.exchange(true)) {
      m_error =
          fmt::format("cannot write the site ({}): {}", relative, std::strerror(error_number));
    }
    return false;
  }

  fs::path m_root;
  fs::path m_previous;
  std::atomic<bool> m_failed{false};
  mutable std::mutex m_mutex;
  std::string m_error;
};

void collect_terms(TermCollector& terms, std::size_t index, const detail::SiteCase& site,
                   const CaseBody& body) {
  std::vector<std::pair<std::string_view, TermField>> texts = {{site.title, k_in_title},
                                                               {site.organization, k_in_title},
                                                               {site.industry, k_in_title},
                                                               {site.summary, k_in_summary},
                                                               {body.markdown, k_in_body}};
  for (const std::string& topic : site.topics) {
    texts.emplace_back(topic, k_in_title);
  }
  terms.add_case(index, texts);
}

bool write_lists(SiteWriter& out, const detail::SitePlan& plan, const Schema& schema) {
  bool ok =
      out.write("index.html", detail::index_page(plan)) &&
      out.write("stats.html", detail::stats_page(plan, schema)) &&
      out.write("industries/index.html",
                detail::groups_page(plan, plan.industries, "Industry", "Industries")) &&
      out.write("topics/index.html", detail::groups_page(plan, plan.topics, "Topic", "Topics"));
  for (const detail::SiteGroup& group : plan.industries) {
    ok = ok && out.write("industries/" + group.page + ".html",
                         detail::group_page(plan, group, "Industry"));
  }
  for (const detail::SiteGroup& group : plan.topics) {
    ok =
        ok && out.write("topics/" + group.page + ".html", detail::group_page(plan, group, "Topic"));
  }
  return ok;
}

} // namespace

ExportResult export_site(const std::vector<const CaseRecord*>& records, const Schema& schema,
                         const ExportOptions& options, const fs::path& dir, ReplaceDir replace) {
  ExportResult result;
  StagedDir stage;
  if (!stage.begin(dir, replace)) {
    result.ok = false;
    result.error = stage.error();
    return result;
  }
  SiteWriter out(stage.path(), stage.previous_export());
  for (const char* sub : {"cases", "industries", "topics", "assets"}) {
    out.make_dir(sub);
  }
  detail::SitePlan plan = detail::plan_site(records, options.site_title, options.threads);
  TermCollector terms(plan.cases.size());
  std::vector<std::string> problems(plan.cases.size());
  parallel_for(plan.cases.size(), options.threads, [&](std::size_t i) {
    if (out.failed()) {
      return;
    }
    const detail::SiteCase& site = plan.cases[i];
    CaseBody body = read_case_body(site.record->file, RenderHtml::yes, &plan.page_of_slug);
    problems[i] = body.problem;
    out.write("cases/" + site.page + ".html", detail::case_page(plan, i, body.html, schema));
    collect_terms(terms, i, site, body);
  });
  if (!out.failed()) {
    write_lists(out, plan, schema);
    out.write("assets/site.css", detail::site_css());
    out.write("assets/search.js", detail::site_search_js());
    out.write("assets/search-index.js", detail::search_index_js(plan, terms, schema));
    out.write(k_export_marker, "This directory was written by `hros export --format html`.\n"
                               "A later export replaces all of it.\n");
  }
  for (std::size_t i = 0; i < problems.size(); ++i) {
    if (!problems[i].empty()) {
      result.warnings.push_back(plan.cases[i].record->path + ": body left out: " + problems[i]);
    }
  }
  if (interrupt_signal() != 0) {
    result.ok = false;
    result.interrupted = true;
    return result; // stage's destructor removes the temporary directory
  }
  if (out.failed()) {
    result.ok = false;
    result.error = out.error();
    return result;
  }
  if (!stage.commit()) {
    result.ok = false;
    result.error = stage.error();
    return result;
  }
  result.cases = plan.cases.size();
  return result;
}

} // namespace hros
