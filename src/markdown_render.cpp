// Lays out a case body for a terminal by walking cmark's tree. Block nesting
// is bounded by markdown_guard (32 levels), so blocks recurse; inline nesting
// is not bounded (a line of a thousand '*' nests emphasis hundreds deep), so
// inlines are walked with cmark's iterator and an explicit stack.
#include "hros/markdown_render.hpp"

#include "hros/markdown_guard.hpp"
#include "hros/terminal_text.hpp"

#include "cmark_arena.hpp"

#include <cmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>

namespace hros {
namespace {

// A document parsed into this thread's cmark arena, released as a whole.
// Only one may be alive at a time on a thread.
struct ArenaDocument {
  explicit ArenaDocument(std::string_view text) : guarded(guard_markdown(text)) {
    std::string_view safe = guarded.text ? std::string_view(*guarded.text) : text;
    cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, detail::cmark_arena());
    cmark_parser_feed(parser, safe.data(), safe.size());
    root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
  }
  ~ArenaDocument() { detail::reset_cmark_arena(); }
  ArenaDocument(const ArenaDocument&) = delete;
  ArenaDocument& operator=(const ArenaDocument&) = delete;

  GuardedMarkdown guarded; // the text cmark parsed, kept as long as its tree
  cmark_node* root = nullptr;
};

struct IterDeleter {
  void operator()(cmark_iter* iter) const { cmark_iter_free(iter); }
};
using IterPtr = std::unique_ptr<cmark_iter, IterDeleter>;

std::string literal_of(cmark_node* node) {
  const char* literal = cmark_node_get_literal(node);
  return literal != nullptr ? literal : "";
}

std::string repeat(std::string_view unit, std::size_t count) {
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    out.append(unit);
  }
  return out;
}

// The width left for content after `used` columns of prefix; never so small
// that every word would be cut, and 0 (no wrapping) stays 0.
std::size_t remaining(std::size_t width, std::size_t used) {
  if (width == 0) {
    return 0;
  }
  return std::max<std::size_t>(width > used ? width - used : 0, 16);
}

std::string joined_text(const std::vector<Span>& spans) {
  std::string text;
  for (const Span& span : spans) {
    text += span.text;
  }
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::vector<Line> heading_lines(const std::vector<Span>& spans, int level, std::size_t width,
                                const RenderOptions& options) {
  std::vector<Span> styled;
  if (!options.color && level > 2) {
    styled.push_back(Span{std::string(static_cast<std::size_t>(level), '#') + " ", k_style_bold});
  }
  for (const Span& span : spans) {
    styled.push_back(Span{
        span.text, span.style | k_style_bold | (level <= 2 ? k_style_underline : 0u), span.url});
  }
  std::vector<Line> lines = wrap_spans(styled, width);
  if (!options.color && level <= 2) {
    // Plain text has no bold: underline the way plain-text documents do.
    std::size_t longest = 0;
    for (const Line& line : lines) {
      longest = std::max(longest, line_width(line));
    }
    const char* unit = level == 1 ? (options.unicode ? "\xE2\x95\x90" : "=")
                                  : (options.unicode ? "\xE2\x94\x80" : "-");
    lines.push_back(Line{Span{repeat(unit, longest), k_style_dim}});
  }
  return lines;
}

class Renderer {
public:
  Renderer(const RenderOptions& options, unsigned base) : m_options(options), m_base(base) {}

  std::vector<Line> blocks(cmark_node* parent, std::size_t width, bool tight) {
    std::vector<Line> out;
    bool any = false;
    for (cmark_node* child = cmark_node_first_child(parent); child != nullptr;
         child = cmark_node_next(child)) {
      std::vector<Line> lines = block(child, width);
      if (lines.empty()) {
        continue;
      }
      if (any && !tight) {
        out.emplace_back();
      }
      std::move(lines.begin(), lines.end(), std::back_inserter(out));
      any = true;
    }
    return out;
  }

  std::vector<Span> inlines(cmark_node* parent) const;
  bool hyperlink(const std::string& url) const;

  std::vector<Line> block(cmark_node* node, std::size_t width) {
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
      return wrap_spans(inlines(node), width);
    case CMARK_NODE_HEADING:
      return heading_lines(inlines(node), cmark_node_get_heading_level(node), width, m_options);
    case CMARK_NODE_CODE_BLOCK:
      return code_block(node);
    case CMARK_NODE_BLOCK_QUOTE: {
      Line bar{Span{m_options.unicode ? "\xE2\x94\x82 " : "| ", k_style_dim}};
      return prefix_lines(blocks(node, remaining(width, 2), false), bar, bar);
    }
    case CMARK_NODE_LIST:
      return list(node, width);
    case CMARK_NODE_THEMATIC_BREAK: {
      std::size_t length = width == 0 ? 3 : std::min<std::size_t>(width, 80);
      return {Line{Span{repeat(m_options.unicode ? "\xE2\x94\x80" : "-", length), k_style_dim}}};
    }
    case CMARK_NODE_HTML_BLOCK:
      return {}; // not shown: comments are guidance for writers, tags mean nothing here
    default:
      return blocks(node, width, false);
    }
  }

private:
  std::vector<Line> code_block(cmark_node* node) const {
    std::vector<Line> lines;
    std::string code = literal_of(node);
    if (!code.empty() && code.back() == '\n') {
      code.pop_back();
    }
    std::size_t begin = 0;
    while (begin <= code.size()) {
      std::size_t end = std::min(code.find('\n', begin), code.size());
      std::string expanded;
      for (std::size_t i = begin; i < end; ++i) {
        if (code[i] == '\t') {
          expanded.append(4 - display_width(expanded) % 4, ' ');
        } else {
          expanded += code[i];
        }
      }
      lines.push_back(Line{Span{"    ", k_style_none}, Span{expanded, m_base | k_style_code}});
      begin = end + 1;
    }
    return lines;
  }

  std::string bullet() const {
    static const char* const k_unicode[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA"};
    static const char* const k_ascii[] = {"-", "-", "-"};
    std::size_t level = static_cast<std::size_t>(m_list_depth - 1) % 3;
    return m_options.unicode ? k_unicode[level] : k_ascii[level];
  }

  std::vector<Line> list(cmark_node* node, std::size_t width) {
    bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
    bool tight = cmark_node_get_list_tight(node) != 0;
    const char* delimiter = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ")" : ".";
    long number = cmark_node_get_list_start(node);
    std::size_t items = 0;
    for (cmark_node* item = cmark_node_first_child(node); item != nullptr;
         item = cmark_node_next(item)) {
      ++items;
    }
    std::size_t marker_width =
        ordered ? fmt::format("{}", number + static_cast<long>(items) - 1).size() + 2 : 2;
    ++m_list_depth;
    std::vector<Line> out;
    for (cmark_node* item = cmark_node_first_child(node); item != nullptr;
         item = cmark_node_next(item)) {
      if (!out.empty() && !tight) {
        out.emplace_back();
      }
      std::string marker = ordered ? fmt::format("{}{}", number++, delimiter) : bullet();
      marker.append(marker_width - display_width(marker), ' ');
      std::vector<Line> lines = blocks(item, remaining(width, marker_width), tight);
      if (lines.empty()) {
        lines.emplace_back();
      }
      lines = prefix_lines(std::move(lines), Line{Span{marker, m_base}},
                           Line{Span{std::string(marker_width, ' '), k_style_none}});
      std::move(lines.begin(), lines.end(), std::back_inserter(out));
    }
    --m_list_depth;
    return out;
  }

  const RenderOptions& m_options;
  unsigned m_base;
  int m_list_depth = 0;
};

// Whether a link is shown as a hyperlink rather than "text <url>": on a
// colour terminal, when the URL is absolute (a relative one would resolve
// against nothing the terminal knows).
bool Renderer::hyperlink(const std::string& url) const {
  if (!m_options.color) {
    return false;
  }
  std::size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0 ||
      !std::isalpha(static_cast<unsigned char>(url[0]))) {
    return false;
  }
  return std::all_of(url.begin(), url.begin() + static_cast<long>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

std::vector<Span> Renderer::inlines(cmark_node* parent) const {
  struct Frame {
    unsigned style;
    std::string url;
    std::size_t first_span; // where a link's text starts
  };
  std::vector<Span> spans;
  std::vector<Frame> stack{{m_base, {}, 0}};
  auto add = [&](std::string_view text, unsigned extra = 0) {
    if (!text.empty()) {
      spans.push_back(Span{std::string(text), stack.back().style | extra, stack.back().url});
    }
  };
  auto push = [&](unsigned extra, const std::string* url = nullptr) {
    Frame frame = stack.back();
    frame.style |= extra;
    if (url != nullptr && hyperlink(*url)) {
      frame.url = *url;
    }
    frame.first_span = spans.size();
    stack.push_back(std::move(frame));
  };
  IterPtr iter(cmark_iter_new(parent));
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    if (node == parent) {
      continue;
    }
    bool enter = event == CMARK_EVENT_ENTER;
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      add(literal_of(node));
      break;
    case CMARK_NODE_CODE:
      add(literal_of(node), k_style_code);
      break;
    case CMARK_NODE_SOFTBREAK:
      add(" ");
      break;
    case CMARK_NODE_LINEBREAK:
      add("\n");
      break;
    case CMARK_NODE_EMPH:
      enter ? push(k_style_italic) : stack.pop_back();
      break;
    case CMARK_NODE_STRONG:
      enter ? push(k_style_bold) : stack.pop_back();
      break;
    case CMARK_NODE_LINK:
    case CMARK_NODE_IMAGE: {
      bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
      const char* raw_url = cmark_node_get_url(node);
      std::string url = raw_url != nullptr ? raw_url : "";
      if (enter) {
        push(k_style_link | k_style_underline, &url);
        if (image) {
          add("[image: ");
        }
        break;
      }
      if (image) {
        add("]");
      }
      std::string text = joined_text(std::vector<Span>(
          spans.begin() + static_cast<long>(stack.back().first_span), spans.end()));
      stack.pop_back();
      bool url_is_text = url == text || url == "mailto:" + text;
      if (!hyperlink(url) && !url.empty() && !url_is_text) {
        add(" <" + url + ">", k_style_dim | k_style_no_break);
      }
      break;
    }
    default:
      break; // inline HTML is dropped
    }
  }
  return spans;
}

} // namespace

std::vector<Line> render_markdown(std::string_view markdown, const RenderOptions& options,
                                  unsigned base_style) {
  ArenaDocument parsed(markdown);
  if (parsed.root == nullptr) {
    return {};
  }
  Renderer renderer(options, base_style);
  return renderer.blocks(parsed.root, options.width, false);
}

std::vector<Line> render_heading(std::string_view text, int level, const RenderOptions& options) {
  return heading_lines({Span{std::string(text), k_style_none, {}}}, level, options.width, options);
}

std::vector<SectionText> section_texts(std::string_view body, int first_line) {
  RenderOptions plain;
  plain.width = 0;
  plain.color = false;
  plain.unicode = false;
  ArenaDocument parsed(body);
  std::vector<SectionText> sections;
  if (parsed.root == nullptr) {
    return sections;
  }
  Renderer renderer(plain, k_style_none);
  for (cmark_node* block = cmark_node_first_child(parsed.root); block != nullptr;
       block = cmark_node_next(block)) {
    int line = first_line + cmark_node_get_start_line(block) - 1;
    if (cmark_node_get_type(block) == CMARK_NODE_HEADING &&
        cmark_node_get_heading_level(block) == 2) {
      sections.push_back(SectionText{joined_text(renderer.inlines(block)), line, ""});
      continue;
    }
    // Render the block alone: a document holding just it, as the renderer expects.
    std::string text = emit_lines(renderer.block(block, 0), false);
    if (text.empty()) {
      continue;
    }
    if (sections.empty()) {
      sections.push_back(SectionText{"", line, ""});
    }
    std::string& section = sections.back().text;
    section += (section.empty() ? "" : "\n") + text;
  }
  for (SectionText& section : sections) {
    while (!section.text.empty() && section.text.back() == '\n') {
      section.text.pop_back();
    }
  }
  return sections;
}

} // namespace hros
