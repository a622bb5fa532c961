#pragma once

// Stats a directory's entries on a second core while the directory is still
// being read: on a bank of 100k cases, reading the directory and stat-ing
// each file are the two biggest costs of a warm search, and they overlap.

#include "hros/dir_listing.hpp"
#include "hros/file_stamp.hpp"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace hros {

// A run of entries of one directory, stat-ed together.
struct EntryBatch {
  int directory_fd = -1;
  NameSpan names; // of `read` as the directory was read, or of a saved listing
  NameStore read; // the names, when read from the directory
  std::vector<FileStamp>
      stamps; // one per name, sized before it is submitted: regular `.md` files' set
};

class StampWorker {
public:
  StampWorker() = default;
  ~StampWorker();
  StampWorker(const StampWorker&) = delete;
  StampWorker& operator=(const StampWorker&) = delete;

  // Queues a batch; it must stay where it is until `finish` returns.
  void submit(EntryBatch* batch);
  // Stats what is still queued on this thread too, then waits for the rest.
  void finish();

private:
  void run();
  EntryBatch* next_locked();
  void stat_batch(EntryBatch& batch);

  std::mutex m_mutex;
  std::condition_variable m_work;
  std::condition_variable m_done;
  std::deque<EntryBatch*> m_queue;
  std::size_t m_pending = 0; // submitted and not yet stat-ed
  bool m_stop = false;
  bool m_started = false;
  std::thread m_thread;
};

// Stats, from the directory's descriptor, every regular `.md` entry of the batch.
void stat_markdown_entries(EntryBatch& batch);

} // namespace hros
