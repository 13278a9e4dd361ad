// The findings a rule keeps until the pass ends (the report lists them by time, so they wait for
// the last event), packed into bytes: a late notice's finding is about 1 KB as a Finding (its
// strings, measures and vectors each an allocation) and about 300 bytes packed. On 10^8 piped
// events of bench/notice.terms this took the peak from 360 to 294 MiB (docs/performance.md).
//
// The rule fills the finding it added last (report() hands it out, the rule then adds its
// measures); that one stays open until the next add() packs it. hand_over() unpacks them all, in
// the order they were added.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "engine/eval/finding_order.h"
#include "engine/eval/outcome.h"
#include "engine/log/event_log.h"

namespace pactum::eval {

class PackedFindings {
 public:
  // Adds `f` and returns it, open for changes until the next add() or hand_over().
  Finding& add(Finding f);
  size_t size() const { return packed_ + (open_ ? 1 : 0); }
  bool empty() const { return size() == 0; }
  // Appends the events every finding cites (held to the end by a streamed check).
  void cited(std::vector<uint32_t>& out) const;
  // Moves the findings, in order, to the end of `out`; the store is empty afterwards, its memory
  // freed as it goes. The blocks are unpacked on up to `threads` threads (they are independent:
  // a record never spans two), as this is most of the tail of a check with many findings.
  void hand_over(std::vector<Finding>& out, unsigned threads = 1);

  // hand_over in two steps, for the stores of all the rules of a pass at once: a rule keeps a
  // few blocks, too few to share out on its own, while together they are most of what is left
  // to do once the log is read. reserve() appends as many empty findings to `out` as the store
  // holds and returns where they start; unpack_all() then fills those places (indices, not
  // pointers: `out` may grow in between) for every store, on up to `threads` threads.
  struct Reserved {
    PackedFindings* store;
    size_t first;
  };
  size_t reserve(std::vector<Finding>& out);
  static void unpack_all(const std::vector<Reserved>& stores, std::vector<Finding>& out, unsigned threads);
  // unpack_all, and `out` put in the report's order (finding_order.h) on the way: the keys of the
  // packed findings are kept beside them, so the order is known before any is unpacked, and each
  // is unpacked straight into its place; only the findings that were never packed are moved.
  static void unpack_all_in_order(const std::vector<Reserved>& stores, std::vector<Finding>& out,
                                  const log::EventLog& log, unsigned threads);

 private:
  void pack(const Finding& f);
  char* room(size_t bytes);  // `bytes` contiguous bytes at the end of the last block
  static void unpack(const std::vector<Reserved>& stores, std::vector<Finding>& out, unsigned threads,
                     const std::vector<uint32_t>* places);
  FindingKey key(size_t k, uint32_t index, const log::EventLog& log) const;  // of the k-th finding

  static constexpr size_t kBlockSize = 256 * 1024;
  struct Block {
    std::unique_ptr<char[]> bytes;
    size_t used = 0;
    size_t capacity = 0;
    size_t records = 0;
  };
  std::vector<Block> blocks_;
  std::vector<uint32_t> cited_;  // the events of the packed findings, back to back
  // What each packed finding is ordered by (the first event as its index: its place in the log is
  // looked up when the findings are ordered).
  struct OrderFields {
    Instant at;
    size_t block_index;
    int rule;
    uint32_t first_cited;
  };
  std::vector<OrderFields> order_;
  size_t packed_ = 0;
  std::optional<Finding> open_;
};

}  // namespace pactum::eval
