#include "engine/report/due_soon.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "engine/eval/wording.h"

namespace pactum::report {

std::optional<Millis> parse_span(std::string_view text, std::string* why) {
  auto fail = [&](std::string reason) -> std::optional<Millis> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  if (text.empty()) return fail("it is empty");
  using std::chrono::hours;
  using std::chrono::minutes;
  const Millis kMax = hours(24 * 36525);  // 100 years: a deadline beyond is not "due soon"
  Millis total{0};
  size_t i = 0;
  while (i < text.size()) {
    size_t digits = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == digits) return fail(fmt::format("expected a number at `{}`", text.substr(digits)));
    if (i - digits > 7) return fail("the number is too large");
    long long n = std::stoll(std::string(text.substr(digits, i - digits)));
    size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view unit = text.substr(unit_start, i - unit_start);
    Millis part;
    if (unit == "w") part = hours(24 * 7 * n);
    else if (unit == "d") part = hours(24 * n);
    else if (unit == "h") part = hours(n);
    else if (unit == "min") part = minutes(n);
    else if (unit.empty()) return fail(fmt::format("`{}` has no unit", n));
    else if (unit == "m") return fail("`m` could mean minutes or months: write `min` for minutes");
    else return fail(fmt::format("unknown unit `{}`", unit));
    total += part;
    if (total > kMax) return fail("more than 100 years");
  }
  if (total <= Millis{0}) return fail("it is zero");
  return total;
}

std::optional<Instant> deadline_of(const eval::Finding& pending) {
  for (const auto& m : pending.measured) {
    if (m.key != "deadline" || m.number) continue;
    // Written by format_instant, always with its offset: read back exactly.
    auto parsed = parse_timestamp(m.text);
    if (!parsed || !parsed->offset) return std::nullopt;
    return resolve(*parsed, nullptr).instant;
  }
  return std::nullopt;
}

std::vector<DueItem> due_soon(const ReportData& d) {
  std::vector<DueItem> out;
  if (!d.due_within || !d.outcome || !d.outcome->evaluated) return out;
  const Instant as_of = d.outcome->as_of;
  for (const auto& p : d.outcome->pending) {
    auto deadline = deadline_of(p);
    if (!deadline || *deadline <= as_of || *deadline - as_of > *d.due_within) continue;
    out.push_back({&p, *deadline, *deadline - as_of});
  }
  std::stable_sort(out.begin(), out.end(), [](const DueItem& a, const DueItem& b) { return a.deadline < b.deadline; });
  return out;
}

Instant due_until(const ReportData& d) { return d.outcome->as_of + *d.due_within; }

std::string time_left_words(Millis left) {
  long long minutes = std::chrono::duration_cast<std::chrono::minutes>(left).count();
  if (minutes <= 0) return "less than a minute";
  long long days = minutes / (24 * 60), hours = (minutes / 60) % 24, mins = minutes % 60;
  auto unit = [](long long n, const char* one) { return fmt::format("{} {}{}", n, one, n == 1 ? "" : "s"); };
  if (days > 0) return hours > 0 ? unit(days, "day") + " " + unit(hours, "hour") : unit(days, "day");
  if (hours > 0) return mins > 0 ? unit(hours, "hour") + " " + unit(mins, "minute") : unit(hours, "hour");
  return unit(mins, "minute");
}

std::string due_in_words(const DueItem& item) { return "due in " + time_left_words(item.left); }

std::string must_act(const eval::Finding& pending) { return fmt::format("{}", fmt::join(pending.responsible, ", ")); }

std::string deadline_words(const ReportData& d, const DueItem& item) {
  return eval::deadline_text(item.deadline, d.agreement.zone);
}

std::string due_words(const ReportData& d, const DueItem& item) {
  return fmt::format("{} (deadline: {}; must act: {})", due_in_words(item), deadline_words(d, item),
                     must_act(*item.pending));
}

}  // namespace pactum::report
