// Business-minute arithmetic and closed stretches over a calendar's business intervals
// (spec 5, "Durations"; spec 7, `deadline-outside-hours`). Everything reads the business time
// of the year cache (business_calendar.cc), so holidays and DST are handled there once, and
// whole years are skipped by their total business time.
#include <algorithm>

#include "engine/calendar/business_calendar.h"
#include "engine/calendar/calendar_util.h"

namespace pactum::calendar {

namespace {

// More business minutes than 400 years hold can never elapse inside the supported calendar (and
// converting them to milliseconds could overflow).
constexpr int64_t kMaxMinutes = int64_t{146097} * 24 * 60;

}  // namespace

std::optional<Instant> BusinessCalendar::add_business_minutes(Instant a, int64_t minutes) const {
  if (minutes < 0) return minutes < -kMaxMinutes ? std::nullopt : subtract_business_minutes(a, -minutes);
  if (!has_weekly_hours() || minutes > kMaxMinutes) return std::nullopt;
  Millis remaining = std::chrono::minutes{minutes};
  // Start a day early: the business time of the previous date can reach past midnight into A's
  // date only through a fold or gap at midnight (its year may be the year before).
  auto start = local_day(a, zone_) - date::days{1};
  for (int year = int(date::year_month_day{start}.year()); year <= kMaxYear + 1; ++year) {
    const Year* y = year_data(year);
    if (!y) return std::nullopt;
    // A year that starts at or after `a` can be skipped whole by its total. Any other year holds
    // intervals that end before `a` (on 1 January, when the walk starts in the year before, the
    // year of `a` is the second one walked): those are skipped, never counted.
    bool after_a = y->intervals.empty() || y->intervals.front().start >= a;
    if (after_a && remaining > y->total) {
      remaining -= y->total;
      continue;
    }
    auto it = after_a ? y->intervals.begin()
                      : std::partition_point(y->intervals.begin(), y->intervals.end(),
                                             [a](const Interval& iv) { return iv.end <= a; });
    // Intervals of consecutive dates touch at midnight in a 00:00-24:00 calendar; walking them
    // in order passes across that boundary without losing or adding time.
    for (; it != y->intervals.end(); ++it) {
      Instant from = std::max(it->start, a);  // outside hours: counting starts at the opening
      Millis available = it->end - from;
      // Exactly used up at closing time: the deadline is the closing instant itself. With 0
      // minutes (V2.1) this is A itself inside hours, else the next opening.
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
  return std::nullopt;
}

std::optional<Instant> BusinessCalendar::subtract_business_minutes(Instant a, int64_t minutes) const {
  if (minutes < 0) return minutes < -kMaxMinutes ? std::nullopt : add_business_minutes(a, -minutes);
  if (minutes == 0) return a;
  if (!has_weekly_hours() || minutes > kMaxMinutes) return std::nullopt;
  Millis remaining = std::chrono::minutes{minutes};
  // Start a day late, as add_business_minutes starts a day early (a fold at midnight).
  auto start = local_day(a, zone_) + date::days{1};
  for (int year = std::min(int(date::year_month_day{start}.year()), kMaxYear + 1); year >= kMinYear - 1; --year) {
    const Year* y = year_data(year);
    if (!y) return std::nullopt;
    // A year that ends at or before `a` can be skipped whole; in any other, the intervals that
    // start at or after `a` are skipped.
    bool before_a = y->intervals.empty() || y->intervals.back().end <= a;
    if (before_a && remaining > y->total) {
      remaining -= y->total;
      continue;
    }
    auto end = before_a ? y->intervals.end()
                        : std::partition_point(y->intervals.begin(), y->intervals.end(),
                                               [a](const Interval& iv) { return iv.start < a; });
    for (auto it = end; it != y->intervals.begin();) {
      --it;
      Instant to = std::min(it->end, a);  // outside hours: counting starts at the last closing
      Millis available = to - it->start;
      // Exactly used up at opening time: the answer is the opening instant itself.
      if (remaining <= available) return to - remaining;
      remaining -= available;
    }
  }
  return std::nullopt;
}

const std::vector<Interval>& BusinessCalendar::business_time(Instant from, Instant to) const {
  if (business_time_memo_ && std::get<0>(*business_time_memo_) == from && std::get<1>(*business_time_memo_) == to)
    return std::get<2>(*business_time_memo_);
  std::vector<Interval> out;
  auto last = local_day(to, zone_) + date::days{1};
  for (auto day = local_day(from, zone_) - date::days{1}; day <= last; day += date::days{1}) {
    for (const auto& iv : intervals_on(day)) {
      Instant s = std::max(iv.start, from), e = std::min(iv.end, to);
      if (s >= e) continue;
      if (!out.empty() && s <= out.back().end)
        out.back().end = std::max(out.back().end, e);
      else
        out.push_back({s, e});
    }
  }
  business_time_memo_.emplace(from, to, std::move(out));
  return std::get<2>(*business_time_memo_);
}

std::vector<Instant> BusinessCalendar::openings(date::local_days first, date::local_days last) const {
  std::vector<Instant> out;
  for (auto day = first; day <= last; day += date::days{1}) {
    auto ivs = intervals_on(day);
    if (!ivs.empty()) out.push_back(ivs.front().start);
  }
  return out;
}

std::optional<BusinessCalendar::Gap> BusinessCalendar::longest_closure(Instant from, Instant to) const {
  if (!(from < to)) return std::nullopt;
  if (closure_memo_ && std::get<0>(*closure_memo_) == from && std::get<1>(*closure_memo_) == to)
    return std::get<2>(*closure_memo_);
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
  std::optional<Gap> result;
  if (!open.empty()) {
    // Closed stretches: before the first interval, between intervals, after the last; the outer
    // ones count only as far as they lie inside the range. Always open: an empty gap at `from`.
    Gap best{from, open.front().start};
    auto consider = [&best](Instant s, Instant e) {
      if (e - s > best.end - best.start) best = {s, e};
    };
    for (size_t i = 1; i < open.size(); ++i) consider(open[i - 1].end, open[i].start);
    consider(open.back().end, to);
    result = best;
  }
  closure_memo_.emplace(from, to, result);
  return result;
}

Millis BusinessCalendar::business_time_between(Instant from, Instant to) const {
  Millis total{0};
  if (!(from < to) || !has_weekly_hours()) return total;
  // The intervals of a local date lie between its 00:00 and its 24:00, so the years of the dates
  // of `from` through `to` hold every piece of business time in the range. A year wholly inside
  // counts by its total: a range of centuries costs a few hundred steps, not a walk of its dates.
  int first = int(date::year_month_day{local_day(from, zone_)}.year());
  int last = int(date::year_month_day{local_day(to, zone_)}.year());
  for (int year = std::max(first, kMinYear - 1); year <= std::min(last, kMaxYear + 1); ++year) {
    const Year* y = year_data(year);
    if (!y || y->intervals.empty()) continue;
    if (from <= y->intervals.front().start && y->intervals.back().end <= to) {
      total += y->total;
      continue;
    }
    auto it = std::partition_point(y->intervals.begin(), y->intervals.end(), [from](const Interval& iv) { return iv.end <= from; });
    for (; it != y->intervals.end() && it->start < to; ++it) {
      Instant s = std::max(it->start, from), e = std::min(it->end, to);
      if (s < e) total += e - s;
    }
  }
  return total;
}

}  // namespace pactum::calendar
