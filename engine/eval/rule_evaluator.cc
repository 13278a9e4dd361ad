// What every rule form shares about the judged interval: the block's own lifetime (V2.7
// `effective D1 to D2`), the windows of a period, and `grouped by period` (V2.5).
#include "engine/eval/rule_evaluator.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/eval/period_names.h"
#include "engine/eval/wording.h"

namespace pactum::eval {

bool RuleEvaluator::judged(const log::Event& e) const {
  return ctx_.judged(e) && (!span_ || (e.at >= span_->start && e.at < span_->end));
}

Instant RuleEvaluator::judged_from() const { return span_ ? std::max(ctx_.from, span_->start) : ctx_.from; }

Instant RuleEvaluator::judged_to() const { return span_ ? std::min(ctx_.to, span_->end) : ctx_.to; }

void RuleEvaluator::note_activation(Instant at) const {
  if (!ctx_.activity) return;
  if (!(at >= ctx_.activity_day.start && at < ctx_.activity_day.end)) {  // a time zone lookup per new day only
    const auto* zone = ctx_.agreement.zone;
    date::local_days day = local_day(at, zone);
    ctx_.activity_day = {start_of_local_day(day, zone), start_of_local_day(day + date::days{1}, zone)};
    ctx_.activity_day_number = static_cast<int32_t>(day.time_since_epoch().count());
  }
  auto& days = (*ctx_.activity)[block_index_];
  if (!days.empty() && days.back().day == ctx_.activity_day_number) ++days.back().count;
  else days.push_back(ActivityDay{ctx_.activity_day_number, 1});
}

namespace {

// The windows of `period` for a rule of `block` (RuleEvaluator::windows, and the window limit
// before any rule is built).
calendar::WindowSequence block_windows(const EvalContext& ctx, const model::Block& block,
                                       const std::optional<calendar::Interval>& span, const model::Period& period) {
  const auto& a = ctx.agreement;
  if (block.effective_from && span) return calendar::WindowSequence(period, a.zone, date::local_days{*block.effective_from});
  if (a.ast->header && a.ast->header->effective_from && a.effective_start)
    return calendar::WindowSequence(period, a.zone, date::local_days{*a.ast->header->effective_from});
  // No effective period: from the judged interval's exact start, keeping its time of day.
  return calendar::WindowSequence::anchored_at(period, a.zone, ctx.from);
}

}  // namespace

calendar::WindowSequence RuleEvaluator::windows(const model::Period& period) const {
  return block_windows(ctx_, block_, span_, period);
}

bool judges_windows(const model::Rule& rule) {
  using K = model::Rule::Kind;
  switch (rule.kind) {
    case K::AtLeast:
    case K::AtMost:
    case K::Aggregate:
    case K::Availability:
    case K::Downtime:
    case K::DurationMeasure:
    case K::PeriodRequires: return true;
    default: return false;
  }
}

size_t count_judged_windows(const EvalContext& ctx, const model::Block& block, const model::Period& period,
                            size_t limit) {
  auto span = ctx.agreement.block_span(block);
  Instant from = span ? std::max(ctx.from, span->start) : ctx.from;
  Instant to = span ? std::min(ctx.to, span->end) : ctx.to;
  return block_windows(ctx, block, span, period).count_complete_windows(from, to, limit);
}

std::vector<calendar::Interval> RuleEvaluator::judged_windows(const calendar::WindowSequence& windows) const {
  return windows.complete_windows(judged_from(), judged_to());
}

std::optional<calendar::Interval> RuleEvaluator::grouped_window(uint32_t index, const PeriodNames& names) const {
  if (auto w = names.window_of(ctx_.log.event(index))) return w;
  warn_unnamed_period(index, rule_.period, "it is not counted by");
  return std::nullopt;
}

void RuleEvaluator::warn_unnamed_period(uint32_t index, const model::Period& period, const char* consequence) const {
  const log::Event& e = ctx_.log.event(index);
  auto key = ctx_.log.symbols.find("period");
  const log::Value* v = key ? ctx_.log.attribute(e, *key) : nullptr;
  std::string what = "no `period` attribute";
  if (v && v->kind == log::Value::Kind::List) what = fmt::format("`period` is a list, which names no {}", period_noun(period));
  else if (v) what = fmt::format("`period` \"{}\" names no {}", ctx_.log.symbols.text(v->text), period_noun(period));
  ctx_.warn(e, fmt::format("{}: {}; {} rule {} of \"{}\"", describe(index), what, consequence, rule_.number, block_.name));
}

}  // namespace pactum::eval
