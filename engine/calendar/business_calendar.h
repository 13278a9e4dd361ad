// Business time of one party: weekly hours in its own time zone, minus its holidays (spec 5,
// "Business time" and "Durations"). All conversions between wall time and instants go through
// date/tz, so daylight-saving changes move opening hours exactly as they move on the wall clock.
#pragma once
#include <optional>
#include <span>
#include <unordered_map>
#include <tuple>
#include <unordered_set>
#include <vector>

#include "engine/base/time.h"
#include "engine/model/agreement.h"

namespace pactum::calendar {

// A half-open interval of instants [start, end).
struct Interval {
  Instant start{};
  Instant end{};
};

class BusinessCalendar {
 public:
  // `hours` as declared (spans may wrap days and run past midnight); holidays are local dates.
  BusinessCalendar(const date::time_zone* zone, const std::vector<model::HoursSpan>& hours,
                   const std::vector<date::year_month_day>& holidays);

  const date::time_zone* zone() const { return zone_; }
  // True when the weekly hours contain any time at all (else the calendar is unusable).
  bool has_weekly_hours() const;

  // Opening time is inside, closing time outside (09:00 in, 17:00 out).
  bool is_open(Instant t) const;
  bool is_holiday(date::local_days day) const;
  // A date that keeps any business time after holidays are removed.
  bool is_business_day(date::local_days day) const;
  // Business time that falls on local date `day`, as instants, in order (empty on holidays).
  // Night spans contribute their after-midnight part to the following date.
  std::vector<Interval> open_intervals(date::local_days day) const;

  // Business-day and business-minute arithmetic walks the supported calendar (years 1900 to 2300,
  // engine/base/time.h) a year at a time: each year's business time is computed once per calendar
  // and kept, so one call costs at most a few hundred steps whatever N is, and the answer is
  // exact up to the end of 2300. nullopt means "beyond the supported calendar".

  // `within N business days after`: 24:00 at the end of the N-th business day strictly after
  // A's local date. N = 0 (V2.1, the same business day): 24:00 of A's own date when it is a
  // business day, else of the first business day after it. nullopt when that day is after 2300,
  // and for N < 0. (24:00 in a gap or fold: see start_of_local_day.)
  std::optional<Instant> business_days_after(Instant a, int64_t n) const;
  // `at least N business days before`: 24:00 at the end of the N-th business day strictly
  // before A's local date. `within N business days before`: 00:00 of that same day.
  // N = 0 means A's own date (its 24:00, its 00:00), business day or not; N < 0 or a day
  // before 1900: nullopt.
  std::optional<Instant> end_of_business_days_before(Instant a, int64_t n) const;
  std::optional<Instant> start_of_business_days_before(Instant a, int64_t n) const;
  // The instant when `minutes` of business time have elapsed since `a` (counting from the next
  // opening when `a` is outside hours); and the symmetric instant going backwards. Time used up
  // exactly at a closing gives that closing (backwards: that opening). Adding 0 minutes gives `a`
  // inside hours and the next opening outside them (V2.1); subtracting 0 gives `a` itself, open
  // or not (the before-timings are unchanged). Negative minutes go the other way. nullopt beyond
  // 1900 to 2300.
  std::optional<Instant> add_business_minutes(Instant a, int64_t minutes) const;
  std::optional<Instant> subtract_business_minutes(Instant a, int64_t minutes) const;

  // What a clock that pauses counts (V2.4): elapsed time (plain units), business time
  // (`business hours`), or the time that falls on business days (`business days`: whole local
  // dates, 00:00 to 24:00, of the dates that are business days).
  enum class Counted { Elapsed, BusinessTime, BusinessDates };
  // The counted time in [from, to); zero when to <= from.
  Millis counted_between(Counted kind, Instant from, Instant to) const;
  // The first instant at which `amount` of counted time has elapsed since `from`. Used up exactly
  // at the end of counted time, it is that end (a closing, a 24:00); an amount of 0 gives the
  // first counted instant at or after `from` (business time: `from` inside hours, else the next
  // opening). nullopt when the calendar has no such time within ~50 years, or amount < 0.
  std::optional<Instant> advance_counted(Counted kind, Instant from, Millis amount) const;

  // The longest closed stretch (between consecutive business intervals) over [from, to), with
  // where it starts; used by lint's `deadline-outside-hours`. Closed stretches at the edges count
  // as far as they lie inside the range. nullopt when the range holds no business time; an
  // empty gap at `from` when it is open throughout. The last answer is kept (lint asks for the
  // same range once per rule).
  struct Gap {
    Instant start{};
    Instant end{};
  };
  std::optional<Gap> longest_closure(Instant from, Instant to) const;

  // The business time inside [from, to) (zero when to <= from), walking the local dates it
  // covers through open_intervals: holidays and DST days (23 h / 25 h) count as they are.
  Millis business_time_between(Instant from, Instant to) const;

  // Business time inside [from, to), in order, intervals that touch merged (lint's
  // impossible-hours). The last answer is kept, like longest_closure's.
  const std::vector<Interval>& business_time(Instant from, Instant to) const;

  // The instants at which each business day's business time opens (its first interval's start),
  // in order, for the business days whose local date lies in [first, last] (lint's cadence).
  std::vector<Instant> openings(date::local_days first, date::local_days last) const;

 private:
  // The business time of one local year, computed on first use and kept.
  struct Year {
    std::vector<Interval> intervals;   // every business interval of the year's dates, in order
    std::vector<uint32_t> day_begin;   // intervals of day d (0-based in the year): [day_begin[d], day_begin[d+1])
    std::vector<int32_t> business_days;  // day numbers (engine/calendar/calendar_util.h) of business days
    Millis total{0};                     // the year's business time
    int32_t first_day = 0;               // day number of January 1
  };
  // The year's data; nullptr outside the supported calendar (with a year of margin each side
  // for local dates of instants near its edges).
  const Year* year_data(int year) const;
  // open_intervals without copying: a view into the year cache.
  std::span<const Interval> intervals_on(date::local_days day) const;
  std::vector<Interval> compute_intervals(date::local_days day) const;
  // The n-th (n >= 1) business day strictly after (forward) or before `day`.
  std::optional<date::local_days> nth_business_day(date::local_days day, int64_t n, bool forward) const;
  // nth_business_day's walk from `year`, whole years skipped by their count of business days.
  std::optional<date::local_days> walk_business_days(int year, int32_t key, int64_t n, bool forward) const;

  const date::time_zone* zone_;
  // For each weekday (0=mon..6=sun): merged minute ranges [open, close) within that local date.
  std::vector<std::pair<int, int>> weekly_[7];
  std::unordered_set<int> holidays_;  // local_days count since epoch
  // Per-year business time (at most ~400 years of a few KB each). Not safe for concurrent use of
  // one calendar object from several threads.
  mutable std::unordered_map<int, Year> years_;
  mutable std::optional<std::tuple<Instant, Instant, std::optional<Gap>>> closure_memo_;
  // nth_business_day's last question (day number, n, forward) and answer.
  mutable std::optional<std::tuple<int32_t, int64_t, bool, std::optional<date::local_days>>> nth_memo_;
  mutable std::optional<std::tuple<Instant, Instant, std::vector<Interval>>> business_time_memo_;
};

}  // namespace pactum::calendar
