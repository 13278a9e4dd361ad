// never-met (spec 7, check only): a periodic rule (5.3, 5.4, 5.6) of an `expectation` block that
// failed in every judged window (tolerated misses count as failures). An expectation nobody has
// met even once is a target to renegotiate, not a performance problem to escalate; the rewrite
// proposes the best level actually reached as a starting point.
#include <cmath>

#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

namespace {

std::string target_text(const model::Rule& r) {
  using K = model::Rule::Kind;
  if (r.kind == K::AtLeast) return fmt::format("at least {}", r.count);
  if (r.kind == K::AtMost) return fmt::format("at most {}", r.count);
  return fmt::format("{} {}{}", r.at_least ? "at least" : "at most", number_text(r.bound), r.percent ? "%" : "");
}

std::string best_text(const model::Rule& r, double best) {
  if (r.kind == model::Rule::Kind::Aggregate) return number_text(std::round(best * 100) / 100) + (r.percent ? "%" : "");
  return fmt::format("{}", static_cast<int64_t>(best));
}

}  // namespace

std::vector<Diagnostic> never_met(const std::vector<eval::PeriodicSummary>& periodic) {
  using K = model::Rule::Kind;
  std::vector<Diagnostic> out;
  for (const auto& s : periodic) {
    if (!s.block || !s.rule || !s.block->expectation) continue;
    const model::Rule& r = *s.rule;
    if (r.kind != K::AtLeast && r.kind != K::AtMost && r.kind != K::Aggregate) continue;
    if (s.judged_windows == 0 || s.failed_windows != s.judged_windows) continue;

    std::string windows = s.judged_windows == 1 ? "the only judged " + period_word(r.period)
                                                : fmt::format("all {} judged {}", s.judged_windows, period_words(r.period));
    std::string message = fmt::format("expectation \"{}\" was never met: {} {} every {} failed in {}", s.block->name,
                                      r.subject.type.text, target_text(r), period_word(r.period), windows);
    std::vector<std::string> notes;
    bool nothing = s.best_value && *s.best_value <= 0 && (r.kind == K::AtLeast || (r.kind == K::Aggregate && r.at_least));
    if (nothing) {
      message += fmt::format("; the best value seen in a {} was 0", period_word(r.period));
      notes.push_back(fmt::format("check that `{}` events are being logged before renegotiating the target",
                                  r.subject.type.text));
    } else if (s.best_value) {
      message += fmt::format("; the best value seen in a {} was {}", period_word(r.period), best_text(r, *s.best_value));
      model::Rule fix = r;
      if (r.kind == K::Aggregate) {
        // Round towards the achievable side so that the best window would have passed.
        double b = *s.best_value;
        fix.bound = r.at_least ? std::floor(b) : std::ceil(b);
      } else {
        fix.count = static_cast<int64_t>(*s.best_value);
      }
      notes.push_back("review the target at the next service review; as a level already reached once, " +
                      write_rule(fix));
    } else {
      message += "; no window had any data";
      notes.push_back(fmt::format("check that `{}` events are being logged before renegotiating the target",
                                  r.subject.type.text));
    }
    out.push_back(entry(DiagLevel::Warning, kNeverMet, r.loc, message, notes, first_word_width(r)));
  }
  sort_entries(out);
  return out;
}

}  // namespace pactum::lint
