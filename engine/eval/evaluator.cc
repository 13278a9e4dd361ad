#include "engine/eval/evaluator.h"

#include <algorithm>
#include <cstddef>
#include <memory>

#include <fmt/format.h>

#include "engine/base/huge_page_allocator.h"  // advise_huge_pages
#include "engine/base/threads.h"
#include "engine/eval/finding_order.h"
#include "engine/eval/populate_aside.h"
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
      log::Symbol by = ctx_.log.event(a).by;
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
  const log::Event& e = ctx_.log.event(index);
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

// ---- the pass, in steps (a streamed check feeds it as events are read) ----------------------

EvaluationPass::EvaluationPass(const semantic::ResolvedAgreement& agreement, const log::EventLog& log,
                               const EvalOptions& options, Diagnostics& warnings)
    : agreement_(agreement), log_(log), options_(options), warnings_(warnings) {
  for (const auto& p : agreement.parties) out_.by_party[p.id] = 0;
  for (const auto& block : agreement.ast->blocks) out_.rules += block.rules.size();
}

EvaluationPass::~EvaluationPass() = default;

bool EvaluationPass::begin(std::optional<Instant> first_event, std::optional<Instant> as_of) {
  as_of_known_ = as_of.has_value();
  // Until the as-of time is known (a streamed check without --as-of: the latest event, read
  // last), the judged interval has no end yet; rules that need it before finish() do not stream.
  Instant unknown = Instant::max();
  out_.as_of = as_of ? *as_of : unknown;
  out_.judged_from = agreement_.effective_start ? *agreement_.effective_start : (first_event ? *first_event : out_.as_of);
  out_.judged_to = agreement_.effective_end ? std::min(*agreement_.effective_end, out_.as_of) : out_.as_of;
  ctx_ = std::make_unique<EvalContext>(EvalContext{agreement_, log_, out_.judged_from, out_.judged_to, out_.as_of,
                                                   warnings_, options_.warning_limit});
  ctx_->threads = options_.threads;
  if (as_of_known_ && !within_window_limit(*ctx_, options_)) return false;
  out_.evaluated = true;

  intervals_ = std::make_unique<IntervalTrackers>(*ctx_);  // V2.6: built once per named interval
  ctx_->intervals = intervals_.get();
  out_.activity.resize(agreement_.ast->blocks.size());
  ctx_->activity = &out_.activity;
  size_t ordinal = 0;  // --slice: only the rules this slice owns
  for (size_t b = 0; b < agreement_.ast->blocks.size(); ++b)
    for (const auto& rule : agreement_.ast->blocks[b].rules)
      if (options_.slice.owns(ordinal++))
        if (auto evaluator = make_rule(*ctx_, b, agreement_.ast->blocks[b], rule)) rules_.push_back(std::move(evaluator));
  std::vector<EventConsumer*> consumers = intervals_->consumers();
  for (const auto& rule : rules_) consumers.push_back(rule.get());

  // Rules indexed by event type: each event reaches only the rules that name its type. The
  // table spans the subscribed type symbols only (not every symbol: a million ids are symbols
  // too), and maps each to a slot of per-phase hook lists.
  for (auto* consumer : consumers)
    for (const auto& s : consumer->subscriptions()) {
      if (s.type == log::kNoSymbol) continue;
      if (s.type >= slot_of_type_.size()) slot_of_type_.resize(s.type + 1, kNoSlot);
      if (slot_of_type_[s.type] == kNoSlot) {
        slot_of_type_[s.type] = static_cast<uint32_t>(hooks_[0].size());
        for (auto& h : hooks_) h.emplace_back();
      }
      hooks_[s.phase == Phase::First ? 0 : 1][slot_of_type_[s.type]].push_back(Hook{consumer, s.role});
    }
  return true;
}

bool EvaluationPass::streams() const {
  if (!intervals_ || !intervals_->streams()) return false;
  for (const auto& rule : rules_)
    if (!rule->streams(as_of_known_)) return false;
  return true;
}

void EvaluationPass::feed(uint32_t from, uint32_t to) {
  if (!out_.evaluated) return;
  auto slot = [&](log::Symbol type) { return type < slot_of_type_.size() ? slot_of_type_[type] : kNoSlot; };
  // Whole timestamp groups, in time order; events after as-of are invisible to every rule.
  for (uint32_t group = from; group < to;) {
    Instant at = log_.event(group).at;
    uint32_t end = group + 1;
    while (end < to && log_.event(end).at == at) ++end;
    for (uint32_t i = group; i < end; ++i)
      if (!ctx_->judged(log_.event(i))) ++out_.ignored_events;
    if (at <= out_.as_of)
      for (const auto& phase : hooks_)
        for (uint32_t i = group; i < end; ++i)
          if (uint32_t s = slot(log_.event(i).type); s != kNoSlot)
            for (const Hook& h : phase[s]) h.rule->on_event(i, h.role);
    group = end;
  }
}

void EvaluationPass::advance_to(Instant next) {
  if (!out_.evaluated) return;
  for (const auto& rule : rules_) rule->advance_to(next);
}

void EvaluationPass::held(std::vector<uint32_t>& out) const {
  if (intervals_) intervals_->held(out);
  for (const auto& rule : rules_) rule->held(out);
}

Outcome EvaluationPass::finish(size_t events, std::optional<Instant> latest) {
  out_.events = events;
  if (!out_.evaluated) return std::move(out_);
  if (!as_of_known_) {  // the judged interval ends now: at the latest event
    out_.as_of = latest ? *latest : out_.judged_from;
    out_.judged_to = agreement_.effective_end ? std::min(*agreement_.effective_end, out_.as_of) : out_.as_of;
    ctx_->as_of = out_.as_of;
    ctx_->to = out_.judged_to;
    if (!within_window_limit(*ctx_, options_)) {
      Outcome unevaluated;
      unevaluated.events = events;
      unevaluated.rules = out_.rules;
      unevaluated.by_party = out_.by_party;
      for (auto& [party, count] : unevaluated.by_party) count = 0;
      unevaluated.as_of = out_.as_of;
      unevaluated.judged_from = out_.judged_from;
      unevaluated.judged_to = out_.judged_to;
      return unevaluated;
    }
  }
  intervals_->finish();  // before the rules settle: what is still open runs to as-of
  // Room for the findings the rules kept, and some for those the rules with periods make now
  // (a few per window): the array is not copied while it fills.
  size_t kept = out_.findings.size();
  for (const auto& rule : rules_) kept += rule->findings_kept();
  out_.findings.reserve(kept + kept / 16 + 1024);
  advise_huge_pages(out_.findings.data(), out_.findings.capacity() * sizeof(Finding));
  {
    // The array's pages are mapped on another core while the rules settle and fill it.
    PopulateAside populate(out_.findings.data(), out_.findings.capacity() * sizeof(Finding), ctx_->threads);
    for (auto& rule : rules_) rule->finish(out_);
  }
  // The findings the rules packed are ordered by their keys and unpacked into their places: the
  // 60,000 findings of a big log are not moved into order once unpacked.
  PackedFindings::unpack_all_in_order(ctx_->unpack_later, out_.findings, log_, ctx_->threads);
  ctx_->unpack_later.clear();
  for (const auto& rule : rules_)
    if (!rule->matched_any()) out_.unmatched.emplace_back(&rule->block(), &rule->rule());
  if (ctx_->warnings_dropped)
    warnings_.warning(SourceLoc{}, fmt::format("{} more input warnings were not shown", ctx_->warnings_dropped));

  order_findings(out_.pending, log_);
  order_findings(out_.tolerated_misses, log_);
  merge_activity(out_.activity);
  for (const auto& f : out_.findings)
    for (const auto& party : f.responsible) ++out_.by_party[party];
  return std::move(out_);
}

Outcome evaluate(const semantic::ResolvedAgreement& agreement, const log::EventLog& log, const EvalOptions& options,
                 Diagnostics& warnings) {
  EvaluationPass pass(agreement, log, options, warnings);
  uint32_t n = log.count();
  if (n == 0 && !options.as_of) return pass.finish(0, std::nullopt);  // nothing to evaluate (lint still runs)
  std::optional<Instant> first, last;
  if (n) first = log.event(0).at, last = log.event(n - 1).at;
  if (!pass.begin(first, options.as_of ? options.as_of : last)) return pass.finish(n, last);
  pass.feed(0, n);
  return pass.finish(n, last);
}

}  // namespace pactum::eval
