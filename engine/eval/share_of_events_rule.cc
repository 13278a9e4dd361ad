// V2.3 share of events: `at least|at most X% of P have C every PERIOD [grouped by period]
// [or at most K failed when fewer than M cases]`.
//
// Matching events are tallied per judged window as they stream past (the count of cases, of
// those counting against the bound, and the first 100 of the latter); when the pass ends, every
// window with a case is compared exactly with the target.
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
        windows_(judged_windows(windows(rule.period))),
        tallies_(windows_.size()),
        target_{rule.at_least, rule.share_percent, rule.small} {
    if (rule.grouped_by_period) names_.emplace(ctx.log, windows(rule.period), ctx.agreement.zone);
  }

  std::vector<Subscription> subscriptions() const override { return {{pattern_.type(), Phase::Second, 0}}; }
  bool matched_any() const override { return pattern_.matched_any(); }

  void on_event(uint32_t index, int) override {
    const log::Event& e = ctx_.log.event(index);
    if (!pattern_.matches(e)) return;
    auto w = window_of(index);
    if (!w) return;
    ShareTally& tally = tallies_[*w];
    ++tally.cases;
    // A case counts against the bound when C is false (`at least`) or true (`at most`).
    if (have_.matches(e) != rule_.at_least) {
      ++tally.failed;
      tally.failed_events.add(index);
    }
  }

  void finish(Outcome& out) override {
    // For `never-met`, a window without a case is not judged (V2.1).
    PeriodicSummary summary{block_index_, &block_, &rule_, 0, 0, std::nullopt};
    summary.target = rule_.share_percent.value();
    for (size_t i = 0; i < windows_.size(); ++i) {
      const ShareTally& tally = tallies_[i];
      if (tally.cases == 0) continue;  // nothing to judge: no finding
      ++summary.judged_windows;
      note_best(summary, tally);
      bool fails = judge_share(target_, tally) == ShareVerdict::Fails;
      summary.windows.push_back({windows_[i], fails ? WindowResult::State::Broken : WindowResult::State::Kept,
                                 share_value(tally)});
      if (!fails) continue;
      ++summary.failed_windows;
      out.findings.push_back(window_finding(windows_[i], tally));
    }
    out.periodic.push_back(summary);
  }

 private:
  // The judged window a matching event counts in, nullopt when it counts nowhere: the window
  // holding its time; with `grouped by period` (V2.5) the one its `period` attribute names,
  // whenever it was sent (an input warning when it names none; one that names a window that is
  // not judged counts nowhere, silently).
  std::optional<size_t> window_of(uint32_t index) const {
    if (names_) {
      auto named = grouped_window(index, *names_);
      if (!named) return std::nullopt;
      return windows_.index_of(named->start);
    }
    const log::Event& e = ctx_.log.event(index);
    if (!judged(e)) return std::nullopt;
    return windows_.index_of(e.at);
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
  JudgedWindows windows_;
  std::optional<PeriodNames> names_;  // `grouped by period`
  std::vector<ShareTally> tallies_;   // one per judged window
  ShareTarget target_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_share_of_events_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                         const model::Rule& rule) {
  return std::make_unique<ShareOfEventsRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
