#include "engine/base/background_sync.h"

#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "engine/base/threads.h"  // PACTUM_READER_THREAD: whether this build may start threads

namespace pactum {

void BackgroundSync::request() {
#if PACTUM_READER_THREAD && defined(__linux__)
  std::unique_lock<std::mutex> hold(lock_);
  if (finishing_) return;
  requested_ = true;
  if (!thread_.joinable()) {
    try {
      thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {  // no thread to be had: the final fsync does it all
      requested_ = false;
      finishing_ = true;
      return;
    }
  }
  hold.unlock();
  wake_.notify_one();
#endif
}

void BackgroundSync::run() {
  std::unique_lock<std::mutex> hold(lock_);
  for (;;) {
    wake_.wait(hold, [&] { return requested_ || finishing_; });
    if (finishing_) return;  // what is left, the caller's fsync writes
    requested_ = false;
    hold.unlock();
    int failed = ::fdatasync(fd_) == 0 ? 0 : errno;
    hold.lock();
    ++syncs_;
    if (failed && !error_) error_ = failed;
  }
}

void BackgroundSync::finish() {
  {
    std::lock_guard<std::mutex> hold(lock_);
    finishing_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

unsigned BackgroundSync::syncs() const {
  std::lock_guard<std::mutex> hold(lock_);
  return syncs_;
}

int BackgroundSync::error() const {
  std::lock_guard<std::mutex> hold(lock_);
  return error_;
}

}  // namespace pactum
