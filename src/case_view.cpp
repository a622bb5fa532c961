#include "hros/case_view.hpp"

#include "hros/metrics_table.hpp"
#include "hros/terminal_text.hpp"

#include <iterator>
#include <string>
#include <utility>

namespace hros {
namespace {

constexpr std::size_t k_label_width = 14;

// A field as one line of text: lists joined with ", ", authors with their role.
std::string value_text(const YamlNode* node) {
  if (node == nullptr || node->is_null()) {
    return "";
  }
  if (node->is_scalar()) {
    return node->text;
  }
  std::string joined;
  for (const YamlNode& item : node->items) {
    std::string text;
    if (item.is_scalar()) {
      text = item.text;
    } else if (item.is_mapping()) {
      text = value_text(item.find("name"));
      std::string role = value_text(item.find("role"));
      if (!role.empty()) {
        text += " (" + role + ")";
      }
    }
    if (!text.empty()) {
      joined += (joined.empty() ? "" : ", ") + text;
    }
  }
  return joined;
}

void append_lines(std::vector<Line>& out, std::vector<Line> lines) {
  std::move(lines.begin(), lines.end(), std::back_inserter(out));
}

class FactBlock {
public:
  explicit FactBlock(const RenderOptions& options) : m_options(options) {}

  void add(const std::string& label, const std::string& value, const std::string& url = {}) {
    if (value.empty()) {
      return;
    }
    // Narrow terminals get the label on a line of its own, the value below it.
    bool stacked = m_options.width > 0 && m_options.width < k_label_width + 20;
    std::size_t indent = stacked ? 2 : k_label_width;
    std::size_t width = m_options.width == 0 ? 0 : m_options.width - indent;
    std::vector<Line> wrapped =
        wrap_spans({Span{value, url.empty() ? k_style_none : k_style_link | k_style_underline,
                         m_options.color ? url : std::string()}},
                   width);
    Line indented{Span{std::string(indent, ' ')}};
    if (stacked) {
      m_lines.push_back(Line{Span{label, k_style_bold}});
      append_lines(m_lines, prefix_lines(std::move(wrapped), indented, indented));
      return;
    }
    std::string padded = label + std::string(k_label_width - label.size(), ' ');
    append_lines(m_lines,
                 prefix_lines(std::move(wrapped), Line{Span{padded, k_style_bold}}, indented));
  }

  std::vector<Line> take() { return std::move(m_lines); }

private:
  const RenderOptions& m_options;
  std::vector<Line> m_lines;
};

std::string kind_text(const std::string& kind) {
  return kind == "case-study" ? "case study" : kind;
}

} // namespace

std::vector<Line> render_case(const CaseDocument& document, const RenderOptions& options) {
  const YamlNode& front = document.front;
  auto field = [&](const char* name) { return value_text(front.find(name)); };
  std::vector<Line> out;

  std::string title = field("title");
  append_lines(out, render_heading(title.empty() ? document.slug : title, 1, options));
  out.emplace_back();

  FactBlock facts(options);
  std::string organization = field("organization");
  if (!organization.empty() && field("example") == "true") {
    organization += " (fictional example)";
  }
  facts.add("Organization", organization);
  facts.add("Industry", field("industry"));
  std::string size = field("company_size");
  facts.add("Size", size.empty() ? size : size + " employees");
  facts.add("Regions", field("regions"));
  facts.add("Topics", field("topics"));
  facts.add("Authors", field("authors"));
  std::string published = field("published");
  std::string updated = field("updated");
  if (!updated.empty()) {
    published += (published.empty() ? "" : ", ") + std::string("updated ") + updated;
  }
  facts.add("Published", published);
  facts.add("Status", field("status"));
  facts.add("Kind", kind_text(field("kind")));
  facts.add("License", field("license"));
  facts.add("Tools", field("tools"));
  facts.add("Website", field("website"), field("website"));
  facts.add("File", document.path);
  append_lines(out, facts.take());

  std::string summary = field("summary");
  if (!summary.empty()) {
    out.emplace_back();
    append_lines(out, render_markdown(summary, options, k_style_italic));
  }

  const YamlNode* metrics = front.find("metrics");
  std::vector<MetricRow> rows =
      metrics != nullptr ? metric_rows(*metrics) : std::vector<MetricRow>{};
  if (!rows.empty()) {
    out.emplace_back();
    append_lines(out, render_heading("Metrics", 2, options));
    out.emplace_back();
    append_lines(out, render_metrics(rows, options));
  }

  std::vector<Line> body = render_markdown(document.body, options);
  if (!body.empty()) {
    out.emplace_back();
    append_lines(out, std::move(body));
  }
  return out;
}

} // namespace hros
