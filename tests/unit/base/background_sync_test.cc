// BackgroundSync (engine/base/background_sync.cc): requests are synced on the helper thread, at
// least once each run of them, none after finish(); a failed sync is kept for the caller, who must
// report it (Linux tells only one of the syncs of an open file about a failed writeback).
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdio>
#include <chrono>
#include <string>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include "engine/base/background_sync.h"

namespace {

// finish() starts no sync a request still waits for (the caller's own fsync follows): the tests
// first let the helper take up what they asked for (5 s at most, on a busy machine).
void let_sync(const pactum::BackgroundSync& sync, unsigned at_least) {
  for (int i = 0; i < 500 && sync.syncs() < at_least; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

}  // namespace

TEST_CASE("BackgroundSync: what is requested is synced before finish returns, and nothing after") {
  char name[] = "/tmp/pactum-sync-test-XXXXXX";
  int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  {
    pactum::BackgroundSync sync(fd);
    CHECK(sync.syncs() == 0);  // no request: no thread, no sync
    std::string text(1 << 20, 'x');
    for (int i = 0; i < 4; ++i) {
      REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
      sync.request();
    }
    let_sync(sync, 1);
    sync.finish();
    unsigned done = sync.syncs();
    CHECK(done >= 1);  // requests made while a sync runs share the next one
    CHECK(done <= 4);
    CHECK(sync.error() == 0);
    sync.request();  // after finish: ignored
    sync.finish();
    CHECK(sync.syncs() == done);
  }
  ::close(fd);
  ::unlink(name);
}

TEST_CASE("BackgroundSync: a sync that fails is kept for the caller") {
  int pipe_ends[2];
  REQUIRE(::pipe(pipe_ends) == 0);
  {
    pactum::BackgroundSync sync(pipe_ends[1]);  // fdatasync of a pipe: EINVAL
    sync.request();
    let_sync(sync, 1);
    sync.finish();
    CHECK(sync.syncs() == 1);
    CHECK(sync.error() == EINVAL);
  }
  ::close(pipe_ends[0]);
  ::close(pipe_ends[1]);
}

TEST_CASE("BackgroundSync: destroyed without finish, it still waits for its thread") {
  char name[] = "/tmp/pactum-sync-test-XXXXXX";
  int fd = ::mkstemp(name);
  REQUIRE(fd >= 0);
  for (int i = 0; i < 20; ++i) {
    pactum::BackgroundSync sync(fd);
    sync.request();
  }  // the destructor joins: no thread outlives the object it uses
  ::close(fd);
  ::unlink(name);
}
