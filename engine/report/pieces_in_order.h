// Renders the pieces of a report (one finding's JSON object, say) on several threads and hands
// them out in their order. A report of 60,000 findings is written after the log is read, when the
// parsing threads are done: rendering is most of that tail (issue 17), and the pieces are
// independent of one another, so the cores that parsed the log render them while this thread
// writes.
#pragma once
#include <algorithm>
#include <cstddef>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "engine/base/threads.h"  // PACTUM_READER_THREAD: whether this build may start threads

namespace pactum::report {

#if PACTUM_READER_THREAD
// pieces_in_order on `threads` threads of its own.
template <class Render, class Write>
void parallel_pieces_in_order(size_t n, unsigned threads, const Render& render, const Write& write) {
  // 1,024 pieces per thread, at most 8,192 (two batches are held: some 16 MB of JSON at most).
  const size_t batch = std::min<size_t>(size_t{1024} * threads, 8192);
  struct Batch {
    size_t begin = 0, count = 0;
    std::vector<std::string> pieces;
    std::vector<std::exception_ptr> failures;
    std::vector<std::thread> helpers;
    void join() {
      for (auto& h : helpers)
        if (h.joinable()) h.join();
      helpers.clear();
    }
    ~Batch() { join(); }  // a write that throws leaves no thread running
  };
  // Helper t renders the pieces t, t + threads, t + 2 * threads, ... of the batch: pieces that
  // cost more (more events cited) are spread evenly.
  auto start = [&](Batch& b, size_t begin) {
    b.begin = begin;
    b.count = std::min(batch, n - begin);
    b.pieces.resize(b.count);
    b.failures.assign(threads, nullptr);
    for (unsigned t = 0; t < threads; ++t)
      b.helpers.emplace_back([&b, &render, t, threads] {
        try {
          for (size_t i = t; i < b.count; i += threads) b.pieces[i] = render(b.begin + i);
        } catch (...) {
          b.failures[t] = std::current_exception();
        }
      });
  };
  Batch batches[2];
  start(batches[0], 0);
  for (size_t k = 0;; ++k) {
    Batch& now = batches[k % 2];
    now.join();
    for (auto& failure : now.failures)
      if (failure) std::rethrow_exception(failure);
    size_t next = now.begin + now.count;
    if (next < n) start(batches[(k + 1) % 2], next);
    for (size_t i = 0; i < now.count; ++i) write(std::move(now.pieces[i]));
    if (next >= n) return;
  }
}
#endif

// Calls write(render(i)) for i = 0 .. n-1, in that order. `render` runs on `threads` threads of
// its own and must only read shared data; `write` runs on this thread. The pieces are rendered a
// batch at a time, and the next batch is rendered while this thread writes the last one, so at
// most two batches are held.
template <class Render, class Write>
void pieces_in_order(size_t n, unsigned threads, const Render& render, const Write& write) {
#if PACTUM_READER_THREAD
  if (threads >= 2 && n >= 64) {
    parallel_pieces_in_order(n, threads, render, write);
    return;
  }
#endif
  (void)threads;
  for (size_t i = 0; i < n; ++i) write(render(i));
}

}  // namespace pactum::report
