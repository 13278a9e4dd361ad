// Evaluation (spec 5): one pass over the time-sorted events, every rule fed only the event types
// it names, then each rule settles what is still open at the as-of time.
#pragma once
#include <optional>

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
};

// `log.events` must be sorted by time (EventLog::sort_by_time). Input warnings (an unreadable
// `no later than` attribute, a non-numeric aggregate value) are appended to `warnings`. When the
// judged windows would exceed kMaxJudgedWindows, an error goes to `options.errors` and the
// outcome is not evaluated.
Outcome evaluate(const semantic::ResolvedAgreement& agreement, const log::EventLog& log, const EvalOptions& options,
                 Diagnostics& warnings);

}  // namespace pactum::eval
