// V2.6 `availability of I [during business hours of X] at least X% every period` and
// `downtime of I [during business hours of X] at most D every period`.
//
// The downtime D of a window is the length of the union of all intervals of I (open ones run to
// as-of), clipped to the window and, with `during`, to X's business time. The interval tracker
// reports the union as maximal stretches, so overlaps count once; each stretch adds its clipped
// time to the windows it crosses. The rule keeps, per window with downtime, that time and the
// earliest opening events of the intervals with positive clipped time in it; nothing else.
// Which windows are judged is settled in finish() (a streamed check without --as-of learns the
// judged interval's end last): until then time is added to every window that may be judged.
//
// An interval that covers whole windows (one open for years, judged every day) is not noted in
// each of them: its opening is kept once with the span of windows it covers, and finish() adds
// it to the citations of the failed windows in that span (a sweep in window order). Noting it
// window by window cost intervals x windows: 1,000 intervals over 400 years, 27 s.
#include <algorithm>
#include <map>
#include <queue>
#include <set>

#include <fmt/format.h>

#include "engine/eval/interval_rules.h"
#include "engine/eval/interval_tracker.h"
#include "engine/eval/wording.h"
#include "engine/model/decimal.h"
#include "engine/model/rule_text.h"

namespace pactum::eval {

namespace {

using i128 = __int128;

// 100 * num / den with four decimals ("97.5806", "99.5", "100"), rounded half up; but never
// rounded up to a target the window missed ("99.99996" against 100% reads "99.9999").
std::string percent_text(int64_t num, int64_t den, const model::Decimal& target) {
  auto text = [](i128 scaled) {
    auto whole = static_cast<int64_t>(scaled / 10000);
    auto frac = static_cast<int64_t>(scaled % 10000);
    if (frac == 0) return fmt::format("{}", whole);
    std::string digits = fmt::format("{:04}", frac);
    while (digits.back() == '0') digits.pop_back();
    return fmt::format("{}.{}", whole, digits);
  };
  i128 truncated = static_cast<i128>(num) * 100 * 10000 / den;
  i128 rounded = (static_cast<i128>(num) * 100 * 10000 * 2 + den) / (2 * static_cast<i128>(den));
  bool below = model::compare_share(num, den, target) < 0;
  std::string out = text(rounded);
  if (below && rounded != truncated) {
    auto shown = model::parse_decimal(out);
    if (shown && model::compare(*shown, target) >= 0) out = text(truncated);
  }
  return out;
}

class DowntimeRule : public RuleEvaluator, public IntervalListener {
 public:
  DowntimeRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule),
        windows_(windows(rule.period)),
        measure_(ctx, rule),
        limit_(plain_duration_length(rule.limit)) {
    if (auto* tracker = ctx.intervals ? ctx.intervals->tracker(rule.interval.text) : nullptr)
      tracker->subscribe(this);
    // The judged windows start at the first window starting in the judged interval.
    auto first = windows_.containing(judged_from());
    range_start_ = first.start < judged_from() ? first.end : first.start;
  }

  bool streams(bool) const override { return true; }
  void held(std::vector<uint32_t>& out) const override {
    for (const auto& [start, window] : by_window_)
      for (uint32_t i : window.events.sorted()) out.push_back(i);
    for (const auto& c : covering_) out.push_back(c.opening);
  }

  // Fed by the interval tracker, not by events.
  std::vector<Subscription> subscriptions() const override { return {}; }
  void on_event(uint32_t, int) override {}

  void on_union(Instant start, Instant end, bool) override {
    for_each_window(start, end, [&](const calendar::Interval& w, Instant s, Instant e) {
      Millis t = measure_(s, e);
      if (t.count() > 0) by_window_[key(w)].down += t;
    });
  }

  void on_interval(const BuiltInterval& iv) override {
    // Clipped as for_each_window clips.
    Instant start = std::max(iv.start, range_start_);
    Instant end = std::min(iv.end ? *iv.end : ctx_.as_of, judged_to());
    if (!(start < end)) return;
    // The first and the last window it meets may be partly covered: cited when their business
    // time in it is positive, as before. The windows from `from` to `to` are wholly covered:
    // cited through covering_ (see the top); a whole window's business time is its own, and only
    // windows that have some are judged.
    auto partial = [&](const calendar::Interval& w) {
      Instant s = std::max(start, w.start), e = std::min(end, w.end);
      if (s == w.start && e == w.end) return false;
      if (measure_(s, e).count() > 0) by_window_[key(w)].events.add(iv.opening);
      return true;
    };
    auto first = windows_.containing(start);
    auto last = windows_.containing(end - Millis{1});
    bool one = last.start == first.start;
    bool first_partial = partial(first);
    bool last_partial = !one && partial(last);
    Instant from = first_partial ? first.end : first.start;
    Instant to = one ? first.end : last_partial ? last.start : last.end;
    if (from < to) covering_.push_back(Covering{from, to, iv.opening});
  }

  void finish(Outcome& out) override {
    PeriodicSummary summary{block_index_, &block_, &rule_, 0, 0, std::nullopt};
    bool availability = rule_.kind == model::Rule::Kind::Availability;
    summary.target = availability ? rule_.availability.value() : double(limit_.count()) / 60000.0;
    static const Window kNone;
    CoveringSweep covering(covering_);
    for (const auto& w : judged_windows(windows_)) {
      Millis measured = measure_(w.start, w.end);
      if (measured.count() == 0) continue;  // no time to measure (a weekend day in business hours)
      auto it = by_window_.find(key(w));
      const Window& state = it == by_window_.end() ? kNone : it->second;
      Millis down = state.down;
      ++summary.judged_windows;
      double percent = 100.0 * double((measured - down).count()) / double(measured.count());
      double minutes = double(down.count()) / 60000.0;
      bool failed = availability ? model::compare_share((measured - down).count(), measured.count(), rule_.availability) < 0
                                 : down > limit_;
      note_best(summary, availability ? percent : minutes, availability);
      summary.windows.push_back({w, failed ? WindowResult::State::Broken : WindowResult::State::Kept,
                                 availability ? percent : minutes});
      if (!failed) continue;
      ++summary.failed_windows;
      Finding f = make_finding(availability ? "below-target" : "above-target", w.start);
      f.window = w;
      f.responsible = interval_rule_responsible(ctx_, block_, rule_);
      EarliestEvents cited = state.events;
      covering.add_openings(w, cited);
      f.events = cited.sorted();
      f.measured.push_back(Measure{"availability", percent, "", {}});
      f.measured.push_back(Measure{"downtime_minutes", minutes, "", {}});
      f.message = availability ? availability_message(w, measured, down) : downtime_message(w, down);
      out.findings.push_back(std::move(f));
    }
    out.periodic.push_back(summary);
  }

 private:
  struct Window {
    Millis down{0};
    EarliestEvents events;
  };
  // An interval covering the windows from `from` to `to` wholly (window starts and ends).
  struct Covering {
    Instant from, to;
    uint32_t opening;
  };
  // The coverings of each window, asked for windows in increasing order: those that began at or
  // before its start are taken in; those that ended before its end are dropped.
  class CoveringSweep {
   public:
    explicit CoveringSweep(const std::vector<Covering>& all) : sorted_(all) {
      std::sort(sorted_.begin(), sorted_.end(), [](const Covering& a, const Covering& b) { return a.from < b.from; });
    }
    void add_openings(const calendar::Interval& w, EarliestEvents& cited) {
      for (; next_ < sorted_.size() && sorted_[next_].from <= w.start; ++next_) {
        active_.insert(sorted_[next_].opening);
        ends_.push({sorted_[next_].to, sorted_[next_].opening});
      }
      while (!ends_.empty() && ends_.top().first < w.end) {
        active_.erase(active_.find(ends_.top().second));
        ends_.pop();
      }
      size_t taken = 0;  // the earliest openings are all a finding can cite
      for (auto it = active_.begin(); it != active_.end() && taken < kMaxCitedEvents; ++it, ++taken) cited.add(*it);
    }

   private:
    std::vector<Covering> sorted_;
    size_t next_ = 0;
    std::multiset<uint32_t> active_;  // openings of the coverings in force
    using End = std::pair<Instant, uint32_t>;
    std::priority_queue<End, std::vector<End>, std::greater<End>> ends_;
  };

  static int64_t key(const calendar::Interval& w) { return w.start.time_since_epoch().count(); }

  static void note_best(PeriodicSummary& s, double value, bool higher_is_better) {
    if (!s.best_value || (higher_is_better ? value > *s.best_value : value < *s.best_value)) s.best_value = value;
  }

  // Calls f(window, s, e) for each window that may be judged that [start, end) meets, with the
  // part inside it (the end of the judged interval is a bound while the pass runs, exact in
  // finish(); windows past the end of the last judged one are never looked at).
  template <class F>
  void for_each_window(Instant start, Instant end, F&& f) {
    start = std::max(start, range_start_);
    end = std::min(end, judged_to());
    if (!(start < end)) return;
    for (auto w = windows_.containing(start); w.start < end; w = windows_.next(w))
      f(w, std::max(start, w.start), std::min(end, w.end));
  }

  std::string what() const {
    return rule_.interval.text + (rule_.during ? " during business hours of " + rule_.during->text : "");
  }

  std::string availability_message(const calendar::Interval& w, Millis measured, Millis down) const {
    return fmt::format("availability of {} was {}% {} ({} of downtime in {}{}); the agreement requires at least {}%",
                       what(), percent_text((measured - down).count(), measured.count(), rule_.availability),
                       window_words(rule_.period, w, ctx_.agreement.zone), measure_.words(down), measure_.words(measured),
                       measure_.of_what(), rule_.availability.text);
  }

  std::string downtime_message(const calendar::Interval& w, Millis down) const {
    return fmt::format("downtime of {} was {} {}; the agreement allows at most {}", what(), measure_.words(down),
                       window_words(rule_.period, w, ctx_.agreement.zone),
                       model::canonical_text(rule_.limit));
  }

  calendar::WindowSequence windows_;
  Instant range_start_{};  // the first judged window's start
  TimeMeasure measure_;
  Millis limit_;
  std::map<int64_t, Window> by_window_;  // windows with any downtime, by start
  std::vector<Covering> covering_;       // intervals covering whole windows (see the top)
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_downtime_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                  const model::Rule& rule) {
  return std::make_unique<DowntimeRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
