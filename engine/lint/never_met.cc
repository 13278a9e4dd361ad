// never-met (spec 7, check only): a periodic rule (5.3, 5.4, 5.6, V2.3, V2.6) of an `expectation`
// block that failed in every judged window (tolerated misses count as failures; V2.3 and V2.6
// windows with no case, no measured time or a pending verdict are not judged). An expectation
// nobody has met even once is a target to renegotiate, not a performance problem to escalate;
// the rewrite proposes the best level actually reached as a starting point.
#include <cmath>

#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/decimal.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

namespace {

bool is_interval_rule(const model::Rule& r) {
  using K = model::Rule::Kind;
  return r.kind == K::Availability || r.kind == K::Downtime || r.kind == K::DurationMeasure;
}

// What the rule measures, as the message names it: the counted event type, or for V2.6 rules
// "availability of outage", "downtime of outage", "average duration of ticket".
std::string subject_text(const model::Rule& r) {
  using K = model::Rule::Kind;
  if (!is_interval_rule(r)) return r.subject.type.text;
  std::string during = r.during ? " during business hours of " + r.during->text : "";
  if (r.kind == K::Availability) return "availability of " + r.interval.text + during;
  if (r.kind == K::Downtime) return "downtime of " + r.interval.text + during;
  std::string text = model::canonical_text(r);  // "percentile 80 duration of ... at most ..."
  return text.substr(0, text.find(" duration of ")) + " duration of " + r.interval.text + during;
}

// A whole number of minutes as a plain duration: hours when it divides.
model::Duration minutes_duration(int64_t minutes, const model::Duration& like) {
  model::Duration d = like;
  d.amount = minutes % 60 == 0 ? minutes / 60 : minutes;
  d.unit = minutes % 60 == 0 ? model::Duration::Unit::Hours : model::Duration::Unit::Minutes;
  return d;
}

std::string target_text(const model::Rule& r) {
  using K = model::Rule::Kind;
  if (r.kind == K::Availability) return fmt::format("at least {}%", r.availability.text);
  if (r.kind == K::Downtime || r.kind == K::DurationMeasure)
    return fmt::format("{} {}", r.at_least ? "at least" : "at most", model::canonical_text(r.limit));
  if (r.kind == K::AtLeast) return fmt::format("at least {}", r.count);
  if (r.kind == K::AtMost) return fmt::format("at most {}", r.count);
  return fmt::format("{} {}{}", r.at_least ? "at least" : "at most", number_text(r.bound), r.percent ? "%" : "");
}

std::string best_text(const model::Rule& r, double best) {
  using K = model::Rule::Kind;
  if (r.kind == K::Availability) return number_text(std::floor(best * 100 + 1e-9) / 100) + "%";
  if (r.kind == K::Downtime || r.kind == K::DurationMeasure)
    return duration_words(Millis{static_cast<int64_t>(std::llround(best * 60000))});
  if (r.kind == model::Rule::Kind::Aggregate) return number_text(std::round(best * 100) / 100) + (r.percent ? "%" : "");
  return fmt::format("{}", static_cast<int64_t>(best));
}

bool is_share(const model::Rule& r) {
  return r.kind == model::Rule::Kind::ShareOfEvents || (r.kind == model::Rule::Kind::Requires && r.share);
}

// V2.3: the message and the rewrite for a share that failed in every judged window.
Diagnostic share_never_met(const eval::PeriodicSummary& s) {
  const model::Rule& r = *s.rule;
  bool events = r.kind == model::Rule::Kind::ShareOfEvents;
  const model::Period& period = events ? r.period : r.share->period;
  bool at_least = !events || r.at_least;
  std::string windows = s.judged_windows == 1 ? "the only judged " + period_word(period)
                                              : fmt::format("all {} judged {}", s.judged_windows, period_words(period));
  std::string message = fmt::format("expectation \"{}\" was never met: {} failed in {}", s.block->name, quoted(r), windows);
  std::vector<std::string> notes;
  if (s.best_value) {
    // Rounded towards the achievable side, as the findings' shares are: a best of 2/3 against
    // `at least 66.67%` reads 66.66%, never the target itself.
    double hundredths = *s.best_value * 100;
    double best = (at_least ? std::floor(hundredths + 1e-6) : std::ceil(hundredths - 1e-6)) / 100;
    message += fmt::format("; the best share seen in a {} was {}%", period_word(period), number_text(best));
    // Round towards the achievable side so that the best window would have passed.
    int64_t level = static_cast<int64_t>(at_least ? std::floor(*s.best_value) : std::ceil(*s.best_value));
    model::Rule fix = r;
    model::Decimal d{level, 0, std::to_string(level)};
    if (events) fix.share_percent = d;
    else fix.share->percent = d;
    if (at_least ? level > 0 : level < 100)
      notes.push_back("review the target at the next service review; as a level already reached once, " +
                      write_rule(fix));
  }
  if (notes.empty()) notes.push_back("review the target at the next service review");
  return entry(DiagLevel::Warning, kNeverMet, r.loc, message, notes, first_word_width(r));
}

}  // namespace

std::vector<Diagnostic> never_met(const std::vector<eval::PeriodicSummary>& periodic) {
  using K = model::Rule::Kind;
  std::vector<Diagnostic> out;
  for (const auto& s : periodic) {
    if (!s.block || !s.rule || !s.block->expectation) continue;
    const model::Rule& r = *s.rule;
    if (is_share(r)) {
      if (s.judged_windows > 0 && s.failed_windows == s.judged_windows) out.push_back(share_never_met(s));
      continue;
    }
    if (r.kind != K::AtLeast && r.kind != K::AtMost && r.kind != K::Aggregate && !is_interval_rule(r)) continue;
    if (s.judged_windows == 0 || s.failed_windows != s.judged_windows) continue;

    std::string windows = s.judged_windows == 1 ? "the only judged " + period_word(r.period)
                                                : fmt::format("all {} judged {}", s.judged_windows, period_words(r.period));
    std::string message = fmt::format("expectation \"{}\" was never met: {} {} every {} failed in {}", s.block->name,
                                      subject_text(r), target_text(r), period_word(r.period), windows);
    std::vector<std::string> notes;
    bool nothing = s.best_value && *s.best_value <= 0 && (r.kind == K::AtLeast || (r.kind == K::Aggregate && r.at_least));
    if (nothing) {
      message += fmt::format("; the best value seen in a {} was 0", period_word(r.period));
      notes.push_back(fmt::format("check that `{}` events are being logged before renegotiating the target",
                                  r.subject.type.text));
    } else if (s.best_value) {
      message += fmt::format("; the best value seen in a {} was {}", period_word(r.period), best_text(r, *s.best_value));
      model::Rule fix = r;
      if (r.kind == K::Availability) {
        // Two decimals, rounded down: the best window would have passed.
        auto hundredths = static_cast<int64_t>(std::floor(*s.best_value * 100 + 1e-9));  // 97.1 * 100 < 9710
        std::string text = hundredths % 100 ? fmt::format("{}.{:02}", hundredths / 100, hundredths % 100)
                                            : fmt::format("{}", hundredths / 100);
        if (text.back() == '0' && text.find('.') != std::string::npos) text.pop_back();
        if (auto d = model::parse_decimal(text)) fix.availability = *d;
      } else if (r.kind == K::Downtime || r.kind == K::DurationMeasure) {
        double b = *s.best_value;
        fix.limit = minutes_duration(static_cast<int64_t>(r.at_least ? std::floor(b) : std::ceil(b)), r.limit);
      } else if (r.kind == K::Aggregate) {
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
