#include "hros/text_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace hros {
namespace {

std::size_t indentation(std::string_view line) {
  std::size_t count = 0;
  while (count < line.size() && line[count] == ' ') {
    ++count;
  }
  return count;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// A YAML line whose value is a block scalar: `key: |`, `- >-`, `key: |2+`.
bool opens_block_scalar(std::string_view line) {
  std::size_t end = line.find_last_not_of(" \t");
  if (end == std::string_view::npos) {
    return false;
  }
  std::size_t i = end + 1;
  while (i > 0 && (std::isdigit(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == '-' ||
                   line[i - 1] == '+')) {
    --i;
  }
  if (i == 0 || (line[i - 1] != '|' && line[i - 1] != '>')) {
    return false;
  }
  return i == 1 || line[i - 2] == ' ';
}

// The fence a line opens or closes ("```", "~~~~"), or "" if none. A block
// closes only with a fence of the same character at least as long.
std::string_view fence_of(std::string_view line) {
  std::size_t start = indentation(line);
  if (start >= 4 || start >= line.size() || (line[start] != '`' && line[start] != '~')) {
    return {};
  }
  std::size_t end = line.find_first_not_of(line[start], start);
  std::size_t length = (end == std::string_view::npos ? line.size() : end) - start;
  return length >= 3 ? line.substr(start, length) : std::string_view();
}

std::string lowercase(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return result;
}

// ASCII-only on purpose: this runs on every byte of every case, and the
// phrases are ASCII; bytes of multibyte characters count as word characters.
char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

bool equals_lowered(std::string_view text, std::string_view lowered) {
  for (std::size_t i = 0; i < lowered.size(); ++i) {
    if (ascii_lower(text[i]) != lowered[i]) {
      return false;
    }
  }
  return true;
}

} // namespace

void check_whitespace(std::string_view text, int body_line, std::vector<Diagnostic>& out) {
  std::vector<std::string_view> lines;
  std::vector<std::size_t> offsets;
  for (std::size_t begin = 0; begin <= text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    lines.push_back(text.substr(begin, end - begin));
    offsets.push_back(begin);
    begin = end + 1;
  }
  long block_indent = -1;      // indentation of the key owning an open block scalar
  std::string_view open_fence; // the fence of the code block we are in
  bool in_indented_code = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    int number = static_cast<int>(i) + 1;
    bool in_body = number >= body_line;
    bool keep = false;
    bool was_indented_code = in_indented_code;
    in_indented_code = false;
    if (!in_body) {
      if (block_indent >= 0 &&
          (is_blank(line) || static_cast<long>(indentation(line)) > block_indent)) {
        keep = true;
      } else {
        block_indent = opens_block_scalar(line) ? static_cast<long>(indentation(line)) : -1;
      }
    } else if (std::string_view fence = fence_of(line);
               !fence.empty() &&
               (open_fence.empty() ||
                (fence[0] == open_fence[0] && fence.size() >= open_fence.size() &&
                 line.find_first_not_of(" \t", indentation(line) + fence.size()) ==
                     std::string_view::npos))) {
      open_fence = open_fence.empty() ? fence : std::string_view();
    } else if (!open_fence.empty()) {
      keep = true;
    } else if (indentation(line) >= 4 && !is_blank(line) && i > 0 &&
               (is_blank(lines[i - 1]) || was_indented_code)) {
      keep = true; // an indented code block (or a list's indented paragraph)
      in_indented_code = true;
    } else if (line.size() >= 2 && line.substr(line.size() - 2) == "  " && i + 1 < lines.size() &&
               !is_blank(lines[i + 1]) && !is_blank(line)) {
      keep = true; // a Markdown hard line break
    }
    std::size_t content_end = line.find_last_not_of(" \t");
    content_end = content_end == std::string_view::npos ? 0 : content_end + 1;
    if (keep || content_end == line.size()) {
      continue;
    }
    Diagnostic diagnostic =
        make_diagnostic(number, static_cast<int>(content_end) + 1, Severity::warning,
                        "trailing whitespace", "whitespace.trailing");
    diagnostic.fix =
        Fix{offsets[i] + content_end, line.size() - content_end, "", "removed trailing whitespace"};
    out.push_back(std::move(diagnostic));
  }
  if (!text.empty() && text.back() != '\n') {
    Diagnostic diagnostic = make_diagnostic(
        static_cast<int>(lines.size()), static_cast<int>(lines.back().size()) + 1,
        Severity::warning, "no newline at the end of the file", "whitespace.final-newline");
    diagnostic.fix = Fix{text.size(), 0, "\n", "added a final newline"};
    out.push_back(std::move(diagnostic));
  }
}

void check_promotional(std::string_view text, const std::vector<std::string>& phrases,
                       std::vector<Diagnostic>& out) {
  // This runs on every byte of every case, so it avoids branching per byte:
  // for 64 bytes at a time it builds a mask of positions that follow a
  // non-word byte and begin with the first two letters of some phrase, then
  // compares phrases only there. (A per-byte "if" mispredicts on prose and
  // costs ten times more.)
  std::vector<std::string> lowered;
  std::vector<std::vector<std::size_t>> by_letter(256);
  std::uint8_t bigram[1024] = {};
  for (std::size_t p = 0; p < phrases.size(); ++p) {
    lowered.push_back(lowercase(phrases[p]));
    const std::string& phrase = lowered.back();
    if (phrase.size() < 2) {
      continue;
    }
    by_letter[static_cast<unsigned char>(phrase[0])].push_back(p);
    bigram[(static_cast<unsigned>(phrase[0]) & 31u) << 5 |
           (static_cast<unsigned>(phrase[1]) & 31u)] = 1;
  }
  std::uint8_t starts[256] = {};
  std::uint8_t not_word[256] = {};
  for (std::size_t c = 0; c < 256; ++c) {
    starts[c] =
        by_letter[static_cast<unsigned char>(ascii_lower(static_cast<char>(c)))].empty() ? 0 : 1;
    not_word[c] = is_word_char(static_cast<char>(c)) ? 0 : 1;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  int line = 1;
  std::size_t line_start = 0;
  std::size_t counted_to = 0; // lines are counted lazily, only up to a hit
  for (std::size_t block = 0; block + 1 < size; block += 64) {
    std::uint64_t mask = 0;
    std::size_t block_end = std::min(block + 64, size - 1);
    for (std::size_t at = block; at < block_end; ++at) {
      unsigned b0 = bytes[at];
      unsigned b1 = bytes[at + 1];
      unsigned before = at == 0 ? 1u : not_word[bytes[at - 1]];
      std::uint64_t candidate = starts[b0] & bigram[(b0 & 31u) << 5 | (b1 & 31u)] & before;
      mask |= candidate << (at - block);
    }
    while (mask != 0) {
      std::size_t at = block + static_cast<std::size_t>(__builtin_ctzll(mask));
      mask &= mask - 1;
      for (std::size_t p : by_letter[static_cast<unsigned char>(ascii_lower(text[at]))]) {
        const std::string& needle = lowered[p];
        if (at + needle.size() > size ||
            (at + needle.size() < size && is_word_char(text[at + needle.size()])) ||
            !equals_lowered(text.substr(at, needle.size()), needle)) {
          continue;
        }
        for (; counted_to < at; ++counted_to) {
          if (text[counted_to] == '\n') {
            ++line;
            line_start = counted_to + 1;
          }
        }
        out.push_back(make_diagnostic(
            line, static_cast<int>(at - line_start) + 1, Severity::warning,
            fmt::format("promotional phrase '{}': the bank shares practice, not sales pitches",
                        phrases[p]),
            "content.promotional"));
      }
    }
  }
}

} // namespace hros
