// Rule 5.1: `every A requires Q [with same k...] timing`.
//
// Before-timings keep, per correlation key, the earliest two and the latest two targets seen so
// far (two, because Q is never A itself when one event matches both patterns). After-timings keep
// the activations still waiting for a target; the first target after an activation settles it.
#include <deque>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/eval/deadlines.h"
#include "engine/eval/rule_evaluator.h"
#include "engine/eval/wording.h"

namespace pactum::eval {

namespace {

constexpr uint32_t kNone = UINT32_MAX;
enum Role { kActivation = 0, kTarget = 1 };
using TimingKind = model::Timing::Kind;

class RequiresRule : public RuleEvaluator {
 public:
  RequiresRule(EvalContext& ctx, size_t b, const model::Block& block, const model::Rule& rule)
      : RuleEvaluator(ctx, b, block, rule),
        activation_(rule.subject, ctx.log, ctx.agreement),
        target_(rule.target, ctx.log, ctx.agreement),
        before_(is_before_timing(rule.timing.kind)),
        calendar_(semantic::duration_calendar(ctx.agreement, rule.timing.duration, rule.target)) {
    for (const auto& k : rule.same) same_.push_back(FieldRef::compile(k.text, ctx.log));
    if (rule.timing.kind == TimingKind::NoLaterThan) due_ = FieldRef::compile(rule.timing.attribute.text, ctx.log);
  }

  std::vector<Subscription> subscriptions() const override {
    // Before: targets first, then activations, at each timestamp. After: the reverse.
    Phase activation_phase = before_ ? Phase::Second : Phase::First;
    Phase target_phase = before_ ? Phase::First : Phase::Second;
    return {{activation_.type(), activation_phase, kActivation}, {target_.type(), target_phase, kTarget}};
  }

  void on_event(uint32_t index, int role) override {
    const log::Event& e = ctx_.log.events[index];
    if (role == kActivation) {
      if (!judged(e) || !activation_.matches(e)) return;
      if (before_) judge_before(index);
      else wait_for_target(index);
    } else {
      if (!target_.matches(e)) return;
      std::string key;
      if (!key_of(e, key)) return;
      if (before_) remember_target(key, index);
      else settle_waiting(key, index);
    }
  }

  void finish(Outcome& out) override {
    for (auto& [key, list] : waiting_)
      for (const auto& w : list) settle_unanswered(w, out);
    for (const auto& w : unkeyed_) settle_unanswered(w, out);
    for (auto& f : findings_) out.findings.push_back(std::move(f));
  }

 private:
  struct Seen {
    uint32_t first = kNone, second = kNone;  // the earliest two targets
    uint32_t last = kNone, previous = kNone; // the latest two
  };
  struct Waiting {
    uint32_t activation;
    std::optional<Instant> deadline;  // none for plain `after`
    // A business-time deadline later than the supported calendar (after 2300): it never passes,
    // so the activation can only be answered or stay pending.
    bool beyond_calendar = false;
  };

  bool key_of(const log::Event& e, std::string& key) const {
    for (const auto& ref : same_)
      if (!append_key(ctx_.log, read_field(ctx_.log, e, ref), key)) return false;
    return true;
  }

  const log::Event& event(uint32_t i) const { return ctx_.log.events[i]; }

  // ---- before, at least D before, within D before ----

  void remember_target(const std::string& key, uint32_t index) {
    Seen& s = seen_[key];
    if (s.first == kNone) s.first = index;
    else if (s.second == kNone) s.second = index;
    s.previous = s.last;
    s.last = index;
  }

  void judge_before(uint32_t a) {
    std::string key;
    const Seen* seen = nullptr;
    if (key_of(event(a), key)) {
      auto it = seen_.find(key);
      if (it != seen_.end()) seen = &it->second;
    }
    uint32_t earliest = kNone, latest = kNone;
    if (seen) {
      earliest = seen->first != a ? seen->first : seen->second;
      latest = seen->last != a ? seen->last : seen->previous;
    }
    const auto& timing = rule_.timing;
    Instant at = event(a).at;
    if (earliest == kNone) {
      report(a, kNone, "missing", fmt::format("{} had no {} before it", describe(a), target_text()));
      return;
    }
    if (timing.kind == TimingKind::Before) return;
    if (timing.kind == TimingKind::AtLeastBefore) {
      // No limit: it would lie before 1900, so no event can have come early enough.
      std::optional<Instant> latest_allowed = before_limit(at, true);
      if (latest_allowed && event(earliest).at <= *latest_allowed) return;
      Millis given = at - event(earliest).at;
      auto f = report(a, earliest, "late",
                      fmt::format("{} was announced by {} {} before; the agreement requires at least {}", describe(a),
                                  describe(earliest), human_duration(given), duration_text(timing.duration)));
      f->measured.push_back(Measure{"notice_hours", hours_of(given), "", {}});
      add_required(*f, latest_allowed ? at - *latest_allowed : Millis{0});
      return;
    }
    // within D before: the most recent target must not be older than A.at - D. No limit: it
    // would lie before 1900, so every target is recent enough.
    std::optional<Instant> earliest_allowed = before_limit(at, false);
    if (!earliest_allowed || event(latest).at >= *earliest_allowed) return;
    Millis age = at - event(latest).at;
    auto f = report(a, latest, "early",
                    fmt::format("{} came {} before {}; the agreement requires it within {} before", describe(latest),
                                human_duration(age), describe(a), duration_text(timing.duration)));
    f->measured.push_back(Measure{"age_hours", hours_of(age), "", {}});
    add_required(*f, at - *earliest_allowed);
  }

  // D before A, on the timing's calendar: the latest time a notice may come (`at least D
  // before`: 24:00 ending the N-th business day before) or the earliest a target still counts
  // (`within D before`: 00:00 starting it). Business hours and plain units are symmetric.
  // nullopt when business time reaches back before the supported calendar (1900).
  std::optional<Instant> before_limit(Instant a, bool at_least) const {
    return eval::before_limit(calendar_, rule_.timing.duration, Anchor{a, std::nullopt}, at_least);
  }

  void add_required(Finding& f, Millis span) const { eval::add_required(f, rule_.timing.duration, span); }

  // ---- after, within D after, no later than k ----

  void wait_for_target(uint32_t a) {
    Waiting w{a, std::nullopt};
    const auto& timing = rule_.timing;
    Instant at = event(a).at;
    if (timing.kind == TimingKind::WithinAfter) {
      w.deadline = after_deadline(calendar_, timing.duration, Anchor{at, std::nullopt});
      w.beyond_calendar = !w.deadline;  // plain units: at most 400 years on, a date the report can print
    } else if (timing.kind == TimingKind::NoLaterThan) {
      auto due = read_instant(ctx_.log, event(a), read_field(ctx_.log, event(a), due_), ctx_.agreement.zone, true);
      if (!due) {
        ctx_.warn(event(a), fmt::format("{} has no readable `{}` date; it is skipped by rule {} of \"{}\"", describe(a),
                                        timing.attribute.text, rule_.number, block_.name));
        return;
      }
      w.deadline = *due;
    }
    std::string key;
    if (key_of(event(a), key)) waiting_[key].push_back(w);
    else unkeyed_.push_back(w);  // can never be answered: settled at the end
  }

  void settle_waiting(const std::string& key, uint32_t q) {
    auto it = waiting_.find(key);
    if (it == waiting_.end()) return;
    auto& list = it->second;
    size_t kept = 0;
    for (auto& w : list) {
      if (w.activation == q) {  // Q is never A itself
        list[kept++] = w;
        continue;
      }
      if (!w.beyond_calendar && w.deadline && event(q).at > *w.deadline) {
        Millis delay = event(q).at - *w.deadline;
        auto f = report(w.activation, q, "late",
                        fmt::format("{} was answered by {} {} after the deadline, {}", describe(w.activation),
                                    describe(q), human_duration(delay), local(*w.deadline)));
        f->measured.push_back(Measure{"delay_hours", hours_of(delay), "", {}});
        f->measured.push_back(Measure{"deadline", std::nullopt, format_instant(*w.deadline, ctx_.agreement.zone), {}});
      }
    }
    list.resize(kept);
    if (list.empty()) waiting_.erase(it);
  }

  void settle_unanswered(const Waiting& w, Outcome& out) {
    bool overdue;
    if (w.beyond_calendar) overdue = false;
    else if (w.deadline) overdue = *w.deadline <= ctx_.as_of;
    else overdue = ctx_.agreement.effective_end && ctx_.to >= *ctx_.agreement.effective_end;
    uint32_t a = w.activation;
    if (overdue) {
      auto f = report(a, kNone, "missing",
                      fmt::format("{} has no {}{}", describe(a), target_text(),
                                  w.deadline ? fmt::format(" by the deadline, {}", local(*w.deadline)) : ""));
      if (w.deadline) f->measured.push_back(Measure{"deadline", std::nullopt, format_instant(*w.deadline, ctx_.agreement.zone), {}});
      return;
    }
    Finding p = make_finding("pending", event(a).at);
    p.responsible = responsible_for_activations({a});
    p.events.push_back(a);
    if (w.beyond_calendar)
      p.message = fmt::format("{} is awaiting {}; the deadline, {} after it, falls after {} (beyond the supported "
                              "calendar), so it can never pass",
                              describe(a), target_text(), duration_text(rule_.timing.duration), kMaxYear);
    else if (w.deadline)
      p.message = fmt::format("{} is awaiting {}; the deadline is {}", describe(a), target_text(), local(*w.deadline));
    else
      p.message = fmt::format("{} is awaiting {}", describe(a), target_text());
    if (w.deadline) p.measured.push_back(Measure{"deadline", std::nullopt, format_instant(*w.deadline, ctx_.agreement.zone), {}});
    out.pending.push_back(std::move(p));
  }

  // ---- shared ----

  Finding* report(uint32_t a, uint32_t q, const char* reason, std::string message) {
    Finding f = make_finding(reason, event(a).at);
    f.responsible = responsible_for_activations({a});
    f.events.push_back(a);
    if (q != kNone) f.events.push_back(q);
    f.message = std::move(message);
    findings_.push_back(std::move(f));
    return &findings_.back();
  }

  std::string target_text() const {
    std::string text = rule_.target.type.text;
    if (rule_.target.by) text += " by " + rule_.target.by->text;
    if (!rule_.same.empty()) {
      text += " with the same ";
      for (size_t i = 0; i < rule_.same.size(); ++i) text += (i ? ", " : "") + rule_.same[i].text;
    }
    return text;
  }

  std::string local(Instant t) const { return deadline_text(t, ctx_.agreement.zone); }

  CompiledPattern activation_;
  CompiledPattern target_;
  bool before_;
  const calendar::BusinessCalendar& calendar_;
  std::vector<FieldRef> same_;
  FieldRef due_;
  std::unordered_map<std::string, Seen> seen_;
  std::unordered_map<std::string, std::vector<Waiting>> waiting_;
  std::vector<Waiting> unkeyed_;
  std::deque<Finding> findings_;  // deque: report() hands out stable pointers
};

}  // namespace

std::unique_ptr<RuleEvaluator> make_requires_rule(EvalContext& ctx, size_t b, const model::Block& block,
                                                  const model::Rule& rule) {
  return std::make_unique<RequiresRule>(ctx, b, block, rule);
}

}  // namespace pactum::eval
