// V2.6 `average|minimum|maximum|total|percentile N duration of I [during business hours of X]
// at least|at most D every period`.
//
// The cases of a window are the intervals of I that open in it; each one's duration is its length
// (its business time with `during`). A window with a case still open at as-of is pending, unless
// the judged interval has reached the agreement's effective end: open cases are then measured up
// to that end. Per window the rule keeps the durations of its cases (a percentile needs them all)
// and the earliest opening events it cites; comparisons are exact, in milliseconds. Which windows
// are judged is settled in finish() (a streamed check without --as-of learns the judged
// interval's end last): until then cases are kept for every window that may be judged.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/eval/interval_rules.h"
#include "engine/eval/interval_tracker.h"
#include "engine/eval/wording.h"
#include "engine/model/rule_text.h"

namespace pactum::eval {

namespace {

using i128 = __int128;
using MeasureKind = model::Measure;

std::string ordinal(int64_t n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    else if (n % 10 == 2) suffix = "nd";
    else if (n % 10 == 3) suffix = "rd";
  }
  return fmt::format("{}{}", n, suffix);
}

class DurationRule : public RuleEvaluator, public IntervalListener {
 public:
  DurationRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
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
    for (const auto& [start, cases] : by_window_) {
      for (uint32_t i : cases.events.sorted()) out.push_back(i);
      for (uint32_t i : cases.open.sorted()) out.push_back(i);
    }
  }

  // Fed by the interval tracker, not by events.
  std::vector<Subscription> subscriptions() const override { return {}; }
  void on_event(uint32_t, int) override {}
  void on_union(Instant, Instant, bool) override {}

  void on_interval(const BuiltInterval& iv) override {
    // Opens in no judged window: before the first one, or in a window ending after the judged
    // interval (a bound while the pass runs; finish() looks up the judged windows only).
    if (iv.start < range_start_) return;
    if (!(iv.start >= current_.start && iv.start < current_.end)) current_ = windows_.containing(iv.start);
    if (current_.end > judged_to()) return;
    Cases& cases = by_window_[current_.start.time_since_epoch().count()];
    cases.events.add(iv.opening);
    // Open intervals come only when the pass ends, when the judged interval's end is known.
    const auto& effective_end = ctx_.agreement.effective_end;
    if (iv.end) {
      cases.durations.push_back(measure_(iv.start, *iv.end).count());
    } else if (effective_end && ctx_.to >= *effective_end) {  // the agreement has ended: measured up to its end
      cases.durations.push_back(measure_(iv.start, *effective_end).count());
    } else {
      cases.open.add(iv.opening);
    }
  }

  void finish(Outcome& out) override {
    PeriodicSummary summary{block_index_, &block_, &rule_, 0, 0, std::nullopt};
    summary.target = double(limit_.count()) / 60000.0;
    for (const auto& w : judged_windows(windows_)) {
      auto it = by_window_.find(w.start.time_since_epoch().count());
      if (it == by_window_.end()) continue;  // no case: nothing to judge
      Cases& cases = it->second;
      if (cases.open.total() > 0) {
        summary.windows.push_back({w, WindowResult::State::Pending});
        out.pending.push_back(pending_window(w, cases));
        continue;
      }
      judge(w, cases, summary, out);
    }
    out.periodic.push_back(summary);
  }

 private:
  struct Cases {
    std::vector<int64_t> durations;  // closed (or measured) cases, milliseconds
    EarliestEvents events;           // opening events of all cases
    EarliestEvents open;             // opening events of the cases still open
  };

  // The measure as an exact fraction of milliseconds: value = num / den.
  struct Value {
    i128 num = 0;
    i128 den = 1;
  };

  Value measure_value(std::vector<int64_t>& d) const {
    switch (rule_.measure) {
      case MeasureKind::Minimum: return {*std::min_element(d.begin(), d.end()), 1};
      case MeasureKind::Maximum: return {*std::max_element(d.begin(), d.end()), 1};
      case MeasureKind::Percentile: {
        // Nearest rank: the value at position ceil(N x count / 100), counting from 1.
        auto count = static_cast<int64_t>(d.size());
        int64_t rank = std::clamp<int64_t>((rule_.percentile * count + 99) / 100, 1, count);
        std::nth_element(d.begin(), d.begin() + (rank - 1), d.end());
        return {d[rank - 1], 1};
      }
      case MeasureKind::Total:
      case MeasureKind::Average: {
        i128 sum = 0;
        for (auto v : d) sum += v;
        return {sum, rule_.measure == MeasureKind::Average ? static_cast<i128>(d.size()) : 1};
      }
    }
    return {};
  }

  void judge(const calendar::Interval& w, Cases& cases, PeriodicSummary& summary, Outcome& out) {
    ++summary.judged_windows;
    size_t n = cases.durations.size();
    Value v = measure_value(cases.durations);
    // value <=> limit, exactly: num <=> limit x den
    i128 lhs = v.num, rhs = static_cast<i128>(limit_.count()) * v.den;
    bool failed = rule_.at_least ? lhs < rhs : lhs > rhs;
    double ms = double(v.num) / double(v.den);
    double minutes = ms / 60000.0;
    if (!summary.best_value || (rule_.at_least ? minutes > *summary.best_value : minutes < *summary.best_value))
      summary.best_value = minutes;
    summary.windows.push_back({w, failed ? WindowResult::State::Broken : WindowResult::State::Kept, minutes});
    if (!failed) return;
    ++summary.failed_windows;
    Finding f = make_finding(rule_.at_least ? "below-target" : "above-target", w.start);
    f.window = w;
    f.responsible = interval_rule_responsible(ctx_, block_, rule_);
    f.events = cases.events.sorted();
    f.measured.push_back(Measure{"minutes", minutes, "", {}});
    f.measured.push_back(Measure{"cases", double(n), "", {}});
    f.message = fmt::format("the {} of {} was {} {} ({} case{}); the agreement requires {} {}", measure_words(),
                            what(), measure_.words(Millis{static_cast<int64_t>(v.num / v.den)}),
                            window_words(rule_.period, w, ctx_.agreement.zone), n, n == 1 ? "" : "s",
                            rule_.at_least ? "at least" : "at most", model::canonical_text(rule_.limit));
    out.findings.push_back(std::move(f));
  }

  Finding pending_window(const calendar::Interval& w, const Cases& cases) const {
    Finding p = make_finding("pending", w.start);
    p.window = w;
    p.responsible = interval_rule_responsible(ctx_, block_, rule_);
    p.events = cases.open.sorted();
    size_t open = cases.open.total();
    size_t n = cases.durations.size() + open;
    p.measured.push_back(Measure{"cases", double(n), "", {}});
    p.measured.push_back(Measure{"open", double(open), "", {}});
    p.message = fmt::format("{} of the {} that opened {} {} still open; the window is judged when {}{}", open,
                            cases_words(n), window_words(rule_.period, w, ctx_.agreement.zone),
                            open == 1 ? "is" : "are", open == 1 ? "it closes" : "they close",
                            ctx_.agreement.effective_end ? " or the agreement ends" : "");
    return p;
  }

  std::string measure_words() const {
    switch (rule_.measure) {
      case MeasureKind::Average: return "average duration";
      case MeasureKind::Minimum: return "minimum duration";
      case MeasureKind::Maximum: return "maximum duration";
      case MeasureKind::Total: return "total duration";
      case MeasureKind::Percentile: return ordinal(rule_.percentile) + " percentile duration";
    }
    return "duration";
  }

  std::string what() const {
    return rule_.interval.text + (rule_.during ? " during business hours of " + rule_.during->text : "");
  }

  std::string cases_words(size_t n) const {
    return fmt::format("{} interval{} of {}", n, n == 1 ? "" : "s", rule_.interval.text);
  }

  calendar::WindowSequence windows_;
  Instant range_start_{};  // the first judged window's start
  calendar::Interval current_{Instant::max(), Instant::min()};
  TimeMeasure measure_;
  Millis limit_;
  std::unordered_map<int64_t, Cases> by_window_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_duration_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                  const model::Rule& rule) {
  return std::make_unique<DurationRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
