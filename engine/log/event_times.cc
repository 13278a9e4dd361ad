#include "engine/log/event_builder.h"

#include <fmt/format.h>

// Times written without an offset, read in the log's `timezone:` (or the agreement's zone).

namespace pactum::log {

namespace {

std::string format_local_time(LocalTime t) {
  auto day = date::floor<date::days>(t);
  date::year_month_day ymd{day};
  date::hh_mm_ss<Millis> tod{t - day};
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                tod.hours().count(), tod.minutes().count());
  if (tod.seconds().count() || tod.subseconds().count()) out += fmt::format(":{:02}", tod.seconds().count());
  if (tod.subseconds().count()) out += fmt::format(".{:03}", tod.subseconds().count());
  return out;
}

std::string clock_text(date::local_seconds t) {
  auto day = date::floor<date::days>(t);
  date::hh_mm_ss<std::chrono::seconds> tod{t - day};
  return fmt::format("{:02}:{:02}", tod.hours().count(), tod.minutes().count());
}

}  // namespace

const date::time_zone* EventBuilder::zone_for_local() const {
  if (log_zone_) return log_zone_;
  if (options_.default_zone) return options_.default_zone;
  static const date::time_zone* utc = find_zone("UTC");
  return utc;
}

bool EventBuilder::resolve_now(const ParsedTime& t, Mark mark, uint32_t width, Instant& out) {
  const date::time_zone* zone = zone_for_local();
  Resolved r = resolve(t, zone);
  out = r.instant;
  // A bare date whose midnight is skipped starts when the day actually begins.
  if (r.status == LocalResolution::Nonexistent && !t.date_only) {
    error(mark, describe_gap(t.local, zone), {}, width);
    return false;
  }
  return true;
}

std::string EventBuilder::describe_gap(LocalTime local, const date::time_zone* zone) const {
  auto info = zone->get_info(date::floor<std::chrono::seconds>(local));
  auto from = date::local_seconds{info.second.begin.time_since_epoch()} + info.first.offset;
  auto to = date::local_seconds{info.second.begin.time_since_epoch()} + info.second.offset;
  return fmt::format("{} does not exist in {}: clocks jump from {} to {}", format_local_time(local), zone->name(),
                     clock_text(from), clock_text(to));
}

}  // namespace pactum::log
