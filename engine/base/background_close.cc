#include "engine/base/background_close.h"

#include <unistd.h>

#include <mutex>
#include <system_error>
#include <thread>

#include "engine/base/threads.h"  // PACTUM_READER_THREAD: whether this build may start threads

namespace pactum {

namespace {

#if PACTUM_READER_THREAD
class PendingClose {
 public:
  ~PendingClose() { wait(); }  // at exit: the close finishes before the process ends
  void start(int fd) {
    std::lock_guard<std::mutex> hold(lock_);
    if (closing_.joinable()) closing_.join();
    try {
      closing_ = std::thread([fd] { ::close(fd); });
    } catch (const std::system_error&) {  // no thread to be had
      ::close(fd);
    }
  }
  void wait() {
    std::lock_guard<std::mutex> hold(lock_);
    if (closing_.joinable()) closing_.join();
  }

 private:
  std::mutex lock_;
  std::thread closing_;
};

PendingClose& pending() {
  static PendingClose instance;
  return instance;
}
#endif

}  // namespace

void close_in_background(int fd) {
  if (fd < 0) return;
#if PACTUM_READER_THREAD
  pending().start(fd);
#else
  ::close(fd);
#endif
}

void background_close_wait() {
#if PACTUM_READER_THREAD
  pending().wait();
#endif
}

}  // namespace pactum
