// Counted time of the clocks that pause (V2.4): how much elapsed, business or business-date time
// lies between two instants, and when a given amount of it has elapsed. Like the business-minute
// arithmetic, everything walks local dates and reads their business time through intervals_on,
// so holidays, DST gaps and folds are handled there once; a date counts from its local 00:00 to
// the next date's 00:00 as instants (a DST date is 23 or 25 hours long).
#include <algorithm>
#include <span>

#include "engine/calendar/business_calendar.h"
#include "engine/calendar/calendar_util.h"

namespace pactum::calendar {

namespace {

// Calls `piece(start, end)` for the counted time of local date `day`, in order. Returns false
// when `piece` asks to stop.
template <typename Piece>
bool walk_day(const BusinessCalendar& cal, BusinessCalendar::Counted kind, date::local_days day,
              std::span<const Interval> business, Piece&& piece) {
  if (kind == BusinessCalendar::Counted::BusinessDates) {
    if (business.empty()) return true;  // not a business day: nothing of it counts
    return piece(start_of_local_day(day, cal.zone()), start_of_local_day(day + date::days{1}, cal.zone()));
  }
  for (const auto& iv : business)
    if (!piece(iv.start, iv.end)) return false;
  return true;
}

}  // namespace

Millis BusinessCalendar::counted_between(Counted kind, Instant from, Instant to) const {
  if (!(from < to)) return Millis{0};
  if (kind == Counted::Elapsed) return to - from;
  if (kind == Counted::BusinessTime) return business_time_between(from, to);
  Millis total{0};
  // One date early and one late: a fold or gap at midnight can move a date's business time
  // across the local date boundary of an instant.
  auto last = local_day(to, zone_) + date::days{1};
  for (auto day = local_day(from, zone_) - date::days{1}; day <= last; day += date::days{1}) {
    walk_day(*this, kind, day, intervals_on(day), [&](Instant s, Instant e) {
      s = std::max(s, from);
      e = std::min(e, to);
      if (s < e) total += e - s;
      return true;
    });
  }
  return total;
}

std::optional<Instant> BusinessCalendar::advance_counted(Counted kind, Instant from, Millis amount) const {
  if (amount < Millis{0}) return std::nullopt;
  if (kind == Counted::Elapsed) return from + amount;
  if (!has_weekly_hours()) return std::nullopt;
  Millis remaining = amount;
  std::optional<Instant> found;
  // Up to the end of the supported calendar (kMaxYear): beyond it there is no answer.
  auto day = local_day(from, zone_) - date::days{1};
  auto end = date::local_days{date::year{kMaxYear + 1} / date::January / 1};
  for (; day < end && !found; day += date::days{1}) {
    walk_day(*this, kind, day, intervals_on(day), [&](Instant s, Instant e) {
      if (e <= from) return true;
      Instant begin = std::max(s, from);  // outside counted time: counting starts where it resumes
      Millis available = e - begin;
      // Used up exactly at the end of a piece: the answer is that end (a closing, a 24:00).
      if (remaining <= available) {
        found = begin + remaining;
        return false;
      }
      remaining -= available;
      return true;
    });
  }
  return found;
}

}  // namespace pactum::calendar
