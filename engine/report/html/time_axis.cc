#include "engine/report/html/time_axis.h"

#include <algorithm>

#include <fmt/format.h>

namespace pactum::report::html {

namespace {

using date::local_days;

local_days span_start(local_days day, SpanUnit unit) {
  date::year_month_day ymd{day};
  switch (unit) {
    case SpanUnit::Day: return day;
    case SpanUnit::Week: return day - (date::weekday{day} - date::Monday);
    case SpanUnit::Month: return local_days{ymd.year() / ymd.month() / 1};
    case SpanUnit::Quarter: {
      unsigned m = (unsigned(ymd.month()) - 1) / 3 * 3 + 1;
      return local_days{ymd.year() / date::month{m} / 1};
    }
    case SpanUnit::Year: return local_days{ymd.year() / 1 / 1};
  }
  return day;
}

local_days span_next(local_days start, SpanUnit unit) {
  date::year_month_day ymd{start};
  switch (unit) {
    case SpanUnit::Day: return start + date::days{1};
    case SpanUnit::Week: return start + date::days{7};
    case SpanUnit::Month: return local_days{ymd + date::months{1}};
    case SpanUnit::Quarter: return local_days{ymd + date::months{3}};
    case SpanUnit::Year: return local_days{ymd + date::years{1}};
  }
  return start + date::days{1};
}

std::string month_name(date::month m, bool full) {
  static const char* names[] = {"January", "February", "March",     "April",   "May",      "June",
                                "July",    "August",   "September", "October", "November", "December"};
  std::string n = names[unsigned(m) - 1];
  return full ? n : n.substr(0, 3);
}

void label(CalendarSpan& s, local_days start, SpanUnit unit, bool first) {
  date::year_month_day ymd{start};
  int year = int(ymd.year());
  switch (unit) {
    case SpanUnit::Day:
      s.label = fmt::format("{}", unsigned(ymd.day()));
      if (first || unsigned(ymd.day()) == 1) s.label = fmt::format("{} {}", month_name(ymd.month(), false), s.label);
      s.long_label = date::format("%a %F", start);
      break;
    case SpanUnit::Week: {
      auto iso = date::format("%V", start);
      s.label = "W" + iso;
      s.long_label = "the week of " + date::format("%a %F", start);
      break;
    }
    case SpanUnit::Month:
      s.label = month_name(ymd.month(), false);
      if (first || ymd.month() == date::January) s.label += fmt::format(" {}", year);
      s.long_label = fmt::format("{} {}", month_name(ymd.month(), true), year);
      break;
    case SpanUnit::Quarter:
      s.label = s.long_label = fmt::format("Q{} {}", (unsigned(ymd.month()) - 1) / 3 + 1, year);
      break;
    case SpanUnit::Year: s.label = s.long_label = fmt::format("{}", year); break;
  }
}

size_t span_count(Instant from, Instant to, const date::time_zone* zone, SpanUnit unit, size_t limit) {
  local_days first = span_start(local_day(from, zone), unit);
  local_days last = local_day(to > from ? to - Millis{1} : from, zone);
  size_t n = 0;
  for (local_days d = first; d <= last && n <= limit; d = span_next(d, unit)) ++n;
  return n;
}

}  // namespace

std::vector<CalendarSpan> calendar_spans(Instant from, Instant to, const date::time_zone* zone, SpanUnit unit) {
  std::vector<CalendarSpan> out;
  local_days d = span_start(local_day(from, zone), unit);
  for (bool first = true;; first = false) {
    local_days next = span_next(d, unit);
    CalendarSpan s;
    s.span = {start_of_local_day(d, zone), start_of_local_day(next, zone)};
    label(s, d, unit, first);
    out.push_back(std::move(s));
    if (out.back().span.end >= to) break;
    d = next;
  }
  return out;
}

SpanUnit column_unit(Instant from, Instant to, const date::time_zone* zone, size_t max) {
  if (span_count(from, to, zone, SpanUnit::Month, max) > max)
    return span_count(from, to, zone, SpanUnit::Quarter, max) > max ? SpanUnit::Year : SpanUnit::Quarter;
  if (span_count(from, to, zone, SpanUnit::Month, max) >= 2) return SpanUnit::Month;
  return span_count(from, to, zone, SpanUnit::Week, max) >= 2 ? SpanUnit::Week : SpanUnit::Day;
}

std::vector<CalendarSpan> heat_map_columns(Instant from, Instant to, const date::time_zone* zone, size_t max) {
  auto spans = calendar_spans(from, to, zone, column_unit(from, to, zone, max));
  if (spans.size() <= max) return spans;
  size_t k = (spans.size() + max - 1) / max;
  std::vector<CalendarSpan> out;
  for (size_t i = 0; i < spans.size(); i += k) {
    const auto& last = spans[std::min(i + k, spans.size()) - 1];
    out.push_back({{spans[i].span.start, last.span.end}, spans[i].label + "\u2013" + last.label,
                   spans[i].long_label + " to " + last.long_label});
  }
  return out;
}

TimeAxis::TimeAxis(Instant from, Instant to, double x0, double x1)
    : from_(from), to_(to > from ? to : from + Millis{1}), x0_(x0), x1_(x1) {}

double TimeAxis::x(Instant t) const {
  t = std::clamp(t, from_, to_);
  double f = double((t - from_).count()) / double((to_ - from_).count());
  return x0_ + f * (x1_ - x0_);
}

std::vector<Tick> ticks(const TimeAxis& axis, const date::time_zone* zone, size_t max) {
  for (SpanUnit unit : {SpanUnit::Day, SpanUnit::Week, SpanUnit::Month, SpanUnit::Quarter, SpanUnit::Year}) {
    if (span_count(axis.from(), axis.to(), zone, unit, max) > max) continue;
    std::vector<Tick> out;
    bool first = true;
    for (const auto& s : calendar_spans(axis.from(), axis.to(), zone, unit)) {
      if (s.span.start < axis.from() || s.span.start > axis.to()) continue;
      CalendarSpan labelled = s;
      label(labelled, local_day(s.span.start, zone), unit, first);
      first = false;
      out.push_back({axis.x(s.span.start), labelled.label});
    }
    return out;
  }
  // Centuries: every k-th year.
  std::vector<Tick> out;
  auto years = calendar_spans(axis.from(), axis.to(), zone, SpanUnit::Year);
  size_t step = years.size() / max + 1;
  for (size_t i = 0; i < years.size(); i += step)
    if (years[i].span.start >= axis.from()) out.push_back({axis.x(years[i].span.start), years[i].label});
  return out;
}

}  // namespace pactum::report::html
