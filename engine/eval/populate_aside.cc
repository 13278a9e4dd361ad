#include "engine/eval/populate_aside.h"

#include <cstdint>
#include <system_error>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace pactum::eval {

void populate_for_writing(void* p, size_t bytes) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
  constexpr uintptr_t kPage = 4096;  // the smallest page: a range on its boundaries is accepted anywhere
  uintptr_t begin = (reinterpret_cast<uintptr_t>(p) + kPage - 1) & ~(kPage - 1);
  uintptr_t end = (reinterpret_cast<uintptr_t>(p) + bytes) & ~(kPage - 1);
  // Advice: an old kernel (EINVAL) or a lack of memory (ENOMEM) leaves the pages to be mapped as
  // they are written.
  if (end > begin) (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
  (void)p;
  (void)bytes;
#endif
}

PopulateAside::PopulateAside([[maybe_unused]] void* p, [[maybe_unused]] size_t bytes,
                             [[maybe_unused]] unsigned threads) {
#if PACTUM_READER_THREAD
  constexpr size_t kWorthIt = size_t{4} << 20;
  if (threads < 2 || bytes < kWorthIt) return;
  try {
    thread_ = std::thread([p, bytes] { populate_for_writing(p, bytes); });
  } catch (const std::system_error&) {  // no thread to be had: the pages are mapped as written
  }
#endif
}

PopulateAside::~PopulateAside() {
#if PACTUM_READER_THREAD
  if (thread_.joinable()) thread_.join();
#endif
}

}  // namespace pactum::eval
