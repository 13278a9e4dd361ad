// What the V2.6 rule evaluators (downtime_rule.cc: availability and downtime; duration_rule.cc:
// duration measures) share: how they measure time (elapsed, or the business time
// of `during business hours of X`), who is responsible, and a bounded list of cited events.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/calendar/business_calendar.h"
#include "engine/calendar/periods.h"
#include "engine/eval/cited_events.h"
#include "engine/eval/rule_evaluator.h"

namespace pactum::eval {

// Time as a V2.6 rule counts it: elapsed time, or with `during business hours of X` only the
// time inside X's business hours (through engine/calendar, so holidays and DST count as they are).
class TimeMeasure {
 public:
  TimeMeasure(const EvalContext& ctx, const model::Rule& rule);
  Millis operator()(Instant from, Instant to) const;
  bool business() const { return calendar_ != nullptr; }
  // An amount of this kind of time in words: business time in hours ("176 hours"), elapsed
  // time as time_words does.
  std::string words(Millis d) const;
  // "" or " of business time", to follow an amount of time in a message.
  std::string of_what() const;

 private:
  const calendar::BusinessCalendar* calendar_ = nullptr;
};

// A plain duration (`16 hours`, `30 minutes`) as elapsed time.
Millis plain_duration_length(const model::Duration& d);

// Responsible parties of a V2.6 finding: the block's `responsible`, else the `by` of the
// interval's opening pattern P1, else "unassigned".
std::vector<std::string> interval_rule_responsible(const EvalContext& ctx, const model::Block& block,
                                                   const model::Rule& rule);

// "in March 2026", "on Tue 2026-03-03", "in the week of Mon 2026-03-02", "in Q1 2026", "in 2026",
// "in the period 2026-03-01 to 2026-03-15".
std::string window_words(const model::Period& period, const calendar::Interval& w, const date::time_zone* zone);

// An amount of time in words, to the second when it is not whole minutes ("4 hours 30 minutes",
// "2 minutes 30 seconds"); never rounds a non-zero amount to "0 minutes".
// `in_hours`: no days ("176 hours"), as business time reads best.
std::string time_words(Millis d, bool in_hours = false);

}  // namespace pactum::eval
