#include "engine/eval/period_names.h"

#include <cmath>

namespace pactum::eval {

namespace {

constexpr size_t kCacheLimit = 1 << 16;  // distinct `period` texts remembered

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// `2026`, `2026-Q1`, `2026-03`, `2026-W11`, `2026-03-15` and near misses such as `2026-3`: text
// that can only be an ISO name or a date, never a date-time.
bool iso_shaped(std::string_view s) {
  return (s.size() == 4 || ((s.size() == 6 || s.size() == 7 || s.size() == 8 || s.size() == 10) && s[4] == '-')) &&
         digits(s.substr(0, 4));
}

bool supported_year(int y) { return y >= kMinYear && y <= kMaxYear; }

date::local_days first_of_month(int year, unsigned month) {
  return date::local_days{date::year{year} / date::month{month} / 1};
}

// Monday of ISO week 1 of ISO year `y`: the week that holds 4 January.
date::local_days iso_week_one(int y) {
  date::local_days jan4{date::year{y} / date::January / 4};
  return jan4 - date::days{date::weekday{jan4}.iso_encoding() - 1};
}

}  // namespace

PeriodNames::PeriodNames(const log::EventLog& log, calendar::WindowSequence windows, const date::time_zone* zone)
    : log_(&log), windows_(std::move(windows)), zone_(zone), period_(FieldRef::compile("period", log)) {}

std::optional<calendar::Interval> PeriodNames::window_of(const log::Event& e) const {
  return window_named(e, read_field(*log_, e, period_));
}

std::optional<calendar::Interval> PeriodNames::window_named(const log::Event& e, const FieldValue& v) const {
  switch (v.kind) {
    case FieldValue::Kind::Number: {
      // The number 2026 is the year 2026; no other number names anything.
      if (v.number != std::floor(v.number) || !supported_year(static_cast<int>(v.number))) return std::nullopt;
      int y = static_cast<int>(v.number);
      return exact_window(first_of_month(y, 1), first_of_month(y + 1, 1));
    }
    case FieldValue::Kind::Time: return windows_.containing(v.time);
    case FieldValue::Kind::String: {
      std::string_view text = log_->symbols.text(v.text);
      if (!iso_shaped(text)) {
        // A date-time: the window that contains that instant, read like a `no later than` date
        // (not cached: without an offset its meaning depends on the event's log).
        auto t = read_instant(*log_, e, v, zone_, false);
        if (!t) return std::nullopt;
        return windows_.containing(*t);
      }
      std::string key(text);  // at most 10 characters: no allocation
      if (auto it = by_iso_.find(key); it != by_iso_.end()) return it->second;
      auto w = window_of_iso(text);
      if (by_iso_.size() < kCacheLimit) by_iso_.emplace(std::move(key), w);
      return w;
    }
    default: return std::nullopt;
  }
}

std::optional<calendar::Interval> PeriodNames::exact_window(date::local_days first, date::local_days end) const {
  Instant start = start_of_local_day(first, zone_);
  auto w = windows_.containing(start);
  if (w.start != start || w.end != start_of_local_day(end, zone_)) return std::nullopt;
  return w;
}

std::optional<calendar::Interval> PeriodNames::window_of_iso(std::string_view s) const {
  int y = number(s.substr(0, 4));
  if (!supported_year(y)) return std::nullopt;
  if (s.size() == 4) return exact_window(first_of_month(y, 1), first_of_month(y + 1, 1));  // 2026
  if (s.size() == 7 && s[4] == '-') {
    std::string_view rest = s.substr(5);
    if (rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {  // 2026-Q1
      unsigned q = static_cast<unsigned>(rest[1] - '0');
      auto first = first_of_month(y, 3 * q - 2);
      return exact_window(first, date::local_days{date::year_month_day{first} + date::months{3}});
    }
    if (digits(rest)) {  // 2026-03
      int m = number(rest);
      if (m < 1 || m > 12) return std::nullopt;
      auto first = first_of_month(y, static_cast<unsigned>(m));
      return exact_window(first, date::local_days{date::year_month_day{first} + date::months{1}});
    }
    return std::nullopt;
  }
  if (s.size() == 8 && s[4] == '-' && s[5] == 'W' && digits(s.substr(6))) {  // 2026-W11
    int w = number(s.substr(6));
    auto monday = iso_week_one(y) + date::weeks{w - 1};
    if (w < 1 || monday >= iso_week_one(y + 1)) return std::nullopt;  // 2027-W53 does not exist
    return exact_window(monday, monday + date::weeks{1});
  }
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {  // a date: the window that contains it
    auto ymd = parse_date(s);
    if (!ymd) return std::nullopt;
    return windows_.containing(start_of_local_day(date::local_days{*ymd}, zone_));
  }
  return std::nullopt;
}

}  // namespace pactum::eval
