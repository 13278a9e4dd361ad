// cadence-too-dense (spec 7): `at least N ... every period` where N exceeds the largest number of
// business days in any window of that period (of the responsible parties, else the agreement's
// calendar), or N > 1 every day.
//
// A business day counts in the window where its business time opens, so that each day counts
// once even when the party's zone differs from the agreement's (a Manila working day that opens
// on Sunday evening New York time belongs to the New York week of that Sunday). Windows are the
// ones evaluation judges: complete windows inside the effective period (else the current year);
// when the period is too short for any complete window, the windows that overlap it. With several
// responsible parties the most constrained one is reported (everyone named must keep the cadence).
#include <algorithm>

#include <fmt/format.h>

#include "engine/calendar/periods.h"
#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

using calendar::Interval;

std::vector<Interval> windows_of(const Context& ctx, const model::Period& period) {
  const date::time_zone* zone = ctx.agreement.zone ? ctx.agreement.zone : find_zone("UTC");
  calendar::WindowSequence seq(period, zone, ctx.first_day);
  auto windows = seq.complete_windows(ctx.from, ctx.to);
  if (windows.empty())
    for (auto w = seq.containing(ctx.from); w.start < ctx.to && windows.size() < 1000; w = seq.next(w))
      windows.push_back(w);
  return windows;
}

namespace {

// Business days of `cal` whose business time opens inside `w`.
int64_t business_days_in(const calendar::BusinessCalendar& cal, const Interval& w) {
  int64_t n = 0;
  auto last = local_day(w.end, cal.zone()) + date::days{1};
  for (auto day = local_day(w.start, cal.zone()) - date::days{1}; day <= last; day += date::days{1}) {
    auto ivs = cal.open_intervals(day);
    if (!ivs.empty() && w.start <= ivs.front().start && ivs.front().start < w.end) ++n;
  }
  return n;
}

struct Most {
  int64_t days = 0;
  Interval window{};
};

Most most_business_days(const Context& ctx, const calendar::BusinessCalendar& cal, const model::Period& period) {
  Most most;
  bool first = true;
  for (const auto& w : windows_of(ctx, period)) {
    int64_t n = business_days_in(cal, w);
    if (first || n > most.days) most = {n, w};
    first = false;
  }
  return most;
}

bool single_day(const model::Period& p) {
  return p.unit == model::Period::Unit::Day || (p.unit == model::Period::Unit::Days && p.count == 1);
}

void check_rule(const Context& ctx, const model::Block& block, const model::Rule& rule, std::vector<Diagnostic>& out) {
  if (rule.kind != model::Rule::Kind::AtLeast) return;
  std::vector<std::string> parties = semantic::responsible_by_text(block, rule);
  if (parties.empty()) parties.push_back("");  // the agreement's calendar
  const std::string& what = rule.subject.type.text;
  model::Period week{model::Period::Unit::Week, 1, {}};

  if (single_day(rule.period) && rule.count > 1) {
    const auto& cal = ctx.agreement.calendar_of(parties.front());
    int64_t weekly = most_business_days(ctx, cal, week).days;
    model::Rule daily = rule;
    daily.count = 1;
    model::Rule weekly_rule = rule;
    weekly_rule.period = week;
    weekly_rule.count = rule.count * std::max<int64_t>(weekly, 1);
    out.push_back(entry(DiagLevel::Warning, kCadenceTooDense, rule.loc,
                        fmt::format("at least {} {} every day asks for more than one a day, weekends and holidays "
                                    "included: a single slow day is a breach",
                                    rule.count, what),
                        {write_rule(daily),
                         "or, to let the work bunch up on working days, " + write_rule(weekly_rule)},
                        2));
    return;
  }

  // The most constrained responsible party decides.
  std::string tight;
  Most most;
  bool first = true;
  for (const auto& party : parties) {
    Most m = most_business_days(ctx, ctx.agreement.calendar_of(party), rule.period);
    if (first || m.days < most.days) {
      tight = party;
      most = m;
    }
    first = false;
  }
  if (rule.count <= most.days) return;
  const auto& cal = ctx.agreement.calendar_of(tight);
  std::string who = tight.empty() ? "the agreement's calendar has" : tight + " has";
  std::string hours = hours_text(effective_hours(ctx.agreement, tight));
  std::string message = fmt::format(
      "at least {} {} every {} asks for more than one per business day: {} at most {} in any {} {} ({} {}), so the "
      "cadence can only be kept by doubling up or working on closed days",
      rule.count, what, period_word(rule.period), who, count_of(most.days, "business day"), period_word(rule.period),
      ctx.range_text, hours, zone_words(cal.zone()));
  std::vector<std::string> notes;
  if (most.days > 0) {
    model::Rule fix = rule;
    fix.count = most.days;
    notes.push_back(write_rule(fix));
  } else {
    notes.push_back("no business day ever opens in a single " + period_word(rule.period) +
                    ": write a longer period, e.g. `every month`");
  }
  out.push_back(entry(DiagLevel::Warning, kCadenceTooDense, rule.loc, message, notes, 2));
}

}  // namespace

void check_cadence(const Context& ctx, std::vector<Diagnostic>& out) {
  for (const auto& block : ctx.agreement.ast->blocks)
    for (const auto& rule : block.rules) check_rule(ctx, block, rule, out);
}

}  // namespace pactum::lint
