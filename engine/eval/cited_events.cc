#include "engine/eval/cited_events.h"

#include <algorithm>

namespace pactum::eval {

void EarliestEvents::add(uint32_t index) {
  ++total_;
  if (heap_.size() < limit_) {
    heap_.push_back(index);
    std::push_heap(heap_.begin(), heap_.end());
  } else if (!heap_.empty() && index < heap_.front()) {
    std::pop_heap(heap_.begin(), heap_.end());
    heap_.back() = index;
    std::push_heap(heap_.begin(), heap_.end());
  }
}

std::vector<uint32_t> EarliestEvents::sorted() const {
  std::vector<uint32_t> out = heap_;
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace pactum::eval
