#include <cmath>

#include <fmt/format.h>

#include "engine/lint/checks.h"
#include "engine/model/rule_text.h"

namespace pactum::lint {

Diagnostic entry(DiagLevel level, const char* code, SourceLoc loc, std::string message,
                 std::vector<std::string> notes, uint32_t width) {
  Diagnostic d;
  d.level = level;
  d.code = code;
  d.loc = loc;
  d.width = width;
  d.message = std::move(message);
  d.notes = std::move(notes);
  return d;
}

std::string count_of(int64_t n, const std::string& singular) {
  return fmt::format("{} {}{}", n, singular, n == 1 ? "" : "s");
}

std::string duration_words(Millis d) {
  int64_t minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
  int64_t hours = minutes / 60;
  minutes %= 60;
  // Hours read better than days for closures: "60 hours" is what a roster planner counts.
  if (hours == 0) return count_of(minutes, "minute");
  if (minutes == 0) return count_of(hours, "hour");
  return count_of(hours, "hour") + " " + count_of(minutes, "minute");
}

std::string number_text(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<int64_t>(v));
  std::string s = fmt::format("{:.4f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

std::string zone_words(const date::time_zone* zone) {
  if (!zone) return "UTC";
  std::string name{zone->name()};
  if (name == "UTC" || name == "Etc/UTC" || name == "GMT") return "UTC";
  auto slash = name.rfind('/');
  std::string city = slash == std::string::npos ? name : name.substr(slash + 1);
  for (auto& c : city)
    if (c == '_') c = ' ';
  return city + " time";
}

std::string local_words(Instant t, const date::time_zone* zone) { return format_local(t, zone); }

std::string clock_text(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::string period_word(const model::Period& p) {
  using U = model::Period::Unit;
  switch (p.unit) {
    case U::Day: return "day";
    case U::Week: return "week";
    case U::Month: return "month";
    case U::Quarter: return "quarter";
    case U::Year: return "year";
    case U::Days: return p.count == 1 ? "day" : fmt::format("{} days", p.count);
    case U::Weeks: return p.count == 1 ? "week" : fmt::format("{} weeks", p.count);
    case U::Months: return p.count == 1 ? "month" : fmt::format("{} months", p.count);
  }
  return "period";
}

std::string period_words(const model::Period& p) {
  using U = model::Period::Unit;
  switch (p.unit) {
    case U::Day: return "days";
    case U::Week: return "weeks";
    case U::Month: return "months";
    case U::Quarter: return "quarters";
    case U::Year: return "years";
    case U::Days: return p.count == 1 ? "days" : fmt::format("{}-day windows", p.count);
    case U::Weeks: return p.count == 1 ? "weeks" : fmt::format("{}-week windows", p.count);
    case U::Months: return p.count == 1 ? "months" : fmt::format("{}-month windows", p.count);
  }
  return "periods";
}

std::string hours_text(const std::vector<model::HoursSpan>& hours) {
  static const char* kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string out;
  for (const auto& h : hours) {
    if (!out.empty()) out += ", ";
    out += kDays[h.first_day % 7];
    if (h.last_day != h.first_day) out += std::string("-") + kDays[h.last_day % 7];
    out += " " + clock_text(h.open_minute) + "-" + clock_text(h.close_minute);
  }
  return out;
}

std::vector<model::HoursSpan> effective_hours(const semantic::ResolvedAgreement& a, const std::string& party) {
  if (const auto* p = a.find_party(party); p && p->decl && !p->decl->calendar.hours.empty())
    return p->decl->calendar.hours;
  if (const auto* c = a.find_calendar(party); c && c->decl && !c->decl->calendar.hours.empty())
    return c->decl->calendar.hours;  // a named calendar (V2.7) inherits like a party
  if (a.ast && a.ast->header && !a.ast->header->calendar.hours.empty()) return a.ast->header->calendar.hours;
  return {model::HoursSpan{0, 4, 9 * 60, 17 * 60, {}}};  // the language's default (spec 5)
}

uint32_t first_word_width(const model::Rule& rule) {
  std::string text = model::canonical_text(rule);
  auto space = text.find(' ');
  return static_cast<uint32_t>(space == std::string::npos ? text.size() : space);
}

std::string quoted(const model::Rule& rule) { return "`" + model::canonical_text(rule) + "`"; }

std::string write_rule(const model::Rule& rule) { return "write " + quoted(rule); }

const char* aggregate_word(model::Aggregate a) {
  switch (a) {
    case model::Aggregate::Average: return "average";
    case model::Aggregate::Minimum: return "minimum";
    case model::Aggregate::Maximum: return "maximum";
    case model::Aggregate::Total: return "total";
    case model::Aggregate::Latest: return "latest";
  }
  return "aggregate";
}

std::string and_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace pactum::lint
