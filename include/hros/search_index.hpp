#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hros {

// Where a term occurs in a case; a case's weight for a term is the OR of them.
enum TermField : std::uint8_t {
  k_in_body = 1,
  k_in_summary = 2,
  k_in_title = 4, // title, topics, organisation, industry
};

// The distinct terms of one case with their weights, packed as
// "term\0<weight byte>" records: a few KB per case, so that 100k cases fit
// in memory while pages are written.
class DocTerms {
public:
  // Adds the terms of `text`.
  void add(std::string_view text, TermField field);
  // Merges duplicates into the packed form; call once after the last add().
  void finish();
  // Calls fn(term, weight) for each distinct term.
  template <typename Fn> void each(Fn&& fn) const {
    std::size_t at = 0;
    while (at < m_packed.size()) {
      std::size_t end = m_packed.find('\0', at);
      fn(std::string_view(m_packed).substr(at, end - at),
         static_cast<std::uint8_t>(m_packed[end + 1]));
      at = end + 2;
    }
  }

private:
  struct Pending {
    std::uint32_t offset;
    std::uint8_t size;
    std::uint8_t weight;
  };
  std::vector<Pending> m_pending; // terms in m_packed before finish()
  std::string m_packed;
};

// Splits text into search terms as the site's JavaScript does: ASCII
// lowercased, runs of ASCII letters and digits and of non-ASCII characters,
// 2 to 40 bytes, stop words left out.
void for_each_term(std::string_view text, const std::function<void(std::string_view)>& fn);

// The stop words, shared with the site's script through the index file.
const std::vector<std::string>& stop_words();

// The inverted index as JavaScript properties: "terms":[...] sorted, and
// "postings":[...], one string per term of (gap * 8 + weight) varints in a
// 64-character alphabet (5 bits a character, 32 and up meaning "more
// follows"), gaps between ascending case numbers starting from -1.
std::string inverted_index_js(const std::vector<DocTerms>& docs);

// One posting list in that encoding, and its decoder (for tests).
std::string encode_postings(const std::vector<std::pair<std::uint32_t, std::uint8_t>>& postings);
std::vector<std::pair<std::uint32_t, std::uint8_t>> decode_postings(std::string_view text);

} // namespace hros
