#include "engine/eval/interval_rules.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/eval/wording.h"

namespace pactum::eval {

TimeMeasure::TimeMeasure(const EvalContext& ctx, const model::Rule& rule) {
  if (!rule.during) return;
  calendar_ = &ctx.agreement.calendar_of(rule.during->text);
}

Millis TimeMeasure::operator()(Instant from, Instant to) const {
  if (!(from < to)) return Millis{0};
  return calendar_ ? calendar_->business_time_between(from, to) : to - from;
}

std::string TimeMeasure::words(Millis d) const { return time_words(d, business()); }

std::string TimeMeasure::of_what() const { return calendar_ ? " of business time" : ""; }

Millis plain_duration_length(const model::Duration& d) {
  using U = model::Duration::Unit;
  switch (d.unit) {
    case U::Minutes: return std::chrono::minutes{d.amount};
    case U::Hours: return std::chrono::hours{d.amount};
    case U::Days: return std::chrono::hours{24 * d.amount};
    case U::Weeks: return std::chrono::hours{24 * 7 * d.amount};
    default: return Millis{0};  // business units: not allowed by the grammar here
  }
}

std::vector<std::string> interval_rule_responsible(const EvalContext& ctx, const model::Block& block,
                                                   const model::Rule& rule) {
  std::vector<std::string> names;
  for (const auto& n : block.responsible)
    if (std::find(names.begin(), names.end(), n.text) == names.end()) names.push_back(n.text);
  if (!names.empty()) return names;
  if (const auto* decl = ctx.agreement.ast->find_interval(rule.interval.text); decl && decl->open.by)
    return {decl->open.by->text};
  return {"unassigned"};
}

std::string window_words(const model::Period& period, const calendar::Interval& w, const date::time_zone* zone) {
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  date::year_month_day ymd{local_day(w.start, zone)};
  int year = int(ymd.year());
  unsigned month = unsigned(ymd.month());
  std::string start = format_local(w.start, zone);  // "Tue 2026-03-03 00:00"
  switch (period.unit) {
    case model::Period::Unit::Day: return "on " + start.substr(0, 14);
    case model::Period::Unit::Week: return "in the week of " + start.substr(0, 14);
    case model::Period::Unit::Month: return fmt::format("in {} {}", kMonths[month - 1], year);
    case model::Period::Unit::Quarter: return fmt::format("in Q{} {}", (month - 1) / 3 + 1, year);
    case model::Period::Unit::Year: return fmt::format("in {}", year);
    default:
      // The end is exclusive: the last day of the window is the day before it.
      return fmt::format("in the period {} to {}", start.substr(4, 10),
                         format_local(w.end - Millis{1}, zone).substr(4, 10));
  }
}

std::string time_words(Millis d, bool in_hours) {
  auto whole = std::chrono::duration_cast<std::chrono::minutes>(d);
  std::string text;
  if (whole.count() && in_hours) {
    int64_t h = whole.count() / 60, m = whole.count() % 60;
    if (h) text = fmt::format("{} hour{}", h, h == 1 ? "" : "s");
    if (m) text += fmt::format("{}{} minute{}", text.empty() ? "" : " ", m, m == 1 ? "" : "s");
  } else if (whole.count()) {
    text = human_duration(whole);
  }
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(d - whole).count();
  if (seconds) text += fmt::format("{}{} second{}", text.empty() ? "" : " ", seconds, seconds == 1 ? "" : "s");
  if (text.empty()) return d.count() ? "less than a second" : "0 minutes";
  return text;
}

}  // namespace pactum::eval
