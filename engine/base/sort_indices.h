// Sorts a list of event indices (32-bit) and drops repeats, in time linear in its length: a
// streamed check sorts the events its rules hold (some 50,000 at 10^6 events, gathered rule by
// rule, in no order) at every compaction, and a comparison sort of them was the largest single
// cost of the thread that evaluates (perf: 1.4% of its samples in std::sort's introsort).
#pragma once
#include <cstdint>
#include <vector>

namespace pactum {

// `values` ascending, each once. `scratch` is a buffer the caller may keep between calls (its
// contents are overwritten), so that repeated sorts allocate nothing.
void sort_unique_indices(std::vector<uint32_t>& values, std::vector<uint32_t>& scratch);

}  // namespace pactum
