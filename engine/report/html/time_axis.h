// Calendar spans of the agreement zone for the html report's time charts: the heat map's
// columns (months, or weeks, days, quarters, years when that keeps the row readable) and the
// ticks under every timeline and service level chart, which all share one time axis.
#pragma once
#include <string>
#include <vector>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"

namespace pactum::report::html {

enum class SpanUnit { Day, Week, Month, Quarter, Year };

struct CalendarSpan {
  calendar::Interval span;  // local midnight to local midnight
  std::string label;        // "Jan 2026", "Feb", "W05", "Q1 2026", "2026", "12"
  std::string long_label;   // "January 2026", "the week of Mon 2026-01-26", "Q1 2026", ...
};

// The spans of `unit` that meet [from, to): the first contains `from`, the last contains `to`
// (or ends at it).
std::vector<CalendarSpan> calendar_spans(Instant from, Instant to, const date::time_zone* zone, SpanUnit unit);

// Months, unless that gives fewer than 2 columns (weeks, then days) or more than `max` (quarters,
// then years).
SpanUnit column_unit(Instant from, Instant to, const date::time_zone* zone, size_t max = 36);
// The heat map's columns over [from, to): calendar spans of column_unit(), and beyond `max`
// years, runs of as many years as keep them at most `max` ("2026-2030").
std::vector<CalendarSpan> heat_map_columns(Instant from, Instant to, const date::time_zone* zone, size_t max = 36);

// x positions of instants on a horizontal axis [x0, x1] for the interval [from, to].
class TimeAxis {
 public:
  TimeAxis(Instant from, Instant to, double x0, double x1);
  double x(Instant t) const;  // clamped to [x0, x1]
  double x0() const { return x0_; }
  double x1() const { return x1_; }
  Instant from() const { return from_; }
  Instant to() const { return to_; }

 private:
  Instant from_, to_;
  double x0_, x1_;
};

struct Tick {
  double x;
  std::string label;
};
// At most about `max` labelled ticks at calendar span starts inside the axis.
std::vector<Tick> ticks(const TimeAxis& axis, const date::time_zone* zone, size_t max = 13);

}  // namespace pactum::report::html
