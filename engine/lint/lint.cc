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
  sort_entries(out);
  return out;
}

}  // namespace pactum::lint
