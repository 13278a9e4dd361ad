#include "engine/eval/pause_clock.h"

namespace pactum::eval {

PauseClock::PauseClock(const calendar::BusinessCalendar& calendar, Counted kind, Instant start, Millis amount)
    : calendar_(&calendar), kind_(kind), amount_(amount), anchor_(start) {
  deadline_ = advance(start, amount);
}

Instant PauseClock::advance(Instant from, Millis amount) const {
  return calendar_->advance_counted(kind_, from, amount).value_or(Instant::max());
}

void PauseClock::on_pause_event(Instant t, bool starts, bool ends) {
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

std::optional<Instant> PauseClock::deadline() const {
  if (paused_ && !reached_) return std::nullopt;
  return deadline_;
}

Millis PauseClock::counted_until(Instant t) const {
  if (paused_) return counted_;
  return counted_ + calendar_->counted_between(kind_, anchor_, t);
}

Millis PauseClock::paused_until(Instant t) const {
  return paused_total_ + (paused_ && t > pause_start_ ? t - pause_start_ : Millis{0});
}

}  // namespace pactum::eval
