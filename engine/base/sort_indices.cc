#include "engine/base/sort_indices.h"

#include <algorithm>
#include <array>

namespace pactum {

namespace {

// Least significant digit first, 11 bits per pass: three passes cover 32 bits, and a pass whose
// digit is the same for every value (the high digits of indices below 2^22, most of the time) is
// skipped. Below this many values a comparison sort is faster than clearing the counts.
constexpr size_t kRadixFrom = 512;
constexpr unsigned kDigitBits = 11;
constexpr size_t kBuckets = size_t{1} << kDigitBits;

}  // namespace

void sort_unique_indices(std::vector<uint32_t>& values, std::vector<uint32_t>& scratch) {
  if (values.size() < kRadixFrom || values.size() > UINT32_MAX) {  // (the counts are 32-bit)
    std::sort(values.begin(), values.end());
  } else {
    // All three digits' counts in one pass over the values.
    std::array<std::array<uint32_t, kBuckets>, 3> counts{};
    for (uint32_t v : values)
      for (unsigned d = 0; d < 3; ++d) ++counts[d][(v >> (d * kDigitBits)) & (kBuckets - 1)];
    scratch.resize(values.size());
    for (unsigned d = 0; d < 3; ++d) {
      auto& count = counts[d];
      if (std::find(count.begin(), count.end(), static_cast<uint32_t>(values.size())) != count.end()) continue;
      uint32_t start = 0;  // counts become each bucket's first place
      for (uint32_t& c : count) {
        uint32_t n = c;
        c = start;
        start += n;
      }
      unsigned shift = d * kDigitBits;
      for (uint32_t v : values) scratch[count[(v >> shift) & (kBuckets - 1)]++] = v;
      values.swap(scratch);
    }
  }
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace pactum
