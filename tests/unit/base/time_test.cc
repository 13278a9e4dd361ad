#include <catch2/catch.hpp>

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

TEST_CASE("UTC with exactly three fraction digits (finding ids, V2.9)") {
  const auto* ny = find_zone("America/New_York");
  CHECK(format_utc_millis(resolve(*parse_timestamp("2026-01-13T10:00:00-05:00"), ny).instant) ==
        "2026-01-13T15:00:00.000Z");
  CHECK(format_utc_millis(resolve(*parse_timestamp("2026-11-01T01:15:00.0429"), ny).instant) ==
        "2026-11-01T05:15:00.042Z");
  CHECK(format_utc_millis(resolve(*parse_timestamp("1999-12-31T23:59:59.999Z"), ny).instant) ==
        "1999-12-31T23:59:59.999Z");
}
