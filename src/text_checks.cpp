#include "hros/text_checks.hpp"

#include "hros/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// Finds where a promotional phrase may start. This runs on every byte of every
// case, so it never branches per byte: for 64 bytes at a time it computes a
// mask of positions that follow a non-word byte and begin with a phrase's
// first two letters (16 bytes per instruction with SSE2), and phrases are
// compared only there. A per-byte "if" mispredicts on prose and costs ten
// times more.
class PhraseIndex {
public:
  explicit PhraseIndex(const std::vector<std::string>& phrases) : m_by_letter(256) {
    for (std::size_t p = 0; p < phrases.size(); ++p) {
      m_lowered.push_back(lowercase(phrases[p]));
      const std::string& phrase = m_lowered.back();
      if (phrase.size() < 2) {
        continue;
      }
      m_by_letter[static_cast<unsigned char>(phrase[0])].push_back(p);
      m_bigram[(static_cast<unsigned>(phrase[0]) & 31u) << 5 |
               (static_cast<unsigned>(phrase[1]) & 31u)] = 1;
      unsigned first = static_cast<unsigned char>(phrase[0]) & 31u;
      unsigned second = static_cast<unsigned char>(phrase[1]) & 31u;
      for (unsigned third = 0; third < 32; ++third) {
        if (phrase.size() == 2 || third == (static_cast<unsigned char>(phrase[2]) & 31u)) {
          m_trigram[first << 10 | second << 5 | third] = true;
        }
      }
      add_once(m_first_letters, phrase[0]);
      add_once(m_second_letters, phrase[1]);
    }
#if defined(__SSE2__)
    for (std::size_t i = 0; i < m_first_letters.size() && i < 16; ++i) {
      m_first_vectors[i] = _mm_set1_epi8(m_first_letters[i]);
    }
    for (std::size_t i = 0; i < m_second_letters.size() && i < 16; ++i) {
      m_second_vectors[i] = _mm_set1_epi8(m_second_letters[i]);
    }
#endif
    for (std::size_t c = 0; c < 256; ++c) {
      m_starts[c] =
          m_by_letter[static_cast<unsigned char>(ascii_lower(static_cast<char>(c)))].empty() ? 0
                                                                                             : 1;
      m_not_word[c] = is_word_char(static_cast<char>(c)) ? 0 : 1;
    }
  }

  const std::vector<std::size_t>& starting_with(char c) const {
    return m_by_letter[static_cast<unsigned char>(ascii_lower(c))];
  }
  const std::string& lowered(std::size_t phrase) const {
    return m_lowered[phrase];
  }
  bool starts_triple(unsigned first, unsigned second, unsigned third) const {
    return m_trigram[(first & 31u) << 10 | (second & 31u) << 5 | (third & 31u)];
  }

  // Bit i set: a phrase may start at block + i.
  std::uint64_t candidates(const unsigned char* bytes, std::size_t size, std::size_t block) const {
#if defined(__SSE2__)
    if (block > 0 && block + 65 <= size && m_first_letters.size() <= 16 &&
        m_second_letters.size() <= 16) {
      return candidates_sse2(bytes, block);
    }
#endif
    return candidates_scalar(bytes, size, block);
  }

private:
  static void add_once(std::vector<char>& letters, char c) {
    if (std::find(letters.begin(), letters.end(), c) == letters.end()) {
      letters.push_back(c);
    }
  }

  std::uint64_t candidates_scalar(const unsigned char* bytes, std::size_t size,
                                  std::size_t block) const {
    std::uint64_t mask = 0;
    std::size_t block_end = std::min(block + 64, size - 1);
    for (std::size_t at = block; at < block_end; ++at) {
      unsigned b0 = bytes[at];
      unsigned b1 = bytes[at + 1];
      unsigned before = at == 0 ? 1u : m_not_word[bytes[at - 1]];
      std::uint64_t candidate = m_starts[b0] & m_bigram[(b0 & 31u) << 5 | (b1 & 31u)] & before;
      mask |= candidate << (at - block);
    }
    return mask;
  }

#if defined(__SSE2__)
  // The same test on 16 bytes at once, a little wider (first and second
  // letters are tested apart, not as pairs): the comparison that follows
  // decides. Needs bytes[block - 1] and bytes[block + 64].
  std::uint64_t candidates_sse2(const unsigned char* bytes, std::size_t block) const {
    const __m128i case_bit = _mm_set1_epi8(0x20);
    auto in_range = [](__m128i x, char low, char span) {
      __m128i offset = _mm_sub_epi8(x, _mm_set1_epi8(low));
      return _mm_cmpeq_epi8(_mm_min_epu8(offset, _mm_set1_epi8(span)), offset);
    };
    auto any_of = [](__m128i lowered, const __m128i* letters, std::size_t count) {
      __m128i hit = _mm_setzero_si128();
      for (std::size_t i = 0; i < count; ++i) {
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(lowered, letters[i]));
      }
      return hit;
    };
    std::uint64_t mask = 0;
    for (std::size_t part = 0; part < 64; part += 16) {
      const unsigned char* at = bytes + block + part;
      __m128i current = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
      __m128i previous = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at - 1));
      __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 1));
      __m128i word = _mm_or_si128(_mm_or_si128(in_range(_mm_or_si128(previous, case_bit), 'a', 25),
                                               in_range(previous, '0', 9)),
                                  _mm_cmplt_epi8(previous, _mm_setzero_si128()));
      __m128i first =
          any_of(_mm_or_si128(current, case_bit), m_first_vectors, m_first_letters.size());
      __m128i second =
          any_of(_mm_or_si128(next, case_bit), m_second_vectors, m_second_letters.size());
      __m128i candidate = _mm_andnot_si128(word, _mm_and_si128(first, second));
      mask |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(candidate)))
              << part;
    }
    return mask;
  }
#endif

  std::vector<std::string> m_lowered;
  std::vector<std::vector<std::size_t>> m_by_letter;
  std::vector<char> m_first_letters;
  std::vector<char> m_second_letters;
#if defined(__SSE2__)
  __m128i m_first_vectors[16] = {}; // each letter in every byte, for _mm_cmpeq_epi8
  __m128i m_second_vectors[16] = {};
#endif
  std::uint8_t m_bigram[1024] = {};
  std::bitset<32768> m_trigram; // first three letters, five bits each
  std::uint8_t m_starts[256] = {};
  std::uint8_t m_not_word[256] = {};
};

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
  const PhraseIndex index(phrases);
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  int line = 1;
  std::size_t line_start = 0;
  std::size_t counted_to = 0; // lines are counted lazily, only up to a hit
  for (std::size_t block = 0; block + 1 < size; block += 64) {
    std::uint64_t mask = index.candidates(bytes, size, block);
    while (mask != 0) {
      std::size_t at = block + static_cast<std::size_t>(__builtin_ctzll(mask));
      mask &= mask - 1;
      if (!index.starts_triple(bytes[at], bytes[at + 1], at + 2 < size ? bytes[at + 2] : 0)) {
        continue; // the mask tests letters apart; most words stop here
      }
      for (std::size_t p : index.starting_with(text[at])) {
        const std::string& needle = index.lowered(p);
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
