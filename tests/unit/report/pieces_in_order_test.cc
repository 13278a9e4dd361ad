// pieces_in_order (issue 17): the pieces of a report rendered on several threads come out in
// their order, each exactly once, whatever the number of threads and pieces (batch boundaries
// included); a failure while rendering reaches the caller.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/report/pieces_in_order.h"

using pactum::report::pieces_in_order;

TEST_CASE("pieces_in_order: every piece once, in order", "[report]") {
  // 64 is where threads start; 1024 per thread are rendered ahead, 8192 at most (the ring).
  for (unsigned threads : {1u, 2u, 3u, 4u, 16u}) {
    size_t batch = std::min<size_t>(size_t{1024} * threads, 8192);
    for (size_t n : {size_t{0}, size_t{1}, size_t{63}, size_t{64}, size_t{65}, batch - 1, batch, batch + 1,
                     2 * batch + 1, size_t{5000}, size_t{9001}}) {
      std::vector<std::string> written;
      pieces_in_order(
          n, threads, [](size_t i) { return "piece " + std::to_string(i); },
          [&](std::string_view piece) { written.emplace_back(piece); });
      INFO("threads " << threads << ", pieces " << n);
      REQUIRE(written.size() == n);
      for (size_t i = 0; i < n; ++i) {
        INFO("position " << i);
        CHECK(written[i] == "piece " + std::to_string(i));
      }
    }
  }
}

TEST_CASE("pieces_in_order: pieces appended to a buffer come out one by one", "[report]") {
  // A renderer that appends (render(i, out)) shares a buffer with the pieces before it in its run,
  // and the buffers are reused from run to run: each piece is still exactly its own text, an empty
  // piece included, whatever came before it in the buffer.
  auto text = [](size_t i) { return i % 7 == 3 ? std::string() : std::string(i % 300, char('a' + i % 26)) + "|"; };
  for (unsigned threads : {1u, 2u, 4u}) {
    for (size_t n : {size_t{1}, size_t{64}, size_t{257}, size_t{20000}}) {
      std::vector<std::string> written;
      pieces_in_order(
          n, threads, [&](size_t i, std::string& out) { out += text(i); },
          [&](std::string_view piece) { written.emplace_back(piece); });
      INFO("threads " << threads << ", pieces " << n);
      REQUIRE(written.size() == n);
      for (size_t i = 0; i < n; ++i) {
        INFO("position " << i);
        CHECK(written[i] == text(i));
      }
    }
  }
}

TEST_CASE("pieces_in_order: a piece that fails to render fails the whole", "[report]") {
  for (unsigned threads : {1u, 2u, 4u, 16u}) {
    for (size_t bad : {size_t{0}, size_t{1}, size_t{3000}}) {
      size_t written = 0;
      INFO("threads " << threads << ", failing piece " << bad);
      CHECK_THROWS_WITH(pieces_in_order(
                            5000, threads,
                            [&](size_t i) {
                              if (i == bad) throw std::runtime_error("piece " + std::to_string(i) + " failed");
                              return std::to_string(i);
                            },
                            [&](std::string_view) { ++written; }),
                        "piece " + std::to_string(bad) + " failed");
      CHECK(written == bad);  // the pieces before it, and no other
    }
  }
}

TEST_CASE("pieces_in_order: a write that throws ends the rendering threads and reaches the caller", "[report]") {
  for (unsigned threads : {2u, 4u, 16u}) {
    for (size_t at : {size_t{0}, size_t{100}, size_t{4999}}) {
      size_t rendered_after = 0;
      INFO("threads " << threads << ", failing write " << at);
      std::atomic<size_t> rendered{0};
      CHECK_THROWS_WITH(pieces_in_order(
                            5000, threads,
                            [&](size_t i) {
                              ++rendered;
                              return std::to_string(i);
                            },
                            [&](std::string_view piece) {
                              if (piece == std::to_string(at)) throw std::runtime_error("disk full");
                            }),
                        "disk full");
      rendered_after = rendered.load();
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      // No thread is left rendering: the count does not move once the call has returned, and no
      // more than a ring (1,024 pieces per thread, 8,192 at most) was rendered past the run of 256
      // pieces that held the failure.
      CHECK(rendered.load() == rendered_after);
      CHECK(rendered_after <= (at / 256 + 1) * 256 + std::min<size_t>(size_t{1024} * threads, 8192));
    }
  }
}
