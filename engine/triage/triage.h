// After evaluation, before reporting: findings that a team has already accepted are set apart, so
// that a CI run fails only on what is new. Two mechanisms, as in the linters teams already use:
// - waivers (waivers.h): accepted exceptions with an owner, a reason and an end date, kept in a
//   file beside the agreement; a waiver that has expired or that matches nothing is reported;
// - a baseline (baseline.h): the ids of the findings known when it was written (PHPStan / ESLint
//   style); entries that no longer match are "fixed" and, with --strict-baseline, fail the run,
//   so a baseline only ever shrinks.
// Findings are matched by their stable id (spec V2.9), which does not depend on log file names or
// order. Nothing here changes what evaluation found: the report still lists every set-apart
// finding, under `waived` / `baselined`.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/eval/outcome.h"
#include "engine/log/event_log.h"
#include "engine/triage/baseline.h"
#include "engine/triage/waivers.h"

namespace pactum::triage {

struct WaivedFinding {
  eval::Finding finding;
  const Waiver* waiver = nullptr;
};

struct Result {
  bool baseline_used = false;
  bool waivers_used = false;
  std::vector<WaivedFinding> waived;            // in finding order
  std::vector<eval::Finding> baselined;         // in finding order
  std::vector<BaselineEntry> fixed;             // baseline entries that match no finding now
  std::vector<const Waiver*> expired;           // in file order
  std::vector<const Waiver*> unused;            // in force, but matching no finding
};

// Moves the findings that a waiver in force or the baseline accepts out of `outcome.findings`
// (and recounts summary.by_party over what is left). Waivers take precedence over the baseline.
// Expired and unused waivers and fixed baseline entries become warnings in `warnings`.
// `now` decides which waivers have expired.
Result apply(eval::Outcome& outcome, const log::EventLog& log, const WaiverFile* waivers, const Baseline* baseline,
             Instant now, Diagnostics& warnings);

}  // namespace pactum::triage
