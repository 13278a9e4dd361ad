// Which window an event's `period` attribute names (V2.5): used by `every PERIOD requires Q for
// the PERIOD` (the window a target serves) and by `grouped by period` (the window a periodic
// rule counts an event toward). One reading for every rule form:
// - a date `2026-03-31` names the window containing that calendar date (agreement zone);
// - a date-time names the window containing that instant (read like `no later than` dates);
// - ISO text names a window only when it denotes exactly that window, upper case: `2026` (text,
//   or the number 2026) a year, `2026-Q1` a quarter, `2026-03` a month, `2026-W11` an ISO week
//   (ISO week-numbering year, two-digit week), `2026-03-15` a day (that is also a date).
// Date-times without an offset are read in the zone of the event's log, else the agreement's (V2.1).
// Anything else (a missing value, `March`, `2026-q1`, `2026-W54`, a list) names no window.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>

#include "engine/calendar/periods.h"
#include "engine/eval/matcher.h"
#include "engine/log/event_log.h"

namespace pactum::eval {

class PeriodNames {
 public:
  // `windows`: the rule's window sequence (its period, anchored as the rule anchors it).
  PeriodNames(const log::EventLog& log, calendar::WindowSequence windows, const date::time_zone* zone);

  // The window of the sequence that `e`'s attribute `period` names; nullopt when it has none,
  // or names a span that is not one window of this sequence.
  std::optional<calendar::Interval> window_of(const log::Event& e) const;
  // The same for a value `v` already read from `e`.
  std::optional<calendar::Interval> window_named(const log::Event& e, const FieldValue& v) const;

 private:
  // Local dates [first, end) of an exact ISO span of `text`, if it is one.
  std::optional<calendar::Interval> exact_window(date::local_days first, date::local_days end) const;
  // ISO names and dates (text such as `2026-Q1`, `2026-03-15`).
  std::optional<calendar::Interval> window_of_iso(std::string_view text) const;

  const log::EventLog* log_;
  calendar::WindowSequence windows_;
  const date::time_zone* zone_;
  FieldRef period_;
  // Many events name the same window ("2026-01"): each ISO name or date is read once. Keyed by
  // the text, not its Symbol: a streamed check forgets the symbols of dropped events and gives
  // their numbers to other texts (EventLog::forget_symbols).
  mutable std::unordered_map<std::string, std::optional<calendar::Interval>> by_iso_;
};

}  // namespace pactum::eval
