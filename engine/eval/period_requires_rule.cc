// V2.5 obligations per period: `every PERIOD requires Q [for the PERIOD] timing`.
//
// Each window of PERIOD is an activation without an event. Its anchor is the window's end for
// the after-timings (a monthly report due after the month) and its start for the before-timings
// (a forecast due before the quarter); the timing arithmetic is 5.1's (engine/eval/deadlines.h),
// with business days counted from the window's last (first) date.
//
// After-timings: the activations are the windows lying completely inside the judged interval; a
// target settles every waiting window that began at or before it (with `for the PERIOD`, only
// the window it names). The rule keeps only which windows were served: the judged interval's end
// may be learnt when the pass ends (a streamed check without --as-of), and the windows still
// waiting then are listed from it. A target served a window that turns out not to be judged only
// when that window had not ended at the target's time, so it was in time: no finding to take
// back. Before-timings: targets are remembered (the earliest and the latest, per named window
// with `for`), and each window is judged as soon as the stream passes its start, from what was
// seen up to that instant.
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/eval/deadlines.h"
#include "engine/eval/packed_findings.h"
#include "engine/eval/period_names.h"
#include "engine/eval/rule_evaluator.h"
#include "engine/eval/wording.h"
#include "engine/model/rule_text.h"

namespace pactum::eval {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
using TimingKind = model::Timing::Kind;

int64_t key_of(const calendar::Interval& w) { return w.start.time_since_epoch().count(); }

class PeriodRequiresRule : public RuleEvaluator {
 public:
  PeriodRequiresRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule),
        target_(rule.target, ctx.log, ctx.agreement),
        windows_(windows(rule.period)),
        names_(ctx.log, windows_, ctx.agreement.zone),
        before_(is_before_timing(rule.timing.kind)),
        calendar_(semantic::duration_calendar(ctx.agreement, rule.timing.duration, rule.target)) {
    if (before_) next_ = first_before_window();
    else unserved_ = first_after_window();
  }

  std::vector<Subscription> subscriptions() const override { return {{target_.type(), Phase::First, 0}}; }

  void on_event(uint32_t index, int) override {
    const log::Event& e = event(index);
    if (!target_.matches(e)) return;
    std::optional<calendar::Interval> named;
    if (rule_.for_period) {
      named = names_.window_of(e);
      if (!named) {
        warn_unnamed_period(index, rule_.period, "it serves no window of");
        return;
      }
    }
    if (before_) {
      judge_before_windows(e.at, false);
      remember(named ? key_of(*named) : 0, index);
    } else {
      serve(named, index);
    }
  }

  // Streams: the after-timings list their windows at the end, the before-timings judge a window
  // once the stream passes its start (as-of is needed only for the last ones, in finish()).
  bool streams(bool) const override { return true; }
  void held(std::vector<uint32_t>& out) const override {
    for (const auto& [key, s] : seen_) {
      if (s.earliest != kNone) out.push_back(s.earliest);
      if (s.latest != kNone) out.push_back(s.latest);
    }
    findings_.cited(out);
  }

  void finish(Outcome& out) override {
    if (before_) {
      judge_before_windows(ctx_.as_of, true);
    } else {
      for (const auto& w : judged_windows(windows_)) {
        note_activation(w.start);  // the window is the activation (the report draws it there)
        bool served = rule_.for_period ? served_.count(key_of(w)) > 0 : w.start < unserved_.start;
        if (!served) settle_unserved(waiting(w), out);
      }
    }
    hand_over(findings_, out);
  }
  size_t findings_kept() const override { return findings_.size(); }

 private:
  const log::Event& event(uint32_t i) const { return ctx_.log.event(i); }

  // "A's date" for business days (V2.5): the window's last date (after) or first date (before),
  // as written in the agreement zone.
  Anchor anchor_of(const calendar::Interval& w) const {
    const auto* zone = ctx_.agreement.zone;
    if (before_) return Anchor{w.start, local_day(w.start, zone)};
    return Anchor{w.end, local_day(w.end - Millis{1}, zone)};
  }

  std::string window_words(const calendar::Interval& w) const {
    return window_name(rule_.period, w, ctx_.agreement.zone);
  }

  std::string target_text() const { return model::canonical_text(rule_.target); }

  Finding& report(const calendar::Interval& w, const char* reason, uint32_t q, std::string message) {
    Finding f = make_finding(reason, anchor_of(w).at);
    f.window = w;
    f.responsible = responsible(nullptr);  // the target's `by`, else the block's, else unassigned
    if (q != kNone) f.events.push_back(q);
    f.message = std::move(message);
    return findings_.add(std::move(f));
  }

  // ---- after, within D after ----

  struct Waiting {
    calendar::Interval window;
    std::optional<Instant> deadline;  // none for plain `after`, and beyond the calendar
    bool beyond_calendar = false;     // `within D after` whose deadline falls after 2300
  };

  std::optional<Instant> deadline_of(const calendar::Interval& w) const {
    if (rule_.timing.kind != TimingKind::WithinAfter) return std::nullopt;
    return after_deadline(calendar_, rule_.timing.duration, anchor_of(w));
  }

  Waiting waiting(const calendar::Interval& window) const {
    Waiting w{window, deadline_of(window)};
    // A business-time deadline after 2300 never passes (engine/eval/deadlines.h).
    w.beyond_calendar = rule_.timing.kind == TimingKind::WithinAfter && !w.deadline;
    return w;
  }

  // The first window starting in the judged interval (whether it ends in it: may_be_judged()).
  calendar::Interval first_after_window() const {
    Instant from = judged_from();
    auto w = windows_.containing(from);
    if (w.start < from) w = windows_.next(w);
    return w;
  }

  // Whether window `w` may be judged: it starts in the judged interval and does not end after
  // the bound judged_to() has while the pass runs (exact once as-of is known).
  bool may_be_judged(const calendar::Interval& w) const { return w.start >= judged_from() && w.end <= judged_to(); }

  // A target serves a window from the window's start (V2.5: a March report sent on the evening of
  // 31 March counts for March); the deadline still runs from the anchor.
  void serve(const std::optional<calendar::Interval>& named, uint32_t q) {
    Instant at = event(q).at;
    if (named) {
      if (!may_be_judged(*named)) return;  // names a window that is not judged
      if (named->start <= at && served_.insert(key_of(*named)).second) settle(waiting(*named), q);
      return;
    }
    // Without `for`, one target serves every waiting window that has begun.
    for (; may_be_judged(unserved_) && unserved_.start <= at; unserved_ = windows_.next(unserved_))
      settle(waiting(unserved_), q);
  }

  void settle(const Waiting& w, uint32_t q) {
    if (!w.deadline || event(q).at <= *w.deadline) return;
    Millis delay = event(q).at - *w.deadline;
    Finding& f = report(w.window, "late", q,
                        fmt::format("{} for {} came {} after the deadline, {}", describe(q), window_words(w.window),
                                    human_duration(delay), deadline_text(*w.deadline, ctx_.agreement.zone)));
    f.measured.push_back(Measure{"delay_hours", hours_above(delay, Millis{0}), "", {}});
    f.measured.push_back(Measure{"deadline", std::nullopt, format_instant(*w.deadline, ctx_.agreement.zone), {}});
    f.delay = delay;
  }

  void settle_unserved(const Waiting& w, Outcome& out) {
    bool overdue;
    if (w.beyond_calendar) overdue = false;
    else if (w.deadline) overdue = *w.deadline <= ctx_.as_of;
    else overdue = ctx_.agreement.effective_end && ctx_.to >= *ctx_.agreement.effective_end;
    std::string by_deadline =
        w.deadline ? fmt::format(" by the deadline, {}", deadline_text(*w.deadline, ctx_.agreement.zone)) : "";
    if (overdue) {
      Finding& f = report(w.window, "missing", kNone,
                          fmt::format("no {} for {}{}", target_text(), window_words(w.window), by_deadline));
      if (w.deadline) {
        f.measured.push_back(Measure{"deadline", std::nullopt, format_instant(*w.deadline, ctx_.agreement.zone), {}});
        f.delay = ctx_.as_of - *w.deadline;
      }
      return;
    }
    Finding p = make_finding("pending", anchor_of(w.window).at);
    p.window = w.window;
    p.responsible = responsible(nullptr);
    if (w.beyond_calendar)
      p.message = fmt::format("{} for {} is awaited; the deadline, {} after it, falls after {} (beyond the "
                              "supported calendar), so it can never pass",
                              target_text(), window_words(w.window), duration_text(rule_.timing.duration), kMaxYear);
    else
      p.message = w.deadline ? fmt::format("{} for {} is awaited; the deadline is {}", target_text(),
                                           window_words(w.window), deadline_text(*w.deadline, ctx_.agreement.zone))
                             : fmt::format("{} for {} is awaited", target_text(), window_words(w.window));
    if (w.deadline)
      p.measured.push_back(Measure{"deadline", std::nullopt, format_instant(*w.deadline, ctx_.agreement.zone), {}});
    out.pending.push_back(std::move(p));
  }

  // ---- before, at least D before, within D before ----

  struct Seen {
    uint32_t earliest = kNone;
    uint32_t latest = kNone;
  };

  void remember(int64_t key, uint32_t q) {
    // A target naming a window that was already judged came after that window's start: it
    // cannot serve it any more.
    if (rule_.for_period && (!next_ || key < key_of(*next_))) return;
    Seen& s = seen_[key];
    if (s.earliest == kNone) s.earliest = q;
    s.latest = q;
  }

  // Before-timings: a window is an activation when its start lies in the judged interval
  // (from <= start <= as-of, before the effective end) and the window lies in the block's span.
  std::optional<calendar::Interval> first_before_window() const {
    Instant from = judged_from();
    auto w = windows_.containing(from);
    if (w.start < from) w = windows_.next(w);
    return w;
  }

  bool is_before_activation(const calendar::Interval& w) const {
    if (w.start > ctx_.as_of) return false;
    if (ctx_.agreement.effective_end && w.start >= *ctx_.agreement.effective_end) return false;
    if (block_span() && w.end > block_span()->end) return false;
    return true;
  }

  // Judges every window whose start is before `t` (at or before, at the end of the pass): the
  // targets seen so far are exactly those at or before its start.
  void judge_before_windows(Instant t, bool final) {
    while (next_ && (next_->start < t || (final && next_->start <= t))) {
      if (!is_before_activation(*next_)) {
        next_.reset();  // windows only move later: none after this one is judged either
        return;
      }
      int64_t key = rule_.for_period ? key_of(*next_) : 0;
      auto it = seen_.find(key);
      note_activation(next_->start);
      judge_before(*next_, it == seen_.end() ? Seen{} : it->second);
      if (rule_.for_period && it != seen_.end()) seen_.erase(it);
      next_ = windows_.next(*next_);
    }
  }

  void judge_before(const calendar::Interval& w, const Seen& seen) {
    const auto& timing = rule_.timing;
    Anchor anchor = anchor_of(w);
    if (seen.earliest == kNone) {
      report(w, "missing", kNone,
             fmt::format("no {} for {} before the {} began", target_text(), window_words(w), period_noun(rule_.period)));
      return;
    }
    if (timing.kind == TimingKind::Before) return;
    if (timing.kind == TimingKind::AtLeastBefore) {
      // No limit: it would lie before 1900, so no event can have come early enough.
      std::optional<Instant> latest_allowed = before_limit(calendar_, timing.duration, anchor, true);
      if (latest_allowed && event(seen.earliest).at <= *latest_allowed) return;
      Millis given = anchor.at - event(seen.earliest).at;
      Finding& f = report(w, "late", seen.earliest,
                          fmt::format("{} for {} came {} before the {} began; the agreement requires at least {}",
                                      describe(seen.earliest), window_words(w), human_duration(given),
                                      period_noun(rule_.period), duration_text(timing.duration)));
      Millis required = latest_allowed ? anchor.at - *latest_allowed : Millis{0};
      f.measured.push_back(Measure{"notice_hours", hours_below(given, required), "", {}});
      add_required(f, timing.duration, required);
      return;
    }
    // within D before: the most recent target must not be older than the limit.
    std::optional<Instant> earliest_allowed = before_limit(calendar_, timing.duration, anchor, false);
    if (!earliest_allowed || event(seen.latest).at >= *earliest_allowed) return;
    Millis age = anchor.at - event(seen.latest).at;
    Finding& f = report(w, "early", seen.latest,
                        fmt::format("{} for {} came {} before the {} began; the agreement requires it within {} before",
                                    describe(seen.latest), window_words(w), human_duration(age),
                                    period_noun(rule_.period), duration_text(timing.duration)));
    f.measured.push_back(Measure{"age_hours", hours_above(age, anchor.at - *earliest_allowed), "", {}});
    add_required(f, timing.duration, anchor.at - *earliest_allowed);
  }

  CompiledPattern target_;
  calendar::WindowSequence windows_;
  PeriodNames names_;
  bool before_;
  const calendar::BusinessCalendar& calendar_;
  // after-timings
  calendar::Interval unserved_{};            // without `for`: the first window not yet served
  std::unordered_set<int64_t> served_;       // `for`: the starts of the windows served
  // before-timings
  std::optional<calendar::Interval> next_;  // the next window to judge
  std::unordered_map<int64_t, Seen> seen_;  // by named window start (`for`), else one entry
  PackedFindings findings_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_period_requires_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                         const model::Rule& rule) {
  return std::make_unique<PeriodRequiresRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
