#include "hros/rules.hpp"

namespace hros {

const std::vector<RuleInfo>& lint_rules() {
  static const std::vector<RuleInfo> k_rules = {
      {"file.read", "the file or directory cannot be read"},
      {"file.too-large", "the file is too large to be a case"},
      {"file.encoding", "the file is not UTF-8 text (NUL bytes, UTF-16, invalid UTF-8)"},
      {"file.symlink", "a symlink leaves the cases directory and is skipped"},
      {"file.too-many-problems",
       "more than 100 problems in one file; the rest are counted, not shown"},
      {"file.extension", "a Markdown file not named .md, which is not checked"},
      {"frontmatter.missing", "the file does not start with a '---' front matter block"},
      {"frontmatter.unclosed", "the front matter has no closing '---' line"},
      {"frontmatter.too-large", "the front matter is implausibly large"},
      {"yaml.syntax", "the front matter is not valid YAML"},
      {"yaml.duplicate-key", "a field is set twice"},
      {"yaml.document", "a directive or a second YAML document inside the front matter"},
      {"yaml.complex-key", "a field name is a list or mapping"},
      {"yaml.limit", "nesting or alias expansion exceeds hros's bounds"},
      {"yaml.ambiguous", "YAML 1.1 tools would read the value differently (NO, yes, 010)"},
      {"schema.required", "a required field is missing or empty"},
      {"schema.unknown-field", "a field the schema does not define"},
      {"schema.type", "a value of the wrong type"},
      {"schema.enum", "a value that is not one of the field's values"},
      {"schema.synonym", "a schema-declared synonym instead of the canonical value"},
      {"schema.pattern", "a value that does not match the field's pattern"},
      {"schema.length", "text shorter or longer than allowed"},
      {"schema.range", "a number below the minimum or above the maximum"},
      {"schema.items", "a list with too few or too many items"},
      {"schema.unique", "a list with the same item twice"},
      {"schema.date", "a date that is malformed or does not exist"},
      {"schema.url", "a malformed web address"},
      {"schema.email", "a malformed email address"},
      {"schema.conditional", "a field required by a conditional rule is missing"},
      {"body.limit", "Markdown nested or sized past what hros parses safely"},
      {"slug.filename", "the file name is not a valid slug"},
      {"slug.mismatch", "the slug field differs from the file name"},
      {"sections.missing", "a section the kind requires is missing"},
      {"sections.order", "sections are out of order"},
      {"sections.empty", "a section has no content"},
      {"bank.duplicate-slug", "two cases share a slug"},
      {"bank.duplicate-title", "two cases share a title"},
      {"links.broken", "a link to a case file that does not exist"},
      {"content.promotional", "sales language in a case"},
      {"whitespace.trailing", "trailing whitespace"},
      {"whitespace.final-newline", "the file does not end with a newline"},
  };
  return k_rules;
}

std::string_view rule_summary(std::string_view id) {
  for (const RuleInfo& rule : lint_rules()) {
    if (rule.id == id) {
      return rule.summary;
    }
  }
  return {};
}

} // namespace hros
