// Renders the pieces of a report (one finding's JSON object, say) on several threads and hands
// them out in their order. A report of 60,000 findings is written after the log is read, when the
// parsing threads are done: rendering is most of that tail (issue 17), and the pieces are
// independent of one another, so the cores that parsed the log render them while this thread
// writes.
#pragma once
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

#include "engine/base/threads.h"  // PACTUM_READER_THREAD: whether this build may start threads

namespace pactum::report {

namespace pieces_detail {
// Piece i appended to `out`: `render` either appends itself (render(i, out)) or returns the piece.
template <class Render>
void append_piece(const Render& render, size_t i, std::string& out) {
  if constexpr (std::is_invocable_v<const Render&, size_t, std::string&>) render(i, out);
  else out += render(i);
}
}  // namespace pieces_detail

#if PACTUM_READER_THREAD
// pieces_in_order on `threads` threads: this one and `threads` - 1 helpers. The helpers take the
// pieces a run of 256 at a time, in order, and leave each run in a ring of slots; this thread
// writes the runs from the ring as they become ready, and renders a run itself while the one it
// needs is not. Nobody waits for a whole batch: a helper waits only when it is a full
// ring ahead of the writer, the writer only for the run it needs next. (Runs, not single pieces:
// a wake-up per piece cost more than rendering it.) A run's pieces are appended to one buffer that
// its slot keeps from round to round: a string per piece, allocated on one thread and freed on
// another, cost a third of rendering a report of 70,000 findings in malloc, free and fresh pages.
template <class Render, class Write>
void parallel_pieces_in_order(size_t n, unsigned threads, const Render& render, const Write& write) {
  constexpr size_t kRun = 256;
  // 1,024 pieces per thread rendered ahead at most, 8,192 at most in all (some 8 MB of JSON).
  const size_t ring_runs = std::min<size_t>(size_t{1024} * threads, 8192) / kRun;
  const size_t runs = (n + kRun - 1) / kRun;
  struct Slot {
    std::string text;           // the run's pieces, one after the other
    std::vector<size_t> ends;   // where each piece ends in `text`
    std::exception_ptr failure;  // rendering piece `ends.size()` of the run threw
    bool ready = false;
  };
  std::vector<Slot> ring(ring_runs);
  std::mutex lock;
  std::condition_variable run_ready, room;
  size_t claimed = 0;  // the next run a helper (or this thread) takes
  size_t written = 0;  // runs taken from the ring: their slots are free again
  bool stop = false;   // a piece failed, or a write threw: the helpers end
  auto render_run = [&](size_t run) {
    Slot& slot = ring[run % ring_runs];  // the renderer's alone until it is marked ready
    slot.text.clear();
    slot.ends.clear();
    slot.failure = nullptr;
    try {
      for (size_t i = run * kRun; i < std::min(n, (run + 1) * kRun); ++i) {
        pieces_detail::append_piece(render, i, slot.text);
        slot.ends.push_back(slot.text.size());
      }
    } catch (...) {
      slot.failure = std::current_exception();
    }
  };
  auto helper = [&] {
    for (;;) {
      size_t run;
      {
        std::unique_lock<std::mutex> hold(lock);
        if (stop || claimed >= runs) return;
        run = claimed++;
        room.wait(hold, [&] { return stop || run < written + ring_runs; });
        if (stop) return;
      }
      render_run(run);
      {
        std::lock_guard<std::mutex> hold(lock);
        ring[run % ring_runs].ready = true;
      }
      run_ready.notify_one();
    }
  };
  std::vector<std::thread> helpers;
  struct Join {  // however this function ends, no helper is left running or waiting
    std::vector<std::thread>& helpers;
    std::mutex& lock;
    std::condition_variable& room;
    bool& stop;
    ~Join() {
      {
        std::lock_guard<std::mutex> hold(lock);
        stop = true;
      }
      room.notify_all();
      for (auto& h : helpers) h.join();
    }
  } join{helpers, lock, room, stop};
  try {
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(helper);
  } catch (const std::system_error&) {  // fewer threads to be had: this thread renders what none takes
  }
  // The run being written: swapped with its slot's buffers, which the next renderer of the slot reuses.
  std::string text;
  std::vector<size_t> ends;
  for (size_t run = 0; run < runs; ++run) {
    Slot& slot = ring[run % ring_runs];
    std::exception_ptr failure;
    {
      std::unique_lock<std::mutex> hold(lock);
      // While the run it needs is not ready, this thread renders the next run nobody took (with
      // room in the ring) rather than wait: with a helper fewer than threads, as many threads
      // render as there are cores, this one writing in between.
      auto claimable = [&] { return claimed < runs && claimed < written + ring_runs; };
      while (!slot.ready) {
        if (claimable()) {
          size_t mine = claimed++;
          hold.unlock();
          render_run(mine);
          hold.lock();
          ring[mine % ring_runs].ready = true;
          continue;
        }
        run_ready.wait(hold, [&] { return slot.ready || claimable(); });
      }
      text.swap(slot.text);
      ends.swap(slot.ends);
      failure = slot.failure;
      slot.ready = false;
      ++written;
    }
    room.notify_all();
    size_t from = 0;
    for (size_t end : ends) {
      write(std::string_view(text).substr(from, end - from));
      from = end;
    }
    if (failure) std::rethrow_exception(failure);
  }
}
#endif

// Calls write(piece i) for i = 0 .. n-1, in that order, each piece a std::string_view valid during
// the call; `render` returns piece i (render(i)) or appends it to a string (render(i, out)) and runs on this thread and
// `threads` - 1 others and must only read shared data; `write` runs on this thread. At most 1,024 pieces per
// thread (8,192 in all) are held, rendered ahead of the one being written. A piece that fails to
// render fails the whole, after the pieces before it were written.
template <class Render, class Write>
void pieces_in_order(size_t n, unsigned threads, const Render& render, const Write& write) {
#if PACTUM_READER_THREAD
  if (threads >= 2 && n >= 64) {
    parallel_pieces_in_order(n, threads, render, write);
    return;
  }
#endif
  (void)threads;
  std::string piece;
  for (size_t i = 0; i < n; ++i) {
    piece.clear();
    pieces_detail::append_piece(render, i, piece);
    write(std::string_view(piece));
  }
}

}  // namespace pactum::report
