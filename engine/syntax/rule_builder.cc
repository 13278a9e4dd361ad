// Parse tree -> model: the rules of a block (spec 3 and V2.2), with their patterns, conditions,
// timings, durations and periods.
#include "engine/model/decimal.h"
#include "engine/model/rule_text.h"
#include "engine/syntax/ast_visitor.h"
#include "engine/syntax/literals.h"

namespace pactum::syntax::detail {

namespace {

// Nested nodes of the same kind (from parentheses) are flattened, so `(a or b) or c` and
// `a or b or c` are one AST.
void add_operand(model::Condition& parent, model::Condition child) {
  if (child.kind == parent.kind) {
    for (auto& o : child.operands) parent.operands.push_back(std::move(o));
  } else {
    parent.operands.push_back(std::move(child));
  }
}

model::CompareOp compare_op(TermsParser::CompareOpContext* ctx) {
  if (ctx == nullptr || ctx->getStart() == nullptr) return model::CompareOp::Eq;
  switch (ctx->getStart()->getType()) {
    case TermsParser::NE: return model::CompareOp::Ne;
    case TermsParser::LT: return model::CompareOp::Lt;
    case TermsParser::LE: return model::CompareOp::Le;
    case TermsParser::GT: return model::CompareOp::Gt;
    case TermsParser::GE: return model::CompareOp::Ge;
    default: return model::CompareOp::Eq;
  }
}

model::Aggregate aggregate_of(TermsParser::AggregateContext* ctx) {
  if (ctx == nullptr || ctx->getStart() == nullptr) return model::Aggregate::Average;
  switch (ctx->getStart()->getType()) {
    case TermsParser::MINIMUM: return model::Aggregate::Minimum;
    case TermsParser::MAXIMUM: return model::Aggregate::Maximum;
    case TermsParser::TOTAL: return model::Aggregate::Total;
    case TermsParser::LATEST: return model::Aggregate::Latest;
    default: return model::Aggregate::Average;
  }
}

model::Measure measure_of(model::Aggregate a) {
  switch (a) {
    case model::Aggregate::Minimum: return model::Measure::Minimum;
    case model::Aggregate::Maximum: return model::Measure::Maximum;
    case model::Aggregate::Total: return model::Measure::Total;
    default: return model::Measure::Average;
  }
}

bool same_period(const model::Period& a, const model::Period& b) {
  bool counted = a.unit == model::Period::Unit::Days || a.unit == model::Period::Unit::Weeks ||
                 a.unit == model::Period::Unit::Months;
  return a.unit == b.unit && (!counted || a.count == b.count);
}

// Limit (docs/security.md): no duration or period may exceed 400 years, the span of the years
// the calendar supports (1900-2300). Larger amounts are meaningless and overflowed the
// millisecond arithmetic of the evaluator (found by fuzz/fuzz_terms).
constexpr int64_t kMaxDays = 146097;  // 400 Gregorian years

}  // namespace

model::Rule AstBuilder::rule(TermsParser::Rule_Context* ctx) {
  model::Rule r;
  r.loc = loc(ctx);
  if (auto* e = dynamic_cast<TermsParser::EveryRuleContext*>(ctx)) {
    if (e->periodTail()) period_rule(e->periodTail(), r);
    else every_rule(e, r);
  }
  else if (auto* c = dynamic_cast<TermsParser::CountRuleContext*>(ctx)) count_rule(c, r);
  else if (auto* g = dynamic_cast<TermsParser::AggregateRuleContext*>(ctx)) {
    if (g->DURATION()) duration_rule(g, r);
    else aggregate_rule(g, r);
  } else if (auto* p = dynamic_cast<TermsParser::PercentileRuleContext*>(ctx)) percentile_rule(p, r);
  else if (auto* n = dynamic_cast<TermsParser::NoRuleContext*>(ctx)) {
    r.kind = model::Rule::Kind::No;
    r.subject = pattern(n->pattern());
  } else if (auto* a = dynamic_cast<TermsParser::AvailabilityRuleContext*>(ctx)) {
    r.kind = model::Rule::Kind::Availability;
    r.interval = name(a->name());
    if (a->during()) r.during = name(a->during()->name());
    if (auto v = decimal_value(a->number())) r.availability = *v;
    r.share_loc = loc(a->number());
    r.at_least = true;
    r.period = period(a->period());
  } else if (auto* w = dynamic_cast<TermsParser::DowntimeRuleContext*>(ctx)) {
    r.kind = model::Rule::Kind::Downtime;
    r.interval = name(w->name());
    if (w->during()) r.during = name(w->during()->name());
    r.limit = plain_duration(w->plainDuration());
    r.at_least = false;
    r.period = period(w->period());
  }
  return r;
}

// `every A requires Q ... [paused from P1 until P2] [in at least X% of cases every P]` (5.1, V2.3,
// V2.4) and `every A occurs within business hours of P` (5.2).
void AstBuilder::every_rule(TermsParser::EveryRuleContext* e, model::Rule& r) {
  r.subject = pattern(e->pattern());
  if (auto* req = dynamic_cast<TermsParser::RequiresTailContext*>(e->everyTail())) {
    r.kind = model::Rule::Kind::Requires;
    r.target = pattern(req->pattern());
    if (req->correlation())
      for (auto* n : req->correlation()->name()) r.same.push_back(name(n));
    r.timing = timing(req->timing());
    if (auto* p = req->pause()) {
      model::Pause pause;
      pause.loc = loc(p);
      auto patterns = p->pattern();
      if (!patterns.empty()) pause.from = pattern(patterns[0]);
      if (patterns.size() > 1) pause.until = pattern(patterns[1]);
      r.pause = std::move(pause);
    }
    if (auto* s = req->share()) {
      model::Share share;
      share.loc = loc(s);
      share.percent_loc = loc(s->number());
      if (auto v = decimal_value(s->number())) share.percent = *v;
      share.period = period(s->period());
      share.small = small(s->small());
      r.share = std::move(share);
    }
  } else if (auto* occ = dynamic_cast<TermsParser::OccursTailContext*>(e->everyTail())) {
    r.kind = model::Rule::Kind::OccursWithin;
    for (auto* n : occ->name()) r.parties.push_back(name(n));
  }
}

// `every PERIOD requires Q [for the PERIOD] timing` (V2.5). `for the P` must repeat the rule's
// period (or say `period`); anything else is a syntax error (V2.2).
void AstBuilder::period_rule(TermsParser::PeriodTailContext* ctx, model::Rule& r) {
  r.kind = model::Rule::Kind::PeriodRequires;
  r.period = period(ctx->period());
  r.target = pattern(ctx->pattern());
  r.timing = timing(ctx->timing());
  if (auto* f = ctx->forPeriod()) {
    r.for_period = true;
    r.for_period_loc = loc(f);
    if (auto* named = f->period()) {
      model::Period written = period(named);
      if (!same_period(written, r.period)) {
        std::string want = "for the " + model::canonical_text(r.period);
        diags_.error(loc(named), "expected `" + want + "` or `for the period`, found `for the " + named->getText() + "`",
                     {"`for the ...` repeats the rule's period: the target's `period` attribute names the window it serves"},
                     static_cast<uint32_t>(named->getText().size()));
      }
    }
  }
}

// `at least|at most N P every period` (5.3, 5.4) or `at least|at most X% of P have C every
// period` (V2.3).
void AstBuilder::count_rule(TermsParser::CountRuleContext* c, model::Rule& r) {
  bool at_most = c->MOST() != nullptr;
  if (auto* n = dynamic_cast<TermsParser::CountOfEventsContext*>(c->countTail())) {
    r.kind = at_most ? model::Rule::Kind::AtMost : model::Rule::Kind::AtLeast;
    r.count = int_value(n->INT()).value_or(0);
    r.subject = pattern(n->pattern());
    r.period = period(n->period());
    r.grouped_by_period = n->grouped() != nullptr;
    if (auto* a = n->allowance()) {
      if (at_most) {
        error(a->getStart(), "`allowing ... missed` applies only to `at least` rules",
              {"an `at most` window has nothing to miss"});
      } else {
        r.allowed_misses = int_value(a->INT()).value_or(0);
        r.allowance_period = period(a->period());
      }
    }
  } else if (auto* s = dynamic_cast<TermsParser::ShareOfEventsContext*>(c->countTail())) {
    r.kind = model::Rule::Kind::ShareOfEvents;
    r.at_least = !at_most;
    r.share_loc = loc(s->number());
    if (auto v = decimal_value(s->number())) r.share_percent = *v;
    r.subject = pattern(s->pattern());
    if (s->condition()) r.have = condition(s->condition());
    r.period = period(s->period());
    r.grouped_by_period = s->grouped() != nullptr;
    r.small = small(s->small());
  }
}

std::optional<model::SmallSample> AstBuilder::small(TermsParser::SmallContext* ctx) {
  if (ctx == nullptr) return std::nullopt;
  model::SmallSample s;
  s.loc = loc(ctx);
  auto ints = ctx->INT();
  if (!ints.empty()) s.max_failed = int_value(ints[0]).value_or(0);
  if (ints.size() > 1) s.fewer_than = int_value(ints[1]).value_or(0);
  return s;
}

// `average|minimum|maximum|total duration of I [during ...] at least|at most D every P` (V2.6)
void AstBuilder::duration_rule(TermsParser::AggregateRuleContext* ctx, model::Rule& r) {
  r.kind = model::Rule::Kind::DurationMeasure;
  model::Aggregate a = aggregate_of(ctx->aggregate());
  if (a == model::Aggregate::Latest)
    error(ctx->aggregate()->getStart(), "`latest` is not a duration measure",
          {"measure intervals with `average`, `minimum`, `maximum`, `total` or `percentile N`"});
  r.measure = measure_of(a);
  duration_measure(ctx->name(), ctx->during(), ctx->durationBound(), ctx->period(), r);
}

// `percentile N duration of I [during ...] at least|at most D every P` (V2.6)
void AstBuilder::percentile_rule(TermsParser::PercentileRuleContext* ctx, model::Rule& r) {
  r.kind = model::Rule::Kind::DurationMeasure;
  r.measure = model::Measure::Percentile;
  r.percentile = int_value(ctx->INT()).value_or(0);
  r.percentile_loc = loc(ctx->INT());
  duration_measure(ctx->name(), ctx->during(), ctx->durationBound(), ctx->period(), r);
}

void AstBuilder::duration_measure(TermsParser::NameContext* interval, TermsParser::DuringContext* during,
                                  TermsParser::DurationBoundContext* bound, TermsParser::PeriodContext* period,
                                  model::Rule& r) {
  r.interval = name(interval);
  if (during) r.during = name(during->name());
  if (bound) {
    r.at_least = bound->MOST() == nullptr;
    r.limit = plain_duration(bound->plainDuration());
  }
  r.period = this->period(period);
}

void AstBuilder::aggregate_rule(TermsParser::AggregateRuleContext* g, model::Rule& r) {
  r.kind = model::Rule::Kind::Aggregate;
  r.aggregate = aggregate_of(g->aggregate());
  r.attribute = name(g->name());
  // V2.2: after an aggregate word, a bare `duration of` starts a duration measure, so this parse
  // (the measure form did not fit) is an error unless the attribute was backticked.
  if (g->name() && g->name()->softKeyword() && g->name()->getStart()->getType() == TermsParser::DURATION) {
    error(g->name()->getStart(), "`" + g->aggregate()->getText() + " duration of ...` measures the intervals of an `interval`",
          {"it needs a duration bound such as `at most 8 hours`; for an event attribute named duration, write `duration` in backticks"});
  }
  r.subject = pattern(g->pattern());
  if (auto* b = g->bound()) {
    r.at_least = b->MOST() == nullptr;
    r.percent = b->PERCENT() != nullptr;
    r.bound_loc = loc(b->number());
    if (b->number()) r.bound = number_value(b->number()).value_or(0);
  }
  r.period = period(g->period());
  r.grouped_by_period = g->grouped() != nullptr;
}

model::Pattern AstBuilder::pattern(TermsParser::PatternContext* ctx) {
  model::Pattern p;
  if (ctx == nullptr) return p;
  p.loc = loc(ctx);
  auto names = ctx->name();
  if (!names.empty()) p.type = name(names[0]);
  if (ctx->BY() && names.size() > 1) p.by = name(names[1]);
  if (auto* h = ctx->hoursFilter()) {
    model::HoursFilter f;
    f.outside = h->OUTSIDE() != nullptr;
    f.calendar = name(h->name());
    f.loc = loc(h);
    p.hours = std::move(f);
  }
  if (ctx->condition()) p.where = condition(ctx->condition());
  return p;
}

// -- conditions: `and` binds tighter than `or` --


model::Condition AstBuilder::condition(TermsParser::ConditionContext* ctx) {
  auto conjs = ctx->conj();
  if (conjs.size() == 1) return conj(conjs[0]);
  model::Condition c;
  c.kind = model::Condition::Kind::Or;
  c.loc = loc(ctx);
  for (auto* j : conjs) add_operand(c, conj(j));
  return c;
}

model::Condition AstBuilder::conj(TermsParser::ConjContext* ctx) {
  auto unaries = ctx->unary();
  if (unaries.size() == 1) return unary(unaries[0]);
  model::Condition c;
  c.kind = model::Condition::Kind::And;
  c.loc = loc(ctx);
  for (auto* u : unaries) add_operand(c, unary(u));
  return c;
}

model::Condition AstBuilder::unary(TermsParser::UnaryContext* ctx) {
  model::Condition c;
  c.loc = loc(ctx);
  if (auto* n = dynamic_cast<TermsParser::NotUnaryContext*>(ctx)) {
    c.kind = model::Condition::Kind::Not;
    if (n->unary()) c.operands.push_back(unary(n->unary()));
  } else if (auto* p = dynamic_cast<TermsParser::ParenUnaryContext*>(ctx)) {
    if (p->condition()) return condition(p->condition());
  } else if (auto* cmp = dynamic_cast<TermsParser::ComparisonUnaryContext*>(ctx)) {
    if (cmp->comparison()) return comparison(cmp->comparison());
  }
  return c;
}

model::Condition AstBuilder::comparison(TermsParser::ComparisonContext* ctx) {
  model::Condition c;
  c.loc = loc(ctx);
  c.attribute = name(ctx->name());
  if (ctx->compareOp()) {
    c.kind = model::Condition::Kind::Compare;
    c.op = compare_op(ctx->compareOp());
    for (auto* l : ctx->literal()) c.values.push_back(literal(l));
  } else if (ctx->INCLUDE()) {
    c.kind = model::Condition::Kind::Include;
    for (auto* l : ctx->literal()) c.values.push_back(literal(l));
  } else if (ctx->IS()) {
    c.kind = ctx->ABSENT() ? model::Condition::Kind::Absent : model::Condition::Kind::Present;
  }
  return c;
}


model::Literal AstBuilder::literal(TermsParser::LiteralContext* ctx) {
  using K = model::Literal::Kind;
  model::Literal l;
  l.loc = loc(ctx);
  if (ctx->STRING()) {
    l.kind = K::String;
    l.text = string_value(ctx->STRING()).value_or("");
  } else if (ctx->number()) {
    l.kind = K::Number;
    l.text = ctx->number()->getText();
    l.number = number_value(ctx->number()).value_or(0);
    l.percent = ctx->PERCENT() != nullptr;
  } else if (ctx->DATE() || ctx->DATETIME()) {
    TerminalNode* node = ctx->DATE() ? ctx->DATE() : ctx->DATETIME();
    l.kind = ctx->DATE() ? K::Date : K::DateTime;
    l.text = node->getText();
    std::string why;
    if (auto t = parse_timestamp(l.text, &why)) {
      l.time = *t;
    } else if (token(node)) {
      error(token(node), std::string(ctx->DATE() ? "invalid date `" : "invalid date-time `") + l.text + "`: " + why);
    }
  } else if (ctx->TRUE() || ctx->FALSE()) {
    l.kind = K::Bool;
    l.boolean = ctx->TRUE() != nullptr;
    l.text = l.boolean ? "true" : "false";
  } else if (ctx->name()) {
    l.kind = K::Identifier;
    l.text = name(ctx->name()).text;
  }
  return l;
}

// -- timing, durations, periods --

model::Timing AstBuilder::timing(TermsParser::TimingContext* ctx) {
  using K = model::Timing::Kind;
  model::Timing t;
  if (ctx == nullptr) return t;
  t.loc = loc(ctx);
  if (dynamic_cast<TermsParser::BeforeTimingContext*>(ctx)) {
    t.kind = K::Before;
  } else if (dynamic_cast<TermsParser::AfterTimingContext*>(ctx)) {
    t.kind = K::After;
  } else if (auto* a = dynamic_cast<TermsParser::AtLeastTimingContext*>(ctx)) {
    t.kind = K::AtLeastBefore;
    t.duration = duration(a->duration());
  } else if (auto* w = dynamic_cast<TermsParser::WithinTimingContext*>(ctx)) {
    t.kind = w->AFTER() ? K::WithinAfter : K::WithinBefore;
    t.duration = duration(w->duration());
  } else if (auto* n = dynamic_cast<TermsParser::NoLaterThanTimingContext*>(ctx)) {
    t.kind = K::NoLaterThan;
    t.attribute = name(n->name());
  }
  return t;
}

void AstBuilder::limit_length(TerminalNode* node, int64_t amount, int64_t max, const char* unit) {
  const Token* t = token(node);
  if (t == nullptr || amount <= max) return;
  error(t, "too long: `" + t->getText() + " " + unit + "` is more than 400 years (the limit is " +
               std::to_string(max) + " " + unit + ")");
}

model::Duration AstBuilder::duration(TermsParser::DurationContext* ctx) {
  using U = model::Duration::Unit;
  model::Duration d;
  if (ctx == nullptr) return d;
  d.loc = loc(ctx);
  d.amount = int_value(ctx->INT()).value_or(0);
  if (ctx->BUSINESS()) {
    bool days = ctx->businessUnit() && (ctx->businessUnit()->DAY() || ctx->businessUnit()->DAYS());
    d.unit = days ? U::BusinessDays : U::BusinessHours;
    if (ctx->OF()) d.of_party = name(ctx->name());
  } else {
    size_t unit = ctx->unit() && ctx->unit()->getStart() ? ctx->unit()->getStart()->getType()
                                                         : static_cast<size_t>(TermsParser::HOURS);
    switch (unit) {
      case TermsParser::MINUTE:
      case TermsParser::MINUTES: d.unit = U::Minutes; break;
      case TermsParser::DAY:
      case TermsParser::DAYS: d.unit = U::Days; break;
      case TermsParser::WEEK:
      case TermsParser::WEEKS: d.unit = U::Weeks; break;
      default: d.unit = U::Hours; break;
    }
  }
  switch (d.unit) {
    case U::Minutes: limit_length(ctx->INT(), d.amount, kMaxDays * 24 * 60, "minutes"); break;
    case U::Hours: limit_length(ctx->INT(), d.amount, kMaxDays * 24, "hours"); break;
    case U::BusinessHours: limit_length(ctx->INT(), d.amount, kMaxDays * 24, "business hours"); break;
    case U::Days: limit_length(ctx->INT(), d.amount, kMaxDays, "days"); break;
    case U::BusinessDays: limit_length(ctx->INT(), d.amount, kMaxDays, "business days"); break;
    case U::Weeks: limit_length(ctx->INT(), d.amount, kMaxDays / 7, "weeks"); break;
  }
  return d;
}

// `INT unit`: plain units only (V2.2 `plain`).
model::Duration AstBuilder::plain_duration(TermsParser::PlainDurationContext* ctx) {
  using U = model::Duration::Unit;
  model::Duration d;
  if (ctx == nullptr) return d;
  d.loc = loc(ctx);
  d.amount = int_value(ctx->INT()).value_or(0);
  size_t unit = ctx->unit() && ctx->unit()->getStart() ? ctx->unit()->getStart()->getType()
                                                       : static_cast<size_t>(TermsParser::HOURS);
  switch (unit) {
    case TermsParser::MINUTE:
    case TermsParser::MINUTES: d.unit = U::Minutes; limit_length(ctx->INT(), d.amount, kMaxDays * 24 * 60, "minutes"); break;
    case TermsParser::DAY:
    case TermsParser::DAYS: d.unit = U::Days; limit_length(ctx->INT(), d.amount, kMaxDays, "days"); break;
    case TermsParser::WEEK:
    case TermsParser::WEEKS: d.unit = U::Weeks; limit_length(ctx->INT(), d.amount, kMaxDays / 7, "weeks"); break;
    default: d.unit = U::Hours; limit_length(ctx->INT(), d.amount, kMaxDays * 24, "hours"); break;
  }
  return d;
}

model::Period AstBuilder::period(TermsParser::PeriodContext* ctx) {
  using U = model::Period::Unit;
  model::Period p;
  if (ctx == nullptr) return p;
  p.loc = loc(ctx);
  if (ctx->INT()) {
    p.count = int_value(ctx->INT()).value_or(0);
    if (ctx->DAYS() || ctx->DAY()) p.unit = U::Days;
    else if (ctx->MONTHS() || ctx->MONTH()) p.unit = U::Months;
    else p.unit = U::Weeks;
    if (p.unit == U::Days) limit_length(ctx->INT(), p.count, kMaxDays, "days");
    else if (p.unit == U::Months) limit_length(ctx->INT(), p.count, 400 * 12, "months");
    else limit_length(ctx->INT(), p.count, kMaxDays / 7, "weeks");
    return p;
  }
  if (ctx->DAY()) p.unit = U::Day;
  else if (ctx->WEEK()) p.unit = U::Week;
  else if (ctx->MONTH()) p.unit = U::Month;
  else if (ctx->QUARTER()) p.unit = U::Quarter;
  else if (ctx->YEAR()) p.unit = U::Year;
  return p;
}


}  // namespace pactum::syntax::detail
