// share_work (engine/base/share_work.h): every task done exactly once whatever the number of
// threads, work(t) called once for each thread, and an exception thrown on any thread rethrown
// once all have ended.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "engine/base/share_work.h"

TEST_CASE("share_work: each task once, on one thread or several") {
  for (unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
    INFO(threads << " threads");
    std::vector<std::atomic<int>> done(1000);
    std::vector<std::atomic<int>> calls(std::max(threads, 1u));
    std::atomic<size_t> next{0};
    pactum::share_work(threads, [&](unsigned t) {
      ++calls[t];
      for (size_t i = next++; i < done.size(); i = next++) ++done[i];
    });
    size_t wrong = 0;
    for (auto& d : done) wrong += d != 1;
    CHECK(wrong == 0);
    for (auto& c : calls) CHECK(c == 1);
  }
}

TEST_CASE("share_work: an exception on a helper or on this thread is rethrown after all end") {
  for (unsigned failing : {0u, 1u}) {
    INFO("thread " << failing << " throws");
    std::atomic<int> ended{0};
    CHECK_THROWS_AS(pactum::share_work(2,
                                       [&](unsigned t) {
                                         if (t == failing) throw std::runtime_error("task failed");
                                         ++ended;
                                       }),
                    std::runtime_error);
    CHECK(ended == 1);  // the other thread ran to its end before the rethrow
  }
}
