// Rule 5.1: `every A requires Q [with same k...] timing`, with V2.4's clocks that pause
// (`within D after paused from P1 until P2`) and V2.3's share of activations (`in at least X% of
// cases every PERIOD [small]`).
//
// Before-timings keep, per correlation key (a KeyTable: such a rule remembers every key to the
// end), the earliest two targets seen so far, or the latest two with `within D before` (two,
// because Q is never A itself when one event matches both patterns). With `at least D before`,
// a key's earliest target is held only until the events still to come are D or more after it
// (advance_to): from then on every activation of that key is met, and the key alone is kept,
// settled. So a streamed log of a million notices holds the notices of the last D, not all of
// them. After-timings keep
// the activations still waiting for a target; the first target after an activation settles it.
// The pausing clocks of the waiting activations are kept by key in PauseClocks, which feeds a
// pause event to the groups of clocks of its key in one step (not to each clock).
// With a share, each activation is settled the same way (met, failed, open) but only counted in
// its window; the windows are judged when the pass ends. Which windows are judged is known then
// (a streamed check without --as-of learns the judged interval's end last): windows are tallied
// as their first activation comes, and only the last one can turn out not to be judged.
#include <algorithm>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/eval/deadlines.h"
#include "engine/eval/key_table.h"
#include "engine/eval/packed_findings.h"
#include "engine/eval/pause_clocks.h"
#include "engine/eval/rule_evaluator.h"
#include "engine/eval/share.h"
#include "engine/eval/wording.h"
#include "engine/model/rule_text.h"

namespace pactum::eval {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
enum Role { kActivation = 0, kTarget = 1, kPause = 2 };
using TimingKind = model::Timing::Kind;
using Unit = model::Duration::Unit;
using Counted = calendar::BusinessCalendar::Counted;

Counted counted_kind(const model::Duration& d) {
  if (d.unit == Unit::BusinessHours) return Counted::BusinessTime;
  if (d.unit == Unit::BusinessDays) return Counted::BusinessDates;
  return Counted::Elapsed;
}

class RequiresRule : public RuleEvaluator {
 public:
  RequiresRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule),
        activation_(rule.subject, ctx.log, ctx.agreement),
        target_(rule.target, ctx.log, ctx.agreement),
        before_(is_before_timing(rule.timing.kind)),
        calendar_(semantic::duration_calendar(ctx.agreement, rule.timing.duration, rule.target)) {
    by_correlated_ = semantic::correlates_on_by(rule);
    for (const auto& k : rule.same) {
      // A correlation on `by` never applies to pause events (V2.4): with a pause, activations are
      // filed under the other attributes, where the pause events find them, and `by` is compared
      // when a target comes.
      if (rule.pause && FieldRef::compile(k.text, ctx.log).kind == FieldRef::Kind::By) {
        same_by_ = true;
        continue;
      }
      same_.push_back(FieldRef::compile(k.text, ctx.log));
    }
    if (rule.timing.kind == TimingKind::NoLaterThan) due_ = FieldRef::compile(rule.timing.attribute.text, ctx.log);
    if (rule.pause) {
      pause_from_.emplace(rule.pause->from, ctx.log, ctx.agreement);
      pause_until_.emplace(rule.pause->until, ctx.log, ctx.agreement);
      clocks_.emplace(calendar_, counted_kind(rule.timing.duration));
    }
    if (rule.share) {
      share_windows_.emplace(windows(rule.share->period));
      share_target_ = ShareTarget{true, rule.share->percent, rule.share->small};
    }
  }

  bool matched_any() const override { return activation_.matched_any(); }
  std::vector<Subscription> subscriptions() const override {
    // Before: targets first, then activations, at each timestamp. After: the reverse. Pause events
    // come in the second phase, so that one at A's own instant counts whatever its log position.
    Phase activation_phase = before_ ? Phase::Second : Phase::First;
    Phase target_phase = before_ ? Phase::First : Phase::Second;
    std::vector<Subscription> subs{{activation_.type(), activation_phase, kActivation},
                                   {target_.type(), target_phase, kTarget}};
    if (pause_from_) {
      subs.push_back({pause_from_->type(), Phase::Second, kPause});
      if (pause_until_->type() != pause_from_->type()) subs.push_back({pause_until_->type(), Phase::Second, kPause});
    }
    return subs;
  }

  void on_event(uint32_t index, int role) override {
    const log::Event& e = ctx_.log.event(index);
    if (role == kActivation) {
      if (!judged(e) || !activation_.matches(e)) return;
      uint32_t window = kNone;
      if (share_windows_) {
        // With a share, only activations of judged windows are cases; the rest are not judged.
        auto w = share_window_of(e.at);
        if (!w) return;
        window = static_cast<uint32_t>(*w);
      }
      note_activation(e.at);
      if (share_windows_) note_last_window_activity();
      if (before_) judge_before(index, window);
      else wait_for_target(index, window);
    } else if (role == kTarget) {
      if (!target_.matches(e)) return;
      std::string key;
      if (!waiting_key(e, key)) return;
      if (before_) remember_target(key, index);
      else settle_waiting(key, index);
    } else {
      pause_event(index);
    }
  }

  // With a share and no --as-of, whether the last window is judged is known only at the end:
  // its activations are tallied (and their activity noted, taken back in finish() if it is not
  // judged). The one thing that cannot be taken back is an input warning, which `no later than`
  // gives for an activation without a readable date: that form reads the whole log instead.
  bool streams(bool as_of_known) const override {
    return !share_windows_ || as_of_known || rule_.timing.kind != TimingKind::NoLaterThan;
  }
  void held(std::vector<uint32_t>& out) const override {
    auto add = [&](uint32_t i) {
      if (i != kNone) out.push_back(i);
    };
    // Plain `before` asks only whether a target came (a finding cites the activation alone):
    // its targets are remembered by key, never read again.
    if (rule_.timing.kind == TimingKind::AtLeastBefore)
      for (const Unsettled& u : unsettled_) add(u.seen->one), add(u.seen->two);
    else if (rule_.timing.kind == TimingKind::WithinBefore)
      seen_.for_each_value([&](const Seen& s) { add(s.one), add(s.two); });
    for (const auto& [key, list] : waiting_)
      for (const auto& w : list) add(w.activation);
    for (const auto& w : unkeyed_) add(w.activation);
    findings_.cited(out);
    for (const auto& t : tallies_) {
      for (uint32_t i : t.failed_events.sorted()) add(i);
      for (uint32_t i : t.open_events.sorted()) add(i);
      for (uint32_t i : t.failed_per_party) add(i);
    }
  }

  // `at least D before`: the keys whose earliest target lies D or more before `next` are settled
  // (no later activation can be early enough to be late: the limit only moves forward in time).
  void advance_to(Instant next) override {
    if (unsettled_.empty()) return;
    std::optional<Instant> latest_allowed = before_limit(next, true);
    if (!latest_allowed) return;
    while (!unsettled_.empty() && unsettled_.front().at <= *latest_allowed) {
      *unsettled_.front().seen = Seen{kSettled, kNone};
      unsettled_.pop_front();
    }
  }

  void finish(Outcome& out) override {
    for (auto& [key, list] : waiting_)
      for (const auto& w : list) settle_unanswered(w, out);
    for (const auto& w : unkeyed_) settle_unanswered(w, out);
    if (share_windows_) {
      if (!tally_windows_.empty() && !share_window_judged(tally_windows_.back())) take_back_last_window_activity();
      judge_windows(out);
    }
    // What the pass kept goes before the findings are unpacked: the keys of a look-back rule
    // are its largest part on a long log.
    seen_ = KeyTable<Seen>{};
    decltype(unsettled_)().swap(unsettled_);
    decltype(waiting_)().swap(waiting_);
    clocks_.reset();
    hand_over(findings_, out);
  }
  size_t findings_kept() const override { return findings_.size(); }

 private:
  // Two targets of a key: the earliest two, or with `within D before` (which cites the most
  // recent) the latest two, `one` the latest. Two, because the activation may be a target too.
  // `one` is kSettled for a key settled by advance_to: an earliest target exists, far enough back
  // to meet every activation still to come, and is no longer held.
  static constexpr uint32_t kSettled = kNone - 1;
  struct Seen {
    uint32_t one = kNone, two = kNone;
  };
  // `at least D before`: a key whose earliest target is still held, with that target's time. In
  // the order the keys got it, which is time order.
  struct Unsettled {
    Instant at;
    Seen* seen;  // in seen_, whose values never move
  };
  struct Waiting {
    uint32_t activation;
    std::optional<Instant> deadline;     // none for plain `after`, and with a clock (it has its own)
    uint32_t window = kNone;             // with a share: the judged window
    uint32_t clock = kNone;              // with a pause (V2.4): in clocks_
    // A business-time deadline later than the supported calendar (after 2300): it never passes,
    // so the activation can only be answered or stay pending.
    bool beyond_calendar = false;
  };

  bool key_of(const log::Event& e, std::string& key) const {
    if (same_by_ && e.by == log::kNoSymbol) return false;
    for (const auto& ref : same_)
      if (!append_key(ctx_.log, read_field(ctx_.log, e, ref), key)) return false;
    return true;
  }
  // With a pause, `with same `by`` is left out of key_of (pause events find clocks by it) and
  // added here, so that a target reads only the activations of its own party.
  bool waiting_key(const log::Event& e, std::string& key) const {
    if (!key_of(e, key)) return false;
    if (same_by_) key.append(reinterpret_cast<const char*>(&e.by), sizeof e.by);
    return true;
  }

  const log::Event& event(uint32_t i) const { return ctx_.log.event(i); }

  // ---- before, at least D before, within D before ----

  void remember_target(const std::string& key, uint32_t index) {
    Seen& s = seen_[key];
    if (rule_.timing.kind == TimingKind::WithinBefore) {
      s.two = s.one, s.one = index;
    } else if (s.one == kNone) {
      s.one = index;
      if (rule_.timing.kind == TimingKind::AtLeastBefore) unsettled_.push_back(Unsettled{event(index).at, &s});
    } else if (s.two == kNone && s.one != kSettled) {
      s.two = index;
    }
  }

  void judge_before(uint32_t a, uint32_t window) {
    if (window != kNone) ++tallies_[window].cases;
    std::string key;
    const Seen* seen = key_of(event(a), key) ? seen_.find(key) : nullptr;
    // The earliest target other than the activation (with `within D before`, the latest).
    uint32_t target = seen ? (seen->one != a ? seen->one : seen->two) : kNone;
    const auto& timing = rule_.timing;
    Instant at = event(a).at;
    if (target == kNone) {
      if (tallied_failure(a, window, kMissing)) return;
      report(a, kNone, "missing", fmt::format("{} had no {} before it", describe(a), target_text()));
      return;
    }
    if (timing.kind == TimingKind::Before) return;
    if (timing.kind == TimingKind::AtLeastBefore) {
      if (target == kSettled) return;  // met (advance_to)
      // No limit: it would lie before 1900, so no event can have come early enough.
      std::optional<Instant> latest_allowed = before_limit(at, true);
      if (latest_allowed && event(target).at <= *latest_allowed) return;
      if (tallied_failure(a, window, kLate)) return;
      Millis given = at - event(target).at;
      auto f = report(a, target, "late",
                      fmt::format("{} was announced by {} {} before; the agreement requires at least {}", describe(a),
                                  describe(target), human_duration(given), duration_text(timing.duration)));
      Millis required = latest_allowed ? at - *latest_allowed : Millis{0};
      f->measured.push_back(Measure{"notice_hours", hours_below(given, required), "", {}});
      add_required(*f, required);
      return;
    }
    // within D before: the most recent target must not be older than A.at - D. No limit: it
    // would lie before 1900, so every target is recent enough.
    std::optional<Instant> earliest_allowed = before_limit(at, false);
    if (!earliest_allowed || event(target).at >= *earliest_allowed) return;
    if (tallied_failure(a, window, kEarly)) return;
    Millis age = at - event(target).at;
    auto f = report(a, target, "early",
                    fmt::format("{} came {} before {}; the agreement requires it within {} before", describe(target),
                                human_duration(age), describe(a), duration_text(timing.duration)));
    f->measured.push_back(Measure{"age_hours", hours_above(age, at - *earliest_allowed), "", {}});
    add_required(*f, at - *earliest_allowed);
  }

  // D before A, on the timing's calendar: the latest time a notice may come (`at least D
  // before`: 24:00 ending the N-th business day before) or the earliest a target still counts
  // (`within D before`: 00:00 starting it). Business hours and plain units are symmetric.
  // nullopt when business time reaches back before the supported calendar (1900).
  std::optional<Instant> before_limit(Instant a, bool at_least) const {
    return eval::before_limit(calendar_, rule_.timing.duration, Anchor{a, std::nullopt}, at_least);
  }

  void add_required(Finding& f, Millis span) const { eval::add_required(f, rule_.timing.duration, span); }

  // ---- after, within D after, no later than k ----

  void wait_for_target(uint32_t a, uint32_t window) {
    Waiting w{a, std::nullopt, window};
    const auto& timing = rule_.timing;
    Instant at = event(a).at;
    std::string key;
    bool keyed = key_of(event(a), key);
    if (rule_.pause) {
      // Unkeyed (lacking a correlated attribute), it can never be answered, and no pause reaches it.
      w.clock = clocks_->start(keyed ? &key : nullptr, at, clock_amount(at), a);
    } else if (timing.kind == TimingKind::WithinAfter) {
      w.deadline = after_deadline(calendar_, timing.duration, Anchor{at, std::nullopt});
      w.beyond_calendar = !w.deadline;  // plain units: at most 400 years on, a date the report can print
    } else if (timing.kind == TimingKind::NoLaterThan) {
      auto due = read_instant(ctx_.log, event(a), read_field(ctx_.log, event(a), due_), ctx_.agreement.zone, true);
      if (!due) {
        ctx_.warn(event(a), fmt::format("{} has no readable `{}` date; it is skipped by rule {} of \"{}\"", describe(a),
                                        timing.attribute.text, rule_.number, block_.name));
        return;
      }
      w.deadline = *due;
    }
    if (window != kNone) ++tallies_[window].cases;
    if (keyed && same_by_) key.append(reinterpret_cast<const char*>(&event(a).by), sizeof(log::Symbol));
    if (keyed) waiting_[key].push_back(std::move(w));
    else unkeyed_.push_back(std::move(w));  // can never be answered: settled at the end
  }

  // V2.4: the amount a clock counts. Plain units and business hours: D. Business days: the
  // business-date time from A.at to the deadline V2.1 gives without pauses, so that a clock
  // that never pauses ends exactly there.
  Millis clock_amount(Instant at) const {
    const auto& d = rule_.timing.duration;
    if (d.unit == Unit::BusinessHours) return std::chrono::minutes{d.amount * 60};
    if (d.unit != Unit::BusinessDays) return plain_length(d);
    std::optional<Instant> deadline = after_deadline(calendar_, d, Anchor{at, std::nullopt});
    if (!deadline) return Millis::max() / 4;  // no such business day (before 2300): never due
    return calendar_.counted_between(Counted::BusinessDates, at, *deadline);
  }

  // A P1 or P2 event: every clock of its key that it is not the activation of sees it.
  void pause_event(uint32_t p) {
    const log::Event& e = event(p);
    bool starts = pause_from_->matches(e), ends = pause_until_->matches(e);
    if (!starts && !ends) return;
    std::string key;
    if (!key_of_pause(e, key)) return;  // lacking a correlated attribute: ignored
    clocks_->on_pause_event(key, e.at, starts, ends, p);
  }

  // The key of a pause event: the correlated attributes other than `by` (never on pause events).
  bool key_of_pause(const log::Event& e, std::string& key) const {
    for (const auto& ref : same_)
      if (!append_key(ctx_.log, read_field(ctx_.log, e, ref), key)) return false;
    return true;
  }

  void settle_waiting(const std::string& key, uint32_t q) {
    auto it = waiting_.find(key);
    if (it == waiting_.end()) return;
    auto& list = it->second;
    size_t kept = 0;
    for (auto& w : list) {
      // Q is never A itself.
      if (w.activation == q) {
        if (&list[kept] != &w) list[kept] = std::move(w);
        ++kept;
        continue;
      }
      // A clock held below its amount by a pause has its deadline after Q: met.
      std::optional<Instant> deadline = w.clock != kNone ? clocks_->deadline(w.clock) : w.deadline;
      struct StopClock {  // settled, met or late: the clock is done once the finding is written
        PauseClocks* clocks;
        uint32_t id;
        ~StopClock() {
          if (id != kNone) clocks->stop(id);
        }
      } stop{clocks_ ? &*clocks_ : nullptr, w.clock};
      // A deadline beyond the supported calendar never passes: met.
      if (w.beyond_calendar || !deadline || event(q).at <= *deadline) continue;  // met
      if (tallied_failure(w.activation, w.window, kLate)) continue;
      Millis delay = event(q).at - *deadline;
      auto f = report(w.activation, q, "late",
                      fmt::format("{} was answered by {} {} after the deadline, {}{}", describe(w.activation),
                                  describe(q), human_duration(delay), local(*deadline),
                                  w.clock != kNone ? paused_text(w.clock, event(q).at) : ""));
      f->measured.push_back(Measure{"delay_hours", hours_above(delay, Millis{0}), "", {}});
      f->delay = delay;  // V2.8: per day/hour late
      f->measured.push_back(Measure{"deadline", std::nullopt, format_instant(*deadline, ctx_.agreement.zone), {}});
      if (w.clock != kNone) add_clock_measures(*f, w.clock, event(q).at);
    }
    list.resize(kept);
    if (list.empty()) waiting_.erase(it);
  }

  void settle_unanswered(const Waiting& w, Outcome& out) {
    // A clock held by a pause running at as-of has no deadline yet: pending (V2.4). One that
    // reached its amount before that pause began has its deadline.
    bool clocked = w.clock != kNone;
    std::optional<Instant> deadline = clocked ? clocks_->deadline(w.clock) : w.deadline;
    bool overdue;
    if (w.beyond_calendar) overdue = false;
    else if (deadline) overdue = *deadline <= ctx_.as_of;
    else if (clocked) overdue = false;
    else overdue = ctx_.agreement.effective_end && ctx_.to >= *ctx_.agreement.effective_end;
    uint32_t a = w.activation;
    if (overdue) {
      if (tallied_failure(a, w.window, kMissing)) return;
      auto f = report(a, kNone, "missing",
                      fmt::format("{} has no {}{}{}", describe(a), target_text(),
                                  deadline ? fmt::format(" by the deadline, {}", local(*deadline)) : "",
                                  clocked ? paused_text(w.clock, ctx_.as_of) : ""));
      if (deadline) f->measured.push_back(Measure{"deadline", std::nullopt, format_instant(*deadline, ctx_.agreement.zone), {}});
      if (deadline) f->delay = ctx_.as_of - *deadline;  // V2.8: per day/hour late
      if (clocked) add_clock_measures(*f, w.clock, ctx_.as_of);
      return;
    }
    if (w.window != kNone) {  // a share judges the window, not the activation
      ShareTally& t = tallies_[w.window];
      ++t.open;
      t.open_events.add(a);
      return;
    }
    Finding p = make_finding("pending", event(a).at);
    p.responsible = responsible_for_activations({a});
    p.events.push_back(a);
    if (w.beyond_calendar) {
      p.message = fmt::format("{} is awaiting {}; the deadline, {} after it, falls after {} (beyond the supported "
                              "calendar), so it can never pass",
                              describe(a), target_text(), duration_text(rule_.timing.duration), kMaxYear);
    } else if (clocked && !deadline) {
      p.message = fmt::format("{} is awaiting {}; its clock is paused since {}, with {} of {} counted", describe(a),
                              target_text(), format_local(clocks_->paused_since(w.clock), ctx_.agreement.zone),
                              human_duration(clocks_->counted_until(w.clock, ctx_.as_of)), duration_text(rule_.timing.duration));
    } else {
      p.message = deadline ? fmt::format("{} is awaiting {}; the deadline is {}", describe(a), target_text(), local(*deadline))
                           : fmt::format("{} is awaiting {}", describe(a), target_text());
    }
    if (deadline) p.measured.push_back(Measure{"deadline", std::nullopt, format_instant(*deadline, ctx_.agreement.zone), {}});
    if (clocked) add_clock_measures(p, w.clock, ctx_.as_of);
    out.pending.push_back(std::move(p));
  }

  // " (the clock was paused for 1 hour)", or nothing when it never paused.
  std::string paused_text(uint32_t clock, Instant until) const {
    Millis paused = clocks_->paused_until(clock, until);
    if (paused <= Millis{0}) return "";
    return fmt::format(" (the clock was paused for {})", human_duration(paused));
  }

  // V2.4: the counted time in the clock's own kind of time, and the elapsed time paused, up to
  // Q (late) or as-of (missing, pending).
  void add_clock_measures(Finding& f, uint32_t clock, Instant until) const {
    f.measured.push_back(Measure{"counted_hours", hours_of(clocks_->counted_until(clock, until)), "", {}});
    f.measured.push_back(Measure{"paused_hours", hours_of(clocks_->paused_until(clock, until)), "", {}});
  }

  // ---- V2.3: in at least X% of cases every PERIOD ----

  enum FailReason { kLate, kMissing, kEarly };

  // With a share, a failed activation only counts in its window; true when it was counted so.
  bool tallied_failure(uint32_t a, uint32_t window, FailReason reason) {
    if (window == kNone) return false;
    ShareTally& t = tallies_[window];
    ++t.failed;
    t.failed_events.add(a);
    if (by_correlated_) {
      log::Symbol by = event(a).by;
      bool seen = false;
      for (uint32_t other : t.failed_per_party) seen = seen || event(other).by == by;
      if (!seen) t.failed_per_party.push_back(a);
    }
    ++(reason == kLate ? t.late : reason == kMissing ? t.missing : t.early);
    return true;
  }

  // The window of an activation at `at` (an index into tallies_), nullopt when it is not judged.
  // A window starting before judged_from() or ending after the bound judged_to() has while the
  // pass runs is not judged; any other is, unless it is the last and the judged interval ends
  // before it does (share_window_judged(), at the end).
  std::optional<size_t> share_window_of(Instant at) {
    if (!tally_windows_.empty() && at >= tally_windows_.back().start && at < tally_windows_.back().end)
      return tally_windows_.size() - 1;
    if (at >= unjudged_.start && at < unjudged_.end) return std::nullopt;
    calendar::Interval w = share_windows_->containing(at);
    if (w.start < judged_from() || w.end > judged_to()) {
      unjudged_ = w;
      return std::nullopt;
    }
    tally_windows_.push_back(w);
    tallies_.emplace_back();
    last_window_activity_.clear();  // activations come in time order: the window before is judged
    return tally_windows_.size() - 1;
  }

  bool share_window_judged(const calendar::Interval& w) const { return w.start >= judged_from() && w.end <= judged_to(); }

  // The activity days noted for the activations of the last window, to take back if it is not judged.
  void note_last_window_activity() {
    if (!ctx_.activity) return;
    int32_t day = ctx_.activity_day_number;
    if (!last_window_activity_.empty() && last_window_activity_.back().day == day) ++last_window_activity_.back().count;
    else last_window_activity_.push_back(ActivityDay{day, 1});
  }

  void take_back_last_window_activity() {
    if (!ctx_.activity) return;
    auto& days = (*ctx_.activity)[block_index_];
    for (const auto& noted : last_window_activity_) {
      uint32_t left = noted.count;
      for (auto it = days.rbegin(); left > 0 && it != days.rend(); ++it) {
        if (it->day != noted.day) continue;
        uint32_t taken = std::min(left, it->count);
        it->count -= taken;
        left -= taken;
      }
    }
    days.erase(std::remove_if(days.begin(), days.end(), [](const ActivityDay& d) { return d.count == 0; }), days.end());
    last_window_activity_.clear();
  }

  void judge_windows(Outcome& out) {
    // For `never-met`, windows without a case and pending windows are not judged (V2.1).
    PeriodicSummary summary{block_index_, &block_, &rule_, 0, 0, std::nullopt};
    summary.target = rule_.share->percent.value();
    for (size_t i = 0; i < tallies_.size(); ++i) {
      const ShareTally& t = tallies_[i];
      if (t.cases == 0) continue;  // no case: nothing to judge
      const calendar::Interval& w = tally_windows_[i];
      if (!share_window_judged(w)) continue;  // the last window, when the judged interval ends inside it
      ShareVerdict verdict = judge_share(*share_target_, t);
      using State = WindowResult::State;
      if (verdict != ShareVerdict::Pending) {
        ++summary.judged_windows;
        double share = 100.0 * double(t.cases - t.failed) / double(t.cases);
        if (!summary.best_value || share > *summary.best_value) summary.best_value = share;
        summary.windows.push_back({w, verdict == ShareVerdict::Fails ? State::Broken : State::Kept, share});
      } else {
        summary.windows.push_back({w, State::Pending});
      }
      if (verdict == ShareVerdict::Holds) continue;
      bool fails = verdict == ShareVerdict::Fails;
      Finding f = make_finding(fails ? "below-target" : "pending", w.start);
      f.window = w;
      f.responsible = window_responsible(t);
      f.events = fails ? t.failed_events.sorted() : t.open_events.sorted();
      add_share_measures(f, *share_target_, t, true);
      f.message = fails ? window_failed_text(w, t) : window_pending_text(w, t);
      if (fails) {
        ++summary.failed_windows;
        out.findings.push_back(std::move(f));
      } else {
        out.pending.push_back(std::move(f));
      }
    }
    out.periodic.push_back(summary);
  }

  // Section 5 for a window (V2.1): the target's `by`; with `` with same `by` `` the distinct `by`s
  // of the failed activations (tracked per window, beyond the 100 cited), in declaration order.
  std::vector<std::string> window_responsible(const ShareTally& t) const {
    return responsible_for_activations(t.failed_per_party);
  }

  // "in March 2026", "on Mon 2026-03-02"
  std::string window_phrase(const calendar::Interval& w) const {
    const auto& period = rule_.share->period;
    return (period.unit == model::Period::Unit::Day ? "on " : "in ") + window_name(period, w, ctx_.agreement.zone);
  }

  std::string cases_text() const { return "`" + model::canonical_text(rule_.subject) + "`"; }

  static std::string reasons_text(const ShareTally& t) {
    std::vector<std::string> parts;
    if (t.late) parts.push_back(fmt::format("{} late", t.late));
    if (t.missing) parts.push_back(fmt::format("{} missing", t.missing));
    if (t.early) parts.push_back(fmt::format("{} early", t.early));
    return fmt::format("{}", fmt::join(parts, ", "));
  }

  std::string window_failed_text(const calendar::Interval& w, const ShareTally& t) const {
    std::string when = window_phrase(w);
    std::string failed = fmt::format("{} of {} {} failed {} ({})", t.failed, t.cases, cases_text(), when, reasons_text(t));
    if (small_sample_applies(*share_target_, t))
      return fmt::format("{}; {}", failed, small_sample_text(*share_target_->small));
    std::string in_time = t.open ? fmt::format("at most {}% can be in time, even if the {} still open {} met",
                                               share_text(*share_target_, t), t.open, t.open == 1 ? "is" : "are")
                                 : fmt::format("{}% were in time", share_text(*share_target_, t));
    return fmt::format("{}, so {}; the agreement requires {} of cases", failed, in_time, eval::target_text(*share_target_));
  }

  std::string window_pending_text(const calendar::Interval& w, const ShareTally& t) const {
    std::string when = window_phrase(w);
    std::string failed = t.failed ? fmt::format("{} failed ({})", t.failed, reasons_text(t)) : "none failed";
    int64_t allowed = open_failures_allowed(*share_target_, t);
    std::string outlook = allowed == 0 ? "it holds only if every open case is met"
                                       : fmt::format("it holds if at most {} of them fail", allowed);
    std::string target = small_sample_applies(*share_target_, t) ? small_sample_text(*share_target_->small)
                                                                 : "the agreement requires " + eval::target_text(*share_target_);
    return fmt::format("not decided yet {}: of {} {}, {} met the timing, {} and {} still open; {} ({})", when, t.cases,
                       cases_text(), t.cases - t.failed - t.open, failed, t.open, outlook, target);
  }

  // ---- shared ----

  Finding* report(uint32_t a, uint32_t q, const char* reason, std::string message) {
    Finding f = make_finding(reason, event(a).at);
    f.responsible = responsible_for_activations({a});
    f.events.push_back(a);
    if (q != kNone) f.events.push_back(q);
    f.message = std::move(message);
    return &findings_.add(std::move(f));
  }

  std::string target_text() const {
    std::string text = rule_.target.type.text;
    if (rule_.target.by) text += " by " + rule_.target.by->text;
    if (!rule_.same.empty()) {
      text += " with the same ";
      for (size_t i = 0; i < rule_.same.size(); ++i) text += (i ? ", " : "") + rule_.same[i].text;
    }
    return text;
  }

  std::string local(Instant t) const { return deadline_text(t, ctx_.agreement.zone); }

  CompiledPattern activation_;
  CompiledPattern target_;
  bool before_;
  const calendar::BusinessCalendar& calendar_;
  std::vector<FieldRef> same_;
  bool same_by_ = false;  // with a pause: `with same `by`` is kept out of the pause key (waiting_key)
  bool by_correlated_ = false;  // `with same `by`` (V2.1: the acting party is responsible)
  FieldRef due_;
  KeyTable<Seen> seen_;
  std::deque<Unsettled> unsettled_;
  std::unordered_map<std::string, std::vector<Waiting>> waiting_;
  std::vector<Waiting> unkeyed_;
  PackedFindings findings_;
  // V2.4
  std::optional<CompiledPattern> pause_from_, pause_until_;
  std::optional<PauseClocks> clocks_;
  // V2.3
  std::optional<calendar::WindowSequence> share_windows_;
  std::vector<calendar::Interval> tally_windows_;  // the windows with an activation, in order
  std::vector<ShareTally> tallies_;                // one per window in tally_windows_
  calendar::Interval unjudged_{Instant::max(), Instant::min()};  // the latest window found not judged
  std::vector<ActivityDay> last_window_activity_;
  std::optional<ShareTarget> share_target_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_requires_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                  const model::Rule& rule) {
  return std::make_unique<RequiresRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
