// The search query language: what parse_query makes of words, phrases,
// exclusions, OR, prefixes and field scopes; where its errors point; and the
// FTS5 expression to_fts5 builds, in which every term is a quoted string.
#include "hros/query.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using hros::parse_query;
using hros::Query;
using hros::QueryParse;
using hros::QueryTerm;

namespace {

// A term as the query language would write it back: -, field:, "phrase", *.
std::string term_text(const QueryTerm& term) {
  std::string text = term.field.empty() ? "" : term.field + ":";
  text += term.phrase ? "\"" + term.text + "\"" : term.text;
  return text + (term.prefix ? "*" : "");
}

// The query in one line: groups joined by " & ", a group's terms by " | ",
// then " -term" per exclusion.
std::string shape(const std::string& text) {
  QueryParse parse = parse_query(text);
  INFO(text);
  INFO(parse.error);
  REQUIRE(parse.error.empty());
  std::string out;
  for (const std::vector<QueryTerm>& group : parse.query.groups) {
    out += out.empty() ? "" : " & ";
    for (std::size_t i = 0; i < group.size(); ++i) {
      out += (i == 0 ? "" : " | ") + term_text(group[i]);
    }
  }
  for (const QueryTerm& term : parse.query.excluded) {
    out += " -" + term_text(term);
  }
  return out;
}

std::string fts5(const std::string& text) {
  QueryParse parse = parse_query(text);
  REQUIRE(parse.error.empty());
  return hros::to_fts5(parse.query);
}

struct Error {
  std::string message;
  int column;
  bool operator==(const Error& other) const {
    return message == other.message && column == other.column;
  }
};

Error error_of(const std::string& text) {
  QueryParse parse = parse_query(text);
  return Error{parse.error, parse.column};
}

const std::string k_or = "OR goes between two words or phrases, as in: hiring OR recruiting";
const std::string k_no_words = "the query has no words to look for";
const std::string k_only_excluded = "a query cannot only exclude: add a word to look for";

} // namespace

namespace Catch {
template <> struct StringMaker<Error> {
  static std::string convert(const Error& error) {
    return "column " + std::to_string(error.column) + ": " + error.message;
  }
};
} // namespace Catch

TEST_CASE("query: words must all match", "[query]") {
  CHECK(shape("hiring") == "hiring");
  CHECK(shape("new hires leave") == "new & hires & leave");
  CHECK(shape("  spaced \t out\n") == "spaced & out");
  // Punctuation alone is nothing to look for.
  CHECK(shape("a - b") == "a & b");
  CHECK(shape("a ... b !!") == "a & b");
  // Words keep their punctuation and case: the tokenizer folds them later.
  CHECK(shape("Zürich, résumé") == "Zürich, & résumé");
  CHECK(shape("90-day") == "90-day");
}

TEST_CASE("query: punctuation outside ASCII is not a word", "[query]") {
  // Dashes, quotes, currency, symbols and emoji separate words in the index;
  // alone they would be empty phrases that match nothing.
  CHECK(shape("onboarding — buddies") == "onboarding & buddies");
  CHECK(shape("a … « » b") == "a & b");
  CHECK(shape("a ™ € → ✓ 😀 b") == "a & b");
  CHECK(shape("a 。 ！ b") == "a & b");
  CHECK(error_of("— … “”") == Error{k_no_words, 1});
  CHECK(error_of("😀") == Error{k_no_words, 1});
  // With a letter or digit, the word stays, however it is wrapped.
  CHECK(shape("“night shift”") == "“night & shift”");
  CHECK(shape("«ferry»") == "«ferry»");
  CHECK(shape("Zürich é ß ø") == "Zürich & é & ß & ø");
  CHECK(shape("東京 Ελλάδα кадры") == "東京 & Ελλάδα & кадры");
  CHECK(shape("½") == "½");
  // Bytes that are not UTF-8 are left to the tokenizer.
  CHECK(shape("\xff") == "\xff");
}

TEST_CASE("query: phrases", "[query]") {
  CHECK(shape("\"night shift\"") == "\"night shift\"");
  CHECK(shape("rota \"night shift\" pay") == "rota & \"night shift\" & pay");
  // A quote ends a word and starts a phrase.
  CHECK(shape("rota\"night shift\"") == "rota & \"night shift\"");
  CHECK(shape("\"night shift\"rota") == "\"night shift\" & rota");
  // An empty phrase is nothing to look for.
  CHECK(shape("\"\" rota") == "rota");
  CHECK(shape("\"night shi\"*") == "\"night shi\"*");
}

TEST_CASE("query: exclusions", "[query]") {
  CHECK(shape("ferry -commute") == "ferry -commute");
  CHECK(shape("-commute ferry") == "ferry -commute");
  CHECK(shape("shift -\"night shift\"") == "shift -\"night shift\"");
  CHECK(shape("a -b -c") == "a -b -c");
  CHECK(shape("a -title:b") == "a -title:b");
  CHECK(shape("a -b*") == "a -b*");
  // A dash inside a word or alone is not an exclusion.
  CHECK(shape("a-b") == "a-b");
  CHECK(shape("a - b") == "a & b");
  CHECK(shape("a -") == "a");
  // "-OR" is the word OR excluded.
  CHECK(shape("a -OR") == "a -OR");
}

TEST_CASE("query: OR joins its neighbours", "[query]") {
  CHECK(shape("a OR b") == "a | b");
  CHECK(shape("a OR b OR c") == "a | b | c");
  CHECK(shape("x a OR b y") == "x & a | b & y");
  CHECK(shape("\"a b\" OR c") == "\"a b\" | c");
  CHECK(shape("title:a OR body:b") == "title:a | body:b");
  CHECK(shape("a OR b -c") == "a | b -c");
  // Only uppercase OR is the operator.
  CHECK(shape("a or b") == "a & or & b");
  CHECK(shape("a Or b") == "a & Or & b");
  CHECK(shape("a \"OR\" b") == "a & \"OR\" & b");
}

TEST_CASE("query: prefixes", "[query]") {
  CHECK(shape("onboard*") == "onboard*");
  CHECK(shape("onboard***") == "onboard*");
  CHECK(shape("title:onb*") == "title:onb*");
  // A star alone has no word.
  CHECK(error_of("*") == Error{k_no_words, 1});
  CHECK(shape("a *") == "a");
  // A star inside a word is kept as punctuation.
  CHECK(shape("a*b") == "a*b");
}

TEST_CASE("query: field scopes", "[query]") {
  CHECK(shape("title:referral") == "title:referral");
  CHECK(shape("summary:\"pay bands\"") == "summary:\"pay bands\"");
  CHECK(shape("body:x y") == "body:x & y");
  CHECK(shape("TITLE:x") == "title:x");
  // Not a scope: a URL, a colon after other characters, a colon alone.
  CHECK(shape("https://example.org") == "https://example.org");
  CHECK(shape("covid-19:x") == "covid-19:x");
  CHECK(shape(":x") == ":x");
  CHECK(shape("x :") == "x");
  // A scope's term may itself look like a scope.
  CHECK(shape("title:body:x") == "title:body:x");
}

TEST_CASE("query: errors say what to write and where", "[query]") {
  CHECK(error_of("") == Error{k_no_words, 1});
  CHECK(error_of("   ") == Error{k_no_words, 1});
  CHECK(error_of("!!! ?") == Error{k_no_words, 1});
  CHECK(error_of("(((") == Error{k_no_words, 1});
  CHECK(error_of("\"\"") == Error{k_no_words, 1});
  CHECK(error_of("\"night shift") == Error{"this quote is not closed; end the phrase with \"", 1});
  CHECK(error_of("a b \"night") == Error{"this quote is not closed; end the phrase with \"", 5});
  CHECK(error_of("OR") == Error{k_or, 1});
  CHECK(error_of("OR a") == Error{k_or, 1});
  CHECK(error_of("a OR") == Error{k_or, 3});
  CHECK(error_of("a OR OR b") == Error{k_or, 3});
  CHECK(error_of("a OR -b") == Error{k_or, 3});
  CHECK(error_of("-a OR b") == Error{k_or, 4});
  CHECK(error_of("-a") == Error{k_only_excluded, 1});
  CHECK(error_of("-a -\"b c\"") == Error{k_only_excluded, 1});
  CHECK(error_of("a titel:b") ==
        Error{"unknown field 'titel:'; did you mean 'title'? A term can be limited to title:, "
              "summary: or body:",
              3});
  CHECK(error_of("foo:bar") ==
        Error{"unknown field 'foo:'; a term can be limited to title:, summary: or body:", 1});
  CHECK(error_of("-titel:b a") ==
        Error{"unknown field 'titel:'; did you mean 'title'? A term can be limited to title:, "
              "summary: or body:",
              2});
  CHECK(error_of("title: x") ==
        Error{"'title:' needs a word or \"phrase\" right after it, as in title:hiring", 6});
  CHECK(error_of("x body:") ==
        Error{"'body:' needs a word or \"phrase\" right after it, as in body:hiring", 7});
}

TEST_CASE("query: FTS5 sees only quoted strings", "[query]") {
  CHECK(fts5("a") == "\"a\"");
  CHECK(fts5("a b") == "\"a\" AND \"b\"");
  CHECK(fts5("a OR b c") == "(\"a\" OR \"b\") AND \"c\"");
  CHECK(fts5("\"night shift\"") == "\"night shift\"");
  CHECK(fts5("onb*") == "\"onb\" *");
  CHECK(fts5("title:a") == "title : \"a\"");
  CHECK(fts5("a -b") == "(\"a\") NOT \"b\"");
  CHECK(fts5("a -b -c") == "(\"a\") NOT (\"b\" OR \"c\")");
  // FTS5 syntax typed by the user stays inside the quotes.
  CHECK(fts5("NEAR(a b)") == "\"NEAR(a\" AND \"b)\"");
  CHECK(fts5("a AND b") == "\"a\" AND \"AND\" AND \"b\"");
  CHECK(fts5("^a {title}:b") == "\"^a\" AND \"{title}:b\"");
  CHECK(fts5("a NOT b") == "\"a\" AND \"NOT\" AND \"b\"");
}

TEST_CASE("query: positive words are the plain words that may match", "[query]") {
  QueryParse parse = parse_query("a \"b c\" d* e OR f -g title:h");
  REQUIRE(parse.error.empty());
  CHECK(hros::positive_words(parse.query) == std::vector<std::string>{"a", "e", "f", "h"});
}
