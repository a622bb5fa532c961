// The site's search index: an inverted index built here and searched by the
// page's script. Term -> postings, with the postings of a term in one short
// string (most gaps fit one character), so 10k cases load as a few MB of
// JavaScript string literals and a query decodes only its terms' lists.
#include "hros/site_index.hpp"

#include "hros/json_writer.hpp"

#include <algorithm>
#include <unordered_map>

namespace hros {
namespace {

constexpr std::string_view k_alphabet =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
constexpr std::size_t k_min_term = 2;
constexpr std::size_t k_max_term = 40;

bool is_term_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

} // namespace

const std::vector<std::string>& stop_words() {
  static const std::vector<std::string> k_words = {
      "about", "after", "all",   "also", "an",    "and", "any",   "are",  "as",   "at",    "be",
      "been",  "but",   "by",    "can",  "could", "did", "do",    "for",  "from", "had",   "has",
      "have",  "he",    "her",   "his",  "how",   "if",  "in",    "into", "is",   "it",    "its",
      "more",  "most",  "no",    "not",  "of",    "on",  "one",   "or",   "our",  "out",   "over",
      "she",   "so",    "some",  "than", "that",  "the", "their", "them", "then", "there", "these",
      "they",  "this",  "those", "to",   "up",    "us",  "was",   "we",   "were", "what",  "when",
      "which", "who",   "will",  "with", "would", "you", "your"};
  return k_words;
}

namespace {

// A term of up to 8 bytes as one number, for the stop-word check.
std::uint64_t pack(std::string_view term) {
  std::uint64_t packed = 0;
  for (char c : term) {
    packed = packed << 8 | static_cast<unsigned char>(c);
  }
  return packed;
}

bool is_stop_word(const std::string& term) {
  static const std::vector<std::uint64_t> k_packed = [] {
    std::vector<std::uint64_t> packed;
    for (const std::string& word : stop_words()) {
      packed.push_back(pack(word));
    }
    std::sort(packed.begin(), packed.end());
    return packed;
  }();
  return term.size() <= 5 && std::binary_search(k_packed.begin(), k_packed.end(), pack(term));
}

// The scanner behind for_each_term, inlined into its callers: it runs on
// every word of every case. Calls fn(term, hash) with an FNV-1a hash.
template <typename Fn> void scan_terms(std::string_view text, std::string& term, Fn&& fn) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_term_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    term.clear();
    std::uint64_t hash = 1469598103934665603ull;
    while (i < text.size() && is_term_byte(static_cast<unsigned char>(text[i]))) {
      char c = text[i++];
      c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      term += c;
      hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    }
    if (term.size() >= k_min_term && term.size() <= k_max_term && !is_stop_word(term)) {
      fn(term, hash);
    }
  }
}

} // namespace

void for_each_term(std::string_view text, const std::function<void(std::string_view)>& fn) {
  std::string term;
  scan_terms(text, term, [&](const std::string& found, std::uint64_t) { fn(found); });
}

// Open addressing on the scanner's hash: no key copies, no second hash.
struct TermCollector::Dictionary {
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t id = 0; // term number + 1; 0: empty
  };
  std::vector<Slot> slots = std::vector<Slot>(1024);
  std::vector<std::string> terms;
  std::vector<std::uint8_t> weights; // of the case being added, by term number
  std::vector<std::uint32_t> touched;
  std::string scratch;
  std::uint16_t number = 0;

  std::uint32_t find_or_add(const std::string& term, std::uint64_t hash) {
    std::size_t mask = slots.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
      Slot& slot = slots[at];
      if (slot.id == 0) {
        slot = {hash, static_cast<std::uint32_t>(terms.size()) + 1};
        terms.push_back(term);
        weights.push_back(0);
        if (terms.size() * 2 > slots.size()) {
          grow();
        }
        return static_cast<std::uint32_t>(terms.size()) - 1;
      }
      if (slot.hash == hash && terms[slot.id - 1] == term) {
        return slot.id - 1;
      }
    }
  }

  void grow() {
    std::vector<Slot> old = std::move(slots);
    slots.assign(old.size() * 2, Slot());
    std::size_t mask = slots.size() - 1;
    for (const Slot& slot : old) {
      if (slot.id != 0) {
        std::size_t at = slot.hash & mask;
        while (slots[at].id != 0) {
          at = (at + 1) & mask;
        }
        slots[at] = slot;
      }
    }
  }
};

TermCollector::TermCollector(std::size_t cases) : m_cases(cases), m_case_dictionary(cases) {}

TermCollector::~TermCollector() = default;

TermCollector::Dictionary& TermCollector::dictionary() {
  std::lock_guard<std::mutex> lock(m_mutex);
  std::thread::id self = std::this_thread::get_id();
  for (auto& [id, dictionary] : m_dictionaries) {
    if (id == self) {
      return *dictionary;
    }
  }
  m_dictionaries.emplace_back(self, std::make_unique<Dictionary>());
  m_dictionaries.back().second->number = static_cast<std::uint16_t>(m_dictionaries.size() - 1);
  return *m_dictionaries.back().second;
}

void TermCollector::add_case(std::size_t index,
                             const std::vector<std::pair<std::string_view, TermField>>& texts) {
  Dictionary& dict = dictionary();
  for (const auto& entry : texts) {
    TermField field = entry.second; // a lambda cannot capture a structured binding in C++17
    scan_terms(entry.first, dict.scratch, [&](const std::string& term, std::uint64_t hash) {
      std::uint32_t id = dict.find_or_add(term, hash);
      if (dict.weights[id] == 0) {
        dict.touched.push_back(id);
      }
      dict.weights[id] |= field;
    });
  }
  std::vector<std::uint32_t>& packed = m_cases[index];
  packed.reserve(dict.touched.size());
  for (std::uint32_t id : dict.touched) {
    packed.push_back(id * 8 + dict.weights[id]);
    dict.weights[id] = 0;
  }
  dict.touched.clear();
  m_case_dictionary[index] = dict.number;
}

std::string encode_postings(const std::vector<std::pair<std::uint32_t, std::uint8_t>>& postings) {
  std::string out;
  long long previous = -1;
  for (const auto& [doc, weight] : postings) {
    auto value =
        static_cast<unsigned long long>(static_cast<long long>(doc) - previous) * 8 + (weight & 7);
    previous = doc;
    while (value >= 32) {
      out += k_alphabet[32 + (value & 31)];
      value >>= 5;
    }
    out += k_alphabet[value];
  }
  return out;
}

std::vector<std::pair<std::uint32_t, std::uint8_t>> decode_postings(std::string_view text) {
  std::vector<std::pair<std::uint32_t, std::uint8_t>> postings;
  long long doc = -1;
  unsigned long long value = 0;
  int shift = 0;
  for (char c : text) {
    auto digit = static_cast<unsigned long long>(k_alphabet.find(c));
    if (digit >= 32) {
      value |= (digit - 32) << shift;
      shift += 5;
      continue;
    }
    value |= digit << shift;
    doc += static_cast<long long>(value / 8);
    postings.emplace_back(static_cast<std::uint32_t>(doc), static_cast<std::uint8_t>(value % 8));
    value = 0;
    shift = 0;
  }
  return postings;
}

std::string TermCollector::index_js() const {
  // One numbering for all threads' terms, in sorted order, so the page can
  // find a prefix's terms by binary search.
  std::vector<std::string_view> all;
  for (const auto& entry : m_dictionaries) {
    all.insert(all.end(), entry.second->terms.begin(), entry.second->terms.end());
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::vector<std::vector<std::uint32_t>> global(m_dictionaries.size());
  for (const auto& entry : m_dictionaries) {
    std::vector<std::uint32_t>& to = global[entry.second->number];
    for (const std::string& term : entry.second->terms) {
      to.push_back(
          static_cast<std::uint32_t>(std::lower_bound(all.begin(), all.end(), term) - all.begin()));
    }
  }
  std::vector<std::vector<std::pair<std::uint32_t, std::uint8_t>>> lists(all.size());
  for (std::size_t c = 0; c < m_cases.size(); ++c) {
    const std::vector<std::uint32_t>& to =
        global.empty() ? std::vector<std::uint32_t>() : global[m_case_dictionary[c]];
    for (std::uint32_t packed : m_cases[c]) {
      lists[to[packed / 8]].emplace_back(static_cast<std::uint32_t>(c),
                                         static_cast<std::uint8_t>(packed % 8));
    }
  }
  std::string out = "\"terms\":[";
  for (std::size_t i = 0; i < all.size(); ++i) {
    out += (i == 0 ? "" : ",") + json_string(all[i]);
  }
  out += "],\n\"postings\":[";
  for (std::size_t i = 0; i < lists.size(); ++i) {
    out += i == 0 ? "\"" : ",\"";
    out += encode_postings(lists[i]);
    out += '"';
  }
  out += "]";
  return out;
}

} // namespace hros
