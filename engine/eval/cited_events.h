// The events a window finding cites (V2.3, V2.6): the earliest ones, at most 100, whatever order
// they arrive in (a window of a million calls must not make a report of a million entries; the
// counts are in `measured`).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pactum::eval {

constexpr size_t kMaxCitedEvents = 100;

// The earliest `limit` event indices added (indices of the sorted log are in time order), kept
// with bounded memory whatever order they arrive in.
class EarliestEvents {
 public:
  explicit EarliestEvents(size_t limit = kMaxCitedEvents) : limit_(limit) {}
  void add(uint32_t index);
  size_t total() const { return total_; }
  std::vector<uint32_t> sorted() const;

 private:
  size_t limit_;
  size_t total_ = 0;
  std::vector<uint32_t> heap_;  // max-heap of the smallest indices seen
};

}  // namespace pactum::eval
