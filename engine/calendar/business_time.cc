// Business-minute arithmetic and closed stretches over a calendar's business intervals
// (spec 5, "Durations"; spec 7, `deadline-outside-hours`). Everything walks local dates and
// reads their business time through open_intervals, so holidays and DST are handled there once.
#include <algorithm>

#include "engine/calendar/business_calendar.h"
#include "engine/calendar/calendar_util.h"

namespace pactum::calendar {

std::optional<Instant> BusinessCalendar::add_business_minutes(Instant a, int64_t minutes) const {
  if (minutes < 0) return subtract_business_minutes(a, -minutes);
  if (!has_weekly_hours()) return std::nullopt;
  Millis remaining = std::chrono::minutes{minutes};
  // Start a day early: the business time of the previous date can reach past midnight into
  // A's date only through a fold or gap at midnight, but walking one extra date costs nothing.
  auto day = local_day(a, zone_) - date::days{1};
  for (int i = 0; i < kSearchDays; ++i, day += date::days{1}) {
    // Intervals of consecutive dates touch at midnight in a 00:00-24:00 calendar; walking them
    // in order passes across that boundary without losing or adding time.
    for (const auto& iv : intervals_on(day)) {
      if (iv.end <= a) continue;
      Instant from = std::max(iv.start, a);  // outside hours: counting starts at the opening
      // Exactly used up at closing time: the deadline is the closing instant itself. With 0
      // minutes (V2.1) this is A itself inside hours, else the next opening.
      Millis available = iv.end - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
  return std::nullopt;
}

std::optional<Instant> BusinessCalendar::subtract_business_minutes(Instant a, int64_t minutes) const {
  if (minutes < 0) return add_business_minutes(a, -minutes);
  if (minutes == 0) return a;
  if (!has_weekly_hours()) return std::nullopt;
  Millis remaining = std::chrono::minutes{minutes};
  auto day = local_day(a, zone_);
  for (int i = 0; i < kSearchDays; ++i, day -= date::days{1}) {
    const auto& ivs = intervals_on(day);
    for (auto it = ivs.rbegin(); it != ivs.rend(); ++it) {
      if (it->start >= a) continue;
      Instant to = std::min(it->end, a);  // outside hours: counting starts at the last closing
      Millis available = to - it->start;
      // Exactly used up at opening time: the answer is the opening instant itself.
      if (remaining <= available) return to - remaining;
      remaining -= available;
    }
  }
  return std::nullopt;
}

std::optional<BusinessCalendar::Gap> BusinessCalendar::longest_closure(Instant from, Instant to) const {
  if (!(from < to)) return std::nullopt;
  // Business time inside [from, to), merged where intervals touch (also across midnight).
  std::vector<Interval> open;
  auto last = local_day(to, zone_);
  for (auto day = local_day(from, zone_); day <= last; day += date::days{1}) {
    for (const auto& iv : intervals_on(day)) {
      Instant s = std::max(iv.start, from), e = std::min(iv.end, to);
      if (s >= e) continue;
      if (!open.empty() && s <= open.back().end)
        open.back().end = std::max(open.back().end, e);
      else
        open.push_back({s, e});
    }
  }
  if (open.empty()) return std::nullopt;
  // Closed stretches: before the first interval, between intervals, after the last; the outer
  // ones count only as far as they lie inside the range. Always open: an empty gap at `from`.
  Gap best{from, open.front().start};
  auto consider = [&best](Instant s, Instant e) {
    if (e - s > best.end - best.start) best = {s, e};
  };
  for (size_t i = 1; i < open.size(); ++i) consider(open[i - 1].end, open[i].start);
  consider(open.back().end, to);
  return best;
}

Millis BusinessCalendar::business_time_between(Instant from, Instant to) const {
  Millis total{0};
  if (!(from < to) || !has_weekly_hours()) return total;
  // The intervals of a local date lie between its 00:00 and its 24:00, so the dates of `from`
  // through `to` hold every piece of business time in the range.
  auto last = local_day(to, zone_);
  for (auto day = local_day(from, zone_); day <= last; day += date::days{1})
    for (const auto& iv : intervals_on(day)) {
      Instant s = std::max(iv.start, from), e = std::min(iv.end, to);
      if (s < e) total += e - s;
    }
  return total;
}

}  // namespace pactum::calendar
