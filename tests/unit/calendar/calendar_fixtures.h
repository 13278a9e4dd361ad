// Shared helpers for the calendar tests: instants from ISO text, calendars from short hour
// strings, and printing that makes a failed table row say what differed.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"

namespace pactum::calendar::test {

// An instant from ISO text with an explicit offset ("2026-01-12T09:00Z").
inline Instant at(const std::string& iso) {
  auto parsed = parse_timestamp(iso);
  if (!parsed || !parsed->offset) throw std::invalid_argument("test timestamp needs an offset: " + iso);
  return resolve(*parsed, nullptr).instant;
}

inline const date::time_zone* zone(const std::string& name) {
  const auto* z = find_zone(name);
  if (!z) throw std::invalid_argument("unknown zone " + name);
  return z;
}

// UTC text, so expected and actual compare as strings and print readably.
inline std::string show(Instant t) { return format_instant(t, zone("UTC")); }
inline std::string show(const std::optional<Instant>& t) { return t ? show(*t) : std::string("none"); }
inline std::string show(const Interval& iv) { return "[" + show(iv.start) + ", " + show(iv.end) + ")"; }
inline std::string show(const std::vector<Interval>& ivs) {
  std::string out;
  for (const auto& iv : ivs) out += (out.empty() ? "" : " ") + show(iv);
  return out.empty() ? "(none)" : out;
}

inline date::local_days day(const std::string& ymd) {
  auto d = parse_date(ymd);
  if (!d) throw std::invalid_argument("bad date " + ymd);
  return date::local_days{*d};
}

// "mon-fri 09:00-17:00", "sat 10:00-14:00", "fri-mon 22:00-06:00"; several joined by ", ".
inline std::vector<model::HoursSpan> hours(const std::string& text) {
  static const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  auto day_of = [](const std::string& s) {
    for (int i = 0; i < 7; ++i)
      if (s == kDays[i]) return i;
    throw std::invalid_argument("bad day " + s);
  };
  auto minute_of = [](const std::string& s) { return std::stoi(s.substr(0, 2)) * 60 + std::stoi(s.substr(3, 2)); };
  std::vector<model::HoursSpan> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(", ", pos);
    std::string part = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? text.size() : end + 2;
    auto space = part.find(' ');
    std::string days = part.substr(0, space), times = part.substr(space + 1);
    model::HoursSpan span;
    auto dash = days.find('-');
    span.first_day = day_of(days.substr(0, dash));
    span.last_day = dash == std::string::npos ? span.first_day : day_of(days.substr(dash + 1));
    span.open_minute = minute_of(times.substr(0, 5));
    span.close_minute = minute_of(times.substr(6, 5));
    out.push_back(span);
  }
  return out;
}

inline BusinessCalendar make_calendar(const std::string& tz, const std::string& hour_text,
                                 const std::vector<std::string>& holidays = {}) {
  std::vector<date::year_month_day> hs;
  for (const auto& h : holidays) hs.push_back(*parse_date(h));
  return BusinessCalendar(zone(tz), hours(hour_text), hs);
}

}  // namespace pactum::calendar::test
