// Three mechanisms make cmark 0.30.2 super-linear, and each is bounded here
// by one linear scan (measured on 75 generators of pathological input, from
// cmark's own pathological tests and the CVE reproducers: all parse in under
// 0.3 s at 1 MB after guarding, against minutes before):
//
//  1. Container depth x lines: every blank or `>`-only line is matched
//     against every open block quote and list item, and every inline node
//     inserted in a deep block costs O(depth). For each line an upper bound of
//     the depth cmark can reach is computed; a marker that would take it past
//     the limit is escaped (`\>`, `\-`, `1\.`), so it becomes text.
//  2. Pending `![` openers x matched links in one paragraph (CVE-2023-22486):
//     each link walks back over all unclosed image openers. Per run of
//     non-blank lines, work = sum over each `]` of the `![` before it; past
//     the limit every `![` there becomes `!\[`.
//  3. Size: what remains is linear but costs ~0.2 us and ~180 bytes per
//     byte, so content past the cap is blanked, keeping its line endings.
#include "hros/markdown_guard.hpp"

#include <algorithm>
#include <cstring>

namespace hros {
namespace {

// Whether the body being guarded has no '\r' (set once per body).
thread_local bool t_lf_only = false;

// Lines end at "\n", "\r\n" or a lone "\r", as cmark splits them. Returns the
// end of the line's content; `next` receives the start of the next line.
std::size_t line_end(std::string_view text, std::size_t begin, std::size_t limit,
                     std::size_t& next) {
  std::size_t i = begin;
  // hros hands over LF-only text: then memchr finds the end of a line many
  // times faster than a byte loop.
  if (t_lf_only) {
    const void* newline = std::memchr(text.data() + begin, '\n', limit - begin);
    std::size_t at =
        newline == nullptr
            ? limit
            : static_cast<std::size_t>(static_cast<const char*>(newline) - text.data());
    next = newline == nullptr ? limit : at + 1;
    return at;
  }
  while (i < limit && text[i] != '\n' && text[i] != '\r') {
    ++i;
  }
  std::size_t end = i;
  if (i < limit) {
    i += (text[i] == '\r' && i + 1 < limit && text[i + 1] == '\n') ? 2 : 1;
  }
  next = i;
  return end;
}

bool is_space_or_tab(char c) {
  return c == ' ' || c == '\t';
}

// What may follow a list marker (cmark_isspace).
bool is_cmark_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_blank(std::string_view text, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (!is_space_or_tab(text[i])) {
      return false;
    }
  }
  return true;
}

class NoteList {
public:
  NoteList(std::vector<GuardNote>& notes, std::size_t max) : m_notes(notes), m_max(max) {}

  void add(int line, std::string message, bool dropped_content = false) {
    if (m_count++ < m_max) {
      m_notes.push_back(GuardNote{line, std::move(message), dropped_content});
    }
  }

  void finish() {
    if (m_count > m_max) {
      m_notes.push_back(GuardNote{
          m_notes.back().line,
          "... and " + std::to_string(m_count - m_max) + " more places like these", false});
    }
  }

private:
  std::vector<GuardNote>& m_notes;
  std::size_t m_max;
  std::size_t m_count = 0;
};

// The offset from which content is blanked: the start of the line holding
// byte `max` (or the end of the text).
std::size_t size_cut(std::string_view body, std::size_t max, NoteList& notes) {
  std::size_t size = body.size();
  if (size <= max) {
    return size;
  }
  std::size_t cut = max;
  while (cut > 0 && body[cut - 1] != '\n' && body[cut - 1] != '\r') {
    --cut;
  }
  if (cut > 0 && cut < size && body[cut - 1] == '\r' && body[cut] == '\n') {
    ++cut;
  }
  int line = 1;
  for (std::size_t begin = 0, next = 0; begin < cut; begin = next) {
    line_end(body, begin, cut, next);
    ++line;
  }
  notes.add(line,
            "the body is larger than " + std::to_string(max >> 20) +
                " MiB; the rest from here is not read",
            true);
  return cut;
}

// Rule 1: escapes container markers that would nest deeper than the limit.
void limit_container_depth(std::string_view body, std::size_t cut, long max_depth,
                           std::vector<std::size_t>& escapes, NoteList& notes) {
  long open = 0; // upper bound of containers open after the previous line
  bool previous_blank = true;
  int line = 0;
  for (std::size_t start = 0, next = 0; start < cut; start = next) {
    const std::size_t end = line_end(body, start, cut, next);
    ++line;
    // cmark skips a UTF-8 byte order mark at the very start.
    const std::size_t begin =
        (start == 0 && end >= 3 && body.compare(0, 3, "\xEF\xBB\xBF") == 0) ? 3 : start;
    if (is_blank(body, begin, end)) {
      previous_blank = true; // depth cannot grow on a blank line
      continue;
    }
    // The thematic-break suffix: cmark tests for a break before a list item,
    // so no container opens where the rest of the line is `* * *`.
    std::size_t break_start = end;
    char break_char = 0;
    while (break_start > begin) {
      const char c = body[break_start - 1];
      if (is_space_or_tab(c)) {
        --break_start;
        continue;
      }
      if ((c != '-' && c != '*' && c != '_') || (break_char != 0 && c != break_char)) {
        break;
      }
      break_char = c;
      --break_start;
    }
    auto thematic_break_from = [&](std::size_t at) {
      if (break_char == 0 || at < break_start || body[at] != break_char) {
        return false;
      }
      int count = 0;
      for (std::size_t i = at; i < end && count < 3; ++i) {
        count += body[i] == break_char ? 1 : 0;
      }
      return count >= 3;
    };

    long markers = 0;    // container markers on this line
    long whitespace = 0; // columns usable for list-item continuation
    long column = 0;
    const bool starts_at_column_0 = !is_space_or_tab(body[begin]);
    std::size_t at = begin;
    while (true) {
      while (at < end && is_space_or_tab(body[at])) {
        const long advance = body[at] == '\t' ? 4 - (column % 4) : 1;
        column += advance;
        whitespace += advance;
        ++at;
      }
      if (at >= end) {
        break;
      }
      const char c = body[at];
      std::size_t marker_length = 0;
      std::size_t escape_at = at;
      if (c == '>') {
        marker_length = 1;
      } else if (c == '-' || c == '+' || c == '*') {
        if ((at + 1 < end && !is_cmark_space(body[at + 1])) ||
            (c != '+' && thematic_break_from(at))) {
          break;
        }
        marker_length = 1;
      } else if (c >= '0' && c <= '9') {
        std::size_t i = at;
        while (i < end && i - at < 10 && body[i] >= '0' && body[i] <= '9') {
          ++i;
        }
        if (i - at > 9 || i >= end || (body[i] != '.' && body[i] != ')') ||
            (i + 1 < end && !is_cmark_space(body[i + 1]))) {
          break;
        }
        marker_length = i + 1 - at;
        escape_at = i; // "12." becomes "12\."
      } else {
        break;
      }
      ++markers;
      if (markers + std::min(open, whitespace / 2) > max_depth) {
        escapes.push_back(escape_at);
        notes.add(line, "lists and quotes nested deeper than " + std::to_string(max_depth) +
                            " levels; the deeper ones are read as text");
        --markers;
        break;
      }
      at += marker_length;
      column += static_cast<long>(marker_length);
      // The one space or tab after a marker belongs to the marker.
      if (at < end && is_space_or_tab(body[at])) {
        const long advance = body[at] == '\t' ? 4 - (column % 4) : 1;
        column += advance;
        whitespace += advance - 1;
        ++at;
      }
    }
    if (previous_blank && starts_at_column_0 && markers == 0) {
      open = 0; // an unindented paragraph after a blank line closes everything
    }
    open = std::max(open, markers + std::min(open, whitespace / 2));
    previous_blank = false;
  }
}

// Rule 2: per run of non-blank lines, escapes every `![` when matching links
// against pending image openers would cost more than the limit.
void limit_image_openers(std::string_view body, std::size_t cut, std::size_t max_work,
                         std::vector<std::size_t>& escapes, NoteList& notes) {
  if (body.substr(0, cut).find("![") == std::string_view::npos) {
    return; // no image opener, no work: the common case, found at memchr speed
  }
  std::vector<std::size_t> openers; // offsets of the '[' of each "![" in the run
  unsigned long long work = 0;
  bool escaped = false; // the next character follows an odd number of '\'
  bool in_run = false;
  int line = 0;
  int first_line = 0;
  auto close_run = [&] {
    if (in_run && work > max_work) {
      escapes.insert(escapes.end(), openers.begin(), openers.end());
      notes.add(
          first_line,
          std::to_string(openers.size()) +
              " image openers '![' against many ']' in one paragraph; its images are read as text");
    }
    openers.clear();
    work = 0;
    escaped = false;
    in_run = false;
  };
  for (std::size_t begin = 0, next = 0; begin < cut; begin = next) {
    const std::size_t end = line_end(body, begin, cut, next);
    ++line;
    if (is_blank(body, begin, end)) {
      close_run();
      continue;
    }
    if (!in_run) {
      in_run = true;
      first_line = line;
    }
    for (std::size_t i = begin; i < next; ++i) { // the line ending may be escaped too
      const char c = body[i];
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '!' && i + 1 < end && body[i + 1] == '[') {
        openers.push_back(i + 1);
        ++i; // this '[' belongs to the image opener
      } else if (c == ']') {
        work += openers.size();
      }
    }
  }
  close_run();
}

// The body with a backslash before each escape offset and, past `cut`, only
// line endings. The blanked tail's second line is "<!-- -->": after a blank
// line, a column-0 HTML block closes every open container, so the blank lines
// that follow are not each matched against deep lists.
std::string assemble(std::string_view body, std::size_t cut, std::vector<std::size_t> escapes) {
  std::sort(escapes.begin(), escapes.end());
  escapes.erase(std::unique(escapes.begin(), escapes.end()), escapes.end());
  std::string out;
  out.reserve(cut + escapes.size() + (body.size() - cut) / 8 + 16);
  std::size_t from = 0;
  for (std::size_t at : escapes) {
    out.append(body.data() + from, at - from);
    out.push_back('\\');
    from = at;
  }
  out.append(body.data() + from, cut - from);
  std::size_t tail_line = 0;
  for (std::size_t begin = cut, next = 0; begin < body.size(); begin = next) {
    line_end(body, begin, body.size(), next);
    if (next > begin && (body[next - 1] == '\n' || body[next - 1] == '\r')) {
      ++tail_line;
      if (tail_line == 2) {
        out += "<!-- -->";
      }
      // "\r" then "\n" would merge into one "\r\n" line ending.
      out.push_back(tail_line == 1 && !out.empty() && out.back() == '\r' ? '\r' : '\n');
    }
  }
  return out;
}

} // namespace

GuardedMarkdown guard_markdown(std::string_view body, const GuardLimits& limits) {
  GuardedMarkdown guarded;
  t_lf_only = body.empty() || std::memchr(body.data(), '\r', body.size()) == nullptr;
  NoteList notes(guarded.notes, limits.max_notes);
  std::size_t cut = size_cut(body, limits.max_body_bytes, notes);
  std::vector<std::size_t> escapes;
  limit_container_depth(body, cut, limits.max_container_depth, escapes, notes);
  limit_image_openers(body, cut, limits.max_image_opener_work, escapes, notes);
  notes.finish();
  if (!escapes.empty() || cut != body.size()) {
    guarded.text = assemble(body, cut, std::move(escapes));
  }
  return guarded;
}

} // namespace hros
