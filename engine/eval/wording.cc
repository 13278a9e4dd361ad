#include "engine/eval/wording.h"

#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "engine/model/rule_text.h"

namespace pactum::eval {

std::string human_duration(Millis d) {
  long long minutes = std::llabs(std::chrono::duration_cast<std::chrono::minutes>(d).count());
  long long days = minutes / (24 * 60);
  long long hours = (minutes / 60) % 24;
  long long mins = minutes % 60;
  std::vector<std::string> parts;
  auto unit = [&](long long n, const char* one, const char* many) {
    if (n) parts.push_back(fmt::format("{} {}", n, n == 1 ? one : many));
  };
  // Under three days, hours read better than days ("50 hours" rather than "2 days 2 hours").
  if (days >= 3) {
    unit(days, "day", "days");
    unit(hours, "hour", "hours");
  } else {
    unit(days * 24 + hours, "hour", "hours");
  }
  unit(mins, "minute", "minutes");
  if (parts.empty()) return d.count() == 0 ? "0 minutes" : "less than a minute";
  return fmt::format("{}", fmt::join(parts, " "));
}

std::string plain_number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

double hours_of(Millis d) { return std::round(static_cast<double>(d.count()) / 36000.0) / 100.0; }

double hours_below(Millis d, Millis bound) {
  double shown = hours_of(d), limit = hours_of(bound);
  return d < bound && shown >= limit ? std::round(limit * 100 - 1) / 100 : shown;
}

double hours_above(Millis d, Millis bound) {
  double shown = hours_of(d), limit = hours_of(bound);
  return d > bound && shown <= limit ? std::round(limit * 100 + 1) / 100 : shown;
}

std::string deadline_text(Instant t, const date::time_zone* zone) {
  auto local = zone->to_local(t);
  if (local == date::floor<date::days>(local))
    return "the end of " + format_local(t - Millis{1}, zone).substr(0, 14);
  return format_local(t, zone);
}

std::string duration_text(const model::Duration& d) { return model::canonical_text(d); }

std::string window_name(const model::Period& period, const calendar::Interval& w, const date::time_zone* zone) {
  date::year_month_day ymd{local_day(w.start, zone)};
  static const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};
  int year = int(ymd.year());
  unsigned month = unsigned(ymd.month());
  switch (period.unit) {
    case model::Period::Unit::Day: return format_local(w.start, zone).substr(0, 14);
    case model::Period::Unit::Week: return fmt::format("the week of {}", format_local(w.start, zone).substr(0, 14));
    case model::Period::Unit::Month: return fmt::format("{} {}", kMonths[month - 1], year);
    case model::Period::Unit::Quarter: return fmt::format("Q{} {}", (month - 1) / 3 + 1, year);
    case model::Period::Unit::Year: return fmt::format("{}", year);
    default:
      return fmt::format("the period {} to {}", format_local(w.start, zone).substr(4, 10),
                         format_local(w.end, zone).substr(4, 10));
  }
}

std::string period_noun(const model::Period& period) {
  switch (period.unit) {
    case model::Period::Unit::Day: return "day";
    case model::Period::Unit::Week: return "week";
    case model::Period::Unit::Month: return "month";
    case model::Period::Unit::Quarter: return "quarter";
    case model::Period::Unit::Year: return "year";
    case model::Period::Unit::Days: return fmt::format("{}-day window", period.count);
    case model::Period::Unit::Weeks: return fmt::format("{}-week window", period.count);
    case model::Period::Unit::Months: return fmt::format("{}-month window", period.count);
  }
  return "window";
}

}  // namespace pactum::eval
