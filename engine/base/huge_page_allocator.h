// An allocator for large index tables that are probed at random (the symbol table's slots, the
// key tables' indexes): a table of 2 MiB or more is placed on 2 MiB-aligned memory and the
// kernel is asked to back it with transparent huge pages. Probing 32 MiB at random with 4 KiB
// pages misses the TLB on nearly every probe, and the page walk misses the cache too (perf, 10^7
// events: most of the symbol table's time was the load of the first slot, prefetched or not).
// Where huge pages are off or unknown (not Linux), it is plain memory.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace pactum {

template <class T>
struct HugePageAllocator {
  using value_type = T;
  static constexpr size_t kHugePage = size_t{2} << 20;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(size_t n) {
    if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    size_t bytes = n * sizeof(T);
    void* p = nullptr;
    if (bytes >= kHugePage) {
      size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
      p = std::aligned_alloc(kHugePage, rounded);
#if defined(__linux__) && defined(MADV_HUGEPAGE)
      if (p) ::madvise(p, rounded, MADV_HUGEPAGE);  // advice only: ignored when huge pages are off
#endif
    } else {
      p = std::malloc(bytes ? bytes : 1);
    }
    if (!p) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t) noexcept { std::free(p); }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const { return true; }
  template <class U>
  bool operator!=(const HugePageAllocator<U>&) const { return false; }
};

// Asks for huge pages on the 2 MiB-aligned part of [p, p + bytes): a large array that malloc has
// just handed out, before it is first written. Filling 35 MB of findings at the end of a check
// took some 8,000 page faults (most of the unpacking time on a virtual machine, where a fault
// costs microseconds); with huge pages, a few dozen.
inline void advise_huge_pages(void* p, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  uintptr_t begin = (reinterpret_cast<uintptr_t>(p) + kHugePage - 1) & ~(kHugePage - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(kHugePage - 1);
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // advice only
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace pactum
