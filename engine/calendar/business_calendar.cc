// Weekly hours, holidays and the business time of one local date (spec 5, "Business time").
// Business-day counting lives here too; business-minute arithmetic is in business_time.cc.
#include "engine/calendar/business_calendar.h"

#include <algorithm>

#include "engine/calendar/calendar_util.h"

namespace pactum::calendar {

namespace {

constexpr int kDayMinutes = 24 * 60;

void merge_minutes(std::vector<std::pair<int, int>>& ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<int, int>> out;
  for (const auto& r : ranges) {
    if (!out.empty() && r.first <= out.back().second)
      out.back().second = std::max(out.back().second, r.second);
    else
      out.push_back(r);
  }
  ranges = std::move(out);
}

}  // namespace

BusinessCalendar::BusinessCalendar(const date::time_zone* zone, const std::vector<model::HoursSpan>& hours,
                                   const std::vector<date::year_month_day>& holidays)
    : zone_(zone ? zone : date::locate_zone("UTC")) {  // unknown zones are rejected earlier
  auto add = [this](int weekday, int open, int close) {
    if (open < close) weekly_[weekday].emplace_back(open, close);  // 24:00-06:00 adds no evening
  };
  for (const auto& span : hours) {
    int open = std::clamp(span.open_minute, 0, kDayMinutes);
    int close = std::clamp(span.close_minute, 0, kDayMinutes);
    if (open == close) continue;  // empty span (00:00-24:00 has open 0, close 1440)
    // Days walk forward from first_day to last_day, wrapping past Sunday (fri-mon).
    int first = ((span.first_day % 7) + 7) % 7;
    int last = ((span.last_day % 7) + 7) % 7;
    for (int d = first;; d = (d + 1) % 7) {
      if (open < close) {
        add(d, open, close);
      } else {
        // Night span: the evening part belongs to this date, the morning part to the next.
        add(d, open, kDayMinutes);
        add((d + 1) % 7, 0, close);
      }
      if (d == last) break;
    }
  }
  for (auto& ranges : weekly_) merge_minutes(ranges);
  for (const auto& h : holidays) holidays_.insert(day_number(date::local_days{h}));
}

bool BusinessCalendar::has_weekly_hours() const {
  return std::any_of(std::begin(weekly_), std::end(weekly_), [](const auto& r) { return !r.empty(); });
}

bool BusinessCalendar::is_holiday(date::local_days day) const { return holidays_.count(day_number(day)) > 0; }

bool BusinessCalendar::is_business_day(date::local_days day) const {
  // Checked through the intervals, not the weekly table: hours lying wholly inside a DST gap
  // leave no business time on that date.
  return !intervals_on(day).empty();
}

std::vector<Interval> BusinessCalendar::open_intervals(date::local_days day) const {
  auto ivs = intervals_on(day);
  return {ivs.begin(), ivs.end()};
}

const BusinessCalendar::Year* BusinessCalendar::year_data(int year) const {
  if (year < kMinYear - 1 || year > kMaxYear + 1) return nullptr;
  if (auto it = years_.find(year); it != years_.end()) return &it->second;
  Year y;
  auto first = date::local_days{date::year{year} / 1 / 1};
  auto next = date::local_days{date::year{year + 1} / 1 / 1};
  y.first_day = day_number(first);
  for (auto day = first; day < next; day += date::days{1}) {
    y.day_begin.push_back(static_cast<uint32_t>(y.intervals.size()));
    const auto& ranges = weekly_[weekday_index(day)];
    if (ranges.empty() || is_holiday(day)) continue;  // no tz look-up needed
    auto ivs = compute_intervals(day);
    if (ivs.empty()) continue;
    y.business_days.push_back(day_number(day));
    for (const auto& iv : ivs) {
      y.total += iv.end - iv.start;
      y.intervals.push_back(iv);
    }
  }
  y.day_begin.push_back(static_cast<uint32_t>(y.intervals.size()));
  return &years_.emplace(year, std::move(y)).first->second;
}

std::span<const Interval> BusinessCalendar::intervals_on(date::local_days day) const {
  const auto& ranges = weekly_[weekday_index(day)];
  if (ranges.empty() || is_holiday(day)) return {};  // no year needed
  const Year* y = year_data(int(date::year_month_day{day}.year()));
  if (!y) return {};
  size_t d = static_cast<size_t>(day_number(day) - y->first_day);
  return std::span<const Interval>(y->intervals).subspan(y->day_begin[d], y->day_begin[d + 1] - y->day_begin[d]);
}

std::vector<Interval> BusinessCalendar::compute_intervals(date::local_days day) const {
  std::vector<Interval> out;
  for (const auto& [open, close] : weekly_[weekday_index(day)]) {
    // resolve_local: a boundary in a gap moves to where the gap ends, in a fold to the earlier
    // instant. 24:00 is 00:00 of the next date, resolved the same way.
    Instant start = resolve_local(LocalTime{day} + std::chrono::minutes{open}, zone_).instant;
    Instant end = resolve_local(LocalTime{day} + std::chrono::minutes{close}, zone_).instant;
    if (start >= end) continue;  // the whole range fell into a gap
    if (!out.empty() && start <= out.back().end)
      out.back().end = std::max(out.back().end, end);  // touching once a gap is squeezed out
    else
      out.push_back({start, end});
  }
  return out;
}

bool BusinessCalendar::is_open(Instant t) const {
  // Compared as instants (V2.1). An instant normally lies in the business time of its own local
  // date; where a fold runs back across midnight, the second pass of the old date's last hour
  // lies inside the new date's first interval, so the neighbouring dates are asked too.
  auto day = local_day(t, zone_);
  for (auto d : {day, day + date::days{1}, day - date::days{1}})
    for (const auto& iv : intervals_on(d))
      if (iv.start <= t && t < iv.end) return true;
  return false;
}

// Whole years are skipped by their count of business days; only the year where the n-th day
// falls is searched (a binary search). Years outside 1900-2300 are never entered.
std::optional<date::local_days> BusinessCalendar::nth_business_day(date::local_days day, int64_t n,
                                                                   bool forward) const {
  if (n < 1 || !has_weekly_hours()) return std::nullopt;
  int year = int(date::year_month_day{day}.year());
  // A year holds at most 366 business days: a count that cannot fit between `day` and the edge
  // of the supported calendar is beyond it, without walking the years (a deadline of centuries
  // on every activation would otherwise walk ~400 years each time).
  int64_t years_left = forward ? int64_t{kMaxYear} - year + 1 : int64_t{year} - kMinYear + 1;
  if (years_left <= 0 || n > 366 * years_left) return std::nullopt;
  // Activations often share a date (a batch of tickets opened on one day): the last answer is kept.
  int32_t key = day_number(day);
  if (nth_memo_ && std::get<0>(*nth_memo_) == key && std::get<1>(*nth_memo_) == n &&
      std::get<2>(*nth_memo_) == forward)
    return std::get<3>(*nth_memo_);
  auto found = walk_business_days(year, key, n, forward);
  nth_memo_.emplace(key, n, forward, found);
  return found;
}

std::optional<date::local_days> BusinessCalendar::walk_business_days(int year, int32_t key, int64_t n,
                                                                     bool forward) const {
  for (; year >= kMinYear && year <= kMaxYear; year += forward ? 1 : -1) {
    const Year* y = year_data(year);
    const auto& days = y->business_days;
    // The candidates in this year: after `day` (forward) or before it (backward).
    auto lo = days.begin(), hi = days.end();
    if (forward) lo = std::upper_bound(days.begin(), days.end(), key);
    else hi = std::lower_bound(days.begin(), days.end(), key);
    auto available = static_cast<int64_t>(hi - lo);
    if (n <= available) return date::local_days{date::days{forward ? *(lo + (n - 1)) : *(hi - n)}};
    n -= available;
  }
  return std::nullopt;
}

std::optional<Instant> BusinessCalendar::business_days_after(Instant a, int64_t n) const {
  if (n < 0) return std::nullopt;
  auto day = local_day(a, zone_);
  if (n > 0 || !is_business_day(day)) {
    // N >= 1: the N-th business day strictly after A's date. N = 0 from a date that is not a
    // business day (a weekend, a holiday): the first business day after it (V2.1, "same
    // business day": a Saturday order is due Monday), the same day as N = 1.
    auto found = nth_business_day(day, std::max<int64_t>(n, 1), true);
    if (!found) return std::nullopt;
    day = *found;
  }
  return start_of_local_day(day + date::days{1}, zone_);  // 24:00 of that date
}

std::optional<Instant> BusinessCalendar::end_of_business_days_before(Instant a, int64_t n) const {
  if (n < 0) return std::nullopt;
  auto day = local_day(a, zone_);  // n = 0: a's own date
  if (n > 0) {
    auto found = nth_business_day(day, n, false);
    if (!found) return std::nullopt;
    day = *found;
  }
  return start_of_local_day(day + date::days{1}, zone_);
}

std::optional<Instant> BusinessCalendar::start_of_business_days_before(Instant a, int64_t n) const {
  if (n < 0) return std::nullopt;
  auto day = local_day(a, zone_);
  if (n > 0) {
    auto found = nth_business_day(day, n, false);
    if (!found) return std::nullopt;
    day = *found;
  }
  return start_of_local_day(day, zone_);
}

}  // namespace pactum::calendar
