// close_in_background (engine/base/background_close.cc): every descriptor handed over is closed,
// one after the other, and background_close_wait returns only once that is done.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdio>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include "engine/base/background_close.h"

namespace {

bool is_open(int fd) { return ::fcntl(fd, F_GETFD) != -1 || errno != EBADF; }

}  // namespace

TEST_CASE("close_in_background: each descriptor is closed by the time the wait returns") {
  for (int count : {1, 2, 5}) {
    INFO(count << " descriptors, each handed over while the one before may still be closing");
    std::vector<int> fds;
    for (int i = 0; i < count; ++i) {
      int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
      REQUIRE(fd >= 0);
      fds.push_back(fd);
    }
    for (int fd : fds) pactum::close_in_background(fd);
    pactum::background_close_wait();
    for (int fd : fds) CHECK_FALSE(is_open(fd));
  }
  pactum::close_in_background(-1);  // nothing to close: nothing happens
  pactum::background_close_wait();
  pactum::background_close_wait();  // nothing pending
}
