// json, ndjson and csv exports. Bodies are read again here (load_records
// keeps only front matter), a batch at a time, so a bank of 100k cases
// never holds more than one batch of bodies and output in memory.
#include "hros/export.hpp"

#include "hros/export_data.hpp"

#include <map>

namespace hros {

bool parse_export_format(const std::string& name, ExportFormat& format) {
  static const std::map<std::string, ExportFormat> k_formats = {{"json", ExportFormat::json},
                                                                {"ndjson", ExportFormat::ndjson},
                                                                {"csv", ExportFormat::csv},
                                                                {"sqlite", ExportFormat::sqlite},
                                                                {"html", ExportFormat::html}};
  auto found = k_formats.find(name);
  if (found == k_formats.end()) {
    return false;
  }
  format = found->second;
  return true;
}

ExportResult export_stream(const std::vector<const CaseRecord*>& records, const Schema& schema,
                           ExportFormat format, const ExportOptions& options, OutputFile& out) {
  constexpr std::size_t k_batch = 256;
  ExportResult result;
  std::vector<std::string> texts(records.size());
  std::vector<std::string> problems(records.size());
  std::vector<std::string> columns = export_csv_columns(schema);

  auto work = [&](std::size_t i) {
    const CaseRecord& record = *records[i];
    if (format == ExportFormat::csv) {
      texts[i] = export_csv_row(record, columns);
      return;
    }
    CaseBody body = read_case_body(record.file, RenderHtml::no);
    problems[i] = body.problem;
    std::string json = export_case_json(record, body, schema).dump(format == ExportFormat::json);
    if (format == ExportFormat::json) {
      // Indent the case's object as an array item.
      std::string indented = "  ";
      for (std::size_t c = 0; c < json.size(); ++c) {
        indented += json[c];
        if (json[c] == '\n' && c + 1 < json.size()) {
          indented += "  ";
        }
      }
      while (!indented.empty() && indented.back() == '\n') {
        indented.pop_back();
      }
      texts[i] = std::move(indented);
    } else {
      texts[i] = options.bulk_index.empty()
                     ? json + "\n"
                     : bulk_action_line(options.bulk_index, record.slug) + json + "\n";
    }
  };
  auto emit = [&](std::size_t i) {
    if (!problems[i].empty()) {
      result.warnings.push_back(records[i]->path + ": body left out: " + problems[i]);
    }
    std::string text = std::move(texts[i]);
    texts[i] = std::string();
    if (format == ExportFormat::json) {
      text = (i == 0 ? "[\n" : ",\n") + text;
    }
    ++result.cases;
    return out.write(text);
  };

  if (format == ExportFormat::csv) {
    out.write(export_csv_header(columns));
  }
  bool done = for_each_in_batches(records.size(), k_batch, options.threads, work, emit);
  if (done && format == ExportFormat::json) {
    out.write(records.empty() ? "[]\n" : "\n]\n");
  }
  result.interrupted = interrupt_signal() != 0;
  if (!out.error().empty()) {
    result.ok = false;
    result.error = out.error();
  } else if (!done) {
    result.ok = false;
  }
  return result;
}

} // namespace hros
