#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "hros/case_record.hpp"
#include "hros/output_file.hpp"
#include "hros/schema.hpp"

namespace hros {

enum class ExportFormat { json, ndjson, csv, sqlite, html };

// Parses a --format value of `hros export`; false if unknown.
bool parse_export_format(const std::string& name, ExportFormat& format);

struct ExportOptions {
  std::string bulk_index; // ndjson: precede each case with a bulk API action line
  std::string site_title = "HR Open Source case studies";
  unsigned threads = 0; // 0: one per core
};

struct ExportResult {
  bool ok = true;
  bool interrupted = false; // SIGINT or SIGTERM arrived; nothing was replaced
  std::string error;
  std::vector<std::string> warnings; // cases whose body could not be read
  std::size_t cases = 0;
};

// json, ndjson or csv into `out`, a few hundred cases at a time: bodies are
// read and rendered on every core, then written in order, so memory stays
// flat however large the bank. Does not commit `out`.
ExportResult export_stream(const std::vector<const CaseRecord*>& records, const Schema& schema,
                           ExportFormat format, const ExportOptions& options, OutputFile& out);

// A SQLite database written to `out`'s temporary file (see export_sqlite.cpp
// for the tables). Does not commit `out`.
ExportResult export_sqlite(const std::vector<const CaseRecord*>& records, const Schema& schema,
                           const ExportOptions& options, OutputFile& out);

enum class ReplaceDir { only_exports, any };

// The static site in directory `dir` (see site.cpp): built in a temporary
// directory beside it and swapped in whole, so a failed or interrupted
// export leaves the previous site as it was. An existing `dir` is replaced
// only when it is empty or an earlier export (it has the marker file), unless
// ReplaceDir::any.
ExportResult export_site(const std::vector<const CaseRecord*>& records, const Schema& schema,
                         const ExportOptions& options, const std::filesystem::path& dir,
                         ReplaceDir replace);

// Runs `work(i)` for every record in batches of `batch` on all cores, then
// `emit(i)` for each in order; stops early when interrupted.
template <typename Work, typename Emit>
bool for_each_in_batches(std::size_t count, std::size_t batch, unsigned threads, Work&& work,
                         Emit&& emit);

} // namespace hros

#include "hros/interrupt.hpp"
#include "hros/lint.hpp"

namespace hros {

template <typename Work, typename Emit>
bool for_each_in_batches(std::size_t count, std::size_t batch, unsigned threads, Work&& work,
                         Emit&& emit) {
  for (std::size_t begin = 0; begin < count; begin += batch) {
    if (interrupt_signal() != 0) {
      return false;
    }
    std::size_t end = std::min(count, begin + batch);
    parallel_for(end - begin, threads, [&](std::size_t i) { work(begin + i); });
    for (std::size_t i = begin; i < end; ++i) {
      if (!emit(i)) {
        return false;
      }
    }
  }
  return interrupt_signal() == 0;
}

} // namespace hros
