// HugePageAllocator: large tables on 2 MiB boundaries (where transparent huge pages can back
// them), small ones as usual; a vector using it keeps its contents across growth.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "engine/base/huge_page_allocator.h"

using pactum::HugePageAllocator;

TEST_CASE("HugePageAllocator: large blocks on 2 MiB boundaries, small ones anywhere", "[base]") {
  HugePageAllocator<uint64_t> alloc;
  for (size_t n : {size_t{1} << 18, (size_t{1} << 18) + 1, size_t{3} << 19}) {  // 2 MiB, a bit more, 12 MiB
    uint64_t* p = alloc.allocate(n);
    INFO(n << " elements");
    CHECK(reinterpret_cast<uintptr_t>(p) % HugePageAllocator<uint64_t>::kHugePage == 0);
    p[0] = 1;
    p[n - 1] = 2;  // the whole block is usable
    alloc.deallocate(p, n);
  }
  uint64_t* small = alloc.allocate(3);
  CHECK(reinterpret_cast<uintptr_t>(small) % alignof(uint64_t) == 0);
  alloc.deallocate(small, 3);
  CHECK_THROWS_AS(alloc.allocate(static_cast<size_t>(-1) / 4), std::bad_array_new_length);
}

TEST_CASE("HugePageAllocator: a vector grows across the 2 MiB line with its contents", "[base]") {
  std::vector<uint32_t, HugePageAllocator<uint32_t>> v;
  for (uint32_t i = 0; i < (1u << 20); ++i) v.push_back(i * 7);
  bool same = true;
  for (uint32_t i = 0; i < v.size(); ++i) same = same && v[i] == i * 7;
  CHECK(same);
}
