#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "engine/base/time.h"

using namespace pactum;

TEST_CASE("timestamps parse in every accepted form and reject impossible dates") {
  struct Row {
    const char* text;
    bool ok;
    const char* utc;  // resolved in America/New_York when no offset
  };
  const Row rows[] = {
      {"2026-01-13T10:00:00-05:00", true, "2026-01-13T15:00:00+00:00"},
      {"2026-01-13T10:00-05:00", true, "2026-01-13T15:00:00+00:00"},
      {"2026-01-13 10:00:00Z", true, "2026-01-13T10:00:00+00:00"},
      {"2026-01-13T10:00:00.250Z", true, "2026-01-13T10:00:00.250+00:00"},
      // V2.1 precision: milliseconds; further fraction digits are dropped, never rounded.
      {"2026-01-13T10:00:00.9999Z", true, "2026-01-13T10:00:00.999+00:00"},
      {"2026-01-13T10:00:00.1239999Z", true, "2026-01-13T10:00:00.123+00:00"},
      {"2026-01-13T23:59:59.99999999Z", true, "2026-01-13T23:59:59.999+00:00"},
      {"2026-01-13T10:00:00.0009Z", true, "2026-01-13T10:00:00+00:00"},
      {"2026-01-13T10:00:00.5Z", true, "2026-01-13T10:00:00.500+00:00"},
      {"2026-01-13T10:00:00,25Z", true, "2026-01-13T10:00:00.250+00:00"},
      {"2026-01-13T10:00:00.99999", true, "2026-01-13T15:00:00.999+00:00"},
      {"2026-01-13T10:00:00+0530", true, "2026-01-13T04:30:00+00:00"},
      {"2026-01-13T10:00", true, "2026-01-13T15:00:00+00:00"},
      {"2026-07-13", true, "2026-07-13T04:00:00+00:00"},
      {"2026-02-30", false, ""},
      {"2026-01-13T25:00", false, ""},
      {"2026-01-13T10:60", false, ""},
      {"2026-13-01", false, ""},
      {"26-01-13", false, ""},
      {"2026-01-13T10:00:00+05:00 extra", false, ""},
      // UTC offsets lie within ±18:00 (docs/security.md).
      {"2026-01-13T10:00:00+18:00", true, "2026-01-12T16:00:00+00:00"},
      {"2026-01-13T10:00:00-18:00", true, "2026-01-14T04:00:00+00:00"},
      {"2026-01-13T10:00:00+18:01", false, ""},
      {"2026-01-13T10:00:00-18:30", false, ""},
      {"2026-01-13T10:00:00+1859", false, ""},
      {"2026-01-13T10:00:00+14:60", false, ""},
      {"", false, ""},
  };
  const auto* utc = find_zone("UTC");
  const auto* ny = find_zone("America/New_York");
  for (const auto& row : rows) {
    INFO("input: " << row.text);
    auto parsed = parse_timestamp(row.text);
    REQUIRE(parsed.has_value() == row.ok);
    if (!row.ok) continue;
    auto r = resolve(*parsed, ny);
    CHECK(r.status == LocalResolution::Ok);
    CHECK(format_instant(r.instant, utc) == row.utc);
  }
}

TEST_CASE("local times in a daylight-saving gap are nonexistent; a fold means the earlier instant") {
  const auto* ny = find_zone("America/New_York");
  const auto* utc = find_zone("UTC");
  auto gap = resolve(*parse_timestamp("2026-03-08T02:30"), ny);
  CHECK(gap.status == LocalResolution::Nonexistent);
  auto fold = resolve(*parse_timestamp("2026-11-01T01:30"), ny);
  CHECK(fold.status == LocalResolution::Ok);
  CHECK(format_instant(fold.instant, utc) == "2026-11-01T05:30:00+00:00");  // EDT, the earlier one
  CHECK(format_instant(fold.instant, ny) == "2026-11-01T01:30:00-04:00");
}

TEST_CASE("instants print with the offset the zone has at that time") {
  const auto* ny = find_zone("America/New_York");
  auto winter = resolve(*parse_timestamp("2026-01-13T15:00Z"), ny).instant;
  auto summer = resolve(*parse_timestamp("2026-07-13T15:00Z"), ny).instant;
  CHECK(format_instant(winter, ny) == "2026-01-13T10:00:00-05:00");
  CHECK(format_instant(summer, ny) == "2026-07-13T11:00:00-04:00");
  CHECK(format_local(winter, ny) == "Tue 2026-01-13 10:00");
  CHECK(find_zone("Mars/Olympus") == nullptr);
}

TEST_CASE("format_local: a reading shown twice (the repeated hour) carries its offset, others none") {
  struct Row {
    const char* zone;
    const char* utc;
    const char* shown;
  };
  const Row rows[] = {
      {"America/New_York", "2026-11-01T05:30Z", "Sun 2026-11-01 01:30 (-04:00)"},  // first pass (EDT)
      {"America/New_York", "2026-11-01T06:30Z", "Sun 2026-11-01 01:30 (-05:00)"},  // second pass (EST)
      {"America/New_York", "2026-11-01T04:59Z", "Sun 2026-11-01 00:59"},           // before the fold
      {"America/New_York", "2026-11-01T07:00Z", "Sun 2026-11-01 02:00"},           // after it
      {"America/New_York", "2026-03-08T07:00Z", "Sun 2026-03-08 03:00"},           // spring: a gap, no fold
      {"Europe/London", "2026-10-25T00:15Z", "Sun 2026-10-25 01:15 (+01:00)"},
      {"Europe/London", "2026-10-25T01:15Z", "Sun 2026-10-25 01:15 (+00:00)"},
      {"Australia/Lord_Howe", "2026-04-04T14:45Z", "Sun 2026-04-05 01:45 (+11:00)"},  // a 30-minute fold
      {"Australia/Lord_Howe", "2026-04-04T15:15Z", "Sun 2026-04-05 01:45 (+10:30)"},
      {"UTC", "2026-11-01T05:30Z", "Sun 2026-11-01 05:30"},
  };
  for (const auto& r : rows) {
    INFO(r.zone << " " << r.utc);
    const auto* zone = find_zone(r.zone);
    REQUIRE(zone);
    CHECK(format_local(resolve(*parse_timestamp(r.utc), zone).instant, zone) == r.shown);
  }
}

TEST_CASE("an offset with seconds (a local mean time) is written in whole minutes, the text naming the exact instant") {
  struct Row {
    const char* zone;
    const char* utc;
    const char* shown;
  };
  const Row rows[] = {
      {"Africa/Monrovia", "1970-06-01T12:00:00Z", "1970-06-01T11:16:00-00:44"},  // -0:44:30
      {"Asia/Kathmandu", "1900-01-02T00:00:00Z", "1900-01-02T05:41:00+05:41"},    // +5:41:16
      {"Europe/Amsterdam", "1930-05-01T12:00:20.5Z", "1930-05-01T12:19:20.500+00:19"},  // +0:19:32
      {"Africa/Monrovia", "1980-06-01T12:00:00Z", "1980-06-01T12:00:00+00:00"},   // whole minutes since 1972
  };
  for (const auto& row : rows) {
    INFO(row.zone << " " << row.utc);
    const auto* zone = find_zone(row.zone);
    REQUIRE(zone != nullptr);
    Instant t = resolve(*parse_timestamp(row.utc), nullptr).instant;
    std::string shown = format_instant(t, zone);
    CHECK(shown == row.shown);
    CHECK(resolve(*parse_timestamp(shown), nullptr).instant == t);  // read back: the same instant
  }
}

TEST_CASE("`localtime` (the machine's own zone, a file of the zone directory) is no zone") {
  CHECK(find_zone("localtime") == nullptr);
  CHECK(find_zone("UTC") != nullptr);
}

TEST_CASE("UTC with exactly three fraction digits (finding ids, V2.9)") {
  const auto* ny = find_zone("America/New_York");
  CHECK(format_utc_millis(resolve(*parse_timestamp("2026-01-13T10:00:00-05:00"), ny).instant) ==
        "2026-01-13T15:00:00.000Z");
  CHECK(format_utc_millis(resolve(*parse_timestamp("2026-11-01T01:15:00.0429"), ny).instant) ==
        "2026-11-01T05:15:00.042Z");
  CHECK(format_utc_millis(resolve(*parse_timestamp("1999-12-31T23:59:59.999Z"), ny).instant) ==
        "1999-12-31T23:59:59.999Z");
}

namespace {

// The text format_instant must give, computed the plain way: the tz database's offset at t
// (get_info, no cache), in whole minutes (local mean times had seconds), and fmt's padding.
std::string reference_instant(Instant t, const date::time_zone* zone) {
  auto offset = std::chrono::duration_cast<std::chrono::minutes>(zone->get_info(date::floor<std::chrono::seconds>(t)).offset);
  auto local = t + offset;
  auto day = date::floor<date::days>(local);
  date::year_month_day ymd{day};
  date::hh_mm_ss<Millis> tod{local - day};
  auto off = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  std::string ms = tod.subseconds().count() ? fmt::format(".{:03}", tod.subseconds().count()) : "";
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{}{:02}:{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), tod.hours().count(),
                     tod.minutes().count(), tod.seconds().count(), ms, sign, off / 60, off % 60);
}

}  // namespace

TEST_CASE("format_instant equals the tz database's offset and plain formatting, across zones and transitions") {
  // Half-hour, quarter-hour, negative, +14:00 and southern-hemisphere zones; UTC; the whole range
  // of years the calendar accepts and beyond (the fallback for years without four digits).
  const char* zones[] = {"UTC", "America/New_York", "America/St_Johns", "Asia/Kathmandu", "Asia/Kolkata",
                         "Pacific/Kiritimati", "Australia/Lord_Howe", "Europe/Dublin", "America/Sao_Paulo"};
  std::vector<Instant> instants;
  // Every hour (and a few odd milliseconds) around the 2026 transitions of New York and Lord Howe.
  for (const char* text : {"2026-03-08T00:00Z", "2026-11-01T00:00Z", "2026-04-04T10:00Z", "2026-10-03T10:00Z"}) {
    Instant base = resolve(*parse_timestamp(text), nullptr).instant;
    for (int m = -180; m <= 720; m += 15) instants.push_back(base + std::chrono::minutes(m) + Millis(m % 7 ? 0 : 250));
  }
  // Irregular steps from 1850 (local mean times, offsets with seconds) to 2299.
  Instant t{date::sys_days{date::year{1850} / 1 / 1}};
  for (int i = 0; i < 4000; ++i) {
    instants.push_back(t);
    t += std::chrono::hours(24 * 41 + 7) + Millis(i % 3 == 0 ? 0 : (i * 37) % 1000);
  }
  instants.push_back(Instant{} - std::chrono::hours(24 * 365 * 2000));   // year -30
  instants.push_back(Instant{} + std::chrono::hours(24 * 366 * 8100));   // year 10147
  instants.push_back(Instant{} - Millis(1));                               // 1969-12-31T23:59:59.999
  for (const char* name : zones) {
    const auto* zone = find_zone(name);
    REQUIRE(zone != nullptr);
    for (Instant at : instants) {
      INFO(name << " at " << at.time_since_epoch().count() << " ms");
      CHECK(format_instant(at, zone) == reference_instant(at, zone));
    }
  }
  // The per-thread cache of the last period: going back and forth between zones and times.
  const auto* ny = find_zone("America/New_York");
  const auto* kathmandu = find_zone("Asia/Kathmandu");
  for (size_t i = 0; i + 1 < instants.size(); i += 97) {
    Instant a = instants[instants.size() - 1 - i], b = instants[i];
    CHECK(format_instant(a, ny) == reference_instant(a, ny));
    CHECK(format_instant(b, kathmandu) == reference_instant(b, kathmandu));
    CHECK(format_instant(b, ny) == reference_instant(b, ny));
  }
}

TEST_CASE("append_instant appends the text format_instant returns") {
  const auto* ny = find_zone("America/New_York");
  Instant at = resolve(*parse_timestamp("2026-01-13T10:00:00.5-05:00"), ny).instant;
  std::string out = "at ";
  append_instant(out, at, ny);
  CHECK(out == "at 2026-01-13T10:00:00.500-05:00");
}

TEST_CASE("format_utc_millis equals plain formatting for every year, with the fallback outside four digits") {
  Instant t = resolve(*parse_timestamp("1900-01-01T00:00Z"), nullptr).instant;
  for (int i = 0; i < 2000; ++i, t += std::chrono::hours(24 * 83 + 5) + Millis((i * 131) % 1000)) {
    auto day = date::floor<date::days>(t);
    date::year_month_day ymd{day};
    date::hh_mm_ss<Millis> tod{t - day};
    std::string expected = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                       tod.hours().count(), tod.minutes().count(), tod.seconds().count(),
                                       tod.subseconds().count());
    CHECK(format_utc_millis(t) == expected);
  }
  CHECK(format_utc_millis(Instant{} - std::chrono::hours(24 * 365 * 2000)).rfind("-0", 0) == 0);
}
