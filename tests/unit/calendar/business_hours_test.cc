// Which instants are business time: boundaries, time zones, DST, night spans, holidays,
// wrapping day spans and whole-day hours (spec 5, "Business time").
#include <catch2/catch.hpp>

#include <map>

#include "calendar_fixtures.h"

using namespace pactum;
using namespace pactum::calendar;
using namespace pactum::calendar::test;

namespace {

// 2026-01-12 is a Monday; 2026-01-13 (Tuesday) is the night calendar's holiday.
std::map<std::string, BusinessCalendar> calendars() {
  std::map<std::string, BusinessCalendar> c;
  c.emplace("utc", make_calendar("UTC", "mon-fri 09:00-17:00"));
  c.emplace("new-york", make_calendar("America/New_York", "mon-fri 09:00-17:00"));
  c.emplace("manila", make_calendar("Asia/Manila", "mon-fri 08:00-20:00"));
  c.emplace("berlin", make_calendar("Europe/Berlin", "mon-fri 09:00-17:00"));
  c.emplace("kolkata", make_calendar("Asia/Kolkata", "mon-fri 09:00-17:00"));
  c.emplace("night", make_calendar("UTC", "mon-fri 22:00-06:00", {"2026-01-13"}));
  c.emplace("wrap", make_calendar("UTC", "fri-mon 10:00-14:00"));
  c.emplace("always", make_calendar("UTC", "mon-sun 00:00-24:00"));
  c.emplace("ny-always", make_calendar("America/New_York", "mon-sun 00:00-24:00"));
  c.emplace("santiago", make_calendar("America/Santiago", "sat-sun 00:00-24:00"));
  return c;
}

}  // namespace

TEST_CASE("is_open: opening inside, closing outside, each calendar in its own zone") {
  struct Row {
    const char* cal;
    const char* t;
    bool open;
    const char* why;
  };
  const Row rows[] = {
      {"utc", "2026-01-12T09:00Z", true, "opening time is inside"},
      {"utc", "2026-01-12T08:59:59.999Z", false, "just before opening"},
      {"utc", "2026-01-12T16:59:59Z", true, "just before closing"},
      {"utc", "2026-01-12T17:00Z", false, "closing time is outside"},
      {"utc", "2026-01-17T10:00Z", false, "Saturday"},
      {"new-york", "2026-01-13T14:00Z", true, "09:00 EST"},
      {"new-york", "2026-01-13T13:59Z", false, "08:59 EST"},
      {"new-york", "2026-01-13T21:59Z", true, "16:59 EST"},
      {"new-york", "2026-01-13T22:00Z", false, "17:00 EST"},
      {"new-york", "2026-03-09T13:00Z", true, "09:00 EDT, the day after the US change"},
      {"new-york", "2026-03-10T12:30Z", false, "08:30 EDT (would be 07:30 EST)"},
      {"new-york", "2026-03-10T13:30Z", true, "09:30 EDT"},
      {"new-york", "2026-03-10T20:59Z", true, "16:59 EDT"},
      {"new-york", "2026-03-10T21:00Z", false, "17:00 EDT"},
      {"new-york", "2026-10-30T13:00Z", true, "09:00 EDT, last Friday of summer time"},
      {"new-york", "2026-10-30T21:00Z", false, "17:00 EDT"},
      {"new-york", "2026-11-02T13:30Z", false, "08:30 EST, after the change back"},
      {"new-york", "2026-11-02T14:00Z", true, "09:00 EST"},
      {"new-york", "2026-01-19T02:00Z", false, "Sunday 21:00 local although Monday in UTC"},
      {"manila", "2026-01-12T00:00Z", true, "Monday 08:00 +08:00"},
      {"manila", "2026-01-11T23:59Z", false, "Monday 07:59 +08:00"},
      {"manila", "2026-01-12T11:59Z", true, "19:59 +08:00"},
      {"manila", "2026-01-12T12:00Z", false, "20:00 +08:00"},
      {"manila", "2026-03-10T11:30Z", true, "19:30 +08:00: Manila keeps its offset all year"},
      {"berlin", "2026-01-12T08:00Z", true, "09:00 CET"},
      {"berlin", "2026-01-12T07:59Z", false, "08:59 CET"},
      {"berlin", "2026-03-23T08:00Z", true, "09:00 CET: the US changed, Berlin not yet"},
      {"berlin", "2026-03-23T07:30Z", false, "08:30 CET"},
      {"berlin", "2026-03-30T07:00Z", true, "09:00 CEST after the EU change"},
      {"berlin", "2026-03-30T06:59Z", false, "08:59 CEST"},
      {"berlin", "2026-03-30T14:59Z", true, "16:59 CEST"},
      {"berlin", "2026-03-30T15:00Z", false, "17:00 CEST"},
      {"kolkata", "2026-01-12T03:30Z", true, "09:00 +05:30"},
      {"kolkata", "2026-01-12T03:29Z", false, "08:59 +05:30"},
      {"kolkata", "2026-01-12T11:29Z", true, "16:59 +05:30"},
      {"kolkata", "2026-01-12T11:30Z", false, "17:00 +05:30"},
      {"night", "2026-01-12T21:59Z", false, "Monday before the night span"},
      {"night", "2026-01-12T22:00Z", true, "Monday 22:00 opens"},
      {"night", "2026-01-12T23:59Z", true, "Monday late evening"},
      {"night", "2026-01-13T00:00Z", false, "after-midnight part falls on the Tuesday holiday"},
      {"night", "2026-01-13T05:00Z", false, "after-midnight part falls on the Tuesday holiday"},
      {"night", "2026-01-13T22:00Z", false, "Tuesday evening is on the holiday too"},
      {"night", "2026-01-14T03:00Z", true, "Wednesday morning is Wednesday's date, not a holiday"},
      {"night", "2026-01-14T06:00Z", false, "closing 06:00 is outside"},
      {"night", "2026-01-17T05:59Z", true, "Saturday morning: the end of Friday's night"},
      {"night", "2026-01-17T22:00Z", false, "no Saturday night span"},
      {"night", "2026-01-19T03:00Z", false, "no Sunday night span, so no Monday morning"},
      {"wrap", "2026-01-16T10:00Z", true, "Friday"},
      {"wrap", "2026-01-17T12:00Z", true, "Saturday"},
      {"wrap", "2026-01-18T13:59Z", true, "Sunday"},
      {"wrap", "2026-01-19T10:00Z", true, "Monday"},
      {"wrap", "2026-01-19T14:00Z", false, "Monday closing"},
      {"wrap", "2026-01-20T12:00Z", false, "Tuesday is not in fri-mon"},
      {"wrap", "2026-01-15T12:00Z", false, "Thursday is not in fri-mon"},
      {"always", "2026-01-17T00:00Z", true, "midnight"},
      {"always", "2026-01-18T23:59:59.999Z", true, "last millisecond of Sunday"},
      {"ny-always", "2026-03-08T07:00Z", true, "03:00 EDT, just after the gap"},
      {"ny-always", "2026-11-01T06:30Z", true, "01:30 EST, second pass of the fold"},
      {"santiago", "2026-09-06T03:59Z", true, "Saturday 23:59 -04, the day before the gap"},
      {"santiago", "2026-09-06T04:00Z", true, "Sunday 01:00 -03, the first Sunday instant"},
      {"santiago", "2026-09-07T02:59Z", true, "Sunday 23:59 -03"},
      {"santiago", "2026-09-07T03:00Z", false, "Monday"},
  };
  auto cals = calendars();
  for (const auto& row : rows) {
    INFO(row.cal << " at " << row.t << " (" << row.why << "): expected " << (row.open ? "open" : "closed"));
    CHECK(cals.at(row.cal).is_open(at(row.t)) == row.open);
  }
}

TEST_CASE("open_intervals: business time of one local date as instants") {
  struct Row {
    const char* tz;
    const char* hours;
    const char* date;
    const char* expected;  // shown as by show()
  };
  const Row rows[] = {
      {"UTC", "mon-fri 09:00-17:00", "2026-01-12",
       "[2026-01-12T09:00:00+00:00, 2026-01-12T17:00:00+00:00)"},
      {"UTC", "mon-fri 09:00-17:00", "2026-01-17", "(none)"},
      {"UTC", "mon 09:00-12:00, mon 12:00-17:00", "2026-01-12",
       "[2026-01-12T09:00:00+00:00, 2026-01-12T17:00:00+00:00)"},  // touching spans merge
      {"UTC", "mon 09:00-12:00, mon 13:00-17:00", "2026-01-12",
       "[2026-01-12T09:00:00+00:00, 2026-01-12T12:00:00+00:00) "
       "[2026-01-12T13:00:00+00:00, 2026-01-12T17:00:00+00:00)"},
      {"UTC", "mon-fri 22:00-06:00", "2026-01-12",
       "[2026-01-12T22:00:00+00:00, 2026-01-13T00:00:00+00:00)"},  // Monday: evening only
      {"UTC", "mon-fri 22:00-06:00", "2026-01-13",
       "[2026-01-13T00:00:00+00:00, 2026-01-13T06:00:00+00:00) "
       "[2026-01-13T22:00:00+00:00, 2026-01-14T00:00:00+00:00)"},
      {"UTC", "mon-fri 22:00-06:00", "2026-01-17",
       "[2026-01-17T00:00:00+00:00, 2026-01-17T06:00:00+00:00)"},  // Saturday: Friday's morning
      {"UTC", "sun 00:00-00:00", "2026-01-18", "(none)"},        // open == close: empty
      {"UTC", "mon 24:00-06:00", "2026-01-12", "(none)"},        // no evening part at all
      {"UTC", "mon 24:00-06:00", "2026-01-13",
       "[2026-01-13T00:00:00+00:00, 2026-01-13T06:00:00+00:00)"},
      {"America/Santiago", "mon-sun 00:00-24:00", "2026-09-06",
       "[2026-09-06T04:00:00+00:00, 2026-09-07T03:00:00+00:00)"},  // midnight in the gap
      // America/New_York: 2026-03-08 has no 02:00-03:00; 2026-11-01 has 01:00-02:00 twice.
      {"America/New_York", "mon-sun 00:00-24:00", "2026-03-08",
       "[2026-03-08T05:00:00+00:00, 2026-03-09T04:00:00+00:00)"},  // 23 hours
      {"America/New_York", "mon-sun 00:00-24:00", "2026-11-01",
       "[2026-11-01T04:00:00+00:00, 2026-11-02T05:00:00+00:00)"},  // 25 hours
      {"America/New_York", "sun 01:00-04:00", "2026-03-08",
       "[2026-03-08T06:00:00+00:00, 2026-03-08T08:00:00+00:00)"},  // 2 hours of wall time
      {"America/New_York", "sun 02:30-05:00", "2026-03-08",
       "[2026-03-08T07:00:00+00:00, 2026-03-08T09:00:00+00:00)"},  // opening in the gap: 03:00
      {"America/New_York", "sun 02:00-02:30", "2026-03-08", "(none)"},  // wholly in the gap
      {"America/New_York", "sun 00:00-02:00, sun 02:30-05:00", "2026-03-08",
       "[2026-03-08T05:00:00+00:00, 2026-03-08T09:00:00+00:00)"},  // touching once the gap goes
      {"America/New_York", "sun 01:00-04:00", "2026-11-01",
       "[2026-11-01T05:00:00+00:00, 2026-11-01T09:00:00+00:00)"},  // fold: earlier 01:00; 4 h
      {"America/New_York", "sun 01:30-01:45", "2026-11-01",
       "[2026-11-01T05:30:00+00:00, 2026-11-01T05:45:00+00:00)"},  // both boundaries earlier
      {"Europe/Berlin", "sun 00:00-24:00", "2026-03-29",
       "[2026-03-28T23:00:00+00:00, 2026-03-29T22:00:00+00:00)"},
      {"Asia/Kolkata", "mon 09:00-17:00", "2026-01-12",
       "[2026-01-12T03:30:00+00:00, 2026-01-12T11:30:00+00:00)"},
  };
  for (const auto& row : rows) {
    INFO(row.tz << " " << row.hours << " on " << row.date);
    auto cal = make_calendar(row.tz, row.hours);
    CHECK(show(cal.open_intervals(day(row.date))) == row.expected);
  }
}

TEST_CASE("holidays remove whole local dates; a business day keeps some business time") {
  auto night = make_calendar("UTC", "mon-fri 22:00-06:00", {"2026-01-13"});
  CHECK(night.is_holiday(day("2026-01-13")));
  CHECK_FALSE(night.is_holiday(day("2026-01-14")));
  CHECK(night.open_intervals(day("2026-01-13")).empty());
  CHECK(night.is_business_day(day("2026-01-12")));   // Monday evening
  CHECK_FALSE(night.is_business_day(day("2026-01-13")));
  CHECK(night.is_business_day(day("2026-01-17")));   // Saturday keeps Friday night's morning
  CHECK_FALSE(night.is_business_day(day("2026-01-18")));

  auto gap_only = make_calendar("America/New_York", "sun 02:00-02:30");
  CHECK_FALSE(gap_only.is_business_day(day("2026-03-08")));  // its hours do not exist that day
  CHECK(gap_only.is_business_day(day("2026-03-15")));

  CHECK(make_calendar("UTC", "mon-fri 09:00-17:00").has_weekly_hours());
  CHECK_FALSE(make_calendar("UTC", "mon 10:00-10:00").has_weekly_hours());
  CHECK_FALSE(BusinessCalendar(zone("UTC"), {}, {}).has_weekly_hours());
}

TEST_CASE("00:00-24:00 every day: dates are separate but consecutive intervals") {
  auto always = make_calendar("Asia/Kolkata", "mon-sun 00:00-24:00");
  auto mon = always.open_intervals(day("2026-01-12"));
  auto tue = always.open_intervals(day("2026-01-13"));
  REQUIRE(mon.size() == 1);
  REQUIRE(tue.size() == 1);
  CHECK(show(mon[0].end) == show(tue[0].start));
  CHECK(show(mon[0].start) == "2026-01-11T18:30:00+00:00");
}
