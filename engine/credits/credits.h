// The pricing stage (spec V2.8), after evaluation and before the reports: each finding of a
// block with `credit` lines gets the largest amount among the lines that apply to it, owed in
// equal shares by its responsible parties, falling in the window of the finding's time (the
// cap's period, else the calendar month); per party and window the cap splits what accrued
// into `owed` and `capped`. Pending and tolerated items are not findings and are never priced.
// Credits never change the exit status.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/calendar/business_calendar.h"
#include "engine/credits/money.h"
#include "engine/eval/outcome.h"
#include "engine/semantic/resolved_agreement.h"

namespace pactum::credits {

// One finding's credit.
struct Charge {
  Cents amount = 0;                  // the finding's own amount, rounded, before any cap
  std::vector<std::string> owed_by;  // its responsible parties ("unassigned" when none)
  std::vector<Cents> shares;         // per owing party, each rounded on its own
  calendar::Interval window;         // the window it falls in
  size_t line = 0;                   // the charged line: index into the block's `credits`
  int64_t units = 1;                 // started days / hours late for `per day|hour late`, else 1
};

struct Totals {
  Cents accrued = 0;
  Cents capped = 0;  // accrued beyond the cap
  Cents owed = 0;    // min(accrued, cap)
};

struct PeriodTotals {
  std::string party;
  calendar::Interval window;
  Totals totals;
};

struct Ledger {
  bool enabled = false;  // some block has a `credit` line: the reports show credits
  std::optional<std::string> currency;
  std::optional<Cents> cap;  // per owing party and window
  std::vector<std::optional<Charge>> charges;  // parallel to Outcome::findings
  // After triage: the charges of the findings the baseline accepted, parallel to
  // triage::Result::baselined (still owed: a baseline only quiets CI). Waived findings are not
  // priced (V2.8).
  std::vector<std::optional<Charge>> baselined;
  // Every declared party in declaration order (zeros included), then any other owing name,
  // then `unassigned` when some credit falls to it.
  std::vector<std::pair<std::string, Totals>> by_party;
  // One entry per party and window with a credit: by window start, then party as in by_party.
  std::vector<PeriodTotals> by_period;

  const Charge* charge_of(size_t finding_index) const {
    return finding_index < charges.size() && charges[finding_index] ? &*charges[finding_index] : nullptr;
  }
};

// True when some block of the agreement has a `credit` line.
bool has_credit_lines(const model::Agreement& agreement);

// Prices `outcome.findings`. A credit too large to compute in cents (beyond 10^13 currency
// units) is left unpriced with a warning in `warnings`.
Ledger price(const semantic::ResolvedAgreement& agreement, const eval::Outcome& outcome, Diagnostics& warnings);

// The totals (by_party, by_period, the cap) of the charges `owed`, replacing the ledger's: price()
// counts every finding; after triage, the findings a waiver accepted no longer count (V2.8).
void tally(const semantic::ResolvedAgreement& agreement, const std::vector<const Charge*>& owed, Ledger& ledger);

// The amount one credit line charges for `finding`, or nullopt when the line does not apply
// (`per day|hour late` without a deadline, `when measured` without a measured value or on the
// wrong side of the threshold) or cannot be computed. `units` receives the days / hours late.
std::optional<Cents> line_amount(const model::CreditLine& line, const eval::Finding& finding,
                                 const model::Agreement& agreement, int64_t* units = nullptr);

// The cap, or the calendar month without one, as windows of the agreement zone (spec V2.8 "falls
// in"): `N days|weeks|months` windows start at the effective start, else at `judged_from`.
calendar::Interval credit_window(const semantic::ResolvedAgreement& agreement, Instant judged_from, Instant at);

}  // namespace pactum::credits
