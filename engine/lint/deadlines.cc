// deadline-outside-hours and short-notice (spec 7): time limits in plain units that ignore the
// calendar of the party who has to act.
//
// deadline-outside-hours: a `within D after` in minutes/hours/days/weeks strictly shorter than
// the longest closed stretch of the responsible party's calendar over the period: an event that
// arrives at the start of that stretch can only be answered by working while closed. A deadline
// equal to the closure can be met at the moment of opening, so it does not fire. Responsible
// parties are those fixed by the text (target `by`, block `responsible`, subject `by`); each is
// checked and reported on its own; with none, the agreement's calendar stands in.
//
// short-notice: `at least D before` of less than 24 hours in plain units, 0 business days, or
// less than 8 business hours: the receiving side cannot plan staff or rooms around it.
#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/lint/lint.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

namespace {

// "an 8-hour deadline", "an 11-hour ...", "a 48-hour ...": the article goes by the sound.
const char* article_for(const std::string& words) {
  if (words.empty()) return "a";
  if (std::string("aeiouAEIOU8").find(words[0]) != std::string::npos) return "an";
  if (words.rfind("11", 0) == 0 || words.rfind("18", 0) == 0) {
    size_t digits = words.find_first_not_of("0123456789");
    size_t n = digits == std::string::npos ? words.size() : digits;
    if (n == 2 || n == 5) return "an";  // eleven, eighteen; eleven/eighteen thousand
  }
  return "a";
}

using Unit = model::Duration::Unit;

// 5.1 and V2.5 (`every PERIOD requires Q ...`, whose activation is a window) are checked alike.
bool has_timing(const model::Rule& rule) {
  return rule.kind == model::Rule::Kind::Requires || rule.kind == model::Rule::Kind::PeriodRequires;
}

bool plain(Unit u) { return u == Unit::Minutes || u == Unit::Hours || u == Unit::Days || u == Unit::Weeks; }

std::chrono::minutes plain_length(const model::Duration& d) {
  switch (d.unit) {
    case Unit::Minutes: return std::chrono::minutes{d.amount};
    case Unit::Hours: return std::chrono::hours{d.amount};
    case Unit::Days: return std::chrono::hours{24 * d.amount};
    case Unit::Weeks: return std::chrono::hours{24 * 7 * d.amount};
    default: return std::chrono::minutes{0};
  }
}

// "2-hour", "90-minute", "3-day": the deadline as an adjective, in the units it was written in.
std::string deadline_words(const model::Duration& d) {
  switch (d.unit) {
    case Unit::Minutes: return fmt::format("{}-minute", d.amount);
    case Unit::Hours: return fmt::format("{}-hour", d.amount);
    case Unit::Days: return fmt::format("{}-day", d.amount);
    case Unit::Weeks: return fmt::format("{}-week", d.amount);
    default: return model::canonical_text(d);
  }
}

// What kind of work the closure would force: holidays first (the rarest, most resented), then
// whole closed days (a weekend), else nights.
std::string forced_work(const calendar::BusinessCalendar& cal, const calendar::BusinessCalendar::Gap& gap) {
  auto first = local_day(gap.start, cal.zone()) + date::days{1};
  auto last = local_day(gap.end, cal.zone());
  bool holiday = false, closed_day = false;
  for (auto d = first; d < last; d += date::days{1}) {
    if (cal.is_holiday(d)) holiday = true;
    else if (!cal.is_business_day(d)) closed_day = true;
  }
  if (holiday) return "work on a holiday";
  if (closed_day) return "weekend work";
  return "night work";
}

// The same rule measured in business time of `party`: business hours for minutes and hours,
// business days for days and weeks (a week counted as 5 business days). `of P` is added when the
// plain rule would otherwise count in another calendar than the one that was checked.
model::Rule business_rewrite(const model::Rule& rule, const std::string& party) {
  model::Rule fix = rule;
  auto& d = fix.timing.duration;
  switch (d.unit) {
    case Unit::Minutes: d.amount = std::max<int64_t>(1, (d.amount + 59) / 60); d.unit = Unit::BusinessHours; break;
    case Unit::Hours: d.unit = Unit::BusinessHours; break;
    case Unit::Days: d.unit = Unit::BusinessDays; break;
    case Unit::Weeks: d.amount *= 5; d.unit = Unit::BusinessDays; break;
    default: break;
  }
  bool target_is_party = rule.target.by && rule.target.by->text == party;
  if (!party.empty() && !target_is_party) d.of_party = model::Name{party, {}};
  return fix;
}

void check_deadline(const Context& ctx, const model::Block& block, const model::Rule& rule,
                    std::vector<Diagnostic>& out) {
  if (!has_timing(rule) || rule.timing.kind != model::Timing::Kind::WithinAfter) return;
  const auto& d = rule.timing.duration;
  if (!plain(d.unit)) return;
  Millis limit = plain_length(d);
  std::vector<std::string> parties = semantic::responsible_by_text(block, rule);
  if (parties.empty() && semantic::correlates_on_by(rule)) parties = ctx.agreement.party_names();  // whoever acts
  if (parties.empty()) parties.push_back("");  // the agreement's calendar
  for (const auto& party : parties) {
    const auto& cal = ctx.agreement.calendar_of(party);
    auto gap = cal.longest_closure(ctx.from, ctx.to);
    if (!gap || !(limit < gap->end - gap->start)) continue;
    std::string who = party.empty() ? "under the agreement's hours, business" : party;
    std::string message = fmt::format(
        "{} is closed for {} from {} to {} {}; {} {} deadline cannot be met without {}", who,
        duration_words(gap->end - gap->start), local_words(gap->start, cal.zone()), local_words(gap->end, cal.zone()),
        zone_words(cal.zone()), article_for(deadline_words(d)), deadline_words(d), forced_work(cal, *gap));
    model::Rule fix = business_rewrite(rule, party);
    std::vector<std::string> notes{write_rule(fix) + " to count only " +
                                   (party.empty() ? std::string("business") : party + "'s business") + " time"};
    if (d.unit == Unit::Minutes || d.unit == Unit::Hours) {
      model::Rule days = fix;
      days.timing.duration.unit = Unit::BusinessDays;
      days.timing.duration.amount = std::max<int64_t>(1, (plain_length(d).count() + 8 * 60 - 1) / (8 * 60));
      notes.push_back("or, if the answer can wait for the next working day, " + write_rule(days));
    }
    out.push_back(entry(DiagLevel::Warning, kDeadlineOutsideHours, rule.timing.loc.valid() ? rule.timing.loc : rule.loc,
                        message, notes, 6));
  }
}

void check_notice(const model::Rule& rule, std::vector<Diagnostic>& out) {
  if (!has_timing(rule) || rule.timing.kind != model::Timing::Kind::AtLeastBefore) return;
  const auto& d = rule.timing.duration;
  model::Rule fix = rule;
  std::string why;
  if (plain(d.unit)) {
    if (plain_length(d) >= std::chrono::hours{24}) return;
    why = fmt::format("a notice of {} is less than a day", duration_words(plain_length(d)));
    fix.timing.duration.amount = 24;
    fix.timing.duration.unit = Unit::Hours;
  } else if (d.unit == Unit::BusinessDays) {
    if (d.amount > 0) return;
    why = "a notice of 0 business days can be given the same day";
    fix.timing.duration.amount = 1;
  } else {
    if (d.amount >= 8) return;
    why = fmt::format("a notice of {} business hours is less than one working day", d.amount);
    fix.timing.duration.amount = 8;
  }
  model::Rule business = rule;
  business.timing.duration.amount = 1;
  business.timing.duration.unit = Unit::BusinessDays;
  std::vector<std::string> notes{write_rule(fix)};
  if (model::canonical_text(business) != model::canonical_text(fix))
    notes.push_back("or, to count working days, " + write_rule(business));
  out.push_back(entry(DiagLevel::Warning, kShortNotice, rule.timing.loc.valid() ? rule.timing.loc : rule.loc,
                      fmt::format("short notice: {}; the side receiving the {} cannot plan staff, rooms or "
                                  "travel around it (the usual minimum is 24 hours or 1 business day)",
                                  why, rule.target.type.text),
                      notes, 2));
}

}  // namespace

void check_deadlines(const Context& ctx, std::vector<Diagnostic>& out) {
  for (const auto& block : ctx.agreement.ast->blocks)
    for (const auto& rule : block.rules) {
      check_deadline(ctx, block, rule, out);
      check_notice(rule, out);
    }
}

}  // namespace pactum::lint
