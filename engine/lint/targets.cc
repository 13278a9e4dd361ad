// perfection-target (spec 7): an aggregate `at least X%` with X >= 99.5 where the `%` is written,
// or an aggregate `at most 0`. A target with no room for a single imperfect value turns every
// ordinary bad day into a breach, and the relationship into a blame exercise.
// V2.3: a share (of events or of activations) of at least 99.5%, or `at most 0%`.
// V2.6: an availability whose allowed downtime, (100 - X)% of the shortest window of its period
// in the lint range (its business time with `during`), is under 5 minutes; `downtime ... at most
// 0 minutes`.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/decimal.h"
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

using i128 = __int128;

// Less allowed downtime than this is a perfection target (V2.6).
constexpr int64_t kLeastDowntimeMs = 5 * 60 * 1000;

// The shortest measured time of the rule's windows in the lint range: the window's length, or
// its business time with `during` (windows without any are skipped: nothing is judged there).
struct Shortest {
  calendar::Interval window{};
  Millis measured{0};
};

std::optional<Shortest> shortest_window(const Context& ctx, const model::Rule& r) {
  const calendar::BusinessCalendar* cal = r.during ? &ctx.agreement.calendar_of(r.during->text) : nullptr;
  std::optional<Shortest> best;
  for (const auto& w : windows_of(ctx, r.period)) {
    Millis m = cal ? cal->business_time_between(w.start, w.end) : w.end - w.start;
    if (m.count() > 0 && (!best || m < best->measured)) best = Shortest{w, m};
  }
  return best;
}

// "4 minutes 1 second", "43 minutes", "1 hour 26 minutes", "0 minutes"
std::string time_words(Millis d) {
  std::string out = duration_words(d);
  int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(d).count() % 60;
  if (seconds == 0) return out;
  if (d < std::chrono::minutes{1}) return count_of(seconds, "second");
  return out + " " + count_of(seconds, "second");
}

std::string window_text(const Context& ctx, const model::Rule& r, const Shortest& s) {
  const auto* zone = ctx.agreement.zone;
  std::string text = fmt::format("the shortest {} {} ({} to {}", period_word(r.period), ctx.range_text,
                                 date::format("%F", local_day(s.window.start, zone)),
                                 date::format("%F", local_day(s.window.end - Millis{1}, zone)));
  if (r.during) text += fmt::format(", {} of business time of {}", duration_words(s.measured), r.during->text);
  return text + ")";
}

// A decimal written with at most two places: 9998 -> "99.98", 9990 -> "99.9", 9900 -> "99".
model::Decimal hundredths(int64_t k) {
  std::string text = fmt::format("{}", k / 100);
  if (k % 100) {
    std::string frac = fmt::format("{:02}", k % 100);
    if (frac.back() == '0') frac.pop_back();
    text += "." + frac;
  }
  return *model::parse_decimal(text);
}

void check_availability(const Context& ctx, const model::Rule& r, std::vector<Diagnostic>& out) {
  auto shortest = shortest_window(ctx, r);
  if (!shortest) return;
  // allowed = (100 - X)% of M < 5 minutes  <=>  (100 * 10^s - units) * M < 5 min * 100 * 10^s
  i128 scale = 1;
  for (int i = 0; i < r.availability.scale; ++i) scale *= 10;
  i128 slack = 100 * scale - r.availability.units;
  i128 m = shortest->measured.count();
  if (slack * m >= static_cast<i128>(kLeastDowntimeMs) * 100 * scale) return;
  Millis allowed{static_cast<int64_t>(slack * m / (100 * scale))};
  std::vector<std::string> notes;
  // The highest target with two decimals that still leaves 5 minutes in the shortest window.
  int64_t k = 10000 - static_cast<int64_t>((static_cast<i128>(kLeastDowntimeMs) * 10000 + m - 1) / m);
  if (k > 0) {
    model::Rule fix = r;
    fix.availability = hundredths(k);
    notes.push_back(write_rule(fix) + fmt::format(" (at least {} of downtime in that {})",
                                                  time_words(Millis{static_cast<int64_t>(m * (10000 - k) / 10000)}),
                                                  period_word(r.period)));
  }
  notes.push_back("better still, set the level the service has actually reached and agree a service credit for "
                  "the shortfall");
  out.push_back(entry(DiagLevel::Warning, kPerfectionTarget, r.share_loc,
                      fmt::format("perfectionist target: an availability of at least {}% of {} allows only {} of "
                                  "downtime in {}: a single restart breaks the term",
                                  r.availability.text, r.interval.text, time_words(allowed),
                                  window_text(ctx, r, *shortest)),
                      notes, static_cast<uint32_t>(r.availability.text.size() + 1)));
}

void check_no_downtime(const Context& ctx, const model::Rule& r, std::vector<Diagnostic>& out) {
  if (r.limit.amount != 0) return;
  std::vector<std::string> notes;
  if (auto shortest = shortest_window(ctx, r)) {
    // Propose 0.1% of the shortest window (a 99.9% availability), at least 5 minutes.
    int64_t minutes = std::max<int64_t>(5, (shortest->measured.count() + 60'000'000 - 1) / 60'000'000);
    model::Rule fix = r;
    fix.limit.amount = minutes;
    fix.limit.unit = model::Duration::Unit::Minutes;
    if (minutes % 60 == 0) {
      fix.limit.amount = minutes / 60;
      fix.limit.unit = model::Duration::Unit::Hours;
    }
    notes.push_back(write_rule(fix) + fmt::format(" (0.1% of {})", window_text(ctx, r, *shortest)));
  }
  notes.push_back("better still, agree the downtime the service actually needs (maintenance, releases) and a "
                  "service credit beyond it");
  out.push_back(entry(DiagLevel::Warning, kPerfectionTarget, r.limit.loc,
                      fmt::format("perfectionist target: downtime of {} at most {} every {}: a single second of {} "
                                  "{}breaks the term",
                                  r.interval.text, model::canonical_text(r.limit), period_word(r.period),
                                  r.interval.text, r.during ? "in business hours of " + r.during->text + " " : ""),
                      notes, static_cast<uint32_t>(model::canonical_text(r.limit).size())));
}

// The smallest number of cases in which one failure still meets `at least X%`, X < 100:
// ceil(100 / (100 - X)), exactly.
int64_t cases_for_one_failure(const model::Decimal& x) {
  __int128 scale = 1;
  for (int i = 0; i < x.scale; ++i) scale *= 10;
  __int128 slack = 100 * scale - x.units;  // (100 - X) x 10^scale, > 0
  return static_cast<int64_t>((100 * scale + slack - 1) / slack);
}

model::Decimal whole(int64_t n) { return model::Decimal{n, 0, std::to_string(n)}; }

// V2.3: `at least X%` of cases with X >= 99.5, or `at most 0%`.
void check_share(const model::Rule& r, std::vector<Diagnostic>& out) {
  bool events = r.kind == model::Rule::Kind::ShareOfEvents;
  const model::Decimal& x = events ? r.share_percent : r.share->percent;
  bool at_least = !events || r.at_least;
  SourceLoc loc = events ? r.share_loc : r.share->percent_loc;
  uint32_t width = static_cast<uint32_t>(x.text.size() + 1);
  std::string per = period_word(events ? r.period : r.share->period);
  std::string cases = "`" + model::canonical_text(r.subject) + "`";
  std::string failure = events ? fmt::format("without `{}`", r.have ? model::canonical_text(*r.have) : "")
                               : "that misses its timing";
  const std::string kBaseline =
      "better still, set the level the current baseline supports (e.g. 95%) and agree a service credit for the "
      "shortfall";
  if (at_least && model::compare(x, model::Decimal{995, 1, "99.5"}) >= 0) {
    std::string why = model::compare(x, whole(100)) >= 0
                          ? fmt::format("every single {} of the {} must succeed: one {} breaks the term", cases, per, failure)
                          : fmt::format("a single {} {} breaks the term in any {} with fewer than {} of them", cases,
                                        failure, per, cases_for_one_failure(x));
    model::Rule fix = r;
    if (events) fix.share_percent = whole(99);
    else fix.share->percent = whole(99);
    out.push_back(entry(DiagLevel::Warning, kPerfectionTarget, loc,
                        fmt::format("perfectionist target: at least {}% of cases every {}: {}", x.text, per, why),
                        {write_rule(fix), kBaseline}, width));
  } else if (events && !r.at_least && x.units == 0) {
    model::Rule tolerant = r;
    tolerant.share_percent = whole(1);
    // If truly nothing is acceptable, a prohibition says so more plainly: `no P where C`.
    model::Rule prohibition = r;
    prohibition.kind = model::Rule::Kind::No;
    if (r.have && prohibition.subject.where) {
      model::Condition both;
      both.kind = model::Condition::Kind::And;
      both.operands = {*prohibition.subject.where, *r.have};
      prohibition.subject.where = both;
    } else if (r.have) {
      prohibition.subject.where = r.have;
    }
    out.push_back(entry(DiagLevel::Warning, kPerfectionTarget, loc,
                        fmt::format("perfectionist target: at most 0% of {} may have `{}` every {}: a single one breaks "
                                    "the term",
                                    cases, r.have ? model::canonical_text(*r.have) : "", per),
                        {write_rule(tolerant) + " to tolerate a minimal level",
                         "or, if any occurrence is truly unacceptable, state it as a prohibition: " +
                             write_rule(prohibition)},
                        width));
  }
}

void check_rule(const model::Rule& r, std::vector<Diagnostic>& out) {
  if (r.kind == model::Rule::Kind::ShareOfEvents || (r.kind == model::Rule::Kind::Requires && r.share)) {
    check_share(r, out);
    return;
  }
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
    for (const auto& rule : block.rules) {
      if (rule.kind == model::Rule::Kind::Availability) check_availability(ctx, rule, out);
      else if (rule.kind == model::Rule::Kind::Downtime) check_no_downtime(ctx, rule, out);
      else check_rule(rule, out);
    }
}

}  // namespace pactum::lint
