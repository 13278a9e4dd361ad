// The order of the report's findings (spec 6): by time, then block order, then rule number, then
// the first event's merged position (log by log, as given: log::load_position); findings equal
// in all of these keep the order they were made in (their index is the last key, so a plain sort
// gives what a stable one would).
//
// The keys are gathered side by side and sorted, not the findings: sorting 60,000 findings by
// looking into each (a few hundred bytes apart) and into the log for its first event cost a cache
// miss per look, and a stable sort of the findings themselves moves each many times.
#pragma once
#include <cstdint>
#include <functional>
#include <tuple>
#include <vector>

#include "engine/base/time.h"
#include "engine/eval/outcome.h"
#include "engine/log/event_log.h"

namespace pactum::eval {

struct FindingKey {
  Instant at;
  size_t block = 0;
  uint64_t first_event = UINT64_MAX;  // load_position of the first event cited; none: last
  int rule = 0;
  uint32_t finding = 0;  // the finding's index before ordering
  auto tie() const { return std::tie(at, block, rule, first_event, finding); }
  bool operator<(const FindingKey& o) const { return tie() < o.tie(); }
};

// What a finding is ordered by, `first_cited` (an index into `log`, or kNoEvent) standing for
// its events.
constexpr uint32_t kNoEvent = UINT32_MAX;
FindingKey finding_key(Instant at, size_t block_index, int rule_number, uint32_t first_cited, uint32_t index,
                       const log::EventLog& log);
FindingKey finding_key(const Finding& f, uint32_t index, const log::EventLog& log);

// The place of every finding once ordered: places[i] is where finding i goes. `gather(from, to,
// keys)` fills keys[from, to) (a key per finding, its index included); with 16,384 findings or
// more and `threads` >= 2, two halves are gathered and sorted on two threads, then merged.
using GatherKeys = std::function<void(size_t from, size_t to, std::vector<FindingKey>& keys)>;
std::vector<uint32_t> finding_places(size_t count, unsigned threads, const GatherKeys& gather);

// Orders `findings` in place (moved along the cycles of the permutation: no second array).
void order_findings(std::vector<Finding>& findings, const log::EventLog& log, unsigned threads = 1);

}  // namespace pactum::eval
