#include "engine/report/review.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/model/rule_text.h"

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

const credits::Charge* charge_of(const ReportData& d, const eval::Finding& f) {
  const credits::Ledger* ledger = shown_credits(d);
  const auto& all = d.outcome->findings;
  if (!ledger || all.empty() || &f < all.data() || &f >= all.data() + all.size()) return nullptr;
  return ledger->charge_of(static_cast<size_t>(&f - all.data()));
}

std::string charge_text(const ReportData& d, const eval::Finding& f, const credits::Charge& c) {
  using Per = model::CreditLine::Per;
  const auto& line = f.block->credits[c.line];
  std::string how;
  if (line.per == Per::DayLate) how = fmt::format(" ({} started day{} late)", c.units, c.units == 1 ? "" : "s");
  if (line.per == Per::HourLate) how = fmt::format(" ({} started hour{} late)", c.units, c.units == 1 ? "" : "s");
  std::vector<std::string> owers;
  for (size_t i = 0; i < c.owed_by.size(); ++i)
    owers.push_back(c.owed_by.size() == 1 ? c.owed_by[i]
                                          : fmt::format("{} {}", c.owed_by[i], credits::cents_text(c.shares[i])));
  return fmt::format("{}{} owed by {}", credits::money_text(c.amount, d.credits->currency), how, fmt::join(owers, ", "));
}

std::string credits_heading(const ReportData& d, const credits::Ledger& ledger) {
  const auto& header = d.agreement.ast->header;
  std::string period = header && header->credit_cap ? model::canonical_text(header->credit_cap->period) : "month";
  std::string unit = ledger.currency ? " in " + *ledger.currency : " (no currency declared)";
  std::string cap = ledger.cap ? fmt::format("; capped at {} per party and {}", credits::cents_text(*ledger.cap), period)
                               : "; no cap";
  return fmt::format("Credits{}: accrued, capped and owed per party and {}{}", unit, period, cap);
}

std::vector<CreditRow> credit_rows(const ReportData& d, const credits::Ledger& ledger) {
  std::vector<CreditRow> rows;
  for (const auto& [party, totals] : ledger.by_party) {
    for (const auto& p : ledger.by_period)
      if (p.party == party) rows.push_back({party, window_dates(d, p.window), p.totals, false});
    rows.push_back({party, "total", totals, true});
  }
  return rows;
}

}  // namespace pactum::report
