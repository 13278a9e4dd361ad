// Mapping the pages of a large array on another core before it is filled: on a virtual machine
// the first write to each fresh page is expensive (the kernel maps and clears it, and the host may
// have to back it), and at the end of a check with many findings the array of findings (some
// 15 MB for 70,000) was most of the time the thread that fills it spent (docs/performance.md).
#pragma once
#include <cstddef>
#include <thread>

#include "engine/base/threads.h"  // PACTUM_READER_THREAD

namespace pactum::eval {

// Has the kernel map the pages of [p, p + bytes) now, ready to be written, in one call (Linux
// 5.14, MADV_POPULATE_WRITE; elsewhere, or on an older kernel, nothing happens and the pages are
// mapped when first written, as usual). Contents are left as they are.
void populate_for_writing(void* p, size_t bytes);

// populate_for_writing on a thread of its own for as long as this lives (the destructor waits for
// it); nothing when the run has one thread or the block is small (a thread costs more than a few
// hundred page faults). The owner writes the block meanwhile: the kernel serializes the two.
class PopulateAside {
 public:
  PopulateAside(void* p, size_t bytes, unsigned threads);
  ~PopulateAside();
  PopulateAside(const PopulateAside&) = delete;
  PopulateAside& operator=(const PopulateAside&) = delete;

 private:
#if PACTUM_READER_THREAD
  std::thread thread_;
#endif
};

}  // namespace pactum::eval
