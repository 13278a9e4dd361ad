// The per-party obligation balance and `one-sided` (spec 7): who the text of the agreement binds.
// A rule binds the parties that the responsible-party rules of section 5 fix by text alone
// (target `by` of requires-rules, block `responsible`, pattern `by`). Otherwise responsibility
// falls to the `by` of the triggering event for 5.2, 5.4 and 5.5, and to the acting party for a
// requires-rule `with same `by`` whose patterns name no `by` (V2.1) ("depends on events"), and is
// nobody's for the rest ("unassigned"). So for one-sided such a rule is fixed by its text only
// when its target or activation pattern names a `by`.
//
// one-sided fires when two or more parties are declared, at least two rules fix a responsible
// party, and every one of those names the same single party. It points at the `agreement`
// header (else the first block, else the first party).
#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"

namespace pactum::lint {

ObligationBalance obligation_balance(const semantic::ResolvedAgreement& agreement) {
  ObligationBalance balance;
  for (const auto& p : agreement.parties) balance.per_party.emplace_back(p.id, 0);
  if (!agreement.ast) return balance;
  for (const auto& block : agreement.ast->blocks)
    for (const auto& rule : block.rules) {
      auto names = semantic::responsible_by_text(block, rule);
      if (names.empty()) {
        using K = model::Rule::Kind;
        bool by_event = rule.kind == K::OccursWithin || rule.kind == K::AtMost || rule.kind == K::No ||
                        semantic::correlates_on_by(rule);  // the acting party (V2.1)
        ++(by_event ? balance.by_events : balance.unassigned);
        continue;
      }
      for (const auto& n : names)  // per_party is in the order of agreement.parties
        if (auto it = agreement.party_index.find(n); it != agreement.party_index.end()) ++balance.per_party[it->second].second;
    }
  return balance;
}

void check_one_sided(const Context& ctx, std::vector<Diagnostic>& out) {
  const auto& a = ctx.agreement;
  if (a.parties.size() < 2) return;
  std::optional<std::string> only;
  size_t fixed = 0;
  for (const auto& block : a.ast->blocks)
    for (const auto& rule : block.rules) {
      auto names = semantic::responsible_by_text(block, rule);
      if (names.empty()) continue;
      if (names.size() != 1 || (only && *only != names.front())) return;  // obligations run both ways
      only = names.front();
      ++fixed;
    }
  if (fixed < 2) return;

  ObligationBalance balance = obligation_balance(a);
  std::vector<std::string> counts;
  for (const auto& [party, n] : balance.per_party) counts.push_back(fmt::format("{} {}", party, n));
  std::string rest;
  if (balance.by_events > 0)
    rest += fmt::format("; {} {} on who acts", count_of(static_cast<int64_t>(balance.by_events), "rule"),
                        balance.by_events == 1 ? "depends" : "depend");
  if (balance.unassigned > 0)
    rest += fmt::format("; {} {} nobody", count_of(static_cast<int64_t>(balance.unassigned), "rule"),
                        balance.unassigned == 1 ? "binds" : "bind");
  std::string other;
  for (const auto& p : a.parties)
    if (p.id != *only) {
      other = p.id;
      break;
    }

  SourceLoc loc;
  if (a.ast->header) loc = a.ast->header->loc;
  else if (!a.ast->blocks.empty()) loc = a.ast->blocks.front().loc;
  else loc = a.ast->parties.front().id.loc;
  out.push_back(entry(
      DiagLevel::Warning, kOneSided, loc,
      fmt::format("one-sided agreement: all {} rules that name a responsible party bind {}, none binds {} "
                  "(obligations: {}{})",
                  fixed, *only, and_list([&] {
                    std::vector<std::string> others;
                    for (const auto& p : a.parties)
                      if (p.id != *only) others.push_back(p.id);
                    return others;
                  }()),
                  fmt::format("{}", fmt::join(counts, ", ")), rest),
      {fmt::format("add what {} owes in return, e.g. `every data_request by {} requires data_shared by {} within 3 "
                   "business days after`, or `responsible {}` on the terms {} must keep",
                   other, *only, other, other, other)},
      9));
}

}  // namespace pactum::lint
