// `hros new` on a real terminal: the binary runs on a pseudo-terminal (as a
// contributor's shell would run it) and the test types answers, corrects a
// wrong enum value, accepts defaults, and interrupts it. Every wait has a
// deadline, so a prompt that never comes fails the test instead of hanging.
#include "run_hros.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <poll.h>
#include <pty.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using hros::test::read_text;
using hros::test::TempDir;

namespace {

// The hros binary on the slave side of a pseudo-terminal.
class PtySession {
public:
  PtySession(const fs::path& cwd, const std::vector<std::string>& args) {
    fs::path home = cwd / "home";
    fs::create_directories(home);
    std::string config = (home / "gitconfig").string();
    {
      std::FILE* file = std::fopen(config.c_str(), "w");
      std::fputs("[user]\n\tname = Ola Nordmann\n", file);
      std::fclose(file);
    }
    // Made before the fork: the child may only make async-signal-safe calls.
    std::vector<std::string> environment = hros::test::environment_with(
        {"NO_COLOR=1", "TERM=dumb", "HOME=" + home.string(), "XDG_CONFIG_HOME=" + home.string(),
         "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + config});
    std::vector<char*> envp = hros::test::exec_array(environment);
    std::string binary = HROS_BINARY;
    std::vector<std::string> copies = {binary};
    copies.insert(copies.end(), args.begin(), args.end());
    std::vector<char*> argv = hros::test::exec_array(copies);
    m_pid = ::forkpty(&m_master, nullptr, nullptr, nullptr);
    if (m_pid == 0) {
      if (::chdir(cwd.c_str()) != 0) {
        ::_exit(127);
      }
      ::execve(binary.c_str(), argv.data(), envp.data());
      ::_exit(127);
    }
  }

  ~PtySession() {
    if (m_pid > 0 && !m_reaped) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, nullptr, 0);
    }
    if (m_master >= 0) {
      ::close(m_master);
    }
  }

  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  // Waits until `text` has been written after the last thing expected.
  bool expect(const std::string& text, double seconds = 10) {
    auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::duration<double>(seconds));
    while (true) {
      std::size_t found = m_output.find(text, m_seen);
      if (found != std::string::npos) {
        m_seen = found + text.size();
        return true;
      }
      if (!read_some(deadline)) {
        UNSCOPED_INFO("waited for: " << text << "\noutput so far:\n" << m_output);
        return false;
      }
    }
  }

  void send(const std::string& text) {
    REQUIRE(::write(m_master, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  }

  // The exit code (128 + signal when killed), or -1 after the deadline.
  int wait_exit(double seconds = 10) {
    auto deadline =
        std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::duration<double>(seconds));
    while (std::chrono::steady_clock::now() < deadline) {
      read_some(std::chrono::steady_clock::now() + std::chrono::milliseconds(50));
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_reaped = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
    }
    return -1;
  }

  const std::string& output() const { return m_output; }

private:
  // Reads what is there; false at the deadline or when the terminal closed.
  bool read_some(std::chrono::steady_clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return false;
    }
    pollfd poller{m_master, POLLIN, 0};
    if (::poll(&poller, 1, static_cast<int>(left.count())) <= 0) {
      return false;
    }
    char buffer[4096];
    ssize_t count = ::read(m_master, buffer, sizeof buffer);
    if (count <= 0) {
      return false;
    }
    for (ssize_t i = 0; i < count; ++i) {
      if (buffer[i] != '\r') { // the terminal turns "\n" into "\r\n"
        m_output += buffer[i];
      }
    }
    return true;
  }

  int m_master = -1;
  pid_t m_pid = -1;
  bool m_reaped = false;
  std::string m_output;
  std::size_t m_seen = 0;
};

// Files in `dir`, hidden ones (a temporary file) included, but not home/.
std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    std::string relative = fs::relative(entry.path(), dir).string();
    if (relative.rfind("home", 0) != 0) {
      names.push_back(relative);
    }
  }
  return names;
}

} // namespace

TEST_CASE("new pty: a contributor answers the questions", "[new][pty]") {
  TempDir dir;
  PtySession session(dir.path(), {"new"});
  REQUIRE(session.expect("title: What you did"));
  REQUIRE(session.expect("title> "));
  session.send("Four-day week for our support team\n");
  REQUIRE(session.expect("   1) case-study   2) spark\n"));
  REQUIRE(session.expect("kind> "));
  session.send("sprk\n");
  REQUIRE(session.expect("  ! unknown kind 'sprk'; did you mean 'spark'?\nkind> "));
  session.send("2\n");
  REQUIRE(session.expect("organization> "));
  session.send("Example Support Co\n");
  REQUIRE(session.expect("industry> "));
  session.send("fin\n");
  REQUIRE(session.expect("  ! 'fin' could be financial-services or fintech; type more of it"));
  REQUIRE(session.expect("industry> "));
  session.send("techn\n");
  REQUIRE(session.expect("company_size> "));
  session.send("3\n");
  REQUIRE(session.expect("regions> "));
  session.send("us, no\n");
  REQUIRE(session.expect("topics> "));
  session.send("wellbeing, 19\n");
  REQUIRE(session.expect("authors 1 name [Ola Nordmann]> "));
  session.send("\n");
  REQUIRE(session.expect("authors 1 role (Enter skips)> "));
  session.send("Head of People\n");
  REQUIRE(session.expect("authors 1 email (Enter skips)> "));
  session.send("\n");
  REQUIRE(session.expect("authors 1 url (Enter skips)> "));
  session.send("\n");
  REQUIRE(session.expect("Add another to authors? [y/N]> "));
  session.send("\n");
  REQUIRE(session.expect("status [draft]> "));
  session.send("\n");
  REQUIRE(session.expect("summary> "));
  session.send("Too short.\n");
  REQUIRE(session.expect("  ! 'summary' is too short: 10 characters, at least 40 expected"));
  REQUIRE(session.expect("summary> "));
  session.send("We tried a four-day week for six months with 40 agents; here is what happened.\n");
  REQUIRE(session.expect("Fill in optional fields too"));
  session.send("n\n");
  REQUIRE(session.expect("hros: wrote cases/four-day-week-for-our-support-team.md\n"));
  CHECK(session.wait_exit() == 0);
  std::string text = read_text(dir.path() / "cases/four-day-week-for-our-support-team.md");
  CHECK(text.substr(0, text.find("## What")) ==
        "---\n"
        "title: Four-day week for our support team\n"
        "kind: spark\n"
        "organization: Example Support Co\n"
        "industry: technology\n"
        "company_size: 51-200\n"
        "regions: [US, \"NO\"]\n"
        "topics: [wellbeing, retention]\n"
        "authors:\n"
        "  - name: Ola Nordmann\n"
        "    role: Head of People\n"
        "status: draft\n"
        "summary: We tried a four-day week for six months with 40 agents; here is what "
        "happened.\n"
        "---\n\n");
  hros::test::RunOptions options;
  options.cwd = dir.path();
  hros::test::RunResult lint =
      hros::test::run_hros({"lint", "cases/four-day-week-for-our-support-team.md"}, options);
  CHECK(lint.out.find("4 errors and 0 warnings") != std::string::npos);
  CHECK(lint.out.find("[sections.empty]") != std::string::npos);
}

TEST_CASE("new pty: flags given are not asked and a taken slug is asked again", "[new][pty]") {
  TempDir dir;
  dir.write("cases/four-day-week-for-our-support-team.md", "mine\n");
  PtySession session(dir.path(),
                     {"new", "--kind", "spark", "--title", "Four-day week for our support team",
                      "--set", "organization=Example Support Co", "--set", "industry=technology",
                      "--set", "company_size=51-200"});
  REQUIRE(session.expect("regions> "));
  CHECK(session.output().find("title> ") == std::string::npos);
  session.send("US\n");
  REQUIRE(session.expect("topics> "));
  session.send("wellbeing\n");
  REQUIRE(session.expect("authors 1 name [Ola Nordmann]> "));
  session.send("\n\n\n\n\n\n"); // name, role, email, url, no other author, status
  REQUIRE(session.expect("summary> "));
  session.send("We tried a four-day week for six months with 40 agents; here is what happened.\n");
  REQUIRE(session.expect("Fill in optional fields too"));
  session.send("y\n");
  REQUIRE(session.expect("example (Enter skips)> "));
  session.send("perhaps\n");
  REQUIRE(session.expect("  ! 'example' should be yes or no, not 'perhaps'\n"));
  session.send("yes\n");
  REQUIRE(session.expect("published (Enter skips)> "));
  session.send("\n\n\n"); // published, updated, license
  REQUIRE(session.expect("Add metrics? [y/N]> "));
  session.send("\n");
  REQUIRE(session.expect("tools (Enter skips)> "));
  session.send("Greenhouse, Notion\n\n"); // and no website
  REQUIRE(session.expect("cases/four-day-week-for-our-support-team.md already exists"));
  REQUIRE(session.expect("file name (slug, e.g. my-team-case)> "));
  session.send("../oops\n");
  REQUIRE(session.expect("  ! cannot use '../oops': it contains a directory separator"));
  session.send("four-day-week\n");
  REQUIRE(session.expect("hros: wrote cases/four-day-week.md\n"));
  CHECK(session.wait_exit() == 0);
  std::string text = read_text(dir.path() / "cases/four-day-week.md");
  CHECK(text.find("example: true\n") != std::string::npos);
  CHECK(text.find("tools: [Greenhouse, Notion]\n") != std::string::npos);
  CHECK(read_text(dir.path() / "cases/four-day-week-for-our-support-team.md") == "mine\n");
}

TEST_CASE("new pty: Ctrl-C mid-way leaves no file", "[new][pty]") {
  TempDir dir;
  PtySession session(dir.path(), {"new"});
  REQUIRE(session.expect("title> "));
  session.send("Four-day week for our support team\n");
  REQUIRE(session.expect("kind> "));
  session.send("2\n");
  REQUIRE(session.expect("organization> "));
  session.send("\x03");
  REQUIRE(session.expect("hros: interrupted; nothing was written"));
  CHECK(session.wait_exit() == 130);
  CHECK(files_in(dir.path()).empty());
}

TEST_CASE("new pty: end of input mid-way leaves no file", "[new][pty]") {
  TempDir dir;
  PtySession session(dir.path(), {"new", "my-case"});
  REQUIRE(session.expect("title> "));
  session.send("Four-day week for our support team\n");
  REQUIRE(session.expect("kind> "));
  session.send("\x04");
  REQUIRE(session.expect("hros: error: the input ended before the last question; nothing was "
                         "written"));
  CHECK(session.wait_exit() == 2);
  CHECK(files_in(dir.path()).empty());
}

TEST_CASE("new pty: a taken slug is refused before any question", "[new][pty]") {
  TempDir dir;
  dir.write("cases/my-case.md", "mine\n");
  PtySession session(dir.path(), {"new", "my-case"});
  REQUIRE(session.expect("hros: error: cases/my-case.md already exists"));
  CHECK(session.wait_exit() == 2);
  CHECK(session.output().find("> ") == std::string::npos);
  CHECK(read_text(dir.path() / "cases/my-case.md") == "mine\n");
}

TEST_CASE("new pty: --no-input never prompts on a terminal", "[new][pty]") {
  TempDir dir;
  PtySession session(dir.path(), {"new", "--no-input"});
  REQUIRE(session.expect("hros: error: missing required fields title, kind"));
  CHECK(session.wait_exit() == 2);
  CHECK(session.output().find("> ") == std::string::npos);
}
