// `hros show` on tests/data/show/cases: a lint-clean case that uses every
// Markdown construct the renderer draws (lists nested and numbered from 3,
// a quote holding a list, code with a tab, wide and combining characters, a
// word longer than a line, HTML to drop, metrics with decimals, a "%" unit, a
// zero and a missing "before"); a case whose title, authors, summary, metric
// and body carry escape sequences, C1 controls and bidi overrides; one filed
// in a subfolder; and one whose front matter is never closed. The expected
// layouts are in tests/data/show/expected.
#include "hostile_inputs.hpp"
#include "run_hros.hpp"

#include "hros/terminal_text.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <poll.h>
#include <pty.h>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using hros::test::data_dir;
using hros::test::read_text;
using hros::test::run_hros;
using hros::test::RunOptions;
using hros::test::RunResult;
using hros::test::TempDir;

namespace {

RunOptions utf8_locale() {
  RunOptions options;
  options.env = {"LANG=C.UTF-8"};
  return options;
}

const std::string k_rich = "rich-markdown-case";

RunResult show(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) {
  std::vector<std::string> full = {"--root", "show/cases", "show"};
  full.insert(full.end(), args.begin(), args.end());
  RunOptions options;
  options.env = {"LANG=C.UTF-8", "LC_ALL=", "LC_CTYPE=", "COLUMNS="};
  options.env.insert(options.env.end(), env.begin(), env.end());
  return run_hros(full, options);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    lines.push_back(line);
  }
  return lines;
}

std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0;
  for (const std::string& line : lines_of(text)) {
    widest = std::max(widest, hros::display_width(line));
  }
  return widest;
}

// What is left of colour output once the sequences hros writes (SGR and
// OSC 8 hyperlinks with a printable target) are taken out.
std::string without_own_sequences(const std::string& text) {
  static const std::regex k_own("\x1b\\[[0-9;]*m|\x1b\\]8;;[!-~]*\x1b\\\\");
  return std::regex_replace(text, k_own, "");
}

// Control characters other than '\n', and bidi overrides, in `text`.
std::size_t unsafe_characters(const std::string& text) {
  std::size_t found = 0;
  for (std::size_t i = 0; i < text.size();) {
    hros::CodePoint point = hros::decode_utf8(text, i);
    char32_t c = point.value;
    bool control = (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F);
    bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    found += control || bidi ? 1 : 0;
    i += point.length;
  }
  return found;
}

} // namespace

TEST_CASE("show: help documents the formats, the pager and the exit status", "[show]") {
  RunResult result = run_hros({"show", "--help"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("Exit status: 0 case shown, 1 no such case, 2 usage or I/O error.") !=
        std::string::npos);
  CHECK(result.out.find("text (laid out for the terminal), markdown (the file) or json") !=
        std::string::npos);
  CHECK(result.out.find("--no-pager") != std::string::npos);
  CHECK(result.out.find("Examples:") != std::string::npos);
}

TEST_CASE("show: a case laid out for a UTF-8 terminal 60 columns wide", "[show]") {
  RunResult result = show({k_rich, "--width", "60"});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  CHECK(result.out == read_text(data_dir() / "show/expected/rich-markdown-case.utf8-60.txt"));
}

TEST_CASE("show: without a UTF-8 locale bullets rules and bars are ASCII", "[show]") {
  RunResult result = show({k_rich, "--width", "48"}, {"LANG=C"});
  CHECK(result.exit_code == 0);
  CHECK(result.out == read_text(data_dir() / "show/expected/rich-markdown-case.ascii-48.txt"));
}

TEST_CASE("show: every line fits the width, a URL aside", "[show]") {
  for (const char* width : {"30", "45", "72", "100"}) {
    RunResult result = show({k_rich, "--width", width});
    CHECK(result.exit_code == 0);
    for (const std::string& line : lines_of(result.out)) {
      if (line.find("://") == std::string::npos) {
        INFO("width " << width << ": " << line);
        CHECK(hros::display_width(line) <= std::stoul(width));
      }
    }
  }
}

TEST_CASE("show: wide characters take two columns and are never split", "[show]") {
  RunResult result = show({k_rich, "--width", "40"});
  CHECK(result.out.find("Wide characters: \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") !=
        std::string::npos);
  // 17 columns of ASCII, then 11 wide characters (22 columns) fill 39 of 40.
  CHECK(result.out.find("\xE3\x81\xAF\xE4\xBA\x8C\xE5\x88\x97\n") != std::string::npos);
  CHECK(result.out.find("combining: cafe\xCC\x81 caf\xC3\xA9.") != std::string::npos);
  CHECK(unsafe_characters(result.out) == 0);
  for (const std::string& line : lines_of(result.out)) {
    CHECK(hros::decode_utf8(line, 0).length > 0);
    std::string round_trip = hros::terminal_safe(line);
    CHECK(round_trip == line); // valid UTF-8 throughout: no sequence was cut
  }
}

TEST_CASE("show: the width comes from --width, then COLUMNS, else 80", "[show]") {
  CHECK(widest_line(show({k_rich}, {"COLUMNS=50"}).out) <= 50);
  CHECK(widest_line(show({k_rich}, {"COLUMNS=50"}).out) > 40);
  std::size_t fallback = widest_line(show({k_rich}).out);
  CHECK(fallback <= 80);
  CHECK(fallback > 70);
  CHECK(widest_line(show({k_rich, "--width", "44"}, {"COLUMNS=100"}).out) <= 44);
  // 0: paragraphs are not wrapped at all.
  RunResult unwrapped = show({k_rich, "--width", "0"});
  CHECK(unwrapped.out.find("A case that uses every Markdown construct the renderer draws, so the "
                           "tests can see each one.\n") != std::string::npos);
}

TEST_CASE("show: colour is ANSI styles and OSC 8 hyperlinks instead of URLs", "[show]") {
  RunResult result = show({k_rich, "--width", "80"}, {"NO_COLOR="});
  CHECK(result.out.find('\x1b') == std::string::npos); // not a terminal: no colour
  RunResult color =
      run_hros({"--color", "always", "--root", "show/cases", "show", k_rich, "--width", "80"},
               utf8_locale());
  CHECK(color.exit_code == 0);
  CHECK(color.out.find("\x1b[1;4mWhat\x1b[0m\n") != std::string::npos);
  CHECK(color.out.find("\x1b[1mbold words\x1b[0m") != std::string::npos);
  CHECK(color.out.find("\x1b[3mitalic words\x1b[0m") != std::string::npos);
  CHECK(color.out.find("\x1b[36minline code\x1b[0m") != std::string::npos);
  CHECK(color.out.find("\x1b]8;;https://example.org/guide\x1b\\\x1b[4;34mlink to the") !=
        std::string::npos);
  CHECK(color.out.find("<https://example.org/guide>") == std::string::npos);
  // A relative link means nothing to a terminal: it stays visible as text.
  CHECK(color.out.find("\x1b[4;34m[image: team photo]\x1b[0m") != std::string::npos);
  CHECK(color.out.find("\x1b[2m<images/team.png>") != std::string::npos);
  CHECK(color.out.find("\x1b]8;;images") == std::string::npos);
  // Without the sequences, the text is what a plain terminal shows.
  CHECK(without_own_sequences(color.out).find("Offer acceptance rate") != std::string::npos);
  CHECK(unsafe_characters(without_own_sequences(color.out)) == 0);
}

TEST_CASE("show: escape sequences controls and bidi overrides in a case come out inert", "[show]") {
  for (const char* when : {"never", "always"}) {
    RunResult result = run_hros(
        {"--color", when, "--root", "show/cases", "show", "hostile-escapes", "--width", "70"},
        utf8_locale());
    INFO(when << "\n" << result.out);
    CHECK(result.exit_code == 0);
    std::string visible = without_own_sequences(result.out);
    CHECK(unsafe_characters(visible) == 0);
    CHECK(visible.find('\x1b') == std::string::npos);
    CHECK(visible.find('\x07') == std::string::npos);
    // The text is still there, with a visible mark where each control was.
    CHECK(visible.find("Hostile \xEF\xBF\xBD[31mred\xEF\xBF\xBD[0m title") != std::string::npos);
    CHECK(visible.find("Mallory \xEF\xBF\xBD"
                       "evil\xEF\xBF\xBD") != std::string::npos);
    CHECK(visible.find("a C1 \xEF\xBF\xBD"
                       "2J control") != std::string::npos);
    CHECK(visible.find("code \xEF\xBF\xBD[2J clear") != std::string::npos);
    // No hyperlink of the case's own making survives, only the real link.
    CHECK(result.out.find("evil.example\x1b") == std::string::npos);
  }
}

TEST_CASE("show: markdown is the file byte for byte when not on a terminal", "[show]") {
  for (const char* slug : {"rich-markdown-case", "hostile-escapes"}) {
    RunResult result = show({slug, "--format", "markdown"});
    CHECK(result.exit_code == 0);
    CHECK(result.out == read_text(data_dir() / "show/cases" / (std::string(slug) + ".md")));
  }
}

TEST_CASE("show: json holds the typed front matter, the body and the sections", "[show]") {
  RunResult result = show({k_rich, "--format", "json"});
  CHECK(result.exit_code == 0);
  const std::string script = R"(import json, sys
case = json.load(open(sys.argv[1], encoding='utf-8'))
print(case['slug'], case['path'], case['kind'], case['company_size'])
print(case['title'])
print(case['regions'], case['published'], case['example'])
print([(m['name'], m.get('before'), m.get('after')) for m in case['metrics']])
print(case['body'].startswith('<!-- guidance'), case['body'].endswith('4) and four\n'))
print([(s['title'], s['line']) for s in case['sections']])
print(repr(case['sections'][0]['text']))
print(case['sections'][1]['text'].splitlines()[0])
print('1. First numbered step' in case['sections'][1]['text'])
print('  - a nested bullet' in case['sections'][1]['text'])
print('<https://example.org/guide>' in case['sections'][1]['text'])
)";
  CHECK(hros::test::python_on(script, result.out) ==
        "rich-markdown-case show/cases/rich-markdown-case.md spark 11-50\n"
        "Rich Markdown for the terminal renderer\n"
        "['SE', 'JP'] 2024-05-02 True\n"
        "[('Time to first delivery', 24, 11), ('Offer acceptance rate', 71.5, 84), "
        "('New tools adopted', 0, 3), ('Team mood', None, 4.2)]\n"
        "True True\n"
        "[('', 38), ('What', 40), ('Results', 70), (\"What didn't work\", 75), "
        "('Learnings', 79)]\n"
        "'This is an example case about a fictional organisation.'\n"
        "We wrote a handbook with bold words, italic words, inline code, a link to the guide "
        "<https://example.org/guide> and an autolink https://example.org/auto. An image: [image: "
        "team photo] <images/team.png>. Inline HTML is dropped. A hard break follows\n"
        "True\n"
        "True\n"
        "True\n");
}

TEST_CASE("show: json of a hostile case escapes its controls", "[show]") {
  RunResult result = show({"hostile-escapes", "--format", "json"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find('\x1b') == std::string::npos);
  const std::string script = R"(import json, sys
case = json.load(open(sys.argv[1], encoding='utf-8'))
print(repr(case['title']))
print('\x1b[31m' in case['body'])
)";
  CHECK(hros::test::python_on(script, result.out) ==
        "'Hostile \\x1b[31mred\\x1b[0m title\\x1b]0;pwned\\x07'\nTrue\n");
}

TEST_CASE("show: an unknown slug exits 1 with a suggestion", "[show]") {
  RunResult result = show({"rich-markdwn-case"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "hros: error: no case 'rich-markdwn-case' in show/cases; did you mean "
                      "'rich-markdown-case'?\n");
  RunResult far = show({"nothing-like-any-case"});
  CHECK(far.exit_code == 1);
  CHECK(far.err == "hros: error: no case 'nothing-like-any-case' in show/cases\n");
  // A case in a subfolder is suggested too: the suggestion walks the bank.
  RunResult sub = show({"filed-in-a-subfoldr"});
  CHECK(sub.err.find("did you mean 'filed-in-a-subfolder'?") != std::string::npos);
}

TEST_CASE("show: a case in a subfolder is found by walking the bank", "[show]") {
  RunResult result = show({"filed-in-a-subfolder", "--width", "80"});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("A case filed in a subfolder of the bank\n") == 0);
  CHECK(result.out.find("File          show/cases/archive/filed-in-a-subfolder.md\n") !=
        std::string::npos);
}

TEST_CASE("show: a path to a file works as well as a slug", "[show]") {
  RunResult by_path = show({"show/cases/rich-markdown-case.md", "--width", "60"});
  CHECK(by_path.exit_code == 0);
  CHECK(by_path.out == show({k_rich, "--width", "60"}).out);
  // "x.md" not in the working directory is looked up in the cases directory.
  RunResult by_name = show({"rich-markdown-case.md", "--width", "60"});
  CHECK(by_name.exit_code == 0);
  CHECK(by_name.out == by_path.out);
  RunResult missing = show({"show/cases/no-such-file.md"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err.find("hros: error: ") == 0);
  CHECK(missing.err.find("no-such-file.md") != std::string::npos);
}

TEST_CASE("show: a broken front matter is a warning and the text is still shown", "[show]") {
  RunResult result = show({"unclosed-front-matter", "--width", "60"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.find("hros: warning: show/cases/unclosed-front-matter.md: ") == 0);
  CHECK(result.err.find("(run 'hros lint')") != std::string::npos);
  CHECK(result.out.find("The body is still shown.") != std::string::npos);
  RunResult quiet = run_hros({"-q", "--root", "show/cases", "show", "unclosed-front-matter"});
  CHECK(quiet.err.empty());
}

TEST_CASE("show: usage errors exit 2", "[show]") {
  RunResult format = show({k_rich, "--format", "html"});
  CHECK(format.exit_code == 2);
  CHECK(format.err == "hros: error: unknown format 'html'; use text, markdown or json\n");
  RunResult narrow = show({k_rich, "--width", "5"});
  CHECK(narrow.exit_code == 2);
  CHECK(narrow.err == "hros: error: --width: 5 is too narrow; give 20 or more, or 0 not to wrap\n");
  RunResult none = show({});
  CHECK(none.exit_code == 2);
  RunResult no_bank = run_hros({"--root", "no/such/dir", "show", "anything"});
  CHECK(no_bank.exit_code == 2);
  CHECK(no_bank.err.find("no cases directory at") != std::string::npos);
}

namespace {

// Runs hros on a 24-row pseudo-terminal and returns what it wrote there.
std::string run_on_terminal(const std::vector<std::string>& args,
                            const std::vector<std::string>& env, int& exit_code) {
  winsize size{};
  size.ws_row = 24;
  size.ws_col = 80;
  int master = -1;
  pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
  if (pid == 0) {
    if (::chdir(data_dir().c_str()) != 0) {
      ::_exit(127);
    }
    ::setenv("NO_COLOR", "1", 1);
    ::setenv("TERM", "dumb", 1);
    ::setenv("LANG", "C.UTF-8", 1);
    for (const std::string& entry : env) {
      std::size_t equals = entry.find('=');
      ::setenv(entry.substr(0, equals).c_str(), entry.substr(equals + 1).c_str(), 1);
    }
    std::string binary = HROS_BINARY;
    std::vector<std::string> copies = args;
    std::vector<char*> argv{binary.data()};
    for (std::string& arg : copies) {
      argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  std::string output;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd poll_fd{master, POLLIN, 0};
    if (::poll(&poll_fd, 1, 100) > 0) {
      char buffer[4096];
      ssize_t count = ::read(master, buffer, sizeof buffer);
      if (count <= 0) {
        break; // the child and everything it started have closed the terminal
      }
      output.append(buffer, static_cast<std::size_t>(count));
    }
  }
  int status = 0;
  if (::waitpid(pid, &status, WNOHANG) == 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  ::close(master);
  return output;
}

} // namespace

TEST_CASE("show: on a terminal a long case goes through PAGER without a shell", "[show]") {
  TempDir temp;
  std::string paged = (temp.path() / "paged.txt").string();
  // tee copies its input to the file: the pager received the text. The
  // semicolon is a word of tee's arguments, not a shell command separator.
  int exit_code = -1;
  std::string screen =
      run_on_terminal({"--root", "show/cases", "show", k_rich}, {"PAGER=tee " + paged}, exit_code);
  CHECK(exit_code == 0);
  std::string received = read_text(paged);
  CHECK(received.find("Rich Markdown for the terminal renderer\n") == 0);
  CHECK(received.find("4) and four\n") != std::string::npos);

  // $PAGER is split into words, never given to a shell.
  std::string marker = (temp.path() / "marker").string();
  std::string shelled = (temp.path() / "shelled.txt").string();
  run_on_terminal(
      {"--root", "show/cases", "show", k_rich},
      {"PAGER=tee " + shelled + " " + temp.path().string() + "/$(touch " + marker + ")"},
      exit_code);
  CHECK(exit_code == 0);
  CHECK(read_text(shelled) == received);
  CHECK_FALSE(std::filesystem::exists(marker));

  // A pager that cannot be started: the text goes to the terminal instead.
  std::string direct = run_on_terminal({"--root", "show/cases", "show", k_rich},
                                       {"PAGER=/no/such/pager -R"}, exit_code);
  CHECK(exit_code == 0);
  CHECK(direct.find("4) and four") != std::string::npos);

  // --no-pager writes straight to the terminal; a short case is never paged.
  std::string unpaged = (temp.path() / "unpaged.txt").string();
  run_on_terminal({"--root", "show/cases", "show", k_rich, "--no-pager"}, {"PAGER=tee " + unpaged},
                  exit_code);
  CHECK(exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(unpaged));
  std::string text = run_on_terminal({"--root", "show/cases", "show", "unclosed-front-matter"},
                                     {"PAGER=tee " + unpaged}, exit_code);
  CHECK(exit_code == 0);
  CHECK(text.find("The body is still shown.") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(unpaged));
}

TEST_CASE("show: hostile Markdown is laid out in bounded time and memory", "[show]") {
  TempDir temp;
  const std::string front = "---\ntitle: Hostile layout\n---\n";
  struct Input {
    const char* name;
    std::string body;
  };
  std::vector<Input> inputs = {
      // Emphasis nested 200,000 deep: the inline walk keeps its own stack.
      {"deep-emphasis.md", std::string(400000, '*') + "a" + std::string(400000, '*') + "\n"},
      // Quotes and lists 5,000 deep: the guard reads them as text past 32.
      {"deep-containers.md",
       [] {
         std::string text;
         for (int i = 0; i < 5000; ++i) {
           text += "> - ";
         }
         return text + "deep\n";
       }()},
      {"many-links.md",
       [] {
         std::string text;
         for (int i = 0; i < 40000; ++i) {
           text += "[a](https://x.example) ";
         }
         return text + "\n";
       }()},
      {"one-long-word.md", std::string(900000, 'x') + "\n"},
  };
  for (const Input& input : inputs) {
    auto file = temp.write(input.name, front + input.body);
    RunOptions options;
    options.timeout_seconds = 20;
    RunResult result = run_hros({"show", file.string(), "--width", "80"}, options);
    INFO(input.name << ": " << result.err);
    CHECK(result.exit_code == 0);
    CHECK_FALSE(result.timed_out);
    // CPU time, not wall time: a busy machine must not fail the test.
    CHECK(result.cpu_seconds < 10 * hros::test::hostile::time_scale());
    CHECK(result.max_rss_kb < 300 * 1024 * hros::test::hostile::memory_scale());
    CHECK(result.out.find("Hostile layout\n") == 0);
  }
}

TEST_CASE("show: markdown on a terminal is made inert and keeps its lines", "[show]") {
  int exit_code = -1;
  std::string screen = run_on_terminal(
      {"--root", "show/cases", "show", "hostile-escapes", "--format", "markdown", "--no-pager"}, {},
      exit_code);
  CHECK(exit_code == 0);
  CHECK(screen.find('\x1b') == std::string::npos);
  CHECK(screen.find("Body with \xEF\xBF\xBD[31mred") != std::string::npos);

  TempDir temp;
  auto crlf = temp.write("crlf-case.md", "---\r\ntitle: Windows line endings\r\n---\r\n## What\r\n"
                                         "\r\nText.\r\n");
  screen =
      run_on_terminal({"show", crlf.string(), "--format", "markdown", "--no-pager"}, {}, exit_code);
  CHECK(exit_code == 0);
  CHECK(screen.find("title: Windows line endings") != std::string::npos);
  CHECK(screen.find("\xEF\xBF\xBD") == std::string::npos);
}
