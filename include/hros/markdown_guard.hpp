#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hros {

// Bounds within which Debian's cmark 0.30.2 parses in (near) linear time.
struct GuardLimits {
  std::size_t max_body_bytes = 1u << 20;     // content past this is blanked
  int max_container_depth = 32;              // nested `>` and list items
  std::size_t max_image_opener_work = 50000; // `![` openers x `]` per paragraph
  std::size_t max_notes = 20;
};

// Something the guard changed, on a line of the body (1-based).
struct GuardNote {
  int line = 0;
  std::string message;
  bool dropped_content = false; // the size cap: text was ignored, not escaped
};

struct GuardedMarkdown {
  std::optional<std::string> text; // the safe text; nullopt when the body is unchanged
  std::vector<GuardNote> notes;
};

// Makes an untrusted body safe for cmark 0.30.2, which has super-linear
// inputs (CVE-2023-22486, CVE-2023-24824 and others fixed in 0.31): deep
// container nesting, many image openers against links, and sheer size. It
// only inserts backslashes before offending markers and blanks content past
// the size cap, keeping every line ending, so cmark's line numbers stay those
// of the original. Ordinary Markdown comes back unchanged (text is nullopt).
GuardedMarkdown guard_markdown(std::string_view body, const GuardLimits& limits = {});

} // namespace hros
