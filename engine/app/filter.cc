#include "engine/app/filter.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/base/diagnostics.h"
#include "engine/base/text.h"
#include "engine/report/report.h"

namespace pactum::app {

namespace {

bool contains(const std::vector<std::string>& values, const std::string& v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// Keeps the items `keep` accepts, in order; returns how many were dropped.
template <typename T, typename Keep>
size_t keep_only(std::vector<T>& items, Keep keep) {
  size_t before = items.size();
  items.erase(std::remove_if(items.begin(), items.end(), [&](const T& item) { return !keep(item); }), items.end());
  return before - items.size();
}

// "--party `Acm` names no party of the agreement; did you mean `Acme`? (parties: Acme, Northwind)"
std::string unknown_name(const char* option, const std::string& value, const char* one, const char* many,
                         const std::vector<std::string>& names) {
  std::string near = closest_match(value, names);
  std::string hint = near.empty() ? "" : fmt::format("; did you mean `{}`?", visible_text(near));
  std::string known = names.empty() ? fmt::format(" (the agreement has no {})", many)
                                    : fmt::format(" ({}: {})", many, visible_text(list_of(names)));
  return fmt::format("--{} `{}` names no {} of the agreement{}{}", option, visible_text(value), one, hint, known);
}

}  // namespace

bool FindingFilter::matches(const eval::Finding& f) const {
  if (!parties.empty() && std::none_of(f.responsible.begin(), f.responsible.end(),
                                       [&](const std::string& p) { return contains(parties, p); }))
    return false;
  if (!terms.empty() && !contains(terms, f.block->name)) return false;
  if (!clauses.empty() && (!f.block->clause || !contains(clauses, *f.block->clause))) return false;
  if (!severities.empty() && !contains(severities, report::severity_name(f.block->severity))) return false;
  return true;
}

std::vector<std::string> filter_errors(const FindingFilter& filter, const semantic::ResolvedAgreement& agreement) {
  std::vector<std::string> parties, blocks, clauses;
  for (const auto& p : agreement.parties) parties.push_back(p.id);
  for (const auto& b : agreement.ast->blocks) {
    if (!contains(blocks, b.name)) blocks.push_back(b.name);
    if (b.clause && !contains(clauses, *b.clause)) clauses.push_back(*b.clause);
  }
  std::vector<std::string> errors;
  for (const auto& p : filter.parties)
    if (!contains(parties, p) && p != "unassigned") errors.push_back(unknown_name("party", p, "party", "parties", parties));
  for (const auto& t : filter.terms)
    if (!contains(blocks, t)) errors.push_back(unknown_name("term", t, "term or expectation", "terms and expectations", blocks));
  for (const auto& c : filter.clauses)
    if (!contains(clauses, c)) errors.push_back(unknown_name("clause", c, "clause", "clauses", clauses));
  return errors;
}

report::FilterInfo apply_filter(const FindingFilter& filter, eval::Outcome& outcome, credits::Ledger& ledger,
                                triage::Result& triaged) {
  report::FilterInfo info;
  if (!filter.parties.empty()) info.criteria.push_back({"party", filter.parties});
  if (!filter.terms.empty()) info.criteria.push_back({"term", filter.terms});
  if (!filter.clauses.empty()) info.criteria.push_back({"clause", filter.clauses});
  if (!filter.severities.empty()) info.criteria.push_back({"severity", filter.severities});

  // Each finding's credit stays beside it (the ledger's charges are parallel to the findings).
  bool charged = ledger.charges.size() == outcome.findings.size();
  std::vector<eval::Finding> kept;
  std::vector<std::optional<credits::Charge>> kept_charges;
  for (size_t i = 0; i < outcome.findings.size(); ++i) {
    if (!filter.matches(outcome.findings[i])) continue;
    kept.push_back(std::move(outcome.findings[i]));
    if (charged) kept_charges.push_back(std::move(ledger.charges[i]));
  }
  info.findings_left_out = outcome.findings.size() - kept.size();
  outcome.findings = std::move(kept);
  if (charged) ledger.charges = std::move(kept_charges);

  auto keep = [&](const eval::Finding& f) { return filter.matches(f); };
  info.pending_left_out = keep_only(outcome.pending, keep);
  info.accepted_left_out = keep_only(triaged.waived, [&](const triage::WaivedFinding& w) { return keep(w.finding); }) +
                           keep_only(triaged.baselined, keep);

  for (auto& [party, n] : outcome.by_party) n = 0;
  for (const auto& f : outcome.findings)
    for (const auto& party : f.responsible) ++outcome.by_party[party];
  if (auto u = outcome.by_party.find("unassigned"); u != outcome.by_party.end() && u->second == 0)
    outcome.by_party.erase(u);  // listed only when used (spec 8.1)
  return info;
}

}  // namespace pactum::app
