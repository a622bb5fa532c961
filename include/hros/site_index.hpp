#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hros {

// Where a term occurs in a case; a case's weight for a term is the OR of them.
enum TermField : std::uint8_t {
  k_in_body = 1,
  k_in_summary = 2,
  k_in_title = 4, // title, topics, organisation, industry
};

// Splits text into search terms as the site's JavaScript does: ASCII
// lowercased, runs of ASCII letters and digits and of non-ASCII characters,
// 2 to 40 bytes, stop words left out.
void for_each_term(std::string_view text, const std::function<void(std::string_view)>& fn);

// The stop words, shared with the site's script through the index file.
const std::vector<std::string>& stop_words();

// Collects the terms of every case from the worker threads and turns them
// into the site's inverted index. Each thread numbers the terms it sees in
// its own dictionary (no locking per term); a case keeps only its distinct
// term numbers with their weights, 4 bytes each, and the dictionaries are
// merged once at the end.
class TermCollector {
public:
  explicit TermCollector(std::size_t cases);
  ~TermCollector();
  TermCollector(const TermCollector&) = delete;
  TermCollector& operator=(const TermCollector&) = delete;

  // Adds case `index`'s texts; call once per case, from any thread.
  void add_case(std::size_t index,
                const std::vector<std::pair<std::string_view, TermField>>& texts);

  // The index as JavaScript object properties: "terms":[...] sorted, and
  // "postings":[...], one string per term of (gap * 8 + weight) varints in a
  // 64-character alphabet (5 bits a character, 32 and up meaning "more
  // follows"), gaps between ascending case numbers starting from -1.
  std::string index_js() const;

private:
  struct Dictionary;
  Dictionary& dictionary();

  std::mutex m_mutex;
  std::vector<std::pair<std::thread::id, std::unique_ptr<Dictionary>>> m_dictionaries;
  std::vector<std::vector<std::uint32_t>> m_cases; // term number * 8 + weight
  std::vector<std::uint16_t> m_case_dictionary;
};

// One posting list in that encoding, and its decoder (for tests).
std::string encode_postings(const std::vector<std::pair<std::uint32_t, std::uint8_t>>& postings);
std::vector<std::pair<std::uint32_t, std::uint8_t>> decode_postings(std::string_view text);

} // namespace hros
