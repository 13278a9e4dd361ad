// The interface every rule form implements, and what they share while evaluating.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostics.h"
#include "engine/calendar/periods.h"
#include "engine/eval/matcher.h"
#include "engine/eval/outcome.h"
#include "engine/eval/packed_findings.h"
#include "engine/log/event_log.h"
#include "engine/semantic/resolved_agreement.h"

namespace pactum::eval {

class IntervalTrackers;  // V2.6: interval_tracker.h
class PeriodNames;       // V2.5: period_names.h

struct EvalContext {
  const semantic::ResolvedAgreement& agreement;
  const log::EventLog& log;
  Instant from{};    // judged interval start
  Instant to{};      // judged interval end: min(effective end, as-of)
  Instant as_of{};
  Diagnostics& warnings;
  size_t warning_limit = 100;
  size_t warnings_given = 0;
  size_t warnings_dropped = 0;
  IntervalTrackers* intervals = nullptr;  // the intervals V2.6 rules share, built once per run
  std::vector<std::vector<ActivityDay>>* activity = nullptr;  // Outcome::activity while the pass runs
  calendar::Interval activity_day{};  // the local day of the last activation noted, and its number
  int32_t activity_day_number = 0;
  unsigned threads = 1;  // EvalOptions::threads
  // The findings the rules kept, their places in Outcome::findings reserved by their finish(): the
  // pass unpacks them all at once, on `threads` threads, after every rule has finished.
  std::vector<PackedFindings::Reserved> unpack_later{};

  // Activations are checked only inside the judged interval (before 24:00 of the effective end).
  bool judged(const log::Event& e) const {
    return e.at >= from && e.at <= as_of && (!agreement.effective_end || e.at < *agreement.effective_end);
  }
  void warn(const log::Event& e, std::string message);
};

// Events reach a rule in two phases per timestamp, so that "before" allows equal times
// (targets are recorded before activations are judged) and "after" does too (activations are
// recorded before targets resolve them).
enum class Phase { First, Second };

struct Subscription {
  log::Symbol type;
  Phase phase;
  int role;  // rule-specific: activation, target, counted...
};

// What the pass feeds events to: rule evaluators, and the interval trackers of V2.6.
class EventConsumer {
 public:
  virtual ~EventConsumer() = default;
  virtual std::vector<Subscription> subscriptions() const = 0;
  virtual void on_event(uint32_t index, int role) = 0;
};

class RuleEvaluator : public EventConsumer {
 public:
  RuleEvaluator(EvalContext& ctx, size_t block_index, const model::Block& block, const model::Rule& rule)
      : ctx_(ctx), block_index_(block_index), block_(block), rule_(rule), span_(ctx.agreement.block_span(block)) {}
  // Settles what is open as of the end of the judged interval.
  virtual void finish(Outcome& outcome) = 0;
  // Whether the rule's activation or counted pattern matched some event (true when a form does
  // not say): a rule that matched nothing gets a note.
  virtual bool matched_any() const { return true; }
  // Streaming (EvaluationPass::streams): whether this rule keeps only the state it needs while
  // the pass runs, reads ctx_.as_of and ctx_.to only in finish() unless `as_of_known`, and names
  // every event it may still cite or read in held(). A rule that says no keeps the whole log
  // loaded (the default, safe for any form).
  virtual bool streams(bool as_of_known) const {
    (void)as_of_known;
    return false;
  }
  virtual void held(std::vector<uint32_t>& out) const { (void)out; }
  // Streaming: every event earlier than `next` was fed (whole timestamp groups), and no event to
  // come is earlier. A rule may forget here what no later event can need, so that held() names
  // less. A loaded log never calls it: the stream-differential test compares the two.
  virtual void advance_to(Instant next) { (void)next; }
  // The findings it keeps until finish() (rules that judge as events come): the pass makes room
  // for all of them at once (docs/performance.md, many findings).
  virtual size_t findings_kept() const { return 0; }
  const model::Rule& rule() const { return rule_; }
  const model::Block& block() const { return block_; }

 protected:
  // A finding with block, rule and severity filled in.
  Finding make_finding(std::string reason, Instant at) const;
  // In finish(): the findings `kept` go to the end of `out.findings`, in order (their places now,
  // their contents when the pass unpacks every rule's at once: EvalContext::unpack_later).
  void hand_over(PackedFindings& kept, Outcome& out) const {
    ctx_.unpack_later.push_back(PackedFindings::Reserved{&kept, kept.reserve(out.findings)});
  }
  // Responsible parties, spec 5: the first of target `by` (requires), block `responsible`,
  // pattern `by`, the triggering event's `by`; else "unassigned". For a rule that correlates on
  // `by` use responsible_for_activations (the acting party comes second, V2.1).
  std::vector<std::string> responsible(const log::Event* trigger) const;
  // Responsible parties of a finding about `activations` of a requires-rule (spec 5 with V2.1):
  // the target `by`; when the rule correlates on `by` (`with same `by``), the distinct `by`s of
  // the activations, in party declaration order; else as responsible(nullptr). One activation
  // for 5.1; a V2.3 share-of-activations window passes its failed activations.
  std::vector<std::string> responsible_for_activations(const std::vector<uint32_t>& activations) const;
  std::string describe(uint32_t index) const;  // "site_visit V-1"
  // An activation this rule judged (5.1, 5.2, a V2.5 window at its start), counted per local day
  // for the html report's timelines (Outcome::activity; evaluate() orders the days at the end).
  void note_activation(Instant at) const;

  // ---- the judged interval of this block (rule_evaluator.cc) ----
  // V2.7: a block `effective D1 to D2` limits its rules to that span inside the judged interval.
  // Every form judges through these, never through ctx_.from / ctx_.to / ctx_.judged directly
  // (ignored_events and 5.1's "effective end" stay about the agreement's interval).
  // An activation event is judged when it lies in the judged interval and in the block's span.
  bool judged(const log::Event& e) const;
  Instant judged_from() const;  // max(judged start, 00:00 of D1)
  Instant judged_to() const;    // min(judged end, 24:00 of D2)
  const std::optional<calendar::Interval>& block_span() const { return span_; }
  // The windows of `period` (spec 5, "Calendar periods"): `N days|weeks|months` start at the
  // block's D1, else at the effective start, else at the judged interval's exact start.
  calendar::WindowSequence windows(const model::Period& period) const;
  // The windows to judge: those lying completely inside [judged_from(), judged_to()], in order.
  std::vector<calendar::Interval> judged_windows(const calendar::WindowSequence& windows) const;
  // `grouped by period` (V2.5): the window that matching event `index` counts toward, the one its
  // `period` attribute names; an input warning and nullopt when it names no window of `names`.
  std::optional<calendar::Interval> grouped_window(uint32_t index, const PeriodNames& names) const;
  // The input warning for event `index` whose `period` names no window of `period`;
  // `consequence` ends the sentence: "it is not counted by" / "it serves no window of" rule N.
  void warn_unnamed_period(uint32_t index, const model::Period& period, const char* consequence) const;

  EvalContext& ctx_;
  size_t block_index_;
  const model::Block& block_;
  const model::Rule& rule_;
  std::optional<calendar::Interval> span_;  // the block's own lifetime (V2.7), if it has one
};

std::unique_ptr<RuleEvaluator> make_requires_rule(EvalContext&, size_t, const model::Block&, const model::Rule&);
std::unique_ptr<RuleEvaluator> make_hours_rule(EvalContext&, size_t, const model::Block&, const model::Rule&);
std::unique_ptr<RuleEvaluator> make_periodic_rule(EvalContext&, size_t, const model::Block&, const model::Rule&);
// Whether a rule judges the windows of its `period` (periodic rules and the V2 forms), and how
// many it judges, counted as the rule would build them (counting stops past `limit`): the window
// limit is checked before any rule is built (evaluator.cc, kMaxJudgedWindows).
bool judges_windows(const model::Rule& rule);
size_t count_judged_windows(const EvalContext& ctx, const model::Block& block, const model::Period& period,
                            size_t limit);
std::unique_ptr<RuleEvaluator> make_forbidden_rule(EvalContext&, size_t, const model::Block&, const model::Rule&);
// V2.6 `availability of I ...` and `downtime of I ...`; `MEASURE duration of I ...`.
std::unique_ptr<RuleEvaluator> make_downtime_rule(EvalContext&, size_t, const model::Block&, const model::Rule&);
std::unique_ptr<RuleEvaluator> make_duration_rule(EvalContext&, size_t, const model::Block&, const model::Rule&);
// V2.5 `every PERIOD requires Q ...`.
std::unique_ptr<RuleEvaluator> make_period_requires_rule(EvalContext&, size_t, const model::Block&, const model::Rule&);
// V2.3 `at least|at most X% of P have C every PERIOD`.
std::unique_ptr<RuleEvaluator> make_share_of_events_rule(EvalContext&, size_t, const model::Block&, const model::Rule&);

}  // namespace pactum::eval
