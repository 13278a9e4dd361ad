// `within N business hours after/before` and the longest closed stretch (spec 5, "Durations";
// spec 7, `deadline-outside-hours`).
#include <catch2/catch.hpp>

#include "calendar_fixtures.h"

using namespace pactum;
using namespace pactum::calendar;
using namespace pactum::calendar::test;

namespace {

struct Cals {
  // 2026-03-30 is a Monday; Friday 2026-04-03 is a holiday of `utc`.
  BusinessCalendar utc = make_calendar("UTC", "mon-fri 09:00-17:00", {"2026-04-03"});
  BusinessCalendar ny = make_calendar("America/New_York", "mon-fri 09:00-17:00");
  BusinessCalendar ny_always = make_calendar("America/New_York", "mon-sun 00:00-24:00");
  BusinessCalendar berlin = make_calendar("Europe/Berlin", "mon-fri 09:00-17:00");
  BusinessCalendar kolkata = make_calendar("Asia/Kolkata", "mon-fri 09:00-17:00");
  BusinessCalendar night = make_calendar("UTC", "mon-fri 22:00-06:00", {"2026-01-13"});
  BusinessCalendar always = make_calendar("UTC", "mon-sun 00:00-24:00");
  BusinessCalendar manila = make_calendar("Asia/Manila", "mon-fri 08:00-20:00");
};

}  // namespace

TEST_CASE("add_business_minutes: the moment N minutes of business time have elapsed") {
  Cals c;
  struct Row {
    const BusinessCalendar* cal;
    const char* a;
    int64_t minutes;
    const char* expected;
    const char* why;
  };
  const Row rows[] = {
      {&c.utc, "2026-03-30T10:00Z", 60, "2026-03-30T11:00Z", "inside hours"},
      {&c.utc, "2026-03-30T10:00Z", 420, "2026-03-30T17:00Z", "used up exactly at closing"},
      {&c.utc, "2026-03-30T16:00Z", 120, "2026-03-31T10:00Z", "over the night"},
      {&c.utc, "2026-03-30T07:00Z", 60, "2026-03-30T10:00Z", "before opening: counts from 09:00"},
      {&c.utc, "2026-03-30T18:00Z", 60, "2026-03-31T10:00Z", "after closing: next morning"},
      {&c.utc, "2026-03-27T16:00Z", 120, "2026-03-30T10:00Z", "Friday afternoon over the weekend"},
      {&c.utc, "2026-03-27T18:00Z", 60, "2026-03-30T10:00Z", "Friday evening over the weekend"},
      {&c.utc, "2026-04-02T16:00Z", 120, "2026-04-06T10:00Z", "over the Friday holiday"},
      {&c.utc, "2026-03-23T09:00Z", 5 * 480, "2026-03-27T17:00Z", "a whole working week"},
      {&c.utc, "2026-03-30T12:00Z", 0, "2026-03-30T12:00Z", "0 minutes inside hours: A itself"},
      {&c.utc, "2026-03-30T09:00Z", 0, "2026-03-30T09:00Z", "0 minutes at the opening: A itself"},
      {&c.utc, "2026-03-28T12:00Z", 0, "2026-03-30T09:00Z", "0 minutes on Saturday: the next opening (V2.1)"},
      {&c.utc, "2026-03-30T17:00Z", 0, "2026-03-31T09:00Z", "0 minutes at the closing: the next opening"},
      {&c.utc, "2026-04-02T18:00Z", 0, "2026-04-06T09:00Z", "0 minutes before the holiday: Monday's opening"},
      {&c.ny, "2026-03-06T21:00Z", 120, "2026-03-09T14:00Z", "Fri 16:00 EST + 2 h: Mon 10:00 EDT"},
      {&c.ny, "2026-10-30T20:00Z", 120, "2026-11-02T15:00Z", "Fri 16:00 EDT + 2 h: Mon 10:00 EST"},
      {&c.ny_always, "2026-03-08T05:00Z", 24 * 60, "2026-03-09T05:00Z", "23-hour day then 1 h"},
      {&c.ny_always, "2026-11-01T04:00Z", 24 * 60, "2026-11-02T04:00Z", "inside the 25-hour day"},
      {&c.berlin, "2026-03-27T15:30Z", 60, "2026-03-30T07:30Z", "Fri 16:30 CET + 1 h: Mon 09:30 CEST"},
      {&c.kolkata, "2026-01-12T11:00Z", 60, "2026-01-13T04:00Z", "16:30 IST + 1 h: Tue 09:30 IST"},
      {&c.night, "2026-01-12T23:00Z", 120, "2026-01-14T01:00Z", "Tuesday holiday removes its morning"},
      {&c.night, "2026-01-16T23:00Z", 120, "2026-01-17T01:00Z", "Friday night runs into Saturday"},
      {&c.always, "2026-01-17T23:30Z", 60, "2026-01-18T00:30Z", "seamless across midnight"},
      {&c.manila, "2026-01-09T11:00Z", 120, "2026-01-12T01:00Z", "Fri 19:00 +08 + 2 h: Mon 09:00"},
      // 1 January: the walk starts a day early, in the year before; the hours of 1 January
      // that closed before A must not count (they pushed the deadline back by A - closing).
      {&c.utc, "2027-01-01T18:00Z", 60, "2027-01-04T10:00Z", "Fri 1 Jan after closing: Monday 10:00"},
      {&c.utc, "2027-01-01T21:00Z", 60, "2027-01-04T10:00Z", "Fri 1 Jan late evening: Monday 10:00"},
      {&c.utc, "2027-01-01T10:00Z", 60, "2027-01-01T11:00Z", "1 January inside hours"},
      {&c.utc, "2027-01-01T10:00Z", 480, "2027-01-04T10:00Z", "1 January inside hours, over the weekend"},
      {&c.night, "2027-01-01T21:00Z", 60, "2027-01-01T23:00Z", "1 January: Thursday's night ended at 06:00"},
      {&c.ny, "2027-01-01T23:00Z", 60, "2027-01-04T15:00Z", "Fri 1 Jan 18:00 EST + 1 h: Mon 10:00"},
  };
  for (const auto& row : rows) {
    INFO(row.a << " + " << row.minutes << " business minutes (" << row.why << ")");
    CHECK(show(row.cal->add_business_minutes(at(row.a), row.minutes)) == show(at(row.expected)));
  }
}

TEST_CASE("subtract_business_minutes: symmetric going backwards") {
  Cals c;
  struct Row {
    const BusinessCalendar* cal;
    const char* a;
    int64_t minutes;
    const char* expected;
    const char* why;
  };
  const Row rows[] = {
      {&c.utc, "2026-03-30T10:00Z", 60, "2026-03-30T09:00Z", "back to opening"},
      {&c.utc, "2026-03-30T10:00Z", 120, "2026-03-27T16:00Z", "back over the weekend"},
      {&c.utc, "2026-03-30T09:00Z", 480, "2026-03-27T09:00Z", "a whole day back from opening"},
      {&c.utc, "2026-12-31T08:00Z", 60, "2026-12-30T16:00Z", "31 December before opening"},
      {&c.utc, "2027-01-01T08:00Z", 60, "2026-12-31T16:00Z", "1 January before opening: back into the year before"},
      {&c.utc, "2026-12-31T18:00Z", 60, "2026-12-31T16:00Z", "31 December after closing"},
      {&c.utc, "2026-03-28T12:00Z", 60, "2026-03-27T16:00Z", "Saturday: counts back from closing"},
      {&c.utc, "2026-04-06T10:00Z", 120, "2026-04-02T16:00Z", "back over the Friday holiday"},
      {&c.utc, "2026-03-30T10:00Z", 0, "2026-03-30T10:00Z", "0 minutes: A itself"},
      {&c.utc, "2026-03-28T12:00Z", 0, "2026-03-28T12:00Z", "0 minutes on Saturday: still A (before-timings unchanged)"},
      {&c.ny, "2026-03-09T14:00Z", 120, "2026-03-06T21:00Z", "Mon 10:00 EDT - 2 h: Fri 16:00 EST"},
      {&c.ny_always, "2026-03-09T05:00Z", 24 * 60, "2026-03-08T05:00Z", "back over the 23-hour day"},
      {&c.night, "2026-01-14T01:00Z", 120, "2026-01-12T23:00Z", "back over the holiday"},
  };
  for (const auto& row : rows) {
    INFO(row.a << " - " << row.minutes << " business minutes (" << row.why << ")");
    CHECK(show(row.cal->subtract_business_minutes(at(row.a), row.minutes)) == show(at(row.expected)));
  }
  // Negative amounts go the other way.
  CHECK(show(c.utc.add_business_minutes(at("2026-03-30T10:00Z"), -60)) == show(at("2026-03-30T09:00Z")));
  CHECK(show(c.utc.subtract_business_minutes(at("2026-03-30T10:00Z"), -60)) == show(at("2026-03-30T11:00Z")));
}

TEST_CASE("adding then subtracting business minutes returns to an instant inside hours") {
  Cals c;
  const BusinessCalendar* cals[] = {&c.utc, &c.ny, &c.berlin, &c.night, &c.ny_always};
  for (const auto* cal : cals) {
    for (auto t = at("2026-03-02T00:00Z"); t < at("2026-04-10T00:00Z"); t += std::chrono::minutes{397}) {
      if (!cal->is_open(t)) continue;
      for (int64_t m : {1, 59, 480, 1000, 5000}) {
        auto there = cal->add_business_minutes(t, m);
        REQUIRE(there);
        INFO("from " << show(t) << " + " << m << " = " << show(there));
        CHECK(show(cal->subtract_business_minutes(*there, m)) == show(t));
      }
    }
  }
}

// The deadline is the first instant at which exactly N minutes of business time lie between A
// and it: business_time_between (which walks each year from its own start) must count N up to
// the deadline and N minus a millisecond up to just before it. Instants cluster around New Year,
// where the walk crosses from one year's intervals into the next.
TEST_CASE("business minutes agree with business_time_between, across New Year") {
  Cals c;
  const BusinessCalendar* cals[] = {&c.utc, &c.ny, &c.kolkata, &c.night, &c.always, &c.manila};
  const Millis ms{1};
  for (const auto* cal : cals) {
    for (int year : {2026, 2027, 2028}) {
      auto new_year = at(std::to_string(year) + "-01-01T00:00Z");
      for (auto t = new_year - std::chrono::hours{60}; t < new_year + std::chrono::hours{60}; t += std::chrono::minutes{173}) {
        for (int64_t m : {1, 60, 479, 480, 1441, 9000}) {
          Millis n = std::chrono::minutes{m};
          auto later = cal->add_business_minutes(t, m);
          auto earlier = cal->subtract_business_minutes(t, m);
          REQUIRE(later);
          REQUIRE(earlier);
          INFO(show(t) << " + " << m << " min = " << show(later) << ", - " << m << " min = " << show(earlier));
          CHECK(cal->business_time_between(t, *later).count() == n.count());
          CHECK(cal->business_time_between(t, *later - ms).count() == (n - ms).count());
          CHECK(cal->business_time_between(*earlier, t).count() == n.count());
          CHECK(cal->business_time_between(*earlier + ms, t).count() == (n - ms).count());
        }
      }
    }
  }
}

TEST_CASE("longest_closure: nights, weekends and holidays, clipped to the range") {
  Cals c;
  struct Row {
    const BusinessCalendar* cal;
    const char* from;
    const char* to;
    const char* start;  // nullptr: no business time in the range
    const char* end;
    int hours;
    const char* why;
  };
  auto plain = make_calendar("UTC", "mon-fri 09:00-17:00");
  const Row rows[] = {
      {&plain, "2026-01-05T00:00Z", "2026-01-19T00:00Z", "2026-01-09T17:00Z", "2026-01-12T09:00Z", 64,
       "Fri 17:00 to Mon 09:00"},
      {&c.manila, "2026-01-05T00:00Z", "2026-02-01T00:00Z", "2026-01-09T12:00Z", "2026-01-12T00:00Z", 60,
       "Manila Fri 20:00 to Mon 08:00"},
      {&c.utc, "2026-03-30T00:00Z", "2026-04-13T00:00Z", "2026-04-02T17:00Z", "2026-04-06T09:00Z", 88,
       "a Friday holiday lengthens the weekend"},
      {&plain, "2026-01-10T00:00Z", "2026-01-13T00:00Z", "2026-01-10T00:00Z", "2026-01-12T09:00Z", 57,
       "a gap touching `from` counts from `from`"},
      {&plain, "2026-01-12T10:00Z", "2026-01-17T12:00Z", "2026-01-16T17:00Z", "2026-01-17T12:00Z", 19,
       "a weekend cut off by `to` (19 h) still beats the 16 h nights"},
      {&plain, "2026-01-10T00:00Z", "2026-01-12T00:00Z", nullptr, nullptr, 0, "weekend only"},
      {&c.ny, "2026-03-02T00:00Z", "2026-03-13T00:00Z", "2026-03-06T22:00Z", "2026-03-09T13:00Z", 63,
       "the US spring weekend is an hour shorter"},
      {&c.ny, "2026-10-26T00:00Z", "2026-11-06T00:00Z", "2026-10-30T21:00Z", "2026-11-02T14:00Z", 65,
       "the US autumn weekend is an hour longer"},
      {&c.night, "2026-01-12T00:00Z", "2026-01-19T00:00Z", "2026-01-17T06:00Z", "2026-01-19T00:00Z", 42,
       "night spans: Saturday 06:00 to the end of the range"},
      {&c.always, "2026-01-12T00:00Z", "2026-01-19T00:00Z", "2026-01-12T00:00Z", "2026-01-12T00:00Z", 0,
       "always open: an empty gap"},
  };
  for (const auto& row : rows) {
    INFO(row.from << " .. " << row.to << " (" << row.why << ")");
    auto gap = row.cal->longest_closure(at(row.from), at(row.to));
    if (!row.start) {
      CHECK_FALSE(gap.has_value());
      continue;
    }
    REQUIRE(gap);
    CHECK(show(gap->start) == show(at(row.start)));
    CHECK(show(gap->end) == show(at(row.end)));
    CHECK(std::chrono::duration_cast<std::chrono::hours>(gap->end - gap->start).count() == row.hours);
  }
}
