#include "engine/eval/evaluator.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "engine/eval/interval_tracker.h"
#include "engine/eval/rule_evaluator.h"
#include "engine/model/rule_text.h"

namespace pactum::eval {

// ---- shared helpers of rule evaluators -------------------------------------------------------

void EvalContext::warn(const log::Event& e, std::string message) {
  if (warnings_given >= warning_limit) {
    ++warnings_dropped;
    return;
  }
  ++warnings_given;
  warnings.warning(SourceLoc{e.file, e.line, e.column}, std::move(message));
}

Finding RuleEvaluator::make_finding(std::string reason, Instant at) const {
  Finding f;
  f.block_index = block_index_;
  f.block = &block_;
  f.rule = &rule_;
  f.reason = std::move(reason);
  f.at = at;
  return f;
}

std::vector<std::string> RuleEvaluator::responsible(const log::Event* trigger) const {
  auto fixed = semantic::responsible_by_text(block_, rule_);
  if (!fixed.empty()) return fixed;
  if (semantic::correlates_on_by(rule_)) {  // no acting party known here: what follows it
    fixed = semantic::responsible_fallback(block_, rule_);
    if (!fixed.empty()) return fixed;
  }
  if (trigger && trigger->by != log::kNoSymbol) return {std::string(ctx_.log.symbols.text(trigger->by))};
  return {"unassigned"};
}

std::vector<std::string> RuleEvaluator::responsible_for_activations(const std::vector<uint32_t>& activations) const {
  if (rule_.kind == model::Rule::Kind::Requires && rule_.target.by) return {rule_.target.by->text};
  if (semantic::correlates_on_by(rule_)) {
    // The acting parties, each once, in the order the agreement declares them.
    const auto& parties = ctx_.agreement.parties;
    std::vector<size_t> ranks;
    std::vector<std::string> unknown;  // a `by` that is no declared party (not after a clean load)
    for (uint32_t a : activations) {
      log::Symbol by = ctx_.log.events[a].by;
      if (by == log::kNoSymbol) continue;
      std::string_view name = ctx_.log.symbols.text(by);
      auto it = std::find_if(parties.begin(), parties.end(), [&](const semantic::Party& p) { return p.id == name; });
      if (it != parties.end()) {
        size_t rank = static_cast<size_t>(it - parties.begin());
        if (std::find(ranks.begin(), ranks.end(), rank) == ranks.end()) ranks.push_back(rank);
      } else if (std::find(unknown.begin(), unknown.end(), name) == unknown.end()) {
        unknown.emplace_back(name);
      }
    }
    std::sort(ranks.begin(), ranks.end());
    std::vector<std::string> acting;
    for (size_t r : ranks) acting.push_back(parties[r].id);
    acting.insert(acting.end(), unknown.begin(), unknown.end());
    if (!acting.empty()) return acting;
  }
  return responsible(nullptr);
}

std::string RuleEvaluator::describe(uint32_t index) const {
  const log::Event& e = ctx_.log.events[index];
  std::string type(ctx_.log.symbols.text(e.type));
  if (e.id != log::kNoSymbol) return fmt::format("{} {}", type, ctx_.log.symbols.text(e.id));
  return fmt::format("{} at {}", type, format_local(e.at, ctx_.agreement.zone));
}

// ---- the pass --------------------------------------------------------------------------------

namespace {

std::unique_ptr<RuleEvaluator> make_rule(EvalContext& ctx, size_t block_index, const model::Block& block,
                                         const model::Rule& rule) {
  switch (rule.kind) {
    case model::Rule::Kind::Requires: return make_requires_rule(ctx, block_index, block, rule);
    case model::Rule::Kind::OccursWithin: return make_hours_rule(ctx, block_index, block, rule);
    case model::Rule::Kind::AtLeast:
    case model::Rule::Kind::AtMost:
    case model::Rule::Kind::Aggregate: return make_periodic_rule(ctx, block_index, block, rule);
    case model::Rule::Kind::No: return make_forbidden_rule(ctx, block_index, block, rule);
    case model::Rule::Kind::Availability:
    case model::Rule::Kind::Downtime: return make_downtime_rule(ctx, block_index, block, rule);
    case model::Rule::Kind::DurationMeasure: return make_duration_rule(ctx, block_index, block, rule);
    case model::Rule::Kind::PeriodRequires: return make_period_requires_rule(ctx, block_index, block, rule);
    case model::Rule::Kind::ShareOfEvents: return make_share_of_events_rule(ctx, block_index, block, rule);
  }
  return nullptr;
}

struct Hook {
  EventConsumer* rule;
  int role;
};

// Spec 6: by time, then block order, then rule number, then the first event's merged position.
void order_findings(std::vector<Finding>& findings, const log::EventLog& log) {
  auto first_event = [&](const Finding& f) {
    return f.events.empty() ? UINT32_MAX : log.events[f.events.front()].order;
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    if (a.at != b.at) return a.at < b.at;
    if (a.block_index != b.block_index) return a.block_index < b.block_index;
    if (a.rule->number != b.rule->number) return a.rule->number < b.rule->number;
    return first_event(a) < first_event(b);
  });
}

// kMaxJudgedWindows: counted before any rule is built, at most one window past the limit.
bool within_window_limit(const EvalContext& ctx, const EvalOptions& options) {
  const auto& agreement = ctx.agreement;
  size_t total = 0;
  for (const auto& block : agreement.ast->blocks)
    for (const auto& rule : block.rules) {
      if (!judges_windows(rule)) continue;
      size_t n = count_judged_windows(ctx, block, rule.period, kMaxJudgedWindows - total);
      total += n;
      if (total <= kMaxJudgedWindows) continue;
      if (options.errors) {
        size_t own = count_judged_windows(ctx, block, rule.period, kMaxJudgedWindows);
        std::string count = own > kMaxJudgedWindows ? fmt::format("more than {}", kMaxJudgedWindows) : std::to_string(own);
        options.errors->error(
            rule.period.loc.valid() ? rule.period.loc : rule.loc,
            fmt::format("too many windows to judge: the rules up to this one judge more than {} windows (the limit "
                        "for one check); this rule judges {} windows (`every {}`) between {} and {}",
                        kMaxJudgedWindows, count, model::canonical_text(rule.period),
                        format_instant(ctx.from, agreement.zone), format_instant(ctx.to, agreement.zone)),
            {"judge a shorter interval (`--as-of`, or a shorter effective period), or write a longer period"});
      }
      return false;
    }
  return true;
}

// Rules of one block note their activations in their own time order, and V2.5 windows before
// the pass: per block, the days in order, each once.
void merge_activity(std::vector<std::vector<ActivityDay>>& activity) {
  for (auto& days : activity) {
    std::stable_sort(days.begin(), days.end(), [](const ActivityDay& a, const ActivityDay& b) { return a.day < b.day; });
    size_t kept = 0;
    for (const auto& d : days) {
      if (kept && days[kept - 1].day == d.day) days[kept - 1].count += d.count;
      else days[kept++] = d;
    }
    days.resize(kept);
    days.shrink_to_fit();
  }
}

}  // namespace

Outcome evaluate(const semantic::ResolvedAgreement& agreement, const log::EventLog& log, const EvalOptions& options,
                 Diagnostics& warnings) {
  Outcome out;
  out.events = log.events.size();
  for (const auto& p : agreement.parties) out.by_party[p.id] = 0;
  for (const auto& block : agreement.ast->blocks) out.rules += block.rules.size();
  if (log.events.empty() && !options.as_of) return out;  // nothing to evaluate (lint still runs)

  // The judged interval (spec 5).
  out.as_of = options.as_of ? *options.as_of : log.events.back().at;
  out.judged_from = agreement.effective_start ? *agreement.effective_start
                                              : (log.events.empty() ? out.as_of : log.events.front().at);
  out.judged_to = agreement.effective_end ? std::min(*agreement.effective_end, out.as_of) : out.as_of;
  EvalContext ctx{agreement, log, out.judged_from, out.judged_to, out.as_of, warnings, options.warning_limit};
  if (!within_window_limit(ctx, options)) return out;
  out.evaluated = true;

  IntervalTrackers intervals(ctx);  // V2.6: built once per named interval, shared by its rules
  ctx.intervals = &intervals;
  out.activity.resize(agreement.ast->blocks.size());
  ctx.activity = &out.activity;
  std::vector<std::unique_ptr<RuleEvaluator>> rules;
  size_t ordinal = 0;  // --slice: only the rules this slice owns
  for (size_t b = 0; b < agreement.ast->blocks.size(); ++b)
    for (const auto& rule : agreement.ast->blocks[b].rules)
      if (options.slice.owns(ordinal++))
        if (auto evaluator = make_rule(ctx, b, agreement.ast->blocks[b], rule)) rules.push_back(std::move(evaluator));
  std::vector<EventConsumer*> consumers = intervals.consumers();
  for (const auto& rule : rules) consumers.push_back(rule.get());

  // Rules indexed by event type: each event reaches only the rules that name its type. The
  // table spans the subscribed type symbols only (not every symbol: a million ids are symbols
  // too), and maps each to a slot of per-phase hook lists.
  constexpr uint32_t kNoSlot = UINT32_MAX;
  std::vector<uint32_t> slot_of_type;
  std::vector<std::vector<Hook>> hooks[2];
  for (auto* consumer : consumers)
    for (const auto& s : consumer->subscriptions()) {
      if (s.type == log::kNoSymbol) continue;
      if (s.type >= slot_of_type.size()) slot_of_type.resize(s.type + 1, kNoSlot);
      if (slot_of_type[s.type] == kNoSlot) {
        slot_of_type[s.type] = static_cast<uint32_t>(hooks[0].size());
        for (auto& h : hooks) h.emplace_back();
      }
      hooks[s.phase == Phase::First ? 0 : 1][slot_of_type[s.type]].push_back(Hook{consumer, s.role});
    }
  auto slot = [&](log::Symbol type) { return type < slot_of_type.size() ? slot_of_type[type] : kNoSlot; };

  // One pass in time order; events after as-of are invisible to every rule.
  const auto& events = log.events;
  size_t n = events.size();
  size_t visible = 0;
  while (visible < n && events[visible].at <= out.as_of) ++visible;
  for (size_t i = 0; i < n; ++i)
    if (!ctx.judged(events[i])) ++out.ignored_events;
  for (size_t group = 0; group < visible;) {
    size_t end = group + 1;
    while (end < visible && events[end].at == events[group].at) ++end;
    for (const auto& phase : hooks)
      for (size_t i = group; i < end; ++i)
        if (uint32_t s = slot(events[i].type); s != kNoSlot)
          for (const Hook& h : phase[s]) h.rule->on_event(static_cast<uint32_t>(i), h.role);
    group = end;
  }
  intervals.finish();  // before the rules settle: what is still open runs to as-of
  for (auto& rule : rules) rule->finish(out);
  for (const auto& rule : rules)
    if (!rule->matched_any()) out.unmatched.emplace_back(&rule->block(), &rule->rule());
  if (ctx.warnings_dropped)
    warnings.warning(SourceLoc{}, fmt::format("{} more input warnings were not shown", ctx.warnings_dropped));

  order_findings(out.findings, log);
  order_findings(out.pending, log);
  order_findings(out.tolerated_misses, log);
  merge_activity(out.activity);
  for (const auto& f : out.findings)
    for (const auto& party : f.responsible) ++out.by_party[party];
  return out;
}

}  // namespace pactum::eval
