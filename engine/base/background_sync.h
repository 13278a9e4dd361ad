// Brings a file that is still being written to disk, on a helper thread, piece by piece. Replacing
// a report atomically ends with an fsync before the rename; on a virtual disk whose host caches
// writes, that fsync waits for the whole file to be flushed: 30 ms for a report of 60 MB, even
// with its writeback started every 8 MiB (sync_file_range starts writing but flushes no cache).
// An fdatasync after every few MiB, on another thread while the report is rendered, leaves the
// final fsync 1-3 ms (issue 17, docs/performance.md).
#pragma once
#include <condition_variable>
#include <mutex>
#include <thread>

namespace pactum {

class BackgroundSync {
 public:
  explicit BackgroundSync(int fd) : fd_(fd) {}
  BackgroundSync(const BackgroundSync&) = delete;
  BackgroundSync& operator=(const BackgroundSync&) = delete;
  ~BackgroundSync() { finish(); }

  // What was written so far goes to disk (fdatasync) soon, on the helper thread (started on the
  // first request; without threads, or when none can be had, nothing happens: the final fsync
  // writes it all). Requests made while a sync runs make one more sync after it.
  void request();
  // Waits for a sync under way; none starts afterwards. Called before the descriptor is closed.
  void finish();
  // Syncs run so far (tests).
  unsigned syncs() const;
  // errno of the first sync that failed, else 0. The caller must report it: Linux reports a
  // failed writeback to one sync per open file, so the caller's own fsync may no longer see it.
  int error() const;

 private:
  void run();
  int fd_;
  mutable std::mutex lock_;
  std::condition_variable wake_;
  bool requested_ = false;
  bool finishing_ = false;
  unsigned syncs_ = 0;
  int error_ = 0;
  std::thread thread_;
};

}  // namespace pactum
