// `pactum check --party P --term NAME --clause C --severity S`: which findings a report shows.
// The filter applies to the one report model after evaluation and triage (waivers and the
// baseline still see every finding), so every format shows the same selection, the summary
// counts only what is shown, and the exit status follows the findings that are left. Lint
// entries are about the agreement, not the findings: they are never filtered.
#pragma once
#include <string>
#include <vector>

#include "engine/credits/credits.h"
#include "engine/eval/outcome.h"
#include "engine/report/report.h"
#include "engine/semantic/resolved_agreement.h"
#include "engine/triage/triage.h"

namespace pactum::app {

// Values of one option are alternatives (`--party A --party B`, or `--party A,B`); different
// options must all hold.
struct FindingFilter {
  std::vector<std::string> parties;     // a responsible party of the finding ("unassigned" too)
  std::vector<std::string> terms;       // the block's name (a term or an expectation)
  std::vector<std::string> clauses;     // the block's `clause`
  std::vector<std::string> severities;  // critical, major, minor: the block's severity

  bool active() const { return !parties.empty() || !terms.empty() || !clauses.empty() || !severities.empty(); }
  bool matches(const eval::Finding& f) const;
};

// One message per name the agreement does not have ("--party `Acm` names no party of the
// agreement; did you mean `Acme`? (parties: Acme, Northwind)"): a filter that can match
// nothing is a mistake, not an empty report.
std::vector<std::string> filter_errors(const FindingFilter& filter, const semantic::ResolvedAgreement& agreement);

// Keeps the findings, pending items, waived and baselined findings that match, the credit of
// each kept finding with it (the ledger's totals stay those of the whole run: what is owed does
// not depend on what a report shows), and recounts summary.by_party over the kept findings.
// Returns what was left out, for the report's summary.
report::FilterInfo apply_filter(const FindingFilter& filter, eval::Outcome& outcome, credits::Ledger& ledger,
                                triage::Result& triaged);

}  // namespace pactum::app
