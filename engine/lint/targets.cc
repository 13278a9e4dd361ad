// perfection-target (spec 7): an aggregate `at least X%` with X >= 99.5 where the `%` is written,
// or an aggregate `at most 0`. A target with no room for a single imperfect value turns every
// ordinary bad day into a breach, and the relationship into a blame exercise.
#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

namespace {

// The threshold of spec 7; 99.4% and a bare `99.5` (no `%`, maybe not a percentage) pass.
constexpr double kPerfectPercent = 99.5;

// Why a near-100% floor leaves no room, in numbers, for the aggregate at hand.
std::string high_floor_reason(const model::Rule& r) {
  std::string bound = number_text(r.bound) + "%";
  std::string what = r.subject.type.text;
  std::string attr = r.attribute.text;
  std::string per = period_word(r.period);
  double slack = 100.0 - r.bound;
  switch (r.aggregate) {
    case model::Aggregate::Average:
      if (slack <= 0)
        return fmt::format("an average {} of at least {} is met only when every matching {} in the {} scores 100%: a single "
                           "value below 100% breaks the term",
                           attr, bound, what, per);
      return fmt::format("an average {} of at least {} allows a shortfall of {} points: a single {} at 0% breaks the "
                         "term in any {} with fewer than {} of them",
                         attr, bound, number_text(slack), what, per, number_text(std::ceil(100.0 / slack)));
    case model::Aggregate::Minimum:
      return fmt::format("a minimum {} of at least {} means every single {} of the {} must reach {}: one weaker value "
                         "breaks the term",
                         attr, bound, what, per, bound);
    case model::Aggregate::Latest:
      return fmt::format("the latest {} must be at least {} at the end of every {}: a single imperfect report at the "
                         "wrong moment breaks the term",
                         attr, bound, per);
    default:
      return fmt::format("the {} {} must reach at least {} every {}: a target this close to 100% leaves no room for "
                         "an ordinary bad day",
                         aggregate_word(r.aggregate), attr, bound, per);
  }
}

void check_rule(const model::Rule& r, std::vector<Diagnostic>& out) {
  if (r.kind != model::Rule::Kind::Aggregate) return;
  uint32_t width = static_cast<uint32_t>(number_text(r.bound).size() + (r.percent ? 1 : 0));
  if (r.at_least && r.percent && r.bound >= kPerfectPercent) {
    // The rewrite keeps the form and moves the floor just below the threshold; the real number
    // belongs to the parties, hence the second note.
    model::Rule fix = r;
    fix.bound = 99;
    out.push_back(entry(DiagLevel::Warning, kPerfectionTarget, r.bound_loc,
                        fmt::format("perfectionist target: {}", high_floor_reason(r)),
                        {write_rule(fix),
                         "better still, set the level the current baseline supports (e.g. 95%) and agree a service "
                         "credit for the shortfall"},
                        width));
  } else if (!r.at_least && r.bound == 0) {
    model::Rule tolerant = r;
    tolerant.bound = 1;
    // If truly nothing is acceptable, a prohibition says so more plainly: `no P where attr > 0`.
    model::Rule prohibition = r;
    prohibition.kind = model::Rule::Kind::No;
    model::Condition positive;
    positive.kind = model::Condition::Kind::Compare;
    positive.attribute = r.attribute;
    positive.op = model::CompareOp::Gt;
    model::Literal zero;
    zero.kind = model::Literal::Kind::Number;
    zero.text = "0";
    zero.number = 0;
    positive.values.push_back(zero);
    if (prohibition.subject.where) {
      model::Condition both;
      both.kind = model::Condition::Kind::And;
      both.operands = {*prohibition.subject.where, positive};
      prohibition.subject.where = both;
    } else {
      prohibition.subject.where = positive;
    }
    out.push_back(entry(
        DiagLevel::Warning, kPerfectionTarget, r.bound_loc,
        fmt::format("perfectionist target: the {} {} of {} must be at most 0 every {}: a single {} with any {} above "
                    "0 breaks the term",
                    aggregate_word(r.aggregate), r.attribute.text, r.subject.type.text, period_word(r.period),
                    r.subject.type.text, r.attribute.text),
        {write_rule(tolerant) + " to tolerate a minimal level",
         "or, if any occurrence is truly unacceptable, state it as a prohibition: " + write_rule(prohibition)},
        width));
  }
}

}  // namespace

void check_targets(const Context& ctx, std::vector<Diagnostic>& out) {
  for (const auto& block : ctx.agreement.ast->blocks)
    for (const auto& rule : block.rules) check_rule(rule, out);
}

}  // namespace pactum::lint
