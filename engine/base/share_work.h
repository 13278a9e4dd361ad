// Work shared out between this thread and helper threads, for the end of a check, when the
// parsing threads are done and one core would otherwise wait (ordering and unpacking the
// findings). Each thread takes its tasks from what they share (an atomic counter, say), so that
// however many helpers could be started, the threads that run do all of it.
#pragma once
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

#include "engine/base/threads.h"  // PACTUM_READER_THREAD: whether this build may start threads

namespace pactum {

// Runs work(0) on this thread and work(1) .. work(threads - 1) on helpers, and returns when all
// have ended. A helper that cannot be started is left out (work(0) then takes its share). The
// first exception any of them threw (std::bad_alloc, a bug reported as std::logic_error) is
// rethrown here once all have ended.
template <class Work>
void share_work(unsigned threads, const Work& work) {
#if PACTUM_READER_THREAD
  if (threads >= 2) {
    std::vector<std::exception_ptr> failures(threads);
    auto run = [&](unsigned t) {
      try {
        work(t);
      } catch (...) {
        failures[t] = std::current_exception();
      }
    };
    std::vector<std::thread> helpers;
    try {
      for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(run, t);
    } catch (const std::system_error&) {  // no more threads to be had
    }
    run(0);
    for (auto& h : helpers) h.join();
    for (auto& failure : failures)
      if (failure) std::rethrow_exception(failure);
    return;
  }
#endif
  (void)threads;
  work(0u);
}

}  // namespace pactum
