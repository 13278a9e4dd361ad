#include "engine/eval/deadlines.h"

#include "engine/eval/wording.h"

namespace pactum::eval {

using TimingKind = model::Timing::Kind;
using Unit = model::Duration::Unit;

bool is_before_timing(TimingKind k) {
  return k == TimingKind::Before || k == TimingKind::AtLeastBefore || k == TimingKind::WithinBefore;
}

Millis plain_length(const model::Duration& d) {
  switch (d.unit) {
    case Unit::Minutes: return std::chrono::minutes{d.amount};
    case Unit::Hours: return std::chrono::hours{d.amount};
    case Unit::Days: return std::chrono::hours{24 * d.amount};
    case Unit::Weeks: return std::chrono::hours{24 * 7 * d.amount};
    default: return Millis{0};
  }
}

namespace {

// The instant whose local date in the calendar's zone is the anchor's date: the calendar counts
// business days from the local date of the instant it is given.
Instant day_instant(const calendar::BusinessCalendar& cal, const Anchor& a) {
  return a.date ? start_of_local_day(*a.date, cal.zone()) : a.at;
}

}  // namespace

std::optional<Instant> after_deadline(const calendar::BusinessCalendar& cal, const model::Duration& d,
                                      const Anchor& a) {
  switch (d.unit) {
    case Unit::BusinessDays: return cal.business_days_after(day_instant(cal, a), d.amount);
    case Unit::BusinessHours: return cal.add_business_minutes(a.at, d.amount * 60);
    default: return a.at + plain_length(d);
  }
}

std::optional<Instant> before_limit(const calendar::BusinessCalendar& cal, const model::Duration& d, const Anchor& a,
                                    bool at_least) {
  switch (d.unit) {
    case Unit::BusinessDays:
      return at_least ? cal.end_of_business_days_before(day_instant(cal, a), d.amount)
                      : cal.start_of_business_days_before(day_instant(cal, a), d.amount);
    case Unit::BusinessHours: return cal.subtract_business_minutes(a.at, d.amount * 60);
    default: return a.at - plain_length(d);
  }
}

void add_required(Finding& f, const model::Duration& d, Millis span) {
  if (d.unit == Unit::BusinessDays) f.measured.push_back(Measure{"required_business_days", double(d.amount), "", {}});
  else if (d.unit == Unit::BusinessHours) f.measured.push_back(Measure{"required_business_hours", double(d.amount), "", {}});
  else f.measured.push_back(Measure{"required_hours", hours_of(span), "", {}});
}

}  // namespace pactum::eval
