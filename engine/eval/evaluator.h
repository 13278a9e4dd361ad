// Evaluation (spec 5): one pass over the time-sorted events, every rule fed only the event types
// it names, then each rule settles what is still open at the as-of time.
#pragma once
#include <memory>
#include <optional>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/eval/outcome.h"
#include "engine/log/event_log.h"
#include "engine/semantic/resolved_agreement.h"

namespace pactum::eval {

// Rules with a period (periodic rules, and the V2 forms per period) judge every window of it in
// the judged interval, and each window can be a finding: a daily rule over 400 years is 146 097 of
// them. The windows of all rules of one check together may not exceed this (docs/security.md,
// limits); beyond it the check is an input error at the rule that crosses it, and nothing is
// evaluated.
constexpr size_t kMaxJudgedWindows = 100'000;

// `check --slice K/N` (docs/sliced-runs.md): the rules of the agreement, numbered in agreement
// order from 0 over all blocks, are dealt round-robin; slice K evaluates rule i when
// i mod N == K - 1. Everything else (the judged interval, the window limit, the counts of events)
// stays that of the whole run, so that `pactum merge` can put the parts back together exactly.
struct Slice {
  size_t k = 1, n = 1;
  bool owns(size_t ordinal) const { return n <= 1 || ordinal % n == k - 1; }
};

struct EvalOptions {
  std::optional<Instant> as_of;  // --as-of; else the latest event
  Slice slice;                   // --slice K/N; by default every rule
  size_t warning_limit = 100;    // input warnings beyond this are counted, not listed
  Diagnostics* errors = nullptr; // where the window limit is reported (required to evaluate)
  unsigned threads = 1;          // check --threads: how many unpack the findings kept to the end
};

struct EvalContext;
class EventConsumer;
class IntervalTrackers;
class RuleEvaluator;

// One evaluation in steps, so that a streamed check can feed events as they are read and drop
// them (engine/app/streamed_check.cc): begin() builds the rules once the judged interval's start
// is known, feed() hands them whole timestamp groups in time order, held() names the events they
// still cite, finish() settles what is open. evaluate() is the same on a loaded log.
class EvaluationPass {
 public:
  EvaluationPass(const semantic::ResolvedAgreement& agreement, const log::EventLog& log, const EvalOptions& options,
                 Diagnostics& warnings);
  ~EvaluationPass();
  // `first_event`: the time of the first event (none: no events); `as_of`: --as-of, or the latest
  // event when it is known, else nullopt (finish() learns it). False when the judged windows
  // exceed kMaxJudgedWindows (an error in options.errors; nothing is evaluated).
  bool begin(std::optional<Instant> first_event, std::optional<Instant> as_of);
  // Whether every rule keeps only the state it needs and names what it holds (held()): the
  // condition for dropping evaluated events.
  bool streams() const;
  // Events [from, to) by index: whole timestamp groups, in time order, each fed once.
  void feed(uint32_t from, uint32_t to);
  // Every event earlier than `next` was fed, and none to come is earlier: the rules may forget
  // what no later event can need (a streamed check calls it before held()).
  void advance_to(Instant next);
  // Appends the indices of the events the rules may still cite or read (unsorted).
  void held(std::vector<uint32_t>& out) const;
  // Settles what is open. `events`: how many were read; `latest`: the time of the latest one.
  Outcome finish(size_t events, std::optional<Instant> latest);

 private:
  struct Hook {
    EventConsumer* rule;
    int role;
  };
  static constexpr uint32_t kNoSlot = UINT32_MAX;
  const semantic::ResolvedAgreement& agreement_;
  const log::EventLog& log_;
  EvalOptions options_;
  Diagnostics& warnings_;
  Outcome out_;
  bool as_of_known_ = false;
  std::unique_ptr<EvalContext> ctx_;
  std::unique_ptr<IntervalTrackers> intervals_;
  std::vector<std::unique_ptr<RuleEvaluator>> rules_;
  std::vector<uint32_t> slot_of_type_;
  std::vector<std::vector<Hook>> hooks_[2];
};

// `log.events` must be sorted by time (EventLog::sort_by_time). Input warnings (an unreadable
// `no later than` attribute, a non-numeric aggregate value) are appended to `warnings`. When the
// judged windows would exceed kMaxJudgedWindows, an error goes to `options.errors` and the
// outcome is not evaluated.
Outcome evaluate(const semantic::ResolvedAgreement& agreement, const log::EventLog& log, const EvalOptions& options,
                 Diagnostics& warnings);

}  // namespace pactum::eval
