// The reference model of eval::PauseClocks: the clock of one activation of `every A requires Q
// ... within D after paused from P1 until P2`, as V2.4 words it, with nothing shared. It counts,
// from A.at, elapsed time, business time or business-date time (the calendar's Counted kinds)
// except while paused; the deadline is the instant at which the counted time reaches the amount.
// Each pause event reaches each clock (the engine once did this: activations x pause events).
#pragma once
#include <optional>

#include "engine/base/time.h"
#include "engine/calendar/business_calendar.h"

namespace pactum::eval::test {

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

inline PauseClock::PauseClock(const calendar::BusinessCalendar& calendar, Counted kind, Instant start, Millis amount)
    : calendar_(&calendar), kind_(kind), amount_(amount), anchor_(start) {
  deadline_ = advance(start, amount);
}

inline Instant PauseClock::advance(Instant from, Millis amount) const {
  return calendar_->advance_counted(kind_, from, amount).value_or(Instant::max());
}

inline void PauseClock::on_pause_event(Instant t, bool starts, bool ends) {
  if (paused_) {
    if (!ends) return;  // a further P1 while paused changes nothing
    paused_ = false;
    paused_total_ += t - pause_start_;
    anchor_ = t;
    // Counting resumes here; the rest of the amount runs from now. A deadline reached before the
    // pause stays where it was.
    if (!reached_) deadline_ = advance(anchor_, amount_ - counted_);
    return;
  }
  if (!starts) {
    if (ends) stray_end_ = t;  // a P2 with no pause to end
    return;
  }
  if (stray_end_ && *stray_end_ == t) {
    // Its P2 has the same instant (earlier in the log): an empty pause. That P2 is used up.
    stray_end_.reset();
    return;
  }
  counted_ += calendar_->counted_between(kind_, anchor_, t);
  if (t >= deadline_) reached_ = true;  // the amount was counted before this pause began
  paused_ = true;
  pause_start_ = t;
}

inline std::optional<Instant> PauseClock::deadline() const {
  if (paused_ && !reached_) return std::nullopt;
  return deadline_;
}

inline Millis PauseClock::counted_until(Instant t) const {
  if (paused_) return counted_;
  return counted_ + calendar_->counted_between(kind_, anchor_, t);
}

inline Millis PauseClock::paused_until(Instant t) const {
  return paused_total_ + (paused_ && t > pause_start_ ? t - pause_start_ : Millis{0});
}

}  // namespace pactum::eval::test
