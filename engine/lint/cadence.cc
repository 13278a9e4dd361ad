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
#include <memory>
#include <unordered_map>

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

// The opening instants of one calendar's business days over a range of local dates. The range
// only ever widens (to the union of what is asked), so a calendar is scanned once per period
// whose windows reach further, not once per rule or window.
class Openings {
 public:
  explicit Openings(const calendar::BusinessCalendar& cal) : cal_(cal) {}

  // Makes sure the business days of every window of [from, to) are covered.
  void cover(Instant from, Instant to) {
    auto first = local_day(from, cal_.zone()) - date::days{1};
    auto last = local_day(to, cal_.zone()) + date::days{1};
    if (scanned_ && first >= lo_ && last <= hi_) return;
    lo_ = scanned_ ? std::min(lo_, first) : first;
    hi_ = scanned_ ? std::max(hi_, last) : last;
    list_ = cal_.openings(lo_, hi_);
    scanned_ = true;
  }

  // Business days of the calendar whose business time opens inside `w` (covered before).
  int64_t in(const Interval& w) const {
    auto begin = std::lower_bound(list_.begin(), list_.end(), w.start);
    auto end = std::lower_bound(begin, list_.end(), w.end);
    return end - begin;
  }

 private:
  const calendar::BusinessCalendar& cal_;
  bool scanned_ = false;
  date::local_days lo_{}, hi_{};
  std::vector<Instant> list_;
};

struct Most {
  int64_t days = 0;
  Interval window{};
};

// Per calendar: its openings, and the answer for each period (by canonical text).
struct CalendarMemo {
  std::unique_ptr<Openings> openings;
  std::unordered_map<std::string, Most> most;
};
using Memo = std::unordered_map<const calendar::BusinessCalendar*, CalendarMemo>;

Most most_business_days(const Context& ctx, const calendar::BusinessCalendar& cal, const model::Period& period,
                        Memo& memo) {
  CalendarMemo& m = memo[&cal];
  std::string key = model::canonical_text(period);
  if (auto it = m.most.find(key); it != m.most.end()) return it->second;
  if (!m.openings) m.openings = std::make_unique<Openings>(cal);
  Most most;
  bool first = true;
  auto windows = windows_of(ctx, period);
  if (!windows.empty()) m.openings->cover(windows.front().start, windows.back().end);
  for (const auto& w : windows) {
    int64_t n = m.openings->in(w);
    if (first || n > most.days) most = {n, w};
    first = false;
  }
  m.most.emplace(key, most);
  return most;
}

bool single_day(const model::Period& p) {
  return p.unit == model::Period::Unit::Day || (p.unit == model::Period::Unit::Days && p.count == 1);
}

void check_rule(const Context& ctx, const model::Block& block, const model::Rule& rule, Memo& memo,
                std::vector<Diagnostic>& out) {
  if (rule.kind != model::Rule::Kind::AtLeast) return;
  std::vector<std::string> parties = semantic::responsible_by_text(block, rule);
  if (parties.empty()) parties.push_back("");  // the agreement's calendar
  const std::string& what = rule.subject.type.text;
  model::Period week{model::Period::Unit::Week, 1, {}};

  if (single_day(rule.period) && rule.count > 1) {
    const auto& cal = ctx.agreement.calendar_of(parties.front());
    int64_t weekly = most_business_days(ctx, cal, week, memo).days;
    model::Rule daily = rule;
    daily.count = 1;
    std::vector<std::string> notes{write_rule(daily)};
    // The weekly equivalent only when it is a number the language can hold (count is any 64-bit
    // value: `at least 9223372036854775807 order every day` is legal).
    model::Rule weekly_rule = rule;
    weekly_rule.period = week;
    if (!__builtin_mul_overflow(rule.count, std::max<int64_t>(weekly, 1), &weekly_rule.count))
      notes.push_back("or, to let the work bunch up on working days, " + write_rule(weekly_rule));
    out.push_back(entry(DiagLevel::Warning, kCadenceTooDense, rule.loc,
                        fmt::format("at least {} {} every day asks for more than one a day, weekends and holidays "
                                    "included: a single slow day is a breach",
                                    rule.count, what),
                        notes, 2));
    return;
  }

  // The most constrained responsible party decides.
  std::string tight;
  Most most;
  bool first = true;
  for (const auto& party : parties) {
    Most m = most_business_days(ctx, ctx.agreement.calendar_of(party), rule.period, memo);
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
  Memo memo;
  for (const auto& block : ctx.agreement.ast->blocks)
    for (const auto& rule : block.rules) check_rule(ctx, block, rule, memo, out);
}

}  // namespace pactum::lint
