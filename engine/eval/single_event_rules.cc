// Rules judged one event at a time: 5.2 `every A occurs within business hours of P [and ...]`
// and 5.5 `no P`. Both see each matching activation in the judged interval once and may turn it
// into a finding; they differ only in that judgement.

#include <fmt/format.h>

#include "engine/eval/packed_findings.h"
#include "engine/eval/rule_evaluator.h"

namespace pactum::eval {

namespace {

class SingleEventRule : public RuleEvaluator {
 public:
  SingleEventRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule), pattern_(rule.subject, ctx.log, ctx.agreement) {}

  std::vector<Subscription> subscriptions() const override { return {{pattern_.type(), Phase::Second, 0}}; }
  bool matched_any() const override { return pattern_.matched_any(); }

  void on_event(uint32_t index, int) override {
    const log::Event& e = ctx_.log.event(index);
    if (!judged(e) || !pattern_.matches(e)) return;
    judge(index, e);
  }

  void finish(Outcome& out) override {
    hand_over(findings_, out);
  }
  size_t findings_kept() const override { return findings_.size(); }

  // Judged as they come; the findings cite their events.
  bool streams(bool) const override { return true; }
  void held(std::vector<uint32_t>& out) const override {
    findings_.cited(out);
  }

 protected:
  virtual void judge(uint32_t index, const log::Event& e) = 0;

  Finding& add(const char* reason, uint32_t index, const log::Event& e) {
    Finding f = make_finding(reason, e.at);
    f.responsible = responsible(&e);
    f.events.push_back(index);
    return findings_.add(std::move(f));
  }

 private:
  CompiledPattern pattern_;
  PackedFindings findings_;
};

// 5.2: inside the business time of every listed party, each in its own zone and holidays.
class HoursRule : public SingleEventRule {
 public:
  using SingleEventRule::SingleEventRule;

 protected:
  void judge(uint32_t index, const log::Event& e) override {
    note_activation(e.at);
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
    Finding& f = add("outside-hours", index, e);
    f.measured.push_back(Measure{"outside_hours_of", std::nullopt, "", missed});
    f.message = fmt::format("{} took place outside the business hours of {} ({})", describe(index),
                            fmt::join(missed, " and "), fmt::join(their_times, "; "));
  }
};

// 5.5: every matching event is a finding.
class ForbiddenRule : public SingleEventRule {
 public:
  using SingleEventRule::SingleEventRule;

 protected:
  void judge(uint32_t index, const log::Event& e) override {
    Finding& f = add("forbidden", index, e);
    f.message = fmt::format("{} is forbidden by the agreement (`{}`)", describe(index), rule_.text);
  }
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
