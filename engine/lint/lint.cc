#include "engine/lint/lint.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/lint/checks.h"

namespace pactum::lint {

namespace {

// The range calendar checks run over: the effective period; else the current calendar year in
// the agreement timezone (an agreement without dates is read as if signed for this year).
Context make_context(const semantic::ResolvedAgreement& a, int current_year) {
  const date::time_zone* zone = a.zone ? a.zone : find_zone("UTC");
  Context ctx{a, {}, {}, {}, {}};
  if (a.effective_start && a.effective_end) {
    ctx.from = *a.effective_start;
    ctx.to = *a.effective_end;
    const auto& h = *a.ast->header;
    ctx.range_text = fmt::format("between {} and {}", date::format("%F", *h.effective_from),
                                 date::format("%F", *h.effective_to));
  } else {
    auto first = date::local_days{date::year{current_year} / 1 / 1};
    auto next = date::local_days{date::year{current_year + 1} / 1 / 1};
    ctx.from = start_of_local_day(first, zone);
    ctx.to = start_of_local_day(next, zone);
    ctx.range_text = fmt::format("in {} (the agreement has no effective period)", current_year);
  }
  ctx.first_day = local_day(ctx.from, zone);
  return ctx;
}

// Whether a party or calendar name that a rule uses is declared (`by` and `responsible` take a
// party, `of X` either; which kind is the agreement error's business, not this one's).
bool declared(const semantic::ResolvedAgreement& a, const std::string& name) {
  return a.find_party(name) || a.find_calendar(name);
}

bool pattern_names_unknown(const semantic::ResolvedAgreement& a, const model::Pattern& p) {
  return (p.by && !declared(a, p.by->text)) || (p.hours && !declared(a, p.hours->calendar.text));
}

bool rule_names_unknown(const semantic::ResolvedAgreement& a, const model::Block& block, const model::Rule& rule) {
  for (const auto& n : block.responsible)
    if (!declared(a, n.text)) return true;
  if (pattern_names_unknown(a, rule.subject) || pattern_names_unknown(a, rule.target)) return true;
  if (rule.pause && (pattern_names_unknown(a, rule.pause->from) || pattern_names_unknown(a, rule.pause->until)))
    return true;
  if (rule.timing.duration.of_party && !declared(a, rule.timing.duration.of_party->text)) return true;
  if (rule.during && !declared(a, rule.during->text)) return true;
  for (const auto& p : rule.parties)
    if (!declared(a, p.text)) return true;
  return false;
}

// After an unknown party (an agreement error, reported where each use is written), what lint
// would say about a rule naming it is computed from a stand-in (the agreement's calendar, a
// responsible party nobody declared): it would only repeat the error in other words. Entries
// inside such a rule are dropped, and `one-sided`, which counts the parties rules bind, too.
void drop_follow_ons(const semantic::ResolvedAgreement& a, std::vector<Diagnostic>& entries) {
  struct Start {
    SourceLoc loc;
    bool unknown;  // a rule naming an unknown party; false for a block start
  };
  std::vector<Start> starts;
  bool any = false;
  for (const auto& block : a.ast->blocks) {
    starts.push_back({block.loc, false});
    for (const auto& rule : block.rules) {
      bool unknown = rule_names_unknown(a, block, rule);
      any = any || unknown;
      starts.push_back({rule.loc, unknown});
    }
  }
  if (!any) return;
  auto before = [](SourceLoc x, SourceLoc y) { return x.line != y.line ? x.line < y.line : x.column < y.column; };
  std::stable_sort(starts.begin(), starts.end(), [&](const Start& x, const Start& y) { return before(x.loc, y.loc); });
  auto in_unknown_rule = [&](const Diagnostic& d) {
    if (d.code == kOneSided) return true;
    // The rule (or block start) that begins last at or before the entry.
    auto it = std::upper_bound(starts.begin(), starts.end(), d.loc,
                               [&](SourceLoc loc, const Start& s) { return before(loc, s.loc); });
    return it != starts.begin() && std::prev(it)->unknown;
  };
  entries.erase(std::remove_if(entries.begin(), entries.end(), in_unknown_rule), entries.end());
}

}  // namespace

void sort_entries(std::vector<Diagnostic>& entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.file != b.loc.file) return a.loc.file < b.loc.file;
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    if (a.loc.column != b.loc.column) return a.loc.column < b.loc.column;
    return a.code < b.code;
  });
}

std::vector<Diagnostic> lint_agreement(const semantic::ResolvedAgreement& agreement, int current_year) {
  std::vector<Diagnostic> out;
  if (!agreement.ast || !agreement.agreement_calendar) return out;
  Context ctx = make_context(agreement, current_year);
  check_targets(ctx, out);
  check_hours(ctx, out);
  check_deadlines(ctx, out);
  check_cadence(ctx, out);
  check_contradictions(ctx, out);
  check_one_sided(ctx, out);
  check_credits(ctx, out);
  check_block_names(ctx, out);
  drop_follow_ons(agreement, out);
  sort_entries(out);
  return out;
}

}  // namespace pactum::lint
