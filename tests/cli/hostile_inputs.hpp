#pragma once

// Generators of hostile input for `hros lint`. Big inputs are generated at
// test time, never committed.

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hros::test::hostile {

// True when the tests run under sanitizers: HROS_TEST_SANITIZED=1 in the
// environment (the CI script sets it for the ASan+UBSan run), or this test
// binary itself was compiled with AddressSanitizer.
bool sanitized();
// Factors applied to time and memory bounds: 1 normally, larger under sanitizers.
double time_scale();
double memory_scale();

std::string repeat(std::string_view unit, std::size_t count);

// A valid spark, taken from the bundled cases/, split at its front matter.
// `front` is the YAML between the `---` lines (ending in a newline), `body`
// everything after the closing `---` line.
struct CaseParts {
  std::string front;
  std::string body;
};

// The base spark with its `slug:` set to `slug` and its title made unique by
// the slug, so that many copies can live in one bank.
CaseParts base_parts(const std::string& slug);

// "---\n" + front + extra_front + "---\n" + body + extra_body.
std::string make_case(const std::string& slug, const std::string& extra_front = "",
                      const std::string& extra_body = "");
std::string assemble(const CaseParts& parts);

// The 1-based line on which the front matter's extra fields (appended by
// make_case) start, i.e. the line after the last base field.
int extra_front_line(const std::string& slug);

// 1-based line and column of a byte offset.
struct LineColumn {
  int line = 0;
  int column = 0;
};
LineColumn line_column(std::string_view text, std::size_t offset);

// Replaces the first occurrence of `from` (which must exist) by `to`.
std::string replace_first(std::string text, std::string_view from, std::string_view to);

// ---- front matter (each returns YAML lines to append to the front matter) ----
std::string flow_sequence_nesting(std::size_t depth);  // deep: [[[...]]]
std::string flow_mapping_nesting(std::size_t depth);   // deep: {a: {a: ...}}
std::string block_sequence_nesting(std::size_t depth); // deep:\n- - - ... x
std::string block_mapping_nesting(std::size_t depth);  // deep:\n a:\n  a:\n ...
std::string billion_laughs(int levels, int width);     // a: &a [...], b: &b [*a,...]
std::string many_keys(std::size_t count);              // k0: v ... k{n-1}: v
std::string big_scalar(std::size_t bytes);             // notes: "yyyy..."

// ---- Markdown bodies ----
std::string backtick_runs(std::size_t longest);            // e` e`` e``` ...
std::string link_reference_definitions(std::size_t count); // [r0]: /u0 ... and uses
std::string unique_links(std::size_t count);               // [a](u0) [a](u1) ...
std::string reshaped_links(std::size_t count);             // [a](a\(b): url differs from source
std::string nested_list_lines(std::size_t depth);          // "  "*i + "* a"

// ---- raw bytes ----
std::string random_bytes(std::size_t size, std::uint64_t seed);
// UTF-8 to UTF-16 with a byte order mark.
std::string utf16_with_bom(std::string_view utf8, bool big_endian);
// A valid case body padded with ordinary paragraphs to about `bytes` in total.
std::string big_valid_case(const std::string& slug, std::size_t bytes);

// The head and tail of a long text, for test logs.
std::string abbreviate(const std::string& text, std::size_t keep = 3000);

} // namespace hros::test::hostile
