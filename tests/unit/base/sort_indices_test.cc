// sort_unique_indices: the same list as std::sort then std::unique, for short and long lists
// (both sides of the switch to the radix sort), repeats, and values that vary in one digit only
// (so that passes are skipped) or across all 32 bits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/base/sort_indices.h"

namespace {

struct Shape {
  std::string name;
  uint32_t (*value)(std::mt19937& random, size_t i, size_t n);
};

const Shape kShapes[] = {
    {"any 32 bits", [](std::mt19937& r, size_t, size_t) { return static_cast<uint32_t>(r()); }},
    {"below 2^11 (two passes skipped)", [](std::mt19937& r, size_t, size_t) { return static_cast<uint32_t>(r() % 2048); }},
    {"many repeats", [](std::mt19937& r, size_t, size_t) { return static_cast<uint32_t>(r() % 7); }},
    {"high digit only", [](std::mt19937& r, size_t, size_t) { return static_cast<uint32_t>(r() % 1024) << 22; }},
    {"the extremes", [](std::mt19937& r, size_t, size_t) { return r() % 2 ? UINT32_MAX : 0u; }},
    {"ascending", [](std::mt19937&, size_t i, size_t) { return static_cast<uint32_t>(i * 3); }},
    {"descending", [](std::mt19937&, size_t i, size_t n) { return static_cast<uint32_t>(n - i); }},
    {"event indices of a streamed check",
     [](std::mt19937& r, size_t i, size_t) { return static_cast<uint32_t>(i % 5 == 0 ? r() % 1000 : 900000 + r() % 100000); }},
};

}  // namespace

TEST_CASE("sort_unique_indices gives what std::sort and std::unique give", "[base]") {
  std::mt19937 random(20261203);
  std::vector<uint32_t> scratch;  // kept across cases, as the caller keeps it
  for (const Shape& shape : kShapes) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{511}, size_t{512}, size_t{513}, size_t{4099},
                     size_t{50000}, size_t{200000}}) {
      std::vector<uint32_t> values(n);
      for (size_t i = 0; i < n; ++i) values[i] = shape.value(random, i, n);
      std::vector<uint32_t> expected = values;
      std::sort(expected.begin(), expected.end());
      expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
      pactum::sort_unique_indices(values, scratch);
      INFO(shape.name << ", " << n << " values");
      REQUIRE(values.size() == expected.size());
      auto differ = std::mismatch(values.begin(), values.end(), expected.begin());
      if (differ.first != values.end()) {
        INFO("first difference at " << (differ.first - values.begin()) << ": " << *differ.first << " instead of "
                                    << *differ.second);
        CHECK(false);
      }
    }
  }
}
