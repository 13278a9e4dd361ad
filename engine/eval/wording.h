// Plain-English pieces of finding messages: durations, numbers, event descriptions.
#pragma once
#include <string>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"
#include "engine/model/agreement.h"

namespace pactum::eval {

// "25 hours", "2 days 3 hours", "45 minutes", "0 minutes".
std::string human_duration(Millis d);
// A number without trailing zeros: 25, 25.5, 81.25.
std::string plain_number(double v);
// Hours as a JSON-friendly number rounded to 2 decimals.
double hours_of(Millis d);
// The same for a measured length on the failing side of a bound, never rounded onto or across
// it (as shares are not): 47 h 59 min 50 s of notice where 48 h are required is 47.99, not 48;
// a delay of 10 s is 0.01, not 0.
double hours_below(Millis d, Millis bound);  // d < bound
double hours_above(Millis d, Millis bound);  // d > bound
// A deadline in local time; midnight reads as the end of the previous day ("the end of Fri
// 2026-05-15"), which is how the agreement's "24:00 of that day" deadlines are meant.
std::string deadline_text(Instant t, const date::time_zone* zone);
// "48 hours", "3 business days of Acme".
std::string duration_text(const model::Duration& d);
// One window of a period as a reader names it: "March 2026", "Q1 2026", "2026", "the week of
// Mon 2026-01-05", "Mon 2026-01-05", "the period 2026-03-02 to 2026-03-16".
std::string window_name(const model::Period& period, const calendar::Interval& w, const date::time_zone* zone);
// "month", "quarter", "2-week window".
std::string period_noun(const model::Period& period);

}  // namespace pactum::eval
