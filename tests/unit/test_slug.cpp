// Slugs from titles and the slugs a user may type, as `hros new` uses them.
#include "hros/slug.hpp"

#include <catch2/catch.hpp>

#include <string>

using hros::slug_from_title;
using hros::slug_problem;

TEST_CASE("slug: a title becomes lowercase words joined by hyphens", "[new][slug]") {
  CHECK(slug_from_title("Opening our interview playbook to every candidate") ==
        "opening-our-interview-playbook-to-every-candidate");
  CHECK(slug_from_title("  Structured: interviews #1 (pilot)!  ") ==
        "structured-interviews-1-pilot");
  CHECK(slug_from_title("What didn't work") == "what-didnt-work");
  CHECK(slug_from_title("What didn\xE2\x80\x99t work") == "what-didnt-work");
}

TEST_CASE("slug: Latin accents are transliterated to ASCII", "[new][slug]") {
  CHECK(slug_from_title("Café crème brûlée") == "cafe-creme-brulee");
  CHECK(slug_from_title("Straße Ærø Łódź") == "strasse-aero-lodz");
  CHECK(slug_from_title("Østfold Sjø") == "ostfold-sjo");
}

TEST_CASE("slug: characters it cannot keep only separate words", "[new][slug]") {
  CHECK(slug_from_title("招聘") == "");
  CHECK(slug_from_title("HR 招聘 pilot") == "hr-pilot");
  CHECK(slug_from_title("../../etc/passwd") == "etc-passwd");
  CHECK(slug_from_title("a\x01"
                        "b\xFF"
                        "c") == "a-b-c");
}

TEST_CASE("slug: long titles are cut at a hyphen", "[new][slug]") {
  std::string title = "A very long title about how our people team rebuilt onboarding for "
                      "every warehouse in three countries";
  std::string slug = slug_from_title(title);
  CHECK(slug == "a-very-long-title-about-how-our-people-team-rebuilt");
  CHECK(slug.size() <= hros::k_max_slug_length);
  CHECK(slug_from_title(std::string(80, 'x')) == std::string(60, 'x'));
  CHECK(slug_from_title("abc def", 5) == "abc");
}

TEST_CASE("slug: a typed slug must be a plain valid file name", "[new][slug]") {
  CHECK_FALSE(slug_problem("structured-interviews"));
  CHECK_FALSE(slug_problem("q3-2024"));
  CHECK(*slug_problem("") == "it is empty");
  CHECK(*slug_problem("/etc/x") == "it is an absolute path; give a file name only");
  CHECK(*slug_problem("a/b") == "it contains a directory separator; give a file name only");
  CHECK(*slug_problem("a\\b") == "it contains a directory separator; give a file name only");
  CHECK(*slug_problem("..") == "it contains '..'");
  CHECK(*slug_problem("a\nb") == "it contains a control character");
  CHECK(*slug_problem("a\x7f") == "it contains a control character");
  CHECK(*slug_problem("My Case") ==
        "use lowercase letters, digits and single hyphens, e.g. 'my-case'");
  CHECK(*slug_problem("a--b") == "use lowercase letters, digits and single hyphens, e.g. 'a-b'");
  CHECK(*slug_problem("-a") == "use lowercase letters, digits and single hyphens, e.g. 'a'");
}
