// populate_for_writing and PopulateAside map pages and change nothing in them: a block written
// before, or written by its owner while the helper thread maps it, reads back exactly.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "engine/eval/populate_aside.h"

using pactum::eval::populate_for_writing;
using pactum::eval::PopulateAside;

namespace {

uint64_t pattern(size_t i) { return i * 0x9E3779B97F4A7C15ull + 1; }

// The index of the first word that differs from the pattern, or n.
size_t first_difference(const uint64_t* words, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (words[i] != pattern(i)) return i;
  return n;
}

}  // namespace

TEST_CASE("populate_for_writing keeps what a block holds, on page boundaries or not", "[eval]") {
  constexpr size_t kWords = (size_t{9} << 20) / 8;  // 9 MiB
  std::unique_ptr<uint64_t[]> block(new uint64_t[kWords + 1]);
  for (size_t offset_bytes : {size_t{0}, size_t{8}}) {
    uint64_t* words = block.get() + offset_bytes / 8;
    for (size_t i = 0; i < kWords; ++i) words[i] = pattern(i);
    populate_for_writing(words, kWords * 8);
    populate_for_writing(words, 0);  // an empty range: nothing to do
    populate_for_writing(reinterpret_cast<char*>(words) + 1, 100);  // within one page
    INFO("offset " << offset_bytes);
    CHECK(first_difference(words, kWords) == kWords);
  }
}

TEST_CASE("PopulateAside: the owner writes the block while a helper maps it", "[eval]") {
  struct Case {
    std::string name;
    size_t bytes;
    unsigned threads;
  };
  for (const Case& c : {Case{"one thread: no helper", size_t{16} << 20, 1},
                        Case{"small: no helper", size_t{1} << 20, 2},
                        Case{"large, two threads", size_t{16} << 20, 2},
                        Case{"large, eight threads", size_t{24} << 20, 8}}) {
    size_t n = c.bytes / 8;
    // Fresh memory, never touched: what the helper maps is what the owner is writing.
    std::unique_ptr<uint64_t[]> block(new uint64_t[n]);
    {
      PopulateAside populate(block.get(), c.bytes, c.threads);
      for (size_t i = 0; i < n; ++i) block[i] = pattern(i);
    }
    INFO(c.name);
    CHECK(first_difference(block.get(), n) == n);
  }
}
