// hros(1), written from the same command definitions as --help, so the two
// cannot drift apart. Prose that is not in the definitions (description,
// files, environment) is here, once.
#include "hros/man_page.hpp"

#include <fmt/format.h>

#include <cctype>

namespace hros {
namespace {

// Text for roff: backslashes written \e, a leading . or ' made literal.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    if (c == '\\') {
      out += "\\e";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

// An option or command name: its hyphens are real minus signs, so they can
// be searched for and copied.
std::string roff_name(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c == '-' ? std::string("\\-") : std::string(1, c);
  }
  return out;
}

std::string option_heading(const OptionSpec& option) {
  std::string names;
  for (const std::string& name : option.short_names) {
    names += (names.empty() ? "" : ", ") + fmt::format("\\fB\\-{}\\fR", roff_name(name));
  }
  for (const std::string& name : option.long_names) {
    names += (names.empty() ? "" : ", ") + fmt::format("\\fB\\-\\-{}\\fR", roff_name(name));
  }
  if (!option.positional.empty()) {
    names = fmt::format("\\fI{}\\fR", roff(option.positional));
  } else if (option.kind != ValueKind::none) {
    // CLI11 calls every string TEXT; the option's own name says more.
    std::string value = option.value_name;
    if ((value.empty() || value == "TEXT") && !option.long_names.empty()) {
      value.clear();
      for (char c : option.long_names.front()) {
        value += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
    names += fmt::format(" \\fI{}\\fR", roff(value));
  }
  if (option.repeatable) {
    names += "\\ ...";
  }
  return names;
}

std::string option_body(const OptionSpec& option) {
  std::string text = roff(option.description);
  if (!text.empty() && text.back() != '.') {
    text += '.';
  }
  if (!option.choices.empty() && option.kind == ValueKind::choice &&
      option.description.find(option.choices.front()) == std::string::npos) {
    std::string choices;
    for (const std::string& choice : option.choices) {
      choices += (choices.empty() ? "" : ", ") + choice;
    }
    text += fmt::format(" One of: {}.", roff(choices));
  }
  if (!option.default_value.empty() && option.kind != ValueKind::none) {
    text += fmt::format(" Default: \\fB{}\\fR.", roff(option.default_value));
  }
  return text;
}

std::string options_block(const std::vector<OptionSpec>& options) {
  std::string text;
  for (const OptionSpec& option : options) {
    text += fmt::format(".TP\n{}\n{}\n", option_heading(option), option_body(option));
  }
  return text;
}

std::string synopsis_of(const CommandSpec& command) {
  std::string text =
      fmt::format("\\fBhros\\fR [\\fIglobal options\\fR] \\fB{}\\fR", roff_name(command.name));
  if (!command.options.empty()) {
    text += " [\\fIoptions\\fR]";
  }
  for (const OptionSpec& positional : command.positionals) {
    std::string name =
        "\\fI" + roff(positional.positional) + "\\fR" + (positional.repeatable ? "\\ ..." : "");
    text += positional.required ? " " + name : " [" + name + "]";
  }
  return text;
}

// A footer's prose: paragraphs kept, the line breaks inside them not.
std::string prose_block(const std::string& prose) {
  std::string text;
  std::size_t begin = 0;
  while (begin < prose.size()) {
    std::size_t end = prose.find("\n\n", begin);
    if (end == std::string::npos) {
      end = prose.size();
    }
    text += ".PP\n" + roff(prose.substr(begin, end - begin)) + "\n";
    begin = end + 2;
  }
  return text;
}

std::string examples_block(const std::vector<std::string>& lines) {
  if (lines.empty()) {
    return "";
  }
  std::string text = ".PP\nExamples:\n.RS 4\n.nf\n";
  for (const std::string& line : lines) {
    text += roff(line) + "\n";
  }
  return text + ".fi\n.RE\n";
}

std::string commands_section(const CommandSpec& root) {
  std::string text = ".SH COMMANDS\n";
  for (const CommandSpec& command : root.commands) {
    text += fmt::format(".SS {}\n", roff_name(command.name));
    text += synopsis_of(command) + "\n.PP\n" + roff(command.description) + ".\n";
    std::vector<OptionSpec> all = command.positionals;
    all.insert(all.end(), command.options.begin(), command.options.end());
    text += options_block(all);
    text += prose_block(footer_prose(command.footer));
    text += examples_block(footer_examples(command.footer));
  }
  return text;
}

const char* const k_fixed_sections = R"(.SH EXIT STATUS
Every command keeps the same codes:
.TP
.B 0
Success.
.TP
.B 1
The command ran and found a problem: lint errors (or warnings with
\fB\-\-strict\fR), or no case matches.
.TP
.B 2
A usage error, or a file or I/O failure: an unknown option or value, a file
that cannot be read or written, a broken \fIhros.yaml\fR or schema.
.SH FILES
.TP
.I hros.yaml
The bank's configuration, looked for in the current directory and its
parents, as git looks for \fI.git\fR; \fB\-\-config\fR names another. It
names the cases directory (\fBcases:\fR), the schema (\fBschema:\fR), the
JSON Schema editors use (\fBjson_schema:\fR), rule severities
(\fBrules:\fR), \fBignore:\fR globs and templates for \fBhros new\fR.
Paths in it are relative to it.
.TP
.I cases/*.md
One case study per file: YAML front matter between \fB\-\-\-\fR lines, then
Markdown. The file name is the case's slug.
.TP
.I schema/hros.yaml
A bank's own schema, as \fBhros init\fR writes it: a copy of the built-in
one (\fBhros schema\fR prints the schema in force).
.TP
.I schema/hros.schema.json
The schema as JSON Schema, for editors (\fBhros schema \-\-format
json\-schema\fR).
.TP
.I $XDG_CACHE_HOME/hros/
Data hros can rebuild at any time, such as indexes (\fI~/.cache/hros/\fR
when \fBXDG_CACHE_HOME\fR is not set; \fBHROS_CACHE_DIR\fR overrides both).
Deleting it is always safe.
.SH ENVIRONMENT
.TP
.B NO_COLOR
When set and not empty, no colour, even on a terminal (\fB\-\-color always\fR
still colours).
.TP
.B TERM
A \fBdumb\fR terminal gets no colour.
.TP
.B HROS_CACHE_DIR
The cache directory, instead of \fI$XDG_CACHE_HOME/hros\fR.
.TP
.B XDG_CACHE_HOME
The base of the cache directory (default \fI~/.cache\fR).
)";

} // namespace

std::string man_page(const CommandSpec& root, const ManInfo& info) {
  std::string summary = root.description;
  if (summary.rfind("hros: ", 0) == 0) {
    summary.erase(0, 6);
  }
  while (!summary.empty() && summary.back() == '.') {
    summary.pop_back();
  }
  std::string text =
      fmt::format(".\\\" Generated by 'hros man' from hros's command definitions; regenerate, "
                  "don't edit.\n.TH HROS 1 \"\" \"hros {}\" \"User Commands\"\n",
                  roff(info.version));
  text += fmt::format(".SH NAME\nhros \\- {}\n", roff(summary));
  text += ".SH SYNOPSIS\n\\fBhros\\fR [\\fIglobal options\\fR] \\fIcommand\\fR "
          "[\\fIoptions\\fR] [\\fIarguments\\fR]\n";
  for (const CommandSpec& command : root.commands) {
    text += ".br\n" + synopsis_of(command) + "\n";
  }
  text += fmt::format(
      ".SH DESCRIPTION\n\\fBhros\\fR is the command-line toolkit of an open, git-hosted "
      "knowledge bank of HR and recruiting case studies. Each case is a Markdown file with "
      "YAML front matter; a schema (built in: \\fB{}\\fR version {}, or the bank's own) says "
      "which fields, values and sections a case has.\n.PP\n"
      "Diagnostics name the file, line and column, like a compiler, with the rule in "
      "brackets. Output meant for programs is chosen with \\fB\\-\\-format\\fR; colour is "
      "used only on a terminal.\n",
      roff(info.schema_name), info.schema_version);
  text += ".SH GLOBAL OPTIONS\nThese come before the command, or anywhere after it.\n";
  text += options_block(root.options);
  text += commands_section(root);
  text += k_fixed_sections;
  text += ".SH EXAMPLES\n";
  for (const CommandSpec& command : root.commands) {
    std::vector<std::string> examples = footer_examples(command.footer);
    if (examples.empty()) {
      continue;
    }
    text += ".PP\n.RS 4\n.nf\n";
    for (const std::string& line : examples) {
      text += roff(line) + "\n";
      if (line.empty() || line.back() != '\\') {
        break; // the first example, with its continuation lines
      }
    }
    text += ".fi\n.RE\n";
  }
  text += ".SH SEE ALSO\n\\fBgit\\fR(1); \\fBhros schema \\-\\-format markdown\\fR for the fields "
          "of the schema in force.\n";
  return text;
}

} // namespace hros
