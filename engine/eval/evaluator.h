// Evaluation (spec 5): one pass over the time-sorted events, every rule fed only the event types
// it names, then each rule settles what is still open at the as-of time.
#pragma once
#include <optional>

#include "engine/base/diagnostics.h"
#include "engine/eval/outcome.h"
#include "engine/log/event_log.h"
#include "engine/semantic/resolved_agreement.h"

namespace pactum::eval {

struct EvalOptions {
  std::optional<Instant> as_of;  // --as-of; else the latest event
  size_t warning_limit = 100;    // input warnings beyond this are counted, not listed
};

// `log.events` must be sorted by time (EventLog::sort_by_time). Input warnings (an unreadable
// `no later than` attribute, a non-numeric aggregate value) are appended to `warnings`.
Outcome evaluate(const semantic::ResolvedAgreement& agreement, const log::EventLog& log, const EvalOptions& options,
                 Diagnostics& warnings);

}  // namespace pactum::eval
