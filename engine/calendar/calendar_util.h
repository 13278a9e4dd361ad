// Small date helpers shared by the calendar files (internal to engine/calendar).
#pragma once
#include <cstdint>

#include <date/date.h>

namespace pactum::calendar {

// Days since 1970-01-01 of a local date: the key for holiday sets and caches.
inline int day_number(date::local_days day) { return static_cast<int>(day.time_since_epoch().count()); }

// 0 = Monday .. 6 = Sunday, as HoursSpan counts days.
inline int weekday_index(date::local_days day) {
  return static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
}

// Division rounding towards minus infinity, for windows that extend back before the anchor.
inline int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace pactum::calendar
