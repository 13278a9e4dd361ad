// Calendar windows for periodic rules (spec 5, "Calendar periods"): day, ISO week (Monday
// 00:00), month, quarter (Jan/Apr/Jul/Oct), year in the agreement timezone, and `N days|weeks|
// months` windows laid end to end from an anchor (the effective start, else the judged start).
#pragma once
#include <optional>
#include <vector>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"
#include "engine/model/agreement.h"

namespace pactum::calendar {

class WindowSequence {
 public:
  // `anchor` is a local date: the first day of the first N-day/week/month window. Those windows
  // start at `anchor_time` after local midnight (non-zero when they are anchored at the exact
  // instant the judged interval starts, for agreements without an effective period).
  WindowSequence(model::Period period, const date::time_zone* zone, date::local_days anchor,
                 Millis anchor_time = Millis{0});
  // N days/weeks/months windows anchored at an exact instant (the judged interval's start when
  // there is no effective period): later windows start at its wall-clock time of day, and the
  // first one exactly at it, even when that reading is the second pass of a fold.
  static WindowSequence anchored_at(model::Period period, const date::time_zone* zone, Instant anchor);

  // The window that contains instant `t`.
  Interval containing(Instant t) const;
  // The window that starts where `w` ends.
  Interval next(const Interval& w) const;
  // All windows lying completely inside [from, to] (start >= from, end <= to), in order.
  std::vector<Interval> complete_windows(Instant from, Instant to) const;
  // How many windows complete_windows(from, to) has, counting no further than `limit` + 1.
  size_t count_complete_windows(Instant from, Instant to, size_t limit) const;

 private:
  // The local start date of the window that contains local date `day`, and of its successor.
  date::local_days start_of(date::local_days day) const;
  date::local_days advance(date::local_days start) const;

  model::Period period_;
  const date::time_zone* zone_;
  date::local_days anchor_;
  Millis shift_{0};  // anchor_time for counted (N days/weeks/months) windows, else zero
  std::optional<Instant> exact_;  // anchored_at: the first window's start, exactly
  Instant edge(date::local_days day) const;
};

}  // namespace pactum::calendar
