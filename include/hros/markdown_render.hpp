#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hros/styled_text.hpp"

namespace hros {

// How to lay out Markdown for a terminal.
struct RenderOptions {
  std::size_t width = 80; // columns to wrap to; 0: do not wrap
  bool color = false;     // styles and hyperlinks will be shown: links need no "<url>"
  bool unicode = true;    // bullets, bars and rules from Unicode, else ASCII
};

// Markdown laid out as styled lines: headings, lists with bullets and
// numbers, emphasis, links as "text <url>" (or hyperlinks with colour), code
// blocks indented, block quotes with a bar; HTML is dropped. The text is
// untrusted: it goes through markdown_guard before cmark, and every span is
// made terminal-safe when emitted. `base_style` is added to every span.
std::vector<Line> render_markdown(std::string_view markdown, const RenderOptions& options,
                                  unsigned base_style = k_style_none);

// A heading as the renderer draws one, for headings hros adds itself.
std::vector<Line> render_heading(std::string_view text, int level, const RenderOptions& options);

// A level-2 section of a body as plain text (unwrapped, no styles).
struct SectionText {
  std::string title;
  int line = 0; // the file line of its heading, or of the text before the first heading
  std::string text;
};

// The body's level-2 sections as plain text; text before the first heading,
// if any, comes first with an empty title. `first_line` is the body's file line.
std::vector<SectionText> section_texts(std::string_view body, int first_line);

} // namespace hros
