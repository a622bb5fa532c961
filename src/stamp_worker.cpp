#include "stamp_worker.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cstring>
#include <dirent.h>
#include <system_error>

namespace hros {

void stat_markdown_entries(EntryBatch& batch) {
  // `stamps` was sized by the thread that made the batch: nothing here
  // allocates, so nothing here throws.
  const NameSpan& names = batch.names;
  for (std::size_t i = 0; i < names.count; ++i) {
    ListedName entry = names.entry(i);
    const char* name = names.names + entry.at;
    bool markdown = entry.size > 3 && std::memcmp(name + entry.size - 3, ".md", 3) == 0;
    struct stat info {};
    if (entry.type == DT_REG && markdown &&
        ::fstatat(batch.directory_fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0) {
      batch.stamps[i] = stamp_of(info);
    }
  }
}

StampWorker::~StampWorker() {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_stop = true;
  }
  m_work.notify_all();
  if (m_thread.joinable()) {
    m_thread.join();
  }
}

void StampWorker::submit(EntryBatch* batch) {
  {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_queue.push_back(batch);
    ++m_pending;
    if (!m_started) {
      m_started = true;
      try {
        m_thread = std::thread([this] { run(); });
      } catch (const std::system_error&) {
        // No second thread to be had: `finish` stats everything here.
      }
    }
  }
  m_work.notify_one();
}

EntryBatch* StampWorker::next_locked() {
  if (m_queue.empty()) {
    return nullptr;
  }
  EntryBatch* batch = m_queue.front();
  m_queue.pop_front();
  return batch;
}

void StampWorker::stat_batch(EntryBatch& batch) {
  stat_markdown_entries(batch);
  std::lock_guard<std::mutex> lock(m_mutex);
  if (--m_pending == 0) {
    m_done.notify_all();
  }
}

void StampWorker::run() {
  std::unique_lock<std::mutex> lock(m_mutex);
  for (;;) {
    m_work.wait(lock, [this] { return m_stop || !m_queue.empty(); });
    EntryBatch* batch = next_locked();
    if (batch == nullptr) {
      return; // stopped, and nothing left
    }
    lock.unlock();
    stat_batch(*batch);
    lock.lock();
  }
}

void StampWorker::finish() {
  std::unique_lock<std::mutex> lock(m_mutex);
  while (EntryBatch* batch = next_locked()) {
    lock.unlock();
    stat_batch(*batch);
    lock.lock();
  }
  m_done.wait(lock, [this] { return m_pending == 0; });
}

} // namespace hros
