// Rule 5.2: `every A occurs within business hours of P [and P2 ...]`: each activation must fall
// inside the business time of every listed party, each in its own zone and holidays.
#include <fmt/format.h>

#include "engine/eval/rule_evaluator.h"

namespace pactum::eval {

namespace {

class HoursRule : public RuleEvaluator {
 public:
  HoursRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule), pattern_(rule.subject, ctx.log, ctx.agreement.zone) {}

  std::vector<Subscription> subscriptions() const override { return {{pattern_.type(), Phase::Second, 0}}; }

  void on_event(uint32_t index, int) override {
    const log::Event& e = ctx_.log.events[index];
    if (!ctx_.judged(e) || !pattern_.matches(e)) return;
    std::vector<std::string> missed;
    std::vector<std::string> their_times;
    for (const auto& p : rule_.parties) {
      const auto& cal = ctx_.agreement.calendar_of(p.text);
      if (cal.is_open(e.at)) continue;
      missed.push_back(p.text);
      std::string why = cal.is_holiday(local_day(e.at, cal.zone())) ? ", a holiday" : "";
      their_times.push_back(fmt::format("{} local time for {}{}", format_local(e.at, cal.zone()), p.text, why));
    }
    if (missed.empty()) return;
    Finding f = make_finding("outside-hours", e.at);
    f.responsible = responsible(&e);
    f.events.push_back(index);
    f.measured.push_back(Measure{"outside_hours_of", std::nullopt, "", missed});
    f.message = fmt::format("{} took place outside the business hours of {} ({})", describe(index),
                            fmt::join(missed, " and "), fmt::join(their_times, "; "));
    findings_.push_back(std::move(f));
  }

  void finish(Outcome& out) override {
    for (auto& f : findings_) out.findings.push_back(std::move(f));
  }

 private:
  CompiledPattern pattern_;
  std::vector<Finding> findings_;
};

// Rule 5.5: `no P`: every matching event in the judged interval is a finding.
class ForbiddenRule : public RuleEvaluator {
 public:
  ForbiddenRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule), pattern_(rule.subject, ctx.log, ctx.agreement.zone) {}

  std::vector<Subscription> subscriptions() const override { return {{pattern_.type(), Phase::Second, 0}}; }

  void on_event(uint32_t index, int) override {
    const log::Event& e = ctx_.log.events[index];
    if (!ctx_.judged(e) || !pattern_.matches(e)) return;
    Finding f = make_finding("forbidden", e.at);
    f.responsible = responsible(&e);
    f.events.push_back(index);
    f.message = fmt::format("{} is forbidden by the agreement (`{}`)", describe(index), rule_.text);
    findings_.push_back(std::move(f));
  }

  void finish(Outcome& out) override {
    for (auto& f : findings_) out.findings.push_back(std::move(f));
  }

 private:
  CompiledPattern pattern_;
  std::vector<Finding> findings_;
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_hours_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                               const model::Rule& rule) {
  return std::make_unique<HoursRule>(ctx, b, block, rule);
}

std::unique_ptr<RuleEvaluator> make_forbidden_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                   const model::Rule& rule) {
  return std::make_unique<ForbiddenRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
