// Renders the pieces of a report (one finding's JSON object, say) on several threads and hands
// them out in their order. A report of 60,000 findings is written after the log is read, when the
// parsing threads are done: rendering is most of that tail (issue 17), and the pieces are
// independent of one another, so the cores that parsed the log render them.
#pragma once
#include <algorithm>
#include <cstddef>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/threads.h"  // PACTUM_READER_THREAD: whether this build may start threads

namespace pactum::report {

// Calls write(render(i)) for i = 0 .. n-1, in that order. `render` runs on up to `threads`
// threads at once (this one among them) and must only read shared data; `write` runs on this
// thread. Pieces are rendered a batch at a time, so at most a batch of them is held.
template <class Render, class Write>
void pieces_in_order(size_t n, unsigned threads, const Render& render, const Write& write) {
#if PACTUM_READER_THREAD
  if (threads < 2 || n < 64) {
#endif
    for (size_t i = 0; i < n; ++i) write(render(i));
    return;
#if PACTUM_READER_THREAD
  }
  const size_t batch = size_t{1024} * threads;
  std::vector<std::string> pieces(std::min(batch, n));
  std::vector<std::exception_ptr> failures(threads);
  for (size_t begin = 0; begin < n; begin += batch) {
    size_t count = std::min(batch, n - begin);
    // Helper t renders the pieces t, t + threads, t + 2 * threads, ... of the batch: pieces that
    // cost more (more events cited) are spread evenly.
    auto part = [&](unsigned t) {
      try {
        for (size_t i = t; i < count; i += threads) pieces[i] = render(begin + i);
      } catch (...) {
        failures[t] = std::current_exception();
      }
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(part, t);
    part(0);
    for (auto& h : helpers) h.join();
    for (auto& failure : failures)
      if (failure) std::rethrow_exception(failure);
    for (size_t i = 0; i < count; ++i) write(std::move(pieces[i]));
  }
#else
  (void)threads;
#endif
}

}  // namespace pactum::report
