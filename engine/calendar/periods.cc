// Calendar windows (spec 5, "Calendar periods"). Windows are computed on local dates and only
// then turned into instants with resolve_local, so a window keeps its wall-clock edges (00:00)
// across DST changes: a day is 23 or 25 hours long, a DST week 167 or 169. An edge in a gap is
// the first instant after the gap, one in a fold the earlier instant (V2.1); which window holds
// an instant is decided on instants, never on its wall-clock reading.
#include "engine/calendar/periods.h"

#include <algorithm>

#include "engine/calendar/calendar_util.h"

namespace pactum::calendar {

namespace {

using Unit = model::Period::Unit;

// Months since year 0 of a date's month: lets month arithmetic run on plain integers.
int64_t month_index(date::year_month_day ymd) {
  return int64_t{static_cast<int>(ymd.year())} * 12 + static_cast<unsigned>(ymd.month()) - 1;
}

// The first day of the month `index`, or `day` of it clamped to the month's last day.
date::local_days month_day(int64_t index, unsigned day) {
  date::year y{static_cast<int>(floor_div(index, 12))};
  date::month m{static_cast<unsigned>(index - floor_div(index, 12) * 12 + 1)};
  date::year_month_day_last last{y / m / date::last};
  return date::local_days{y / m / std::min(date::day{day}, last.day())};
}

}  // namespace

WindowSequence::WindowSequence(model::Period period, const date::time_zone* zone, date::local_days anchor,
                               Millis anchor_time)
    : period_(period), zone_(zone), anchor_(anchor) {
  using U = model::Period::Unit;
  if (period.unit == U::Days || period.unit == U::Weeks || period.unit == U::Months) shift_ = anchor_time;
  // `every 0 days` is rejected earlier (bad-period). Very long windows are capped at ~400 years:
  // beyond that they would leave the supported years anyway, and date arithmetic must not overflow.
  int64_t cap = period_.unit == Unit::Days ? 146097 : period_.unit == Unit::Weeks ? 20871 : 4800;
  period_.count = std::clamp<int64_t>(period_.count, 1, cap);
}

date::local_days WindowSequence::start_of(date::local_days day) const {
  date::year_month_day ymd{day};
  switch (period_.unit) {
    case Unit::Day:
      return day;
    case Unit::Week:  // ISO week: back to Monday
      return day - date::days{weekday_index(day)};
    case Unit::Month:
      return month_day(month_index(ymd), 1);
    case Unit::Quarter:
      return month_day(floor_div(month_index(ymd), 3) * 3, 1);
    case Unit::Year:
      return date::local_days{ymd.year() / date::January / 1};
    case Unit::Days:
    case Unit::Weeks: {
      int64_t len = period_.count * (period_.unit == Unit::Weeks ? 7 : 1);
      int64_t k = floor_div((day - anchor_).count(), len);
      return anchor_ + date::days{k * len};
    }
    case Unit::Months: {
      // Window k starts k*N months after the anchor, on the anchor's day of month clamped to
      // the month's length (an anchor on the 31st starts later windows on the 30th, 28th, ...).
      date::year_month_day a{anchor_};
      unsigned dom = static_cast<unsigned>(a.day());
      int64_t k = floor_div(month_index(ymd) - month_index(a), period_.count);
      auto start = month_day(month_index(a) + k * period_.count, dom);
      if (start > day) start = month_day(month_index(a) + (k - 1) * period_.count, dom);
      return start;
    }
  }
  return day;
}

date::local_days WindowSequence::advance(date::local_days start) const {
  date::year_month_day ymd{start};
  switch (period_.unit) {
    case Unit::Day:
      return start + date::days{1};
    case Unit::Week:
      return start + date::days{7};
    case Unit::Month:
      return month_day(month_index(ymd) + 1, 1);
    case Unit::Quarter:
      return month_day(month_index(ymd) + 3, 1);
    case Unit::Year:
      return date::local_days{(ymd.year() + date::years{1}) / date::January / 1};
    case Unit::Days:
      return start + date::days{period_.count};
    case Unit::Weeks:
      return start + date::days{7 * period_.count};
    case Unit::Months: {
      // Recomputed from the anchor (not from `start`) so clamping never drifts: Jan 31 ->
      // Feb 28 -> Mar 31.
      date::year_month_day a{anchor_};
      int64_t k = floor_div(month_index(ymd) - month_index(a), period_.count);
      return month_day(month_index(a) + (k + 1) * period_.count, static_cast<unsigned>(a.day()));
    }
  }
  return start + date::days{1};
}

WindowSequence WindowSequence::anchored_at(model::Period period, const date::time_zone* zone, Instant anchor) {
  auto local = zone->to_local(anchor);
  auto day = date::floor<date::days>(local);
  WindowSequence w(period, zone, day, local - day);
  if (period.unit == Unit::Days || period.unit == Unit::Weeks || period.unit == Unit::Months) w.exact_ = anchor;
  return w;
}

Instant WindowSequence::edge(date::local_days day) const {
  if (exact_ && day == anchor_) return *exact_;
  if (shift_ == Millis{0}) return start_of_local_day(day, zone_);
  return resolve_local(LocalTime{day} + shift_, zone_).instant;
}

Interval WindowSequence::containing(Instant t) const {
  // A first guess from t's wall-clock reading, then corrected on instants (V2.1: a window holds
  // exactly the instants from its start to the next window's start). The guess is off by one
  // window when t's local time repeats in a fold across an edge: 01:15 EST on the first day of
  // a 7-day window anchored at 01:30 reads as "before 01:30" but comes 45 minutes after the
  // edge 01:30 EDT. Edges are monotonic in their local dates, so stepping converges; windows
  // that a gap leaves empty (a whole skipped date) are stepped over.
  auto local = zone_->to_local(t) - shift_;
  auto start = start_of(date::floor<date::days>(local));
  Interval w{edge(start), edge(advance(start))};
  for (int guard = 0; guard < 8; ++guard) {
    if (t < w.start) {
      start = start_of(start - date::days{1});
      w = {edge(start), edge(advance(start))};
    } else if (t >= w.end) {
      start = advance(start);
      w = {edge(start), edge(advance(start))};
    } else {
      break;
    }
  }
  return w;
}

Interval WindowSequence::next(const Interval& w) const { return containing(w.end); }

std::vector<Interval> WindowSequence::complete_windows(Instant from, Instant to) const {
  std::vector<Interval> out;
  if (to < from) return out;
  auto w = containing(from);
  if (w.start < from) w = next(w);  // the first window began before `from`: incomplete
  while (w.end <= to) {
    out.push_back(w);
    w = next(w);
  }
  return out;
}

size_t WindowSequence::count_complete_windows(Instant from, Instant to, size_t limit) const {
  size_t n = 0;
  if (to < from) return n;
  auto w = containing(from);
  if (w.start < from) w = next(w);
  for (; w.end <= to && n <= limit; w = next(w)) ++n;
  return n;
}

}  // namespace pactum::calendar
