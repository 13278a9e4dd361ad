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

}  // namespace pactum::report
