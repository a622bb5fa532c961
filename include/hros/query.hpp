#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hros {

// One thing to look for: a word, a "quoted phrase" or a prefix*, anywhere or
// in one field (title:, summary:, body:).
struct QueryTerm {
  std::string text;
  bool phrase = false;
  bool prefix = false;
  std::string field; // empty: any field
};

// A search as the user wrote it: every group must match, a group matches when
// any of its terms does (`a OR b`), and no excluded term may match.
struct Query {
  std::vector<std::vector<QueryTerm>> groups;
  std::vector<QueryTerm> excluded;
};

struct QueryParse {
  Query query;
  std::string error; // empty when the query is valid
  int column = 0;    // 1-based, where the error is
};

// Parses the search language: words, "exact phrase", -excluded, OR, prefix*,
// title:/summary:/body: scopes. Never throws; a malformed query gets a
// message that says what to write instead.
QueryParse parse_query(std::string_view text);

// The fields a term may be scoped to.
const std::vector<std::string>& query_fields();

// The query as an SQLite FTS5 MATCH expression. Every term is a quoted FTS5
// string, so nothing the user types is read as FTS5 syntax.
std::string to_fts5(const Query& query);

// The words of the terms that must or may match, for suggestions.
std::vector<std::string> positive_words(const Query& query);

} // namespace hros
