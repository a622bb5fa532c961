// Only the outline of a body matters to hros's checks: the level-2 headings,
// whether each section says anything, and where links point. cmark gives the
// real CommonMark structure (a `##` inside a code block is not a heading).
#include "hros/markdown.hpp"

#include "hros/diagnostic.hpp"

#include "hros/markdown_guard.hpp"

#include "cmark_arena.hpp"

#include <cmark.h>

#include <algorithm>
#include <memory>

namespace hros {
namespace {

// A document parsed into this thread's cmark arena, released as a whole.
struct ArenaDocument {
  explicit ArenaDocument(std::string_view text) {
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

struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

// The plain text of a heading: its text, code and entity content, joined.
std::string plain_text(cmark_node* node) {
  std::string text;
  IterPtr iter(cmark_iter_new(node));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter.get());
    if (event != CMARK_EVENT_ENTER) {
      continue;
    }
    switch (cmark_node_get_type(current)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      if (const char* literal = cmark_node_get_literal(current)) {
        text += literal;
      }
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      text += ' ';
      break;
    default:
      break;
    }
  }
  return text;
}

// An HTML block that holds only comments (the guidance `hros new` writes).
bool is_only_comments(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  std::string_view html = literal ? literal : "";
  while (true) {
    std::size_t start = html.find_first_not_of(" \t\n");
    if (start == std::string_view::npos) {
      return true;
    }
    html.remove_prefix(start);
    if (html.substr(0, 4) != "<!--") {
      return false;
    }
    std::size_t end = html.find("-->", 4);
    if (end == std::string_view::npos) {
      return true;
    }
    html.remove_prefix(end + 3);
  }
}

// cmark 0.30 has no source positions for inline nodes, so a link is located
// by finding its destination in the source. Links come in document order, so
// the search starts at the previous link (or the block's first line) and is
// bounded, which keeps a paragraph of thousands of links linear.
class LinkLocator {
public:
  LinkLocator(std::string_view body, int first_line) : m_body(body), m_first_line(first_line) {
    m_starts.push_back(0);
    for (std::size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\n') {
        m_starts.push_back(i + 1);
      }
    }
  }

  Link locate(std::string destination, int block_line) {
    constexpr std::size_t k_window = 16 * 1024;
    Link link;
    link.destination = std::move(destination);
    std::size_t block_start =
        block_line >= 1 && static_cast<std::size_t>(block_line) <= m_starts.size()
            ? m_starts[static_cast<std::size_t>(block_line) - 1]
            : 0;
    std::size_t from = std::max(block_start, m_cursor);
    std::string_view window =
        m_body.substr(std::min(from, m_body.size()), k_window + link.destination.size());
    std::size_t found =
        link.destination.empty() ? std::string_view::npos : window.find(link.destination);
    std::size_t at = found == std::string_view::npos ? block_start : from + found;
    if (found != std::string_view::npos) {
      m_cursor = at + link.destination.size();
    }
    auto line_index = static_cast<std::size_t>(
        std::upper_bound(m_starts.begin(), m_starts.end(), at) - m_starts.begin());
    std::size_t line_start = m_starts[line_index - 1];
    link.line = m_first_line + static_cast<int>(line_index) - 1;
    link.column = static_cast<int>(at - line_start) + 1;
    std::size_t line_end = m_body.find('\n', line_start);
    Diagnostic window_of_line;
    window_of_line.column = link.column;
    set_source_line(window_of_line, m_body.substr(line_start, line_end == std::string_view::npos
                                                                  ? std::string_view::npos
                                                                  : line_end - line_start));
    link.source_line = std::move(window_of_line.source_line);
    link.source_offset = window_of_line.source_offset;
    return link;
  }

private:
  std::string_view m_body;
  int m_first_line;
  std::vector<std::size_t> m_starts;
  std::size_t m_cursor = 0;
};

int enclosing_block_line(cmark_node* node) {
  for (cmark_node* current = node; current != nullptr; current = cmark_node_parent(current)) {
    if (int line = cmark_node_get_start_line(current); line > 0) {
      return line;
    }
  }
  return 1;
}

} // namespace

BodyOutline outline_body(std::string_view body, int first_line) {
  BodyOutline outline;
  GuardedMarkdown guarded = guard_markdown(body);
  for (GuardNote& note : guarded.notes) {
    note.line += first_line - 1;
    outline.guard_notes.push_back(std::move(note));
  }
  ArenaDocument parsed(guarded.text ? std::string_view(*guarded.text) : body);
  cmark_node* document = parsed.root;
  if (document == nullptr) {
    return outline;
  }
  for (cmark_node* block = cmark_node_first_child(document); block != nullptr;
       block = cmark_node_next(block)) {
    cmark_node_type type = cmark_node_get_type(block);
    if (type == CMARK_NODE_HEADING && cmark_node_get_heading_level(block) == 2) {
      Section section;
      section.title = plain_text(block);
      section.line = first_line + cmark_node_get_start_line(block) - 1;
      section.column = cmark_node_get_start_column(block);
      outline.sections.push_back(std::move(section));
      continue;
    }
    bool content = !(type == CMARK_NODE_HTML_BLOCK && is_only_comments(block));
    if (!content) {
      continue;
    }
    if (outline.sections.empty()) {
      outline.content_before_first_section = true;
    } else {
      outline.sections.back().has_content = true;
    }
  }

  LinkLocator locator(body, first_line);
  IterPtr iter(cmark_iter_new(document));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (event == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE)) {
      const char* url = cmark_node_get_url(node);
      outline.links.push_back(locator.locate(url ? url : "", enclosing_block_line(node)));
    }
  }
  return outline;
}

} // namespace hros
