// The body side of an export: sections by level-2 heading, and HTML. cmark
// parses once per case, into the thread's arena, after the guard has
// defused cmark 0.30's super-linear inputs.
#include "hros/export_case.hpp"

#include "hros/file_io.hpp"
#include "hros/front_matter.hpp"
#include "hros/markdown_guard.hpp"
#include "hros/source.hpp"

#include "cmark_arena.hpp"

#include <cmark.h>

#include <cstring>
#include <memory>

namespace hros {
namespace {

struct ArenaDocument {
  explicit ArenaDocument(std::string_view text) {
    // CMARK_OPT_DEFAULT without CMARK_OPT_UNSAFE: the HTML renderer drops raw
    // HTML and empties javascript:, vbscript:, file: and non-image data: links.
    cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, detail::cmark_arena());
    cmark_parser_feed(parser, text.data(), text.size());
    root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
  }
  ~ArenaDocument() { detail::reset_cmark_arena(); }
  ArenaDocument(const ArenaDocument&) = delete;
  ArenaDocument& operator=(const ArenaDocument&) = delete;

  cmark_node* root = nullptr;
};

std::string plain_text(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) {
      continue;
    }
    cmark_node_type type = cmark_node_get_type(current);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* literal = cmark_node_get_literal(current)) {
        text += literal;
      }
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      text += ' ';
    }
  }
  cmark_iter_free(iter);
  return text;
}

std::string trim_lines(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\n");
  if (begin == std::string_view::npos) {
    return "";
  }
  std::size_t end = text.find_last_not_of(" \t\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// A relative link to another case's file, e.g. `other-case.md#results` or
// `../2023/other-case.md`, becomes a link to that case's page.
void point_links_to_pages(cmark_node* root,
                          const std::unordered_map<std::string, std::string>& pages) {
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_LINK) {
      continue;
    }
    const char* url = cmark_node_get_url(node);
    std::string_view link = url != nullptr ? url : "";
    if (link.find(':') != std::string_view::npos || link.empty() || link[0] == '/') {
      continue;
    }
    std::size_t hash = link.find('#');
    std::string_view target = link.substr(0, hash);
    if (target.size() < 4 || target.substr(target.size() - 3) != ".md") {
      continue;
    }
    std::size_t slash = target.rfind('/');
    std::string slug(target.substr(slash == std::string_view::npos ? 0 : slash + 1));
    slug.resize(slug.size() - 3);
    auto page = pages.find(slug);
    if (page != pages.end()) {
      std::string fresh =
          page->second + std::string(hash == std::string_view::npos ? "" : link.substr(hash));
      cmark_node_set_url(node, fresh.c_str());
    }
  }
  cmark_iter_free(iter);
}

} // namespace

CaseBody parse_case_body(std::string markdown, RenderHtml render,
                         const std::unordered_map<std::string, std::string>* pages) {
  CaseBody body;
  body.markdown = std::move(markdown);
  GuardedMarkdown guarded = guard_markdown(body.markdown);
  ArenaDocument parsed(guarded.text ? std::string_view(*guarded.text)
                                    : std::string_view(body.markdown));
  if (parsed.root == nullptr) {
    return body;
  }
  std::vector<std::size_t> starts = line_starts(body.markdown);
  auto offset_of_line = [&](int line) {
    return line >= 1 && static_cast<std::size_t>(line) <= starts.size()
               ? starts[static_cast<std::size_t>(line) - 1]
               : body.markdown.size();
  };
  std::size_t content_start = 0;
  for (cmark_node* block = cmark_node_first_child(parsed.root); block != nullptr;
       block = cmark_node_next(block)) {
    if (cmark_node_get_type(block) != CMARK_NODE_HEADING ||
        cmark_node_get_heading_level(block) != 2) {
      continue;
    }
    std::size_t heading_start = offset_of_line(cmark_node_get_start_line(block));
    if (!body.sections.empty()) {
      body.sections.back().text = trim_lines(
          std::string_view(body.markdown)
              .substr(content_start,
                      heading_start > content_start ? heading_start - content_start : 0));
    }
    body.sections.push_back({plain_text(block), ""});
    content_start = offset_of_line(cmark_node_get_end_line(block) + 1);
  }
  if (!body.sections.empty() && content_start < body.markdown.size()) {
    body.sections.back().text = trim_lines(std::string_view(body.markdown).substr(content_start));
  }
  if (render == RenderHtml::yes) {
    if (pages != nullptr) {
      point_links_to_pages(parsed.root, *pages);
    }
    // The renderer allocates from the document's arena: copy before it is reset.
    char* html = cmark_render_html(parsed.root, CMARK_OPT_DEFAULT);
    body.html = html != nullptr ? html : "";
  }
  return body;
}

CaseBody read_case_body(const std::filesystem::path& file, RenderHtml render,
                        const std::unordered_map<std::string, std::string>* pages) {
  ReadResult read = read_file(file);
  if (!read.ok) {
    CaseBody body;
    body.problem = read.error;
    return body;
  }
  SourceCheck prepared = prepare_source(std::move(read.text));
  if (prepared.problem) {
    CaseBody body;
    body.problem = prepared.problem->message;
    return body;
  }
  FrontMatterSplit split = split_front_matter(prepared.source.text);
  if (split.problem) {
    CaseBody body;
    body.problem = split.problem->message;
    return body;
  }
  return parse_case_body(std::string(split.body), render, pages);
}

} // namespace hros
