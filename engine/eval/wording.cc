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

std::string deadline_text(Instant t, const date::time_zone* zone) {
  auto local = zone->to_local(t);
  if (local == date::floor<date::days>(local))
    return "the end of " + format_local(t - Millis{1}, zone).substr(0, 14);
  return format_local(t, zone);
}

std::string duration_text(const model::Duration& d) { return model::canonical_text(d); }

}  // namespace pactum::eval
