// What the review-style reports (markdown, html) show, computed once: the per-party scorecard
// and the findings grouped by block. The renderers only format it.
#pragma once
#include <string>
#include <vector>

#include "engine/report/report.h"

namespace pactum::report {

struct PartyScore {
  std::string party;
  std::string name;  // the party's `name "..."`, or an explanation for "unassigned"
  size_t findings = 0;
  size_t by_severity[3] = {0, 0, 0};  // critical, major, minor
  size_t pending = 0;
};
// Every declared party in order, then "unassigned" when a finding has nobody.
std::vector<PartyScore> party_scores(const ReportData& d);

struct BlockFindings {
  const model::Block* block = nullptr;
  std::vector<const eval::Finding*> findings;  // in report order (spec 6)
  std::vector<const model::Rule*> rules;       // the rules they broke, by number
};
// Findings grouped by block, blocks in agreement order.
std::vector<BlockFindings> findings_by_block(const eval::Outcome& o);

// ---- credits (V2.8), shown by text, markdown and html alike -----------------------------------

// The credit of a finding of d.outcome->findings, when the report shows credits and it is priced.
const credits::Charge* charge_of(const ReportData& d, const eval::Finding& f);
// "750.00 USD owed by Vendor (3 started days late)"; shares are listed when several parties owe.
std::string charge_text(const ReportData& d, const eval::Finding& f, const credits::Charge& c);
// "Credits in USD: accrued, capped and owed per party and month; capped at 1200.00 per party and month"
std::string credits_heading(const ReportData& d, const credits::Ledger& ledger);
struct CreditRow {
  std::string party;
  std::string period;  // "2026-01-01 to 2026-01-31", or "total"
  credits::Totals totals;
  bool total = false;
};
// Per party in by_party order: each window it owes in, then its total.
std::vector<CreditRow> credit_rows(const ReportData& d, const credits::Ledger& ledger);

}  // namespace pactum::report
