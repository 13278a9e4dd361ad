// V2.4: the clock of one activation of `every A requires Q ... within D after paused from P1
// until P2`. It counts, from A.at, elapsed time, business time or business-date time (the
// calendar's Counted kinds) except while paused; the deadline is the instant at which the
// counted time reaches the amount. The pause events reach it one by one, in log order, so the
// state is a handful of instants and durations per open activation: the log is never re-read.
#pragma once
#include <optional>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"

namespace pactum::eval {

class PauseClock {
 public:
  using Counted = calendar::BusinessCalendar::Counted;
  // `amount` of counted time from `start` (A.at); the calendar must outlive the clock.
  PauseClock(const calendar::BusinessCalendar& calendar, Counted kind, Instant start, Millis amount);

  // A pause event at instant `t` (at or after the start, other than A itself, in log order):
  // `starts` when it matches P1, `ends` when it matches P2. While paused, P2 ends the pause
  // (P1 changes nothing); while running, P1 starts one (P2 ends nothing). A P1 at the same
  // instant as a P2 that ended nothing gives an empty pause, whatever their order in the log.
  void on_pause_event(Instant t, bool starts, bool ends);

  // The deadline when it is known: the clock is running, or it had reached the amount before
  // the running pause began. nullopt while a pause holds it below the amount (the deadline
  // then lies after any instant seen so far). Instant::max() when the calendar has no more
  // counted time (~50 years).
  std::optional<Instant> deadline() const;
  bool paused() const { return paused_; }
  Instant paused_since() const { return pause_start_; }
  // Counted time from the start up to `t`, and elapsed time paused up to `t` (t at or after
  // every pause event given so far).
  Millis counted_until(Instant t) const;
  Millis paused_until(Instant t) const;

 private:
  Instant advance(Instant from, Millis amount) const;

  const calendar::BusinessCalendar* calendar_;
  Counted kind_;
  Millis amount_;
  Instant anchor_;            // where counting last resumed: the start or the end of a pause
  Millis counted_{0};         // counted time before anchor_ (while paused: up to the pause)
  Millis paused_total_{0};    // elapsed time of the pauses that have ended
  bool paused_ = false;
  Instant pause_start_{};
  std::optional<Instant> stray_end_;  // instant of the latest P2 that ended no pause
  Instant deadline_{};       // valid unless paused_ && !reached_
  bool reached_ = false;     // the amount was reached before a pause began: the deadline is fixed
};

}  // namespace pactum::eval
