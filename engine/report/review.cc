#include "engine/report/review.h"

#include <algorithm>

namespace pactum::report {

std::vector<PartyScore> party_scores(const ReportData& d) {
  const auto& o = *d.outcome;
  std::vector<PartyScore> out;
  auto score = [&](const std::string& party, const std::string& name) {
    auto has = [&](const eval::Finding& f) {
      return std::find(f.responsible.begin(), f.responsible.end(), party) != f.responsible.end();
    };
    PartyScore s{party, name};
    for (const auto& f : o.findings)
      if (has(f)) ++s.findings, ++s.by_severity[static_cast<int>(f.block->severity)];
    s.pending = std::count_if(o.pending.begin(), o.pending.end(), has);
    out.push_back(s);
  };
  for (const auto& p : d.agreement.parties) score(p.id, p.decl && p.decl->display_name ? *p.decl->display_name : "");
  if (o.by_party.count("unassigned")) score("unassigned", "(no party fixed by the agreement or the events)");
  return out;
}

std::vector<BlockFindings> findings_by_block(const eval::Outcome& o) {
  std::vector<BlockFindings> out;
  std::vector<size_t> blocks;
  for (const auto& f : o.findings)
    if (std::find(blocks.begin(), blocks.end(), f.block_index) == blocks.end()) blocks.push_back(f.block_index);
  std::sort(blocks.begin(), blocks.end());
  for (size_t b : blocks) {
    BlockFindings group;
    for (const auto& f : o.findings)
      if (f.block_index == b) group.findings.push_back(&f);
    group.block = group.findings.front()->block;
    for (const auto* f : group.findings)
      if (std::find(group.rules.begin(), group.rules.end(), f->rule) == group.rules.end()) group.rules.push_back(f->rule);
    std::sort(group.rules.begin(), group.rules.end(), [](auto* x, auto* y) { return x->number < y->number; });
    out.push_back(std::move(group));
  }
  return out;
}

}  // namespace pactum::report
