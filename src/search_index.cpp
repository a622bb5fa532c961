// The site's search index: an inverted index built here and searched by the
// page's script. Term -> postings, with the postings of a term in one short
// string (most gaps fit one character), so 10k cases load as a few MB of
// JavaScript string literals and a query decodes only its terms' lists.
#include "hros/search_index.hpp"

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

void for_each_term(std::string_view text, const std::function<void(std::string_view)>& fn) {
  static const std::vector<std::string>& stops = stop_words();
  std::string term;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_term_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
    }
    term.clear();
    while (i < text.size() && is_term_byte(static_cast<unsigned char>(text[i]))) {
      char c = text[i++];
      term += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (term.size() >= k_min_term && term.size() <= k_max_term &&
        !std::binary_search(stops.begin(), stops.end(), term)) {
      fn(term);
    }
  }
}

void DocTerms::add(std::string_view text, TermField field) {
  // Terms are lowercased copies: kept in m_packed, by offset, until finish().
  for_each_term(text, [&](std::string_view term) {
    m_pending.push_back({static_cast<std::uint32_t>(m_packed.size()),
                         static_cast<std::uint8_t>(term.size()), static_cast<std::uint8_t>(field)});
    m_packed.append(term);
  });
}

void DocTerms::finish() {
  std::string raw = std::move(m_packed);
  std::vector<std::pair<std::string_view, std::uint8_t>> terms;
  terms.reserve(m_pending.size());
  for (const Pending& pending : m_pending) {
    terms.emplace_back(std::string_view(raw).substr(pending.offset, pending.size), pending.weight);
  }
  m_pending = {};
  std::sort(terms.begin(), terms.end());
  m_packed.clear();
  for (std::size_t i = 0; i < terms.size();) {
    std::uint8_t weight = 0;
    std::size_t j = i;
    for (; j < terms.size() && terms[j].first == terms[i].first; ++j) {
      weight |= terms[j].second;
    }
    m_packed.append(terms[i].first);
    m_packed += '\0';
    m_packed += static_cast<char>(weight);
    i = j;
  }
  m_packed.shrink_to_fit();
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

std::string inverted_index_js(const std::vector<DocTerms>& docs) {
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::vector<std::string_view> terms;
  std::vector<std::vector<std::uint32_t>> lists; // doc * 8 + weight
  for (std::size_t d = 0; d < docs.size(); ++d) {
    docs[d].each([&](std::string_view term, std::uint8_t weight) {
      auto [found, inserted] = ids.try_emplace(term, static_cast<std::uint32_t>(terms.size()));
      if (inserted) {
        terms.push_back(term);
        lists.emplace_back();
      }
      lists[found->second].push_back(static_cast<std::uint32_t>(d) * 8 + weight);
    });
  }
  std::vector<std::uint32_t> order(terms.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return terms[a] < terms[b]; });
  std::string out = "\"terms\":[";
  for (std::size_t i = 0; i < order.size(); ++i) {
    out += (i == 0 ? "" : ",") + json_string(terms[order[i]]);
  }
  out += "],\n\"postings\":[";
  std::vector<std::pair<std::uint32_t, std::uint8_t>> postings;
  for (std::size_t i = 0; i < order.size(); ++i) {
    postings.clear();
    for (std::uint32_t packed : lists[order[i]]) {
      postings.emplace_back(packed / 8, static_cast<std::uint8_t>(packed % 8));
    }
    out += (i == 0 ? "\"" : ",\"") + encode_postings(postings) + "\"";
  }
  out += "]";
  return out;
}

} // namespace hros
