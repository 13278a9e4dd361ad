// `pactum lint`: unreasonable expectations and contradictions in an agreement (spec 7), found
// before anyone signs it. Every entry is a Diagnostic with a stable code, says in numbers why the
// term is unreasonable, and carries a concrete rewrite in the Terms language as a note.
#pragma once
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/eval/outcome.h"
#include "engine/semantic/resolved_agreement.h"

namespace pactum::lint {

// Stable lint codes (the agreement-error codes live in engine/semantic).
inline constexpr const char* kPerfectionTarget = "perfection-target";
inline constexpr const char* kImpossibleHours = "impossible-hours";
inline constexpr const char* kDeadlineOutsideHours = "deadline-outside-hours";
inline constexpr const char* kShortNotice = "short-notice";
inline constexpr const char* kCadenceTooDense = "cadence-too-dense";
inline constexpr const char* kContradiction = "contradiction";
inline constexpr const char* kOneSided = "one-sided";
inline constexpr const char* kNeverMet = "never-met";
// Two blocks with one name: their findings' ids would collide (spec V2.9).
inline constexpr const char* kDuplicateBlock = "duplicate-block";
// Version 2 (spec V2.8): service credits as written.
inline constexpr const char* kCreditNeverApplies = "credit-never-applies";
inline constexpr const char* kCapBelowCredit = "cap-below-credit";
inline constexpr const char* kTiersNotMonotone = "tiers-not-monotone";

// All static checks of section 7 over a resolved agreement; entries sorted by file, line,
// column, code. Calendar checks run over the effective period, else over `current_year`.
std::vector<Diagnostic> lint_agreement(const semantic::ResolvedAgreement& agreement, int current_year);

// never-met (check only) from the periodic summaries of evaluation: a periodic rule of an
// `expectation` block that failed in every judged window. Warnings, sorted like lint_agreement.
std::vector<Diagnostic> never_met(const std::vector<eval::PeriodicSummary>& periodic);

// How many rules bind each party, by the responsible-party rules of section 5 applied to the
// text alone (target `by` of requires-rules, block `responsible`, pattern `by`). A rule binding
// two parties counts for each.
struct ObligationBalance {
  std::vector<std::pair<std::string, size_t>> per_party;  // every declared party, in order
  size_t by_events = 0;   // responsibility falls to the triggering event's `by` (5.2, 5.4, 5.5)
  size_t unassigned = 0;  // nobody: findings of these rules would be "unassigned"
};
ObligationBalance obligation_balance(const semantic::ResolvedAgreement& agreement);

// Notes (notes.cc): what the agreement says that its author may not have meant; not lint entries
// (no code in reports, never a failure): `lint` and `check` print them on standard error. A
// block's `responsible A, B` on a rule whose target says `by B`: only B is responsible for it.
std::vector<Diagnostic> lint_notes(const semantic::ResolvedAgreement& agreement);

// Sorts lint entries by file, line, column, code (stable among equals).
void sort_entries(std::vector<Diagnostic>& entries);

}  // namespace pactum::lint
