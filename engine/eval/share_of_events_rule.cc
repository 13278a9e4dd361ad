// V2.3 share of events: `at least|at most X% of P have C every PERIOD [grouped by period]
// [or at most K failed when fewer than M cases]`.
//
// Matching events are tallied per window as they stream past (the count of cases, of those
// counting against the bound, and the first 100 of the latter); when the pass ends, every judged
// window with a case is compared exactly with the target. The judged windows are known only then
// (a streamed check without --as-of learns the end of the judged interval last): tallies are kept
// by window start for every window that may still be judged, and looked up at the end. Once the
// stream has left a window (not `grouped by period`), a window that holds drops the events it
// would cite: its cases are all in, and a share of events has no open case.
#include <unordered_map>

#include <fmt/format.h>

#include "engine/eval/rule_evaluator.h"
#include "engine/eval/share.h"
#include "engine/eval/period_names.h"
#include "engine/eval/wording.h"
#include "engine/model/rule_text.h"

namespace pactum::eval {

namespace {

// `C` compiled as a pattern of the same event type, so that it is matched like any condition.
model::Pattern have_pattern(const model::Rule& rule) {
  model::Pattern p;
  p.type = rule.subject.type;
  p.where = rule.have;
  return p;
}

class ShareOfEventsRule : public RuleEvaluator {
 public:
  ShareOfEventsRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule),
        pattern_(rule.subject, ctx.log, ctx.agreement),
        have_(have_pattern(rule), ctx.log, ctx.agreement),
        windows_(windows(rule.period)),
        target_{rule.at_least, rule.share_percent, rule.small} {
    if (rule.grouped_by_period) names_.emplace(ctx.log, windows_, ctx.agreement.zone);
  }

  std::vector<Subscription> subscriptions() const override { return {{pattern_.type(), Phase::Second, 0}}; }
  bool matched_any() const override { return pattern_.matched_any(); }

  void on_event(uint32_t index, int) override {
    const log::Event& e = ctx_.log.event(index);
    if (!pattern_.matches(e)) return;
    auto w = window_of(index);
    if (!w) return;
    ShareTally& tally = tallies_[w->start.time_since_epoch().count()];
    if (!names_ && &tally != open_) {  // events come in time order: the window before is complete
      if (open_) settle(*open_);
      open_ = &tally;
    }
    ++tally.cases;
    // A case counts against the bound when C is false (`at least`) or true (`at most`).
    if (have_.matches(e) != rule_.at_least) {
      ++tally.failed;
      tally.failed_events.add(index);
    }
  }

  // Streams, `grouped by period` too: a tally per window that may be judged, whatever order its
  // events come in; the judged interval's end is needed only in finish().
  bool streams(bool) const override { return true; }
  void held(std::vector<uint32_t>& out) const override {
    for (const auto& [start, tally] : tallies_)
      for (uint32_t i : tally.failed_events.sorted()) out.push_back(i);
  }

  void finish(Outcome& out) override {
    // For `never-met`, a window without a case is not judged (V2.1).
    PeriodicSummary summary{block_index_, &block_, &rule_, 0, 0, std::nullopt};
    summary.target = rule_.share_percent.value();
    for (const auto& w : judged_windows(windows_)) {
      auto it = tallies_.find(w.start.time_since_epoch().count());
      if (it == tallies_.end()) continue;
      const ShareTally& tally = it->second;
      if (tally.cases == 0) continue;  // nothing to judge: no finding
      ++summary.judged_windows;
      note_best(summary, tally);
      bool fails = judge_share(target_, tally) == ShareVerdict::Fails;
      summary.windows.push_back({w, fails ? WindowResult::State::Broken : WindowResult::State::Kept,
                                 share_value(tally)});
      if (!fails) continue;
      ++summary.failed_windows;
      out.findings.push_back(window_finding(w, tally));
    }
    out.periodic.push_back(summary);
  }

 private:
  // The judged window a matching event counts in, nullopt when it counts nowhere: the window
  // holding its time; with `grouped by period` (V2.5) the one its `period` attribute names,
  // whenever it was sent (an input warning when it names none; one that names a window that is
  // not judged counts nowhere, silently).
  // While the pass runs, "judged" is known for the start of a window (judged_from()) but only
  // bounded for its end (judged_to() is the effective end, or the block's, until as-of is known):
  // a window past that bound is never judged; one inside it is, unless the judged interval ends
  // before the window does, which finish() sees.
  std::optional<calendar::Interval> window_of(uint32_t index) {
    std::optional<calendar::Interval> w;
    if (names_) {
      w = grouped_window(index, *names_);
    } else {
      const log::Event& e = ctx_.log.event(index);
      if (!judged(e)) return std::nullopt;
      if (!(e.at >= current_.start && e.at < current_.end)) current_ = windows_.containing(e.at);
      w = current_;
    }
    if (!w || w->start < judged_from() || w->end > judged_to()) return std::nullopt;
    return w;
  }

  // A window the stream has left: when it holds, no finding cites its events.
  void settle(ShareTally& tally) const {
    if (judge_share(target_, tally) != ShareVerdict::Fails) tally.failed_events = EarliestEvents{};
  }

  // The share the bound is compared with: of cases with C (`at least`), of cases counting against (`at most`).
  double share_value(const ShareTally& tally) const {
    return 100.0 * double(rule_.at_least ? tally.cases - tally.failed : tally.failed) / double(tally.cases);
  }

  void note_best(PeriodicSummary& s, const ShareTally& tally) const {
    double share = share_value(tally);
    if (!s.best_value || (rule_.at_least ? share > *s.best_value : share < *s.best_value)) s.best_value = share;
  }

  Finding window_finding(const calendar::Interval& w, const ShareTally& tally) const {
    Finding f = make_finding(rule_.at_least ? "below-target" : "above-target", w.start);
    f.window = w;
    f.responsible = responsible(nullptr);  // the block's `responsible`, else the pattern's `by`
    f.events = tally.failed_events.sorted();
    add_share_measures(f, target_, tally, false);
    std::string pattern = "`" + model::canonical_text(rule_.subject) + "`";
    std::string condition = rule_.have ? "`" + model::canonical_text(*rule_.have) + "`" : "the condition";
    std::string when = (rule_.period.unit == model::Period::Unit::Day ? "on " : "in ") +
                       window_name(rule_.period, w, ctx_.agreement.zone);
    std::string share = share_text(target_, tally);
    if (small_sample_applies(target_, tally)) {
      // The share is of the cases that had C (`at least`) or of those that count against (`at most`).
      std::string share_part = rule_.at_least ? fmt::format("so {}% did", share) : fmt::format("{}%", share);
      f.message = fmt::format("{} of {} {} events {} {} {} ({}); {}", tally.failed, tally.cases, pattern,
                              rule_.at_least ? "did not have" : "had", condition, when, share_part,
                              small_sample_text(*target_.small));
    } else if (rule_.at_least) {
      f.message = fmt::format("only {} of {} {} events had {} {} ({}%); the agreement requires {}",
                              tally.cases - tally.failed, tally.cases, pattern, condition, when, share,
                              target_text(target_));
    } else {
      f.message = fmt::format("{} of {} {} events had {} {} ({}%); the agreement allows {}", tally.failed,
                              tally.cases, pattern, condition, when, share, target_text(target_));
    }
    return f;
  }

  CompiledPattern pattern_;
  CompiledPattern have_;
  calendar::WindowSequence windows_;
  std::optional<PeriodNames> names_;  // `grouped by period`
  // One per window with a case that may be judged, by window start (unordered_map: stable
  // addresses for open_).
  std::unordered_map<int64_t, ShareTally> tallies_;
  ShareTally* open_ = nullptr;  // the window of the latest event (not `grouped by period`)
  calendar::Interval current_{Instant::max(), Instant::min()};
  ShareTarget target_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_share_of_events_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                         const model::Rule& rule) {
  return std::make_unique<ShareOfEventsRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
