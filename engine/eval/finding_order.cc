#include "engine/eval/finding_order.h"

#include <algorithm>
#include <atomic>

#include "engine/base/share_work.h"

namespace pactum::eval {

FindingKey finding_key(Instant at, size_t block_index, int rule_number, uint32_t first_cited, uint32_t index,
                       const log::EventLog& log) {
  return FindingKey{at, block_index, first_cited == kNoEvent ? UINT64_MAX : log::load_position(log.event(first_cited)),
                    rule_number, index};
}

FindingKey finding_key(const Finding& f, uint32_t index, const log::EventLog& log) {
  return finding_key(f.at, f.block_index, f.rule->number, f.events.empty() ? kNoEvent : f.events.front(), index, log);
}

std::vector<uint32_t> finding_places(size_t count, unsigned threads, const GatherKeys& gather) {
  std::vector<FindingKey> keys(count);
  // At the end of a check with many findings nothing else runs: two halves are gathered and
  // sorted on two threads, then merged.
  constexpr size_t kWorthIt = 16384;
  if (threads >= 2 && count >= kWorthIt) {
    size_t half = count / 2;
    auto middle = keys.begin() + static_cast<std::ptrdiff_t>(half);
    std::atomic<unsigned> next{0};
    share_work(2, [&](unsigned) {
      for (unsigned part = next++; part < 2; part = next++) {
        size_t from = part == 0 ? 0 : half, to = part == 0 ? half : count;
        gather(from, to, keys);
        std::sort(keys.begin() + static_cast<std::ptrdiff_t>(from), keys.begin() + static_cast<std::ptrdiff_t>(to));
      }
    });
    std::inplace_merge(keys.begin(), middle, keys.end());
  } else {
    gather(0, count, keys);
    std::sort(keys.begin(), keys.end());
  }
  std::vector<uint32_t> places(count);
  for (uint32_t k = 0; k < count; ++k) places[keys[k].finding] = k;
  return places;
}

void order_findings(std::vector<Finding>& findings, const log::EventLog& log, unsigned threads) {
  auto places = finding_places(findings.size(), threads, [&](size_t from, size_t to, std::vector<FindingKey>& keys) {
    for (size_t i = from; i < to; ++i) keys[i] = finding_key(findings[i], static_cast<uint32_t>(i), log);
  });
  // Each finding moved once, along the cycles of the permutation. rank[k]: the finding that goes
  // to place k.
  std::vector<uint32_t> rank(places.size());
  for (uint32_t i = 0; i < places.size(); ++i) rank[places[i]] = i;
  std::vector<uint32_t>().swap(places);
  for (uint32_t start = 0; start < rank.size(); ++start) {
    if (rank[start] == start) continue;
    Finding moving = std::move(findings[start]);
    uint32_t place = start;
    while (rank[place] != start) {
      uint32_t from = rank[place];
      findings[place] = std::move(findings[from]);
      rank[place] = place;
      place = from;
    }
    findings[place] = std::move(moving);
    rank[place] = place;
  }
}

}  // namespace pactum::eval
