// Rules 5.3 (`at least N P every period [allowing K missed per period2]`), 5.4 (`at most N P
// every period`) and 5.6 (`aggregate attr of P at least|at most X every period`).
//
// Matching events are bucketed by calendar window as they stream past; when the pass ends,
// every window lying completely inside the judged interval is judged, including empty ones.
#include <algorithm>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/base/exact_decimal.h"
#include "engine/calendar/periods.h"
#include "engine/eval/period_names.h"
#include "engine/eval/rule_evaluator.h"
#include "engine/eval/wording.h"
#include "engine/model/rule_text.h"

namespace pactum::eval {

namespace {

using Kind = model::Rule::Kind;

struct Bucket {
  size_t count = 0;              // matching events
  // Matching events in time order, only those a finding could still cite (keep_citable); once
  // the window is complete (a streamed check), none for a kept window.
  std::vector<uint32_t> events;
  size_t values = 0;             // numeric values (aggregates)
  double sum = 0;
  ExactSum exact;                // the same sum, exactly, from the values' texts (totals, averages)
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  double latest = 0;
};

class PeriodicRule : public RuleEvaluator {
 public:
  PeriodicRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule),
        pattern_(rule.subject, ctx.log, ctx.agreement),
        windows_(windows(rule.period)),
        attribute_(FieldRef::compile(rule.attribute.text, ctx.log)),
        exact_bound_(exact_of_double(rule.bound)) {
    if (rule.grouped_by_period) names_.emplace(ctx.log, windows_, ctx.agreement.zone);
  }

  std::vector<Subscription> subscriptions() const override { return {{pattern_.type(), Phase::Second, 0}}; }
  bool matched_any() const override { return pattern_.matched_any(); }

  void on_event(uint32_t index, int) override {
    const log::Event& e = ctx_.log.event(index);
    if (names_) {
      // `grouped by period` (V2.5): the window the event names, whenever it was sent (events
      // after as-of never arrive here); events naming windows that are not judged count nowhere.
      if (!pattern_.matches(e)) return;
      auto named = grouped_window(index, *names_);
      if (!named) return;
      current_ = *named;
    } else {
      if (!judged(e) || !pattern_.matches(e)) return;
      if (!(e.at >= current_.start && e.at < current_.end)) current_ = windows_.containing(e.at);
    }
    Bucket& bucket = buckets_[current_.start.time_since_epoch().count()];
    if (!names_ && &bucket != open_) {  // events come in time order: the window before is complete
      if (open_) settle(*open_);
      open_ = &bucket;
    }
    ++bucket.count;
    if (rule_.kind == Kind::Aggregate) add_value(bucket, e, index);
    keep_citable(bucket, index);
  }

  // Streams, `grouped by period` too: there an event may count toward any window whenever it is
  // sent, so no window is ever complete before the end, but keep_citable() holds only what a
  // finding could still cite.
  bool streams(bool) const override { return true; }
  void held(std::vector<uint32_t>& out) const override {
    for (const auto& [start, bucket] : buckets_) out.insert(out.end(), bucket.events.begin(), bucket.events.end());
  }

  void finish(Outcome& out) override {
    PeriodicSummary summary{block_index_, &block_, &rule_, 0, 0, std::nullopt};
    summary.target = rule_.kind == Kind::Aggregate ? rule_.bound : double(rule_.count);
    static const Bucket kEmpty;
    std::vector<Miss> misses;  // too-few, before tolerance
    for (const auto& w : judged_windows(windows_)) {
      auto it = buckets_.find(w.start.time_since_epoch().count());
      const Bucket& bucket = it == buckets_.end() ? kEmpty : it->second;
      ++summary.judged_windows;
      bool failed = false;
      // The value the window is judged by: its count, or its aggregate when it has one.
      bool has_value = rule_.kind != Kind::Aggregate || bucket.values > 0;
      double value = rule_.kind == Kind::Aggregate && has_value ? aggregate(bucket) : double(bucket.count);
      if (rule_.kind == Kind::AtLeast) {
        note_best(summary, double(bucket.count), true);
        failed = int64_t(bucket.count) < rule_.count;
        if (failed) misses.push_back({w, &bucket, summary.windows.size()});
      } else if (rule_.kind == Kind::AtMost) {
        note_best(summary, double(bucket.count), false);
        failed = int64_t(bucket.count) > rule_.count;
        if (failed) too_many(w, bucket, out);
      } else {
        failed = judge_aggregate(w, bucket, summary, out);
      }
      if (failed) ++summary.failed_windows;
      summary.windows.push_back({w, failed ? WindowResult::State::Broken : WindowResult::State::Kept});
      if (has_value) summary.windows.back().value = value;
    }
    apply_tolerance(misses, summary, out);
    out.periodic.push_back(summary);
  }

 private:
  // The events a window's finding could still cite, as its count grows (a window still open, or
  // with `grouped by period` one that any later event may name). At least N: the window's events
  // while it has fewer than N (then it holds for good). At most N: the excess, those after the
  // first N (the count only grows). Aggregates: every event of the window (a later value can move
  // the aggregate either way; no-data cites them all), except where the aggregate can no longer
  // fail (met_for_good).
  void keep_citable(Bucket& bucket, uint32_t index) const {
    if (rule_.kind == Kind::AtLeast) {
      if (int64_t(bucket.count) < rule_.count) {
        bucket.events.push_back(index);
      } else if (!bucket.events.empty()) {
        bucket.events.clear();
        bucket.events.shrink_to_fit();
      }
    } else if (rule_.kind == Kind::AtMost) {
      if (int64_t(bucket.count) > rule_.count) bucket.events.push_back(index);
    } else if (met_for_good(bucket)) {
      if (!bucket.events.empty()) {
        bucket.events.clear();
        bucket.events.shrink_to_fit();
      }
    } else {
      bucket.events.push_back(index);
    }
  }

  // A maximum that reached an `at least` bound, or a minimum an `at most` one, stays there
  // whatever values come later: the window holds, and no finding will cite its events.
  bool met_for_good(const Bucket& bucket) const {
    if (bucket.values == 0) return false;
    if (rule_.aggregate == model::Aggregate::Maximum && rule_.at_least) return bucket.max >= rule_.bound;
    if (rule_.aggregate == model::Aggregate::Minimum && !rule_.at_least) return bucket.min <= rule_.bound;
    return false;
  }

  void add_value(Bucket& bucket, const log::Event& e, uint32_t index) {
    FieldValue v = read_field(ctx_.log, e, attribute_);
    if (v.kind != FieldValue::Kind::Number) {
      std::string what = v.kind == FieldValue::Kind::Missing
                             ? "is missing"
                             : fmt::format("is not a number (\"{}\")", ctx_.log.symbols.text(v.text));
      ctx_.warn(e, fmt::format("{}: `{}` {}; it is not counted by rule {} of \"{}\"", describe(index),
                               rule_.attribute.text, what, rule_.number, block_.name));
      return;
    }
    ++bucket.values;
    bucket.sum += v.number;
    if (rule_.aggregate == model::Aggregate::Total || rule_.aggregate == model::Aggregate::Average)
      bucket.exact.add(parse_exact_decimal(ctx_.log.symbols.text(v.text)));
    bucket.min = std::min(bucket.min, v.number);
    bucket.max = std::max(bucket.max, v.number);
    bucket.latest = v.number;
  }

  // A complete window keeps only the events its finding would cite (finish() judges it the same).
  void settle(Bucket& bucket) const {
    bool failed = false;
    if (rule_.kind == Kind::AtLeast) failed = int64_t(bucket.count) < rule_.count;
    else if (rule_.kind == Kind::AtMost) failed = int64_t(bucket.count) > rule_.count;
    else if (bucket.values == 0) failed = true;  // no-data
    else failed = rule_.at_least ? versus_bound(bucket) < 0 : versus_bound(bucket) > 0;
    if (!failed) {
      bucket.events.clear();
      bucket.events.shrink_to_fit();
    }
  }

  static void note_best(PeriodicSummary& s, double value, bool higher_is_better) {
    if (!s.best_value || (higher_is_better ? value > *s.best_value : value < *s.best_value)) s.best_value = value;
  }

  std::string pattern_text() const { return model::canonical_text(rule_.subject); }

  std::string window_text(const calendar::Interval& w) const {
    bool day = rule_.period.unit == model::Period::Unit::Day;
    return (day ? "on " : "in ") + window_name(rule_.period, w, ctx_.agreement.zone);
  }

  Finding window_finding(const char* reason, const calendar::Interval& w, const log::Event* trigger) const {
    Finding f = make_finding(reason, w.start);
    f.window = w;
    f.responsible = responsible(trigger);
    return f;
  }

  struct Miss {
    calendar::Interval w;
    const Bucket* bucket;
    size_t result;  // index into PeriodicSummary::windows
  };

  void apply_tolerance(const std::vector<Miss>& misses, PeriodicSummary& summary, Outcome& out) {
    std::unordered_map<int64_t, int64_t> tolerated_in_group;
    std::optional<calendar::WindowSequence> groups;
    if (rule_.allowed_misses)
      groups.emplace(windows(rule_.allowance_period));
    for (const auto& [w, bucket, result] : misses) {
      bool tolerate = false;
      if (groups) {
        auto group = groups->containing(w.start).start.time_since_epoch().count();
        tolerate = tolerated_in_group[group] < *rule_.allowed_misses;
        if (tolerate) ++tolerated_in_group[group];
      }
      Finding f = window_finding("too-few", w, nullptr);
      f.events = bucket->events;
      f.measured.push_back(Measure{"count", double(bucket->count), "", {}});
      f.measured.push_back(Measure{"required", double(rule_.count), "", {}});
      f.message = fmt::format("only {} of the required {} {} {}", bucket->count, rule_.count, pattern_text(),
                              window_text(w));
      if (tolerate) {
        ++out.tolerated;
        summary.windows[result].state = WindowResult::State::Tolerated;
        for (const auto& party : responsible(nullptr)) ++out.tolerated_by_party[party];
        f.message += fmt::format(", tolerated ({} missed allowed per {})", *rule_.allowed_misses,
                                 model::canonical_text(rule_.allowance_period));
        out.tolerated_misses.push_back(std::move(f));
        continue;
      }
      out.findings.push_back(std::move(f));
    }
  }

  void too_many(const calendar::Interval& w, const Bucket& bucket, Outcome& out) {
    const std::vector<uint32_t>& excess = bucket.events;  // keep_citable kept only these
    Finding f = window_finding("too-many", w, &ctx_.log.event(excess.front()));
    f.events = excess;
    f.measured.push_back(Measure{"count", double(bucket.count), "", {}});
    f.measured.push_back(Measure{"allowed", double(rule_.count), "", {}});
    f.message = fmt::format("{} {} {}, {} more than the {} allowed", bucket.count, pattern_text(),
                            window_text(w), excess.size(), rule_.count);
    out.findings.push_back(std::move(f));
  }

  // Returns true when the window failed.
  bool judge_aggregate(const calendar::Interval& w, const Bucket& bucket, PeriodicSummary& summary, Outcome& out) {
    std::string what = fmt::format("{} {} of {}", aggregate_name(), rule_.attribute.text, pattern_text());
    std::string bound = plain_number(rule_.bound) + (rule_.percent ? "%" : "");
    if (bucket.values == 0) {
      Finding f = window_finding("no-data", w, nullptr);
      f.events = bucket.events;
      f.measured.push_back(Measure{"bound", rule_.bound, "", {}});
      f.message = fmt::format("no {} with a numeric `{}` {}, so the target {} {} cannot be shown to be met",
                              pattern_text(), rule_.attribute.text, window_text(w),
                              rule_.at_least ? "at least" : "at most", bound);
      out.findings.push_back(std::move(f));
      return true;
    }
    double value = aggregate(bucket);
    note_best(summary, value, rule_.at_least);
    bool failed = rule_.at_least ? versus_bound(bucket) < 0 : versus_bound(bucket) > 0;
    if (!failed) return false;
    Finding f = window_finding(rule_.at_least ? "below-target" : "above-target", w, nullptr);
    f.events = bucket.events;
    f.measured.push_back(Measure{"value", value, "", {}});
    f.measured.push_back(Measure{"bound", rule_.bound, "", {}});
    f.measured.push_back(Measure{"count", double(bucket.values), "", {}});
    f.message = fmt::format("{} was {}{} {}; the agreement requires {} {}", what, plain_number(value),
                            rule_.percent ? "%" : "", window_text(w), rule_.at_least ? "at least" : "at most", bound);
    out.findings.push_back(std::move(f));
    return true;
  }

  // The aggregate against the bound (<0, 0, >0): exactly for a total or an average of decimal
  // texts (0.1 and 0.2 total 0.3, not 0.30000000000000004), else as doubles.
  int versus_bound(const Bucket& b) const {
    bool sums = rule_.aggregate == model::Aggregate::Total || rule_.aggregate == model::Aggregate::Average;
    if (sums && exact_bound_) {
      uint64_t times = rule_.aggregate == model::Aggregate::Average ? b.values : 1;  // sum/n vs bound: sum vs bound × n
      if (auto c = b.exact.compare_with(*exact_bound_, times)) return *c;
    }
    double value = aggregate(b);
    return value < rule_.bound ? -1 : value > rule_.bound ? 1 : 0;
  }

  double aggregate(const Bucket& b) const {
    auto sum = [&] { return b.exact.exact() ? b.exact.value() : b.sum; };  // 0.3, not 0.30000000000000004
    switch (rule_.aggregate) {
      case model::Aggregate::Average: return sum() / double(b.values);
      case model::Aggregate::Minimum: return b.min;
      case model::Aggregate::Maximum: return b.max;
      case model::Aggregate::Total: return sum();
      case model::Aggregate::Latest: return b.latest;
    }
    return 0;
  }

  const char* aggregate_name() const {
    switch (rule_.aggregate) {
      case model::Aggregate::Average: return "the average";
      case model::Aggregate::Minimum: return "the minimum";
      case model::Aggregate::Maximum: return "the maximum";
      case model::Aggregate::Total: return "the total";
      case model::Aggregate::Latest: return "the latest";
    }
    return "";
  }

  CompiledPattern pattern_;
  calendar::WindowSequence windows_;
  std::optional<PeriodNames> names_;  // `grouped by period`
  FieldRef attribute_;
  std::optional<ExactDecimal> exact_bound_;  // the bound as the agreement wrote it
  calendar::Interval current_{Instant::max(), Instant::min()};
  std::unordered_map<int64_t, Bucket> buckets_;  // by window start
  Bucket* open_ = nullptr;  // the window of the latest matching event (unordered_map: stable addresses)
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_periodic_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                  const model::Rule& rule) {
  return std::make_unique<PeriodicRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
